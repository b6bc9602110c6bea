//! The golden suite (`tests/vectors/*.json`, CONTRACT.md §5) through `assess_json`. The
//! responses are also written to `target/golden/rust.ndjson`, one per vector in suite order, so
//! that the other faces' runs can be compared with this one vector for vector.

use std::path::PathBuf;

#[test]
fn golden_vectors_through_assess_json() {
    let n = kmo_golden::run("Rust", kmo_core::assess_json);
    let responses: String = kmo_golden::load(&kmo_golden::vectors_dir())
        .iter()
        .map(|v| kmo_core::assess_json(&v.request) + "\n")
        .collect();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/golden");
    std::fs::create_dir_all(&dir).expect("target/golden");
    std::fs::write(dir.join("rust.ndjson"), responses).expect("rust.ndjson");
    println!("{n} golden vectors passed through the Rust face");
}
