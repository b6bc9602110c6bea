//! The dated rulebook editions and the yearly aid ceilings.

use std::ffi::c_char;

use kmo_core::kmo::size::wallet_class;
use kmo_core::{ceiling_for, SizeClass, RULEBOOKS};

use crate::convert;
use crate::kmo_error;
use crate::kmo_status::{self, *};
use crate::strings::give;

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
    /// Cybersecurity uplift of a training, basis points (0 when none).
    pub cybersecurity_training_uplift_bp: u32,
    /// Cybersecurity uplift of an advice, basis points (0 when none).
    pub cybersecurity_advice_uplift_bp: u32,
    /// Energy-efficiency uplift of a training, basis points (0 when none).
    pub energy_training_uplift_bp: u32,
    /// Energy-efficiency uplift of an advice, basis points (0 when none).
    pub energy_advice_uplift_bp: u32,
    /// Minimum eligible cost of a training, cents.
    pub minimum_training_cents: i64,
    /// Minimum eligible cost of an advice, cents.
    pub minimum_advice_cents: i64,
    /// Services must fall within a theme.
    pub themes_required: bool,
    /// Advice only for cybersecurity.
    pub advice_only_cybersecurity: bool,
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
    ffi_boundary! {
        let out = try_out!(out);
        let book = RULEBOOKS.get(index).ok_or(KMO_STATUS_OUT_OF_RANGE)?;
        out.write(convert::c_rulebook(book));
        Ok(())
    }
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
    ffi_boundary! {
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give(kmo_core::json::rulebooks_json(), out_json, out_len)
    }
}

/// The aid ceiling of a calendar year for a size class (a `kmo_size_class` value), in cents,
/// for the class the wallet applies: micro and small as small, medium as medium, a large
/// enterprise only when it is a recognised maatwerkbedrijf (`maatwerkbedrijf`), then as medium;
/// a large enterprise otherwise has no ceiling (0). A year before the first ceiling (2016) is
/// `KMO_STATUS_OUT_OF_RANGE`; a class number with no class is `KMO_STATUS_INVALID_INPUT`
/// (`*out_error`: `UNKNOWN_CODE` at `size_class`).
///
/// # Safety
/// `out_cents` must be writable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_ceiling(
    year: i32,
    size_class: u32,
    maatwerkbedrijf: bool,
    out_cents: *mut i64,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let out_cents = try_out!(out_cents);
        let class = convert::coded::<SizeClass>(size_class, "size_class")?;
        let row = ceiling_for(year).ok_or(KMO_STATUS_OUT_OF_RANGE)?;
        let ceiling = wallet_class(class, maatwerkbedrijf).map_or(0, |c| convert::c_cents(row.for_class(c)));
        out_cents.write(ceiling);
        Ok(())
    })
}
