//! Calendar dates: ISO text, `yyyymmdd` numbers, and the day arithmetic of the deadlines.

use core::fmt;

use time::{Date, Month};

use super::digits::{digit_pair, Utf8Bytes};
use crate::error::{clip, ErrorArg, InputError, InputErrorCode};

/// A date written `YYYY-MM-DD` directly from its fields (the `Display` of [`Date`] goes
/// through the general formatting machinery; this is the hot path of every response).
///
/// ```
/// use kmo_core::units::{date_from_ymd, IsoDate};
/// assert_eq!(IsoDate(date_from_ymd(2026, 3, 1).unwrap()).to_string(), "2026-03-01");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDate(pub Date);

impl IsoDate {
    /// The ten characters, for years 0–9999: the two words of [`packed`](IsoDate::packed).
    #[cfg(not(kmo_size))]
    fn ascii(self) -> Option<[u8; 10]> {
        let (head, tail) = self.packed()?;
        let mut buf = [0_u8; 10];
        buf[..8].copy_from_slice(&head.to_le_bytes());
        buf[8..].copy_from_slice(&tail.to_le_bytes());
        Some(buf)
    }

    /// The ten characters, for years 0–9999, byte by byte: a smaller module than
    /// [`packed`](IsoDate::packed)'s words (the same text; the WebAssembly tests hold it).
    #[cfg(kmo_size)]
    fn ascii(self) -> Option<[u8; 10]> {
        let (year, month, day) = self.0.to_calendar_date();
        if !(0..=9999).contains(&year) {
            return None;
        }
        // Two digits at a time from the table of pairs: each value is below 100.
        let [c0, c1] = digit_pair(usize::from((year / 100) as u8) % 100);
        let [y0, y1] = digit_pair(usize::from((year % 100) as u8) % 100);
        let [m0, m1] = digit_pair(usize::from(u8::from(month)) % 100);
        let [d0, d1] = digit_pair(usize::from(day) % 100);
        Some([c0, c1, y0, y1, b'-', m0, m1, b'-', d0, d1])
    }

    /// The ten characters, for years 0–9999, as a word of their first eight bytes and one of
    /// their last two (the first character in the lowest byte): the writers store them in
    /// two moves instead of ten. (The builds for size write the bytes one by one, a smaller
    /// module.)
    #[cfg(not(kmo_size))]
    fn packed(self) -> Option<(u64, u16)> {
        let (year, month, day) = self.0.to_calendar_date();
        let year = match u32::try_from(year) {
            Ok(year @ 0..=9999) => year as usize,
            _ => return None,
        };
        // Two digits at a time from the table of pairs: each index below 100 (a month is
        // 1–12 and a day 1–31, so masking them changes nothing and needs no division).
        let pair = |n: usize| u64::from(u16::from_le_bytes(digit_pair(n)));
        let head = pair(year / 100)
            | pair(year % 100) << 16
            | u64::from(b'-') << 32
            | pair(usize::from(u8::from(month) & 15)) << 40
            | u64::from(b'-') << 56;
        Some((head, u16::from_le_bytes(digit_pair(usize::from(day & 31)))))
    }

    /// Appends the text `Display` writes to `out`, without the formatting machinery.
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_to(self, out: &mut Vec<u8>) {
        match self.ascii() {
            Some(buf) => out.extend_from_slice(&buf),
            None => self.push_display(out, false),
        }
    }

    /// Appends the date between double quotes (a JSON string), twelve bytes in two moves.
    #[cfg(not(kmo_size))]
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_quoted(self, out: &mut Vec<u8>) {
        match self.packed() {
            Some((head, tail)) => {
                // `"` and the first seven characters; the eighth, the last two and `"`.
                let first = u64::from(b'"') | head << 8;
                let last = (head >> 56) as u32 | u32::from(tail) << 8 | u32::from(b'"') << 24;
                let mut buf = [0_u8; 12];
                buf[..8].copy_from_slice(&first.to_le_bytes());
                buf[8..].copy_from_slice(&last.to_le_bytes());
                out.extend_from_slice(&buf);
            }
            None => self.push_display(out, true),
        }
    }

