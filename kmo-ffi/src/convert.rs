//! The conversions of single values between C and the core, which every part of the C face
//! uses; a struct's conversion sits beside the struct (`quote.rs`: the request and the result,
//! `wallet.rs`: the wallet's values, …).
//!
//! C → core: integers as C passes them (cents, basis points, yyyymmdd dates, thousandths of an
//! annual work unit, the core's numbers of coded values) become core types, or the core's own
//! [`InputError`] for the value, located at the C field (`cost_cents`). The checks are the
//! core's: a face adds none of its own.
//!
//! Core → C: core types become the integers of the header.

use kmo_core::units::{date_from_number, date_from_yyyymmdd, yyyymmdd};
use kmo_core::{AnnualWorkUnits, Date, InputError, Money, Percent};

use crate::codes::Code;

/// The `struct_size` the library writes into a result: the size of its one version.
pub(crate) fn size_of<T>() -> u32 {
    // Every struct of the header is far smaller than 4 GiB.
    u32::try_from(std::mem::size_of::<T>()).unwrap_or(u32::MAX)
}

// ---- C → core -----------------------------------------------------------------------------

/// A `yyyymmdd` date that exists in the years the engine accepts, or the core's reason why not,
/// at `path`.
#[inline(always)]
pub(crate) fn date(yyyymmdd: i32, path: &str) -> Result<Date, InputError> {
    // A date that exists is found inline (what `date_from_number` tries first); the rest asks
    // `date_from_number` for its reason, out of the way.
    match u32::try_from(yyyymmdd).ok().and_then(date_from_yyyymmdd) {
        Some(d) => Ok(d),
        None => not_a_date(yyyymmdd, path),
    }
}

/// [`date`] when the number is not a date of the engine's years: the core's reason.
#[cold]
#[inline(never)]
fn not_a_date(yyyymmdd: i32, path: &str) -> Result<Date, InputError> {
    if yyyymmdd == 0 {
        // 0 is a date left unset (what the `_INIT` macros write): missing, as in the document.
        return Err(InputError::required(path, path));
    }
    date_from_number(yyyymmdd).map_err(|e| e.at(path))
}

/// A `yyyymmdd` date, or 0 for none.
#[inline(always)]
pub(crate) fn optional_date(yyyymmdd: i32, path: &str) -> Result<Option<Date>, InputError> {
    match yyyymmdd {
        0 => Ok(None),
        d => date(d, path).map(Some),
    }
}

/// An amount in cents, within the core's range.
#[inline(always)]
pub(crate) fn money(cents: i64, path: &str) -> Result<Money, InputError> {
    Money::from_cents(cents).map_err(|e| e.at(path))
}

/// A percentage in basis points (2100 = 21 %).
#[inline(always)]
pub(crate) fn basis_points(bp: u32, path: &str) -> Result<Percent, InputError> {
    Percent::from_basis_points(bp).map_err(|e| e.at(path))
}

/// Staff in thousandths of an annual work unit (9.99 AWU = 9990).
pub(crate) fn staff(awu_milli: i64, path: &str) -> Result<AnnualWorkUnits, InputError> {
    AnnualWorkUnits::from_milli(awu_milli).map_err(|e| e.at(path))
}

/// The coded value with the core's `number`, or the core's `UNKNOWN_CODE` error for it (its
/// message lists the codes of the list).
#[inline(always)]
pub(crate) fn coded<T: Code>(number: u32, path: &str) -> Result<T, InputError> {
    match T::from_number(number) {
        Some(value) => Ok(value),
        None => unknown_number(number, path),
    }
}

/// [`coded`] for a number the list does not have: the core's answer for its text.
#[cold]
#[inline(never)]
fn unknown_number<T: Code>(number: u32, path: &str) -> Result<T, InputError> {
    if number == 0 {
        // 0 is a required value left unset (every list's "none"): missing, as in the document.
        return Err(InputError::required(path, path));
    }
    number.to_string().parse::<T>().map_err(|e| e.at(path))
}

/// A coded value, or 0 for none.
#[inline(always)]
pub(crate) fn optional_coded<T: Code>(number: u32, path: &str) -> Result<Option<T>, InputError> {
    match number {
        0 => Ok(None),
        n => coded(n, path).map(Some),
    }
}

/// A `kmo_yes_no` value: `None` when not given.
#[inline(always)]
pub(crate) fn yes_no(value: u32, path: &str) -> Result<Option<bool>, InputError> {
    match value {
        0 => Ok(None),
        1 => Ok(Some(true)),
        2 => Ok(Some(false)),
        n => Err(not_yes_no(n, path)),
    }
}

/// [`yes_no`]'s error for any other number.
#[cold]
#[inline(never)]
fn not_yes_no(n: u32, path: &str) -> InputError {
    InputError::unknown_code(
        "yes/no answer",
        &n.to_string(),
        &["0 (KMO_NOT_GIVEN)", "1 (KMO_YES)", "2 (KMO_NO)"],
    )
    .at(path)
}

