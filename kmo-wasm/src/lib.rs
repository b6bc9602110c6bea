//! The WebAssembly face (CONTRACT.md §3): JSON text in, JSON text out, nothing else.
//!
//! JSON text crosses the boundary rather than JS objects: the JavaScript layer
//! (`kmo-wasm/js/`) turns plain objects into JSON with `JSON.stringify`, which writes every
//! number as its shortest round-trip decimal (the exact conversion CONTRACT.md §1 asks for),
//! and parses the answers back. That keeps this module free of object-walking glue, so the
//! WebAssembly stays small, and every answer is byte for byte the one the Rust and C faces give.
//! Errors come back as the error document `{"error":{"code","path","message"}}`, which the
//! JavaScript layer throws as a `KmoError`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use kmo_core::json::{
    error_value, parse_request, response_text, rulebooks_value, settlement_value, wallet_from_json,
    wallet_to_json, years_value,
};
use kmo_core::wallet::{Payment, Wallet as CoreWallet, WalletError};
use kmo_core::{parse_date, EnterpriseNumber, InputError, InputErrorCode, Money, ProviderNumber};
use std::cell::Cell;

use serde_json::json;
use wasm_bindgen::prelude::*;

/// Assesses a request (CONTRACT.md §1) and returns the response or the error document.
#[wasm_bindgen(js_name = assessJson)]
pub fn assess_json(request: &str) -> String {
    kmo_core::assess_json(request)
}

/// SME classification on its own (the `enterprise.size` object).
#[wasm_bindgen(js_name = classifyJson)]
pub fn classify_json(size: &str) -> String {
    kmo_core::json::classify_json(size)
}

/// Every rulebook edition, with references.
#[wasm_bindgen(js_name = rulebooksJson)]
pub fn rulebooks_json() -> String {
    rulebooks_value().to_string()
}

/// The engine version (`kmo 0.1.0`).
#[wasm_bindgen(js_name = engine)]
pub fn engine() -> String {
    kmo_core::ENGINE.to_string()
}

fn input_error(e: &InputError, path: &str) -> String {
    error_value(&e.clone().at(path)).to_string()
}

/// Checks a provider number: `{"canonical","service"}` or the error document.
#[wasm_bindgen(js_name = checkProviderNumber)]
pub fn check_provider_number(text: &str) -> String {
    match ProviderNumber::parse(text) {
        Ok(p) => json!({ "canonical": p.to_string(), "service": p.service().as_str() }).to_string(),
        Err(e) => input_error(&e, "provider"),
    }
}

/// Checks a Belgian enterprise number: `{"canonical"}` or the error document.
#[wasm_bindgen(js_name = checkEnterpriseNumber)]
pub fn check_enterprise_number(text: &str) -> String {
    match EnterpriseNumber::parse(text) {
        Ok(n) => json!({ "canonical": n.to_string() }).to_string(),
        Err(e) => input_error(&e, "enterprise_number"),
    }
}

fn wallet_error(e: &WalletError) -> String {
    let code = match e {
        WalletError::UnknownApplication(_) => "UNKNOWN_APPLICATION",
        WalletError::AlreadyEnded(_) => "APPLICATION_ENDED",
        WalletError::BeforeApplication { .. } => "BEFORE_APPLICATION",
        WalletError::OutOfOrder { .. } => "OUT_OF_ORDER",
        WalletError::ZeroAmount => "ZERO_AMOUNT",
        WalletError::Overpayment { .. } => "OVERPAYMENT",
        WalletError::OwnShareNotPaid(_) => "OWN_SHARE_NOT_PAID",
        WalletError::ReleaseExceedsBalance { .. } => "RELEASE_EXCEEDS_BALANCE",
        WalletError::Invalid(inner) => return error_value(inner).to_string(),
        _ => "WALLET_REFUSED",
    };
    json!({ "error": { "code": code, "path": "", "message": e.to_string() } }).to_string()
}

/// One enterprise's applications (the `Wallet` of the JavaScript API wraps it).
#[wasm_bindgen]
pub struct WalletHandle(CoreWallet);

