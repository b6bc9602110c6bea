//! Art. 5 of the Annex: the staff headcount in annual work units (AWU).
//!
//! Counted: employees, persons subordinated to the enterprise and deemed employees under
//! national law, owner-managers, partners in a regular activity who benefit financially.
//! Not counted: apprentices and students with a vocational-training contract, and the duration
//! of maternity or parental leave. Part-time, part-year and seasonal work count as fractions.
//! For the kmo-portefeuille, temporary agency staff are not counted (VLAIO).

use rust_decimal::Decimal;

pub use crate::coded::StaffRole;
use crate::error::{ErrorArg, InputError, InputErrorCode};
use crate::sme::thresholds::AnnualWorkUnits;
use crate::units::decimal_string;

impl StaffRole {
    /// Whether art. 5 (and the kmo-portefeuille's practice for agency staff) counts this role.
    pub fn is_counted(self) -> bool {
        matches!(
            self,
            StaffRole::Employee
                | StaffRole::DeemedEmployee
                | StaffRole::OwnerManager
                | StaffRole::ActivePartner
        )
    }
}

/// The most months a staff member can work in a year (a staff list's `months` is 0–12).
pub const MONTHS_IN_YEAR: u8 = 12;

/// The most decimals of a staff member's working-time fraction (`fte`).
const FTE_DECIMALS: u32 = 4;

/// A staff member's number of months (`months`, `leave_months`) given as a wider number (the C
/// face's `uint32_t`): the number when it fits the member's byte, the member's own check
/// ([`StaffMember::validate`]) keeping it to 0–12.
///
/// # Errors
///
/// Past a byte, `INVALID_NUMBER` showing the number given and naming the range 0–12, as the
/// document refuses `"months": 268`; the caller adds the path.
///
/// ```
/// use kmo_core::sme::headcount::months_given;
/// use kmo_core::Lang;
/// assert_eq!(months_given(13), Ok(13));
/// assert_eq!(months_given(268).unwrap_err().message(Lang::En), "`268` is not a whole number 0–12");
/// ```
pub fn months_given(n: u32) -> Result<u8, InputError> {
    u8::try_from(n).map_err(|_| {
        InputError::new(
            InputErrorCode::InvalidNumber,
            "",
            "err_whole_number_range",
            vec![
                n.to_string().into(),
                u32::from(MONTHS_IN_YEAR).to_string().into(),
            ],
        )
    })
}

/// One person (or one post) on the staff list for the reference year.
///
/// ```
/// use kmo_core::sme::headcount::{StaffMember, StaffRole};
/// use rust_decimal::Decimal;
/// let half_time_half_year = StaffMember { fte: Decimal::new(5, 1), months: 6, leave_months: 0, ..StaffMember::full_time(StaffRole::Employee) };
/// assert_eq!(half_time_half_year.annual_work_units(), Decimal::new(25, 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffMember {
    /// The role.
    pub role: StaffRole,
    /// The working-time fraction (1 = full time).
    pub fte: Decimal,
    /// Months worked in the reference year (0–12).
    pub months: u8,
    /// Months of maternity or parental leave within those months (not counted).
    pub leave_months: u8,
}

impl StaffMember {
    /// A full-time member for the whole year.
    pub fn full_time(role: StaffRole) -> StaffMember {
        StaffMember {
            role,
            fte: Decimal::ONE,
            months: 12,
            leave_months: 0,
        }
    }

