//! `libkmo`: the C face of the kmo-portefeuille rules engine (CONTRACT.md §4).
//!
//! A face converts and delegates: every answer comes from `kmo-core`. Conventions, after
//! rustls-ffi: every fallible function returns a [`kmo_status`] with a stable value; outputs
//! are written only on success (the JSON entry also writes the error document on invalid
//! input); NULL inputs give `KMO_STATUS_NULL_ARGUMENT`; no panic crosses the boundary
//! (`KMO_STATUS_PANIC`); enumerations coming *from* C are taken as integers and checked, so an
//! out-of-range value is an error, never undefined behaviour.

#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

use std::ffi::{c_char, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use kmo_core::json::{error_value, parse_request, response_text, wallet_from_json, wallet_to_json};
use kmo_core::quick::{quick_quote, QuickQuote};
use kmo_core::wallet::{Payment, Settlement, Wallet as CoreWallet, WalletError};
use kmo_core::{
    ceiling_for, classify, AnnualWorkUnits, Date, EnterpriseNumber, Figures, InputError,
    InputErrorCode, Money, Percent, ProviderNumber, ServiceKind, SizeClass, Subtheme, Theme,
    RULEBOOKS,
};
use rust_decimal::Decimal;

/// The outcome of a call. The values never change.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_status {
    /// Success.
    KMO_STATUS_OK = 0,
    /// A required pointer was NULL.
    KMO_STATUS_NULL_ARGUMENT = 1,
    /// A string was not valid UTF-8.
    KMO_STATUS_INVALID_UTF8 = 2,
    /// The input is invalid (malformed JSON, a value out of range, an unknown code).
    KMO_STATUS_INVALID_INPUT = 3,
    /// The output buffer is too small; nothing was written.
    KMO_STATUS_BUFFER_TOO_SMALL = 4,
    /// No application with that id in the wallet.
    KMO_STATUS_UNKNOWN_APPLICATION = 5,
    /// The wallet refused the operation (already ended, overpayment, release above the
    /// balance, own share not paid, date before the application, out of order); the wallet is
    /// unchanged.
    KMO_STATUS_WALLET_REFUSED = 6,
    /// An index is out of range.
    KMO_STATUS_OUT_OF_RANGE = 7,
    /// An internal error was caught at the boundary (a bug: please report it).
    KMO_STATUS_PANIC = 99,
}
use kmo_status::*;

/// The size class under the SME definition.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_size_class {
    /// Micro enterprise.
    KMO_SIZE_MICRO = 0,
    /// Small enterprise.
    KMO_SIZE_SMALL = 1,
    /// Medium-sized enterprise.
    KMO_SIZE_MEDIUM = 2,
    /// Not an SME.
    KMO_SIZE_LARGE = 3,
}

/// The service: training (opleiding) or advice (advies).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_service_kind {
    /// Training.
    KMO_SERVICE_TRAINING = 0,
    /// Advice.
    KMO_SERVICE_ADVICE = 1,
}

/// Themes (from 2023). `KMO_THEME_NONE` before themes existed.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_theme {
    /// No theme.
    KMO_THEME_NONE = 0,
    /// Bedrijfsstrategie.
    KMO_THEME_BEDRIJFSSTRATEGIE = 1,
    /// Beroepsspecifieke competenties.
    KMO_THEME_BEROEPSSPECIFIEKE_COMPETENTIES = 2,
    /// Digitalisering.
    KMO_THEME_DIGITALISERING = 3,
    /// Duurzaamheid.
    KMO_THEME_DUURZAAMHEID = 4,
    /// Financiële geletterdheid.
    KMO_THEME_FINANCIELE_GELETTERDHEID = 5,
    /// Innovatie.
    KMO_THEME_INNOVATIE = 6,
    /// Internationalisering.
    KMO_THEME_INTERNATIONALISERING = 7,
    /// Personeelsmanagement.
    KMO_THEME_PERSONEELSMANAGEMENT = 8,
}

