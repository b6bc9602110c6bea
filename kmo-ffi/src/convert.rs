//! Every conversion between C values and core types, in one place.
//!
//! C → core: integers as C passes them (cents, basis points, yyyymmdd dates, thousandths of an
//! annual work unit, the core's numbers of coded values) become core types, or the core's own
//! [`InputError`] for the value, located at the C field (`cost_cents`). The checks are the
//! core's: a face adds none of its own.
//!
//! Core → C: core types become the integers and `#[repr(C)]` structs of the header, and a
//! document its status.

use kmo_core::quick::{Blocking, QuickAnswer, QuickQuestion, QuickQuote};
use kmo_core::units::{date_from_number, yyyymmdd};
use kmo_core::wallet::{Payment, Settlement, Status, WalletApplication, YearBudget};
use kmo_core::{
    AnnualWorkUnits, Assessment, Date, DeadlineSet, InputError, Money, OwnShareDeadline, Percent,
    Rulebook, ServiceKind, SizeClass, Subtheme, Theme,
};
use rust_decimal::Decimal;

use crate::codes::Coded;
use crate::kmo_status::{self, *};
use crate::quote::KMO_VAT_RATE_DEFAULT;
use crate::{
    kmo_payment, kmo_quote_request, kmo_quote_result, kmo_rulebook, kmo_service_kind,
    kmo_settlement, kmo_wallet_application, kmo_year_budget,
};

// ---- C → core -----------------------------------------------------------------------------

/// A `yyyymmdd` date that exists in the years the engine accepts, or the core's reason why not,
/// at `path`.
pub(crate) fn date(yyyymmdd: i32, path: &str) -> Result<Date, InputError> {
    date_from_number(yyyymmdd).map_err(|e| e.at(path))
}

/// A `yyyymmdd` date, or 0 for none.
pub(crate) fn optional_date(yyyymmdd: i32, path: &str) -> Result<Option<Date>, InputError> {
    match yyyymmdd {
        0 => Ok(None),
        d => date(d, path).map(Some),
    }
}

/// An amount in cents, within the core's range.
pub(crate) fn money(cents: i64, path: &str) -> Result<Money, InputError> {
    Money::from_cents(cents).map_err(|e| e.at(path))
}

/// A percentage in basis points (2100 = 21 %).
pub(crate) fn basis_points(bp: u32, path: &str) -> Result<Percent, InputError> {
    Percent::from_basis_points(bp).map_err(|e| e.at(path))
}

/// Staff in thousandths of an annual work unit (9.99 AWU = 9990).
pub(crate) fn staff(awu_milli: i64, path: &str) -> Result<AnnualWorkUnits, InputError> {
    AnnualWorkUnits::from_decimal(Decimal::new(awu_milli, 3)).map_err(|e| e.at(path))
}

/// The coded value with the core's `number`, or the core's `UNKNOWN_CODE` error for it (its
/// message lists the codes of the list).
pub(crate) fn coded<T: Coded>(number: u32, path: &str) -> Result<T, InputError> {
    match T::from_number(number) {
        Some(value) => Ok(value),
        None => T::read(&number.to_string()).map_err(|e| e.at(path)),
    }
}

/// A coded value, or 0 for none.
pub(crate) fn optional_coded<T: Coded>(number: u32, path: &str) -> Result<Option<T>, InputError> {
    match number {
        0 => Ok(None),
        n => coded(n, path).map(Some),
    }
}

/// A quick-quote question: the same checks and codes as the JSON question, at the C fields.
pub(crate) fn quick_quote(r: &kmo_quote_request) -> Result<QuickQuote, InputError> {
    let mut question = QuickQuestion::new(
        date(r.application_date, "application_date")?,
        coded::<SizeClass>(r.size_class, "size_class")?,
        coded::<ServiceKind>(r.service_kind, "service_kind")?,
        money(r.cost_cents, "cost_cents")?,
    );
    question.theme = optional_coded::<Theme>(r.theme, "theme")?;
    question.subtheme = optional_coded::<Subtheme>(r.subtheme, "subtheme")?;
    question.start_date = optional_date(r.start_date, "start_date")?;
    question.aid_used = money(r.aid_used_cents, "aid_used_cents")?;
    if r.vat_rate_bp != KMO_VAT_RATE_DEFAULT {
        question.vat_rate = basis_points(r.vat_rate_bp, "vat_rate_bp")?;
    }
    if let Some(policy) =
        optional_coded::<OwnShareDeadline>(r.own_share_deadline, "own_share_deadline")?
    {
        question.own_share_deadline = policy;
    }
    question.approval_date = optional_date(r.approval_date, "approval_date")?;
    question.check()
}

