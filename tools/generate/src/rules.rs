//! The generated blocks of `docs/rules.md`: the tables of dated values, the lists and the
//! worked examples, from the core's data and answers.

use kmo_core::rules::{
    DeMinimisPeriod as Period, Rulebook, BOUNDARY_CHOICES, CATERING_CAP_PER_PERSON_PER_DAY,
    CEILINGS as AID_CEILINGS, CHOICES, DE_MINIMIS_REGIMES as REGIMES, EXCLUDED_DIVISIONS,
};
use kmo_core::sme::headcount::StaffRole;
use kmo_core::sme::relations::linked::MAJORITY_ABOVE;
use kmo_core::sme::relations::partner::PARTNER_FROM;
use kmo_core::sme::relations::{
    BUSINESS_ANGEL_LIMIT, LOCAL_AUTHORITY_BUDGET_LIMIT, LOCAL_AUTHORITY_INHABITANTS_LIMIT,
    PUBLIC_CONTROL_THRESHOLD,
};
use kmo_core::sme::small_mid_cap;
use kmo_core::sme::thresholds::CEILINGS as SME_CEILINGS;
use kmo_core::*;
use serde_json::{json, Value};

use crate::blocks::Render;
use crate::format::*;

// ---- rules.md: the rulebook editions ----------------------------------------------------------

fn span(i: usize) -> String {
    match RULEBOOKS.get(i + 1) {
        Some(next) => format!(
            "{} – {}",
            RULEBOOKS[i].valid_from,
            next.valid_from.previous_day().expect("a day before")
        ),
        None => format!("from {}", RULEBOOKS[i].valid_from),
    }
}

fn editions() -> String {
    let rows = RULEBOOKS
        .iter()
        .enumerate()
        .map(|(i, b)| {
            vec![
                code(b.id),
                span(i),
                code(b.reference),
                pct(b.rates.small),
                pct(b.rates.medium),
                code(b.rates.reference),
            ]
        })
        .collect();
    table(
        &[
            "Edition (`rulebook.id`)",
            "Applications submitted",
            "Opened by",
            "Small",
            "Medium",
            "Rates written in",
        ],
        rows,
    )
}

fn services(kinds: &[ServiceKind]) -> String {
    match kinds {
        [ServiceKind::Training, ServiceKind::Advice] => "training and advice".into(),
        [k] => format!("{k} only"),
        other => other
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn uplifts() -> String {
    let mut head = vec!["Edition".to_string()];
    head.extend(Subtheme::ALL.iter().map(|s| format!("Subtheme `{s}`")));
    let rows = RULEBOOKS
        .iter()
        .map(|b| {
            let mut row = vec![code(b.id)];
            for s in Subtheme::ALL {
                row.push(match b.uplifts.iter().find(|u| u.subtheme == *s) {
                    Some(u) => format!(
                        "+{} points, {} ({})",
                        u.points,
                        services(u.services),
                        code(u.reference)
                    ),
                    None => "—".into(),
                });
            }
            row
        })
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    table(&head, rows)
}

fn yes(reference: Option<&str>) -> String {
    reference.map_or("no".into(), |r| format!("yes ({})", code(r)))
}

fn scope() -> String {
    let rows = RULEBOOKS
        .iter()
        .map(|b| {
            vec![
                code(b.id),
                yes(b.themes_required),
                yes(b.excluded_topics),
                yes(b.maatwerkbedrijf),
                yes(b.advice_only_cybersecurity),
            ]
        })
        .collect();
    table(
        &[
            "Edition",
            "A theme required",
            "Excluded topics refused",
            "Maatwerkbedrijf rule",
            "Advice only for cybersecurity",
        ],
        rows,
    )
}

/// Consecutive editions that agree on `key`, as `first – last` spans.
fn runs<K: PartialEq>(key: impl Fn(&Rulebook) -> K) -> Vec<(String, &'static Rulebook)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, book) in RULEBOOKS.iter().enumerate() {
        match out.last_mut() {
            Some((_, last)) if key(&RULEBOOKS[*last]) == key(book) => *last = i,
            _ => out.push((i, i)),
        }
    }
    out.into_iter()
        .map(|(first, last)| {
            let label = if last + 1 == RULEBOOKS.len() {
                format!("{} onwards", code(RULEBOOKS[first].id))
            } else {
                format!(
                    "{} to {}",
                    code(RULEBOOKS[first].id),
                    code(RULEBOOKS[last].id)
                )
            };
            (label, &RULEBOOKS[first])
        })
        .collect()
}

fn minimums() -> String {
    let rows = runs(|b| b.minimums)
        .into_iter()
        .map(|(label, b)| {
            vec![
                label,
                eur(b.minimums.training),
                eur(b.minimums.advice),
                code(b.minimums.reference),
            ]
        })
        .collect();
    table(&["Editions", "Training", "Advice", "Written in"], rows)
}

fn procedure_deadlines() -> String {
    let rows = runs(|b| b.deadlines)
        .into_iter()
        .map(|(label, b)| {
            let d = b.deadlines;
            let years = match d.complete_within_years {
                1 => "the year after the application".to_string(),
                n => format!("the {n}th year after the application"),
            };
            vec![
                label,
                format!(
                    "the start + {} calendar days",
                    d.apply_within_days_after_start
                ),
                format!("31 December of {years}"),
                code(d.reference),
            ]
        })
        .collect();
    table(&["Editions", "Apply by", "Complete by", "Written in"], rows)
}

fn edition_notes() -> String {
    let books: Value = serde_json::from_str(&json::rulebooks_json()).unwrap();
    let rows = books
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|b| {
            let note = [&b["uncertain"], &b["status"]]
                .iter()
                .filter_map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            (!note.is_empty()).then(|| vec![code(b["id"].as_str().unwrap()), note])
        })
        .collect();
    table(
        &["Edition", "Open question or status (`uncertain`, `status`)"],
        rows,
    )
}

