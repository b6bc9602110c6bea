//! The documentation in `docs/` held to the engine.
//!
//! - Every severity and reference the engine gives a finding (over the golden vectors and the
//!   random requests) is the one its code declares: its severity, and a reference its `Ref:`
//!   documentation names (the table of `docs/json.md` is generated from both).
//! - Every field the JSON Schemas name is described in `docs/json.md`.
//! - `docs/architecture.md` lists every source file.
//! - The engine's other inputs and answers are written to `target/docs/documents.ndjson`, for
//!   `scripts/check-schema`.
//!
//! The generated tables and examples of `docs/` (and everything else restated from the core) are
//! held by `tools/generate/tests/current.rs`.

#[path = "common/corpus.rs"]
mod corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use kmo_core::catalogue::Coded;
use kmo_core::FindingCode;
use serde_json::{json, Value};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn code(text: impl std::fmt::Display) -> String {
    format!("`{text}`")
}

// ---- the findings the engine gives --------------------------------------------------------------

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
fn every_finding_is_as_its_code_declares() {
    let mut seen = BTreeSet::new();
    for d in corpus::documents() {
        findings(&d.value(), &mut seen);
    }
    let mut wrong = Vec::new();
    for (c, severity, reference) in &seen {
        let code = FindingCode::parse(c).unwrap_or_else(|e| panic!("{c}: {e}"));
        if code.severity().as_str() != severity {
            wrong.push(format!(
                "{c}: severity {severity}, declared {}",
                code.severity()
            ));
        }
        let doc: String = code.doc().split_whitespace().collect::<Vec<_>>().join(" ");
        let refs = doc.split("Ref: ").nth(1).unwrap_or("");
        if !refs.contains(&self::code(reference)) {
            wrong.push(format!(
                "{c}: reference `{reference}` not in its `Ref:` ({refs})"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "findings that differ from their code's declaration in the core:\n{}",
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
        "tools/generate/src",
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