#[wasm_bindgen]
impl WalletHandle {
    /// An empty wallet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> WalletHandle {
        WalletHandle(CoreWallet::new())
    }

    /// Reads a wallet document; `undefined` with the error document in `lastError` otherwise.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<WalletHandle, String> {
        wallet_from_json(text)
            .map(WalletHandle)
            .map_err(|e| error_value(&e).to_string())
    }

    /// The wallet document.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        wallet_to_json(&self.0).to_string()
    }

    /// Assesses a request against the wallet and records it when eligible:
    /// `{"id": n|null, "assessment": {...}}` or the error document.
    pub fn apply(&mut self, request: &str) -> String {
        let parsed = match parse_request(request) {
            Ok(p) => p,
            Err(e) => return error_value(&e).to_string(),
        };
        match self.0.apply(&parsed.application) {
            // The response text is written once, straight into the answer (no JSON tree).
            Ok(applied) => format!(
                "{{\"assessment\":{},\"id\":{}}}",
                response_text(&applied.assessment, &parsed),
                json!(applied.id)
            ),
            Err(e) => wallet_error(&e),
        }
    }

    /// Quotes intended requests in order without recording them: `{"items": [...], "years":
    /// [...]}`.
    pub fn plan(&self, requests: &str) -> String {
        let parsed = match kmo_core::json::parse_request_list(requests) {
            Ok(parsed) => parsed,
            Err(e) => return error_value(&e).to_string(),
        };
        let apps: Vec<_> = parsed.iter().map(|p| p.application.clone()).collect();
        let plan = self.0.plan(&apps);
        // Written as text around each response text (no JSON tree of the responses).
        let mut out = String::from("{\"items\":[");
        for (i, (item, p)) in plan.items.iter().zip(&parsed).enumerate() {
            if i > 0 {
                out.push(',');
            }
            let better = item.better_next_year.map(|(date, aid)| {
                json!({ "application_date": date.to_string(), "aid": aid.to_string() })
            });
            out.push_str("{\"assessment\":");
            out.push_str(&response_text(&item.assessment, p));
            out.push_str(",\"better_next_year\":");
            out.push_str(&json!(better).to_string());
            out.push('}');
        }
        out.push_str("],\"years\":");
        out.push_str(&years_value(&plan.years).to_string());
        out.push_str(",\"years_before\":");
        out.push_str(&years_value(&self.0.years()).to_string());
        out.push('}');
        out
    }

    /// Pays part of an application's own share: `{"lapsed", "due"|"settlement"}` or the error
    /// document.
    pub fn pay(&mut self, id: u32, date: &str, amount: &str) -> String {
        let (date, amount) = match (parse_date(date), Money::parse(amount)) {
            (Ok(d), Ok(a)) => (d, a),
            (Err(e), _) => return input_error(&e, "date"),
            (_, Err(e)) => return input_error(&e, "amount"),
        };
        match self.0.pay(id, date, amount) {
            Ok(Payment::Accepted { due }) => {
                json!({ "lapsed": false, "due": due.to_string() }).to_string()
            }
            Ok(Payment::Lapsed(s)) => {
                json!({ "lapsed": true, "settlement": settlement_value(s) }).to_string()
            }
            Err(e) => wallet_error(&e),
        }
    }

    /// Releases an amount to the provider: `{"available"}` or the error document.
    pub fn release(&mut self, id: u32, date: &str, amount: &str) -> String {
        let (date, amount) = match (parse_date(date), Money::parse(amount)) {
            (Ok(d), Ok(a)) => (d, a),
            (Err(e), _) => return input_error(&e, "date"),
            (_, Err(e)) => return input_error(&e, "amount"),
        };
        match self.0.release(id, date, amount) {
            Ok(left) => json!({ "available": left.to_string() }).to_string(),
            Err(e) => wallet_error(&e),
        }
    }

    /// Stops an application: the settlement or the error document.
    pub fn stop(&mut self, id: u32, date: &str) -> String {
        let date = match parse_date(date) {
            Ok(d) => d,
            Err(e) => return input_error(&e, "date"),
        };
        match self.0.stop(id, date) {
            Ok(s) => settlement_value(s).to_string(),
            Err(e) => wallet_error(&e),
        }
    }
}

impl Default for WalletHandle {
    fn default() -> Self {
        WalletHandle::new()
    }
}

