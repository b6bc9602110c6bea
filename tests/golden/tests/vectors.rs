//! The golden suite (`tests/vectors/*.json`) through `assess_json`. The
//! responses are also written to `target/golden/rust.ndjson`, one per vector in suite order, so
//! that the other faces' runs can be compared with this one vector for vector.

use std::path::PathBuf;

#[test]
fn golden_vectors_through_assess_json() {
    let n = kmo_golden::run("Rust", kmo_core::assess_json);
    let responses: String = kmo_golden::load(&kmo_golden::vectors_dir())
        .iter()
        .map(|v| {
            let text = kmo_core::assess_json(&v.request);
            // Written as serde_json writes the same document (compact, keys in order, the
            // same escaping), whatever the document holds: errors, ignored fields, SME forms.
            let tree: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(serde_json::to_string(&tree).unwrap(), text, "{}", v.request);
            text + "\n"
        })
        .collect();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/golden");
    std::fs::create_dir_all(&dir).expect("target/golden");
    std::fs::write(dir.join("rust.ndjson"), responses).expect("rust.ndjson");
    println!("{n} golden vectors passed through the Rust face");
}

/// Every vector's application counted (`assess_counted`, the C typed quote without its
/// findings) answers what its assessment with findings counts: the same numbers, deadlines,
/// and counts of findings.
#[test]
fn golden_vectors_counted_as_assessed() {
    use kmo_core::{assess_counted, assess_with, json::parse_request, Detail};
    let mut n = 0;
    for v in kmo_golden::load(&kmo_golden::vectors_dir()) {
        let Ok(request) = parse_request(&v.request) else {
            continue;
        };
        let app = &request.application;
        match (assess_counted(app), assess_with(app, Detail::Numbers)) {
            (Ok(counted), Ok(assessed)) => {
                assert_eq!(counted, assessed.counted(), "{}: {}", v.file, v.name);
                assert_eq!(counted.findings, assessed.findings.len());
                assert_eq!(counted.blocking, assessed.blocking().count());
                assert_eq!(counted.eligible, counted.blocking == 0);
                n += 1;
            }
            (Err(a), Err(b)) => assert_eq!(a, b, "{}: {}", v.file, v.name),
            (a, b) => panic!("{}: {}: {a:?} / {b:?}", v.file, v.name),
        }
    }
    assert!(n >= 100, "{n} vectors assessed");
}
