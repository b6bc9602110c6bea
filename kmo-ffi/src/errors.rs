//! Why a call refused its input, in detail: `kmo_error`, the C form of the core's input and
//! wallet errors — the same code, path, messages and error document the other faces give.
//!
//! A call that can refuse input takes a last `kmo_error **out_error`. When it is not NULL the
//! call always writes it: a new error for every refusal of an input value
//! (`KMO_STATUS_INVALID_INPUT`, the wallet's statuses, and the statuses of a value's own kind:
//! `KMO_STATUS_INVALID_UTF8` for a string that is not UTF-8, `KMO_STATUS_NULL_ARGUMENT` for a
//! list that is NULL with a count, `KMO_STATUS_OUT_OF_RANGE` for a day count that leaves the
//! years), NULL otherwise (success, or a status with nothing more to say: a required pointer or
//! out-parameter that is NULL, a buffer too small, a `struct_size` the library does not know,
//! an index past the end). Free it with `kmo_error_free`.

use std::ffi::{c_char, CString};
use std::mem::MaybeUninit;

use kmo_core::json::{error_json, wallet_error_json_at};
use kmo_core::wallet::WalletError;
use kmo_core::{InputError, InputErrorCode, Lang};

use crate::kmo_status::{self, *};
use crate::strings::give;

/// What the core refused, as it said it.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// Input that is not valid.
    Input(InputError),
    /// A wallet operation the wallet does not allow, and the field it is about: the core's
    /// (`amount`), or the C parameter's name (`amount_cents`) for a typed call.
    Wallet(WalletError, String),
}

/// Why the body of an exported function stopped: a status, with the core's error when there
/// is one.
#[derive(Debug)]
pub(crate) struct Failure {
    status: kmo_status,
    refusal: Option<Refusal>,
}

impl From<kmo_status> for Failure {
    fn from(status: kmo_status) -> Failure {
        Failure {
            status,
            refusal: None,
        }
    }
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Failure {
        Failure {
            status: KMO_STATUS_INVALID_INPUT,
            refusal: Some(Refusal::Input(e)),
        }
    }
}

impl From<WalletError> for Failure {
    /// A refusal of the wallet, at the field the core names.
    fn from(e: WalletError) -> Failure {
        let path = e.path().to_string();
        Failure::wallet_at(e, path)
    }
}

impl Failure {
    /// A refusal of input under a status of its own (`KMO_STATUS_INVALID_UTF8` for a string
    /// that is not UTF-8, `KMO_STATUS_NULL_ARGUMENT` for a NULL list with a count,
    /// `KMO_STATUS_OUT_OF_RANGE` for a day count that leaves the years): the status says what
    /// kind of failure, the error which field and why, as for every other refusal.
    pub(crate) fn input_with(status: kmo_status, e: InputError) -> Failure {
        Failure {
            status,
            refusal: Some(Refusal::Input(e)),
        }
    }

    /// The status the call returns.
    #[cfg(test)]
    pub(crate) fn status(&self) -> kmo_status {
        self.status
    }

    /// The input error refused, if there is one.
    #[cfg(test)]
    pub(crate) fn input_error(&self) -> Option<&InputError> {
        match &self.refusal {
            Some(Refusal::Input(e)) => Some(e),
            _ => None,
        }
    }

    /// A refusal of the wallet located at `path` (the C parameter's name); an invalid
    /// application stays an input error, at its own path.
    pub(crate) fn wallet_at(e: WalletError, path: String) -> Failure {
        match e {
            WalletError::Invalid(e) => Failure::from(e),
            e => Failure {
                status: kmo_status::of(e.code()),
                refusal: Some(Refusal::Wallet(e, path)),
            },
        }
    }
}

/// Why a call refused its input: a stable code (`NEGATIVE_AMOUNT`, `OVERPAYMENT`), the field
/// (`cost_cents`, `amount`, `applications[1].aid`), and the message in Dutch, French or
/// English. Returned through a call's `out_error`; free with `kmo_error_free`.
pub struct kmo_error {
    status: kmo_status,
    refusal: Refusal,
    code: CString,
    path: CString,
    /// The message in each language, in the order of `Lang::ALL`.
    messages: Vec<CString>,
}

/// The empty string the text accessors give where there is no text (a NULL error), so that a
/// `printf("%s")` of their result is always defined.
pub(crate) const EMPTY: &std::ffi::CStr = c"";

/// The language of a `kmo_lang` value for a message (an error's, a finding's):
/// `KMO_LANG_DEFAULT` (0) is the default, Dutch, as a document without `lang`; any other
/// number the library does not know is English, so that a message is always there to print.
pub(crate) fn lang_of(value: u32) -> Lang {
    if value == 0 {
        Lang::default()
    } else {
        Lang::from_number(value).unwrap_or(Lang::OF_ERRORS)
    }
}

/// Text as a C string: a NUL the caller wrote into a value (which a message or path may quote)
/// cannot be in one, and becomes U+FFFD.
pub(crate) fn c_text(text: &str) -> CString {
    CString::new(text.replace('\0', "\u{FFFD}")).unwrap_or_default()
}