/// The quick quote (kmo_core::quick): strings in (the same parsing as the JSON document),
/// numbers out, in one `Float64Array` (cents and basis points are exact in a double up to
/// 2^53): `[blocking flags, rate_bp, aid, own_share, vat, ceiling, ceiling_left, capped,
/// apply_by, pay_own_share_by, complete_by, cost]`, dates as yyyymmdd (0 when none). Invalid
/// input is the error document, thrown as a string.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = quickQuote)]
pub fn quick_quote(
    application_date: &str,
    size_class: &str,
    kind: &str,
    theme: &str,
    subtheme: &str,
    start_date: &str,
    cost: &str,
    aid_used: &str,
    vat_rate: &str,
) -> Result<Box<[f64]>, String> {
    use kmo_core::quick::QuickQuote;
    use kmo_core::{Percent, ServiceKind, SizeClass, Subtheme, Theme};
    let fail = |e: InputError, path: &str| error_value(&e.at(path)).to_string();
    fn opt(s: &str) -> Option<&str> {
        (!s.is_empty()).then_some(s)
    }
    let question = QuickQuote {
        application_date: parse_date(application_date).map_err(|e| fail(e, "application_date"))?,
        size_class: SizeClass::parse(size_class).map_err(|e| fail(e, "size_class"))?,
        kind: ServiceKind::parse(kind).map_err(|e| fail(e, "kind"))?,
        theme: opt(theme)
            .map(Theme::parse)
            .transpose()
            .map_err(|e| fail(e, "theme"))?,
        subtheme: opt(subtheme)
            .map(Subtheme::parse)
            .transpose()
            .map_err(|e| fail(e, "subtheme"))?,
        start_date: opt(start_date)
            .map(parse_date)
            .transpose()
            .map_err(|e| fail(e, "start_date"))?,
        cost_cents: Money::parse(cost)
            .map_err(|e| fail(e, "cost"))?
            .cents()
            .unwrap_or(0),
        aid_used_cents: Money::parse(aid_used)
            .map_err(|e| fail(e, "aid_used"))?
            .cents()
            .unwrap_or(0),
        vat_rate_bp: {
            let rate = Percent::parse(vat_rate).map_err(|e| fail(e, "vat_rate"))?;
            // The quick path counts in basis points; finer rates need `assess`.
            rate.basis_points().ok_or_else(|| {
                fail(
                    InputError::new(
                        InputErrorCode::TooManyDecimals,
                        "",
                        format!("the quick quote takes a VAT rate with at most two decimals, not {rate}; assess takes four"),
                    ),
                    "vat_rate",
                )
            })?
        },
    };
    if let (Some(t), Some(s)) = (question.theme, question.subtheme) {
        if s.theme() != t {
            let e = InputError::new(
                InputErrorCode::InconsistentInput,
                "subtheme",
                format!(
                    "the subtheme {s} belongs to the theme {}, not {t}",
                    s.theme()
                ),
            );
            return Err(error_value(&e).to_string());
        }
    }
    Ok(answer_numbers(&question).to_vec().into_boxed_slice())
}

/// The twelve numbers of a quick answer (the layout `quickQuote` documents).
fn answer_numbers(question: &kmo_core::quick::QuickQuote) -> [f64; 12] {
    let a = kmo_core::quick::quick_quote(question);
    let ymd =
        |d: Option<kmo_core::Date>| d.map_or(0.0, |d| f64::from(kmo_core::units::yyyymmdd(d)));
    let due = a.deadlines;
    let blocking: u32 = a
        .blocking
        .codes()
        .map(|c| {
            1u32 << (kmo_core::FindingCode::ALL
                .iter()
                .position(|x| *x == c)
                .unwrap_or(31) as u32)
        })
        .sum();
    [
        f64::from(blocking),
        f64::from(a.rate_bp),
        a.aid_cents as f64,
        a.own_share_cents as f64,
        a.vat_cents as f64,
        a.ceiling_cents as f64,
        a.ceiling_left_cents as f64,
        if a.capped { 1.0 } else { 0.0 },
        ymd(due.and_then(|d| d.apply_by)),
        ymd(due.and_then(|d| d.pay_own_share_by)),
        ymd(due.map(|d| d.complete_by)),
        question.cost_cents as f64,
    ]
}

/// [`kmo_core::units::MAX_MONEY`] in cents.
const MAX_CENTS: f64 = 100_000_000_000_000.0;

thread_local! {
    /// Where `quickQuoteCodes` writes its answer, read by JavaScript in place: no allocation
    /// and no copy per call.
    static QUICK_OUT: Cell<[f64; 12]> = const { Cell::new([0.0; 12]) };
}

