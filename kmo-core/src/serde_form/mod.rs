//! The serde forms (feature `serde`, off by default): `Serialize` and `Deserialize` for the
//! value types and for the documents, so that a service can keep a question, an answer or a
//! wallet in the serde format it already uses.
//!
//! **The value types** — [`Money`](crate::Money), [`Percent`](crate::Percent),
//! [`AnnualWorkUnits`](crate::AnnualWorkUnits), the identifiers and every coded value — travel
//! as text: `"1400.00"`, `"21"`, `"12.5"`, `"DV.O105264"`, `"small"`, whatever features other
//! crates turn on in `rust_decimal`, so that no amount ever passes through binary floating
//! point. Reading takes the text the JSON document takes and refuses what it refuses, with the
//! same message. A self-describing format (JSON) may also give a number: an integer as it is, a
//! float by its shortest round-trip text (what JavaScript's `JSON.stringify` writes), read
//! exactly from that text.
//!
//! ```
//! use kmo_core::{Money, SizeClass};
//! let cost: Money = serde_json::from_str(r#""2000""#).unwrap();
//! assert_eq!(serde_json::to_string(&cost).unwrap(), r#""2000.00""#);
//! assert_eq!(serde_json::to_string(&SizeClass::Small).unwrap(), r#""small""#);
//! assert!(serde_json::from_str::<Money>(r#""-5""#).is_err());
//! ```
//!
//! **The documents** are their JSON documents (the repository's `docs/json.md`), written by the
//! library's one writer and read by its one reader — there is no second encoding of them:
//!
//! | type | its serde form |
//! |---|---|
//! | [`Application`](crate::Application) | the request ([`json::request_to_json`](crate::json::request_to_json), [`json::parse_request`](crate::json::parse_request)) |
//! | [`Assessment`](crate::Assessment) | the response, in its [`lang`](crate::Assessment::lang) ([`assess_json`](crate::assess_json)) |
//! | `wallet::Wallet` | the wallet document (`json::wallet_to_json`, `json::wallet_from_json`) |
//! | `wallet::Applied`, `Plan`, `Payment`, `Release`, `Stop`, `Settlement`, `YearBudget` | the answers of the wallet's operations (`json::wallet_apply_json`, …) |
//!
//! (A release answers with an amount, a [`Money`](crate::Money), whose serde form is its text;
//! the JSON face wraps it as `{"available": …}`. Refusals are errors, not values: their document
//! is written by [`json::error_json`](crate::json::error_json).)
//!
//! Serializing writes the document and gives its tree to the format: objects with their keys
//! in name order, amounts, percentages and dates as strings, whole numbers as numbers, `null`
//! where a field does not apply. Deserializing takes the format's tree to the reader, which
//! checks it as it checks the JSON text: a refusal is serde's error, its text the document's
//! code, path and message (`NEGATIVE_AMOUNT at service.cost: …`). A format that is not
//! self-describing (bincode, postcard) carries the document's JSON text as one string.
//!
//! Reading a request keeps what an [`Application`](crate::Application) holds: a history given
//! in `wallet.applications` becomes the application as that wallet sees it
//! (`Wallet::in_context`: its aid counted that year, its class fixed for the year), and unknown
//! fields are left out (read the text with [`json::parse_request`](crate::json::parse_request)
//! to keep both). Reading an answer reads what the engine wrote: every field, every code, and
//! each message as the text this version of the engine writes for its values, so that the
//! assessment read back equals the one written.
//!
//! ```
//! use kmo_core::*;
//!
//! let request = r#"{"application_date": "2026-03-10", "lang": "en",
//!   "enterprise": {"size": {"class": "small"}},
//!   "service": {"kind": "training", "theme": "innovatie", "cost": "2000"}}"#;
//! let app: Application = serde_json::from_str(request).unwrap();
//! let answer = assess(&app)?;
//! // The serde form of the answer is the response document, byte for byte.
//! let text = serde_json::to_string(&answer).unwrap();
//! assert_eq!(text, assess_json(request));
//! assert_eq!(serde_json::from_str::<Assessment>(&text).unwrap(), answer);
//!
//! // The document's checks, with its code and path.
//! let e = serde_json::from_str::<Application>(&request.replace(r#""2000""#, r#""-5""#)).unwrap_err();
//! assert!(e.to_string().starts_with("NEGATIVE_AMOUNT at service.cost: "), "{e}");
//! # Ok::<(), InputError>(())
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

/// `Serialize` and `Deserialize` for a type whose serde form is its document
/// ([`Document`](crate::json::documents::Document)).
macro_rules! document_form {
    ($($ty:ty),+ $(,)?) => {$(
        impl serde::Serialize for $ty {
            /// Its document (see [`serde_form`](crate::serde_form)).
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                tree::serialize(self, serializer)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            /// Read from its document, with the document's checks (see
            /// [`serde_form`](crate::serde_form)).
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                tree::deserialize(deserializer)
            }
        }
    )+};
}

mod tree;

document_form!(crate::Application, crate::Assessment);

#[cfg(feature = "wallet")]
document_form!(
    crate::wallet::Wallet,
    crate::wallet::Applied,
    crate::wallet::Plan,
    crate::wallet::Payment,
    crate::wallet::Release,
    crate::wallet::Settlement,
    crate::wallet::Stop,
    crate::wallet::YearBudget,
);
