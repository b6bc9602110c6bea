//! One period's figures (staff, a ready AWU figure or a staff list, turnover, balance sheet)
//! and the keys of the size's forms: read alike in a request's `enterprise.size` and in the
//! full form's periods and entities (`definition.rs`).

use super::fields::{array, awu, bounded_number_shown, code, decimal_text, items, money, Obj};
use super::reader::Node;
use crate::coded::StaffRole;
use crate::error::{clip, InputError, InputErrorCode as E};
use crate::sme::headcount::{annual_work_units, StaffMember, MONTHS_IN_YEAR};
use crate::sme::{AnnualWorkUnits, Figures};
use crate::units::parse_plain_decimal;

/// Keys of the full SME form (besides the figures of a single period).
pub(super) const FULL_FORM: [&str; 9] = [
    "periods",
    "entities",
    "holdings",
    "controls",
    "prior_class",
    "ownership_change",
    "id",
    "consolidates",
    "market",
];
/// Keys of the simple form: one period's figures, then whether they are a bona fide estimate
/// (`estimate: true` reads them as the full form's single period).
pub(super) const SIMPLE_FORM: [&str; 5] = [
    "staff_awu",
    "staff",
    "turnover",
    "balance_sheet",
    "estimate",
];
/// Keys of one period's figures: the simple form's, without `estimate`.
pub(super) const FIGURES: &[&str] = SIMPLE_FORM.split_at(4).0;

/// Staff (a ready AWU figure or a staff list), turnover and balance sheet of one period.
pub(super) fn figures(o: &Obj<'_>) -> Result<Figures, InputError> {
    let staff = match (o.has("staff_awu"), o.has("staff")) {
        (true, true) => {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child("staff"),
                "err_staff_awu_or_list",
                vec![],
            ))
        }
        (false, true) => staff_list(o)?,
        _ => o.req("staff_awu", awu)?,
    };
    Ok(Figures {
        staff,
        turnover: o.req("turnover", money)?,
        balance_sheet: o.req("balance_sheet", money)?,
    })
}

fn staff_list(o: &Obj<'_>) -> Result<AnnualWorkUnits, InputError> {
    let list = o.req("staff", array)?;
    let members = items(list, |i, item| {
        let m = o.item(item, "staff", i)?;
        let mut member =
            StaffMember::full_time(m.req("role", |v, p| code(v, p, StaffRole::parse))?);
        if let Some(t) = m.opt("fte", |v, p| decimal_text(v, p, "a fraction"))? {
            member.fte = parse_plain_decimal(&t).ok_or_else(|| {
                InputError::new(
                    E::InvalidNumber,
                    m.child("fte"),
                    "err_fte_range",
                    vec![clip(&t).into()],
                )
            })?;
        }
        if let Some(n) = m.opt("months", month_count)? {
            member.months = n;
        }
        if let Some(n) = m.opt("leave_months", month_count)? {
            member.leave_months = n;
        }
        Ok(member)
    })?;
    annual_work_units(&members).map_err(|e| e.under(&o.child("staff")))
}

/// A number of months: a whole number that fits the type; the staff member's own check
/// keeps it to 0–12 (`err_months_range`, as the typed door says), and a value that is not a
/// whole number, or does not fit, is refused naming that range, 0–12, not the type's.
fn month_count(v: &Node<'_>, path: &str) -> Result<u8, InputError> {
    let shown = u32::from(MONTHS_IN_YEAR);
    // At most u8::MAX (bounded_number_shown).
    Ok(u8::try_from(bounded_number_shown(v, path, u8::MAX.into(), shown)?).unwrap_or(u8::MAX))
}