/// Subthemes with an uplift.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_subtheme {
    /// No subtheme.
    KMO_SUBTHEME_NONE = 0,
    /// Cybersecurity.
    KMO_SUBTHEME_CYBERSECURITY = 1,
    /// Energy efficiency and alternative energy.
    KMO_SUBTHEME_ENERGY_EFFICIENCY = 2,
}

/// A quick quote: a declared size class, one service, one date. Enumerations are passed as
/// `uint32_t` values of `kmo_size_class`, `kmo_service_kind`, `kmo_theme`, `kmo_subtheme`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_quote_request {
    /// Application date, yyyymmdd.
    pub application_date: i32,
    /// Start of the service, yyyymmdd, or 0 when unknown.
    pub start_date: i32,
    /// A `kmo_size_class` value.
    pub size_class: u32,
    /// A `kmo_service_kind` value.
    pub service_kind: u32,
    /// A `kmo_theme` value.
    pub theme: u32,
    /// A `kmo_subtheme` value.
    pub subtheme: u32,
    /// The cost excluding VAT, in cents.
    pub cost_cents: i64,
    /// Aid already granted in the application's calendar year, in cents.
    pub aid_used_cents: i64,
    /// The VAT rate in basis points (2100 = 21 %).
    pub vat_rate_bp: u32,
}

/// The answer to a quick quote.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_quote_result {
    /// No blocking reason.
    pub eligible: bool,
    /// The size class used.
    pub size_class: kmo_size_class,
    /// The aid percentage in basis points (3000 = 30 %).
    pub rate_bp: u32,
    /// The eligible cost, cents.
    pub eligible_cost_cents: i64,
    /// The aid, cents.
    pub aid_cents: i64,
    /// The own share paid into the wallet, cents.
    pub own_share_cents: i64,
    /// The VAT paid directly to the provider, cents.
    pub vat_cents: i64,
    /// The year's ceiling, cents.
    pub ceiling_cents: i64,
    /// What is left of it after this application, cents.
    pub ceiling_left_cents: i64,
    /// Whether the ceiling cut the aid.
    pub capped: bool,
    /// Last day to apply, yyyymmdd (0 when the start is unknown).
    pub apply_by: i32,
    /// Last day to pay the own share, yyyymmdd.
    pub pay_own_share_by: i32,
    /// Last day to finish the service, yyyymmdd.
    pub complete_by: i32,
    /// How many blocking reasons there are.
    pub blocking_count: u32,
    /// The code of the first blocking reason, NUL-terminated (empty when eligible).
    pub first_blocking: [c_char; 48],
}

/// One rulebook edition, numerically (references: `kmo_rulebooks_json`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_rulebook {
    /// First application date it governs, yyyymmdd.
    pub valid_from: i32,
    /// Small-enterprise rate, basis points.
    pub small_rate_bp: u32,
    /// Medium-enterprise rate, basis points.
    pub medium_rate_bp: u32,
    /// Cybersecurity uplift for training, basis points (0 when none).
    pub cybersecurity_uplift_bp: u32,
    /// Energy-efficiency uplift for training, basis points (0 when none).
    pub energy_uplift_bp: u32,
    /// Minimum eligible cost of a training, cents.
    pub minimum_training_cents: i64,
    /// Minimum eligible cost of an advice, cents.
    pub minimum_advice_cents: i64,
    /// Services must fall within a theme.
    pub themes_required: bool,
    /// Advice only for cybersecurity.
    pub advice_only_cybersecurity: bool,
}

/// A payment's outcome.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_payment {
    /// The payment came too late: the application lapsed instead (see `refund_cents`).
    pub lapsed: bool,
    /// Own share still due after the payment, cents (0 when lapsed).
    pub due_cents: i64,
    /// Refunded to the enterprise when lapsed, cents.
    pub refund_cents: i64,
}

/// How a stopped application was settled.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_settlement {
    /// Own share spent on releases, cents.
    pub own_share_used_cents: i64,
    /// Aid spent on releases, cents.
    pub aid_used_cents: i64,
    /// Own share refunded, cents.
    pub refund_cents: i64,
    /// Aid returned to the year's budget, cents (only when stopped in the same year).
    pub aid_returned_cents: i64,
}

