//! Every reference the engine gives resolves to an entry of the registry, `docs/references.md`,
//! and every entry is cited by the engine (or says, in its "Cited for" column, that it is not).
//!
//! The rules reference says exactly as much as its sources: every reference an answer gives is
//! listed in `docs/rules.md` (section 14) with the mark of the rule it stands for, and that mark
//! is no surer than the weakest registry entry the reference names; a rule marked [3p] or
//! [choice] names `[3p]` or `[choice]` in its reference. Every `[choice: name]` of the rules
//! reference is a choice of the engine's list (`kmo::rulebook::CHOICES`), and every choice of the
//! list is in the rules reference.
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

use kmo_core::rules::{
    plan_registration, BOUNDARY_CHOICES, CEILINGS as AID_CEILINGS, CHOICES,
    DE_MINIMIS_REGIMES as REGIMES, RULEBOOKS,
};
use kmo_core::sme::relations::Relation;
use kmo_core::sme::thresholds::CEILINGS as SME_CEILINGS;
use kmo_core::{deadlines, parse_date, procedure, rulebook_for, OwnShareDeadline};
use serde_json::Value;

/// How sure: the marks of the rules reference, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    Choice,
    ThirdParty,
    Official,
    Law,
}

impl Mark {
    /// `law`, `[law]`, `official`, `3p`, `choice`, with or without brackets.
    fn parse(text: &str) -> Option<Mark> {
        match text.trim().trim_start_matches('[').trim_end_matches(']') {
            "law" => Some(Mark::Law),
            "official" => Some(Mark::Official),
            "3p" => Some(Mark::ThirdParty),
            "choice" => Some(Mark::Choice),
            _ => None,
        }
    }
}