    /// Appends the date between double quotes (a JSON string), twelve bytes in one copy.
    #[cfg(kmo_size)]
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_quoted(self, out: &mut Vec<u8>) {
        match self.ascii() {
            Some([a, b, c, d, e, f, g, h, i, j]) => {
                out.extend_from_slice(&[b'"', a, b, c, d, e, f, g, h, i, j, b'"']);
            }
            None => self.push_display(out, true),
        }
    }

    /// A year the engine never writes (beyond 0–9999), through `Display`: out of line, so that
    /// the writers above keep only their few registers.
    #[cold]
    #[inline(never)]
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    fn push_display(self, out: &mut Vec<u8>, quoted: bool) {
        use fmt::Write as _;
        if quoted {
            out.push(b'"');
        }
        let _ = write!(Utf8Bytes(out), "{self}");
        if quoted {
            out.push(b'"');
        }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.ascii() {
            // Only ASCII digits and dashes were written.
            Some(buf) => f.pad(core::str::from_utf8(&buf).unwrap_or("")),
            None => fmt::Display::fmt(&self.0, f),
        }
    }
}

/// The earliest date the engine accepts anywhere (1 January 1900).
pub const MIN_YEAR: i32 = 1900;
/// The latest year the engine accepts anywhere (2199).
pub const MAX_YEAR: i32 = 2199;
/// The latest year of a date the engine writes (2209): the latest year it reads plus the
/// longest the rules reach forward from a date (the records of a service started on
/// 31 December 2199 are kept until 31 December 2209). The rules hold to it: the deadlines
/// (`kmo/deadlines.rs`, `LONGEST_REACH_YEARS`) do not compile while their longest reach is
/// another. The readers of its answers ([`parse_answer_date`], [`answer_date_from_number`])
/// accept the years [`MIN_YEAR`]–`MAX_ANSWER_YEAR`, so every date the engine writes can be
/// read back; every reader of a question keeps to [`MAX_YEAR`].
pub const MAX_ANSWER_YEAR: i32 = MAX_YEAR + 10;

/// Parses an ISO calendar date `YYYY-MM-DD` that exists (no 2026-02-30, no 2026-13-01), in the
/// years 1900–2199.
///
/// ```
/// use kmo_core::parse_date;
/// assert_eq!(parse_date("2026-03-10").unwrap().to_string(), "2026-03-10");
/// assert!(parse_date("2025-02-29").is_err());
/// assert!(parse_date("2026-3-10").is_err());
/// assert!(parse_date("0000-01-01").is_err());
/// ```
pub fn parse_date(text: &str) -> Result<Date, InputError> {
    parse_iso(text, Years::Read)
}

/// Parses a date the engine wrote in an answer: as [`parse_date`], in the years
/// 1900–[`MAX_ANSWER_YEAR`] (a deadline counted from a date of 2199 lies after it). The
/// readers of answers ask here.
///
/// # Errors
///
/// `INVALID_DATE`, as [`parse_date`]; outside 1900–2209 with a message that names those years.
///
/// ```
/// use kmo_core::units::parse_answer_date;
/// assert_eq!(parse_answer_date("2200-12-31").unwrap().to_string(), "2200-12-31");
/// assert!(kmo_core::parse_date("2200-12-31").is_err());
/// assert!(parse_answer_date("2210-01-01").is_err() && parse_answer_date("1899-12-31").is_err());
/// ```
pub fn parse_answer_date(text: &str) -> Result<Date, InputError> {
    parse_iso(text, Years::Written)
}

/// `YYYY-MM-DD` in `years`.
fn parse_iso(text: &str, years: Years) -> Result<Date, InputError> {
    let shown = || clip(text);
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(date_error("err_date_shape", shown(), vec![]));
    }
    let num = |r: core::ops::Range<usize>| -> i32 {
        b[r].iter().fold(0, |acc, c| acc * 10 + i32::from(c - b'0'))
    };
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    // Two digits each: they fit.
    let two = |n: i32| u8::try_from(n).unwrap_or(u8::MAX);
    checked_ymd(year, two(month), two(day), years, shown)
}