    /// Checks the fractions: fte in 0–1 with at most four decimals, months 0–12, leave not
    /// above the months worked.
    pub fn validate(&self) -> Result<(), InputError> {
        let bad = |field: &str, key: &'static str, details: Vec<ErrorArg>| {
            InputError::new(InputErrorCode::InvalidNumber, field, key, details)
        };
        if self.fte.is_sign_negative()
            || self.fte > Decimal::ONE
            || self.fte.normalize().scale() > FTE_DECIMALS
        {
            return Err(bad(
                "fte",
                "err_fte_range",
                vec![decimal_string(self.fte.normalize()).into()],
            ));
        }
        if self.months > MONTHS_IN_YEAR {
            return Err(bad(
                "months",
                "err_months_range",
                vec![self.months.to_string().into()],
            ));
        }
        if self.leave_months > self.months {
            return Err(bad(
                "leave_months",
                "err_leave_months",
                vec![
                    self.leave_months.to_string().into(),
                    self.months.to_string().into(),
                ],
            ));
        }
        Ok(())
    }

    /// This member's AWU: fte × (months − leave) / 12, or 0 for a role that is not counted.
    pub fn annual_work_units(&self) -> Decimal {
        if !self.role.is_counted() {
            return Decimal::ZERO;
        }
        let months = Decimal::from(self.months.saturating_sub(self.leave_months));
        self.fte * months / Decimal::from(12)
    }
}

/// The staff headcount of a list, in AWU (REC-2003/361 art. 5): the months worked, each
/// weighted by its working-time fraction, added up exactly and divided by twelve once (rounded
/// once, to 28 digits, where a year's twelfths do not end: two thirds of a year is 0.666…7).
///
/// ```
/// use kmo_core::sme::headcount::{annual_work_units, StaffMember, StaffRole};
/// let staff = [
///     StaffMember::full_time(StaffRole::OwnerManager),
///     StaffMember::full_time(StaffRole::Apprentice),
///     StaffMember { leave_months: 4, ..StaffMember::full_time(StaffRole::Employee) },
/// ];
/// assert_eq!(annual_work_units(&staff).unwrap().to_string(), "1.6666666666666666666666666667");
/// ```
pub fn annual_work_units(staff: &[StaffMember]) -> Result<AnnualWorkUnits, InputError> {
    for (i, member) in staff.iter().enumerate() {
        member
            .validate()
            .map_err(|e| e.under(&crate::units::index_path("", i)))?;
    }
    // fte × months is exact (four decimals); only the division by twelve may round.
    let month_units: Decimal = staff
        .iter()
        .filter(|m| m.role.is_counted())
        .map(|m| m.fte * Decimal::from(m.months.saturating_sub(m.leave_months)))
        .sum();
    AnnualWorkUnits::from_exact(month_units / Decimal::from(12))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sixty people for ten months each are fifty annual work units, exactly: the months are
    /// added up before the division by twelve (each member's 0.8333… rounded first would add up
    /// to 49.999…98, a small enterprise instead of a medium one).
    #[test]
    fn the_count_rounds_once() {
        let staff = vec![
            StaffMember {
                months: 10,
                ..StaffMember::full_time(StaffRole::Employee)
            };
            60
        ];
        assert_eq!(
            annual_work_units(&staff).unwrap().as_decimal(),
            Decimal::from(50)
        );
        let rounded_each: Decimal = staff.iter().map(StaffMember::annual_work_units).sum();
        assert!(rounded_each < Decimal::from(50));
    }

    #[test]
    fn validation_edges() {
        let m = |fte: Decimal, months: u8, leave_months: u8| StaffMember {
            role: StaffRole::Employee,
            fte,
            months,
            leave_months,
        };
        assert!(m(Decimal::ONE, 12, 12).validate().is_ok());
        assert!(m(Decimal::ONE, 13, 0).validate().is_err());
        assert!(m(Decimal::ONE, 6, 7).validate().is_err());
        assert!(m(Decimal::ONE, 6, 6).validate().is_ok());
        assert!(m(Decimal::new(10001, 4), 12, 0).validate().is_err());
        assert!(m(Decimal::new(-1, 4), 12, 0).validate().is_err());
        assert!(m(Decimal::new(12345, 5), 12, 0).validate().is_err());
        assert!(m(Decimal::new(1234, 4), 12, 0).validate().is_ok());
        assert!(m(Decimal::new(12_340, 5), 12, 0).validate().is_ok());
        assert_eq!(m(Decimal::ONE, 12, 12).annual_work_units(), Decimal::ZERO);
    }
}
