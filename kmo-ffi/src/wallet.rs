//! The wallet: one enterprise's applications, as an opaque handle. Typed calls (apply a quote
//! request, preview, pay, release, stop, what the wallet holds, the year's budget) and the JSON
//! ones the JavaScript package has (the document, apply, plan).

use crate::convert::{c_basis_points, c_cents, c_date, c_number, c_optional_date};
use kmo_core::wallet::{Payment, Settlement, Status, WalletApplication, YearBudget};
use std::ffi::c_char;

use kmo_core::json::{wallet_apply_json, wallet_from_json, wallet_plan_json, wallet_to_json};
use kmo_core::units::check_year;
use kmo_core::wallet::{StatusKind, Wallet, WalletError};
use kmo_core::Detail;

use crate::convert;
use crate::errors::Failure;
use crate::findings::{findings_slot, give_findings, kmo_findings};
use crate::kmo_status::{self, *};
use crate::strings::{give, give_document};
use crate::{kmo_error, kmo_quote_request, kmo_quote_result};

/// A refusal of the wallet in a typed call, at the C parameter it is about: the core's
/// `amount` is the parameter `amount_cents`; `id`, `date` and `application_date` keep their
/// names; an invalid application is located at its C field.
fn refused(e: WalletError) -> Failure {
    match e {
        WalletError::Invalid(e) => Failure::from(convert::c_error(e)),
        e => {
            let path = match e.path() {
                "amount" => "amount_cents".to_string(),
                other => other.to_string(),
            };
            Failure::wallet_at(e, path)
        }
    }
}

/// A wallet: one enterprise's applications. Create with `kmo_wallet_new` or
/// `kmo_wallet_from_json`, free with `kmo_wallet_free`.
///
/// Order: within a calendar year, the wallet takes applications in the order of their
/// application dates (the size class of the year's first one holds for the year, and each
/// counts the aid of the ones before it). An application dated before one already recorded in
/// its year is refused with `KMO_STATUS_OUT_OF_ORDER`: sort a batch of invoices by application
/// date (per company) before applying it.
///
/// Ids: every request the wallet assesses gets the next number, in the order of submission,
/// eligible or not; only eligible ones are recorded, so the ids of recorded applications can
/// skip numbers.
///
/// Lapses: an application whose own share is not paid in full by its deadline lapses on the
/// day after. Every call on a date answers as the wallet stands that day, what is overdue by
/// then lapsed: `kmo_wallet_quote` and `kmo_wallet_plan_json` count it so; `kmo_wallet_apply`,
/// `kmo_wallet_apply_json`, `kmo_wallet_pay`, `kmo_wallet_release`, `kmo_wallet_stop` and
/// `kmo_wallet_lapse_overdue` record it, and `kmo_wallet_last_lapsed` gives the ids the last
/// of them let lapse. `kmo_wallet_get`, `kmo_wallet_get_at` and `kmo_wallet_year` have no
/// date: they give the wallet as recorded.
pub struct kmo_wallet {
    wallet: Wallet,
    /// What the last call that could change the wallet let lapse (its answer's `lapsed`).
    lapsed: Vec<u32>,
}

impl kmo_wallet {
    fn of(wallet: Wallet) -> kmo_wallet {
        kmo_wallet {
            wallet,
            lapsed: Vec::new(),
        }
    }

    /// The handle, for a call that may change the wallet: until the call succeeds and says
    /// what it let lapse, nothing did (a call refused, for whatever reason, changes nothing).
    fn changing(&mut self) -> &mut kmo_wallet {
        self.lapsed.clear();
        self
    }
}

/// How a payment went. Make it with `KMO_PAYMENT_INIT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_payment {
    /// The size of the version written (`KMO_PAYMENT_INIT` sets the caller's).
    pub struct_size: u32,
    /// Own share still due after the payment, cents.
    pub due_cents: i64,
}

