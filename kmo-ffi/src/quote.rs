//! The typed quick quote: a declared size class, one service, one date; and the same question
//! as JSON.

use std::ffi::c_char;

use kmo_core::json::quote_json;
use kmo_core::quick::quick_quote;

use crate::convert;
use crate::kmo_error;
use crate::kmo_status;
use crate::strings::give_document;

/// `vat_rate_bp` for the engine's default VAT rate (21 %, the Belgian standard rate for
/// training and advice). `KMO_QUOTE_REQUEST_INIT` sets it.
pub const KMO_VAT_RATE_DEFAULT: u32 = u32::MAX;

/// The `struct_size` of the first version of `kmo_quote_request` (up to `aid_used_cents`).
pub const KMO_QUOTE_REQUEST_V1_SIZE: u32 = 48;

/// A quick quote's question: a declared size class, one service, one date.
///
/// Initialise it with `KMO_QUOTE_REQUEST_INIT`, which sets `struct_size`, the default VAT rate
/// and every other field to 0, then set the fields you know:
///
/// ```c
/// kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
/// r.application_date = 20260310;
/// r.size_class = KMO_SIZE_SMALL;
/// r.service_kind = KMO_SERVICE_TRAINING;
/// r.theme = KMO_THEME_PERSONEELSMANAGEMENT;
/// r.cost_cents = 200000;
/// ```
///
/// `struct_size` lets the struct grow: the library reads the fields that fit in it and gives
/// the later ones their default (0), so a program built against an older header keeps working.
/// A `struct_size` of 0 (a zero-initialised struct) is refused with
/// `KMO_STATUS_INVALID_STRUCT_SIZE`, so that it cannot silently mean a VAT rate of 0.
/// Enumerations are `uint32_t` values of `kmo_size_class`, `kmo_service_kind`, `kmo_theme`,
/// `kmo_subtheme`, `kmo_own_share_deadline`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct kmo_quote_request {
    /// `sizeof(kmo_quote_request)` of the caller's header (`KMO_QUOTE_REQUEST_INIT` sets it).
    pub struct_size: u32,
    /// Application date, yyyymmdd.
    pub application_date: i32,
    /// Start of the service, yyyymmdd, or 0 when unknown (then the 14-day application deadline
    /// is not checked).
    pub start_date: i32,
    /// A `kmo_size_class` value (required).
    pub size_class: u32,
    /// A `kmo_service_kind` value (required).
    pub service_kind: u32,
    /// A `kmo_theme` value, `KMO_THEME_NONE` for none.
    pub theme: u32,
    /// A `kmo_subtheme` value, `KMO_SUBTHEME_NONE` for none.
    pub subtheme: u32,
    /// The VAT rate in basis points (2100 = 21 %, 0 for a provider exempt from VAT), or
    /// `KMO_VAT_RATE_DEFAULT`.
    pub vat_rate_bp: u32,
    /// The cost excluding VAT, in cents.
    pub cost_cents: i64,
    /// Aid already granted in the application's calendar year, in cents (a wallet call
    /// replaces it with what the wallet counts).
    pub aid_used_cents: i64,
    // ---- version 2 --------------------------------------------------------------------------
    /// When the own share must be paid: a `kmo_own_share_deadline` value,
    /// `KMO_OWN_SHARE_DEFAULT` for the engine's default. (Version 2 of the struct.)
    pub own_share_deadline: u32,
    /// The provider's approval date, yyyymmdd, or 0 (needed by
    /// `KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS`). (Version 2 of the struct.)
    pub approval_date: i32,
}

// SAFETY: #[repr(C)], integers only, no padding (the sizes below add up), `struct_size` first;
// the fields of version 2 default to 0.
unsafe impl crate::Versioned for kmo_quote_request {
    const FIRST_SIZE: usize = KMO_QUOTE_REQUEST_V1_SIZE as usize;
}
const _: () = assert!(std::mem::size_of::<kmo_quote_request>() == 4 * 8 + 8 * 2 + 4 * 2);
const _: () = assert!(std::mem::offset_of!(kmo_quote_request, own_share_deadline) == 48);

