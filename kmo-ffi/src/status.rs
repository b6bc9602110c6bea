//! Status codes and their messages.

use std::ffi::c_char;

/// The outcome of a call: `KMO_STATUS_OK` (0) or why it failed. In C a `kmo_status` is a
/// `uint32_t`; the enumerators name its values.
///
/// A value never changes meaning. Values are added over time (more specific reasons for
/// refused input and wallet operations; 100 and above are reserved for them), so treat a
/// non-zero value you do not know as a failure and show its `kmo_status_message`.
#[repr(u32)]
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

impl kmo_status {
    /// Every status, for looking one up by value.
    const ALL: [kmo_status; 9] = [
        KMO_STATUS_OK,
        KMO_STATUS_NULL_ARGUMENT,
        KMO_STATUS_INVALID_UTF8,
        KMO_STATUS_INVALID_INPUT,
        KMO_STATUS_BUFFER_TOO_SMALL,
        KMO_STATUS_UNKNOWN_APPLICATION,
        KMO_STATUS_WALLET_REFUSED,
        KMO_STATUS_OUT_OF_RANGE,
        KMO_STATUS_PANIC,
    ];

    /// The status with this value, if there is one (a C caller may pass any number).
    pub(crate) fn from_value(value: u32) -> Option<kmo_status> {
        Self::ALL.into_iter().find(|s| *s as u32 == value)
    }

    /// An English description of the status, without a final full stop.
    pub(crate) fn message(self) -> &'static str {
        match self {
            KMO_STATUS_OK => "ok",
            KMO_STATUS_NULL_ARGUMENT => "a required pointer was NULL",
            KMO_STATUS_INVALID_UTF8 => "a string was not valid UTF-8",
            KMO_STATUS_INVALID_INPUT => {
                "the input is invalid (see the error document for the field)"
            }
            KMO_STATUS_BUFFER_TOO_SMALL => "the output buffer is too small",
            KMO_STATUS_UNKNOWN_APPLICATION => "no application with that id in the wallet",
            KMO_STATUS_WALLET_REFUSED => "the wallet refused the operation; it is unchanged",
            KMO_STATUS_OUT_OF_RANGE => "index out of range",
            KMO_STATUS_PANIC => "internal error caught at the library boundary (please report it)",
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

/// Writes a NUL-terminated English description of `status` into `buf` (128 bytes always
/// suffice) and its length, without the NUL, into `*written`. A value the library does not
/// know gives "unknown status".
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
        let text = kmo_status::from_value(status).map_or("unknown status", kmo_status::message);
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
            assert!(s.message().len() < 128);
        }
        assert_eq!(kmo_status::from_value(8), None);
    }
}