/// How a stopped or lapsed application was settled. Make it with `KMO_SETTLEMENT_INIT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_settlement {
    /// The size of the version written (`KMO_SETTLEMENT_INIT` sets the caller's; inside a
    /// `kmo_wallet_application` the library sets it).
    pub struct_size: u32,
    /// Own share spent on releases, cents.
    pub own_share_used_cents: i64,
    /// Aid spent on releases, cents.
    pub aid_used_cents: i64,
    /// Own share refunded, cents.
    pub refund_cents: i64,
    /// Aid returned to the year's budget, cents (only when stopped in the same year).
    pub aid_returned_cents: i64,
}

/// What the wallet holds for one application. Make it with `KMO_WALLET_APPLICATION_INIT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_wallet_application {
    /// The size of the version written (`KMO_WALLET_APPLICATION_INIT` sets the caller's).
    pub struct_size: u32,
    /// The wallet's number for it (1, 2, …).
    pub id: u32,
    /// The application date, yyyymmdd.
    pub application_date: i32,
    /// Where it stands: a `kmo_application_status` value.
    pub status: u32,
    /// The day it was stopped or lapsed, yyyymmdd (0 while active).
    pub ended_on: i32,
    /// The size class applied, fixed for the calendar year (a `kmo_size_class` value;
    /// `KMO_SIZE_NONE` when not recorded).
    pub size_class: u32,
    /// The service (a `kmo_service_kind` value; `KMO_SERVICE_NONE` when not recorded).
    pub service_kind: u32,
    /// The aid percentage in basis points (0 when not recorded).
    pub rate_bp: u32,
    /// The last day to pay the own share, yyyymmdd (0 when not known).
    pub pay_own_share_by: i32,
    /// The eligible cost, cents.
    pub eligible_cost_cents: i64,
    /// The aid granted, cents.
    pub aid_cents: i64,
    /// The own share, cents.
    pub own_share_cents: i64,
    /// The VAT, paid directly to the provider, cents.
    pub vat_cents: i64,
    /// Own share paid in so far, cents.
    pub paid_cents: i64,
    /// Released to the provider so far, cents.
    pub released_cents: i64,
    /// What the wallet holds for it and may still release (own share + aid once the own share
    /// is paid in full, minus releases), cents.
    pub available_cents: i64,
    /// The aid it counts against its year's ceiling, cents.
    pub aid_counted_cents: i64,
    /// The settlement once stopped or lapsed (zeros while active).
    pub settlement: kmo_settlement,
}

/// One calendar year of a wallet. Make it with `KMO_YEAR_BUDGET_INIT`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_year_budget {
    /// The size of the version written (`KMO_YEAR_BUDGET_INIT` sets the caller's).
    pub struct_size: u32,
    /// The calendar year.
    pub year: i32,
    /// The size class fixed for the year by its first recorded application (a
    /// `kmo_size_class` value; `KMO_SIZE_NONE` before any).
    pub size_class: u32,
    /// The year's ceiling for that class, cents; without a recorded class the ceiling
    /// whatever the class (from 2020 the one ceiling, in 2016-2019 the highest, an upper
    /// bound); 0 before 2016.
    pub ceiling_cents: i64,
    /// The aid counted against it, cents.
    pub counted_cents: i64,
    /// What is left, cents.
    pub left_cents: i64,
}

// SAFETY: #[repr(C)], `struct_size` first (each).
unsafe impl crate::Filled for kmo_payment {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_payment>()];
}
// SAFETY: as above.
unsafe impl crate::Filled for kmo_settlement {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_settlement>()];
}
// SAFETY: as above.
unsafe impl crate::Filled for kmo_wallet_application {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_wallet_application>()];
}
// SAFETY: as above.
unsafe impl crate::Filled for kmo_year_budget {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_year_budget>()];
}

