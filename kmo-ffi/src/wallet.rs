//! The wallet: one enterprise's applications, as an opaque handle.

use std::ffi::c_char;

use kmo_core::json::{error_value, parse_request, response_text, wallet_from_json, wallet_to_json};
use kmo_core::wallet::Wallet;

use crate::convert;
use crate::kmo_status;
use crate::strings::give;

/// A wallet: one enterprise's applications. Create with `kmo_wallet_new` or
/// `kmo_wallet_from_json`, free with `kmo_wallet_free`.
pub struct kmo_wallet(Wallet);

/// How a payment went.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_payment {
    /// The payment came too late: the application lapsed instead (see `refund_cents`).
    pub lapsed: bool,
    /// Own share still due after the payment, cents (0 when lapsed).
    pub due_cents: i64,
    /// Refunded to the enterprise when lapsed, cents.
    pub refund_cents: i64,
}

/// How a stopped application was settled.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_settlement {
    /// Own share spent on releases, cents.
    pub own_share_used_cents: i64,
    /// Aid spent on releases, cents.
    pub aid_used_cents: i64,
    /// Own share refunded, cents.
    pub refund_cents: i64,
    /// Aid returned to the year's budget, cents (only when stopped in the same year).
    pub aid_returned_cents: i64,
}

/// A new, empty wallet. Free with `kmo_wallet_free`. Returns NULL only if allocation fails.
#[no_mangle]
pub extern "C" fn kmo_wallet_new() -> *mut kmo_wallet {
    ffi_boundary!(or std::ptr::null_mut(), {
        Box::into_raw(Box::new(kmo_wallet(Wallet::new())))
    })
}

/// Frees a wallet. `NULL` does nothing.
///
/// # Safety
/// `wallet` must be NULL or a wallet from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_free(wallet: *mut kmo_wallet) {
    ffi_boundary!(or(), {
        if !wallet.is_null() {
            // SAFETY: the pointer came from Box::into_raw and is freed once.
            drop(unsafe { Box::from_raw(wallet) });
        }
    })
}

/// Reads a wallet from its JSON document; `*out` receives a new wallet.
///
/// # Safety
/// `json` must point to `len` readable bytes; `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut kmo_wallet,
) -> kmo_status {
    ffi_boundary! {
        let out = try_out!(out);
        let wallet = wallet_from_json(try_str!(json, len)).map_err(|e| convert::input_status(&e))?;
        out.write(Box::into_raw(Box::new(kmo_wallet(wallet))));
        Ok(())
    }
}

/// Writes the wallet's JSON document. Free with `kmo_string_free`.
///
/// # Safety
/// `wallet` must be a live wallet; `out_json` and `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_to_json(
    wallet: *const kmo_wallet,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_ref!(wallet);
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give(wallet_to_json(&wallet.0).to_string(), out_json, out_len)
    }
}

/// Assesses a JSON request against the wallet and records it when eligible (`*out_id` is its
/// id, or 0 when not recorded). The response is the assess document (or the error document,
/// with `KMO_STATUS_INVALID_INPUT`). A request dated before an application already recorded in
/// the same year is refused (`KMO_STATUS_WALLET_REFUSED`, nothing written).
///
/// # Safety
/// `wallet` must be a live wallet; `request` must point to `len` readable bytes; the outputs
/// must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_apply_json(
    wallet: *mut kmo_wallet,
    request: *const c_char,
    len: usize,
    out_id: *mut u32,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_mut!(wallet);
        let out_id = try_out!(out_id);
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        let parsed = match parse_request(try_str!(request, len)) {
            Ok(parsed) => parsed,
            Err(e) => {
                give(error_value(&e).to_string(), out_json, out_len)?;
                return Err(convert::input_status(&e));
            }
        };
        let applied = wallet.0.apply(&parsed.application).map_err(convert::wallet_status)?;
        give(response_text(&applied.assessment, &parsed), out_json, out_len)?;
        out_id.write(applied.id.unwrap_or(0));
        Ok(())
    }
}

/// Pays `amount_cents` of an application's own share on `date` (yyyymmdd). A payment after the
/// deadline makes the application lapse (`out->lapsed`).
///
/// # Safety
/// `wallet` must be a live wallet; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_pay(
    wallet: *mut kmo_wallet,
    id: u32,
    date: i32,
    amount_cents: i64,
    out: *mut kmo_payment,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_mut!(wallet);
        let out = try_out!(out);
        let (date, amount) = (convert::date(date)?, convert::money(amount_cents)?);
        let payment = wallet.0.pay(id, date, amount).map_err(convert::wallet_status)?;
        out.write(convert::c_payment(payment));
        Ok(())
    }
}

/// Releases `amount_cents` to the provider; `*out_available_cents` is what the wallet still
/// holds for the application.
///
/// # Safety
/// `wallet` must be a live wallet; `out_available_cents` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_release(
    wallet: *mut kmo_wallet,
    id: u32,
    date: i32,
    amount_cents: i64,
    out_available_cents: *mut i64,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_mut!(wallet);
        let out_available_cents = try_out!(out_available_cents);
        let (date, amount) = (convert::date(date)?, convert::money(amount_cents)?);
        let available = wallet.0.release(id, date, amount).map_err(convert::wallet_status)?;
        out_available_cents.write(convert::c_cents(available));
        Ok(())
    }
}

/// Stops an application on `date` (yyyymmdd) and writes the settlement.
///
/// # Safety
/// `wallet` must be a live wallet; `out` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_stop(
    wallet: *mut kmo_wallet,
    id: u32,
    date: i32,
    out: *mut kmo_settlement,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_mut!(wallet);
        let out = try_out!(out);
        let settlement = wallet.0.stop(id, convert::date(date)?).map_err(convert::wallet_status)?;
        out.write(convert::c_settlement(settlement));
        Ok(())
    }
}

/// The aid counted against the ceiling of a calendar year, in cents.
///
/// # Safety
/// `wallet` must be a live wallet; `out_cents` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_aid_counted(
    wallet: *const kmo_wallet,
    year: i32,
    out_cents: *mut i64,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_ref!(wallet);
        let out_cents = try_out!(out_cents);
        out_cents.write(convert::c_cents(wallet.0.aid_counted(year)));
        Ok(())
    }
}
