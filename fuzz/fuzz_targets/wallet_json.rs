//! Wallet documents: no panic; whatever is accepted round-trips exactly.
#![no_main]

use kmo_core::json::{wallet_from_json, wallet_to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(wallet) = wallet_from_json(text) {
        let doc = wallet_to_json(&wallet);
        assert_eq!(wallet_from_json(&doc).expect("its own document"), wallet);
    }
});