fn aid_ceilings() -> String {
    let rows = AID_CEILINGS
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let years = match AID_CEILINGS.get(i + 1) {
                Some(next) if next.from_year - 1 == c.from_year => c.from_year.to_string(),
                Some(next) => format!("{} – {}", c.from_year, next.from_year - 1),
                None => format!("from {}", c.from_year),
            };
            vec![years, eur(c.small), eur(c.medium), code(c.reference)]
        })
        .collect();
    table(
        &[
            "Calendar year of the application",
            "Small",
            "Medium",
            "Written in",
        ],
        rows,
    )
}

fn boundary_choices() -> String {
    let rows = BOUNDARY_CHOICES
        .iter()
        .map(|c| {
            let message = Finding::new(
                FindingCode::BoundaryDayChoice,
                Severity::Info,
                c.reference,
                vec![Arg::from("X"), Arg::Word(c.choice)],
            )
            .message(Lang::En);
            let choice = message
                .split_once("choice: ")
                .map_or(message.as_str(), |(_, c)| c)
                .trim_end_matches('.')
                .to_string();
            vec![
                code(c.subtheme),
                c.first_day.to_string(),
                format!(
                    "{} and {}",
                    c.first_day.previous_day().unwrap(),
                    c.first_day
                ),
                code(c.reference),
                choice,
            ]
        })
        .collect();
    table(
        &[
            "Subtheme",
            "First day with the uplift",
            "`BOUNDARY_DAY_CHOICE` on",
            "Reference",
            "The choice",
        ],
        rows,
    )
}

fn own_share_deadline() -> String {
    let rows = OwnShareDeadline::ALL
        .iter()
        .map(|p| {
            vec![
                code(p)
                    + if *p == OwnShareDeadline::default() {
                        " (default)"
                    } else {
                        ""
                    },
                format!("{} calendar days", p.days()),
                if p.counts_from_approval() {
                    "the service provider's approval of the application, not the administration's (`options.approval_date`)".into()
                } else {
                    "the application".into()
                },
            ]
        })
        .collect();
    table(
        &[
            "`options.own_share_deadline`",
            "Own share due within",
            "Counted from",
        ],
        rows,
    )
}

// ---- rules.md: the de minimis regimes and the SME definition ---------------------------------

