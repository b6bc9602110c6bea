//! The golden suite (`tests/vectors/*.json`, CONTRACT.md §5) through `assess_json`.

#[test]
fn golden_vectors_through_assess_json() {
    let n = kmo_golden::run("Rust", kmo_core::assess_json);
    println!("{n} golden vectors passed through the Rust face");
}