/// One entry of the registry: its short name, how sure a rule citing it can be, and whether it
/// says it is not cited.
struct Entry {
    name: String,
    confidence: Mark,
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
            let name = cells[0].trim_matches('`').to_string();
            Entry {
                confidence: Mark::parse(cells[1]).unwrap_or_else(|| {
                    panic!("docs/references.md: `{name}` has no confidence (law, official, 3p, choice) in its second column")
                }),
                name,
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
    add(kmo_core::rules::COST_REFERENCE, "the eligible cost");
    add(
        kmo_core::sme::relations::BUSINESS_ANGEL_LIMIT_REFERENCE,
        "the business-angel limit",
    );
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

/// Every (emitter, reference) pair of a JSON answer: a finding by its code, a trace step
/// (`trace.rate`), a procedure step (`procedure.apply`), a rulebook's parts (`rulebook`,
/// `rates`, `minimum_cost`, `uplifts`, the rule fields), an aggregation weight
/// (`contributions`), the de minimis regime (`regime`).
fn emitted(v: &Value, container: &str, out: &mut BTreeSet<(String, String)>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get("ref") {
                let step = map.get("step").and_then(Value::as_str);
                let emitter = match (map.get("code").and_then(Value::as_str), step) {
                    (Some(code), _) => code.to_string(),
                    (None, Some(step)) => format!("{container}.{step}"),
                    (None, None) if container.is_empty() => "rulebook".to_string(),
                    (None, None) => container.to_string(),
                };
                out.insert((emitter, r.clone()));
            }
            for (k, x) in map {
                match x {
                    Value::String(r) if k != "ref" && REFERENCE_FIELDS.contains(&k.as_str()) => {
                        out.insert((k.clone(), r.clone()));
                    }
                    _ => emitted(x, k, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| emitted(x, container, out)),
        _ => {}
    }
}

/// The table of section 14 of `docs/rules.md`: (emitter, reference) → the rule's mark.
fn marks_table() -> BTreeMap<(String, String), Mark> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let section = text
        .split("\n## 14. ")
        .nth(1)
        .expect("docs/rules.md: no section 14 (every reference and how sure it is)");
    let mut table = BTreeMap::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        assert_eq!(cells.len(), 3, "docs/rules.md section 14: `{line}`");
        let reference = cells[0].trim_matches('`').to_string();
        short_names(&reference);
        let mark = Mark::parse(cells[1])
            .unwrap_or_else(|| panic!("docs/rules.md section 14: no mark in `{line}`"));
        for emitter in cells[2].split('`').skip(1).step_by(2) {
            let before = table.insert((emitter.to_string(), reference.clone()), mark);
            assert!(
                before.is_none(),
                "docs/rules.md section 14: `{emitter}` with `{reference}` twice"
            );
        }
    }
    assert!(
        table.len() > 40,
        "docs/rules.md section 14: the table was not found"
    );
    table
}

#[test]
fn every_reference_is_as_sure_as_its_rule_and_no_surer() {
    let registry: BTreeMap<String, Mark> = registry()
        .into_iter()
        .map(|e| (e.name, e.confidence))
        .collect();
    let table = marks_table();
    let mut pairs = BTreeSet::new();
    for d in corpus::documents() {
        emitted(&d.value(), "", &mut pairs);
    }
    let mut wrong = Vec::new();
    for (emitter, reference) in &pairs {
        if !table.contains_key(&(emitter.clone(), reference.clone())) {
            wrong.push(format!(
                "`{emitter}` gives `{reference}`, which section 14 does not list for it"
            ));
        }
    }
    for ((emitter, reference), mark) in &table {
        if !pairs.contains(&(emitter.clone(), reference.clone())) {
            wrong.push(format!(
                "section 14 lists `{reference}` for `{emitter}`, which no answer gives"
            ));
        }
        let names = short_names(reference);
        let weakest = names
            .iter()
            .filter_map(|n| registry.get(n))
            .min()
            .copied()
            .unwrap_or(Mark::Choice);
        if weakest < *mark {
            wrong.push(format!(
                "`{emitter}` is marked {mark:?}, but `{reference}` names a source only {weakest:?}"
            ));
        }
        // Not from a legal text or the agency: the reference says so, by naming a source of
        // the rule's own mark (`[3p]`, `[choice]`, or the project's own `KMO-JSON`).
        let says_so = names.iter().any(|n| registry.get(n) == Some(mark));
        if *mark < Mark::Official && !says_so {
            wrong.push(format!(
                "`{emitter}` is marked {mark:?}, but `{reference}` names no source of that mark"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/rules.md (section 14), docs/references.md and the engine disagree:\n{}",
        wrong.join("\n")
    );
    println!(
        "{} (emitter, reference) pairs, each as sure as its rule and no surer",
        pairs.len()
    );
}

/// The names of `[choice: name]` in `text`, outside code spans; panics on a bare `[choice]`.
fn named_choices(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    // The legend row of the marks defines the mark itself.
    let text: String = text
        .lines()
        .filter(|l| !l.starts_with("| **[choice]** |"))
        .collect::<Vec<_>>()
        .join("\n");
    for (i, paragraph) in text.split("\n\n").enumerate() {
        let prose: String = paragraph
            .split('`')
            .step_by(2)
            .collect::<Vec<_>>()
            .join(" ");
        let mut rest = prose.as_str();
        while let Some(at) = rest.find("[choice") {
            let after = &rest[at + "[choice".len()..];
            let (inside, _) = after.split_once(']').unwrap_or((after, ""));
            let name = inside.strip_prefix(':').map(str::trim).unwrap_or_else(|| {
                panic!(
                    "docs/rules.md, paragraph {}: a [choice] without its name ([choice: name])",
                    i + 1
                )
            });
            assert!(
                !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "docs/rules.md: `[choice: {name}]` is not a choice's name"
            );
            names.push(name.to_string());
            rest = after;
        }
    }
    names
}

#[test]
fn every_choice_of_the_rules_reference_is_a_choice_of_the_engine() {
    let docs = |file: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../docs")
            .join(file);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let rules = docs("rules.md");
    let json = docs("json.md");
    // Section 14 lists the references with their marks (the test above reads it).
    let prose = rules.split("\n## 14. ").next().unwrap_or("");
    let in_docs: BTreeSet<String> = named_choices(prose).into_iter().collect();
    let engine: BTreeSet<String> = CHOICES.iter().map(|c| c.name.to_string()).collect();
    assert_eq!(engine.len(), CHOICES.len(), "CHOICES names a choice twice");
    let unknown: Vec<&String> = in_docs.difference(&engine).collect();
    let missing: Vec<&String> = engine.difference(&in_docs).collect();
    assert!(
        unknown.is_empty() && missing.is_empty(),
        "docs/rules.md names choices the engine does not have: {unknown:?}; the engine's choices docs/rules.md does not name as [choice: name]: {missing:?}"
    );
    // The boundary days name their choice.
    for b in BOUNDARY_CHOICES {
        let name = b.choice.strip_prefix("choice_").unwrap_or(b.choice);
        assert!(
            engine.contains(name),
            "the boundary choice `{}` is not in CHOICES",
            b.choice
        );
    }
    // Where a choice shows, and the field that overrides it, are fields the JSON reference
    // describes.
    for c in CHOICES {
        for field in [Some(c.shown_in), c.parameter].into_iter().flatten() {
            let last = field.rsplit('.').next().unwrap_or(field);
            assert!(
                json.contains(&format!("`{last}`")),
                "choice `{}`: `{field}` is not described in docs/json.md",
                c.name
            );
        }
    }
    println!(
        "{} choices, each named in the rules reference",
        CHOICES.len()
    );
}

#[test]
fn named_choices_are_read_as_the_rules_reference_writes_them() {
    assert_eq!(
        named_choices("**[choice: rounding]** and `[choice]` in code and [choice:\n  lapse_day]"),
        ["rounding", "lapse_day"]
    );
    assert!(std::panic::catch_unwind(|| named_choices("a bare **[choice]** here")).is_err());
    assert_eq!(Mark::parse("[3p]"), Some(Mark::ThirdParty));
    assert!(Mark::Choice < Mark::ThirdParty && Mark::Official < Mark::Law);
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
