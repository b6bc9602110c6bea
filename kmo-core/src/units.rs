//! Units: money, percentages and calendar dates, each a type of its own.
//!
//! Money is exact decimal ([`rust_decimal::Decimal`]), never binary floating point. Values are
//! parsed at the edge (see [`Money::parse`], [`Percent::parse`], [`parse_date`]) and trusted
//! inside the engine.

use core::fmt;
use core::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use time::{Date, Month};

use crate::error::{InputError, InputErrorCode};

/// The largest amount of money the engine accepts: EUR 1 000 000 000 000.
///
/// Far beyond any real training or advice cost, and small enough that every product the
/// engine forms (amount × percentage) stays exact inside `Decimal`'s 96-bit mantissa.
pub const MAX_MONEY: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// An amount of euro, exact to the cent or finer.
///
/// Inputs carry at most two decimals (whole cents); computed amounts are rounded once, to the
/// cent, where RULES.md §4.5 says.
///
/// ```
/// use kmo_core::Money;
/// let cost = Money::parse("2000").unwrap();
/// assert_eq!(cost.to_string(), "2000.00");
/// assert_eq!(Money::from_cents(123_45).to_string(), "123.45");
/// assert!(Money::parse("12.345").is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

impl Money {
    /// Zero euro.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// An amount from a whole number of cents.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_cents(750_000).to_string(), "7500.00");
    /// ```
    pub fn from_cents(cents: i64) -> Money {
        Money(Decimal::new(cents, 2))
    }

    /// An amount of whole euro.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_euro(100).to_string(), "100.00");
    /// ```
    pub fn from_euro(euro: i64) -> Money {
        Money(Decimal::from(euro))
    }

    /// Wraps a decimal that is known to be a valid amount (non-negative, at most two decimals,
    /// not above [`MAX_MONEY`]); returns `None` otherwise.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// use rust_decimal::Decimal;
    /// assert!(Money::from_decimal(Decimal::new(1999, 2)).is_some());
    /// assert!(Money::from_decimal(Decimal::new(-1, 0)).is_none());
    /// assert!(Money::from_decimal(Decimal::new(1, 3)).is_none());
    /// ```
    pub fn from_decimal(value: Decimal) -> Option<Money> {
        let normal = value.normalize();
        if normal.is_sign_negative() && !normal.is_zero()
            || normal.scale() > 2
            || normal > MAX_MONEY
        {
            return None;
        }
        Some(Money(normal.abs()))
    }

    /// Parses a decimal string such as `"2000"`, `"2000.00"` or `"12.5"`.
    ///
    /// Rejects signs other than none, exponents, more than two decimals, negative amounts and
    /// amounts above [`MAX_MONEY`]. The error names no field; the JSON edge adds the path.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::parse("99.99").unwrap().cents(), Some(9999));
    /// assert!(Money::parse("-1").is_err());
    /// assert!(Money::parse("1e3").is_err());
    /// assert!(Money::parse("").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Money, InputError> {
        let value = read_plain_decimal(text).map_err(|why| match why {
            Plain::Malformed => InputError::new(
                InputErrorCode::InvalidAmount,
                "",
                format!(
                    "`{}` is not a decimal amount such as \"2000\" or \"2000.00\"",
                    clip(text)
                ),
            ),
            Plain::TooLarge => InputError::new(
                InputErrorCode::AmountOutOfRange,
                "",
                format!("`{}` exceeds EUR 1 000 000 000 000", clip(text)),
            ),
            Plain::TooPrecise => InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                format!(
                    "`{}` has more than two decimals (whole cents expected)",
                    clip(text)
                ),
            ),
        })?;
        Money::check(value)
    }

    fn check(value: Decimal) -> Result<Money, InputError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(InputError::new(
                InputErrorCode::NegativeAmount,
                "",
                format!("the amount {value} is negative; amounts are zero or more"),
            ));
        }
        if value > MAX_MONEY {
            return Err(InputError::new(
                InputErrorCode::AmountOutOfRange,
                "",
                "the amount exceeds EUR 1 000 000 000 000".to_string(),
            ));
        }
        if value.normalize().scale() > 2 {
            return Err(InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                format!("the amount {value} has more than two decimals (whole cents expected)"),
            ));
        }
        Ok(Money(value.normalize().abs()))
    }

    /// Whether the amount is zero.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert!(Money::parse("0.00").unwrap().is_zero());
    /// ```
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The exact decimal value.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_cents(150).as_decimal(), rust_decimal::Decimal::new(15, 1));
    /// ```
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// The amount in whole cents, or `None` if it does not fit an `i64` (never, for amounts the
    /// engine accepts) or is not a whole number of cents.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::parse("600").unwrap().cents(), Some(60_000));
    /// ```
    pub fn cents(self) -> Option<i64> {
        whole_units(self.0, 2)
    }

    /// `self − other`, or zero when `other` is larger.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_euro(7500).saturating_sub(Money::from_euro(8000)), Money::ZERO);
    /// ```
    pub fn saturating_sub(self, other: Money) -> Money {
        if other >= self {
            Money::ZERO
        } else {
            Money(self.0 - other.0)
        }
    }

    /// `self + other`, capped at [`MAX_MONEY`] so that a sum of accepted amounts never overflows.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_euro(1).saturating_add(Money::from_cents(50)).to_string(), "1.50");
    /// ```
    pub fn saturating_add(self, other: Money) -> Money {
        Money((self.0 + other.0).min(MAX_MONEY))
    }

    /// `rate` percent of this amount, rounded once to the cent, half away from zero
    /// (RULES.md §4.5).
    ///
    /// ```
    /// # use kmo_core::{Money, Percent};
    /// let cost = Money::parse("0.05").unwrap();
    /// // 30 % of 0.05 is 0.015, which rounds half away from zero to 0.02.
    /// assert_eq!(cost.percent(Percent::from_whole(30)).to_string(), "0.02");
    /// ```
    pub fn percent(self, rate: Percent) -> Money {
        // Whole cents and whole basis points (every amount and rate of a rulebook): the same
        // rounding in integers (`percent_of_cents`, held equal below by a property test).
        if let (Some(cents), Some(bp)) = (self.cents(), rate.basis_points()) {
            return Money(Decimal::new(percent_of_cents(cents, bp), 2).normalize());
        }
        // Both factors are bounded (money ≤ 1e12 with two decimals, percent ≤ 100 with four),
        // so the product is exact in 96 bits.
        let exact = self.0 * rate.0 / Decimal::ONE_HUNDRED;
        Money(
            exact
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                .normalize(),
        )
    }
}