/// A new, empty wallet. Free with `kmo_wallet_free`. Returns NULL only if allocation fails.
#[no_mangle]
pub extern "C" fn kmo_wallet_new() -> *mut kmo_wallet {
    ffi_boundary!(or std::ptr::null_mut(), {
        Box::into_raw(Box::new(kmo_wallet::of(Wallet::new())))
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

/// Reads a wallet from its JSON document (what `kmo_wallet_to_json` writes, or a history
/// written by hand); `*out` receives a new wallet. An invalid document is
/// `KMO_STATUS_INVALID_INPUT`: `*out_error` gives the code, the path in the document
/// (`applications[1].aid`) and the message, and `kmo_error_json` the error document.
///
/// # Safety
/// `json` must point to `len` readable bytes; `out` must be writable; `out_error` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut kmo_wallet,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let out = try_out!(out);
        // Text that is not UTF-8: the document's refusal (`MALFORMED_JSON`), as for the JSON
        // entries, under `KMO_STATUS_INVALID_UTF8`.
        let text = kmo_core::json::document_text(try_bytes!(json, len)).map_err(|e| {
            crate::errors::Failure::input_with(crate::kmo_status::KMO_STATUS_INVALID_UTF8, e)
        })?;
        let wallet = wallet_from_json(text)?;
        out.write(Box::into_raw(Box::new(kmo_wallet::of(wallet))));
        Ok(())
    })
}

/// Writes the wallet's JSON document (every recorded fact, and the years' budgets). Free with
/// `kmo_string_free`.
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
        give(wallet_to_json(&wallet.wallet), out_json, out_len)
    }
}

/// Assesses a request against the wallet — after letting lapse what is overdue on its
/// application date, with the aid the wallet then counts in the application's calendar year
/// (the request's `aid_used_cents` is ignored) and the size class fixed for that year (its
/// `year_size_class` too) — gives it the next id and records it when eligible: `*out_id` is
/// its id, or 0 when not eligible and not recorded (`out` and the findings say why; the id it
/// used up is not given again). `kmo_wallet_last_lapsed` gives what it let lapse. Invalid
/// input is `KMO_STATUS_INVALID_INPUT`; a request dated before an application already recorded in the
/// same year is `KMO_STATUS_OUT_OF_ORDER` (nothing recorded, nothing written). `*out_findings`
/// (NULL when not wanted) receives the answer's findings on success, NULL otherwise.
///
/// # Safety
/// `wallet` must be a live wallet; `request` a readable `kmo_quote_request` of its
/// `struct_size`, its strings and lists readable; `out_id` writable; `out` a
/// `kmo_quote_result` whose `struct_size` is set; `out_findings` and `out_error` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_apply(
    wallet: *mut kmo_wallet,
    request: *const kmo_quote_request,
    out_id: *mut u32,
    out: *mut kmo_quote_result,
    out_findings: *mut *mut kmo_findings,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    // SAFETY: NULL means "not wanted"; otherwise writable under the contract.
    let findings = unsafe { findings_slot(out_findings) };
    ffi_boundary!(error out_error, {
        let wallet = try_mut!(wallet).changing();
        let request = try_versioned!(request);
        let out_id = try_out!(out_id);
        let out = try_filled!(out);
        // SAFETY: the request's strings and lists are readable under the contract.
        let app = unsafe { crate::quote::application(&request) }?;
        let applied = wallet.wallet.apply(&app).map_err(refused)?;
        out_id.write(if applied.recorded { applied.id } else { 0 });
        out.write(crate::quote::c_counted(&applied.assessment.counted()));
        give_findings(findings, &applied.assessment.findings);
        wallet.lapsed = applied.lapsed;
        Ok(())
    })
}

/// What `kmo_wallet_apply` would answer, without recording anything (the wallet is not
/// changed: what is overdue on the application date is counted as lapsed, not recorded so).
///
/// # Safety
/// As `kmo_wallet_apply`, with no `out_id`.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_quote(
    wallet: *const kmo_wallet,
    request: *const kmo_quote_request,
    out: *mut kmo_quote_result,
    out_findings: *mut *mut kmo_findings,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    // SAFETY: NULL means "not wanted"; otherwise writable under the contract.
    let findings = unsafe { findings_slot(out_findings) };
    ffi_boundary!(error out_error, {
        let wallet = try_ref!(wallet);
        let request = try_versioned!(request);
        let out = try_filled!(out);
        // SAFETY: the request's strings and lists are readable under the contract.
        let app = unsafe { crate::quote::application(&request) }?;
        let assessment = wallet
            .wallet
            .assess_with(&app, Detail::Numbers)
            .map_err(convert::c_error)?;
        out.write(crate::quote::c_counted(&assessment.counted()));
        give_findings(findings, &assessment.findings);
        Ok(())
    })
}

