//! Identifiers: the service-provider number and the Belgian enterprise number.

use kmo_core::ServiceKind;
use std::ffi::c_char;

use kmo_core::{EnterpriseNumber, ProviderNumber};

use crate::kmo_status;
use crate::strings::copy_out;
use crate::{kmo_error, kmo_service_kind};

/// Checks a service-provider number (tolerant: `DVO236459`, `dv o236459`) and writes its
/// canonical form (`DV.O236459`, 11 bytes with the NUL) and the service it is registered for.
/// A malformed number is `KMO_STATUS_INVALID_INPUT` (`*out_error` says why, at `number`).
///
/// # Safety
/// `number` must point to `len` readable bytes; `out_kind`, `buf` (`buf_len` bytes) and
/// `written` must be writable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_provider_number_check(
    number: *const c_char,
    len: usize,
    out_kind: *mut kmo_service_kind,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let out_kind = try_out!(out_kind);
        let buf = try_buf!(buf, buf_len);
        let written = try_out!(written);
        let text = try_str!(number, len, InvalidProviderNumber, "number");
        let number = ProviderNumber::parse(text).map_err(|e| e.at("number"))?;
        copy_out(&number.to_string(), buf, written)?;
        out_kind.write(c_service_kind(number.service()));
        Ok(())
    })
}

/// Checks a Belgian enterprise number (check digits included) and writes its canonical form
/// `0403.170.701` (13 bytes with the NUL). A malformed number or wrong check digits are
/// `KMO_STATUS_INVALID_INPUT` (`*out_error` says why, at `number`).
///
/// # Safety
/// `number` must point to `len` readable bytes; `buf` (`buf_len` bytes) and `written` must be
/// writable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_enterprise_number_check(
    number: *const c_char,
    len: usize,
    buf: *mut c_char,
    buf_len: usize,
    written: *mut usize,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let buf = try_buf!(buf, buf_len);
        let written = try_out!(written);
        let text = try_str!(number, len, InvalidEnterpriseNumber, "number");
        let number = EnterpriseNumber::parse(text).map_err(|e| e.at("number"))?;
        Ok(copy_out(&number.to_string(), buf, written)?)
    })
}

/// A service kind, for a `kmo_service_kind` out-parameter.
pub(crate) fn c_service_kind(k: ServiceKind) -> kmo_service_kind {
    [
        kmo_service_kind::KMO_SERVICE_TRAINING,
        kmo_service_kind::KMO_SERVICE_ADVICE,
    ]
    .into_iter()
    .find(|c| *c as u32 == k.number())
    .unwrap_or(kmo_service_kind::KMO_SERVICE_NONE)
}