impl fmt::Display for Money {
    /// Always two decimals: `2000.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.cents() {
            // Every amount the engine handles: written from its cents, without the general
            // decimal formatting (the hot path of every message and response).
            Some(cents) => {
                let mut buf = [0_u8; 24];
                f.pad_integral(cents >= 0, "", cents_text(cents.unsigned_abs(), &mut buf))
            }
            None => {
                let mut value = self.0;
                value.rescale(2);
                fmt::Display::fmt(&value, f)
            }
        }
    }
}

impl Money {
    /// Appends the text `Display` writes (`2000.00`) to `out`, without the formatting
    /// machinery (the response writer's path).
    pub(crate) fn push_to(self, out: &mut Vec<u8>) {
        match self.cents() {
            Some(cents) => {
                if cents < 0 {
                    out.push(b'-');
                }
                let mut buf = [0_u8; 24];
                let at = cents_digits(cents.unsigned_abs(), &mut buf);
                out.extend_from_slice(&buf[at..]);
            }
            None => {
                use fmt::Write as _;
                let _ = write!(Utf8Bytes(out), "{self}");
            }
        }
    }
}

/// `cents / 100` with two decimals (`5` → `0.05`), written at the end of `buf`.
fn cents_text(cents: u64, buf: &mut [u8; 24]) -> &str {
    let at = cents_digits(cents, buf);
    // Only ASCII digits and a point were written.
    core::str::from_utf8(&buf[at..]).unwrap_or("")
}

/// Text written into a byte buffer (a `fmt::Write` for the response writer's `Vec<u8>`;
/// `std::io::Write` would bring its error machinery into the WebAssembly module).
pub(crate) struct Utf8Bytes<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for Utf8Bytes<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// `00`, `01`, … `99`: two digits at a time.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// `n` (below 100) as two digits.
fn digit_pair(n: usize) -> [u8; 2] {
    [DIGIT_PAIRS[2 * n], DIGIT_PAIRS[2 * n + 1]]
}

/// Writes the digits of `n` at the end of `buf` (two at a time); returns where they start.
fn digits(mut n: u128, buf: &mut [u8]) -> usize {
    let mut at = buf.len();
    while n >= 100 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&digit_pair((n % 100) as usize));
        n /= 100;
    }
    if n >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&digit_pair(n as usize));
    } else {
        at -= 1;
        buf[at] = b'0' + n as u8;
    }
    at
}

/// Appends a whole number as `Display` writes it, without the formatting machinery.
pub(crate) fn push_int(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    let mut buf = [0_u8; 48];
    let at = digits(u128::from(n.unsigned_abs()), &mut buf);
    out.extend_from_slice(&buf[at..]);
}