/// Assesses a JSON request against the wallet (after letting lapse what is overdue on its
/// date) and records it when eligible. The document is the JavaScript package's
/// `Wallet.apply` answer, `{"assessment": {...}, "id": n, "lapsed": [...], "recorded": b}`;
/// `*out_id` is the id (0 when not recorded), and `kmo_wallet_last_lapsed` gives `lapsed`
/// too. On refusal the status says why (`KMO_STATUS_INVALID_INPUT`, `KMO_STATUS_OUT_OF_ORDER`,
/// `KMO_STATUS_INVALID_UTF8`) and the document is the error document, its message in the
/// request's language; `*out_id` is 0.
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
        let wallet = try_mut!(wallet).changing();
        let request = try_bytes!(request, len);
        let out_id = try_out!(out_id);
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        let w = &mut wallet.wallet;
        let before = w.applications().len();
        let active: Vec<u32> = w
            .applications()
            .iter()
            .filter(|a| a.status.kind() == StatusKind::Active)
            .map(|a| a.id)
            .collect();
        out_id.write(0);
        let status = give_document(request, |text| wallet_apply_json(w, text), out_json, out_len);
        // An eligible request is recorded as the wallet's last application; the ones active
        // before and lapsed now are the answer's `lapsed` (none after a refusal).
        if w.applications().len() > before {
            out_id.write(w.applications().last().map_or(0, |a| a.id));
        }
        let lapsed = active
            .into_iter()
            .filter(|id| w.get(*id).is_some_and(|a| a.status.kind() == StatusKind::Lapsed))
            .collect();
        wallet.lapsed = lapsed;
        status
    }
}

/// Quotes intended requests (a JSON list of requests) in order, as if each were applied after
/// the ones before it and carried out (own shares paid on time), without recording them; what
/// is overdue on each one's date lapses in the plan, not in the wallet: `{"items":
/// [{"assessment", "better_next_year"}], "lapsed": [...], "years": [...], "years_before":
/// [...]}`, the JavaScript package's `Wallet.plan` answer; or `KMO_STATUS_INVALID_INPUT` (or
/// `KMO_STATUS_INVALID_UTF8`) **and** the error document, its path starting with the item's
/// index (`[2].service.cost`). Free `*out_json` with `kmo_string_free`.
///
/// # Safety
/// `wallet` must be a live wallet; `requests` must point to `len` readable bytes; `out_json`
/// and `out_len` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_plan_json(
    wallet: *const kmo_wallet,
    requests: *const c_char,
    len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_ref!(wallet);
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give_document(try_bytes!(requests, len), |text| wallet_plan_json(&wallet.wallet, text), out_json, out_len)
    }
}

/// Pays `amount_cents` of an application's own share on `date` (yyyymmdd), after letting lapse
/// what is overdue on that date. A payment after the deadline is not taken: the application has
/// lapsed, `KMO_STATUS_APPLICATION_ENDED` (the error's message says when, and what is refunded).
/// Refusals, each with its status and the wallet unchanged, at the parameter they are about
/// (`id`, `date`, `amount_cents`): `KMO_STATUS_UNKNOWN_APPLICATION`,
/// `KMO_STATUS_APPLICATION_ENDED`, `KMO_STATUS_BEFORE_APPLICATION`, `KMO_STATUS_ZERO_AMOUNT`,
/// `KMO_STATUS_OVERPAYMENT`; an invalid date or amount is `KMO_STATUS_INVALID_INPUT`.
///
/// # Safety
/// `wallet` must be a live wallet; `out` a `kmo_payment` whose `struct_size` is set;
/// `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_pay(
    wallet: *mut kmo_wallet,
    id: u32,
    date: i32,
    amount_cents: i64,
    out: *mut kmo_payment,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let wallet = try_mut!(wallet).changing();
        let out = try_filled!(out);
        let date = convert::date(date, "date")?;
        let amount = convert::money(amount_cents, "amount_cents")?;
        let paid = wallet.wallet.pay(id, date, amount).map_err(refused)?;
        out.write(c_payment(&paid));
        wallet.lapsed = paid.lapsed;
        Ok(())
    })
}

