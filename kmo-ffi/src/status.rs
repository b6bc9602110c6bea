//! Status codes: how a call ends (`finish`), and their messages for C (`kmo_status_str`,
//! `kmo_status_message`). The statuses themselves are generated from the core's catalogue
//! (`enums.rs`).

use std::ffi::{c_char, CStr};

use kmo_core::wallet::{ErrorCode, WalletErrorCode};

pub use crate::enums::kmo_status;

use kmo_status::*;

impl kmo_status {
    /// The status with this value, if there is one (a C caller may pass any number).
    pub(crate) fn from_value(value: u32) -> Option<kmo_status> {
        Self::ALL.into_iter().find(|s| *s as u32 == value)
    }

    /// The status of a refusal: the wallet's own refusals have one each, an invalid input is
    /// `KMO_STATUS_INVALID_INPUT`.
    pub(crate) fn of(code: ErrorCode) -> kmo_status {
        match code {
            ErrorCode::Wallet(code) => kmo_status::of_refusal(code),
            ErrorCode::Input(_) => KMO_STATUS_INVALID_INPUT,
        }
    }

    /// The status of a refusal's code as the error document writes it.
    pub(crate) fn of_code(code: &str) -> kmo_status {
        WalletErrorCode::parse(code).map_or(KMO_STATUS_INVALID_INPUT, kmo_status::of_refusal)
    }
}

/// What `ffi_boundary!` returns: the body's status, or `KMO_STATUS_PANIC` when it panicked.
pub(crate) fn finish(outcome: std::thread::Result<Result<(), kmo_status>>) -> kmo_status {
    match outcome {
        Ok(Ok(())) => KMO_STATUS_OK,
        Ok(Err(status)) => status,
        Err(_) => KMO_STATUS_PANIC,
    }
}

/// The English description of a status value; "unknown status" for a value the library does
/// not know.
fn kmo_status_text(status: u32) -> &'static CStr {
    kmo_status::from_value(status).map_or(c"unknown status", kmo_status::message)
}

/// A static English description of `status` ("the output buffer is too small"), as
/// `curl_easy_strerror` gives one: never NULL, not to be freed, valid for the life of the
/// program. A value the library does not know gives "unknown status".
#[no_mangle]
pub extern "C" fn kmo_status_str(status: u32) -> *const c_char {
    kmo_status_text(status).as_ptr()
}

/// Writes a NUL-terminated English description of `status` into `buf` (128 bytes always
/// suffice; `kmo_status_str` gives the same text without a buffer) and its length, without the
/// NUL, into `*written`. A value the library does not know gives "unknown status".
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
    ffi_boundary! {
        let buf = try_buf!(buf, len);
        let written = try_out!(written);
        let text = kmo_status_text(status).to_str().map_err(|_| KMO_STATUS_PANIC)?;
        crate::strings::copy_out(text, buf, written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_is_found_by_its_value_and_fits_128_bytes() {
        for s in kmo_status::ALL {
            assert_eq!(kmo_status::from_value(s as u32), Some(s));
            assert!(s.message().to_bytes().len() < 128, "{s:?}");
        }
        assert_eq!(kmo_status::from_value(6), None);
        assert_eq!(kmo_status::from_value(9), None);
    }
}