/// An `INVALID_DATE` of a message key, showing the date as given, then `more`.
#[cold]
fn date_error(key: &'static str, shown: String, more: Vec<ErrorArg>) -> InputError {
    let mut details = vec![shown.into()];
    details.extend(more);
    InputError::new(InputErrorCode::InvalidDate, "", key, details)
}

/// The years a date may lie in: those the engine reads (1900–2199), or those of the dates it
/// writes (1900–[`MAX_ANSWER_YEAR`]).
#[derive(Clone, Copy)]
enum Years {
    Read,
    Written,
}

impl Years {
    /// Whether `year` is one of them: the one check of a year, for every date and every year
    /// the engine reads or writes.
    #[inline]
    const fn contain(self, year: i32) -> bool {
        let last = match self {
            Years::Read => MAX_YEAR,
            Years::Written => MAX_ANSWER_YEAR,
        };
        MIN_YEAR <= year && year <= last
    }
}

/// The date `year`-`month`-`day`, or the reason it is none: years outside `years`, a month
/// that is not 1–12, a day its month does not have (`shown` writes the date as given, for the
/// message).
fn checked_ymd(
    year: i32,
    month: u8,
    day: u8,
    years: Years,
    shown: impl Fn() -> String,
) -> Result<Date, InputError> {
    let bad = |key: &'static str| date_error(key, shown(), vec![]);
    if !years.contain(year) {
        return Err(match years {
            Years::Read => bad("err_date_years"),
            Years::Written => {
                let last = MAX_ANSWER_YEAR.to_string().into();
                date_error("err_answer_date_years", shown(), vec![last])
            }
        });
    }
    let month = Month::try_from(month).map_err(|_| bad("err_date_month"))?;
    Date::from_calendar_date(year, month, day).map_err(|_| bad("err_date_missing"))
}

/// Checks that a date built elsewhere (a [`Date`] of the date crate reaches from year −9999 to
/// 9999) lies in the years the document accepts, 1900–2199: every typed door asks here, so a
/// date the document refuses is refused there too, with the same code and message.
///
/// # Errors
///
/// `INVALID_DATE` outside 1900–2199; the error names no field (the caller adds the path).
///
/// ```
/// use kmo_core::units::check_year_range;
/// use kmo_core::{Date, InputErrorCode};
/// assert!(check_year_range(kmo_core::date(2026, 3, 10)?).is_ok());
/// let e = check_year_range(Date::MAX).unwrap_err();
/// assert_eq!(e.code, InputErrorCode::InvalidDate);
/// assert_eq!(e.message(kmo_core::Lang::En), kmo_core::parse_date("9999-12-31").unwrap_err().message(kmo_core::Lang::En));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[inline]
pub fn check_year_range(date: Date) -> Result<(), InputError> {
    // The check of its year (a shift and two comparisons, inlined; the error is built only
    // when it fails), the message showing the date.
    if Years::Read.contain(date.year()) {
        Ok(())
    } else {
        Err(years_error(IsoDate(date).to_string()))
    }
}

/// The error of a date or a year outside 1900–2199 (`shown` as given), built only then.
#[cold]
fn years_error(shown: String) -> InputError {
    date_error("err_date_years", shown, vec![])
}

/// The calendar date `year`-`month`-`day`, in the years 1900–2199 (the range of
/// [`parse_date`]): for callers who build dates without the date crate.
///
/// # Errors
///
/// `INVALID_DATE` when the date does not exist or lies outside 1900–2199, with the reason
/// [`parse_date`] gives.
///
/// ```
/// use kmo_core::{date, Lang};
/// assert_eq!(date(2026, 3, 10).unwrap().to_string(), "2026-03-10");
/// assert!(date(2026, 2, 29).is_err());
/// assert_eq!(date(2026, 13, 1).unwrap_err().message(Lang::En),
///            kmo_core::parse_date("2026-13-01").unwrap_err().message(Lang::En));
/// ```
pub fn date(year: i32, month: u8, day: u8) -> Result<Date, InputError> {
    checked_ymd(year, month, day, Years::Read, || {
        format!("{year:04}-{month:02}-{day:02}")
    })
}

