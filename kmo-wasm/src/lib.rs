//! The WebAssembly face: JSON text in, JSON text out, nothing else.
//!
//! JSON text crosses the boundary rather than JS objects: the JavaScript layer
//! (`kmo-wasm/js/`) turns plain objects into JSON with `JSON.stringify`, which writes every
//! number as its shortest round-trip decimal (the exact conversion the document asks for), and
//! parses the answers back. Every answer, error documents included, is written by the core
//! (`kmo_core::json`), so it is the one the Rust and C faces give, and its messages are in the
//! request's language. It crosses in ASCII only (`kmo_core::json::ascii_only`: an accent or a
//! dash written as its `\u` escape, the same JSON value), because JavaScript engines decode
//! ASCII into a string several times faster than UTF-8 (Node.js's `TextDecoder`: 1.4 µs against
//! 5 µs for a Dutch response and 14 µs for a French one) and parse the result faster. This
//! module decides nothing: it only passes text.
//!
//! Where the question is numbers, numbers cross instead ([`typed`]): the SME class from one
//! period's figures and the quick quote, one at a time or many in one call, with codes as the
//! core numbers them, dates as `yyyymmdd`, amounts in cents and rates in basis points. The
//! JavaScript layer takes that path for the common question and the JSON one for the rest; the
//! answers are the same (`tests/typed.test.js`).
//!
//! Built without the default feature `full`, the module exports [`assess_json`] and
//! [`engine`] only, over the core without the full SME definition and the wallet: the
//! calculator's lean module. A request that needs what it leaves out gets the error
//! `NOT_IN_THIS_BUILD` at the field.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "full")]
use kmo_core::json;
#[cfg(feature = "full")]
use kmo_core::wallet::Wallet as CoreWallet;
#[cfg(feature = "full")]
use kmo_core::Lang;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
pub mod typed;

/// The module's allocator: TLSF (constant time, one fifth of dlmalloc's code, which the
/// standard library brings otherwise). The module runs on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: rlsf::SmallGlobalTlsf = rlsf::SmallGlobalTlsf::new();

/// Assesses a request and returns the response or the error document.
#[wasm_bindgen(js_name = assessJson)]
pub fn assess_json(request: &str) -> String {
    kmo_core::json::ascii_only(kmo_core::assess_json(request))
}

#[cfg(feature = "full")]
/// SME classification on its own (the `enterprise.size` object).
#[wasm_bindgen(js_name = classifyJson)]
pub fn classify_json(size: &str) -> String {
    json::ascii_only(json::classify_json(size))
}

#[cfg(feature = "full")]
/// A quick quote from its JSON question.
#[wasm_bindgen(js_name = quoteJson)]
pub fn quote_json(question: &str) -> String {
    json::ascii_only(json::quote_json(question))
}

#[cfg(feature = "full")]
/// Every rulebook edition, with references.
#[wasm_bindgen(js_name = rulebooksJson)]
pub fn rulebooks_json() -> String {
    json::ascii_only(json::rulebooks_json())
}

#[cfg(feature = "full")]
/// The numbering of the coded values (finding codes, kinds, classes, themes, subthemes).
#[wasm_bindgen(js_name = codesJson)]
pub fn codes_json() -> String {
    json::ascii_only(json::codes_json())
}

/// The engine version (`kmo 0.1.0`).
#[wasm_bindgen(js_name = engine)]
pub fn engine() -> String {
    kmo_core::ENGINE.to_string()
}

#[cfg(feature = "full")]
/// The language an argument asks for: empty (not given) is the default, Dutch, as for a
/// document without `lang`; a code the document does not know is refused as the document
/// refuses it (`UNKNOWN_CODE` at `lang`, in English), never taken for English.
fn lang(code: &str) -> Result<Lang, String> {
    if code.is_empty() {
        return Ok(Lang::default());
    }
    Lang::parse(code)
        .map_err(|e| json::ascii_only(json::error_json(&e.at("lang"), Lang::OF_ERRORS)))
}

#[cfg(feature = "full")]
/// Checks a provider number: `{"canonical","service"}` or the error document.
#[wasm_bindgen(js_name = checkProviderNumber)]
pub fn check_provider_number(text: &str, language: &str) -> String {
    json::ascii_only(lang(language).map_or_else(|e| e, |l| json::provider_number_json(text, l)))
}

#[cfg(feature = "full")]
/// Checks a Belgian enterprise number: `{"canonical"}` or the error document.
#[wasm_bindgen(js_name = checkEnterpriseNumber)]
pub fn check_enterprise_number(text: &str, language: &str) -> String {
    json::ascii_only(lang(language).map_or_else(|e| e, |l| json::enterprise_number_json(text, l)))
}

#[cfg(feature = "full")]
/// One enterprise's applications (the `Wallet` of the JavaScript API wraps it).
#[wasm_bindgen]
pub struct WalletHandle(CoreWallet);

#[cfg(feature = "full")]
#[wasm_bindgen]
impl WalletHandle {
    /// An empty wallet whose errors are written in `language` (refused when unknown).
    #[wasm_bindgen(constructor)]
    pub fn new(language: &str) -> Result<WalletHandle, String> {
        lang(language).map(|_| WalletHandle(CoreWallet::new()))
    }

    /// Reads a wallet document; throws the error document otherwise.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str, language: &str) -> Result<WalletHandle, String> {
        let language = lang(language)?;
        json::wallet_from_json(text)
            .map(WalletHandle)
            .map_err(|e| json::ascii_only(json::error_json(&e, language)))
    }

    /// The wallet document.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        json::ascii_only(json::wallet_to_json(&self.0))
    }

    /// Assesses a request against the wallet and records it when eligible.
    pub fn apply(&mut self, request: &str) -> String {
        json::ascii_only(json::wallet_apply_json(&mut self.0, request))
    }

    /// Quotes intended requests in order without recording them.
    pub fn plan(&self, requests: &str) -> String {
        json::ascii_only(json::wallet_plan_json(&self.0, requests))
    }

    /// Pays part of an application's own share.
    pub fn pay(&mut self, id: &str, date: &str, amount: &str, language: &str) -> String {
        match lang(language) {
            Ok(l) => json::ascii_only(json::wallet_pay_json(&mut self.0, id, date, amount, l)),
            Err(e) => e,
        }
    }

    /// Releases an amount to the provider.
    pub fn release(&mut self, id: &str, date: &str, amount: &str, language: &str) -> String {
        match lang(language) {
            Ok(l) => json::ascii_only(json::wallet_release_json(&mut self.0, id, date, amount, l)),
            Err(e) => e,
        }
    }

    /// Stops an application.
    pub fn stop(&mut self, id: &str, date: &str, language: &str) -> String {
        match lang(language) {
            Ok(l) => json::ascii_only(json::wallet_stop_json(&mut self.0, id, date, l)),
            Err(e) => e,
        }
    }

    /// Lets lapse what is overdue on a date (`{"lapsed": [...]}`).
    #[wasm_bindgen(js_name = lapseOverdue)]
    pub fn lapse_overdue(&mut self, date: &str, language: &str) -> String {
        match lang(language) {
            Ok(l) => json::ascii_only(json::wallet_lapse_overdue_json(&mut self.0, date, l)),
            Err(e) => e,
        }
    }

    /// The budget of a date's year as it stands on that date (`{"lapsed", "year"}`).
    pub fn budget(&self, date: &str, language: &str) -> String {
        match lang(language) {
            Ok(l) => json::ascii_only(json::wallet_budget_json(&self.0, date, l)),
            Err(e) => e,
        }
    }
}