// ---- core → C -----------------------------------------------------------------------------

/// A date as `yyyymmdd`.
pub(crate) fn c_date(date: Date) -> i32 {
    // Years 1900–2199 (and the deadlines a few years after): far inside an i32.
    i32::try_from(yyyymmdd(date)).unwrap_or(i32::MAX)
}

/// An optional date as `yyyymmdd`, 0 for none.
pub(crate) fn c_optional_date(date: Option<Date>) -> i32 {
    date.map_or(0, c_date)
}

/// An amount in cents.
pub(crate) fn c_cents(m: Money) -> i64 {
    m.cents()
}

/// A percentage in basis points (every rate of the engine is a whole number of them).
pub(crate) fn c_basis_points(p: Percent) -> u32 {
    p.basis_points().unwrap_or(0)
}

/// A coded value's number, 0 for none.
pub(crate) fn c_number<T: Coded>(value: Option<T>) -> u32 {
    value.map_or(0, T::number)
}

/// A service kind, for a `kmo_service_kind` out-parameter.
pub(crate) fn c_service_kind(k: ServiceKind) -> kmo_service_kind {
    [
        kmo_service_kind::KMO_SERVICE_TRAINING,
        kmo_service_kind::KMO_SERVICE_ADVICE,
    ]
    .into_iter()
    .find(|c| *c as u32 == k.number())
    .unwrap_or(kmo_service_kind::KMO_SERVICE_NONE)
}

/// The answer of a quote, from its parts.
#[allow(clippy::too_many_arguments)]
fn c_quote(
    class: SizeClass,
    rate: u32,
    amounts: [i64; 6],
    capped: bool,
    deadlines: Option<DeadlineSet>,
    blocking: Blocking,
) -> kmo_quote_result {
    let [eligible_cost, aid, own_share, vat, ceiling, ceiling_left] = amounts;
    kmo_quote_result {
        eligible: blocking.is_empty(),
        capped,
        size_class: class.number(),
        rate_bp: rate,
        // At most 64 codes.
        blocking_count: u32::try_from(blocking.len()).unwrap_or(u32::MAX),
        first_blocking: c_number(blocking.codes().next()),
        blocking: blocking.bits(),
        eligible_cost_cents: eligible_cost,
        aid_cents: aid,
        own_share_cents: own_share,
        vat_cents: vat,
        ceiling_cents: ceiling,
        ceiling_left_cents: ceiling_left,
        apply_by: c_optional_date(deadlines.and_then(|d| d.apply_by)),
        pay_own_share_by: c_optional_date(deadlines.and_then(|d| d.pay_own_share_by)),
        complete_by: c_optional_date(deadlines.map(|d| d.complete_by)),
    }
}

/// A quick quote's answer.
pub(crate) fn c_quick_answer(question: &QuickQuote, a: &QuickAnswer) -> kmo_quote_result {
    c_quote(
        question.size_class(),
        a.rate_bp,
        [
            a.eligible_cost_cents,
            a.aid_cents,
            a.own_share_cents,
            a.vat_cents,
            a.ceiling_cents,
            a.ceiling_left_cents,
        ],
        a.capped,
        a.deadlines,
        a.blocking,
    )
}

/// An assessment's numbers, as a quote's answer.
pub(crate) fn c_assessment(a: &Assessment) -> kmo_quote_result {
    c_quote(
        a.size_class,
        c_basis_points(a.rate),
        [
            a.eligible_cost,
            a.aid,
            a.own_share,
            a.vat,
            a.ceiling,
            a.ceiling_left,
        ]
        .map(c_cents),
        a.capped,
        Some(a.deadlines),
        a.blocking().map(|f| f.code).collect(),
    )
}