/// A wallet: one enterprise's applications. Create with `kmo_wallet_new` or
/// `kmo_wallet_from_json`, free with `kmo_wallet_free`.
pub struct Wallet(CoreWallet);

// ---- helpers ------------------------------------------------------------------------------

/// Runs `f`, turning a panic into `KMO_STATUS_PANIC`.
fn guard(f: impl FnOnce() -> kmo_status) -> kmo_status {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(KMO_STATUS_PANIC)
}

/// Borrows `len` bytes at `ptr` as UTF-8.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay valid for `'a`.
unsafe fn text<'a>(ptr: *const c_char, len: usize) -> Result<&'a str, kmo_status> {
    if ptr.is_null() {
        return Err(KMO_STATUS_NULL_ARGUMENT);
    }
    if len > isize::MAX as usize {
        return Err(KMO_STATUS_INVALID_INPUT);
    }
    // SAFETY: non-NULL, and the caller guarantees `len` readable bytes for 'a.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|_| KMO_STATUS_INVALID_UTF8)
}

/// Hands a string to C: a NUL-terminated copy the caller frees with `kmo_string_free`.
///
/// # Safety
/// `out` and `out_len` must be NULL-checked, writable pointers.
unsafe fn give(s: String, out: *mut *mut c_char, out_len: *mut usize) -> kmo_status {
    let len = s.len();
    match CString::new(s) {
        Ok(c) => {
            // SAFETY: the caller checked both pointers for NULL and they are writable.
            unsafe {
                *out = c.into_raw();
                *out_len = len;
            }
            KMO_STATUS_OK
        }
        Err(_) => KMO_STATUS_PANIC,
    }
}

/// Copies `s` NUL-terminated into `buf`, or reports that it does not fit.
///
/// # Safety
/// `buf` must point to `len` writable bytes; `written` must be writable.
unsafe fn copy_out(s: &str, buf: *mut c_char, len: usize, written: *mut usize) -> kmo_status {
    if s.len() + 1 > len {
        return KMO_STATUS_BUFFER_TOO_SMALL;
    }
    // SAFETY: `buf` has room for s.len() + 1 bytes (checked above); regions do not overlap.
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr(), buf.cast::<u8>(), s.len());
        *buf.add(s.len()) = 0;
        *written = s.len();
    }
    KMO_STATUS_OK
}

fn date_from(yyyymmdd: i32) -> Option<Date> {
    kmo_core::units::date_from_yyyymmdd(u32::try_from(yyyymmdd).ok()?)
}

fn date_to(date: Date) -> i32 {
    // Years 1900–2199 (and the deadlines a few years after): far inside an i32.
    kmo_core::units::yyyymmdd(date) as i32
}

fn money_from(cents: i64) -> Option<Money> {
    Money::from_decimal(Decimal::new(cents, 2))
}

fn cents(m: Money) -> i64 {
    m.cents().unwrap_or(i64::MAX)
}

fn size_from(v: u32) -> Option<SizeClass> {
    SizeClass::ALL.get(usize::try_from(v).ok()?).copied()
}

fn size_to(c: SizeClass) -> kmo_size_class {
    match c {
        SizeClass::Micro => kmo_size_class::KMO_SIZE_MICRO,
        SizeClass::Small => kmo_size_class::KMO_SIZE_SMALL,
        SizeClass::Medium => kmo_size_class::KMO_SIZE_MEDIUM,
        SizeClass::Large => kmo_size_class::KMO_SIZE_LARGE,
    }
}

fn bp(p: Percent) -> u32 {
    p.basis_points().unwrap_or(0)
}

fn wallet_status(e: &WalletError) -> kmo_status {
    match e {
        WalletError::UnknownApplication(_) => KMO_STATUS_UNKNOWN_APPLICATION,
        WalletError::Invalid(_) => KMO_STATUS_INVALID_INPUT,
        _ => KMO_STATUS_WALLET_REFUSED,
    }
}

