//! Decimal and date parsing at the edge: no panic, and whatever is accepted prints back to
//! something that parses to the same value.
#![no_main]

use kmo_core::{parse_date, AnnualWorkUnits, Money, Percent};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(m) = Money::parse(text) {
        assert_eq!(Money::parse(&m.to_string()).unwrap(), m);
        assert_eq!(Money::from_cents(m.cents()).unwrap(), m);
    }
    if let Ok(p) = Percent::parse(text) {
        assert_eq!(Percent::parse(&p.to_string()).unwrap(), p);
    }
    if let Ok(a) = AnnualWorkUnits::parse(text) {
        assert_eq!(AnnualWorkUnits::parse(&a.to_string()).unwrap(), a);
    }
    if let Ok(d) = parse_date(text) {
        assert_eq!(d.to_string(), text);
    }
});
