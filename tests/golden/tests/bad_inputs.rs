//! The bad-input catalogue (`tests/bad-inputs/catalogue.json`) through `assess_json`: every
//! malformed request gives its error code at its field. The expanded cases are written to
//! `target/bad-inputs/cases.ndjson` for the JavaScript run.

use std::path::PathBuf;

#[test]
fn every_bad_input_is_a_typed_error_naming_the_field() {
    let cases = kmo_golden::bad_inputs();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| kmo_golden::check_bad(c, &kmo_core::assess_json(&c.request)))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bad-inputs");
    std::fs::create_dir_all(&dir).unwrap();
    let lines: String = cases
        .iter()
        .map(|c| {
            serde_json::json!({ "name": c.name, "request": c.request, "code": c.code, "path": c.path, "text_only": c.text_only })
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(dir.join("cases.ndjson"), lines).unwrap();
    println!(
        "{} bad inputs rejected with their code and field",
        cases.len()
    );
}