/// The date written as the number `yyyymmdd` (as the C face passes dates), or the reason it is
/// none, as [`parse_date`] gives it for the number written `YYYY-MM-DD`.
///
/// # Errors
///
/// `INVALID_DATE`: not eight digits, or not a date of 1900–2199.
///
/// ```
/// use kmo_core::units::date_from_number;
/// assert_eq!(date_from_number(20260310).unwrap().to_string(), "2026-03-10");
/// assert_eq!(date_from_number(20261301).unwrap_err().message_key(), "err_date_month");
/// assert_eq!(date_from_number(-20260310).unwrap_err().message_key(), "err_date_shape");
/// // Not eight digits: shown as given.
/// let e = date_from_number(2026031).unwrap_err();
/// assert_eq!(e.message(kmo_core::Lang::En), "`2026031` is not a date of the form YYYY-MM-DD");
/// ```
pub fn date_from_number(yyyymmdd: i32) -> Result<Date, InputError> {
    if let Some(d) = u32::try_from(yyyymmdd).ok().and_then(date_from_yyyymmdd) {
        return Ok(d);
    }
    number_in(yyyymmdd, Years::Read)
}

/// A date the engine wrote in an answer, as the number `yyyymmdd` (as the C face gives a
/// deadline): as [`date_from_number`], in the years 1900–[`MAX_ANSWER_YEAR`].
///
/// # Errors
///
/// `INVALID_DATE`, as [`parse_answer_date`] gives it for the number written `YYYY-MM-DD`.
///
/// ```
/// use kmo_core::units::answer_date_from_number;
/// assert_eq!(answer_date_from_number(22091231).unwrap().to_string(), "2209-12-31");
/// assert_eq!(answer_date_from_number(22100101).unwrap_err().message_key(), "err_answer_date_years");
/// assert!(kmo_core::units::date_from_number(22001231).is_err());
/// ```
pub fn answer_date_from_number(yyyymmdd: i32) -> Result<Date, InputError> {
    number_in(yyyymmdd, Years::Written)
}

/// A `yyyymmdd` number in `years`: eight digits, shown `YYYY-MM-DD` when they are no date;
/// any other number is not of the form, and is shown as it was given (`-1`, `2026031`).
fn number_in(yyyymmdd: i32, years: Years) -> Result<Date, InputError> {
    if !(10_000_000..=99_999_999).contains(&yyyymmdd) {
        return Err(date_error("err_date_shape", yyyymmdd.to_string(), vec![]));
    }
    let (year, rest) = (yyyymmdd / 10_000, yyyymmdd % 10_000);
    let shown = || format!("{year:04}-{:02}-{:02}", rest / 100, rest % 100);
    // Below 100 each: they fit.
    let two = |n: i32| u8::try_from(n).unwrap_or(u8::MAX);
    checked_ymd(year, two(rest / 100), two(rest % 100), years, shown)
}

/// A calendar year the engine accepts: one of the years of its dates, 1900–2199 (the rule
/// for every year a caller gives, as for every date). The faces check a year argument here.
///
/// # Errors
///
/// `INVALID_DATE`, with the reason a date of that year gets (outside the years 1900–2199).
///
/// ```
/// use kmo_core::{units::check_year, Lang};
/// assert_eq!(check_year(2026).unwrap(), 2026);
/// assert_eq!(check_year(9999).unwrap_err().message(Lang::En), "`9999` is outside the years 1900–2199");
/// assert!(check_year(1899).is_err() && check_year(1900).is_ok() && check_year(2199).is_ok());
/// ```
#[inline]
pub fn check_year(year: i32) -> Result<i32, InputError> {
    if Years::Read.contain(year) {
        Ok(year)
    } else {
        Err(years_error(year.to_string()))
    }
}