fn de_minimis() -> String {
    let rows = REGIMES
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let applications = match REGIMES.get(i + 1) {
                Some(next) => format!(
                    "{} – {}",
                    r.valid_from,
                    next.valid_from.previous_day().unwrap()
                ),
                None => format!("from {}", r.valid_from),
            };
            let period = match r.period {
                Period::ThreeFiscalYears => "the current fiscal year and the two before it",
                Period::RollingThreeYears => "the three years ending on the application date",
            };
            vec![
                applications,
                code(r.reference),
                eur(r.ceiling),
                period.into(),
                r.valid_until.map_or("—".into(), |d| d.to_string()),
            ]
        })
        .collect();
    table(
        &[
            "Applications",
            "Regulation",
            "Ceiling",
            "Reference period",
            "Regulation applies until",
        ],
        rows,
    )
}

fn sme_thresholds() -> String {
    let rows = SME_CEILINGS
        .iter()
        .map(|c| {
            vec![
                code(c.class),
                format!("fewer than {}", c.staff_below),
                format!("at most {}", eur_whole(c.turnover_max)),
                "or".into(),
                format!("at most {}", eur_whole(c.balance_max)),
                code(c.reference),
            ]
        })
        .chain(std::iter::once(vec![
            code(SizeClass::Large),
            "otherwise".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]))
        .collect();
    table(
        &[
            "Class",
            "Staff (AWU)",
            "Turnover",
            "",
            "Balance-sheet total",
            "Written in",
        ],
        rows,
    )
}

fn small_mid_caps() -> String {
    table(
        &[
            "A large enterprise with",
            "Staff (AWU)",
            "Turnover",
            "",
            "Balance-sheet total",
            "Written in",
        ],
        vec![vec![
            "the aggregated figures".into(),
            format!("fewer than {}", small_mid_cap::STAFF_BELOW),
            format!("at most {}", eur_whole(small_mid_cap::TURNOVER_MAX)),
            "or".into(),
            format!("at most {}", eur_whole(small_mid_cap::BALANCE_MAX)),
            code(small_mid_cap::REFERENCE),
        ]],
    )
}

fn relation_limits() -> String {
    table(
        &["Rule", "Edge", "Written in"],
        vec![
            vec![
                "Partner enterprise".into(),
                format!("{} or more of the capital or the votes", pct(PARTNER_FROM)),
                code("REC-2003/361 art. 3(2)"),
            ],
            vec![
                "Linked enterprise (by votes)".into(),
                format!("more than {} of the votes", pct(MAJORITY_ABOVE)),
                code("REC-2003/361 art. 3(3)"),
            ],
            vec![
                "Not an SME (public bodies)".into(),
                format!(
                    "{} or more held by public bodies",
                    pct(PUBLIC_CONTROL_THRESHOLD)
                ),
                code("REC-2003/361 art. 3(4)"),
            ],
            vec![
                "Exempt business angel".into(),
                format!("invested less than {}", eur(BUSINESS_ANGEL_LIMIT)),
                code("REC-2003/361 art. 3(2)"),
            ],
            vec![
                "Exempt local authority".into(),
                format!(
                    "annual budget less than {} and fewer than {} inhabitants",
                    eur(LOCAL_AUTHORITY_BUDGET_LIMIT),
                    grouped(&LOCAL_AUTHORITY_INHABITANTS_LIMIT.to_string())
                ),
                code("REC-2003/361 art. 3(2)"),
            ],
        ],
    )
}

fn staff_roles() -> String {
    let rows = StaffRole::ALL
        .iter()
        .map(|r| {
            vec![
                code(r),
                if r.is_counted() {
                    "yes".into()
                } else {
                    "no".into()
                },
            ]
        })
        .collect();
    table(&["`staff[].role`", "Counted"], rows)
}

// ---- rules.md: who, what, how much -------------------------------------------------------------

fn legal_forms() -> String {
    let list = |eligible: bool| {
        LegalForm::ALL
            .iter()
            .filter(|f| f.is_eligible() == eligible)
            .map(code)
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "- Eligible: {}.\n- Not eligible: {}.",
        list(true),
        list(false)
    )
}

fn lists() -> String {
    let join = |items: Vec<String>| items.join(", ");
    format!(
        "- Themes (`service.theme`): {}.\n- Subthemes (`service.subtheme`): {}.\n- Excluded topics (`service.excluded_topic`): {}.\n- Excluded NACE divisions: {}.",
        join(Theme::ALL.iter().map(code).collect()),
        join(Subtheme::ALL.iter().map(|s| format!("{} (theme {})", code(s), code(s.theme()))).collect()),
        join(ExcludedTopic::ALL.iter().map(code).collect()),
        join(EXCLUDED_DIVISIONS.iter().map(|d| format!("{d:02}")).collect()),
    )
}

