//! The JSON entry (`kmo_assess_json`) and the size class from one period's figures
//! (`kmo_classify`).

use std::ffi::c_char;

use kmo_core::json::{error_value, parse_request, response_text};
use kmo_core::{classify, Figures, InputError, InputErrorCode};

use crate::convert;
use crate::kmo_size_class;
use crate::kmo_status::{self, *};
use crate::strings::give;

/// The error document for a request that is not UTF-8.
fn not_utf8_document() -> String {
    error_value(&InputError::new(
        InputErrorCode::MalformedJson,
        "",
        "the request is not valid UTF-8".into(),
    ))
    .to_string()
}

/// Assesses a JSON request (`request_len` bytes of UTF-8, no NUL needed).
/// On success returns `KMO_STATUS_OK` and the response; on invalid input returns
/// `KMO_STATUS_INVALID_INPUT` (or `KMO_STATUS_INVALID_UTF8`) **and** the error document
/// `{"error":{"code","path","message"}}`. Free `*out_json` with `kmo_string_free`.
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
        let (status, body) = match std::str::from_utf8(try_bytes!(request, request_len)) {
            Ok(text) => match parse_request(text) {
                Ok(parsed) => (KMO_STATUS_OK, response_text(&parsed.assess(), &parsed)),
                Err(e) => (convert::input_status(&e), error_value(&e).to_string()),
            },
            Err(_) => (KMO_STATUS_INVALID_UTF8, not_utf8_document()),
        };
        give(body, out_json, out_len)?;
        match status {
            KMO_STATUS_OK => Ok(()),
            refused => Err(refused),
        }
    }
}

/// The size class from one period's own figures (REC-2003/361 art. 2): staff in thousandths
/// of an annual work unit (9.99 AWU = 9990), turnover and balance-sheet total in cents.
///
/// # Safety
/// `out_class` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_classify(
    staff_awu_milli: i64,
    turnover_cents: i64,
    balance_sheet_cents: i64,
    out_class: *mut kmo_size_class,
) -> kmo_status {
    ffi_boundary! {
        let out_class = try_out!(out_class);
        let figures = Figures {
            staff: convert::staff(staff_awu_milli)?,
            turnover: convert::money(turnover_cents)?,
            balance_sheet: convert::money(balance_sheet_cents)?,
        };
        out_class.write(convert::c_size_class(classify(&figures)));
        Ok(())
    }
}