/// Releases `amount_cents` to the provider on `date`, after letting lapse what is overdue on
/// that date; `*out_available_cents` is what the wallet still holds for the application.
/// Refusals, each with its status and the wallet unchanged: `KMO_STATUS_UNKNOWN_APPLICATION`,
/// `KMO_STATUS_APPLICATION_ENDED` (stopped, or lapsed by `date`),
/// `KMO_STATUS_BEFORE_APPLICATION`, `KMO_STATUS_ZERO_AMOUNT`, `KMO_STATUS_OWN_SHARE_NOT_PAID`,
/// `KMO_STATUS_RELEASE_EXCEEDS_BALANCE`.
///
/// # Safety
/// `wallet` must be a live wallet; `out_available_cents` writable; `out_error` NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_release(
    wallet: *mut kmo_wallet,
    id: u32,
    date: i32,
    amount_cents: i64,
    out_available_cents: *mut i64,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let wallet = try_mut!(wallet).changing();
        let out_available_cents = try_out!(out_available_cents);
        let date = convert::date(date, "date")?;
        let amount = convert::money(amount_cents, "amount_cents")?;
        let released = wallet.wallet.release(id, date, amount).map_err(refused)?;
        out_available_cents.write(convert::c_cents(released.available));
        wallet.lapsed = released.lapsed;
        Ok(())
    })
}

/// Stops an application on `date` (yyyymmdd), after letting lapse what is overdue on that
/// date, and writes the settlement: the unused own share is refunded, the unused aid returns
/// to the year's budget only when stopped in the application's calendar year. Refusals:
/// `KMO_STATUS_UNKNOWN_APPLICATION`, `KMO_STATUS_APPLICATION_ENDED` (stopped, or lapsed by
/// `date`), `KMO_STATUS_BEFORE_APPLICATION`.
///
/// # Safety
/// `wallet` must be a live wallet; `out` a `kmo_settlement` whose `struct_size` is set;
/// `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_stop(
    wallet: *mut kmo_wallet,
    id: u32,
    date: i32,
    out: *mut kmo_settlement,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let wallet = try_mut!(wallet).changing();
        let out = try_filled!(out);
        let date = convert::date(date, "date")?;
        let stopped = wallet.wallet.stop(id, date).map_err(refused)?;
        out.write(c_settlement(stopped.settlement));
        wallet.lapsed = stopped.lapsed;
        Ok(())
    })
}

/// What the wallet holds for the application `id`; `KMO_STATUS_UNKNOWN_APPLICATION` when it
/// has none with that id.
///
/// # Safety
/// `wallet` must be a live wallet; `out` a `kmo_wallet_application` whose `struct_size` is
/// set; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_get(
    wallet: *const kmo_wallet,
    id: u32,
    out: *mut kmo_wallet_application,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let wallet = try_ref!(wallet);
        let out = try_filled!(out);
        let app = wallet
            .wallet
            .get(id)
            .ok_or(WalletError::UnknownApplication(id))
            .map_err(refused)?;
        out.write(c_wallet_application(app));
        Ok(())
    })
}

/// How many applications the wallet records.
///
/// # Safety
/// `wallet` must be a live wallet; `out_count` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_count(
    wallet: *const kmo_wallet,
    out_count: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_ref!(wallet);
        try_out!(out_count).write(wallet.wallet.applications().len());
        Ok(())
    }
}

/// The application at `index` (0 = the first recorded), for listing a wallet;
/// `KMO_STATUS_OUT_OF_RANGE` from `kmo_wallet_count` on.
///
/// # Safety
/// `wallet` must be a live wallet; `out` a `kmo_wallet_application` whose `struct_size` is
/// set.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_get_at(
    wallet: *const kmo_wallet,
    index: usize,
    out: *mut kmo_wallet_application,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_ref!(wallet);
        let out = try_filled!(out);
        let app = wallet.wallet.applications().get(index).ok_or(KMO_STATUS_OUT_OF_RANGE)?;
        out.write(c_wallet_application(app));
        Ok(())
    }
}

