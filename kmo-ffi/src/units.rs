//! Money and dates as the engine reads and writes them: amount text ↔ cents, ISO dates ↔
//! `yyyymmdd`, the date checks, and calendar-day arithmetic (the deadlines count calendar days,
//! with no roll-over to a working day).

use std::ffi::c_char;

use kmo_core::units::{answer_date_from_number, date_after_days, days_between, IsoDate};
use kmo_core::{parse_date, Money};

use crate::convert;
use crate::errors::Failure;
use crate::kmo_error;
use crate::kmo_status::{self, *};
use crate::strings::copy_out;

/// Room for any date's text with its NUL (`2026-03-10`: 10 characters).
pub const KMO_DATE_TEXT_SIZE: usize = 11;

/// Room for any amount's text with its NUL (`1000000000000.00`, the largest, has 16
/// characters).
pub const KMO_MONEY_TEXT_SIZE: usize = 24;

/// The cents of an amount written as the engine reads it in a JSON document: plain digits with
/// at most two decimals (`2000`, `2000.5`, `2000.00`). Anything else (a sign, a comma, a third
/// decimal, more than the engine's largest amount) is `KMO_STATUS_INVALID_INPUT`, with the
/// engine's reason at `text`.
///
/// # Safety
/// `text` must point to `len` readable bytes; `out_cents` must be writable; `out_error` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_money_parse(
    text: *const c_char,
    len: usize,
    out_cents: *mut i64,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let text = try_str!(text, len, InvalidAmount, "text");
        let out_cents = try_out!(out_cents);
        let amount = Money::parse(text).map_err(|e| e.at("text"))?;
        out_cents.write(convert::c_cents(amount));
        Ok(())
    })
}

/// Writes an amount in cents as the engine writes it, with two decimals (`200000` →
/// `2000.00`), NUL-terminated, into `buf` (`KMO_MONEY_TEXT_SIZE` bytes always suffice), and
/// its length into `*written`. A negative or too large amount is `KMO_STATUS_INVALID_INPUT` (at
/// `cents`).
///
/// # Safety
/// `buf` must point to `len` writable bytes and `written` to a writable `size_t`; `out_error`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_money_format(
    cents: i64,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let buf = try_buf!(buf, len);
        let written = try_out!(written);
        let amount = convert::money(cents, "cents")?;
        Ok(copy_out(&amount.to_string(), buf, written)?)
    })
}

/// Writes a `yyyymmdd` date as the engine writes dates (`20260310` → `2026-03-10`),
/// NUL-terminated, into `buf` (`KMO_DATE_TEXT_SIZE` bytes always suffice), and its length into
/// `*written`. Every date the library gives can be written: the years 1900–2209 (a deadline
/// counted from a date of 2199, such as `complete_by` 22001231, lies after 2199). A date that
/// does not exist, or lies outside those years, is `KMO_STATUS_INVALID_INPUT` with the reason
/// at `date`.
///
/// # Safety
/// `buf` must point to `len` writable bytes and `written` to a writable `size_t`; `out_error`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_date_format(
    date: i32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let buf = try_buf!(buf, len);
        let written = try_out!(written);
        let date = answer_date_from_number(date).map_err(|e| e.at("date"))?;
        Ok(copy_out(&IsoDate(date).to_string(), buf, written)?)
    })
}

/// Checks a `yyyymmdd` date: it exists, in the years 1900–2199 the engine accepts. Otherwise
/// `KMO_STATUS_INVALID_INPUT`, with the engine's reason (no such day, no such month, outside
/// the years) at `date`.
///
/// # Safety
/// `out_error` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_date_check(date: i32, out_error: *mut *mut kmo_error) -> kmo_status {
    ffi_boundary!(error out_error, {
        convert::date(date, "date")?;
        Ok(())
    })
}

/// The `yyyymmdd` number of an ISO date `YYYY-MM-DD` that exists in the years 1900–2199, read
/// as the engine reads dates in a JSON document; otherwise `KMO_STATUS_INVALID_INPUT` with the
/// reason at `text`.
///
/// # Safety
/// `text` must point to `len` readable bytes; `out_date` must be writable; `out_error` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_date_parse(
    text: *const c_char,
    len: usize,
    out_date: *mut i32,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let text = try_str!(text, len, InvalidDate, "text");
        let out_date = try_out!(out_date);
        let date = parse_date(text).map_err(|e| e.at("text"))?;
        out_date.write(convert::c_date(date));
        Ok(())
    })
}

/// The date `days` calendar days after `date` (before it when negative), as the deadlines count
/// them: no roll-over to a working day. An invalid `date` is `KMO_STATUS_INVALID_INPUT`; a
/// result outside the years 1900–2199 is `KMO_STATUS_OUT_OF_RANGE`, with its error
/// (`INVALID_DATE` at `days`).
///
/// # Safety
/// `out_date` must be writable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_date_add_days(
    date: i32,
    days: i32,
    out_date: *mut i32,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let out_date = try_out!(out_date);
        let start = convert::date(date, "date")?;
        let result = date_after_days(start, i64::from(days))
            .map_err(|e| Failure::input_with(KMO_STATUS_OUT_OF_RANGE, e.at("days")))?;
        out_date.write(convert::c_date(result));
        Ok(())
    })
}

/// The number of calendar days from `from` to `to` (negative when `to` is earlier): 14 from
/// 20260302 to 20260316. An invalid date is `KMO_STATUS_INVALID_INPUT`, at `from` or `to`.
///
/// # Safety
/// `out_days` must be writable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_date_days_between(
    from: i32,
    to: i32,
    out_days: *mut i32,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let out_days = try_out!(out_days);
        let (from, to) = (convert::date(from, "from")?, convert::date(to, "to")?);
        // Two dates of the years 1900–2199 are fewer than 2^31 days apart.
        out_days.write(i32::try_from(days_between(from, to)).unwrap_or(i32::MAX));
        Ok(())
    })
}