fn cost_rules() -> String {
    let describe = |kind: CostLineKind, service: ServiceKind, line: &CostLine| {
        let out = eligible_cost(service, &CostInput::Lines(vec![line.clone()]));
        let l = &out.lines[0];
        match l.because {
            None => "eligible".to_string(),
            Some(b) if l.eligible > Money::ZERO => format!(
                "up to {} per person per day (`{}`)",
                eur(CATERING_CAP_PER_PERSON_PER_DAY),
                b.as_str()
            ),
            Some(b) => format!("not eligible (`{}`)", b.as_str()),
        }
        .replace("__", &kind.to_string())
    };
    let mut rows = Vec::new();
    for kind in CostLineKind::ALL {
        let base = CostLine {
            persons: Some(1),
            days: Some(1),
            ..CostLine::new(*kind, Money::from_euro(1000))
        };
        let variants = [
            (code(kind), base.clone()),
            (
                format!("{}, `separately_invoiced`", code(kind)),
                CostLine {
                    separately_invoiced: true,
                    ..base.clone()
                },
            ),
            (
                format!("{}, `exclusive_use: false`", code(kind)),
                CostLine {
                    exclusive_use: false,
                    ..base.clone()
                },
            ),
        ];
        let cells = |line: &CostLine| -> Vec<String> {
            ServiceKind::ALL
                .iter()
                .map(|s| describe(*kind, *s, line))
                .collect()
        };
        let plain = cells(&base);
        for (i, (label, line)) in variants.iter().enumerate() {
            let c = cells(line);
            if i == 0 || c != plain {
                rows.push([vec![label.clone()], c].concat());
            }
        }
    }
    table(
        &["Invoice line (`kind`)", "With training", "With advice"],
        rows,
    )
}

/// One request, its answer in a few numbers.
fn example_row(label: &str, request: Value) -> Vec<String> {
    let v: Value = serde_json::from_str(&assess_json(&request.to_string())).unwrap();
    assert!(v.get("error").is_none(), "{label}: {v}");
    let m = |k: &str| {
        let text = v[k].as_str().unwrap();
        eur(Money::parse(text).unwrap())
    };
    let blocking: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "blocking")
        .map(|f| code(f["code"].as_str().unwrap()))
        .collect();
    // Not eligible: no rate applies and nothing goes into the wallet; the numbers say what
    // the rate would have been and what the company bears itself.
    let eligible = v["eligible"] == true;
    vec![
        label.to_string(),
        if eligible {
            "yes".into()
        } else {
            format!("no: {}", blocking.join(", "))
        },
        if eligible {
            pct(v["rate"].as_str().unwrap())
        } else {
            format!("none ({} if eligible)", pct(v["rate"].as_str().unwrap()))
        },
        m("aid"),
        if eligible {
            m("own_share")
        } else {
            format!("none: the company bears {} itself", m("own_share"))
        },
        m("vat"),
        m("ceiling_left"),
    ]
}

