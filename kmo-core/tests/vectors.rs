//! The golden suite (`tests/vectors/*.json`, CONTRACT.md §5) through `assess_json`.
//!
//! Each file holds `{"vectors": [...]}`; each vector has a `request` (or a raw `request_text`),
//! an `expect` object that must be a subset of the response (objects by key, lists element by
//! element, scalars equal), and optionally `findings` (codes that must be present), `absent`
//! (codes that must not be) and `blocking` (exactly the blocking codes, in any order).

use std::path::PathBuf;

use serde_json::Value;

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// Where `actual` differs from the subset `expected`, as a list of paths.
fn mismatches(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => mismatches(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                mismatches(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        (e, a) if e == a => {}
        (e, a) => out.push(format!("{path}: expected {e}, got {a}")),
    }
}

fn codes(response: &Value, blocking_only: bool) -> Vec<String> {
    response["findings"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter(|f| !blocking_only || f["severity"] == "blocking")
                .filter_map(|f| f["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Checks one vector; returns what went wrong.
pub fn check(vector: &Value, response: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    mismatches(&vector["expect"], response, "", &mut problems);
    let present = codes(response, false);
    for code in vector["findings"].as_array().into_iter().flatten() {
        if !present.iter().any(|c| c == code) {
            problems.push(format!("finding {code} missing (have {present:?})"));
        }
    }
    for code in vector["absent"].as_array().into_iter().flatten() {
        if present.iter().any(|c| c == code) {
            problems.push(format!("finding {code} present but should not be"));
        }
    }
    if let Some(expected) = vector["blocking"].as_array() {
        let mut want: Vec<String> = expected
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect();
        let mut have = codes(response, true);
        want.sort();
        have.sort();
        if want != have {
            problems.push(format!("blocking codes: expected {want:?}, got {have:?}"));
        }
    }
    if response.get("error").is_none() {
        // Invariants of every result.
        let eligible = response["eligible"].as_bool().unwrap_or(false);
        if !eligible && codes(response, true).is_empty() {
            problems.push("ineligible without a blocking reason".into());
        }
        for f in response["findings"].as_array().into_iter().flatten() {
            if f["ref"].as_str().is_none_or(str::is_empty)
                || f["message"].as_str().is_none_or(str::is_empty)
            {
                problems.push(format!("finding without ref or message: {f}"));
            }
        }
    }
    problems
}

#[test]
fn golden_vectors_through_assess_json() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let (mut total, mut failures) = (0, Vec::new());
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        for vector in doc["vectors"].as_array().expect("a vectors list") {
            total += 1;
            let request = match vector.get("request_text") {
                Some(Value::String(text)) => text.clone(),
                _ => vector["request"].to_string(),
            };
            let response: Value = serde_json::from_str(&kmo_core::assess_json(&request))
                .expect("assess_json always returns JSON");
            let problems = check(vector, &response);
            if !problems.is_empty() {
                failures.push(format!(
                    "{} / {}:\n    {}",
                    file.file_name().unwrap().to_string_lossy(),
                    vector["name"],
                    problems.join("\n    ")
                ));
            }
        }
    }
    assert!(
        total >= 120,
        "the golden suite has {total} vectors; at least 120 expected"
    );
    assert!(
        failures.is_empty(),
        "{} of {total} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("{total} golden vectors passed");
}
