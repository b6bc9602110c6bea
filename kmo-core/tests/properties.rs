//! Property tests over the whole pipeline: the parts add up, the aid is rounded once, the
//! classes are monotone, nothing panics, the fast paths equal the reference, and the typed API
//! and the JSON document agree — on what they accept and on what they refuse.

use kmo_core::json::{parse_request, response_json};
use kmo_core::quick::{quick_quote, QuickQuestion};
use kmo_core::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn date_between(from: i32, to: i32) -> impl Strategy<Value = Date> {
    let start = Date::from_calendar_date(from, time::Month::January, 1).unwrap();
    let days =
        (Date::from_calendar_date(to, time::Month::December, 31).unwrap() - start).whole_days();
    (0..=days).prop_map(move |d| start + time::Duration::days(d))
}

fn money(max_cents: i64) -> impl Strategy<Value = Money> {
    (0..=max_cents).prop_map(|c| Money::from_cents(c).unwrap())
}

fn class() -> impl Strategy<Value = SizeClass> {
    prop::sample::select(SizeClass::ALL.to_vec())
}

fn application() -> impl Strategy<Value = Application> {
    (
        date_between(2015, 2028),
        class(),
        prop::sample::select(ServiceKind::ALL.to_vec()),
        prop::option::of(prop::sample::select(Theme::ALL.to_vec())),
        prop::option::of(prop::sample::select(Subtheme::ALL.to_vec())),
        money(5_000_000),
        money(1_600_000),
        any::<bool>(),
        0u8..=100,
    )
        .prop_map(
            |(date, class, kind, theme, subtheme, cost, used, maatwerk, vat)| {
                let theme = match (theme, subtheme) {
                    (_, Some(s)) => Some(s.theme()),
                    (t, None) => t,
                };
                Application {
                    aid_used: used,
                    ..Application::new(
                        date,
                        Enterprise {
                            maatwerkbedrijf: maatwerk,
                            ..Enterprise::new(SizeInput::Declared(class))
                        },
                        Service {
                            theme,
                            subtheme,
                            start_date: Some(date - time::Duration::days(i64::from(vat % 20))),
                            vat_rate: Percent::from_whole(vat).unwrap(),
                            ..Service::new(kind, cost)
                        },
                    )
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Aid + own share = eligible cost, to the cent; aid never above what was left.
    #[test]
    fn parts_add_up_and_respect_the_ceiling(app in application()) {
        let a = assess(&app).unwrap();
        prop_assert_eq!(a.aid.checked_add(a.own_share), Some(a.eligible_cost));
        prop_assert!(a.aid <= a.ceiling.saturating_sub(app.aid_used));
        prop_assert!(a.ceiling_left <= a.ceiling);
        if a.eligible {
            prop_assert_eq!(a.ceiling_left.checked_add(a.aid), Some(a.ceiling.saturating_sub(app.aid_used)));
        } else {
            prop_assert!(a.aid.is_zero());
            prop_assert!(a.blocking().next().is_some(), "ineligible without a blocking reason");
        }
    }

    /// The aid is rate × cost rounded once, half away from zero, unless capped.
    #[test]
    fn aid_is_rounded_once(app in application()) {
        let a = assess(&app).unwrap();
        if a.eligible && !a.capped {
            let exact = a.eligible_cost.as_decimal() * a.rate.as_decimal() / Decimal::ONE_HUNDRED;
            let diff = (a.aid.as_decimal() - exact).abs();
            prop_assert!(diff <= Decimal::new(5, 3), "aid {} exact {}", a.aid, exact);
        }
    }

    /// A larger class never gets a higher rate, on any date, for any service and subtheme.
    #[test]
    fn larger_class_never_higher_rate(app in application()) {
        let mut rates = Vec::new();
        for class in [SizeClass::Micro, SizeClass::Small, SizeClass::Medium] {
            let mut a = app.clone();
            a.enterprise.size = SizeInput::Declared(class);
            a.enterprise.maatwerkbedrijf = false;
            rates.push(assess(&a).unwrap().rate);
        }
        prop_assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{:?}", rates);
    }

    /// More staff or more money never makes a smaller class (monotone thresholds).
    #[test]
    fn classification_is_monotone(awu in 0u32..400, t in 0u32..70_000_000, b in 0u32..60_000_000, dx in 0u32..50, dt in 0u32..5_000_000) {
        let f = |awu: u32, t: u32, b: u32| classify(&SizeInput::Figures(Figures {
            staff: AnnualWorkUnits::whole(awu).unwrap(),
            turnover: Money::from_euro(t),
            balance_sheet: Money::from_euro(b),
        }), Percent::ZERO).class;
        prop_assert!(f(awu, t, b) <= f(awu + dx, t + dt, b + dt));
    }

    /// Any string: JSON comes out, never a panic.
    #[test]
    fn no_string_panics(text in ".{0,200}") {
        let out: Value = serde_json::from_str(&assess_json(&text)).expect("always JSON");
        prop_assert!(out.is_object());
    }

    /// Any text in a JSON string, written in ASCII only: the same string read back, every
    /// character (accents, dashes, the euro sign, beyond U+FFFF) included.
    #[test]
    fn ascii_only_is_the_same_json(text in "\\PC{0,80}", tail in "[a-z\u{e9}\u{2013}\u{1d11e}]{0,8}", run in 0usize..70) {
        // Runs of ASCII of every length around the sixteen bytes read at a time.
        let text = format!("{}{text}{}", "a".repeat(run), "b".repeat(run % 17));
        let written = serde_json::to_string(&json!({ "k": [&text, &tail], &tail: 1 })).unwrap();
        let ascii = kmo_core::json::ascii_only(written.clone());
        prop_assert!(ascii.is_ascii());
        prop_assert_eq!(serde_json::from_str::<Value>(&ascii).unwrap(), serde_json::from_str::<Value>(&written).unwrap());
        if written.is_ascii() {
            prop_assert_eq!(ascii, written);
        }
    }

    /// Any value in any field of a valid request: a response or an error document, never a panic.
    #[test]
    fn no_field_value_panics(field in 0usize..14, value in json_value()) {
        let mut req = json!({
            "application_date": "2026-03-10",
            "enterprise": { "legal_form": "bv", "nace": "62.010", "size": { "staff_awu": "12", "turnover": "1", "balance_sheet": "1" },
                            "de_minimis": [ { "date": "2025-01-01", "amount": "1" } ] },
            "service": { "kind": "training", "theme": "innovatie", "cost": "2000", "start_date": "2026-03-02" },
            "wallet": { "aid_used": "0" }
        });
        let slot: &mut Value = match field {
            0 => &mut req["application_date"],
            1 => &mut req["enterprise"]["legal_form"],
            2 => &mut req["enterprise"]["nace"],
            3 => &mut req["enterprise"]["size"]["staff_awu"],
            4 => &mut req["enterprise"]["size"]["turnover"],
            5 => &mut req["enterprise"]["size"],
            6 => &mut req["enterprise"]["de_minimis"][0]["amount"],
            7 => &mut req["service"]["kind"],
            8 => &mut req["service"]["cost"],
            9 => &mut req["service"]["start_date"],
            10 => &mut req["wallet"]["aid_used"],
            11 => &mut req["service"],
            12 => &mut req["enterprise"],
            _ => &mut req["service"]["vat_rate"],
        };
        *slot = value;
        let out: Value = serde_json::from_str(&assess_json(&req.to_string())).expect("always JSON");
        if let Some(err) = out.get("error") {
            prop_assert!(err["code"].as_str().is_some_and(|c| !c.is_empty()));
            prop_assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
        } else {
            prop_assert!(out["aid"].as_str().is_some());
        }
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| json!(i)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "[0-9.eE+-]{0,40}".prop_map(Value::String),
        ".{0,30}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Random ownership graphs (cycles, self-holdings, unknown ids, over-100 % sums, missing
/// figures included): a typed error or an answer, never a panic or an endless loop; and when
/// there is an answer, the enterprise itself is counted at 100 % and weights stay in 0–100.
fn graph_request() -> impl Strategy<Value = Value> {
    let ids = prop::sample::select(vec!["A", "B", "C", "D", "E", "Z"]);
    let kind = prop::sample::select(vec![
        "enterprise",
        "natural_person",
        "public_body",
        "venture_capital",
        "university",
    ]);
    let entity = (
        prop::sample::select(vec!["B", "C", "D", "E"]),
        kind,
        prop::option::of((0u32..300, 0u32..60_000_000)),
        prop::option::of(prop::sample::select(vec!["62", "10"])),
    )
        .prop_map(|(id, kind, figures, market)| {
            let mut e = json!({ "id": id, "kind": kind });
            if let Some((awu, money)) = figures {
                e["staff_awu"] = json!(awu.to_string());
                e["turnover"] = json!(money.to_string());
                e["balance_sheet"] = json!(money.to_string());
            }
            if let Some(m) = market {
                e["market"] = json!(m);
            }
            e
        });
    let holding = (ids.clone(), ids.clone(), 0u32..=10_000, 0u32..=10_000)
        .prop_map(|(h, d, c, v)| json!({ "holder": h, "held": d, "capital_pct": format!("{}.{:02}", c / 100, c % 100), "voting_pct": format!("{}.{:02}", v / 100, v % 100) }));
    let control = (ids.clone(), ids)
        .prop_map(|(h, d)| json!({ "holder": h, "held": d, "right": "board_majority" }));
    (
        prop::collection::vec(entity, 0..5),
        prop::collection::vec(holding, 0..7),
        prop::collection::vec(control, 0..2),
    )
        .prop_map(|(entities, holdings, controls)| {
            json!({
                "application_date": "2026-03-10",
                "enterprise": { "size": { "id": "A", "market": "62", "staff_awu": "20", "turnover": "3000000", "balance_sheet": "2000000",
                                          "entities": entities, "holdings": holdings, "controls": controls } },
                "service": { "kind": "training", "theme": "innovatie", "cost": "2000" }
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_graphs_never_panic(req in graph_request()) {
        let out: Value = serde_json::from_str(&assess_json(&req.to_string())).expect("always JSON");
        if let Some(err) = out.get("error") {
            prop_assert!(err["path"].as_str().is_some_and(|p| p.starts_with("enterprise.size")), "{}", err);
        } else {
            let period = &out["sme"]["periods"][0];
            let contributions = period["contributions"].as_array().unwrap();
            prop_assert_eq!(&contributions[0]["relation"], "own");
            for c in contributions {
                let w: Decimal = c["weight"].as_str().unwrap().parse().unwrap();
                prop_assert!(w >= Decimal::ZERO && w <= Decimal::ONE_HUNDRED);
            }
            let staff: Decimal = period["staff_awu"].as_str().unwrap().parse().unwrap();
            prop_assert!(staff >= Decimal::from(20));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The integer rounding twin equals the decimal rule on every amount.
    #[test]
    fn integer_rounding_equals_decimal_rounding(cents in 0i64..=100_000_000_000_000, bp in 0u32..=10_000) {
        let decimal = Money::from_cents(cents).unwrap().percent(Percent::from_basis_points(bp).unwrap());
        prop_assert_eq!(kmo_core::units::percent_of_cents(cents, bp), decimal.cents());
    }

    /// The size test in integers (cents; an AWU figure's mantissa against the scaled
    /// ceiling) is the rule written with decimal comparisons, at and around every edge of every
    /// ceiling: staff just below, at and above 10, 50, 250 and 750 AWU (up to six decimals),
    /// turnover and balance sheet a few cents either side of each financial ceiling.
    #[test]
    fn integer_size_test_equals_the_decimal_rule(
        staff_edge in prop::sample::select(vec![0_i64, 10, 50, 250, 750]),
        staff_nudge in -3_000_i64..3_000,
        staff_scale in 0_u32..=6,
        turnover_edge in prop::sample::select(vec![0_i64, 2_000_000, 10_000_000, 43_000_000, 50_000_000, 129_000_000, 150_000_000]),
        balance_edge in prop::sample::select(vec![0_i64, 2_000_000, 10_000_000, 43_000_000, 50_000_000, 129_000_000, 150_000_000]),
        turnover_nudge in -3_i64..=3,
        balance_nudge in -3_i64..=3,
    ) {
        let staff = Decimal::new(staff_edge * 10_i64.pow(staff_scale) + staff_nudge, staff_scale);
        prop_assume!(!staff.is_sign_negative() || staff.is_zero());
        let cents = |edge: i64, nudge: i64| Money::from_cents((edge * 100 + nudge).max(0)).unwrap();
        let figures = Figures {
            staff: AnnualWorkUnits::from_decimal(staff).unwrap(),
            turnover: cents(turnover_edge, turnover_nudge),
            balance_sheet: cents(balance_edge, balance_nudge),
        };
        // The rule as art. 2 reads, in decimals: staff strictly below, money not exceeding,
        // either financial test enough.
        let (s, t, b) = (staff, figures.turnover.as_decimal(), figures.balance_sheet.as_decimal());
        let passes = |staff_below: i64, turnover_max: i64, balance_max: i64| {
            s < Decimal::from(staff_below)
                && (t <= Decimal::from(turnover_max) || b <= Decimal::from(balance_max))
        };
        let expected = if passes(10, 2_000_000, 2_000_000) {
            SizeClass::Micro
        } else if passes(50, 10_000_000, 10_000_000) {
            SizeClass::Small
        } else if passes(250, 50_000_000, 43_000_000) {
            SizeClass::Medium
        } else {
            SizeClass::Large
        };
        prop_assert_eq!(figures.class(), expected);
        let exact = kmo_core::sme::thresholds::ExactFigures::from(&figures);
        prop_assert_eq!(exact.class(), expected);
        // What `assess` reports for the figures: the class, and the small mid-cap's test.
        let status = classify(&SizeInput::Figures(figures), Percent::ZERO);
        prop_assert_eq!(status.class, expected);
        prop_assert_eq!(status.small_mid_cap, expected == SizeClass::Large && passes(750, 150_000_000, 129_000_000));
    }

    /// Aggregated figures of any precision (a partner's share of a figure is not a whole
    /// number of cents) compare in integers exactly as in decimals.
    #[test]
    fn aggregated_figures_compare_exactly(
        staff in 0_i64..3_000_000_000,
        turnover in 0_i64..600_000_000_000,
        balance in 0_i64..600_000_000_000,
        weight in 1_i64..=10_000,
    ) {
        let partner = kmo_core::sme::thresholds::ExactFigures {
            staff: Decimal::new(staff, 4),
            turnover: Decimal::new(turnover, 2),
            balance_sheet: Decimal::new(balance, 2),
        };
        let f = kmo_core::sme::thresholds::ExactFigures::default()
            .checked_add_weighted(&partner, Decimal::new(weight, 2))
            .unwrap();
        for c in &kmo_core::sme::thresholds::CEILINGS {
            let decimal = f.staff < Decimal::from(c.staff_below)
                && (f.turnover <= Decimal::from(c.turnover_max) || f.balance_sheet <= Decimal::from(c.balance_max));
            prop_assert_eq!(c.passes(&f), decimal);
        }
    }

    /// `Money::percent` in integers is the decimal product rounded once, half away from zero,
    /// for rates in whole basis points and rates with four decimals.
    #[test]
    fn percent_lanes_equal_the_decimal_product(cents in 0i64..=100_000_000_000_000, units in 0u32..=1_000_000) {
        let money = Money::from_cents(cents).unwrap();
        let rate = Percent::from_decimal(Decimal::new(i64::from(units), 4)).unwrap();
        let exact = (money.as_decimal() * rate.as_decimal() / Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        prop_assert_eq!(money.percent(rate).as_decimal(), exact.normalize());
        prop_assert_eq!(rate.ten_thousandths(), units);
    }

    /// The integer readers of amounts, percentages and work units give what their decimal
    /// doors give for the same number, value or refusal code (numbers the text reader reads:
    /// up to 15 digits before the point and 12 after it).
    #[test]
    fn text_readers_equal_the_decimal_doors(text in "-?[0-9]{1,15}(\\.[0-9]{1,12})?") {
        if let Ok(d) = Decimal::from_str_exact(&text) {
            prop_assert_eq!(Money::parse(&text).map(|m| m.as_decimal()).map_err(|e| e.code), Money::from_decimal(d).map(|m| m.as_decimal()).map_err(|e| e.code));
            prop_assert_eq!(Percent::parse(&text).map_err(|e| e.code), Percent::from_decimal(d).map_err(|e| e.code));
            let awu = AnnualWorkUnits::parse(&text).map(|a| (a.to_string(), a.as_decimal().scale()));
            prop_assert_eq!(awu.map_err(|e| e.code), AnnualWorkUnits::from_decimal(d).map(|a| (a.to_string(), a.as_decimal().scale())).map_err(|e| e.code));
        }
    }

    /// The deadlines counted by day of the year are the calendar's: the start + 14 days, the
    /// application + 14 or 30 days, 31 December of the next year; across every year end.
    #[test]
    fn deadlines_equal_calendar_arithmetic(day in date_between(2017, 2030), back in 0i64..60, policy in prop::sample::select(OwnShareDeadline::ALL.to_vec())) {
        let start = day - time::Duration::days(back);
        let book = rulebook_for(day).unwrap();
        let approval = day + time::Duration::days(back / 2);
        let d = deadlines(book, day, Some(start), policy, Some(approval));
        prop_assert_eq!(d.apply_by, Some(start + time::Duration::days(14)));
        let from = if policy.counts_from_approval() { approval } else { day };
        prop_assert_eq!(d.pay_own_share_by, Some(from + time::Duration::days(policy.days())));
        prop_assert_eq!(d.complete_by, Date::from_calendar_date(day.year() + 1, time::Month::December, 31).unwrap());
    }

    /// The quick quote answers exactly as `assess` for the same question.
    #[test]
    fn quick_quote_equals_assess(
        app in application(),
        used in money(1_600_000),
        policy in prop::sample::select(OwnShareDeadline::ALL.to_vec()),
        approved_after in prop::option::of(0i64..40),
    ) {
        let SizeInput::Declared(class) = app.enterprise.size else { unreachable!() };
        let CostInput::Amount(cost) = app.service.cost else { unreachable!() };
        let approval_date = approved_after.map(|d| app.application_date + time::Duration::days(d));
        let q = QuickQuestion {
            theme: app.service.theme,
            subtheme: app.service.subtheme,
            start_date: app.service.start_date,
            aid_used: used,
            vat_rate: app.service.vat_rate,
            own_share_deadline: policy,
            approval_date,
            ..QuickQuestion::new(app.application_date, class, app.service.kind, cost)
        }
        .check()
        .unwrap();
        let mut plain = app.clone();
        plain.enterprise.maatwerkbedrijf = false;
        plain.aid_used = used;
        plain.options.own_share_deadline = policy;
        plain.options.approval_date = approval_date;
        let a = assess(&plain).unwrap();
        let quick = quick_quote(&q);
        // The quote's own application is the one `assess` was given.
        prop_assert_eq!(q.application(), &plain);
        prop_assert_eq!(quick.eligible_cost_cents, a.eligible_cost.cents());
        prop_assert_eq!(quick.eligible(), a.eligible);
        prop_assert_eq!(quick.blocking.codes().collect::<Vec<_>>(), a.blocking().map(|f| f.code).collect::<Vec<_>>());
        prop_assert_eq!(Some(quick.rate_bp), a.rate.basis_points());
        prop_assert_eq!(quick.aid_cents, a.aid.cents());
        prop_assert_eq!(quick.own_share_cents, a.own_share.cents());
        prop_assert_eq!(quick.vat_cents, a.vat.cents());
        prop_assert_eq!(quick.ceiling_cents, a.ceiling.cents());
        prop_assert_eq!(quick.ceiling_left_cents, a.ceiling_left.cents());
        prop_assert_eq!(quick.capped, a.capped);
        prop_assert_eq!(quick.deadlines, Some(a.deadlines));
    }

    /// `Detail::Numbers` decides exactly as the full assessment.
    #[test]
    fn numbers_only_decides_the_same(app in application()) {
        let full = assess(&app).unwrap();
        let lean = assess_with(&app, Detail::Numbers).unwrap();
        prop_assert_eq!(full.eligible, lean.eligible);
        prop_assert_eq!(&full.findings, &lean.findings);
        prop_assert_eq!((full.aid, full.own_share, full.vat, full.rate), (lean.aid, lean.own_share, lean.vat, lean.rate));
        prop_assert_eq!((full.ceiling_left, full.capped, full.deadlines), (lean.ceiling_left, lean.capped, lean.deadlines));
        prop_assert!(lean.trace.is_empty() && lean.procedure.is_empty());
    }

    /// `assess_counted` decides exactly as the assessment it counts.
    #[test]
    fn counted_decides_the_same(app in application()) {
        let lean = assess_with(&app, Detail::Numbers).unwrap();
        prop_assert_eq!(assess_counted(&app).unwrap(), lean.counted());
    }
}

// ---- the typed API and the JSON document agree ---------------------------------------------

/// A richer application than `application()`: figures or a declared class, conditions,
/// invoice lines, de minimis aid, options.
fn rich_application() -> impl Strategy<Value = Application> {
    let size = prop_oneof![
        class().prop_map(SizeInput::Declared),
        (0u32..400_000, 0u32..60_000_000, 0u32..50_000_000).prop_map(|(milli, t, b)| {
            SizeInput::Figures(Figures {
                staff: AnnualWorkUnits::from_decimal(Decimal::new(i64::from(milli), 3)).unwrap(),
                turnover: Money::from_euro(t),
                balance_sheet: Money::from_euro(b),
            })
        }),
    ];
    let line = (
        prop::sample::select(CostLineKind::ALL.to_vec()),
        money(2_000_000),
        prop::option::of(0u32..30),
        prop::option::of(0u32..5),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(kind, amount, persons, days, separately, exclusive)| CostLine {
                persons,
                days,
                separately_invoiced: separately,
                exclusive_use: exclusive,
                ..CostLine::new(kind, amount)
            },
        );
    let cost = prop_oneof![
        money(3_000_000).prop_map(CostInput::Amount),
        prop::collection::vec(line, 1..4).prop_map(CostInput::Lines),
    ];
    let conditions = (
        prop::option::of(prop::sample::select(LegalForm::ALL.to_vec())),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        0u32..=10_000,
        prop::option::of(prop::sample::select(vec!["62.010", "01.1", "70.22"])),
        prop::option::of(prop::sample::select(vec!["DV.O236459", "DV.A236460"])),
    );
    let options = (
        prop::sample::select(OwnShareDeadline::ALL.to_vec()),
        prop::option::of(0i64..40),
        prop::option::of(0i64..60),
    );
    (
        (date_between(2016, 2027), size, cost, conditions, options),
        (
            prop::sample::select(ServiceKind::ALL.to_vec()),
            prop::option::of(prop::sample::select(Subtheme::ALL.to_vec())),
            prop::option::of(prop::sample::select(Theme::ALL.to_vec())),
            prop::collection::vec((0i64..1500, money(30_000_000)), 0..3),
            money(1_000_000),
            prop::option::of(0i64..30),
        ),
    )
        .prop_map(
            |(
                (
                    date,
                    size,
                    cost,
                    (form, flemish, related, public_bp, nace, provider),
                    (policy, approval, registration),
                ),
                (kind, subtheme, theme, de_minimis, used, start),
            )| {
                let theme = subtheme.map(Subtheme::theme).or(theme);
                let mut app = Application::new(
                    date,
                    Enterprise {
                        legal_form: form,
                        flemish_establishment: flemish,
                        related_to_provider: related,
                        public_bodies_pct: Percent::from_basis_points(public_bp).unwrap(),
                        nace: nace.map(|n| n.parse().unwrap()),
                        de_minimis: de_minimis
                            .into_iter()
                            .map(|(days, amount)| DeMinimisAid {
                                date: date - time::Duration::days(days),
                                amount,
                            })
                            .collect(),
                        ..Enterprise::new(size)
                    },
                    Service {
                        theme,
                        subtheme,
                        provider: provider.map(|p| p.parse().unwrap()),
                        start_date: start.map(|d| date - time::Duration::days(d)),
                        cost,
                        ..Service::new(kind, Money::ZERO)
                    },
                );
                app.aid_used = used;
                // The language `document` writes.
                app.lang = Lang::Fr;
                app.options = Options {
                    own_share_deadline: policy,
                    approval_date: approval.map(|d| date + time::Duration::days(d)),
                    portal_registration_date: registration.map(|d| date - time::Duration::days(d)),
                    // Both with and without a registration date.
                    first_time: registration.is_none_or(|d| d % 3 == 0),
                };
                app
            },
        )
}

/// The request document of a typed application.
fn document(app: &Application) -> Value {
    let e = &app.enterprise;
    let s = &app.service;
    let size = match &e.size {
        SizeInput::Declared(c) => json!({ "class": c.as_str() }),
        SizeInput::Figures(f) => json!({
            "staff_awu": f.staff.to_string(),
            "turnover": f.turnover.to_string(),
            "balance_sheet": f.balance_sheet.to_string(),
        }),
        _ => unreachable!("not generated"),
    };
    let mut enterprise = json!({
        "size": size,
        "public_bodies_pct": e.public_bodies_pct.to_string(),
        "de_minimis": e.de_minimis.iter().map(|a| json!({ "date": a.date.to_string(), "amount": a.amount.to_string() })).collect::<Vec<_>>(),
    });
    if let Some(f) = e.legal_form {
        enterprise["legal_form"] = json!(f.as_str());
    }
    if let Some(b) = e.flemish_establishment {
        enterprise["flemish_establishment"] = json!(b);
    }
    if let Some(b) = e.related_to_provider {
        enterprise["related_to_provider"] = json!(b);
    }
    if let Some(n) = e.nace {
        enterprise["nace"] = json!(n.to_string());
    }
    let mut service = json!({ "kind": s.kind.as_str(), "vat_rate": s.vat_rate.to_string() });
    if let Some(t) = s.theme {
        service["theme"] = json!(t.as_str());
    }
    if let Some(t) = s.subtheme {
        service["subtheme"] = json!(t.as_str());
    }
    if let Some(p) = s.provider {
        service["provider"] = json!(p.to_string());
    }
    if let Some(d) = s.start_date {
        service["start_date"] = json!(d.to_string());
    }
    match &s.cost {
        CostInput::Amount(m) => service["cost"] = json!(m.to_string()),
        CostInput::Lines(lines) => {
            service["lines"] = lines
                .iter()
                .map(|l| {
                    let mut line = json!({
                        "kind": l.kind.as_str(),
                        "amount": l.amount.to_string(),
                        "separately_invoiced": l.separately_invoiced,
                        "exclusive_use": l.exclusive_use,
                    });
                    if let Some(p) = l.persons {
                        line["persons"] = json!(p);
                    }
                    if let Some(d) = l.days {
                        line["days"] = json!(d);
                    }
                    line
                })
                .collect()
        }
    }
    let mut options = json!({ "own_share_deadline": app.options.own_share_deadline.as_str() });
    if let Some(d) = app.options.approval_date {
        options["approval_date"] = json!(d.to_string());
    }
    if let Some(d) = app.options.portal_registration_date {
        options["portal_registration_date"] = json!(d.to_string());
    }
    if app.options.first_time {
        options["first_time"] = json!(true);
    }
    json!({
        "application_date": app.application_date.to_string(),
        "lang": "fr",
        "enterprise": enterprise,
        "service": service,
        "wallet": { "aid_used": app.aid_used.to_string() },
        "options": options,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// `assess_counted` decides exactly as the assessment it counts, on rich applications
    /// too, or refuses them with the same error.
    #[test]
    fn counted_rich_applications_decide_the_same(app in rich_application()) {
        match (assess_counted(&app), assess_with(&app, Detail::Numbers)) {
            (Ok(counted), Ok(lean)) => prop_assert_eq!(counted, lean.counted()),
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "{:?} / {:?}", a, b),
        }
    }

    /// Every application both can express: the document reads back as the same typed
    /// application, and `assess_json` answers what the typed `assess` answers — the same
    /// response, byte for byte, or the same error (code and path).
    #[test]
    fn typed_and_json_give_the_same_assessment(app in rich_application()) {
        let text = document(&app).to_string();
        let parsed = parse_request(&text).unwrap();
        prop_assert_eq!(&parsed.application, &app);
        let out = assess_json(&text);
        match assess(&app) {
            Ok(a) => prop_assert_eq!(out, response_json(&a, &parsed)),
            Err(e) => {
                let v: Value = serde_json::from_str(&out).unwrap();
                prop_assert_eq!(v["error"]["code"].as_str(), Some(e.code.as_str()));
                prop_assert_eq!(v["error"]["path"].as_str(), Some(e.path.as_str()));
                let message = e.message(Lang::Fr);
                prop_assert_eq!(v["error"]["message"].as_str(), Some(message.as_str()));
            }
        }
    }

    /// Invalid typed inputs are refused with the code and path the document gets for the same
    /// value.
    #[test]
    fn typed_refusals_are_the_documents(app in rich_application(), how in 0u8..6, n in 1u32..1000) {
        let mut app = app;
        let refused = |app: &Application| assess(app).unwrap_err();
        let typed = match how {
            // Earlier de minimis aid dated after the application.
            0 => {
                app.enterprise.de_minimis.push(DeMinimisAid {
                    date: app.application_date + time::Duration::days(i64::from(n)),
                    amount: Money::from_euro(n),
                });
                refused(&app)
            }
            // A provider's approval dated before the application.
            1 => {
                app.options.approval_date = Some(app.application_date - time::Duration::days(i64::from(n)));
                refused(&app)
            }
            // A training's catering line without persons.
            2 => {
                app.service.kind = ServiceKind::Training;
                app.service.cost = CostInput::Lines(vec![CostLine { days: Some(1), ..CostLine::new(CostLineKind::Catering, Money::from_euro(n)) }]);
                refused(&app)
            }
            // No invoice line at all.
            3 => {
                app.service.cost = CostInput::Lines(Vec::new());
                refused(&app)
            }
            // Lines together above the maximum amount.
            4 => {
                app.service.cost = CostInput::Lines(vec![CostLine::new(CostLineKind::Fee, Money::MAX), CostLine::new(CostLineKind::Fee, Money::from_euro(n))]);
                refused(&app)
            }
            // Money below zero cannot be built.
            _ => Money::from_cents(-i64::from(n)).unwrap_err().at("service.cost"),
        };
        let mut doc = document(&app);
        if how >= 5 {
            doc["service"] = json!({ "kind": "training", "cost": format!("-{}.{:02}", n / 100, n % 100) });
        }
        let out: Value = serde_json::from_str(&assess_json(&doc.to_string())).unwrap();
        prop_assert_eq!(out["error"]["code"].as_str(), Some(typed.code.as_str()), "{}", out);
        prop_assert_eq!(out["error"]["path"].as_str(), Some(typed.path.as_str()));
    }
}
