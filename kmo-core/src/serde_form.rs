//! The serde forms of the value types (feature `serde`, off by default): money, percentages,
//! annual work units, identifiers and every coded value travel as text — `"1400.00"`, `"21"`,
//! `"12.5"`, `"DV.O105264"`, `"small"` — whatever features other crates turn on in
//! `rust_decimal`, so that no amount ever passes through binary floating point.
//!
//! Reading takes the same text the JSON document takes and refuses what it refuses, with the
//! same message. A self-describing format (JSON) may also give a number: an integer as it is,
//! a float by its shortest round-trip text (what JavaScript's `JSON.stringify` writes), read
//! exactly from that text.
//!
//! ```
//! use kmo_core::{Money, SizeClass};
//! let cost: Money = serde_json::from_str(r#""2000""#).unwrap();
//! assert_eq!(serde_json::to_string(&cost).unwrap(), r#""2000.00""#);
//! assert_eq!(serde_json::to_string(&SizeClass::Small).unwrap(), r#""small""#);
//! assert!(serde_json::from_str::<Money>(r#""-5""#).is_err());
//! ```

use core::fmt;
use core::marker::PhantomData;
use core::str::FromStr;

use serde::de::{self, Deserializer, Visitor};

/// Reads a value from its text (or, where `numbers`, from a JSON number's text).
pub(crate) struct TextVisitor<T> {
    expecting: &'static str,
    numbers: bool,
    kind: PhantomData<T>,
}

impl<T> TextVisitor<T> {
    pub(crate) const fn new(expecting: &'static str, numbers: bool) -> Self {
        TextVisitor {
            expecting,
            numbers,
            kind: PhantomData,
        }
    }
}

impl<T: FromStr<Err = crate::InputError>> TextVisitor<T> {
    fn number<E: de::Error>(&self, text: &str, unexpected: de::Unexpected<'_>) -> Result<T, E> {
        if self.numbers {
            text.parse().map_err(E::custom)
        } else {
            Err(E::invalid_type(unexpected, self))
        }
    }
}

impl<T: FromStr<Err = crate::InputError>> Visitor<'_> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.number(&v.to_string(), de::Unexpected::Unsigned(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.number(&v.to_string(), de::Unexpected::Signed(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        // Rust writes a float as the shortest text that reads back as the same float, like
        // JavaScript; a non-finite one is refused by the parser as not a number.
        self.number(&v.to_string(), de::Unexpected::Float(v))
    }
}

/// `Serialize` (the `Display` text) and `Deserialize` (the `FromStr` text) for a value type.
/// `numbers`: whether a JSON number is read too (amounts, percentages, staff).
macro_rules! text_form {
    ($ty:ty, $expecting:literal, numbers: $numbers:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::serde_form::read(
                    deserializer,
                    $crate::serde_form::TextVisitor::new($expecting, $numbers),
                )
            }
        }
    };
}
pub(crate) use text_form;

/// Reads through `visitor`: any value from a self-describing format, a string otherwise.
pub(crate) fn read<'de, D: Deserializer<'de>, T: FromStr<Err = crate::InputError>>(
    deserializer: D,
    visitor: TextVisitor<T>,
) -> Result<T, D::Error> {
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

text_form!(crate::Money, "an amount in euro as a decimal string, such as \"1250.00\"", numbers: true);
text_form!(crate::Percent, "a percentage as a decimal string, such as \"21\"", numbers: true);
text_form!(crate::AnnualWorkUnits, "annual work units as a decimal string, such as \"12.5\"", numbers: true);
text_form!(crate::EnterpriseNumber, "a Belgian enterprise number, such as \"0123.456.749\"", numbers: false);
text_form!(crate::NaceCode, "a NACE-BEL code, such as \"62.010\"", numbers: false);
text_form!(crate::ProviderNumber, "a service-provider number, such as \"DV.O105264\"", numbers: false);
