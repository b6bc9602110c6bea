//! The documentation in `docs/` held to the engine.
//!
//! - The tables of dated values in `docs/rules.md` (rates, uplifts, ceilings, minimums,
//!   deadlines, de minimis regimes, SME thresholds, …) and the examples and numbering in
//!   `docs/json.md` are generated from the core's data and answers, between the markers
//!   `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. The test fails when a block
//!   differs from what the core gives; `KMO_UPDATE_DOCS=1 cargo test -p kmo-golden --test docs`
//!   rewrites the blocks instead.
//! - Every finding code and error code has its row in `docs/json.md`, and every severity and
//!   reference the engine gives a finding (over the golden vectors and the random requests) is
//!   in that row.
//! - The JSON Schemas name exactly the core's codes, and every field they name is described in
//!   `docs/json.md`.
//! - The engine's other inputs and answers are written to `target/docs/documents.ndjson`, for
//!   `scripts/check-schema`.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;
use std::path::PathBuf;

use kmo_core::kmo::cost::CATERING_CAP_PER_PERSON_PER_DAY;
use kmo_core::kmo::de_minimis::{Period, REGIMES};
use kmo_core::kmo::eligibility::EXCLUDED_DIVISIONS;
use kmo_core::kmo::rulebook::{Rulebook, BOUNDARY_CHOICES, CEILINGS as AID_CEILINGS};
use kmo_core::sme::headcount::StaffRole;
use kmo_core::sme::periods::OwnershipChangePolicy;
use kmo_core::sme::relations::graph::{ControlRight, EntityType};
use kmo_core::sme::relations::linked::MAJORITY_ABOVE;
use kmo_core::sme::relations::partner::PARTNER_FROM;
use kmo_core::sme::relations::{
    BUSINESS_ANGEL_LIMIT, LOCAL_AUTHORITY_BUDGET_LIMIT, LOCAL_AUTHORITY_INHABITANTS_LIMIT,
    PUBLIC_CONTROL_THRESHOLD,
};
use kmo_core::sme::small_mid_cap;
use kmo_core::sme::thresholds::CEILINGS as SME_CEILINGS;
use kmo_core::wallet::{StatusKind, WalletError};
use kmo_core::*;
use serde_json::{json, Value};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

// ---- formatting ------------------------------------------------------------------------------

/// `10000` → `10 000`.
fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `EUR 10 000`, `EUR 99.99`.
fn eur(m: Money) -> String {
    let text = m.to_string();
    let (int, cents) = text.split_once('.').unwrap_or((&text, "00"));
    match cents {
        "00" => format!("EUR {}", grouped(int)),
        _ => format!("EUR {}.{cents}", grouped(int)),
    }
}

fn eur_whole(n: i64) -> String {
    format!("EUR {}", grouped(&n.to_string()))
}

fn pct(p: impl Display) -> String {
    format!("{p} %")
}

fn code(text: impl Display) -> String {
    format!("`{text}`")
}

/// A Markdown table.
fn table(head: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = format!(
        "| {} |\n|{}|\n",
        head.join(" | "),
        vec!["---"; head.len()].join("|")
    );
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.trim_end().to_string()
}

/// JSON on one line with a space after `:` and `,`.
fn one_line(v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(one_line).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, x)| format!("{}: {}", Value::from(k.as_str()), one_line(x)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        other => other.to_string(),
    }
}

/// JSON indented by two spaces, a value on one line when it fits in 100 columns.
fn pretty(v: &Value, depth: usize, column: usize) -> String {
    let line = one_line(v);
    let empty = match v {
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => true,
    };
    if column + line.len() <= 100 || empty {
        return line;
    }
    let pad = "  ".repeat(depth + 1);
    let end = "  ".repeat(depth);
    match v {
        Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .map(|x| format!("{pad}{}", pretty(x, depth + 1, pad.len())))
                .collect();
            format!("[\n{}\n{end}]", inner.join(",\n"))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, x)| {
                    let key = format!("{pad}{}: ", Value::from(k.as_str()));
                    let value = pretty(x, depth + 1, key.len());
                    format!("{key}{value}")
                })
                .collect();
            format!("{{\n{}\n{end}}}", inner.join(",\n"))
        }
        _ => line,
    }
}