/// The answer to a quote.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_quote_result {
    /// No blocking reason.
    pub eligible: bool,
    /// Whether the year's ceiling cut the aid.
    pub capped: bool,
    /// The size class used (a `kmo_size_class` value).
    pub size_class: u32,
    /// The aid percentage, uplift included, in basis points (3000 = 30 %).
    pub rate_bp: u32,
    /// How many blocking reasons there are.
    pub blocking_count: u32,
    /// The first blocking reason, a `kmo_finding_code` value (`KMO_FINDING_NONE` when
    /// eligible); `kmo_code_text(KMO_CODES_FINDING, …)` gives its text.
    pub first_blocking: u32,
    /// Every blocking reason: bit `n - 1` set for the `kmo_finding_code` numbered `n`, in the
    /// order the rules run (`first_blocking` is the lowest).
    pub blocking: u64,
    /// The eligible cost, cents.
    pub eligible_cost_cents: i64,
    /// The aid, cents (0 when not eligible).
    pub aid_cents: i64,
    /// The own share paid into the wallet (cost − aid), cents.
    pub own_share_cents: i64,
    /// The VAT paid directly to the provider, cents.
    pub vat_cents: i64,
    /// The year's ceiling for the class, cents.
    pub ceiling_cents: i64,
    /// What is left of it after this application (before it, when not eligible), cents.
    pub ceiling_left_cents: i64,
    /// Last day to apply, yyyymmdd (0 when the start is unknown).
    pub apply_by: i32,
    /// Last day to pay the own share, yyyymmdd (0 when the policy needs an approval date that
    /// was not given).
    pub pay_own_share_by: i32,
    /// Last day to finish the service, yyyymmdd.
    pub complete_by: i32,
}

/// A quick quote for the common path: declared class, service, theme, date, cost in cents.
/// Conditions not given (legal form, site, …) are not checked; use `kmo_assess_json` for
/// those. A date that does not exist, an amount out of range, an enumeration value with no
/// code, or a subtheme of another theme is `KMO_STATUS_INVALID_INPUT` (`*out_error` names the
/// field: `application_date`, `cost_cents`, `subtheme`); a `struct_size` the library does not
/// know is `KMO_STATUS_INVALID_STRUCT_SIZE`.
///
/// # Safety
/// `request` must point to a readable `kmo_quote_request` of its `struct_size`; `out` must be
/// writable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_quote(
    request: *const kmo_quote_request,
    out: *mut kmo_quote_result,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let request = try_versioned!(request);
        let out = try_out!(out);
        let question = convert::quick_quote(&request)?;
        out.write(convert::c_quick_answer(&question, &quick_quote(&question)));
        Ok(())
    })
}

/// The quick quote from its JSON question (`application_date`, `size_class`, `kind`, `theme`,
/// `subtheme`, `provider`, `start_date`, `cost`, `aid_used`, `vat_rate`, `lang`, `options`), as
/// the JavaScript package answers it: `{"aid", "blocking", "capped", "ceiling", "ceiling_left",
/// "deadlines", "eligible", "eligible_cost", "findings", "own_share", "rate", "size_class",
/// "vat"}` (`findings`: the blocking reasons with their messages in `lang`, then a warning per
/// unknown field); on
/// invalid input `KMO_STATUS_INVALID_INPUT` (or `KMO_STATUS_INVALID_UTF8`) **and** the error
/// document in the question's language. Free `*out_json` with `kmo_string_free`.
///
/// # Safety
/// `question` must point to `len` readable bytes; `out_json` and `out_len` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_quote_json(
    question: *const c_char,
    len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give_document(try_bytes!(question, len), quote_json, out_json, out_len)
    }
}

#[cfg(test)]
mod tests {
    use kmo_core::Service;

    /// The header says what the default VAT rate is.
    #[test]
    fn the_documented_default_vat_rate_is_the_engines() {
        assert_eq!(Service::DEFAULT_VAT_RATE.basis_points(), Some(2100));
        assert!(include_str!("../include/kmo.h").contains("the engine's default VAT rate (21 %"));
    }
}