/// A rulebook edition, numerically.
pub(crate) fn c_rulebook(b: &Rulebook) -> kmo_rulebook {
    let uplift = |s, k| b.uplift(s, k).map_or(0, |u| u32::from(u.points) * 100);
    kmo_rulebook {
        valid_from: c_date(b.valid_from),
        small_rate_bp: c_basis_points(b.rates.small),
        medium_rate_bp: c_basis_points(b.rates.medium),
        cybersecurity_training_uplift_bp: uplift(Subtheme::Cybersecurity, ServiceKind::Training),
        cybersecurity_advice_uplift_bp: uplift(Subtheme::Cybersecurity, ServiceKind::Advice),
        energy_training_uplift_bp: uplift(Subtheme::EnergyEfficiency, ServiceKind::Training),
        energy_advice_uplift_bp: uplift(Subtheme::EnergyEfficiency, ServiceKind::Advice),
        minimum_training_cents: c_cents(b.minimums.training),
        minimum_advice_cents: c_cents(b.minimums.advice),
        themes_required: b.themes_required.is_some(),
        advice_only_cybersecurity: b.advice_only_cybersecurity.is_some(),
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

/// A payment's outcome (a payment after the deadline is refused with
/// `KMO_STATUS_APPLICATION_ENDED`: the application has lapsed; `lapsed` stays false).
pub(crate) fn c_payment(p: Payment) -> kmo_payment {
    kmo_payment {
        lapsed: false,
        due_cents: c_cents(p.due),
        refund_cents: 0,
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
        year: y.year,
        size_class: c_number(y.size_class),
        ceiling_cents: c_cents(y.ceiling),
        counted_cents: c_cents(y.counted),
        left_cents: c_cents(y.left),
    }
}

/// The status of a document the core wrote: `KMO_STATUS_OK` for an answer, the status of the
/// error's code for the error document `{"error":{"code":"…",…}}` (the core writes the code
/// first).
pub(crate) fn document_status(document: &str) -> kmo_status {
    const ERROR: &str = "{\"error\":{\"code\":\"";
    match document.strip_prefix(ERROR) {
        None => KMO_STATUS_OK,
        Some(rest) => kmo_status::of_code(rest.split('"').next().unwrap_or("")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kmo_core::InputErrorCode;

    #[test]
    fn dates_are_refused_with_the_cores_reason() {
        assert_eq!(c_date(date(20260310, "d").unwrap()), 20260310);
        for (n, key) in [
            (20260230, "err_date_missing"),
            (22000101, "err_date_years"),
            (18991231, "err_date_years"),
            (20261301, "err_date_month"),
            (0, "err_date_years"),
            (-20260310, "err_date_shape"),
            (i32::MAX, "err_date_shape"),
            (i32::MIN, "err_date_shape"),
        ] {
            let e = date(n, "start_date").unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str(), e.message_key()),
                (InputErrorCode::InvalidDate, "start_date", key),
                "{n}"
            );
        }
    }

    #[test]
    fn unknown_numbers_are_unknown_codes() {
        assert_eq!(
            coded::<SizeClass>(2, "size_class").unwrap(),
            SizeClass::Small
        );
        let e = coded::<SizeClass>(0, "size_class").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (InputErrorCode::UnknownCode, "size_class")
        );
        assert!(e.message(kmo_core::Lang::En).contains("medium"));
        assert_eq!(optional_coded::<Theme>(0, "theme").unwrap(), None);
        assert!(optional_coded::<Theme>(9, "theme").is_err());
    }

    #[test]
    fn documents_give_their_status() {
        assert_eq!(document_status("{\"aid\":\"1.00\"}"), KMO_STATUS_OK);
        assert_eq!(
            document_status(r#"{"error":{"code":"OUT_OF_ORDER","message":"x","path":"date"}}"#),
            KMO_STATUS_OUT_OF_ORDER
        );
        assert_eq!(
            document_status(r#"{"error":{"code":"NEGATIVE_AMOUNT","message":"x","path":""}}"#),
            KMO_STATUS_INVALID_INPUT
        );
    }
}