/// An optional string field read by the core's parser, at `path`.
#[inline(always)]
pub(crate) fn optional_text<T>(
    text: Option<&str>,
    path: &str,
    parse: impl Fn(&str) -> Result<T, InputError>,
) -> Result<Option<T>, InputError> {
    text.map(|t| parse(t).map_err(|e| e.at(path))).transpose()
}

/// A count of persons or days, 0 for none.
pub(crate) fn optional_count(n: u32) -> Option<u32> {
    (n != 0).then_some(n)
}

/// An error of the core located at the document's path, located at the C field instead:
/// the object a field sits in goes (`service.subtheme` → `subtheme`,
/// `enterprise.de_minimis[0].date` → `de_minimis[0].date`), and a field whose C name carries
/// its unit gets it (`lines[0].amount` → `lines[0].amount_cents`).
pub(crate) fn c_error(e: InputError) -> InputError {
    let path = c_path(&e.path);
    e.at(path)
}

/// The C name of a document path (see [`c_error`]).
pub(crate) fn c_path(path: &str) -> String {
    let rest = ["service.", "enterprise.", "options.", "wallet."]
        .iter()
        .find_map(|p| path.strip_prefix(p))
        .unwrap_or(path);
    let (head, last) = match rest.rfind('.') {
        Some(i) => (&rest[..=i], &rest[i + 1..]),
        None => ("", rest),
    };
    let renamed = match last {
        "cost" => "cost_cents",
        "amount" => "amount_cents",
        "aid_used" => "aid_used_cents",
        "vat_rate" => "vat_rate_bp",
        "public_bodies_pct" => "public_bodies_bp",
        "kind" if head.is_empty() => "service_kind",
        "staff_awu" => "staff_awu_milli",
        "turnover" => "turnover_cents",
        "balance_sheet" => "balance_sheet_cents",
        "capital_pct" => "capital_bp",
        "voting_pct" => "voting_bp",
        "invested" => "invested_cents",
        "annual_budget" => "annual_budget_cents",
        "fte" => "fte_bp",
        other => other,
    };
    let head = head.strip_prefix("size.").unwrap_or(head);
    format!("{head}{renamed}")
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
pub(crate) fn c_number<T: Code>(value: Option<T>) -> u32 {
    value.map_or(0, T::number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kmo_core::{InputErrorCode, ServiceKind, SizeClass, Theme};

    #[test]
    fn dates_are_refused_with_the_cores_reason() {
        assert_eq!(c_date(date(20260310, "d").unwrap()), 20260310);
        for (n, key) in [
            (20260230, "err_date_missing"),
            (22000101, "err_date_years"),
            (18991231, "err_date_years"),
            (20261301, "err_date_month"),
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
        // A number that is not eight digits is shown as given, not as a date it is not.
        for (n, shown) in [(-1, "`-1`"), (2026031, "`2026031`"), (123, "`123`")] {
            let e = date(n, "start_date").unwrap_err();
            assert_eq!(e.message_key(), "err_date_shape", "{n}");
            assert!(e.message(kmo_core::Lang::En).starts_with(shown), "{n}");
        }
        // Eight digits are shown as the date they spell.
        let e = date(22000101, "start_date").unwrap_err();
        assert!(e.message(kmo_core::Lang::En).starts_with("`2200-01-01`"));
        // 0, what the `_INIT` macros write, is a required date not given.
        let e = date(0, "application_date").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str(), e.message(kmo_core::Lang::En)),
            (
                InputErrorCode::MissingField,
                "application_date",
                "the field `application_date` is required".to_string()
            )
        );
    }

    #[test]
    fn unknown_numbers_are_unknown_codes() {
        assert_eq!(
            coded::<SizeClass>(2, "size_class").unwrap(),
            SizeClass::Small
        );
        let e = coded::<SizeClass>(7, "size_class").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (InputErrorCode::UnknownCode, "size_class")
        );
        assert!(e.message(kmo_core::Lang::En).contains("medium"));
        // 0 is a required value not given, as a field absent from the document.
        let e = coded::<ServiceKind>(0, "service_kind").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (InputErrorCode::MissingField, "service_kind")
        );
        assert_eq!(optional_coded::<Theme>(0, "theme").unwrap(), None);
        assert!(optional_coded::<Theme>(9, "theme").is_err());
    }

    #[test]
    fn core_paths_become_c_fields() {
        for (core, c) in [
            ("service.subtheme", "subtheme"),
            ("service.cost", "cost_cents"),
            ("service.kind", "service_kind"),
            ("service.lines", "lines"),
            ("service.lines[1].persons", "lines[1].persons"),
            ("service.lines[0].amount", "lines[0].amount_cents"),
            ("service.lines[0].kind", "lines[0].kind"),
            ("enterprise.de_minimis[0].date", "de_minimis[0].date"),
            ("enterprise.public_bodies_pct", "public_bodies_bp"),
            ("enterprise.size.staff_awu", "staff_awu_milli"),
            ("options.approval_date", "approval_date"),
            ("application_date", "application_date"),
            ("", ""),
        ] {
            assert_eq!(c_path(core), c, "{core}");
        }
    }
}
