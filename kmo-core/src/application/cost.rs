//! The cost of the service as the question gives it: one amount or invoice lines, and the
//! checks a cost passes before the eligible-cost rules (`kmo/cost.rs`) sort it.

use crate::coded::{CostLineKind, ServiceKind};
use crate::error::{InputError, InputErrorCode};
use crate::units::Money;

/// One invoice line, excluding VAT.
///
/// ```
/// use kmo_core::{CostLine, CostLineKind, Money};
/// let lunch = CostLine { persons: Some(8), days: Some(2), ..CostLine::new(CostLineKind::Catering, Money::from_euro(500)) };
/// assert_eq!(lunch.persons, Some(8));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostLine {
    /// What the line is for.
    pub kind: CostLineKind,
    /// The amount excluding VAT.
    pub amount: Money,
    /// Catering: the number of persons.
    pub persons: Option<u32>,
    /// Catering: the number of days.
    pub days: Option<u32>,
    /// Invoiced separately from the training or advice (then catering and travel are not
    /// eligible).
    pub separately_invoiced: bool,
    /// Material: used exclusively in the training (default true).
    pub exclusive_use: bool,
}

impl CostLine {
    /// A line of `kind` for `amount`, invoiced with the service, material used exclusively.
    pub fn new(kind: CostLineKind, amount: Money) -> CostLine {
        CostLine {
            kind,
            amount,
            persons: None,
            days: None,
            separately_invoiced: false,
            exclusive_use: true,
        }
    }
}

/// The cost of the service: one amount, or invoice lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CostInput {
    /// A single amount excluding VAT, all of it eligible.
    Amount(Money),
    /// Invoice lines, sorted by the eligible-cost rules.
    Lines(Vec<CostLine>),
}

/// The most persons or days a catering line may give (as the JSON document's whole numbers).
pub const MAX_COUNT: u32 = 1_000_000;

/// Checks the cost of a service of `kind` before its rules are applied: invoice lines are
/// given (at least one), a training's catering line says for how many persons and days (the
/// cap is per person per day), counts are at most [`MAX_COUNT`], and the amounts together are
/// at most [`Money::MAX`]. Error paths are relative to the service (`lines[1].persons`).
///
/// # Errors
///
/// `MISSING_FIELD`, `INVALID_NUMBER` or `AMOUNT_OUT_OF_RANGE`, at the field.
///
/// ```
/// use kmo_core::{CostInput, CostLine, CostLineKind, Money, ServiceKind};
/// use kmo_core::rules::check_cost;
/// let lunch = CostLine::new(CostLineKind::Catering, Money::from_euro(200));
/// let err = check_cost(ServiceKind::Training, &CostInput::Lines(vec![lunch])).unwrap_err();
/// assert_eq!(err.path, "lines[0].persons");
/// ```
#[inline]
pub fn check_cost(kind: ServiceKind, cost: &CostInput) -> Result<(), InputError> {
    match cost {
        CostInput::Lines(lines) => check_lines(kind, lines),
        // An amount is checked where it is built.
        CostInput::Amount(_) => Ok(()),
    }
}

/// [`check_cost`] of invoice lines.
#[inline(never)]
fn check_lines(kind: ServiceKind, lines: &[CostLine]) -> Result<(), InputError> {
    if lines.is_empty() {
        return Err(InputError::new(
            InputErrorCode::MissingField,
            "lines",
            "err_no_lines",
            vec![],
        ));
    }
    for (i, line) in lines.iter().enumerate() {
        let counted = line.kind == CostLineKind::Catering && kind == ServiceKind::Training;
        for (field, count) in [("persons", line.persons), ("days", line.days)] {
            match count {
                None if counted => {
                    return Err(InputError::new(
                        InputErrorCode::MissingField,
                        crate::units::index_field_path("lines", i, field),
                        "err_catering_count",
                        vec![field.into()],
                    ))
                }
                Some(n) if n > MAX_COUNT => {
                    return Err(InputError::new(
                        InputErrorCode::InvalidNumber,
                        crate::units::index_field_path("lines", i, field),
                        "err_whole_number_range",
                        vec![n.to_string().into(), MAX_COUNT.to_string().into()],
                    ))
                }
                _ => {}
            }
        }
    }
    if Money::checked_sum(lines.iter().map(|l| l.amount)).is_none() {
        return Err(InputError::new(
            InputErrorCode::AmountOutOfRange,
            "lines",
            "err_total_too_large",
            vec![],
        ));
    }
    Ok(())
}