/// Appends a decimal without trailing zeros (what `Display` writes of `d.normalize()`),
/// without the formatting machinery.
pub(crate) fn push_decimal(out: &mut Vec<u8>, d: Decimal) {
    let d = d.normalize();
    let scale = d.scale() as usize;
    if d.is_sign_negative() && !d.is_zero() {
        out.push(b'-');
    }
    let mut buf = [0_u8; 48];
    let at = digits(d.mantissa().unsigned_abs(), &mut buf);
    let text = &buf[at..];
    if scale == 0 {
        out.extend_from_slice(text);
    } else if scale >= text.len() {
        out.extend_from_slice(b"0.");
        out.resize(out.len() + scale - text.len(), b'0');
        out.extend_from_slice(text);
    } else {
        let point = text.len() - scale;
        out.extend_from_slice(&text[..point]);
        out.push(b'.');
        out.extend_from_slice(&text[point..]);
    }
}

/// Writes `cents / 100` with two decimals at the end of `buf`; returns where it starts.
fn cents_digits(cents: u64, buf: &mut [u8; 24]) -> usize {
    let point = buf.len() - 3;
    buf[point + 1..].copy_from_slice(&digit_pair((cents % 100) as usize));
    buf[point] = b'.';
    digits(u128::from(cents / 100), &mut buf[..point])
}

impl FromStr for Money {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s)
    }
}

impl core::ops::Add for Money {
    type Output = Money;
    /// Adds two amounts. Sums of accepted amounts stay far below `Decimal`'s range.
    fn add(self, rhs: Money) -> Money {
        self.saturating_add(rhs)
    }
}

impl core::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Money::saturating_add)
    }
}

/// A percentage between 0 and 100 inclusive, with at most four decimals (`24.99`, `21`, `30`).
///
/// ```
/// use kmo_core::Percent;
/// let p = Percent::parse("24.99").unwrap();
/// assert!(p < Percent::from_whole(25));
/// assert_eq!(Percent::from_whole(45).to_string(), "45");
/// assert!(Percent::parse("100.01").is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    /// 0 %.
    pub const ZERO: Percent = Percent(Decimal::ZERO);

    /// A whole number of percent (0–100; larger values are clamped to 100).
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(30).to_string(), "30");
    /// ```
    pub const fn from_whole(value: u8) -> Percent {
        let v = match value {
            0..=100 => value,
            _ => 100,
        };
        Percent(Decimal::from_parts(v as u32, 0, 0, false, 0))
    }

    /// Parses `"25"`, `"24.99"`, `"0"`; rejects values outside 0–100 and more than four decimals.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert!(Percent::parse("25.00").unwrap() == Percent::from_whole(25));
    /// assert!(Percent::parse("-1").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Percent, InputError> {
        let value = read_plain_decimal(text).map_err(|why| match why {
            Plain::Malformed => InputError::new(
                InputErrorCode::InvalidPercent,
                "",
                format!(
                    "`{}` is not a percentage such as \"25\" or \"24.99\"",
                    clip(text)
                ),
            ),
            Plain::TooLarge => InputError::new(
                InputErrorCode::PercentOutOfRange,
                "",
                format!("`{}` is outside 0–100", clip(text)),
            ),
            Plain::TooPrecise => InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                format!("`{}` has more than four decimals", clip(text)),
            ),
        })?;
        Percent::from_decimal(value)
    }

    /// Checks a decimal percentage (0–100, at most four decimals).
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// use rust_decimal::Decimal;
    /// assert!(Percent::from_decimal(Decimal::new(2499, 2)).is_ok());
    /// ```
    pub fn from_decimal(value: Decimal) -> Result<Percent, InputError> {
        let value = value.normalize();
        if value.is_sign_negative() && !value.is_zero() || value > Decimal::ONE_HUNDRED {
            return Err(InputError::new(
                InputErrorCode::PercentOutOfRange,
                "",
                format!("the percentage {value} is outside 0–100"),
            ));
        }
        if value.scale() > 4 {
            return Err(InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                format!("the percentage {value} has more than four decimals"),
            ));
        }
        Ok(Percent(value.abs()))
    }

    /// The exact decimal value (30 % is `30`).
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(20).as_decimal().to_string(), "20");
    /// ```
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// The percentage in basis points (30 % is 3000), when it is a whole number of them.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(45).basis_points(), Some(4500));
    /// ```
    pub fn basis_points(self) -> Option<u32> {
        whole_units(self.0, 2).and_then(|bp| u32::try_from(bp).ok())
    }

    /// `self + points`, capped at 100 %.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(30).plus_points(15), Percent::from_whole(45));
    /// ```
    pub fn plus_points(self, points: u8) -> Percent {
        Percent((self.0 + Decimal::from(points)).min(Decimal::ONE_HUNDRED))
    }
}