fn settlement_to(s: Settlement) -> kmo_settlement {
    kmo_settlement {
        own_share_used_cents: cents(s.own_share_used),
        aid_used_cents: cents(s.aid_used),
        refund_cents: cents(s.refund),
        aid_returned_cents: cents(s.aid_returned),
    }
}

// ---- version and messages -----------------------------------------------------------------

/// The library version, `"0.1.0"` (static; do not free). Compare with `KMO_VERSION_MAJOR`,
/// `KMO_VERSION_MINOR`, `KMO_VERSION_PATCH` of the header you compiled against.
#[no_mangle]
pub extern "C" fn kmo_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

fn status_text(status: u32) -> &'static str {
    match status {
        0 => "ok",
        1 => "a required pointer was NULL",
        2 => "a string was not valid UTF-8",
        3 => "the input is invalid (see the error document for the field)",
        4 => "the output buffer is too small",
        5 => "no application with that id in the wallet",
        6 => "the wallet refused the operation; it is unchanged",
        7 => "index out of range",
        99 => "internal error caught at the library boundary (please report it)",
        _ => "unknown status",
    }
}

/// Writes a NUL-terminated English description of `status` into `buf` (128 bytes always
/// suffice) and its length, without the NUL, into `*written`.
///
/// # Safety
/// `buf` must point to `len` writable bytes and `written` to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn kmo_status_message(
    status: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> kmo_status {
    guard(|| {
        if buf.is_null() || written.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: both pointers checked; the caller guarantees `len` bytes at `buf`.
        unsafe { copy_out(status_text(status), buf, len, written) }
    })
}

// ---- the JSON entry -----------------------------------------------------------------------

/// Assesses a JSON request (CONTRACT.md §1, `request_len` bytes of UTF-8, no NUL needed).
/// On success returns `KMO_STATUS_OK` and the response; on invalid input returns
/// `KMO_STATUS_INVALID_INPUT` (or `KMO_STATUS_INVALID_UTF8`) **and** the error document
/// `{"error":{"code","path","message"}}`. Free `*out_json` with `kmo_string_free`.
///
/// # Safety
/// `request` must point to `request_len` readable bytes; `out_json` and `out_len` must be
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_assess_json(
    request: *const c_char,
    request_len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    guard(|| {
        if out_json.is_null() || out_len.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: the caller guarantees `request_len` readable bytes at `request`.
        let (status, body) = match unsafe { text(request, request_len) } {
            Ok(t) => match parse_request(t) {
                Ok(parsed) => (KMO_STATUS_OK, response_text(&parsed.assess(), &parsed)),
                Err(e) => (KMO_STATUS_INVALID_INPUT, error_value(&e).to_string()),
            },
            Err(KMO_STATUS_INVALID_UTF8) => (
                KMO_STATUS_INVALID_UTF8,
                error_value(&InputError::new(
                    InputErrorCode::MalformedJson,
                    "",
                    "the request is not valid UTF-8".into(),
                ))
                .to_string(),
            ),
            Err(other) => return other,
        };
        // SAFETY: both output pointers checked above.
        match unsafe { give(body, out_json, out_len) } {
            KMO_STATUS_OK => status,
            failure => failure,
        }
    })
}

/// Frees a string returned by the library. `NULL` does nothing.
///
/// # Safety
/// `s` must be NULL or a string returned by this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_string_free(s: *mut c_char) {
    let _ = guard(|| {
        if !s.is_null() {
            // SAFETY: `s` came from CString::into_raw in `give` and is freed once.
            drop(unsafe { CString::from_raw(s) });
        }
        KMO_STATUS_OK
    });
}

// ---- typed functions ----------------------------------------------------------------------

