//! Status codes and their messages.

use std::ffi::{c_char, CStr};

/// The outcome of a call: `KMO_STATUS_OK` (0) or why it failed. In C a `kmo_status` is a
/// `uint32_t`; the enumerators name its values.
///
/// A value never changes meaning. Values are added over time, so treat a non-zero value you do
/// not know as a failure and show its `kmo_status_message`. Each refusal of the wallet has its
/// own status (named after the refusal's code, `KMO_STATUS_OVERPAYMENT` for `OVERPAYMENT`);
/// every other refusal of input is `KMO_STATUS_INVALID_INPUT`, whose `kmo_error` (or error
/// document) gives the code, the field and the message.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_status {
    /// Success.
    KMO_STATUS_OK = 0,
    /// A required pointer was NULL (a list that is NULL with a count also gives its
    /// `kmo_error`, at the list's field).
    KMO_STATUS_NULL_ARGUMENT = 1,
    /// A string was not valid UTF-8 (its `kmo_error` names the field).
    KMO_STATUS_INVALID_UTF8 = 2,
    /// The input is invalid (malformed JSON, a value out of range, an unknown code): the
    /// `kmo_error` or the error document names the field and says why.
    KMO_STATUS_INVALID_INPUT = 3,
    /// The output buffer is too small; nothing was written.
    KMO_STATUS_BUFFER_TOO_SMALL = 4,
    /// No application with that id in the wallet (`UNKNOWN_APPLICATION`).
    KMO_STATUS_UNKNOWN_APPLICATION = 5,
    /// An index or a result is out of range (a rulebook index, a number no code has, a date
    /// outside the years 1900–2199 after day arithmetic: its `kmo_error` names `days`).
    KMO_STATUS_OUT_OF_RANGE = 7,
    /// A versioned struct's `struct_size` is not exactly the size of a version this library
    /// knows: 0 (a struct not initialised with its `_INIT` macro), a size between two versions,
    /// or a newer header's (fields this library does not know). Nothing beyond `struct_size`
    /// is read or written.
    KMO_STATUS_INVALID_STRUCT_SIZE = 8,
    /// The application was already stopped or has lapsed (`APPLICATION_ENDED`); the wallet is
    /// unchanged.
    KMO_STATUS_APPLICATION_ENDED = 10,
    /// The date is before the application date (`BEFORE_APPLICATION`); the wallet is
    /// unchanged.
    KMO_STATUS_BEFORE_APPLICATION = 11,
    /// An application dated before one already recorded in the same year (`OUT_OF_ORDER`);
    /// the wallet is unchanged.
    KMO_STATUS_OUT_OF_ORDER = 12,
    /// The amount is zero (`ZERO_AMOUNT`); the wallet is unchanged.
    KMO_STATUS_ZERO_AMOUNT = 13,
    /// More than the own share still due (`OVERPAYMENT`); the wallet is unchanged.
    KMO_STATUS_OVERPAYMENT = 14,
    /// A release before the own share is paid in full (`OWN_SHARE_NOT_PAID`); the wallet is
    /// unchanged.
    KMO_STATUS_OWN_SHARE_NOT_PAID = 15,
    /// A release above what the wallet holds for the application (`RELEASE_EXCEEDS_BALANCE`);
    /// the wallet is unchanged.
    KMO_STATUS_RELEASE_EXCEEDS_BALANCE = 16,
    /// An internal error was caught at the boundary (a bug: please report it).
    KMO_STATUS_PANIC = 99,
}

use kmo_status::*;

impl kmo_status {
    /// Every status, for looking one up by value.
    pub(crate) const ALL: [kmo_status; 16] = [
        KMO_STATUS_OK,
        KMO_STATUS_NULL_ARGUMENT,
        KMO_STATUS_INVALID_UTF8,
        KMO_STATUS_INVALID_INPUT,
        KMO_STATUS_BUFFER_TOO_SMALL,
        KMO_STATUS_UNKNOWN_APPLICATION,
        KMO_STATUS_OUT_OF_RANGE,
        KMO_STATUS_INVALID_STRUCT_SIZE,
        KMO_STATUS_APPLICATION_ENDED,
        KMO_STATUS_BEFORE_APPLICATION,
        KMO_STATUS_OUT_OF_ORDER,
        KMO_STATUS_ZERO_AMOUNT,
        KMO_STATUS_OVERPAYMENT,
        KMO_STATUS_OWN_SHARE_NOT_PAID,
        KMO_STATUS_RELEASE_EXCEEDS_BALANCE,
        KMO_STATUS_PANIC,
    ];

