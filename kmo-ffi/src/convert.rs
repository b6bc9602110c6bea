//! Every conversion between C values and core types, in one place.
//!
//! C → core: integers as C passes them (cents, yyyymmdd dates, thousandths of an annual work
//! unit, `uint32_t` enumeration values) become core types, or `KMO_STATUS_INVALID_INPUT`. The
//! checks are the core's: a face adds none of its own.
//!
//! Core → C: core types become the integers and `#[repr(C)]` structs of the header, and a core
//! error its status.

use std::ffi::c_char;

use kmo_core::quick::{QuickAnswer, QuickQuote};
use kmo_core::wallet::{Payment, Settlement, WalletError};
use kmo_core::{
    AnnualWorkUnits, Date, InputError, Money, Percent, Rulebook, ServiceKind, SizeClass, Subtheme,
    Theme,
};
use rust_decimal::Decimal;

use crate::kmo_status::{self, *};
use crate::{
    kmo_payment, kmo_quote_request, kmo_quote_result, kmo_rulebook, kmo_service_kind,
    kmo_settlement, kmo_size_class,
};

// ---- C → core -----------------------------------------------------------------------------

/// Refusal of a C value the core does not accept.
const INVALID: kmo_status = KMO_STATUS_INVALID_INPUT;

/// A `yyyymmdd` date that exists.
pub(crate) fn date(yyyymmdd: i32) -> Result<Date, kmo_status> {
    let value = u32::try_from(yyyymmdd).map_err(|_| INVALID)?;
    kmo_core::units::date_from_yyyymmdd(value).ok_or(INVALID)
}

/// A `yyyymmdd` date, or 0 for none.
pub(crate) fn optional_date(yyyymmdd: i32) -> Result<Option<Date>, kmo_status> {
    match yyyymmdd {
        0 => Ok(None),
        d => date(d).map(Some),
    }
}

/// An amount in cents, within the core's range.
pub(crate) fn money(cents: i64) -> Result<Money, kmo_status> {
    Money::from_decimal(Decimal::new(cents, 2)).ok_or(INVALID)
}

/// Staff in thousandths of an annual work unit (9.99 AWU = 9990).
pub(crate) fn staff(awu_milli: i64) -> Result<AnnualWorkUnits, kmo_status> {
    AnnualWorkUnits::from_decimal(Decimal::new(awu_milli, 3)).map_err(|e| input_status(&e))
}

/// The item at a `uint32_t` index of a core list, or `KMO_STATUS_INVALID_INPUT`.
fn nth<T: Copy>(all: &[T], value: u32) -> Result<T, kmo_status> {
    let index = usize::try_from(value).map_err(|_| INVALID)?;
    all.get(index).copied().ok_or(INVALID)
}

/// A `kmo_size_class` value.
pub(crate) fn size_class(value: u32) -> Result<SizeClass, kmo_status> {
    nth(&SizeClass::ALL, value)
}

/// A `kmo_service_kind` value.
pub(crate) fn service_kind(value: u32) -> Result<ServiceKind, kmo_status> {
    nth(ServiceKind::ALL, value)
}

/// A `kmo_theme` value (`KMO_THEME_NONE` is none).
pub(crate) fn theme(value: u32) -> Result<Option<Theme>, kmo_status> {
    match value.checked_sub(1) {
        None => Ok(None),
        Some(index) => nth(Theme::ALL, index).map(Some),
    }
}

/// A `kmo_subtheme` value (`KMO_SUBTHEME_NONE` is none).
pub(crate) fn subtheme(value: u32) -> Result<Option<Subtheme>, kmo_status> {
    match value.checked_sub(1) {
        None => Ok(None),
        Some(index) => nth(Subtheme::ALL, index).map(Some),
    }
}

/// A quick-quote question, with the same ranges as the JSON document.
pub(crate) fn quick_quote(r: &kmo_quote_request) -> Result<QuickQuote, kmo_status> {
    let question = QuickQuote {
        application_date: date(r.application_date)?,
        size_class: size_class(r.size_class)?,
        kind: service_kind(r.service_kind)?,
        theme: theme(r.theme)?,
        subtheme: subtheme(r.subtheme)?,
        start_date: optional_date(r.start_date)?,
        cost_cents: r.cost_cents,
        aid_used_cents: r.aid_used_cents,
        vat_rate_bp: r.vat_rate_bp,
    };
    if question.is_valid() {
        Ok(question)
    } else {
        Err(INVALID)
    }
}

// ---- core → C -----------------------------------------------------------------------------

/// A date as `yyyymmdd`.
pub(crate) fn c_date(date: Date) -> i32 {
    // Years 1900–2199 (and the deadlines a few years after): far inside an i32.
    i32::try_from(kmo_core::units::yyyymmdd(date)).unwrap_or(i32::MAX)
}