/// The size class from one period's own figures (REC-2003/361 art. 2): staff in thousandths
/// of an annual work unit (9.99 AWU = 9990), turnover and balance-sheet total in cents.
///
/// # Safety
/// `out_class` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_classify(
    staff_awu_milli: i64,
    turnover_cents: i64,
    balance_sheet_cents: i64,
    out_class: *mut kmo_size_class,
) -> kmo_status {
    guard(|| {
        if out_class.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        let staff = AnnualWorkUnits::from_decimal(Decimal::new(staff_awu_milli, 3));
        let (Ok(staff), Some(turnover), Some(balance_sheet)) = (
            staff,
            money_from(turnover_cents),
            money_from(balance_sheet_cents),
        ) else {
            return KMO_STATUS_INVALID_INPUT;
        };
        let class = classify(&Figures {
            staff,
            turnover,
            balance_sheet,
        });
        // SAFETY: checked for NULL above.
        unsafe { *out_class = size_to(class) };
        KMO_STATUS_OK
    })
}

fn quick_question(r: &kmo_quote_request) -> Option<QuickQuote> {
    let theme = match r.theme {
        0 => None,
        t => Some(*Theme::ALL.get(usize::try_from(t - 1).ok()?)?),
    };
    let subtheme = match r.subtheme {
        0 => None,
        s => Some(*Subtheme::ALL.get(usize::try_from(s - 1).ok()?)?),
    };
    let question = QuickQuote {
        application_date: date_from(r.application_date)?,
        size_class: size_from(r.size_class)?,
        kind: *ServiceKind::ALL.get(usize::try_from(r.service_kind).ok()?)?,
        theme,
        subtheme,
        start_date: match r.start_date {
            0 => None,
            d => Some(date_from(d)?),
        },
        cost_cents: r.cost_cents,
        aid_used_cents: r.aid_used_cents,
        vat_rate_bp: r.vat_rate_bp,
    };
    // The same ranges as the JSON edge.
    question.is_valid().then_some(question)
}

/// A quick quote for the common path: declared class, service, theme, date, cost in cents.
/// Conditions not given (legal form, site, …) are not checked; use `kmo_assess_json` for
/// those. Returns `KMO_STATUS_INVALID_INPUT` for a date that does not exist, a negative amount,
/// an enumeration value out of range, or a subtheme of another theme.
///
/// # Safety
/// `request` must point to a readable `kmo_quote_request`; `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_quote(
    request: *const kmo_quote_request,
    out: *mut kmo_quote_result,
) -> kmo_status {
    guard(|| {
        if request.is_null() || out.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: non-NULL and, by the caller's contract, a readable kmo_quote_request.
        let r = unsafe { *request };
        let Some(question) = quick_question(&r) else {
            return KMO_STATUS_INVALID_INPUT;
        };
        let a = quick_quote(&question);
        let mut first = [0 as c_char; 48];
        if let Some(code) = a.blocking.codes().next() {
            for (slot, b) in first.iter_mut().zip(code.as_str().bytes().take(47)) {
                *slot = b as c_char;
            }
        }
        let due = a.deadlines;
        // SAFETY: checked for NULL above; written once, in place.
        unsafe {
            out.write(kmo_quote_result {
                eligible: a.eligible(),
                size_class: size_to(question.size_class),
                rate_bp: a.rate_bp,
                eligible_cost_cents: question.cost_cents,
                aid_cents: a.aid_cents,
                own_share_cents: a.own_share_cents,
                vat_cents: a.vat_cents,
                ceiling_cents: a.ceiling_cents,
                ceiling_left_cents: a.ceiling_left_cents,
                capped: a.capped,
                apply_by: due.and_then(|d| d.apply_by).map_or(0, date_to),
                pay_own_share_by: due.and_then(|d| d.pay_own_share_by).map_or(0, date_to),
                complete_by: due.map_or(0, |d| date_to(d.complete_by)),
                blocking_count: a.blocking.len() as u32,
                first_blocking: first,
            })
        };
        KMO_STATUS_OK
    })
}