fn json_block(text: &str) -> String {
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    format!("```json\n{}\n```", pretty(&v, 0, 0))
}

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
    let rows = kmo_core::kmo::rulebook::CHOICES
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

// ---- json.md: numbering and examples ----------------------------------------------------------

fn numbering() -> String {
    let codes: Value = serde_json::from_str(&json::codes_json()).unwrap();
    let lists = ["finding_code", "kind", "size_class", "subtheme", "theme"];
    let longest = lists
        .iter()
        .map(|l| codes[l].as_array().unwrap().len())
        .max()
        .unwrap();
    let rows = (0..longest)
        .map(|i| {
            let mut row = vec![(i + 1).to_string()];
            for l in lists {
                row.push(codes[l][i].as_str().map(code).unwrap_or_default());
            }
            row
        })
        .collect();
    let head: Vec<String> = std::iter::once("Number".to_string())
        .chain(lists.iter().map(code))
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    table(&head, rows)
}

fn sample_request() -> String {
    // The crate carries the same sample, for its quote example run from the .crate.
    assert_eq!(
        read("kmo-core/examples/sample.json"),
        read("examples/requests/sample.json"),
        "kmo-core/examples/sample.json must be examples/requests/sample.json"
    );
    format!(
        "```json\n{}\n```",
        read("examples/requests/sample.json").trim_end()
    )
}

fn sample_in_english() -> String {
    let mut request: Value = serde_json::from_str(&read("examples/requests/sample.json")).unwrap();
    request["lang"] = json!("en");
    request.to_string()
}

fn example_response() -> String {
    json_block(&assess_json(&sample_in_english()))
}

fn example_error() -> String {
    let mut request: Value = serde_json::from_str(&sample_in_english()).unwrap();
    request["service"]["start_date"] = json!("2026-02-30");
    json_block(&assess_json(&request.to_string()))
}

fn example_ignored_field() -> String {
    let mut request: Value = serde_json::from_str(&sample_in_english()).unwrap();
    request["service"]["title"] = json!("Leidinggeven in de praktijk");
    let v: Value = serde_json::from_str(&assess_json(&request.to_string())).unwrap();
    let warning = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "UNKNOWN_FIELD_IGNORED")
        .unwrap()
        .clone();
    json_block(&warning.to_string())
}

const FULL_SIZE: &str = r#"{
  "id": "A", "market": "62", "prior_class": "small",
  "periods": [
    { "closing_date": "2024-12-31", "staff_awu": "20", "turnover": "3000000", "balance_sheet": "2000000" },
    { "closing_date": "2025-12-31", "staff": [ { "role": "owner_manager" }, { "role": "employee", "fte": "0.5", "months": 6 } ],
      "turnover": "3200000", "balance_sheet": "2100000" }
  ],
  "entities": [
    { "id": "C", "staff_awu": "30", "turnover": "9000000", "balance_sheet": "6000000" },
    { "id": "M", "kind": "local_authority", "annual_budget": "9900000", "inhabitants": 4999 },
    { "id": "P", "kind": "natural_person" },
    { "id": "Q", "market": "62", "staff_awu": "4", "turnover": "500000", "balance_sheet": "300000" }
  ],
  "holdings": [
    { "holder": "A", "held": "C", "capital_pct": "33" },
    { "holder": "M", "held": "A", "capital_pct": "30", "voting_pct": "30" },
    { "holder": "P", "held": "A", "voting_pct": "60" },
    { "holder": "P", "held": "Q", "voting_pct": "70" }
  ]
}"#;

fn example_full_size() -> String {
    json_block(FULL_SIZE)
}

fn example_classification() -> String {
    json_block(&json::classify_json(FULL_SIZE))
}

