//! Provider numbers, enterprise numbers, NACE codes: no panic; the canonical form is accepted
//! and canonical.
#![no_main]

use kmo_core::{EnterpriseNumber, NaceCode, ProviderNumber};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(p) = ProviderNumber::parse(text) {
        let canon = p.to_string();
        assert_eq!(ProviderNumber::parse(&canon).unwrap().to_string(), canon);
    }
    if let Ok(n) = EnterpriseNumber::parse(text) {
        let canon = n.to_string();
        assert_eq!(EnterpriseNumber::parse(&canon).unwrap().to_string(), canon);
    }
    if let Ok(c) = NaceCode::parse(text) {
        let canon = c.to_string();
        assert_eq!(NaceCode::parse(&canon).unwrap().to_string(), canon);
    }
});