/// Checks a service-provider number (tolerant: `DVO236459`, `dv o236459`) and writes its
/// canonical form (`DV.O236459`, 11 bytes with the NUL) and the service it is registered for.
/// A malformed number is `KMO_STATUS_INVALID_INPUT`.
///
/// # Safety
/// `number` must point to `len` readable bytes; `out_kind`, `buf` (`buf_len` bytes) and
/// `written` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_provider_number_check(
    number: *const c_char,
    len: usize,
    out_kind: *mut kmo_service_kind,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> kmo_status {
    guard(|| {
        if out_kind.is_null() || buf.is_null() || written.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: the caller guarantees `len` readable bytes at `number`.
        let t = match unsafe { text(number, len) } {
            Ok(t) => t,
            Err(s) => return s,
        };
        let Ok(p) = ProviderNumber::parse(t) else {
            return KMO_STATUS_INVALID_INPUT;
        };
        // SAFETY: pointers checked; `buf` holds `buf_len` bytes.
        let status = unsafe { copy_out(&p.to_string(), buf, buf_len, written) };
        if status == KMO_STATUS_OK {
            let kind = match p.service() {
                ServiceKind::Training => kmo_service_kind::KMO_SERVICE_TRAINING,
                ServiceKind::Advice => kmo_service_kind::KMO_SERVICE_ADVICE,
            };
            // SAFETY: checked for NULL above.
            unsafe { *out_kind = kind };
        }
        status
    })
}

/// Checks a Belgian enterprise number (check digits included) and writes its canonical form
/// `0403.170.701` (13 bytes with the NUL).
///
/// # Safety
/// `number` must point to `len` readable bytes; `buf` (`buf_len` bytes) and `written` must be
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_enterprise_number_check(
    number: *const c_char,
    len: usize,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
) -> kmo_status {
    guard(|| {
        if buf.is_null() || written.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: the caller guarantees `len` readable bytes at `number`.
        let t = match unsafe { text(number, len) } {
            Ok(t) => t,
            Err(s) => return s,
        };
        match EnterpriseNumber::parse(t) {
            // SAFETY: pointers checked; `buf` holds `buf_len` bytes.
            Ok(n) => unsafe { copy_out(&n.to_string(), buf, buf_len, written) },
            Err(_) => KMO_STATUS_INVALID_INPUT,
        }
    })
}

/// How many rulebook editions there are.
#[no_mangle]
pub extern "C" fn kmo_rulebook_count() -> usize {
    RULEBOOKS.len()
}

/// Edition `index` (0 = oldest), numerically.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_rulebook_get(index: usize, out: *mut kmo_rulebook) -> kmo_status {
    guard(|| {
        if out.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        let Some(b) = RULEBOOKS.get(index) else {
            return KMO_STATUS_OUT_OF_RANGE;
        };
        let uplift = |s| {
            b.uplift(s, ServiceKind::Training)
                .map_or(0, |u| u32::from(u.points) * 100)
        };
        let r = kmo_rulebook {
            valid_from: date_to(b.valid_from),
            small_rate_bp: bp(b.rates.small),
            medium_rate_bp: bp(b.rates.medium),
            cybersecurity_uplift_bp: uplift(Subtheme::Cybersecurity),
            energy_uplift_bp: uplift(Subtheme::EnergyEfficiency),
            minimum_training_cents: cents(b.minimums.training),
            minimum_advice_cents: cents(b.minimums.advice),
            themes_required: b.themes_required.is_some(),
            advice_only_cybersecurity: b.advice_only_cybersecurity.is_some(),
        };
        // SAFETY: checked for NULL above.
        unsafe { *out = r };
        KMO_STATUS_OK
    })
}

/// Every edition as JSON, with references: `[{"id","valid_from","ref",...}]`. Free with
/// `kmo_string_free`.
///
/// # Safety
/// `out_json` and `out_len` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_rulebooks_json(
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    guard(|| {
        if out_json.is_null() || out_len.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        let text = kmo_core::json::rulebooks_value().to_string();
        // SAFETY: both pointers checked.
        unsafe { give(text, out_json, out_len) }
    })
}