/// A calendar year of the wallet as recorded: the size class fixed by its first recorded
/// application, the ceiling for that class, the aid counted against it and what is left. An
/// application overdue but not yet lapsed by a call still counts: call
/// `kmo_wallet_lapse_overdue` first for the year as it stands on a date. A year outside
/// 1900–2199 (the years of the engine's dates, the rule for every year argument) is
/// `KMO_STATUS_INVALID_INPUT` (`INVALID_DATE` at `year`).
///
/// # Safety
/// `wallet` must be a live wallet; `out` a `kmo_year_budget` whose `struct_size` is set;
/// `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_year(
    wallet: *const kmo_wallet,
    year: i32,
    out: *mut kmo_year_budget,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let wallet = try_ref!(wallet);
        let out = try_filled!(out);
        let year = check_year(year).map_err(|e| e.at("year"))?;
        out.write(c_year_budget(wallet.wallet.year_budget(year)));
        Ok(())
    })
}

/// Lets every application whose own share is not paid in full by its deadline lapse, as of
/// `date` (yyyymmdd), each on the day after its deadline, and writes their ids, oldest first,
/// into `ids` (room for `capacity`; the wallet's `kmo_wallet_count` always suffices) and their
/// number into `*out_count`. When more lapse than `ids` has room for, the call is
/// `KMO_STATUS_BUFFER_TOO_SMALL`, `*out_count` is how many would lapse, and the wallet is
/// unchanged. An invalid date is `KMO_STATUS_INVALID_INPUT` (at `date`).
///
/// # Safety
/// `wallet` must be a live wallet; `ids` NULL (with a `capacity` of 0) or `capacity` writable
/// `uint32_t`s; `out_count` writable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_lapse_overdue(
    wallet: *mut kmo_wallet,
    date: i32,
    ids: *mut u32,
    capacity: usize,
    out_count: *mut usize,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let wallet = try_mut!(wallet).changing();
        let out_count = try_out!(out_count);
        let date = convert::date(date, "date")?;
        let mut after = wallet.wallet.clone();
        let lapsed = after.lapse_overdue(date).map_err(refused)?;
        // SAFETY: `ids` is NULL or `capacity` writable u32s under the contract.
        unsafe { give_ids(&lapsed, ids, capacity, out_count) }?;
        wallet.wallet = after;
        wallet.lapsed = lapsed;
        Ok(())
    })
}

/// The ids of the applications that the wallet's last call able to change it
/// (`kmo_wallet_apply`, `kmo_wallet_apply_json`, `kmo_wallet_pay`, `kmo_wallet_release`,
/// `kmo_wallet_stop`, `kmo_wallet_lapse_overdue`) let lapse before it answered — the `lapsed`
/// of the JSON answers, oldest first; none after a call that was refused (it changed nothing),
/// and none for a new wallet — as `sqlite3_changes` tells of the last statement. Written into `ids` (room for
/// `capacity`; the wallet's `kmo_wallet_count` always suffices), their number into
/// `*out_count`; with too little room, `KMO_STATUS_BUFFER_TOO_SMALL` and `*out_count` is how
/// many there are (`ids` NULL with a `capacity` of 0 asks only that).
///
/// # Safety
/// `wallet` must be a live wallet; `ids` NULL (with a `capacity` of 0) or `capacity` writable
/// `uint32_t`s; `out_count` writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_wallet_last_lapsed(
    wallet: *const kmo_wallet,
    ids: *mut u32,
    capacity: usize,
    out_count: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let wallet = try_ref!(wallet);
        let out_count = try_out!(out_count);
        // SAFETY: `ids` is NULL or `capacity` writable u32s under the contract.
        unsafe { give_ids(&wallet.lapsed, ids, capacity, out_count) }
    }
}