/// The WebAssembly memory, for reading the answer of `quickQuoteCodes`.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The byte offset in the WebAssembly memory of the twelve numbers `quickQuoteCodes` writes
/// (the layout of `quickQuote`).
#[wasm_bindgen(js_name = quickQuoteBuffer)]
pub fn quick_quote_buffer() -> usize {
    QUICK_OUT.with(|cell| cell.as_ptr() as usize)
}

/// The codes `quickQuoteCodes` takes by number, as JSON: `{"size_class": [...], "kind": [...],
/// "theme": [...], "subtheme": [...]}`; code `i` of a list is passed as `i + 1`, 0 is none.
#[wasm_bindgen(js_name = quickQuoteCodesTable)]
pub fn quick_quote_codes_table() -> String {
    use kmo_core::{ServiceKind, SizeClass, Subtheme, Theme};
    fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| name(*v)).collect()
    }
    json!({
        "size_class": names(&SizeClass::ALL, SizeClass::as_str),
        "kind": names(ServiceKind::ALL, ServiceKind::as_str),
        "theme": names(Theme::ALL, Theme::as_str),
        "subtheme": names(Subtheme::ALL, Subtheme::as_str),
    })
    .to_string()
}

/// The quick quote with numbers in: dates as yyyymmdd (0: none), codes by their number in
/// `quickQuoteCodesTable` (0: none), amounts in cents, the VAT rate in basis points. Writes the
/// answer at `quickQuoteBuffer` and returns `true`; returns `false`, writing nothing, when an
/// input is not valid, so that the caller asks `quickQuote` with the text for the error
/// document. The JavaScript `quote` takes this path whenever its input has the plain form.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = quickQuoteCodes)]
pub fn quick_quote_codes(
    application_date: u32,
    size_class: u32,
    kind: u32,
    theme: u32,
    subtheme: u32,
    start_date: u32,
    cost_cents: f64,
    aid_used_cents: f64,
    vat_rate_bp: u32,
) -> bool {
    // The same checks as the text path: calendar dates of 1900–2199, amounts 0 to EUR 10^12
    // in whole cents, rates 0–100 %, a subtheme of its theme.
    let question = || -> Option<kmo_core::quick::QuickQuote> {
        use kmo_core::units::date_from_yyyymmdd;
        use kmo_core::{ServiceKind, SizeClass, Subtheme, Theme};
        fn code<T: Copy>(all: &[T], number: u32) -> Option<T> {
            all.get(usize::try_from(number).ok()?.checked_sub(1)?)
                .copied()
        }
        fn optional<T: Copy>(all: &[T], number: u32) -> Option<Option<T>> {
            if number == 0 {
                Some(None)
            } else {
                code(all, number).map(Some)
            }
        }
        fn cents(value: f64) -> Option<i64> {
            // Whole cents from 0 to EUR 10^12 (MAX_MONEY) are exact in a double.
            (value.fract() == 0.0 && (0.0..=MAX_CENTS).contains(&value)).then_some(value as i64)
        }
        let question = kmo_core::quick::QuickQuote {
            application_date: date_from_yyyymmdd(application_date)?,
            size_class: code(&SizeClass::ALL, size_class)?,
            kind: code(ServiceKind::ALL, kind)?,
            theme: optional(Theme::ALL, theme)?,
            subtheme: optional(Subtheme::ALL, subtheme)?,
            start_date: if start_date == 0 {
                None
            } else {
                Some(date_from_yyyymmdd(start_date)?)
            },
            cost_cents: cents(cost_cents)?,
            aid_used_cents: cents(aid_used_cents)?,
            vat_rate_bp,
        };
        question.is_valid().then_some(question)
    };
    match question() {
        Some(question) => {
            QUICK_OUT.with(|cell| cell.set(answer_numbers(&question)));
            true
        }
        None => false,
    }
}

/// The finding codes, in the order of the bits of `quickQuote`'s flags.
#[wasm_bindgen(js_name = findingCodes)]
pub fn finding_codes() -> String {
    serde_json::to_string(
        &kmo_core::FindingCode::ALL
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_cents_is_max_money() {
        let max = Money::from_decimal(kmo_core::units::MAX_MONEY).and_then(Money::cents);
        assert_eq!(max, Some(MAX_CENTS as i64));
    }
}