impl kmo_error {
    fn new(status: kmo_status, refusal: Refusal) -> kmo_error {
        let (code, path) = match &refusal {
            Refusal::Input(e) => (e.code.as_str(), e.path.as_str()),
            Refusal::Wallet(e, path) => (e.code().as_str(), path.as_str()),
        };
        let messages = Lang::ALL
            .iter()
            .map(|lang| {
                c_text(&match &refusal {
                    Refusal::Input(e) => e.message(*lang),
                    Refusal::Wallet(e, _) => e.message(*lang),
                })
            })
            .collect();
        kmo_error {
            status,
            code: c_text(code),
            path: c_text(path),
            messages,
            refusal,
        }
    }

    /// The message in a language (see [`lang_of`]).
    fn message(&self, lang: u32) -> &std::ffi::CStr {
        Lang::ALL
            .iter()
            .position(|l| *l == lang_of(lang))
            .and_then(|i| self.messages.get(i))
            .map_or(EMPTY, |m| m.as_c_str())
    }
}

/// What `ffi_boundary!(error …)` returns: the body's status (`KMO_STATUS_PANIC` when it
/// panicked), after writing the error, or NULL, into `slot` when the caller asked for it.
#[inline(always)]
pub(crate) fn finish(
    outcome: std::thread::Result<Result<(), Failure>>,
    slot: Option<&mut MaybeUninit<*mut kmo_error>>,
) -> kmo_status {
    match outcome {
        Ok(Ok(())) => {
            if let Some(slot) = slot {
                slot.write(std::ptr::null_mut());
            }
            KMO_STATUS_OK
        }
        failed => finish_failed(failed, slot),
    }
}

/// [`finish`] for a body that refused or panicked, out of the way of the calls that succeed.
#[cold]
#[inline(never)]
fn finish_failed(
    outcome: std::thread::Result<Result<(), Failure>>,
    slot: Option<&mut MaybeUninit<*mut kmo_error>>,
) -> kmo_status {
    let (status, refusal) = match outcome {
        Ok(Ok(())) => (KMO_STATUS_OK, None),
        Ok(Err(f)) => (f.status, f.refusal),
        Err(_) => (KMO_STATUS_PANIC, None),
    };
    if let Some(slot) = slot {
        let error = refusal
            .and_then(|r| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    Box::into_raw(Box::new(kmo_error::new(status, r)))
                }))
                .ok()
            })
            .unwrap_or(std::ptr::null_mut());
        slot.write(error);
    }
    status
}

/// The status the call returned with this error (`KMO_STATUS_NULL_ARGUMENT` for NULL).
///
/// # Safety
/// `error` must be NULL or an error from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_error_status(error: *const kmo_error) -> kmo_status {
    ffi_boundary!(or KMO_STATUS_PANIC, {
        // SAFETY: NULL gives None; otherwise the caller guarantees a live error.
        unsafe { error.as_ref() }.map_or(KMO_STATUS_NULL_ARGUMENT, |e| e.status)
    })
}

/// The stable code, `SCREAMING_SNAKE` (`NEGATIVE_AMOUNT`, `OVERPAYMENT`); an empty string for
/// a NULL error (never NULL). The text lives as long as the error.
///
/// # Safety
/// `error` must be NULL or an error from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_error_code(error: *const kmo_error) -> *const c_char {
    ffi_boundary!(or EMPTY.as_ptr(), {
        // SAFETY: NULL gives None; otherwise the caller guarantees a live error.
        unsafe { error.as_ref() }.map_or(EMPTY.as_ptr(), |e| e.code.as_ptr())
    })
}

/// The field the error is about: the C parameter or field (`cost_cents`, `amount_cents`,
/// `lines[1].persons`) for a typed call, the path in the document (`service.cost`,
/// `applications[1].aid`) for a JSON one; empty when it is about the whole input, and for a
/// NULL error (never NULL). The text lives as long as the error.
///
/// # Safety
/// `error` must be NULL or an error from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_error_path(error: *const kmo_error) -> *const c_char {
    ffi_boundary!(or EMPTY.as_ptr(), {
        // SAFETY: NULL gives None; otherwise the caller guarantees a live error.
        unsafe { error.as_ref() }.map_or(EMPTY.as_ptr(), |e| e.path.as_ptr())
    })
}

/// The message in a language (a `kmo_lang` value), UTF-8 and NUL-terminated.
/// `KMO_LANG_DEFAULT` gives Dutch, the default, as a JSON request without `lang`; a language
/// number the library does not know gives English; a NULL error an empty string: the result is never NULL, so it can always be printed. The text lives as
/// long as the error.
///
/// # Safety
/// `error` must be NULL or an error from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_error_message(error: *const kmo_error, lang: u32) -> *const c_char {
    ffi_boundary!(or EMPTY.as_ptr(), {
        // SAFETY: NULL gives None; otherwise the caller guarantees a live error.
        unsafe { error.as_ref() }.map_or(EMPTY.as_ptr(), |e| e.message(lang).as_ptr())
    })
}