/// The calendar date `year`-`month`-`day` if it exists and lies in the years 1900–2199 (the
/// same range as [`parse_date`]), without going through text.
///
/// ```
/// use kmo_core::units::date_from_ymd;
/// assert_eq!(date_from_ymd(2026, 3, 10).unwrap().to_string(), "2026-03-10");
/// assert!(date_from_ymd(2026, 2, 29).is_none());
/// assert!(date_from_ymd(1899, 12, 31).is_none());
/// ```
#[inline]
pub fn date_from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    if !Years::Read.contain(year) {
        return None;
    }
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// The date written as the number `yyyymmdd` (`20260310`), as the C and JavaScript faces pass
/// dates; `None` when it is not a date of 1900–2199.
///
/// ```
/// use kmo_core::units::{date_from_yyyymmdd, yyyymmdd};
/// let d = date_from_yyyymmdd(20260310).unwrap();
/// assert_eq!((d.to_string().as_str(), yyyymmdd(d)), ("2026-03-10", 20260310));
/// assert!(date_from_yyyymmdd(20260229).is_none() && date_from_yyyymmdd(0).is_none());
/// ```
#[inline]
pub fn date_from_yyyymmdd(n: u32) -> Option<Date> {
    let year = i32::try_from(n / 10_000).ok()?;
    date_from_ymd(year, (n / 100 % 100) as u8, (n % 100) as u8)
}

/// A date as the number `yyyymmdd`.
#[inline]
pub fn yyyymmdd(date: Date) -> u32 {
    date.year().unsigned_abs() * 10_000 + u32::from(month_day(date))
}

/// The month and the day of a date as the number `mmdd` (`310` for 10 March): one load from
/// [`MONTH_DAY`] at the date's leap year and day of the year, where the calendar's month and
/// day cost about twenty instructions. Every date of an answer the C face gives is written
/// this way. (The builds for size keep the calendar's arithmetic, without the table; the same
/// numbers, held by `yyyymmdd_is_the_calendar_date_every_day`.)
#[cfg(not(kmo_size))]
#[inline]
fn month_day(date: Date) -> u16 {
    // Whether the year has a day 366: the date's own leap-year bit, not worked out again from
    // the year. The index is below 1024 (a day of the year is below 512), so it is never out
    // of the table.
    let leap = date.replace_ordinal(366).is_ok();
    MONTH_DAY[usize::from(leap) << 9 | usize::from(date.ordinal())]
}

/// [`month_day`] in the builds for size: the calendar's arithmetic.
#[cfg(kmo_size)]
#[inline]
fn month_day(date: Date) -> u16 {
    let (_, month, day) = date.to_calendar_date();
    u16::from(u8::from(month)) * 100 + u16::from(day)
}

/// `mmdd` of each day of a year by whether it is a leap year and its day of the year: a common
/// year's day `d` (1–365) at `d`, a leap year's (1–366) at `512 + d`, 0 elsewhere.
#[cfg(not(kmo_size))]
const MONTH_DAY: [u16; 1024] = {
    let mut table = [0_u16; 1024];
    let mut leap = 0;
    while leap < 2 {
        let days: [u16; 12] = [31, 28 + leap as u16, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let (mut month, mut ordinal) = (0, 1);
        while month < 12 {
            let mut day = 1;
            while day <= days[month] {
                table[leap * 512 + ordinal] = (month as u16 + 1) * 100 + day;
                ordinal += 1;
                day += 1;
            }
            month += 1;
        }
        leap += 1;
    }
    table
};

/// The date `days` calendar days after `date` (before it, when negative), when it lies in the
/// years 1900–2199: day arithmetic for callers without the date crate.
///
/// ```
/// use kmo_core::{date, units::days_after};
/// assert_eq!(days_after(date(2026, 3, 2)?, 14), Some(date(2026, 3, 16)?));
/// assert_eq!(days_after(date(2199, 12, 31)?, 1), None);
/// assert_eq!(days_after(date(2026, 3, 2)?, i64::MAX), None);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn days_after(date: Date, days: i64) -> Option<Date> {
    // Through the julian day number, so that no count of days can overflow.
    let day = i64::from(date.to_julian_day()).checked_add(days)?;
    let later = Date::from_julian_day(i32::try_from(day).ok()?).ok()?;
    Years::Read.contain(later.year()).then_some(later)
}

