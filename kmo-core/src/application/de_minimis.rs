//! The enterprise's earlier de minimis aid and the end of its fiscal year, as the question
//! gives them, and their checks; the de minimis test is in `kmo/de_minimis.rs`.

use core::str::FromStr;

use time::{Date, Month};

use crate::error::{clip, InputError, InputErrorCode};
use crate::units::Money;

/// One earlier de minimis aid of the single undertaking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeMinimisAid {
    /// The date the aid was granted.
    pub date: Date,
    /// The gross amount.
    pub amount: Money,
}

/// Checks earlier de minimis aid given for an application on `application_date`: each aid
/// dated on or before that date (aid granted later cannot count yet), and all of it together
/// at most [`Money::MAX`]. Error paths are relative to the list (`[2].date`).
///
/// # Errors
///
/// `INCONSISTENT_INPUT` at `[i].date` for aid after the application, `AMOUNT_OUT_OF_RANGE` for
/// a total above [`Money::MAX`].
///
/// ```
/// use kmo_core::{parse_date, DeMinimisAid, Money};
/// use kmo_core::rules::check_earlier_aid;
/// let day = parse_date("2026-03-10").unwrap();
/// let aid = |date| [DeMinimisAid { date: parse_date(date).unwrap(), amount: Money::from_euro(10) }];
/// assert!(check_earlier_aid(day, &aid("2026-03-10")).is_ok());
/// assert_eq!(check_earlier_aid(day, &aid("2026-03-11")).unwrap_err().path, "[0].date");
/// ```
pub fn check_earlier_aid(
    application_date: Date,
    earlier: &[DeMinimisAid],
) -> Result<(), InputError> {
    for (i, aid) in earlier.iter().enumerate() {
        if aid.date > application_date {
            return Err(InputError::new(
                InputErrorCode::InconsistentInput,
                crate::units::index_field_path("", i, "date"),
                "err_de_minimis_after_application",
                vec![
                    aid.date.to_string().into(),
                    application_date.to_string().into(),
                ],
            ));
        }
    }
    if Money::checked_sum(earlier.iter().map(|a| a.amount)).is_none() {
        return Err(InputError::new(
            InputErrorCode::AmountOutOfRange,
            "",
            "err_total_too_large",
            vec![],
        ));
    }
    Ok(())
}

/// The end of the enterprise's fiscal year (month and day), when not 31 December.
///
/// ```
/// use kmo_core::FiscalYearEnd;
/// let june: FiscalYearEnd = "06-30".parse().unwrap();
/// assert_eq!((june.month(), june.day()), (kmo_core::Month::June, 30));
/// assert!("02-29".parse::<FiscalYearEnd>().is_err());
/// assert!("6-30".parse::<FiscalYearEnd>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FiscalYearEnd {
    month: Month,
    day: u8,
}

impl FiscalYearEnd {
    /// 31 December: a fiscal year that is the calendar year.
    pub const CALENDAR: FiscalYearEnd = FiscalYearEnd {
        month: Month::December,
        day: 31,
    };

    /// A fiscal year end on `day` of `month`. 29 February is refused: it cannot end every
    /// fiscal year.
    ///
    /// # Errors
    ///
    /// `INVALID_DATE` when the day does not exist in that month of a common year.
    pub fn new(month: Month, day: u8) -> Result<FiscalYearEnd, InputError> {
        if day == 0 || day > month.length(2025) {
            return Err(InputError::new(
                InputErrorCode::InvalidDate,
                "",
                "err_fiscal_year_end",
                vec![format!("{:02}-{day:02}", u8::from(month)).into()],
            ));
        }
        Ok(FiscalYearEnd { month, day })
    }

    /// The month.
    pub fn month(self) -> Month {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl FromStr for FiscalYearEnd {
    type Err = InputError;

    /// Reads `MM-DD` (`06-30`).
    fn from_str(text: &str) -> Result<FiscalYearEnd, InputError> {
        let bad = || {
            InputError::new(
                InputErrorCode::InvalidDate,
                "",
                "err_fiscal_year_end",
                vec![clip(text).into()],
            )
        };
        let (m, d) = text.split_once('-').ok_or_else(bad)?;
        let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !two_digits(m) || !two_digits(d) {
            return Err(bad());
        }
        let month = m
            .parse::<u8>()
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or_else(bad)?;
        let day = d.parse::<u8>().map_err(|_| bad())?;
        FiscalYearEnd::new(month, day).map_err(|_| bad())
    }
}

impl core::fmt::Display for FiscalYearEnd {
    /// `MM-DD`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{:02}-{:02}", u8::from(self.month), self.day)
    }
}