/// An optional date as `yyyymmdd`, 0 for none.
pub(crate) fn c_optional_date(date: Option<Date>) -> i32 {
    date.map_or(0, c_date)
}

/// An amount in cents (every amount the core produces fits).
pub(crate) fn c_cents(m: Money) -> i64 {
    m.cents().unwrap_or(i64::MAX)
}

/// A percentage in basis points.
pub(crate) fn c_basis_points(p: Percent) -> u32 {
    p.basis_points().unwrap_or(0)
}

/// A size class.
pub(crate) fn c_size_class(c: SizeClass) -> kmo_size_class {
    match c {
        SizeClass::Micro => kmo_size_class::KMO_SIZE_MICRO,
        SizeClass::Small => kmo_size_class::KMO_SIZE_SMALL,
        SizeClass::Medium => kmo_size_class::KMO_SIZE_MEDIUM,
        SizeClass::Large => kmo_size_class::KMO_SIZE_LARGE,
    }
}

/// A service kind.
pub(crate) fn c_service_kind(k: ServiceKind) -> kmo_service_kind {
    match k {
        ServiceKind::Training => kmo_service_kind::KMO_SERVICE_TRAINING,
        ServiceKind::Advice => kmo_service_kind::KMO_SERVICE_ADVICE,
    }
}

/// A quick quote's answer, with the question it answers.
pub(crate) fn c_quote_result(question: &QuickQuote, a: &QuickAnswer) -> kmo_quote_result {
    let mut first_blocking = [0 as c_char; 48];
    if let Some(code) = a.blocking.codes().next() {
        // Codes are ASCII and short; the last byte stays NUL.
        for (slot, b) in first_blocking
            .iter_mut()
            .zip(code.as_str().bytes().take(47))
        {
            *slot = b as c_char;
        }
    }
    let due = a.deadlines;
    kmo_quote_result {
        eligible: a.eligible(),
        size_class: c_size_class(question.size_class),
        rate_bp: a.rate_bp,
        eligible_cost_cents: question.cost_cents,
        aid_cents: a.aid_cents,
        own_share_cents: a.own_share_cents,
        vat_cents: a.vat_cents,
        ceiling_cents: a.ceiling_cents,
        ceiling_left_cents: a.ceiling_left_cents,
        capped: a.capped,
        apply_by: c_optional_date(due.and_then(|d| d.apply_by)),
        pay_own_share_by: c_optional_date(due.and_then(|d| d.pay_own_share_by)),
        complete_by: c_optional_date(due.map(|d| d.complete_by)),
        blocking_count: u32::try_from(a.blocking.len()).unwrap_or(u32::MAX),
        first_blocking,
    }
}

/// A rulebook edition, numerically.
pub(crate) fn c_rulebook(b: &Rulebook) -> kmo_rulebook {
    let training_uplift = |s| {
        b.uplift(s, ServiceKind::Training)
            .map_or(0, |u| u32::from(u.points) * 100)
    };
    kmo_rulebook {
        valid_from: c_date(b.valid_from),
        small_rate_bp: c_basis_points(b.rates.small),
        medium_rate_bp: c_basis_points(b.rates.medium),
        cybersecurity_uplift_bp: training_uplift(Subtheme::Cybersecurity),
        energy_uplift_bp: training_uplift(Subtheme::EnergyEfficiency),
        minimum_training_cents: c_cents(b.minimums.training),
        minimum_advice_cents: c_cents(b.minimums.advice),
        themes_required: b.themes_required.is_some(),
        advice_only_cybersecurity: b.advice_only_cybersecurity.is_some(),
    }
}

/// A payment's outcome.
pub(crate) fn c_payment(p: Payment) -> kmo_payment {
    match p {
        Payment::Accepted { due } => kmo_payment {
            lapsed: false,
            due_cents: c_cents(due),
            refund_cents: 0,
        },
        Payment::Lapsed(s) => kmo_payment {
            lapsed: true,
            due_cents: 0,
            refund_cents: c_cents(s.refund),
        },
    }
}

/// A settlement.
pub(crate) fn c_settlement(s: Settlement) -> kmo_settlement {
    kmo_settlement {
        own_share_used_cents: c_cents(s.own_share_used),
        aid_used_cents: c_cents(s.aid_used),
        refund_cents: c_cents(s.refund),
        aid_returned_cents: c_cents(s.aid_returned),
    }
}

/// The status of input the core refused (its error document says which field and why).
pub(crate) fn input_status(_: &InputError) -> kmo_status {
    KMO_STATUS_INVALID_INPUT
}

/// The status of a wallet refusal.
pub(crate) fn wallet_status(e: WalletError) -> kmo_status {
    match e {
        WalletError::UnknownApplication(_) => KMO_STATUS_UNKNOWN_APPLICATION,
        WalletError::Invalid(_) => KMO_STATUS_INVALID_INPUT,
        _ => KMO_STATUS_WALLET_REFUSED,
    }
}
