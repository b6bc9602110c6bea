//! Random valid requests through the whole pipeline: every answer is an answer (not an
//! error), its parts add up, and an ineligible one says why. The requests and the Rust answers
//! are written to `target/differential/` so that the C and JavaScript runs can be compared with
//! them, answer for answer.

use std::path::PathBuf;

use rust_decimal::Decimal;
use serde_json::Value;

#[test]
fn random_valid_requests_through_the_pipeline() {
    let requests = kmo_golden::differential_requests();
    let mut responses = String::new();
    for request in &requests {
        let text = kmo_core::assess_json(request);
        let v: Value = serde_json::from_str(&text).unwrap();
        // The hand-written response writer writes what serde_json writes for the same
        // document: compact, keys in order, the same escaping.
        assert_eq!(serde_json::to_string(&v).unwrap(), text, "{request}");
        assert!(
            v.get("error").is_none(),
            "a valid request was refused: {request}\n{text}"
        );
        let money = |k: &str| v[k].as_str().unwrap().parse::<Decimal>().unwrap();
        assert_eq!(
            money("aid") + money("own_share"),
            money("eligible_cost"),
            "{request}"
        );
        assert!(money("aid") <= money("ceiling"), "{request}");
        if v["eligible"] == false {
            assert!(
                v["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| f["severity"] == "blocking"),
                "{request}"
            );
        }
        responses.push_str(&text);
        responses.push('\n');
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/differential");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("requests.ndjson"), requests.join("\n") + "\n").unwrap();
    std::fs::write(dir.join("rust.ndjson"), responses).unwrap();
}
