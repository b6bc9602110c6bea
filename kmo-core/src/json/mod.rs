//! The JSON document: [`assess_json`] reads a request, runs [`assess`](crate::assess()) and
//! writes the response — or the error document naming the offending field, its message in the
//! request's language.
//!
//! Money and percentages travel as decimal strings (`"2000"`, `"2000.00"`, `"12.5"`); JSON
//! numbers are accepted too and read exactly from their text as written (JavaScript writes the
//! shortest text of a double: `0.1`, `2000.5`, `1e+30`), never through binary floating point.
//! Dates are `YYYY-MM-DD`. Unknown fields are ignored with a `warning` finding naming them.
//! Every field is described in the repository's `docs/json.md`, with a JSON Schema beside it.
//!
//! The module maps names to the core's types and back, and decides nothing a rule decides:
//!
//! - `entry`: the request text in, the response text out;
//! - `reader`: the JSON text to a tree (its lists in `lists`);
//! - `fields`: reading one field of a given kind, with its path;
//! - `request`: the request document to an [`Application`](crate::Application);
//! - `request_writer`: an [`Application`](crate::Application) as its request document;
//! - `writer`: the one writer of every answer;
//! - `response`: the response document of an assessment;
//! - `wallet`: the wallet document and the wallet's answers;
//! - `catalogue`: the rulebooks, the classification, the identifier checks, the quick quote.

#[cfg(feature = "serde")]
mod answers;
mod catalogue;
#[cfg(feature = "full-sme")]
mod definition;
#[cfg(feature = "serde")]
pub(crate) mod documents;
mod entry;
mod fields;
mod figures;
mod lists;
pub(crate) mod reader;
mod request;
mod request_writer;
mod response;
mod service;
#[cfg(feature = "wallet")]
mod wallet;
#[cfg(feature = "wallet")]
mod wallet_ops;
mod writer;

pub use catalogue::{
    classify_json, codes_json, enterprise_number_json, provider_number_json, quote_json,
    rulebooks_json,
};
pub use entry::{ascii_only, assess_json, document_text, respond_into, response_json};
pub use request::{parse_request, parse_request_list, ParsedRequest};
pub use request_writer::request_to_json;
#[cfg(feature = "wallet")]
pub use wallet::{wallet_from_json, wallet_to_json};
#[cfg(feature = "wallet")]
pub use wallet_ops::{
    wallet_apply_json, wallet_budget_json, wallet_error_json, wallet_error_json_at,
    wallet_lapse_overdue_json, wallet_pay_json, wallet_plan_json, wallet_release_json,
    wallet_stop_json,
};
pub use writer::error_json;