/// The aid ceiling of a calendar year for a size class, in cents (RULES.md §4.4). A large
/// class (a maatwerkbedrijf from 2026) gets the medium ceiling.
///
/// # Safety
/// `out_cents` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_ceiling(
    year: i32,
    size_class: u32,
    out_cents: *mut i64,
) -> kmo_status {
    guard(|| {
        if out_cents.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        let (Some(class), Some(row)) = (size_from(size_class), ceiling_for(year)) else {
            return KMO_STATUS_INVALID_INPUT;
        };
        let wc = class
            .wallet_class()
            .unwrap_or(kmo_core::WalletClass::Medium);
        // SAFETY: checked for NULL above.
        unsafe { *out_cents = cents(row.for_class(wc)) };
        KMO_STATUS_OK
    })
}

// ---- the wallet ---------------------------------------------------------------------------

/// A new, empty wallet. Free with `kmo_wallet_free`. Returns NULL only if allocation fails.
#[no_mangle]
pub extern "C" fn kmo_wallet_new() -> *mut Wallet {
    catch_unwind(|| Box::into_raw(Box::new(Wallet(CoreWallet::new()))))
        .unwrap_or(std::ptr::null_mut())
}

/// Frees a wallet. `NULL` does nothing.
///
/// # Safety
/// `wallet` must be NULL or a wallet from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_free(wallet: *mut Wallet) {
    let _ = guard(|| {
        if !wallet.is_null() {
            // SAFETY: the pointer came from Box::into_raw and is freed once.
            drop(unsafe { Box::from_raw(wallet) });
        }
        KMO_STATUS_OK
    });
}

/// Reads a wallet from its JSON document; `*out` receives a new wallet.
///
/// # Safety
/// `json` must point to `len` readable bytes; `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut Wallet,
) -> kmo_status {
    guard(|| {
        if out.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: the caller guarantees `len` readable bytes at `json`.
        let t = match unsafe { text(json, len) } {
            Ok(t) => t,
            Err(s) => return s,
        };
        match wallet_from_json(t) {
            Ok(w) => {
                // SAFETY: checked for NULL above.
                unsafe { *out = Box::into_raw(Box::new(Wallet(w))) };
                KMO_STATUS_OK
            }
            Err(_) => KMO_STATUS_INVALID_INPUT,
        }
    })
}

/// Writes the wallet's JSON document. Free with `kmo_string_free`.
///
/// # Safety
/// `wallet` must be a live wallet; `out_json` and `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_to_json(
    wallet: *const Wallet,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    guard(|| {
        if wallet.is_null() || out_json.is_null() || out_len.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: a live wallet by the caller's contract.
        let w = unsafe { &*wallet };
        // SAFETY: output pointers checked.
        unsafe { give(wallet_to_json(&w.0).to_string(), out_json, out_len) }
    })
}

/// Assesses a JSON request against the wallet and records it when eligible (`*out_id` is its
/// id, or 0 when not recorded). The response is the assess document (or the error document,
/// with `KMO_STATUS_INVALID_INPUT`). A request dated before an application already recorded in
/// the same year is refused (`KMO_STATUS_WALLET_REFUSED`, nothing written).
///
/// # Safety
/// `wallet` must be a live wallet; `request` must point to `len` readable bytes; the outputs
/// must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_apply_json(
    wallet: *mut Wallet,
    request: *const c_char,
    len: usize,
    out_id: *mut u32,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    guard(|| {
        if wallet.is_null() || out_id.is_null() || out_json.is_null() || out_len.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: a live wallet, not used by another thread, by the caller's contract.
        let w = unsafe { &mut *wallet };
        // SAFETY: the caller guarantees `len` readable bytes at `request`.
        let t = match unsafe { text(request, len) } {
            Ok(t) => t,
            Err(s) => return s,
        };
        let parsed = match parse_request(t) {
            Ok(p) => p,
            // SAFETY: output pointers checked.
            Err(e) => {
                return match unsafe { give(error_value(&e).to_string(), out_json, out_len) } {
                    KMO_STATUS_OK => KMO_STATUS_INVALID_INPUT,
                    other => other,
                }
            }
        };
        match w.0.apply(&parsed.application) {
            Ok(applied) => {
                let body = response_text(&applied.assessment, &parsed);
                // SAFETY: output pointers checked.
                let status = unsafe { give(body, out_json, out_len) };
                if status == KMO_STATUS_OK {
                    // SAFETY: checked for NULL above.
                    unsafe { *out_id = applied.id.unwrap_or(0) };
                }
                status
            }
            Err(e) => wallet_status(&e),
        }
    })
}