impl Percent {
    /// Appends the text `Display` writes (`30`, `24.99`) to `out`, without the formatting
    /// machinery (the response writer's path).
    pub(crate) fn push_to(self, out: &mut Vec<u8>) {
        match self.basis_points() {
            Some(bp) => {
                let mut buf = [0_u8; 24];
                let at = cents_digits(u64::from(bp), &mut buf);
                let mut end = buf.len();
                while buf[end - 1] == b'0' {
                    end -= 1;
                }
                if buf[end - 1] == b'.' {
                    end -= 1;
                }
                out.extend_from_slice(&buf[at..end]);
            }
            None => {
                use fmt::Write as _;
                let _ = write!(Utf8Bytes(out), "{self}");
            }
        }
    }
}

impl fmt::Display for Percent {
    /// Without trailing zeros: `30`, `24.99`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

/// `value × 10^places` when that is a whole number that fits an `i64`, read from the mantissa
/// and scale without decimal arithmetic (the fast path for cents and basis points).
fn whole_units(value: Decimal, places: u32) -> Option<i64> {
    // Powers of ten that fit an `i64`, so that the usual amounts (mantissa below 10^16, at most
    // two places to shift) are converted in 64-bit arithmetic: 128-bit multiplication and
    // division are library calls in WebAssembly, many times slower.
    const POW10: [i64; 19] = {
        let mut p = [1_i64; 19];
        let mut i = 1;
        while i < 19 {
            p[i] = p[i - 1] * 10;
            i += 1;
        }
        p
    };
    const SMALL: u64 = 10_000_000_000_000_000;
    let u = value.unpack();
    let scale = u.scale;
    if u.hi == 0 && places <= 2 && scale <= 18 {
        let magnitude = (u64::from(u.mid) << 32) + u64::from(u.lo);
        if magnitude < SMALL {
            // |m| < 10^16 and at most ×100: inside i64 without overflow checks.
            let m = if u.negative {
                -(magnitude as i64)
            } else {
                magnitude as i64
            };
            return Some(if scale <= places {
                m * POW10[(places - scale) as usize]
            } else {
                let divisor = POW10[(scale - places) as usize];
                if m % divisor != 0 {
                    return None;
                }
                m / divisor
            });
        }
    }
    whole_units_wide(value, places)
}

/// [`whole_units`] in 128-bit arithmetic, for any mantissa.
fn whole_units_wide(value: Decimal, places: u32) -> Option<i64> {
    let mantissa = value.mantissa();
    let scale = value.scale();
    let units = if scale <= places {
        mantissa.checked_mul(10_i128.checked_pow(places - scale)?)?
    } else {
        let divisor = 10_i128.checked_pow(scale - places)?;
        if mantissa % divisor != 0 {
            return None;
        }
        mantissa / divisor
    };
    i64::try_from(units).ok()
}

/// `basis_points / 10 000` of `cents`, rounded once to the cent, half away from zero: the
/// integer twin of [`Money::percent`] (RULES.md §4.5), for the quick paths. Exact for every
/// accepted amount (the product stays far inside `i128`).
///
/// ```
/// use kmo_core::units::percent_of_cents;
/// assert_eq!(percent_of_cents(5, 3000), 2);       // 30 % of 0.05 = 0.015 → 0.02
/// assert_eq!(percent_of_cents(200_000, 3000), 60_000);
/// ```
pub fn percent_of_cents(cents: i64, basis_points: u32) -> i64 {
    // Every accepted amount (at most 10^14 cents) times at most 10 000 basis points stays
    // inside i64: 64-bit arithmetic then, which WebAssembly does natively.
    const FITS: u64 = 100_000_000_000_000;
    if cents.unsigned_abs() <= FITS && basis_points <= 10_000 {
        let product = cents * i64::from(basis_points);
        let (quotient, remainder) = (product / 10_000, product % 10_000);
        return if remainder.abs() * 2 >= 10_000 {
            quotient + product.signum()
        } else {
            quotient
        };
    }
    let product = i128::from(cents) * i128::from(basis_points);
    let (quotient, remainder) = (product / 10_000, product % 10_000);
    let rounded = if remainder.abs() * 2 >= 10_000 {
        quotient + product.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// Why a text is not an acceptable plain decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Plain {
    /// Not `[-][0-9]+(.[0-9]+)?`.
    Malformed,
    /// More than 15 significant integer digits: beyond every range the engine accepts.
    TooLarge,
    /// More than 12 significant decimals: finer than anything the engine accepts.
    TooPrecise,
}

/// Reads `[0-9]+(\.[0-9]+)?` with an optional leading `-` (so that negative values are reported
/// as negative rather than malformed): no exponent, no `+`, no spaces. Leading zeros of the
/// integer part and trailing zeros of the fraction do not count against the limits, so any
/// length of text is classified in one pass without overflowing.
pub(crate) fn read_plain_decimal(text: &str) -> Result<Decimal, Plain> {
    let negative = text.starts_with('-');
    let body = if negative { &text[1..] } else { text };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || body.contains('.') && (frac.is_empty() || !digits(frac)) {
        return Err(Plain::Malformed);
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() > 15 {
        return Err(Plain::TooLarge);
    }
    if frac.len() > 12 {
        return Err(Plain::TooPrecise);
    }
    // At most 27 significant digits (< 2^96): always exact in `Decimal`, read without allocating.
    let mantissa = int
        .bytes()
        .chain(frac.bytes())
        .fold(0_i128, |acc, b| acc * 10 + i128::from(b - b'0'));
    let mantissa = if negative { -mantissa } else { mantissa };
    // `frac.len() <= 12`, so the scale always fits.
    Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32).map_err(|_| Plain::TooLarge)
}

/// [`read_plain_decimal`], when only success matters.
pub(crate) fn parse_plain_decimal(text: &str) -> Option<Decimal> {
    read_plain_decimal(text).ok()
}

/// Shortens a user string for an error message.
pub(crate) fn clip(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

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
    /// The ten characters, for years 0–9999.
    fn ascii(self) -> Option<[u8; 10]> {
        let (year, month, day) = self.0.to_calendar_date();
        let year = u16::try_from(year).ok().filter(|y| *y <= 9999)?;
        let pair = |n: u16| digit_pair(usize::from(n));
        let [c1, c2] = pair(year / 100);
        let [y1, y2] = pair(year % 100);
        let [m1, m2] = pair(u16::from(u8::from(month)));
        let [d1, d2] = pair(u16::from(day));
        Some([c1, c2, y1, y2, b'-', m1, m2, b'-', d1, d2])
    }

    /// Appends the text `Display` writes to `out`, without the formatting machinery.
    pub(crate) fn push_to(self, out: &mut Vec<u8>) {
        match self.ascii() {
            Some(buf) => out.extend_from_slice(&buf),
            None => {
                use fmt::Write as _;
                let _ = write!(Utf8Bytes(out), "{self}");
            }
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

/// [`IsoDate`] as a `String`.
pub(crate) fn iso_date(d: Date) -> String {
    IsoDate(d).to_string()
}

/// The earliest date the engine accepts anywhere (1 January 1900).
pub const MIN_YEAR: i32 = 1900;
/// The latest year the engine accepts anywhere (2199).
pub const MAX_YEAR: i32 = 2199;

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
    let bad = |why: &str| {
        InputError::new(
            InputErrorCode::InvalidDate,
            "",
            format!("`{}` {why}", clip(text)),
        )
    };
    let b = text.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(bad("is not a date of the form YYYY-MM-DD"));
    }
    let num = |r: core::ops::Range<usize>| -> i32 {
        b[r].iter().fold(0, |acc, c| acc * 10 + i32::from(c - b'0'))
    };
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(bad("is outside the years 1900–2199"));
    }
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(|| bad("has no month 01–12"))?;
    let day = u8::try_from(day).map_err(|_| bad("does not exist"))?;
    Date::from_calendar_date(year, month, day).map_err(|_| bad("does not exist in the calendar"))
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
pub fn date_from_ymd(year: i32, month: u8, day: u8) -> Option<Date> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
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
    // One calendar conversion for the three fields.
    let (year, month, day) = date.to_calendar_date();
    year.unsigned_abs() * 10_000 + u32::from(u8::from(month)) * 100 + u32::from(day)
}

/// The date `days` calendar days after `date` (no weekend or holiday roll-over).
pub(crate) fn add_days(date: Date, days: i64) -> Date {
    date.checked_add(time::Duration::days(days))
        .unwrap_or(Date::MAX)
}

/// The same day `months` months later (or earlier, when negative), or the last day of that
/// month when it is shorter.
pub(crate) fn add_months(date: Date, months: i32) -> Date {
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
    add_months(date, years * 12)
}

/// 31 December of `year`.
pub(crate) fn end_of_year(year: i32) -> Date {
    Date::from_calendar_date(year, Month::December, 31).unwrap_or(Date::MAX)
}

/// A date literal for the rulebook tables; the arguments are checked by the tests.
pub(crate) const fn ymd(year: i32, month: Month, day: u8) -> Date {
    match Date::from_calendar_date(year, month, day) {
        Ok(d) => d,
        Err(_) => Date::MIN,
    }
}

/// Whole euro as a constant, for the rulebook tables.
pub(crate) const fn eur(value: u32) -> Money {
    Money(Decimal::from_parts(value, 0, 0, false, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_money_is_one_trillion() {
        assert_eq!(MAX_MONEY, Decimal::from(1_000_000_000_000_i64));
    }

    #[test]
    fn money_edges() {
        assert!(Money::parse("1000000000000").is_ok());
        assert_eq!(
            Money::parse("1000000000000.01").unwrap_err().code,
            InputErrorCode::AmountOutOfRange
        );
        assert_eq!(
            Money::parse("0.001").unwrap_err().code,
            InputErrorCode::TooManyDecimals
        );
        assert!(
            Money::parse("0.100").is_ok(),
            "trailing zeros are not extra precision"
        );
        assert_eq!(
            Money::parse("-0.01").unwrap_err().code,
            InputErrorCode::NegativeAmount
        );
        assert!(Money::parse("-0").is_ok());
        for bad in [
            "", ".", "1.", ".5", "+1", "1e3", " 1", "1,5", "NaN", "Infinity", "١٢",
        ] {
            assert_eq!(
                Money::parse(bad).unwrap_err().code,
                InputErrorCode::InvalidAmount,
                "{bad}"
            );
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero_once() {
        let r = Percent::from_whole(30);
        assert_eq!(Money::parse("0.05").unwrap().percent(r).to_string(), "0.02");
        assert_eq!(Money::parse("0.15").unwrap().percent(r).to_string(), "0.05"); // 0.045
        assert_eq!(Money::parse("0.01").unwrap().percent(r).to_string(), "0.00"); // 0.003
        assert_eq!(
            Money::parse("1000000000000")
                .unwrap()
                .percent(Percent::from_whole(100))
                .to_string(),
            "1000000000000.00"
        );
    }

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

    #[test]
    fn money_from_decimal_edges() {
        assert_eq!(Money::from_decimal(Decimal::new(-1, 2)), None);
        assert_eq!(Money::from_decimal(Decimal::new(-0, 2)), Some(Money::ZERO));
        assert_eq!(Money::from_decimal(Decimal::new(1, 3)), None);
        assert_eq!(
            Money::from_decimal(Decimal::new(10, 3)),
            Some(Money::from_cents(1))
        );
        assert_eq!(Money::from_decimal(MAX_MONEY), Some(Money(MAX_MONEY)));
        assert_eq!(Money::from_decimal(MAX_MONEY + Decimal::new(1, 2)), None);
        assert_eq!(
            Money::from_decimal(Decimal::new(199, 2)).map(Money::cents),
            Some(Some(199))
        );
    }

    #[test]
    fn money_conversions() {
        assert_eq!(Money::parse("0").unwrap().cents(), Some(0));
        assert_eq!(Money::parse("123.45").unwrap().cents(), Some(12_345));
        assert_eq!(Money(Decimal::new(1, 3)).cents(), None, "not whole cents");
        assert_eq!("2000".parse::<Money>().unwrap(), Money::from_euro(2000));
        assert!("x".parse::<Money>().is_err());
        assert_eq!(
            Money::from_euro(1) + Money::from_cents(50),
            Money::from_cents(150)
        );
        assert_eq!(Money(MAX_MONEY) + Money::from_euro(1), Money(MAX_MONEY));
    }

    #[test]
    fn percent_edges() {
        assert_eq!(Percent::from_whole(100).as_decimal(), Decimal::ONE_HUNDRED);
        assert_eq!(Percent::from_whole(101).as_decimal(), Decimal::ONE_HUNDRED);
        assert_eq!(Percent::from_whole(99).as_decimal(), Decimal::from(99));
        assert!(Percent::from_decimal(Decimal::ONE_HUNDRED).is_ok());
        assert!(Percent::from_decimal(Decimal::new(1_000_001, 4)).is_err());
        assert!(Percent::from_decimal(Decimal::new(99_9999, 4)).is_ok());
        assert!(Percent::from_decimal(Decimal::new(1, 5)).is_err());
        assert_eq!(Percent::from_whole(45).basis_points(), Some(4500));
        assert_eq!(Percent::parse("24.99").unwrap().basis_points(), Some(2499));
        assert_eq!(Percent::parse("0.001").unwrap().basis_points(), None);
        assert_eq!(Percent::parse("12.5").unwrap().to_string(), "12.5");
    }

    #[test]
    fn plain_decimal_and_clip_edges() {
        // Leading and trailing zeros do not count: any length is classified, never overflows.
        let padded = format!("{}1.{}", "0".repeat(5000), "0".repeat(5000));
        assert_eq!(parse_plain_decimal(&padded), Some(Decimal::ONE));
        assert_eq!(
            read_plain_decimal(&"9".repeat(15)),
            Ok(Decimal::from(999_999_999_999_999_i64))
        );
        assert_eq!(read_plain_decimal(&"9".repeat(16)), Err(Plain::TooLarge));
        assert_eq!(
            read_plain_decimal("0.000000000001"),
            Ok(Decimal::new(1, 12))
        );
        assert_eq!(
            read_plain_decimal("0.0000000000001"),
            Err(Plain::TooPrecise)
        );
        assert_eq!(
            read_plain_decimal(&"9".repeat(10_000_000)),
            Err(Plain::TooLarge)
        );
        assert_eq!(read_plain_decimal("1..0"), Err(Plain::Malformed));
        assert_eq!(read_plain_decimal("1."), Err(Plain::Malformed));
        assert_eq!(read_plain_decimal("--1"), Err(Plain::Malformed));
        assert!(parse_plain_decimal("-").is_none());
        assert!(parse_plain_decimal("").is_none());
        assert_eq!(parse_plain_decimal("-1.5"), Some(Decimal::new(-15, 1)));
        let exactly = "a".repeat(40);
        assert_eq!(clip(&exactly), exactly);
        assert_eq!(clip(&"b".repeat(41)), format!("{}…", "b".repeat(40)));
        assert_eq!(clip("é"), "é");
    }

    proptest::proptest! {
        /// The allocation-free reader agrees with rust_decimal's own parser on every plain
        /// decimal within the limits: sign, leading and trailing zeros, 0–15 + 0–12 digits.
        #[test]
        fn plain_decimal_agrees_with_rust_decimal(
            negative: bool,
            zeros in "0{0,3}",
            int in "[0-9]{1,15}",
            frac in proptest::option::of("[0-9]{1,12}"),
            trailing in "0{0,3}",
        ) {
            let sign = if negative { "-" } else { "" };
            let text = match &frac {
                Some(f) => format!("{sign}{zeros}{int}.{f}{trailing}"),
                None => format!("{sign}{zeros}{int}"),
            };
            // The oracle reads the same number without the padding zeros (which it would
            // count against its 28 digits).
            let int_part = int.trim_start_matches('0');
            let frac_part = frac.as_deref().unwrap_or("").trim_end_matches('0');
            let canonical = format!(
                "{sign}{}{}{frac_part}",
                if int_part.is_empty() { "0" } else { int_part },
                if frac_part.is_empty() { "" } else { "." },
            );
            let expected = Decimal::from_str_exact(&canonical).unwrap();
            let got = read_plain_decimal(&text).unwrap();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The 64-bit fast lane of `whole_units` agrees with the 128-bit one everywhere,
        /// around its 10^16 limit and for mantissas beyond 64 bits.
        #[test]
        fn whole_units_lanes_agree(
            mantissa in proptest::prop_oneof![
                -100_000_i128..100_000,
                -10_000_000_000_000_010_i128..-9_999_999_999_999_990,
                9_999_999_999_999_990_i128..10_000_000_000_000_010,
                proptest::num::i128::ANY.prop_map(|m| m >> 33),
            ],
            scale in 0_u32..=28,
            places in 0_u32..=4,
        ) {
            let value = Decimal::from_i128_with_scale(mantissa, scale);
            proptest::prop_assert_eq!(whole_units(value, places), whole_units_wide(value, places));
        }

        /// The 64-bit lane of `percent_of_cents` agrees with 128-bit arithmetic.
        #[test]
        fn percent_of_cents_lanes_agree(cents in -200_000_000_000_000_i64..200_000_000_000_000, bp in 0_u32..=12_000) {
            let product = i128::from(cents) * i128::from(bp);
            let (q, r) = (product / 10_000, product % 10_000);
            let expected = if r.abs() * 2 >= 10_000 { q + product.signum() } else { q };
            proptest::prop_assert_eq!(i128::from(percent_of_cents(cents, bp)), expected);
        }
    }

    #[test]
    fn percent_of_cents_at_the_limits_of_its_lanes() {
        let wide = |cents: i64, bp: u32| {
            let product = i128::from(cents) * i128::from(bp);
            let (q, r) = (product / 10_000, product % 10_000);
            let rounded = if r.abs() * 2 >= 10_000 {
                q + product.signum()
            } else {
                q
            };
            i64::try_from(rounded).unwrap_or(i64::MAX)
        };
        let fits = 100_000_000_000_000_i64;
        for (cents, bp) in [
            (i64::MAX, 10_000),
            (i64::MIN, 10_000),
            (fits, u32::MAX),
            (fits + 1, 10_000),
            (fits, 10_001),
            (-fits, 10_000),
            (fits, 10_000),
            (5, u32::MAX),
        ] {
            assert_eq!(
                percent_of_cents(cents, bp),
                wide(cents, bp),
                "{cents} × {bp}"
            );
        }
    }

    #[test]
    fn money_text_from_cents() {
        for (cents, text) in [
            (0, "0.00"),
            (5, "0.05"),
            (10, "0.10"),
            (99, "0.99"),
            (100, "1.00"),
            (123_456, "1234.56"),
            (-5, "-0.05"),
            (-123_456, "-1234.56"),
            (100_000_000_000_000, "1000000000000.00"),
        ] {
            assert_eq!(Money::from_cents(cents).to_string(), text);
        }
        assert_eq!(format!("{:>9}", Money::from_cents(12_345)), "   123.45");
        assert_eq!(format!("{:<8}|", Money::from_cents(-1)), "-0.01   |");
        // Beyond whole cents (not produced by the engine), the decimal is rounded for display.
        assert_eq!(Money(Decimal::new(12_345, 3)).to_string(), "12.35");
        assert_eq!(
            Money(Decimal::from(i64::MAX) * Decimal::from(10)).to_string(),
            "92233720368547758070.00"
        );
    }

    proptest::proptest! {
        /// The fast date text equals the `time` crate's for every date it can represent.
        #[test]
        fn iso_date_is_time_display(days in -800_000_i32..3_000_000) {
            let d = Date::from_julian_day(days).unwrap();
            proptest::prop_assert_eq!(IsoDate(d).to_string(), d.to_string());
        }
    }

    #[test]
    fn date_from_ymd_edges() {
        assert_eq!(
            date_from_ymd(1900, 1, 1).map(iso_date).as_deref(),
            Some("1900-01-01")
        );
        assert_eq!(
            date_from_ymd(2199, 12, 31).map(iso_date).as_deref(),
            Some("2199-12-31")
        );
        assert_eq!(
            date_from_ymd(2028, 2, 29).map(iso_date).as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(date_from_ymd(1899, 12, 31), None);
        assert_eq!(date_from_ymd(2200, 1, 1), None);
        assert_eq!(date_from_ymd(2026, 13, 1), None);
        assert_eq!(date_from_ymd(2026, 0, 1), None);
        assert_eq!(date_from_ymd(2026, 2, 29), None);
    }

    proptest::proptest! {
        /// The response writer's path writes what `Display` writes.
        #[test]
        fn push_to_is_display(cents in proptest::num::i64::ANY, days in -800_000_i32..3_000_000) {
            let text = |push: &dyn Fn(&mut Vec<u8>)| {
                let mut out = b"x".to_vec();
                push(&mut out);
                String::from_utf8(out[1..].to_vec()).unwrap()
            };
            for zero in [Money::ZERO, Money::from_cents(0)] {
                proptest::prop_assert_eq!(text(&|o| zero.push_to(o)), "0.00");
            }
            let money = Money::from_cents(cents);
            proptest::prop_assert_eq!(text(&|o| money.push_to(o)), money.to_string());
            let percent = Percent(Decimal::new(cents.rem_euclid(1_000_001), 4).normalize());
            proptest::prop_assert_eq!(text(&|o| percent.push_to(o)), percent.to_string());
            let date = IsoDate(Date::from_julian_day(days).unwrap());
            proptest::prop_assert_eq!(text(&|o| date.push_to(o)), date.to_string());
            proptest::prop_assert_eq!(text(&|o| push_int(o, cents)), cents.to_string());
            for scale in [0, 1, 2, 4, 19, 28] {
                for d in [Decimal::new(cents, scale), Decimal::from_i128_with_scale(i128::from(cents) * 1_000_000_007, scale)] {
                    proptest::prop_assert_eq!(text(&|o| push_decimal(o, d)), d.normalize().to_string());
                }
            }
        }
    }

    proptest::proptest! {
        /// The integer lane of `Money::percent` is the decimal computation, rounding included.
        #[test]
        fn percent_lanes_agree(cents in -100_000_000_000_000_i64..=100_000_000_000_000, bp in 0_u32..=10_000) {
            let money = Money::from_cents(cents);
            let rate = Percent(Decimal::new(i64::from(bp), 2).normalize());
            let exact = (money.0 * rate.0 / Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                .normalize();
            let fast = money.percent(rate);
            proptest::prop_assert_eq!(fast.0, exact);
            proptest::prop_assert_eq!(fast.0.scale(), exact.scale());
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

    #[test]
    fn whole_units_edges() {
        assert_eq!(whole_units(Decimal::new(-12345, 2), 2), Some(-12345));
        assert_eq!(whole_units(Decimal::new(-12345, 3), 2), None);
        assert_eq!(whole_units(Decimal::new(-12340, 3), 2), Some(-1234));
        assert_eq!(whole_units(Decimal::new(5, 0), 2), Some(500));
        let edge = 9_999_999_999_999_999_i64;
        assert_eq!(whole_units(Decimal::new(edge, 0), 2), Some(edge * 100));
        assert_eq!(
            whole_units(Decimal::new(edge + 1, 0), 2),
            Some((edge + 1) * 100)
        );
        assert_eq!(whole_units(Decimal::new(i64::MAX, 0), 2), None);
        // A mantissa beyond 64 bits whose low 64 bits are small is not read as small.
        let wide = Decimal::from_i128_with_scale((1_i128 << 64) + 5, 2);
        assert_eq!(whole_units(wide, 2), None);
        let wide_mid = Decimal::from_i128_with_scale((1_i128 << 32) + 5, 0);
        assert_eq!(whole_units(wide_mid, 2), Some(((1_i64 << 32) + 5) * 100));
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