/// [`days_after`], or the reason there is no such date: `INVALID_DATE` (at no field: the
/// caller adds the path of the count) when the date `days` after `date` lies outside the years
/// 1900–2199, its message giving the count and the date.
///
/// # Errors
///
/// `INVALID_DATE` when the result lies outside 1900–2199.
///
/// ```
/// use kmo_core::{date, units::date_after_days, Lang};
/// assert_eq!(date_after_days(date(2026, 3, 2)?, 14)?, date(2026, 3, 16)?);
/// let e = date_after_days(date(2199, 12, 31)?, 1).unwrap_err();
/// assert_eq!(e.message(Lang::En), "1 days after 2199-12-31 is outside the years 1900–2199");
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn date_after_days(date: Date, days: i64) -> Result<Date, InputError> {
    days_after(date, days).ok_or_else(|| {
        InputError::new(
            InputErrorCode::InvalidDate,
            "",
            "err_days_out_of_range",
            vec![days.to_string().into(), IsoDate(date).to_string().into()],
        )
    })
}

/// The number of calendar days from `from` to `to` (negative when `to` comes first).
///
/// ```
/// use kmo_core::{date, units::days_between};
/// assert_eq!(days_between(date(2026, 3, 2)?, date(2026, 3, 16)?), 14);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn days_between(from: Date, to: Date) -> i64 {
    (to - from).whole_days()
}

/// The date `days` calendar days after `date` (no weekend or holiday roll-over).
#[inline]
pub(crate) fn add_days(date: Date, days: i64) -> Date {
    // Within the same year (most deadlines): only the day of the year moves. Days 1–365 are in
    // every year, so `replace_ordinal` cannot refuse them and its check folds away; a day 366
    // goes the long way.
    if let Some(moved) = i64::from(date.ordinal()).checked_add(days) {
        if let Ok(ordinal @ 1..=365) = u16::try_from(moved) {
            if let Ok(d) = date.replace_ordinal(ordinal) {
                return d;
            }
        }
    }
    add_days_across_years(date, days)
}

/// The day after `date` ([`add_days`] by one, with the calendar's own step: cheaper where it is
/// called in a loop, as the wallet does for each application's lapse).
#[cfg(feature = "wallet")]
#[inline]
pub(crate) fn day_after(date: Date) -> Date {
    date.next_day().unwrap_or(Date::MAX)
}

/// [`add_days`] across the end of a year: through the julian day number (no count of days
/// can overflow).
#[inline]
fn add_days_across_years(date: Date, days: i64) -> Date {
    i64::from(date.to_julian_day())
        .checked_add(days)
        .and_then(|day| i32::try_from(day).ok())
        .and_then(|day| Date::from_julian_day(day).ok())
        .unwrap_or(Date::MAX)
}

/// The same day `months` months later (or earlier, when negative), or the last day of that
/// month when it is shorter.
pub(crate) fn add_months(date: Date, months: i32) -> Date {
    if months % 12 == 0 {
        return add_years(date, months / 12);
    }
    let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = u8::try_from(month0 + 1)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .unwrap_or(Month::December);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
}

/// The same day `years` years later or earlier (29 February becomes 28 February in a common
/// year).
pub(crate) fn add_years(date: Date, years: i32) -> Date {
    let year = date.year().saturating_add(years);
    // Only 29 February has no same day in a common year: it becomes the 28th (day 59).
    date.replace_year(year)
        .or_else(|_| Date::from_ordinal_date(year, 59))
        .unwrap_or(Date::MAX)
}

/// 31 December of `year`.
#[inline]
pub(crate) fn end_of_year(year: i32) -> Date {
    // 31 December of a known year moved to `year`: only the year is checked, and whether it is
    // a leap year is worked out once (from the number of days in the year, it was twice).
    const LAST_DAY_OF_2000: Date = match Date::from_calendar_date(2000, Month::December, 31) {
        Ok(d) => d,
        Err(_) => Date::MAX,
    };
    LAST_DAY_OF_2000.replace_year(year).unwrap_or(Date::MAX)
}