/// Pays `amount_cents` of an application's own share on `date` (yyyymmdd). A payment after the
/// deadline makes the application lapse (`out->lapsed`).
///
/// # Safety
/// `wallet` must be a live wallet; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_pay(
    wallet: *mut Wallet,
    id: u32,
    date: i32,
    amount_cents: i64,
    out: *mut kmo_payment,
) -> kmo_status {
    guard(|| {
        if wallet.is_null() || out.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        let (Some(date), Some(amount)) = (date_from(date), money_from(amount_cents)) else {
            return KMO_STATUS_INVALID_INPUT;
        };
        // SAFETY: a live wallet by the caller's contract.
        let w = unsafe { &mut *wallet };
        match w.0.pay(id, date, amount) {
            Ok(p) => {
                let r = match p {
                    Payment::Accepted { due } => kmo_payment {
                        lapsed: false,
                        due_cents: cents(due),
                        refund_cents: 0,
                    },
                    Payment::Lapsed(s) => kmo_payment {
                        lapsed: true,
                        due_cents: 0,
                        refund_cents: cents(s.refund),
                    },
                };
                // SAFETY: checked for NULL above.
                unsafe { *out = r };
                KMO_STATUS_OK
            }
            Err(e) => wallet_status(&e),
        }
    })
}

/// Releases `amount_cents` to the provider; `*out_available_cents` is what the wallet still
/// holds for the application.
///
/// # Safety
/// `wallet` must be a live wallet; `out_available_cents` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_release(
    wallet: *mut Wallet,
    id: u32,
    date: i32,
    amount_cents: i64,
    out_available_cents: *mut i64,
) -> kmo_status {
    guard(|| {
        if wallet.is_null() || out_available_cents.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        let (Some(date), Some(amount)) = (date_from(date), money_from(amount_cents)) else {
            return KMO_STATUS_INVALID_INPUT;
        };
        // SAFETY: a live wallet by the caller's contract.
        let w = unsafe { &mut *wallet };
        match w.0.release(id, date, amount) {
            Ok(left) => {
                // SAFETY: checked for NULL above.
                unsafe { *out_available_cents = cents(left) };
                KMO_STATUS_OK
            }
            Err(e) => wallet_status(&e),
        }
    })
}

/// Stops an application on `date` (yyyymmdd) and writes the settlement.
///
/// # Safety
/// `wallet` must be a live wallet; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_stop(
    wallet: *mut Wallet,
    id: u32,
    date: i32,
    out: *mut kmo_settlement,
) -> kmo_status {
    guard(|| {
        if wallet.is_null() || out.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        let Some(date) = date_from(date) else {
            return KMO_STATUS_INVALID_INPUT;
        };
        // SAFETY: a live wallet by the caller's contract.
        let w = unsafe { &mut *wallet };
        match w.0.stop(id, date) {
            Ok(s) => {
                // SAFETY: checked for NULL above.
                unsafe { *out = settlement_to(s) };
                KMO_STATUS_OK
            }
            Err(e) => wallet_status(&e),
        }
    })
}

/// The aid counted against the ceiling of a calendar year, in cents.
///
/// # Safety
/// `wallet` must be a live wallet; `out_cents` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_aid_counted(
    wallet: *const Wallet,
    year: i32,
    out_cents: *mut i64,
) -> kmo_status {
    guard(|| {
        if wallet.is_null() || out_cents.is_null() {
            return KMO_STATUS_NULL_ARGUMENT;
        }
        // SAFETY: a live wallet by the caller's contract.
        let w = unsafe { &*wallet };
        // SAFETY: checked for NULL above.
        unsafe { *out_cents = cents(w.0.aid_counted(year)) };
        KMO_STATUS_OK
    })
}
