//! The SME input (declared, figures, or the full ownership graph): a typed error or an answer,
//! never a panic or an endless loop.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let out: Value = serde_json::from_str(&kmo_core::json::classify_json(text)).expect("JSON");
    if out.get("error").is_none() {
        assert!(["micro", "small", "medium", "large"].contains(&out["size_class"].as_str().unwrap()));
    }
});