    /// The status with this value, if there is one (a C caller may pass any number).
    pub(crate) fn from_value(value: u32) -> Option<kmo_status> {
        Self::ALL.into_iter().find(|s| *s as u32 == value)
    }

    /// The status of a refusal's stable code: the wallet's own refusals have one each, every
    /// other code (an input error's) is `KMO_STATUS_INVALID_INPUT`.
    pub(crate) fn of_code(code: &str) -> kmo_status {
        match code {
            "UNKNOWN_APPLICATION" => KMO_STATUS_UNKNOWN_APPLICATION,
            "APPLICATION_ENDED" => KMO_STATUS_APPLICATION_ENDED,
            "BEFORE_APPLICATION" => KMO_STATUS_BEFORE_APPLICATION,
            "OUT_OF_ORDER" => KMO_STATUS_OUT_OF_ORDER,
            "ZERO_AMOUNT" => KMO_STATUS_ZERO_AMOUNT,
            "OVERPAYMENT" => KMO_STATUS_OVERPAYMENT,
            "OWN_SHARE_NOT_PAID" => KMO_STATUS_OWN_SHARE_NOT_PAID,
            "RELEASE_EXCEEDS_BALANCE" => KMO_STATUS_RELEASE_EXCEEDS_BALANCE,
            _ => KMO_STATUS_INVALID_INPUT,
        }
    }

    /// An English description of the status, without a final full stop.
    pub(crate) fn message(self) -> &'static CStr {
        match self {
            KMO_STATUS_OK => c"ok",
            KMO_STATUS_NULL_ARGUMENT => c"a required pointer was NULL",
            KMO_STATUS_INVALID_UTF8 => c"a string was not valid UTF-8",
            KMO_STATUS_INVALID_INPUT => {
                c"the input is invalid (the error names the field and says why)"
            }
            KMO_STATUS_BUFFER_TOO_SMALL => c"the output buffer is too small",
            KMO_STATUS_UNKNOWN_APPLICATION => c"no application with that id in the wallet",
            KMO_STATUS_OUT_OF_RANGE => c"index or result out of range",
            KMO_STATUS_INVALID_STRUCT_SIZE => {
                c"struct_size is not set (use the struct's _INIT macro) or not one this library knows"
            }
            KMO_STATUS_APPLICATION_ENDED => c"the application has already ended; the wallet is unchanged",
            KMO_STATUS_BEFORE_APPLICATION => {
                c"the date is before the application date; the wallet is unchanged"
            }
            KMO_STATUS_OUT_OF_ORDER => {
                c"an application of that year with a later date is already recorded; the wallet is unchanged"
            }
            KMO_STATUS_ZERO_AMOUNT => c"the amount must be more than zero; the wallet is unchanged",
            KMO_STATUS_OVERPAYMENT => {
                c"more than the own share still due; the wallet is unchanged"
            }
            KMO_STATUS_OWN_SHARE_NOT_PAID => {
                c"the own share is not paid in full, nothing can be released; the wallet is unchanged"
            }
            KMO_STATUS_RELEASE_EXCEEDS_BALANCE => {
                c"more than the wallet holds for the application; the wallet is unchanged"
            }
            KMO_STATUS_PANIC => c"internal error caught at the library boundary (please report it)",
        }
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
    use kmo_core::wallet::WalletError;

    #[test]
    fn every_status_is_found_by_its_value_and_fits_128_bytes() {
        for s in kmo_status::ALL {
            assert_eq!(kmo_status::from_value(s as u32), Some(s));
            assert!(s.message().to_bytes().len() < 128, "{s:?}");
        }
        assert_eq!(kmo_status::from_value(6), None);
        assert_eq!(kmo_status::from_value(9), None);
    }

    /// Every refusal code of the wallet has its own status, named after it; a new code in the
    /// core fails here until the C face names it.
    #[test]
    fn every_wallet_refusal_has_its_own_status() {
        let mut seen = Vec::new();
        for code in WalletError::CODES {
            let status = kmo_status::of_code(code);
            assert_ne!(status, KMO_STATUS_INVALID_INPUT, "{code} has no status");
            assert_eq!(format!("{status:?}"), format!("KMO_STATUS_{code}"));
            assert!(!seen.contains(&status), "{code} shares a status");
            seen.push(status);
        }
        assert_eq!(
            kmo_status::of_code("NEGATIVE_AMOUNT"),
            KMO_STATUS_INVALID_INPUT
        );
    }
}
