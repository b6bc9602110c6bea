//! Any request text: valid JSON comes out, never a panic; an answer's parts add up; an
//! ineligible answer has a blocking reason.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let out: Value = serde_json::from_str(&kmo_core::assess_json(text)).expect("assess_json returns JSON");
    if let Some(err) = out.get("error") {
        assert!(err["code"].as_str().is_some_and(|c| !c.is_empty()));
        return;
    }
    let money = |k: &str| -> Decimal { out[k].as_str().expect(k).parse().expect(k) };
    assert_eq!(money("aid") + money("own_share"), money("eligible_cost"));
    assert!(money("aid") <= money("ceiling"));
    if out["eligible"] == false {
        assert!(out["findings"].as_array().unwrap().iter().any(|f| f["severity"] == "blocking"));
        assert_eq!(money("aid"), Decimal::ZERO);
    }
});