/// The error document `{"error":{"code","message","path"}}`, its message in a language (a
/// `kmo_lang` value: `KMO_LANG_DEFAULT` is Dutch, one the library does not know is English,
/// as for `kmo_error_message`): the same document the JSON entries and the JavaScript package
/// give, its path the one `kmo_error_path` gives. Free `*out_json` with `kmo_string_free`.
///
/// # Safety
/// `error` must be an error from this library, not yet freed; `out_json` and `out_len` must be
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_error_json(
    error: *const kmo_error,
    lang: u32,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let e = try_ref!(error);
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        let lang = lang_of(lang);
        let document = match &e.refusal {
            Refusal::Input(e) => error_json(e, lang),
            Refusal::Wallet(e, path) => wallet_error_json_at(e, path, lang),
        };
        give(document, out_json, out_len)
    }
}

/// Frees an error. `NULL` does nothing.
///
/// # Safety
/// `error` must be NULL or an error from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_error_free(error: *mut kmo_error) {
    ffi_boundary!(or(), {
        if !error.is_null() {
            // SAFETY: the pointer came from Box::into_raw in `finish` and is freed once.
            drop(unsafe { Box::from_raw(error) });
        }
    })
}

/// The text of a field (`path`) as UTF-8, or `KMO_STATUS_INVALID_UTF8` with the field's
/// refusal: the code a value of that field gets when it is not one (`code`), at `path`, the
/// message saying where the text stops being UTF-8.
pub(crate) fn utf8_at<'a>(
    bytes: &'a [u8],
    code: InputErrorCode,
    path: &str,
) -> Result<&'a str, Failure> {
    std::str::from_utf8(bytes).map_err(|e| {
        let detail = vec![e.valid_up_to().to_string().into()];
        let error = InputError::new(code, path, "err_not_utf8", detail);
        Failure::input_with(KMO_STATUS_INVALID_UTF8, error)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kmo_core::Money;
    use std::ffi::CStr;

    fn made(f: Failure) -> (kmo_status, *mut kmo_error) {
        let mut out = MaybeUninit::new(std::ptr::null_mut());
        let status = finish(Ok(Err(f)), Some(&mut out));
        // SAFETY: `finish` wrote the slot.
        (status, unsafe { out.assume_init() })
    }

    #[test]
    fn an_input_error_keeps_code_path_and_every_language() {
        let e = Money::from_cents(-5).unwrap_err().at("cost_cents");
        let (status, error) = made(e.clone().into());
        assert_eq!(status, KMO_STATUS_INVALID_INPUT);
        // SAFETY: a live error from `finish`; the strings live as long as it.
        unsafe {
            assert_eq!(kmo_error_status(error), KMO_STATUS_INVALID_INPUT);
            assert_eq!(
                CStr::from_ptr(kmo_error_code(error)).to_str(),
                Ok("NEGATIVE_AMOUNT")
            );
            assert_eq!(
                CStr::from_ptr(kmo_error_path(error)).to_str(),
                Ok("cost_cents")
            );
            for (n, lang) in [(1, Lang::Nl), (2, Lang::Fr), (3, Lang::En), (0, Lang::Nl)] {
                let text = CStr::from_ptr(kmo_error_message(error, n))
                    .to_str()
                    .unwrap();
                assert_eq!(text, e.message(lang));
            }
            let en = CStr::from_ptr(kmo_error_message(error, 3))
                .to_str()
                .unwrap();
            assert_eq!(CStr::from_ptr(kmo_error_message(error, 4)).to_str(), Ok(en));
            assert_eq!(
                CStr::from_ptr(kmo_error_message(error, u32::MAX)).to_str(),
                Ok(en)
            );
            kmo_error_free(error);
        }
    }

    #[test]
    fn a_wallet_refusal_has_its_status() {
        let (status, error) = made(WalletError::ZeroAmount.into());
        assert_eq!(status, KMO_STATUS_ZERO_AMOUNT);
        // SAFETY: a live error from `finish`, freed once.
        unsafe { kmo_error_free(error) };
    }

    #[test]
    fn no_detail_and_no_slot_write_nothing_harmful() {
        let (status, error) = made(KMO_STATUS_NULL_ARGUMENT.into());
        assert_eq!(status, KMO_STATUS_NULL_ARGUMENT);
        assert!(error.is_null());
        assert_eq!(
            finish(Ok(Err(WalletError::ZeroAmount.into())), None),
            KMO_STATUS_ZERO_AMOUNT
        );
        let mut out = MaybeUninit::new(std::ptr::dangling_mut::<kmo_error>());
        assert_eq!(finish(Ok(Ok(())), Some(&mut out)), KMO_STATUS_OK);
        // SAFETY: `finish` wrote the slot.
        assert!(unsafe { out.assume_init() }.is_null());
    }

    #[test]
    fn a_nul_in_a_message_is_replaced() {
        assert_eq!(c_text("a\0b").to_str(), Ok("a\u{FFFD}b"));
    }
}
