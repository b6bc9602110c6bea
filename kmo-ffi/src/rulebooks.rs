//! The dated rulebook editions and the yearly aid ceilings.

use crate::convert::{c_basis_points, c_cents, c_date};
use kmo_core::{Rulebook, ServiceKind, Subtheme};
use std::ffi::c_char;

use kmo_core::rules::year_ceiling;
use kmo_core::units::check_year;
use kmo_core::{SizeClass, RULEBOOKS};

use crate::convert;
use crate::kmo_error;
use crate::kmo_status::{self, *};
use crate::strings::give;

/// One rulebook edition, numerically (references: `kmo_rulebooks_json`). Make it with
/// `KMO_RULEBOOK_INIT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_rulebook {
    /// The size of the version written (`KMO_RULEBOOK_INIT` sets the caller's).
    pub struct_size: u32,
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

// SAFETY: #[repr(C)], `struct_size` first.
unsafe impl crate::Filled for kmo_rulebook {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_rulebook>()];
}

/// How many rulebook editions there are.
#[no_mangle]
pub extern "C" fn kmo_rulebook_count() -> usize {
    RULEBOOKS.len()
}

/// Edition `index` (0 = oldest), numerically; `KMO_STATUS_OUT_OF_RANGE` from
/// `kmo_rulebook_count` on.
///
/// # Safety
/// `out` must be a `kmo_rulebook` whose `struct_size` is set.
#[no_mangle]
pub unsafe extern "C" fn kmo_rulebook_get(index: usize, out: *mut kmo_rulebook) -> kmo_status {
    ffi_boundary! {
        let out = try_filled!(out);
        let book = RULEBOOKS.get(index).ok_or(KMO_STATUS_OUT_OF_RANGE)?;
        out.write(c_rulebook(book));
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

/// The aid ceiling of a calendar year for a size class (a `kmo_size_class` value), in cents, as
/// the engine applies it: micro and small get the small ceiling, medium the medium one, a large
/// enterprise only when it is a recognised maatwerkbedrijf (`maatwerkbedrijf`) and the
/// maatwerkbedrijf rule is in force that year (from 2026), then the medium ceiling; otherwise a
/// large enterprise has none (0). A year before the first ceiling (2016) has none either (0).
/// A year outside 1900–2199 (the rule for every year argument) is `KMO_STATUS_INVALID_INPUT`
/// (`INVALID_DATE` at `year`); a class number with no class is `KMO_STATUS_INVALID_INPUT`
/// (`UNKNOWN_CODE` at `size_class`).
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
        let year = check_year(year).map_err(|e| e.at("year"))?;
        let class = convert::coded::<SizeClass>(size_class, "size_class")?;
        let ceiling = year_ceiling(year, class, maatwerkbedrijf).map_or(0, convert::c_cents);
        out_cents.write(ceiling);
        Ok(())
    })
}

/// A rulebook edition, numerically.
pub(crate) fn c_rulebook(b: &Rulebook) -> kmo_rulebook {
    let uplift = |s, k| b.uplift(s, k).map_or(0, |u| u32::from(u.points) * 100);
    kmo_rulebook {
        struct_size: convert::size_of::<kmo_rulebook>(),
        valid_from: c_date(b.valid_from),
        small_rate_bp: c_basis_points(b.rates.small),
        medium_rate_bp: c_basis_points(b.rates.medium),
        cybersecurity_training_uplift_bp: uplift(Subtheme::Cybersecurity, ServiceKind::Training),
        cybersecurity_advice_uplift_bp: uplift(Subtheme::Cybersecurity, ServiceKind::Advice),
        energy_training_uplift_bp: uplift(Subtheme::EnergyEfficiency, ServiceKind::Training),
        energy_advice_uplift_bp: uplift(Subtheme::EnergyEfficiency, ServiceKind::Advice),
        minimum_training_cents: c_cents(b.minimums.training),
        minimum_advice_cents: c_cents(b.minimums.advice),
        themes_required: b.themes_required.is_some(),
        advice_only_cybersecurity: b.advice_only_cybersecurity.is_some(),
    }
}
