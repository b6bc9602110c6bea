//! Every reference the engine gives resolves to an entry of the registry, `docs/references.md`,
//! and every entry is cited by the engine (or says, in its "Cited for" column, that it is not).
//!
//! The references are gathered from every answer the engine gives — the responses to the
//! golden vectors and to the 2 000 random requests of the differential test, the wallets and
//! their operations, the classifications, the quick quotes, the rulebooks — and from the
//! core's own tables, so that a reference no request happens to reach is checked too: every
//! rulebook edition, ceiling, de minimis regime, boundary choice, SME threshold, aggregation
//! relation and procedure step.

#[path = "common/corpus.rs"]
#[allow(dead_code)] // each test target uses its part of the corpus
mod corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use kmo_core::kmo::de_minimis::REGIMES;
use kmo_core::kmo::deadlines::plan_registration;
use kmo_core::kmo::rulebook::{BOUNDARY_CHOICES, CEILINGS as AID_CEILINGS, RULEBOOKS};
use kmo_core::sme::relations::Relation;
use kmo_core::sme::thresholds::CEILINGS as SME_CEILINGS;
use kmo_core::{deadlines, parse_date, procedure, rulebook_for, OwnShareDeadline};
use serde_json::Value;

/// One entry of the registry: its short name, and whether it says it is not cited.
struct Entry {
    name: String,
    not_cited: bool,
}

/// The registry's entries: the rows of its table whose first cell is a short name in
/// backticks.
fn registry() -> Vec<Entry> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/references.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let entries: Vec<Entry> = text
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            Entry {
                name: cells[0].trim_matches('`').to_string(),
                not_cited: cells.last().is_some_and(|c| c.starts_with("Not cited")),
            }
        })
        .collect();
    assert!(
        entries.len() >= 10,
        "docs/references.md: the registry table was not found"
    );
    entries
}

/// The short names of a reference: `BVR-2016 art. 18; MB-2019` → `BVR-2016`, `MB-2019`.
/// Panics when the reference does not have the form `NAME[ art. …](; NAME[ art. …])*`.
fn short_names(reference: &str) -> Vec<String> {
    reference
        .split("; ")
        .map(|part| {
            let name = part.split_once(" art. ").map_or(part, |(n, _)| n);
            assert!(
                !name.is_empty() && !name.contains(' ') && !name.contains(';'),
                "`{reference}` is not a list of short names with articles"
            );
            name.to_string()
        })
        .collect()
}

/// The fields that hold a reference, besides `ref`: the rulebooks' rules and the de minimis
/// regime.
const REFERENCE_FIELDS: [&str; 6] = [
    "ref",
    "themes_required",
    "excluded_topics",
    "maatwerkbedrijf",
    "advice_only_cybersecurity",
    "regime",
];

/// Every reference in a JSON answer, with where it was found.
fn references(v: &Value, context: &str, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                match x {
                    Value::String(s) if REFERENCE_FIELDS.contains(&k.as_str()) => {
                        out.entry(s.clone()).or_insert_with(|| context.to_string());
                    }
                    _ => references(x, context, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| references(x, context, out)),
        _ => {}
    }
}

/// Every reference in the core's tables.
fn table_references(out: &mut BTreeMap<String, String>) {
    let mut add = |r: &str, what: &str| {
        out.entry(r.to_string()).or_insert_with(|| what.to_string());
    };
    for b in RULEBOOKS {
        add(b.reference, "a rulebook edition");
        add(b.rates.reference, "a rulebook's rates");
        add(b.minimums.reference, "a rulebook's minimums");
        add(b.deadlines.reference, "a rulebook's deadlines");
        for u in b.uplifts {
            add(u.reference, "an uplift");
        }
        for r in [
            b.themes_required,
            b.excluded_topics,
            b.maatwerkbedrijf,
            b.advice_only_cybersecurity,
        ]
        .into_iter()
        .flatten()
        {
            add(r, "a rulebook's rule");
        }
    }
    for c in AID_CEILINGS {
        add(c.reference, "a ceiling");
    }
    for r in REGIMES {
        add(r.reference, "a de minimis regime");
    }
    for c in BOUNDARY_CHOICES {
        add(c.reference, "a boundary choice");
    }
    for c in SME_CEILINGS {
        add(c.reference, "an SME threshold");
    }
    add(
        kmo_core::sme::small_mid_cap::REFERENCE,
        "the small mid-caps",
    );
    add(kmo_core::kmo::cost::REFERENCE, "the eligible cost");
    for r in [
        Relation::Own,
        Relation::Linked,
        Relation::Partner,
        Relation::LinkedToPartner,
        Relation::Consolidated,
        Relation::ExemptInvestor,
        Relation::PublicBody,
        Relation::NaturalPerson,
        Relation::NotCounted,
    ] {
        add(r.reference(), "an aggregation relation");
    }
    // The procedure, with every step: a start date and a portal registration.
    let day = parse_date("2026-03-10").unwrap();
    let start = Some(parse_date("2026-03-02").unwrap());
    let set = deadlines(
        rulebook_for(day).unwrap(),
        day,
        start,
        OwnShareDeadline::default(),
        None,
    );
    let plan = plan_registration(
        day,
        Some(parse_date("2026-01-05").unwrap()),
        &set,
        OwnShareDeadline::default(),
        None,
    );
    for step in procedure(day, start, &set, Some(&plan)) {
        add(step.reference, "a procedure step");
    }
}

#[test]
fn every_reference_resolves_and_every_entry_is_cited() {
    let registry = registry();
    let names: BTreeSet<&str> = registry.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names.len(),
        registry.len(),
        "docs/references.md names an entry twice"
    );

    let mut found = BTreeMap::new();
    let documents = corpus::documents();
    for d in &documents {
        references(&d.value(), d.def, &mut found);
    }
    table_references(&mut found);

    let mut unresolved = Vec::new();
    let mut cited = BTreeSet::new();
    for (reference, context) in &found {
        for name in short_names(reference) {
            if names.contains(name.as_str()) {
                cited.insert(name);
            } else {
                unresolved.push(format!("`{name}` (in `{reference}`, {context})"));
            }
        }
    }
    assert!(
        unresolved.is_empty(),
        "references the registry (docs/references.md) does not explain:\n{}",
        unresolved.join("\n")
    );

    let mut stale = Vec::new();
    for e in &registry {
        match (cited.contains(&e.name), e.not_cited) {
            (false, false) => stale.push(format!("`{}` is not cited by the engine (say why in its \"Cited for\" column, starting \"Not cited\")", e.name)),
            (true, true) => stale.push(format!("`{}` says it is not cited, but the engine cites it", e.name)),
            _ => {}
        }
    }
    assert!(
        stale.is_empty(),
        "docs/references.md:\n{}",
        stale.join("\n")
    );
    println!(
        "{} distinct references over {} documents and the core's tables, {} short names, all in the registry",
        found.len(),
        documents.len(),
        cited.len()
    );
}

#[test]
fn short_names_are_read_as_the_registry_writes_them() {
    assert_eq!(
        short_names("BVR-2016 art. 18; MB-2019"),
        ["BVR-2016", "MB-2019"]
    );
    assert_eq!(
        short_names("BVR-2025; BVR-2016 art. 4, art. 7"),
        ["BVR-2025", "BVR-2016"]
    );
    assert_eq!(
        short_names("REC-2003/361 art. 3(3); SME-GUIDE-2020"),
        ["REC-2003/361", "SME-GUIDE-2020"]
    );
    assert_eq!(short_names("[3p]"), ["[3p]"]);
    assert!(std::panic::catch_unwind(|| short_names("BVR 2016")).is_err());
}