/// Writes `list` into the caller's `ids` and its length into `out_count`; with less room than
/// the list needs, `KMO_STATUS_BUFFER_TOO_SMALL` (the count written, no id). `ids` NULL with
/// room claimed (`capacity` above 0) is `KMO_STATUS_NULL_ARGUMENT`, nothing written, whether
/// or not there is an id to write.
///
/// # Safety
/// `ids` must be NULL or point to `capacity` writable `u32`s, distinct from `list`.
unsafe fn give_ids(
    list: &[u32],
    ids: *mut u32,
    capacity: usize,
    out_count: &mut std::mem::MaybeUninit<usize>,
) -> Result<(), kmo_status> {
    if ids.is_null() && capacity > 0 {
        return Err(KMO_STATUS_NULL_ARGUMENT);
    }
    out_count.write(list.len());
    if list.len() > capacity {
        return Err(KMO_STATUS_BUFFER_TOO_SMALL);
    }
    if !list.is_empty() {
        // SAFETY: non-NULL, and `capacity` ≥ list.len() writable u32s under the contract,
        // distinct from the library's list.
        unsafe { std::ptr::copy_nonoverlapping(list.as_ptr(), ids, list.len()) };
    }
    Ok(())
}

// ---- the wallet's values, converted ----------------------------------------------------

/// A settlement.
pub(crate) fn c_settlement(s: Settlement) -> kmo_settlement {
    kmo_settlement {
        struct_size: convert::size_of::<kmo_settlement>(),
        own_share_used_cents: c_cents(s.own_share_used),
        aid_used_cents: c_cents(s.aid_used),
        refund_cents: c_cents(s.refund),
        aid_returned_cents: c_cents(s.aid_returned),
    }
}

/// A payment's outcome (a payment after the deadline is refused with
/// `KMO_STATUS_APPLICATION_ENDED`: the application has lapsed).
pub(crate) fn c_payment(p: &Payment) -> kmo_payment {
    kmo_payment {
        struct_size: convert::size_of::<kmo_payment>(),
        due_cents: c_cents(p.due),
    }
}

/// What the wallet holds for one application.
pub(crate) fn c_wallet_application(a: &WalletApplication) -> kmo_wallet_application {
    let (ended_on, settlement) = match a.status {
        Status::Active => (None, None),
        Status::Stopped { on, settlement } | Status::Lapsed { on, settlement } => {
            (Some(on), Some(settlement))
        }
    };
    kmo_wallet_application {
        struct_size: convert::size_of::<kmo_wallet_application>(),
        id: a.id,
        application_date: c_date(a.application_date),
        status: a.status.kind().number(),
        ended_on: c_optional_date(ended_on),
        size_class: c_number(a.size_class),
        service_kind: c_number(a.service.as_ref().map(|s| s.kind)),
        rate_bp: a.rate.map_or(0, c_basis_points),
        pay_own_share_by: c_optional_date(a.pay_own_share_by),
        eligible_cost_cents: c_cents(a.eligible_cost),
        aid_cents: c_cents(a.aid),
        own_share_cents: c_cents(a.own_share),
        vat_cents: c_cents(a.vat),
        paid_cents: c_cents(a.paid()),
        released_cents: c_cents(a.released()),
        available_cents: c_cents(a.available()),
        aid_counted_cents: c_cents(a.aid_counted()),
        settlement: settlement.map_or(
            kmo_settlement {
                struct_size: convert::size_of::<kmo_settlement>(),
                own_share_used_cents: 0,
                aid_used_cents: 0,
                refund_cents: 0,
                aid_returned_cents: 0,
            },
            c_settlement,
        ),
    }
}

/// A year of the wallet.
pub(crate) fn c_year_budget(y: YearBudget) -> kmo_year_budget {
    kmo_year_budget {
        struct_size: convert::size_of::<kmo_year_budget>(),
        year: y.year,
        size_class: c_number(y.size_class),
        ceiling_cents: c_cents(y.ceiling),
        counted_cents: c_cents(y.counted),
        left_cents: c_cents(y.left),
    }
}
