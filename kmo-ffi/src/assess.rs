//! The JSON entry (`kmo_assess_json`) and the SME classification (`kmo_classify` from one
//! period's figures, `kmo_classify_json` from any form of the size).

use std::ffi::c_char;

use kmo_core::classify;
use kmo_core::json::{assess_json, classify_json};
use kmo_core::{Figures, Percent, SizeInput};

use crate::convert;
use crate::kmo_error;
use crate::kmo_status;
use crate::strings::give_document;

/// Assesses a JSON request (`request_len` bytes of UTF-8, no NUL needed).
/// On success returns `KMO_STATUS_OK` and the response; on invalid input returns
/// `KMO_STATUS_INVALID_INPUT` (or `KMO_STATUS_INVALID_UTF8`) **and** the error document
/// `{"error":{"code","message","path"}}`, its message in the request's `lang` (English when it
/// gives none). The bytes are those of the Rust crate and the JavaScript package. Free
/// `*out_json` with `kmo_string_free`.
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
    ffi_boundary! {
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give_document(try_bytes!(request, request_len), assess_json, out_json, out_len)
    }
}

/// The SME status of an enterprise. Make it with `KMO_CLASSIFICATION_INIT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_classification {
    /// The size of the version written (`KMO_CLASSIFICATION_INIT` sets the caller's).
    pub struct_size: u32,
    /// The size class (a `kmo_size_class` value).
    pub size_class: u32,
    /// An SME: not large, and less than 25 % held by public bodies.
    pub is_sme: bool,
    /// A small mid-cap (Recommendation (EU) 2025/1099): large, but below its thresholds.
    /// Information only: it changes no eligibility.
    pub small_mid_cap: bool,
}

// SAFETY: #[repr(C)], `struct_size` first.
unsafe impl crate::Filled for kmo_classification {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_classification>()];
}

/// The SME status from one period's own figures (REC-2003/361 art. 2): staff in thousandths
/// of an annual work unit (9.99 AWU = 9990), turnover and balance-sheet total in cents. A
/// negative or out-of-range figure is `KMO_STATUS_INVALID_INPUT` (`*out_error` names
/// `staff_awu_milli`, `turnover_cents` or `balance_sheet_cents`).
///
/// # Safety
/// `out` must be a `kmo_classification` whose `struct_size` is set; `out_error` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_classify(
    staff_awu_milli: i64,
    turnover_cents: i64,
    balance_sheet_cents: i64,
    out: *mut kmo_classification,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let out = try_filled!(out);
        let figures = Figures {
            staff: convert::staff(staff_awu_milli, "staff_awu_milli")?,
            turnover: convert::money(turnover_cents, "turnover_cents")?,
            balance_sheet: convert::money(balance_sheet_cents, "balance_sheet_cents")?,
        };
        let status = classify(&SizeInput::Figures(figures), Percent::ZERO);
        out.write(c_classification(&status));
        Ok(())
    })
}

/// The SME classification from the `enterprise.size` object of a request (a declared class,
/// one period's figures, or the full definition with partner and linked enterprises):
/// `{"engine", "is_sme", "public_share", "size_class", "small_mid_cap", "sme"}`, or
/// `KMO_STATUS_INVALID_INPUT` (or `KMO_STATUS_INVALID_UTF8`) **and** the error document. Free
/// `*out_json` with `kmo_string_free`.
///
/// # Safety
/// `size` must point to `len` readable bytes; `out_json` and `out_len` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_classify_json(
    size: *const c_char,
    len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give_document(try_bytes!(size, len), classify_json, out_json, out_len)
    }
}

/// The SME status of one period's figures.
pub(crate) fn c_classification(s: &kmo_core::SmeStatus) -> kmo_classification {
    kmo_classification {
        struct_size: convert::size_of::<kmo_classification>(),
        size_class: s.class.number(),
        is_sme: s.is_sme,
        small_mid_cap: s.small_mid_cap,
    }
}
