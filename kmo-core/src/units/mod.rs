//! Units: money, percentages and calendar dates, each a type of its own.
//!
//! Money is exact: whole cents in an integer, read and shown as decimals
//! ([`rust_decimal::Decimal`]), never binary floating point. A percentage is ten-thousandths of
//! a percent in an integer (its four decimals exactly). Decimals stay at the edge: inside, the
//! engine compares, adds and applies integers (cents, basis points, an AWU figure's mantissa
//! against a scaled ceiling: [`cmp_whole`]), and counts deadlines by the day of the year. Values
//! are parsed and checked at the edge — [`Money::parse`], [`Money::from_cents`],
//! [`Percent::parse`], [`parse_date`], [`date`] — and trusted inside the engine: a [`Money`]
//! is never negative, finer than a cent or above [`Money::MAX`], a [`Percent`] never outside
//! 0–100.

mod date;
mod decimal;
mod digits;
mod money;
mod percent;

#[cfg(feature = "wallet")]
pub(crate) use date::day_after;
pub(crate) use date::{add_days, add_months, add_years, end_of_year, ymd};
pub use date::{
    answer_date_from_number, check_year, check_year_range, date, date_after_days, date_from_number,
    date_from_ymd, date_from_yyyymmdd, days_after, days_between, parse_answer_date, parse_date,
    yyyymmdd, IsoDate, MAX_ANSWER_YEAR, MAX_YEAR, MIN_YEAR,
};
#[cfg(feature = "json")]
pub(crate) use decimal::parse_plain_decimal;
pub use decimal::{cmp_whole, percent_of_cents};
pub(crate) use decimal::{read_plain_decimal, simple_decimal, Plain, POW10};
#[cfg(feature = "full-sme")]
pub(crate) use digits::field_path;
#[cfg(feature = "json")]
pub(crate) use digits::push_decimal;
#[cfg(feature = "json")]
pub(crate) use digits::push_index;
#[cfg(feature = "json")]
pub(crate) use digits::push_int;
pub(crate) use digits::{decimal_ascii, decimal_string, digit_pair, extend_window, DECIMAL_TEXT};
pub(crate) use digits::{index_field_path, index_path};
pub(crate) use money::eur;
pub use money::{Money, MAX_MONEY};
pub use percent::Percent;
