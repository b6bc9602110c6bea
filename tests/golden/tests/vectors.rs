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
