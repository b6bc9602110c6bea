//! The serde forms (feature `serde`): value types as text in both directions, the same
//! refusals as the JSON document, never a float.

use kmo_core::{
    AnnualWorkUnits, EnterpriseNumber, FindingCode, InputErrorCode, LegalForm, Money, NaceCode,
    Percent, ProviderNumber, SizeClass, Theme,
};
use serde::{Deserialize, Serialize};

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[test]
fn money_is_a_string_with_two_decimals() {
    assert_eq!(json(&Money::parse("1400").unwrap()), r#""1400.00""#);
    assert_eq!(
        read::<Money>(r#""2000.5""#).unwrap(),
        Money::parse("2000.50").unwrap()
    );
    // Numbers from a self-describing format: integers as they are, floats by their shortest
    // round-trip text (0.1 is 0.10, not 0.1000000000000000055511151231257827).
    assert_eq!(read::<Money>("2000").unwrap(), Money::from_euro(2000));
    assert_eq!(read::<Money>("0.1").unwrap(), Money::parse("0.10").unwrap());
    assert_eq!(read::<Money>("1234.56").unwrap().cents(), 123_456);
    // Round trip at the edges.
    for text in ["0.00", "0.01", "999999999999.99", "1000000000000.00"] {
        let m = Money::parse(text).unwrap();
        assert_eq!(json(&m), format!("\"{text}\""));
        assert_eq!(read::<Money>(&json(&m)).unwrap(), m);
    }
}

#[test]
fn money_refuses_what_the_document_refuses() {
    for (text, words) in [
        (r#""-1""#, "negative"),
        (r#""1,5""#, "1,5"),
        (r#""1.001""#, "cent"),
        (r#""1000000000000.01""#, "1000000000000.01"),
        ("-3", "negative"),
        ("0.001", "cent"),
        ("true", "an amount in euro"),
        ("null", "an amount in euro"),
    ] {
        let e = read::<Money>(text).unwrap_err();
        assert!(e.to_lowercase().contains(words), "{text}: {e}");
    }
    // The message is the document's: the same words as Money::parse gives.
    let direct = Money::parse("1,5").unwrap_err().to_string();
    assert!(read::<Money>(r#""1,5""#).unwrap_err().contains(&direct));
    assert_eq!(
        Money::parse("1,5").unwrap_err().code,
        InputErrorCode::InvalidAmount
    );
}

#[test]
fn percentages_and_staff_are_strings() {
    let p: Percent = read(r#""21""#).unwrap();
    assert_eq!(read::<Percent>(&json(&p)).unwrap(), p);
    assert_eq!(
        read::<Percent>("25").unwrap(),
        Percent::parse("25").unwrap()
    );
    assert!(read::<Percent>(r#""100.01""#).is_err());
    assert!(read::<Percent>(r#""12.34567""#).is_err());
    let awu: AnnualWorkUnits = read("12.5").unwrap();
    assert_eq!(json(&awu), format!("\"{awu}\""));
    assert_eq!(read::<AnnualWorkUnits>(&json(&awu)).unwrap(), awu);
    assert!(read::<AnnualWorkUnits>(r#""-1""#).is_err());
}

#[test]
fn identifiers_are_their_canonical_text_and_never_numbers() {
    let p: ProviderNumber = read(r#""DV.O105264""#).unwrap();
    assert_eq!(json(&p), r#""DV.O105264""#);
    assert!(read::<ProviderNumber>(r#""DV.X105264""#).is_err());
    let n: NaceCode = read(r#""62.010""#).unwrap();
    assert_eq!(read::<NaceCode>(&json(&n)).unwrap(), n);
    assert!(read::<NaceCode>("62").unwrap_err().contains("NACE-BEL"));
    let e: EnterpriseNumber =
        read(&json(&EnterpriseNumber::parse("0403.199.702").unwrap())).unwrap();
    assert_eq!(e, EnterpriseNumber::parse("0403.199.702").unwrap());
    assert!(read::<EnterpriseNumber>(r#""0403.199.703""#).is_err());
}

#[test]
fn coded_values_are_their_codes() {
    assert_eq!(json(&SizeClass::Medium), r#""medium""#);
    assert_eq!(
        json(&FindingCode::CeilingExhausted),
        format!("\"{}\"", FindingCode::CeilingExhausted.as_str())
    );
    for t in Theme::ALL {
        assert_eq!(read::<Theme>(&json(t)).unwrap(), *t);
    }
    for f in LegalForm::ALL {
        assert_eq!(read::<LegalForm>(&json(f)).unwrap(), *f);
    }
    let e = read::<SizeClass>(r#""Small""#).unwrap_err();
    assert!(e.contains("Small") && e.contains("micro"), "{e}");
    assert!(
        read::<SizeClass>("1").is_err(),
        "the numbering of the C face is not the serde form"
    );
}

#[test]
fn in_a_caller_s_own_struct() {
    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Invoice {
        amount: Money,
        vat_rate: Percent,
        size: SizeClass,
    }
    let text = r#"{"amount":"1250.50","vat_rate":"21","size":"small"}"#;
    let invoice: Invoice = serde_json::from_str(text).unwrap();
    assert_eq!(invoice.amount.cents(), 125_050);
    assert_eq!(serde_json::to_string(&invoice).unwrap(), text);
}
