//! The typed quick quote: a declared size class, one service, one date.

use std::ffi::c_char;

use kmo_core::quick::quick_quote;

use crate::convert;
use crate::kmo_size_class;
use crate::kmo_status;

/// A quick quote: a declared size class, one service, one date. Enumerations are passed as
/// `uint32_t` values of `kmo_size_class`, `kmo_service_kind`, `kmo_theme`, `kmo_subtheme`.
/// Zero-initialise it and set the fields you know.
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
    ffi_boundary! {
        let request = try_ref!(request);
        let out = try_out!(out);
        let question = convert::quick_quote(request)?;
        out.write(convert::c_quote_result(&question, &quick_quote(&question)));
        Ok(())
    }
}