fn worked_examples() -> String {
    let request = |date: &str,
                   class: &str,
                   kind: &str,
                   theme: &str,
                   subtheme: Value,
                   cost: &str,
                   used: &str| {
        json!({
            "application_date": date, "lang": "en",
            "enterprise": { "size": { "class": class } },
            "service": { "kind": kind, "theme": theme, "subtheme": subtheme, "cost": cost },
            "wallet": { "aid_used": used }
        })
    };
    let training = |class: &str, cost: &str, used: &str| {
        request(
            "2026-03-10",
            class,
            "training",
            "personeelsmanagement",
            Value::Null,
            cost,
            used,
        )
    };
    let cyber = |date: &str, kind: &str, cost: &str| {
        request(
            date,
            "small",
            kind,
            "digitalisering",
            json!("cybersecurity"),
            cost,
            "0",
        )
    };
    let mut new_year = training("small", "2000", "0");
    new_year["application_date"] = json!("2026-01-02");
    new_year["service"]["start_date"] = json!("2025-12-20");
    new_year["wallet"] = json!({ "applications": [{ "application_date": "2025-11-03", "aid": "7500.00", "size_class": "small" }] });
    let de_minimis = |aid_before: &str| {
        let mut r = training("small", "2000", "0");
        r["enterprise"]["de_minimis"] = json!([{ "date": "2025-05-01", "amount": aid_before }]);
        r
    };
    let rows = vec![
        example_row(
            "Training EUR 2 000, small, 2026",
            training("small", "2000", "0"),
        ),
        example_row("The same, medium", training("medium", "2000", "0")),
        example_row(
            "The same, micro (counts as small)",
            training("micro", "2000", "0"),
        ),
        example_row(
            "Training EUR 2 000, small, cybersecurity",
            cyber("2026-03-10", "training", "2000"),
        ),
        example_row(
            "Small, EUR 7 200 of the year's aid used",
            training("small", "2000", "7200"),
        ),
        example_row(
            "Small, the year's EUR 7 500 used",
            training("small", "2000", "7500"),
        ),
        example_row(
            "Small, EUR 25 000 of training in one go",
            training("small", "25000", "0"),
        ),
        example_row(
            "Medium, EUR 37 500 of training in one go",
            training("medium", "37500", "0"),
        ),
        example_row("Training EUR 99.99", training("small", "99.99", "0")),
        example_row(
            "Advice EUR 450, cybersecurity",
            cyber("2026-03-10", "advice", "450"),
        ),
        example_row(
            "Advice EUR 2 000 on innovation, 2026-03-10",
            request(
                "2026-03-10",
                "small",
                "advice",
                "innovatie",
                Value::Null,
                "2000",
                "0",
            ),
        ),
        example_row(
            "Cybersecurity training applied for on 2021-09-13",
            cyber("2021-09-13", "training", "2000"),
        ),
        example_row(
            "Cybersecurity training applied for on 2021-09-14",
            cyber("2021-09-14", "training", "2000"),
        ),
        example_row(
            "Start 2025-12-20, applied 2026-01-02, 2025 ceiling used up",
            new_year,
        ),
        example_row(
            "Earlier de minimis aid EUR 299 400, new aid EUR 600",
            de_minimis("299400"),
        ),
        example_row(
            "Earlier de minimis aid EUR 299 400.01, new aid EUR 600",
            de_minimis("299400.01"),
        ),
        example_row(
            "Training EUR 2 000, small, 2019-11-30",
            request(
                "2019-11-30",
                "small",
                "training",
                "innovatie",
                Value::Null,
                "2000",
                "0",
            ),
        ),
        example_row(
            "Training EUR 2 000, small, 2019-12-01",
            request(
                "2019-12-01",
                "small",
                "training",
                "innovatie",
                Value::Null,
                "2000",
                "0",
            ),
        ),
    ];
    table(
        &[
            "Example",
            "Eligible",
            "Rate",
            "Aid",
            "Own share (into the wallet)",
            "VAT (to the provider)",
            "Ceiling left",
        ],
        rows,
    )
}

/// The library's choices, from the core's list (`kmo::rulebook::CHOICES`).
fn choices() -> String {
    let rows = CHOICES
        .iter()
        .map(|c| {
            vec![
                code(c.name),
                c.what.to_string(),
                c.parameter.map_or("—".into(), code),
                code(c.shown_in),
            ]
        })
        .collect();
    table(
        &["Choice", "What the library does", "Parameter", "Shown in"],
        rows,
    )
}

/// The blocks of `docs/rules.md`.
pub(crate) fn renderers() -> Vec<(&'static str, Render)> {
    vec![
        ("sme-thresholds", sme_thresholds as Render),
        ("staff-roles", staff_roles),
        ("relation-limits", relation_limits),
        ("small-mid-caps", small_mid_caps),
        ("legal-forms", legal_forms),
        ("lists", lists),
        ("de-minimis", de_minimis),
        ("scope", scope),
        ("cost-rules", cost_rules),
        ("minimums", minimums),
        ("editions", editions),
        ("uplifts", uplifts),
        ("boundary-choices", boundary_choices),
        ("edition-notes", edition_notes),
        ("aid-ceilings", aid_ceilings),
        ("worked-examples", worked_examples),
        ("procedure-deadlines", procedure_deadlines),
        ("own-share-deadline", own_share_deadline),
        ("choices", choices),
    ]
}