const QUESTION: &str = r#"{"application_date": "2026-03-10", "size_class": "small", "kind": "training",
  "theme": "personeelsmanagement", "start_date": "2026-03-02", "cost": "2000", "aid_used": "7200", "lang": "en"}"#;

fn example_question() -> String {
    json_block(QUESTION)
}

fn example_quote() -> String {
    json_block(&json::quote_json(QUESTION))
}

fn example_rulebook() -> String {
    let books: Value = serde_json::from_str(&json::rulebooks_json()).unwrap();
    json_block(&books.as_array().unwrap().last().unwrap().to_string())
}

/// A wallet in a few steps: an application paid, partly released and stopped; a second one
/// never paid, which has lapsed when its late payment comes, and which the next application
/// lets lapse.
fn wallet_story() -> (wallet::Wallet, Vec<(&'static str, String)>) {
    let mut w = wallet::Wallet::new();
    let request = |date: &str, cost: &str| {
        json!({
            "application_date": date, "lang": "en",
            "enterprise": { "size": { "class": "small" } },
            "service": { "kind": "training", "theme": "innovatie", "start_date": date, "cost": cost }
        })
        .to_string()
    };
    let mut steps = Vec::new();
    let shortened = |applied: String| {
        let v: Value = serde_json::from_str(&applied).unwrap();
        let a = &v["assessment"];
        let shortened = json!({ "aid": a["aid"], "eligible": a["eligible"], "own_share": a["own_share"], "…": "…" });
        json!({ "assessment": shortened, "id": v["id"], "lapsed": v["lapsed"], "recorded": v["recorded"] })
            .to_string()
    };
    steps.push((
        "apply",
        shortened(json::wallet_apply_json(
            &mut w,
            &request("2026-03-10", "2000"),
        )),
    ));
    let mut step = |what, answer: String| steps.push((what, answer));
    step(
        "pay",
        json::wallet_pay_json(&mut w, "1", "2026-03-12", "1000", Lang::En),
    );
    step(
        "pay",
        json::wallet_pay_json(&mut w, "1", "2026-03-20", "400", Lang::En),
    );
    step(
        "release",
        json::wallet_release_json(&mut w, "1", "2026-04-30", "500", Lang::En),
    );
    step(
        "stop",
        json::wallet_stop_json(&mut w, "1", "2026-05-04", Lang::En),
    );
    step(
        "pay",
        json::wallet_pay_json(&mut w, "1", "2026-05-05", "100", Lang::En),
    );
    json::wallet_apply_json(&mut w, &request("2026-06-02", "1000"));
    step(
        "pay",
        json::wallet_pay_json(&mut w, "2", "2026-06-30", "700", Lang::En),
    );
    step(
        "apply",
        shortened(json::wallet_apply_json(
            &mut w,
            &request("2026-07-01", "1000"),
        )),
    );
    (w, steps)
}

fn example_wallet() -> String {
    json_block(&json::wallet_to_json(&wallet_story().0))
}

fn example_wallet_answers() -> String {
    wallet_story()
        .1
        .iter()
        .map(|(what, text)| format!("{what}:\n\n{}", json_block(text)))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn example_plan() -> String {
    let (w, _) = wallet_story();
    let plan = json!([{
        "application_date": "2026-11-20", "lang": "en",
        "enterprise": { "size": { "class": "small" } },
        "service": { "kind": "training", "theme": "innovatie", "start_date": "2026-12-01", "cost": "30000" }
    }]);
    let mut v: Value =
        serde_json::from_str(&json::wallet_plan_json(&w, &plan.to_string())).unwrap();
    let a = v["items"][0]["assessment"].clone();
    v["items"][0]["assessment"] =
        json!({ "aid": a["aid"], "capped": a["capped"], "eligible": a["eligible"], "…": "…" });
    json_block(&v.to_string())
}

fn example_checks() -> String {
    [
        json::provider_number_json("dv o236459", Lang::En),
        json::enterprise_number_json("BE 0403 170 701", Lang::En),
        json::enterprise_number_json("0403.170.702", Lang::En),
    ]
    .iter()
    .map(|t| json_block(t))
    .collect::<Vec<_>>()
    .join("\n\n")
}

// ---- the generated blocks ---------------------------------------------------------------------

type Render = fn() -> String;

fn renderers(file: &str) -> Vec<(&'static str, Render)> {
    match file {
        "docs/rules.md" => vec![
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
        ],
        "docs/json.md" => vec![
            ("example-request", sample_request as Render),
            ("example-response", example_response),
            ("example-error", example_error),
            ("example-ignored-field", example_ignored_field),
            ("example-full-size", example_full_size),
            ("example-classification", example_classification),
            ("example-question", example_question),
            ("example-quote", example_quote),
            ("example-rulebook", example_rulebook),
            ("example-wallet", example_wallet),
            ("example-wallet-answers", example_wallet_answers),
            ("example-plan", example_plan),
            ("example-checks", example_checks),
            ("numbering", numbering),
        ],
        _ => Vec::new(),
    }
}

/// The text with every generated block rendered again.
fn regenerate(text: &str, renderers: &[(&'static str, Render)]) -> Result<String, String> {
    const OPEN: &str = "<!-- generated:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut seen = BTreeSet::new();
    while let Some(at) = rest.find(OPEN) {
        let after = &rest[at + OPEN.len()..];
        let name = after.split_once(" -->").ok_or("an unclosed marker")?.0;
        let open = format!("{OPEN}{name} -->");
        let close = format!("<!-- /generated:{name} -->");
        let body_start = at + open.len();
        let body_end = body_start
            + rest[body_start..]
                .find(&close)
                .ok_or(format!("no end marker for `{name}`"))?;
        let render = renderers
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or(format!("no renderer for `{name}`"))?
            .1;
        out.push_str(&rest[..body_start]);
        out.push_str("\n\n");
        out.push_str(render().trim_end());
        out.push_str("\n\n");
        out.push_str(&close);
        rest = &rest[body_end + close.len()..];
        if !seen.insert(name.to_string()) {
            return Err(format!("`{name}` twice"));
        }
    }
    out.push_str(rest);
    let missing: Vec<&str> = renderers
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !seen.contains(*n))
        .collect();
    if !missing.is_empty() {
        return Err(format!("no block for {missing:?}"));
    }
    Ok(out)
}

#[test]
fn generated_tables_and_examples_are_up_to_date() {
    let update = std::env::var("KMO_UPDATE_DOCS").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for file in ["docs/rules.md", "docs/json.md"] {
        let text = read(file);
        let fresh = regenerate(&text, &renderers(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        if fresh == text {
            continue;
        }
        if update {
            std::fs::write(repo().join(file), &fresh).unwrap();
            println!("rewrote the generated blocks of {file}");
            continue;
        }
        let line = text
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        stale.push(format!(
            "{file}, line {}:\n  written:   {}\n  generated: {}",
            line + 1,
            text.lines().nth(line).unwrap_or(""),
            fresh.lines().nth(line).unwrap_or("")
        ));
    }
    assert!(
        stale.is_empty(),
        "generated blocks differ from the core's data (KMO_UPDATE_DOCS=1 cargo test -p kmo-golden --test docs rewrites them):\n{}",
        stale.join("\n")
    );
}

// ---- the code tables of json.md ---------------------------------------------------------------

/// The rows of every table of `text` whose first cell is a code in backticks: code → cells.
fn code_rows(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut rows = BTreeMap::new();
    for line in text.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<String> = line
            .trim_matches('|')
            .split(" | ")
            .map(|c| c.trim().to_string())
            .collect();
        let first = cells[0].trim_matches('`').to_string();
        if first.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            assert!(
                rows.insert(first.clone(), cells).is_none(),
                "docs/json.md: `{first}` has two rows"
            );
        }
    }
    rows
}

/// Every object of `v` that is a finding: (code, severity, ref).
fn findings(v: &Value, out: &mut BTreeSet<(String, String, String)>) {
    match v {
        Value::Object(map) => {
            if let (Some(c), Some(s), Some(r)) =
                (map.get("code"), map.get("severity"), map.get("ref"))
            {
                out.insert((
                    c.to_string().replace('"', ""),
                    s.to_string().replace('"', ""),
                    r.to_string().replace('"', ""),
                ));
            }
            map.values().for_each(|x| findings(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| findings(x, out)),
        _ => {}
    }
}

#[test]
fn every_finding_and_error_code_is_documented() {
    let text = read("docs/json.md");
    let rows = code_rows(&text);
    let mut missing = Vec::new();
    for c in FindingCode::ALL {
        if !rows.contains_key(c.as_str()) {
            missing.push(c.as_str());
        }
    }
    for c in InputErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(WalletError::CODES.iter().copied())
    {
        if !rows.contains_key(c) {
            missing.push(c);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/json.md has no row for {missing:?}"
    );

    // Every severity and reference the engine gives a finding is in its row.
    let mut seen = BTreeSet::new();
    for d in corpus::documents() {
        findings(&d.value(), &mut seen);
    }
    let mut wrong = Vec::new();
    for (c, severity, reference) in &seen {
        let row = &rows[c];
        if !row[1].contains(severity.as_str()) {
            wrong.push(format!("{c}: severity {severity} not in `{}`", row[1]));
        }
        if !row[2].contains(&code(reference)) {
            wrong.push(format!("{c}: reference `{reference}` not in `{}`", row[2]));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/json.md's finding table:\n{}",
        wrong.join("\n")
    );
    let codes: BTreeSet<&str> = seen.iter().map(|(c, _, _)| c.as_str()).collect();
    println!(
        "{} finding codes seen with {} (severity, reference) pairs",
        codes.len(),
        seen.len()
    );
}

// ---- the schemas --------------------------------------------------------------------------------

fn schema(name: &str) -> Value {
    serde_json::from_str(&read(&format!("docs/schema/{name}"))).unwrap()
}

fn names<T: Display>(all: &[T]) -> Vec<String> {
    all.iter().map(|v| v.to_string()).collect()
}

#[test]
fn the_schemas_name_the_core_s_codes() {
    let request = schema("request.schema.json");
    let response = schema("response.schema.json");
    let enumeration = |s: &Value, def: &str| -> Vec<String> {
        s["$defs"][def]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("no enum at $defs.{def}"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let mut errors: Vec<String> = names(InputErrorCode::ALL);
    errors.extend(WalletError::CODES.iter().map(|c| c.to_string()));
    let expected: Vec<(&Value, &str, Vec<String>)> = vec![
        (&request, "lang", names(Lang::ALL)),
        (&request, "size_class", names(SizeClass::ALL)),
        (&request, "legal_form", names(LegalForm::ALL)),
        (&request, "service_kind", names(ServiceKind::ALL)),
        (&request, "theme", names(Theme::ALL)),
        (&request, "subtheme", names(Subtheme::ALL)),
        (&request, "excluded_topic", names(ExcludedTopic::ALL)),
        (&request, "line_kind", names(CostLineKind::ALL)),
        (&request, "staff_role", names(StaffRole::ALL)),
        (&request, "entity_kind", names(EntityType::ALL)),
        (&request, "control_right", names(ControlRight::ALL)),
        (
            &request,
            "ownership_change",
            names(OwnershipChangePolicy::ALL),
        ),
        (&request, "own_share_deadline", names(OwnShareDeadline::ALL)),
        (&request, "application_status", names(StatusKind::ALL)),
        (&response, "finding_code", names(FindingCode::ALL)),
        (&response, "severity", names(Severity::ALL)),
        (&response, "error_code", errors),
        (&response, "wallet_class", names(WalletClass::ALL)),
        (&response, "lang", names(Lang::ALL)),
        (&response, "size_class", names(SizeClass::ALL)),
        (&response, "theme", names(Theme::ALL)),
        (&response, "subtheme", names(Subtheme::ALL)),
        (&response, "line_kind", names(CostLineKind::ALL)),
    ];
    for (s, def, want) in expected {
        assert_eq!(enumeration(s, def), want, "$defs.{def}");
    }
}

/// Every property name of a schema.
fn properties(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|x| properties(x, out));
        }
        Value::Array(items) => items.iter().for_each(|x| properties(x, out)),
        _ => {}
    }
}

#[test]
fn every_schema_field_is_described() {
    let text = read("docs/json.md");
    let mut fields = BTreeSet::new();
    properties(&schema("request.schema.json"), &mut fields);
    properties(&schema("response.schema.json"), &mut fields);
    let undocumented: Vec<&String> = fields.iter().filter(|f| !text.contains(&code(f))).collect();
    assert!(
        undocumented.is_empty(),
        "fields of the schemas that docs/json.md does not name: {undocumented:?}"
    );
}

// ---- the docs as files --------------------------------------------------------------------------

/// The paths of the tree under "## The files" in docs/architecture.md (directories end with
/// `/`), from the root of the repository.
fn architecture_tree(text: &str) -> Vec<String> {
    let block = text
        .split("## The files")
        .nth(1)
        .and_then(|t| t.split("```text\n").nth(1))
        .and_then(|t| t.split("\n```").next())
        .expect("docs/architecture.md: the tree under \"## The files\"");
    let mut out = Vec::new();
    let mut dirs: Vec<String> = Vec::new();
    for line in block.lines().skip(1) {
        let chars: Vec<char> = line.chars().collect();
        let Some(start) = chars.iter().position(|c| !"│├└─ ".contains(*c)) else {
            continue;
        };
        let depth = start / 4;
        assert!(
            depth >= 1 && start % 4 == 0,
            "docs/architecture.md: `{line}` is not aligned"
        );
        let rest: String = chars[start..].iter().collect();
        let name = rest.split("  ").next().unwrap_or("").trim().to_string();
        dirs.truncate(depth - 1);
        let path = format!("{}{name}", dirs.concat());
        if name.ends_with('/') {
            dirs.push(name);
        }
        out.push(path);
    }
    out
}

#[test]
fn the_architecture_names_every_source_file() {
    let tree = architecture_tree(&read("docs/architecture.md"));
    let listed: BTreeSet<&str> = tree.iter().map(String::as_str).collect();
    let mut problems: Vec<String> = tree
        .iter()
        .filter(|p| !repo().join(p).exists())
        .map(|p| format!("lists `{p}`, which does not exist"))
        .collect();
    fn sources(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in [
        "kmo-core/src",
        "kmo-ffi/src",
        "kmo-wasm/src",
        "tests/golden/tests",
    ] {
        sources(&repo().join(dir), &mut files);
    }
    for file in files {
        let relative = file
            .strip_prefix(repo())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !listed.contains(relative.as_str()) {
            problems.push(format!("does not list `{relative}`"));
        }
    }
    assert!(
        problems.is_empty(),
        "docs/architecture.md:\n{}",
        problems.join("\n")
    );
}

// ---- the documents for scripts/check-schema -----------------------------------------------------

#[test]
fn documents_for_the_schema_check() {
    let mut out = String::new();
    let mut kinds: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for d in corpus::documents() {
        if d.def == "response" {
            continue; // target/golden and target/differential hold those
        }
        *kinds.entry((d.schema, d.def)).or_default() += 1;
        let line = json!({ "schema": d.schema, "def": d.def, "document": d.value() });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    let dir = repo().join("target/docs");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("documents.ndjson"), out).unwrap();
    // Every kind of input and answer is there.
    for def in ["size", "quick_question", "wallet_document", "request_list"] {
        assert!(kinds.contains_key(&("request", def)), "no {def} input");
    }
    for def in [
        "classification",
        "quote",
        "rulebooks",
        "codes",
        "provider_check",
        "enterprise_number_check",
        "wallet",
        "wallet_apply",
        "wallet_plan",
        "wallet_pay",
        "wallet_release",
        "wallet_stop",
    ] {
        assert!(kinds.contains_key(&("response", def)), "no {def} answer");
    }
    println!("{kinds:?}");
}