/// A date literal for the rulebook tables; the arguments are checked by the tests.
pub(crate) const fn ymd(year: i32, month: Month, day: u8) -> Date {
    match Date::from_calendar_date(year, month, day) {
        Ok(d) => d,
        Err(_) => Date::MIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_edges() {
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2026-13-01").is_err());
        assert!(parse_date("2026-00-10").is_err());
        assert!(parse_date("2026-01-32").is_err());
        assert!(parse_date("1899-12-31").is_err());
        assert!(parse_date("2199-12-31").is_ok());
        assert!(parse_date("2026-01-01T00:00").is_err());
        assert_eq!(
            add_months(ymd(2026, Month::January, 31), 1),
            ymd(2026, Month::February, 28)
        );
        assert_eq!(
            add_years(ymd(2024, Month::February, 29), 1),
            ymd(2025, Month::February, 28)
        );
        assert_eq!(
            add_days(ymd(2026, Month::December, 25), 14),
            ymd(2027, Month::January, 8)
        );
    }

    /// The same arithmetic through the calendar, as the `time` crate does it.
    fn add_days_slow(date: Date, days: i64) -> Date {
        date.checked_add(time::Duration::days(days))
            .unwrap_or(Date::MAX)
    }

    fn add_months_slow(date: Date, months: i32) -> Date {
        let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
        let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
        let month = Month::try_from(u8::try_from(month0 + 1).unwrap()).unwrap();
        let day = date.day().min(month.length(year));
        Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
    }

    proptest::proptest! {
        /// The day-of-year shortcuts agree with the calendar arithmetic, across years, leap
        /// days and the ends of the range.
        #[test]
        fn day_arithmetic_lanes_agree(
            days in 2_415_021_i32..2_524_594,
            by in proptest::prop_oneof![-800_i64..800, -2_000_000_i64..2_000_000, -100_000_000_000_000_i64..100_000_000_000_000],
            months in -2_500_i32..2_500,
        ) {
            let d = Date::from_julian_day(days).unwrap();
            proptest::prop_assert_eq!(add_days(d, by), add_days_slow(d, by));
            proptest::prop_assert_eq!(add_months(d, months), add_months_slow(d, months));
            proptest::prop_assert_eq!(add_years(d, months / 12), add_months_slow(d, months / 12 * 12));
            proptest::prop_assert_eq!(
                end_of_year(d.year()),
                Date::from_calendar_date(d.year(), Month::December, 31).unwrap()
            );
        }
    }

    /// Every date from 1900 to 2209 moved by the engine's deadlines (14 days after the start,
    /// 30 days for the own share, a day after a period's start) and across a year's end either
    /// way, and every year's last day: the same as the `time` crate's calendar arithmetic.
    #[test]
    fn day_arithmetic_agrees_on_every_date() {
        let first = ymd(1900, Month::January, 1).to_julian_day();
        let last = ymd(2209, Month::December, 31).to_julian_day();
        for day in first..=last {
            let d = Date::from_julian_day(day).unwrap();
            for by in [-366, -365, -1, 0, 1, 14, 30, 365, 366] {
                assert_eq!(add_days(d, by), add_days_slow(d, by), "{d} + {by}");
            }
            #[cfg(feature = "wallet")]
            assert_eq!(day_after(d), add_days_slow(d, 1), "{d} + 1");
            assert_eq!(
                end_of_year(d.year()),
                Date::from_calendar_date(d.year(), Month::December, 31).unwrap()
            );
        }
    }

    #[test]
    fn day_arithmetic_at_the_edges() {
        for (date, by) in [
            (Date::MAX, 1),
            (Date::MIN, -1),
            (ymd(2024, Month::February, 29), 365),
            (ymd(2024, Month::December, 31), 1),
            (ymd(2025, Month::January, 1), -1),
            (ymd(2024, Month::January, 1), 365),
        ] {
            assert_eq!(add_days(date, by), add_days_slow(date, by), "{date} {by}");
        }
        // Beyond what a duration holds: no panic, the far end.
        assert_eq!(add_days(Date::MIN, i64::MAX), Date::MAX);
        assert_eq!(add_days(Date::MIN, i64::MIN), Date::MAX);
        assert_eq!(
            add_years(ymd(2024, Month::February, 29), -3),
            ymd(2021, Month::February, 28)
        );
        assert_eq!(add_years(Date::MAX, 1), add_months_slow(Date::MAX, 12));
        assert_eq!(add_years(Date::MIN, -1), add_months_slow(Date::MIN, -12));
    }

    proptest::proptest! {
        /// The fast date text equals the `time` crate's for every date it can represent.
        #[test]
        fn iso_date_is_time_display(days in -800_000_i32..3_000_000) {
            let d = Date::from_julian_day(days).unwrap();
            proptest::prop_assert_eq!(IsoDate(d).to_string(), d.to_string());
            let mut quoted = b"x".to_vec();
            IsoDate(d).push_quoted(&mut quoted);
            proptest::prop_assert_eq!(String::from_utf8(quoted).unwrap(), format!("x\"{d}\""));
        }
    }

    #[test]
    fn date_from_ymd_edges() {
        assert_eq!(
            date_from_ymd(1900, 1, 1)
                .map(|d| IsoDate(d).to_string())
                .as_deref(),
            Some("1900-01-01")
        );
        assert_eq!(
            date_from_ymd(2199, 12, 31)
                .map(|d| IsoDate(d).to_string())
                .as_deref(),
            Some("2199-12-31")
        );
        assert_eq!(
            date_from_ymd(2028, 2, 29)
                .map(|d| IsoDate(d).to_string())
                .as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(date_from_ymd(1899, 12, 31), None);
        assert_eq!(date_from_ymd(2200, 1, 1), None);
        assert_eq!(date_from_ymd(2026, 13, 1), None);
        assert_eq!(date_from_ymd(2026, 0, 1), None);
        assert_eq!(date_from_ymd(2026, 2, 29), None);
    }

    /// A year and a date of that year are refused alike, with the same reason.
    #[test]
    fn a_year_and_its_dates_share_one_check() {
        for year in [
            i32::MIN,
            -1,
            0,
            1899,
            1900,
            2026,
            2199,
            2200,
            9999,
            i32::MAX,
        ] {
            let Ok(day) = Date::from_calendar_date(year, Month::June, 1) else {
                assert!(check_year(year).is_err(), "{year}");
                continue;
            };
            let (by_year, by_date) = (check_year(year), check_year_range(day));
            assert_eq!(by_year.is_ok(), by_date.is_ok(), "{year}");
            assert_eq!(
                by_year.is_ok(),
                date_from_ymd(year, 6, 1).is_some(),
                "{year}"
            );
            if let (Err(a), Err(b)) = (by_year, by_date) {
                assert_eq!((a.code, a.message_key()), (b.code, b.message_key()));
            }
        }
    }

    #[test]
    fn yyyymmdd_edges() {
        for (n, ok) in [
            (19000101, true),
            (18991231, false),
            (21991231, true),
            (22000101, false),
            (20260229, false),
            (20240229, true),
            (20261301, false),
            (20260100, false),
            (20260132, false),
            (0, false),
            (u32::MAX, false),
        ] {
            let d = date_from_yyyymmdd(n);
            assert_eq!(d.is_some(), ok, "{n}");
            if let Some(d) = d {
                assert_eq!(yyyymmdd(d), n);
            }
        }
    }

    /// Every day of the years a date may be written in (1900–2209): `yyyymmdd` is its calendar
    /// date, and `date_from_yyyymmdd` reads it back in the years a date may be read in.
    #[test]
    fn yyyymmdd_is_the_calendar_date_every_day() {
        let mut day = Date::from_calendar_date(MIN_YEAR, Month::January, 1).unwrap();
        let last = Date::from_calendar_date(MAX_ANSWER_YEAR, Month::December, 31).unwrap();
        let mut days = 0;
        loop {
            let (y, m, d) = day.to_calendar_date();
            let n = yyyymmdd(day);
            assert_eq!(
                n,
                y as u32 * 10_000 + u32::from(u8::from(m)) * 100 + u32::from(d)
            );
            assert_eq!(
                date_from_yyyymmdd(n).filter(|_| y <= MAX_YEAR),
                (y <= MAX_YEAR).then_some(day)
            );
            days += 1;
            if day == last {
                break;
            }
            day = day.next_day().unwrap();
        }
        assert_eq!(days, 113_225);
    }

    #[test]
    fn date_shape_edges() {
        for bad in [
            "2026+03-10",
            "2026-03+10",
            "2026-03-1a",
            "20260-3-10",
            "2026-03-10 ",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
    }
}
