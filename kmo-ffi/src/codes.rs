//! The text of coded values: `kmo_code_text` and `kmo_code_number` turn a number into its
//! stable text code (`small`, `COST_BELOW_MINIMUM`) and back, for every list of
//! `kmo_code_list`; `kmo_codes_json` gives the numbering as JSON.
//!
//! Every coded value has one number, given by the core (`number()`: 1 for the first value in
//! declaration order, new values only ever added at the end), so that 0 can mean "none" or "the
//! default" in a zero-initialised C struct. The C enumerations that name those numbers are
//! generated from the core's catalogue (`enums.rs`); `kmo_yes_no`, the C form of a yes/no the
//! document may leave out, is the face's own.

use std::ffi::c_char;
use std::str::FromStr;

use kmo_core::catalogue::Coded;
use kmo_core::InputError;

use crate::enums::{for_list, LISTS};
use crate::errors::Failure;
use crate::kmo_error;
use crate::kmo_status::{self, *};
use crate::strings::{copy_out, give};

/// A yes/no answer that may be left out (the JSON document's optional `true`/`false`): a
/// condition not given is not checked, and the answer says so.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_yes_no {
    /// Not given (the field left out of the document).
    KMO_NOT_GIVEN = 0,
    /// Yes (`true`).
    KMO_YES = 1,
    /// No (`false`).
    KMO_NO = 2,
}

/// The error of a number that names no list: `UNKNOWN_CODE` at `path`, listing the lists.
fn unknown_list(list: u32, path: &str) -> InputError {
    InputError::unknown_code("code list", &list.to_string(), &LISTS).at(path)
}

/// Room for any code's text with its NUL (the longest code has 35 characters).
pub const KMO_CODE_TEXT_SIZE: usize = 48;

/// A coded value of the core as the C face reads it: by its number, or by its text with the
/// core's `UNKNOWN_CODE` error.
pub(crate) trait Code: Coded + FromStr<Err = InputError> {}

impl<T: Coded + FromStr<Err = InputError>> Code for T {}

fn text_in<T: Code>(number: u32) -> Option<&'static str> {
    T::from_number(number).map(T::as_str)
}

fn number_in<T: Code>(text: &str) -> Result<u32, InputError> {
    text.parse::<T>().map(T::number)
}

/// Writes the text code of a coded value (`small`, `COST_BELOW_MINIMUM`), NUL-terminated,
/// into `buf` (`KMO_CODE_TEXT_SIZE` bytes always suffice) and its length without the NUL into
/// `*written`. A list the library does not know is `KMO_STATUS_INVALID_INPUT`; a number with
/// no code in the list (0 included) is `KMO_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// `buf` must point to `len` writable bytes and `written` to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn kmo_code_text(
    list: u32,
    number: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let buf = try_buf!(buf, len);
        let written = try_out!(written);
        let text = for_list!(list, text_in(number), return Err(KMO_STATUS_INVALID_INPUT))
            .ok_or(KMO_STATUS_OUT_OF_RANGE)?;
        copy_out(text, buf, written)
    }
}

/// The number of a text code in a list (`"small"` in `KMO_CODES_SIZE_CLASS` is
/// `KMO_SIZE_SMALL`). Codes are matched exactly (`"Small"` is not one). An unknown code is
/// `KMO_STATUS_INVALID_INPUT` with the error `UNKNOWN_CODE` at `text`, whose message lists the
/// codes of the list; a list the library does not know is `KMO_STATUS_INVALID_INPUT` with
/// `UNKNOWN_CODE` at `list`, listing the lists.
///
/// # Safety
/// `text` must point to `len` readable bytes; `out_number` must be writable; `out_error`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_code_number(
    list: u32,
    text: *const c_char,
    len: usize,
    out_number: *mut u32,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let text = try_str!(text, len, UnknownCode, "text");
        let out_number = try_out!(out_number);
        let number = for_list!(
            list,
            number_in(text),
            return Err(Failure::from(unknown_list(list, "list")))
        )
        .map_err(|e| e.at("text"))?;
        out_number.write(number);
        Ok(())
    })
}

/// The numbering of the coded values as JSON, the code numbered `n` at index `n - 1`:
/// `{"finding_code": [...], "kind": [...], "size_class": [...], "subtheme": [...],
/// "theme": [...]}`. Free with `kmo_string_free`.
///
/// # Safety
/// `out_json` and `out_len` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_codes_json(
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give(kmo_core::json::codes_json(), out_json, out_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_fits_and_round_trips() {
        for list in 1..=LISTS.len() as u32 {
            let mut n = 1;
            while let Some(text) = for_list!(list, text_in(n), None) {
                assert!(text.len() < KMO_CODE_TEXT_SIZE, "{text}");
                assert_eq!(
                    for_list!(list, number_in(text), unreachable!()).ok(),
                    Some(n)
                );
                n += 1;
            }
            assert!(n > 2, "list {list} has codes");
            assert_eq!(for_list!(list, text_in(0), None), None);
        }
        assert_eq!(for_list!(13, text_in(1), None), None);
    }
}
