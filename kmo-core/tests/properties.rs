//! Property tests over the whole pipeline (RULES.md §4.5 and the invariants of CONTRACT.md).

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
    (0..=max_cents).prop_map(Money::from_cents)
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
                            vat_rate: Percent::from_whole(vat),
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
        let a = assess(&app);
        prop_assert_eq!(a.aid.as_decimal() + a.own_share.as_decimal(), a.eligible_cost.as_decimal());
        prop_assert!(a.aid <= a.ceiling.saturating_sub(app.aid_used));
        prop_assert!(a.ceiling_left <= a.ceiling);
        prop_assert!(a.aid.cents().is_some() && a.own_share.cents().is_some() && a.vat.cents().is_some());
        if a.eligible {
            prop_assert_eq!(a.ceiling_left.as_decimal() + a.aid.as_decimal(), a.ceiling.saturating_sub(app.aid_used).as_decimal());
        } else {
            prop_assert!(a.aid.is_zero());
            prop_assert!(a.blocking().next().is_some(), "ineligible without a blocking reason");
        }
    }

    /// The aid is rate × cost rounded once, half away from zero, unless capped.
    #[test]
    fn aid_is_rounded_once(app in application()) {
        let a = assess(&app);
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
            rates.push(assess(&a).rate);
        }
        prop_assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{:?}", rates);
    }

    /// More staff or more money never makes a smaller class (monotone thresholds).
    #[test]
    fn classification_is_monotone(awu in 0u32..400, t in 0i64..70_000_000, b in 0i64..60_000_000, dx in 0u32..50, dt in 0i64..5_000_000) {
        let f = |awu: u32, t: i64, b: i64| classify(&Figures {
            staff: AnnualWorkUnits::whole(awu),
            turnover: Money::from_euro(t),
            balance_sheet: Money::from_euro(b),
        });
        prop_assert!(f(awu, t, b) <= f(awu + dx, t + dt, b + dt));
    }

    /// Any string: JSON comes out, never a panic.
    #[test]
    fn no_string_panics(text in ".{0,200}") {
        let out: Value = serde_json::from_str(&assess_json(&text)).expect("always JSON");
        prop_assert!(out.is_object());
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

    /// The integer rounding twin equals the decimal rule (RULES.md §4.5) on every amount.
    #[test]
    fn integer_rounding_equals_decimal_rounding(cents in 0i64..=100_000_000_000_000, bp in 0u32..=10_000) {
        let decimal = Money::from_cents(cents).percent(Percent::from_decimal(Decimal::new(i64::from(bp), 2)).unwrap());
        prop_assert_eq!(Some(kmo_core::units::percent_of_cents(cents, bp)), decimal.cents());
    }

    /// The quick quote answers exactly as `assess` for the same question.
    #[test]
    fn quick_quote_equals_assess(app in application(), used in 0i64..1_600_000) {
        let SizeInput::Declared(class) = app.enterprise.size else { unreachable!() };
        let CostInput::Amount(cost) = app.service.cost else { unreachable!() };
        let q = kmo_core::quick::QuickQuote {
            application_date: app.application_date,
            size_class: class,
            kind: app.service.kind,
            theme: app.service.theme,
            subtheme: app.service.subtheme,
            start_date: app.service.start_date,
            cost_cents: cost.cents().unwrap(),
            aid_used_cents: used,
            vat_rate_bp: app.service.vat_rate.basis_points().unwrap(),
        };
        let mut plain = app.clone();
        plain.enterprise.maatwerkbedrijf = false;
        plain.aid_used = Money::from_cents(used);
        let a = assess(&plain);
        let quick = kmo_core::quick::quick_quote(&q);
        prop_assert_eq!(quick.eligible(), a.eligible);
        prop_assert_eq!(quick.blocking.codes().collect::<Vec<_>>(), a.blocking().map(|f| f.code).collect::<Vec<_>>());
        prop_assert_eq!(Some(quick.rate_bp), a.rate.basis_points());
        prop_assert_eq!(Some(quick.aid_cents), a.aid.cents());
        prop_assert_eq!(Some(quick.own_share_cents), a.own_share.cents());
        prop_assert_eq!(Some(quick.vat_cents), a.vat.cents());
        prop_assert_eq!(Some(quick.ceiling_cents), a.ceiling.cents());
        prop_assert_eq!(Some(quick.ceiling_left_cents), a.ceiling_left.cents());
        prop_assert_eq!(quick.capped, a.capped);
        prop_assert_eq!(quick.deadlines, Some(a.deadlines));
    }

    /// `Detail::Numbers` decides exactly as the full assessment.
    #[test]
    fn numbers_only_decides_the_same(app in application()) {
        let full = assess(&app);
        let lean = assess_with(&app, Detail::Numbers);
        prop_assert_eq!(Assessment { trace: Vec::new(), procedure: Vec::new(), ..full }, lean);
    }
}
