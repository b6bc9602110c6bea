//! Percentages: aid rates, VAT rates, shares of capital and votes.

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use super::decimal::{read_plain_decimal, simple_decimal, whole_units, Plain, POW10};
use super::digits::{decimal_string, digit_pair, extend_window};
use crate::error::{clip, InputError, InputErrorCode};

/// A percentage between 0 and 100 inclusive, with at most four decimals (`24.99`, `21`, `30`).
///
/// ```
/// use kmo_core::Percent;
/// let p: Percent = "24.99".parse().unwrap();
/// assert!(p < Percent::from_whole(25).unwrap());
/// assert_eq!(Percent::from_whole(45).unwrap().to_string(), "45");
/// assert!(Percent::parse("100.01").is_err());
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(
    /// Ten-thousandths of a percent (30 % is 300 000), 0 to [`UNITS_PER_PERCENT`] × 100: the
    /// four decimals a percentage may have, exact in an integer, so that percentages are
    /// compared and applied in integer arithmetic (the decimal value is given by `as_decimal`).
    u32,
);

/// The integer lane of [`Percent`]: how many of its units make one percent.
const UNITS_PER_PERCENT: u32 = 10_000;

/// 100 % in the units of [`Percent`].
const HUNDRED_UNITS: u32 = 100 * UNITS_PER_PERCENT;

impl fmt::Debug for Percent {
    /// The percentage as it reads: `Percent(24.99)`.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(format!("{:?}", Percent::constant::<21>()), "Percent(21)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Percent({self})")
    }
}

impl Percent {
    /// 0 %.
    pub const ZERO: Percent = Percent(0);

    /// 100 %.
    pub const HUNDRED: Percent = Percent(HUNDRED_UNITS);

    /// A whole number of percent, 0–100.
    ///
    /// # Errors
    ///
    /// `PERCENT_OUT_OF_RANGE` above 100.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(30).unwrap().to_string(), "30");
    /// assert!(Percent::from_whole(101).is_err());
    /// ```
    pub fn from_whole(value: u8) -> Result<Percent, InputError> {
        if value > 100 {
            // The error of the decimal door, word for word.
            return Percent::from_decimal(Decimal::from(value));
        }
        Ok(Percent::whole(value))
    }

    /// A whole percentage known to be at most 100 (the rulebook tables; checked by their
    /// tests).
    pub(crate) const fn whole(value: u8) -> Percent {
        Percent(value as u32 * UNITS_PER_PERCENT)
    }

    /// A whole percentage as a constant, checked when the program is compiled: `N` above 100
    /// does not compile (and so can never panic).
    ///
    /// ```
    /// use kmo_core::Percent;
    /// const VAT: Percent = Percent::constant::<21>();
    /// assert_eq!(VAT.to_string(), "21");
    /// ```
    ///
    /// ```compile_fail
    /// const TOO_MUCH: kmo_core::Percent = kmo_core::Percent::constant::<101>();
    /// ```
    pub const fn constant<const N: u8>() -> Percent {
        const { assert!(N <= 100, "a percentage is at most 100") };
        Percent::whole(N)
    }

    /// Parses `"25"`, `"24.99"`, `"0"`.
    ///
    /// # Errors
    ///
    /// `INVALID_PERCENT` for anything but plain digits with an optional point,
    /// `PERCENT_OUT_OF_RANGE` outside 0–100, `TOO_MANY_DECIMALS` beyond four decimals.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert!(Percent::parse("25.00").unwrap() == Percent::from_whole(25).unwrap());
    /// assert!(Percent::parse("-1").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Percent, InputError> {
        // The usual percentages (up to three digits, up to four decimals, at most 100)
        // straight into units; anything else through the general reader and its errors.
        if let Some((n, decimals)) = simple_decimal(text, 3, 4) {
            // At most 999.9999: the units fit.
            let units = n * POW10[(4 - decimals) as usize];
            if units <= u64::from(HUNDRED_UNITS) {
                return Ok(Percent(units as u32));
            }
        }
        let value = read_plain_decimal(text).map_err(|why| match why {
            Plain::Malformed => InputError::new(
                InputErrorCode::InvalidPercent,
                "",
                "err_percent_malformed",
                vec![clip(text).into()],
            ),
            Plain::TooLarge | Plain::Negative => InputError::new(
                InputErrorCode::PercentOutOfRange,
                "",
                "err_percent_range",
                vec![clip(text).into()],
            ),
            Plain::TooPrecise => InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                "err_percent_decimals",
                vec![clip(text).into()],
            ),
        })?;
        Percent::from_decimal(value)
    }

    /// Checks a decimal percentage (0–100, at most four decimals).
    ///
    /// # Errors
    ///
    /// As [`Percent::parse`].
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
                "err_percent_range",
                vec![decimal_string(value).into()],
            ));
        }
        if value.scale() > 4 {
            return Err(InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                "err_percent_decimals",
                vec![decimal_string(value).into()],
            ));
        }
        // 0–100 with at most four decimals: a whole number of units that fits.
        let units = whole_units(value.abs(), 4).unwrap_or(0);
        Ok(Percent(u32::try_from(units).unwrap_or(HUNDRED_UNITS)))
    }

    /// A percentage from basis points (30 % is 3000), 0–10 000.
    ///
    /// # Errors
    ///
    /// `PERCENT_OUT_OF_RANGE` above 10 000.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_basis_points(2100).unwrap().to_string(), "21");
    /// assert!(Percent::from_basis_points(10_001).is_err());
    /// ```
    #[inline]
    pub fn from_basis_points(bp: u32) -> Result<Percent, InputError> {
        if bp > 10_000 {
            return above_hundred(bp);
        }
        Ok(Percent(bp * (UNITS_PER_PERCENT / 100)))
    }

    /// The exact decimal value (30 % is `30`).
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(20).unwrap().as_decimal().to_string(), "20");
    /// ```
    pub fn as_decimal(self) -> Decimal {
        Decimal::from_parts(self.0, 0, 0, false, 4).normalize()
    }

    /// The percentage in ten-thousandths of a percent (30 % is 300 000, 24.99 % is 249 900):
    /// every percentage exactly, as an integer.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::parse("12.3456").unwrap().ten_thousandths(), 123_456);
    /// ```
    pub fn ten_thousandths(self) -> u32 {
        self.0
    }

    /// The percentage in basis points (30 % is 3000), when it is a whole number of them.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(45).unwrap().basis_points(), Some(4500));
    /// assert_eq!(Percent::parse("0.001").unwrap().basis_points(), None);
    /// ```
    pub fn basis_points(self) -> Option<u32> {
        const PER_BP: u32 = UNITS_PER_PERCENT / 100;
        self.0.is_multiple_of(PER_BP).then_some(self.0 / PER_BP)
    }

    /// `self + points`, at most 100 %.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// assert_eq!(Percent::from_whole(30).unwrap().plus_points(15), Percent::from_whole(45).unwrap());
    /// assert_eq!(Percent::from_whole(95).unwrap().plus_points(15), Percent::HUNDRED);
    /// ```
    pub fn plus_points(self, points: u8) -> Percent {
        Percent((self.0 + u32::from(points) * UNITS_PER_PERCENT).min(HUNDRED_UNITS))
    }

    /// Appends the text `Display` writes (`30`, `24.99`) to `out`, without the formatting
    /// machinery (the response writer's path).
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_to(self, out: &mut Vec<u8>) {
        self.push_quoted(out, false);
    }

    /// Appends the text `Display` writes, between double quotes when `quoted` (a JSON string).
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_quoted(self, out: &mut Vec<u8>, quoted: bool) {
        // At most 8 characters (`100`, `99.9999`) starting at byte 4 or later and ending by
        // byte 12, a quote either side: a window of 16 bytes from the first fits in the
        // buffer.
        let mut buf = [0_u8; 32];
        let Some(digits) = buf.first_chunk_mut::<16>() else {
            return;
        };
        let (mut at, mut end) = self.digits(digits);
        if quoted {
            at -= 1;
            buf[at] = b'"';
            buf[end] = b'"';
            end += 1;
        }
        extend_window::<16>(out, &buf, at, end - at);
    }

    /// The text of the percentage without trailing zeros (`30`, `24.99`, `0.0001`), written
    /// into `buf`.
    pub(crate) fn ascii(self, buf: &mut [u8; 16]) -> &[u8] {
        let (at, end) = self.digits(buf);
        &buf[at..end]
    }

    /// Writes the text of [`Percent::ascii`] into `buf`, ending by byte 12 and starting at
    /// byte 4 or later; returns where it starts and ends.
    fn digits(self, buf: &mut [u8; 16]) -> (usize, usize) {
        // At most `100` or `99.9999`: the whole part, then the point and up to four decimals
        // (written as two pairs of digits, the trailing zeros left after the end).
        let (whole, frac) = (self.0 / UNITS_PER_PERCENT, self.0 % UNITS_PER_PERCENT);
        let end = 12;
        let mut at = end;
        if frac != 0 {
            let places = match (frac % 10, frac % 100, frac % 1000) {
                (0, 0, 0) => 1,
                (0, 0, _) => 2,
                (0, _, _) => 3,
                _ => 4,
            };
            at -= 1 + places;
            let [a, b] = digit_pair((frac / 100) as usize % 100);
            let [c, d] = digit_pair((frac % 100) as usize);
            buf[at..at + 5].copy_from_slice(&[b'.', a, b, c, d]);
        }
        let whole = whole as usize;
        if whole >= 100 {
            // 100 (a percentage is at most 100 %).
            let [b, c] = digit_pair(whole % 100);
            at -= 3;
            buf[at..at + 3].copy_from_slice(&[b'0' + (whole / 100 % 10) as u8, b, c]);
        } else if whole >= 10 {
            at -= 2;
            buf[at..at + 2].copy_from_slice(&digit_pair(whole));
        } else {
            at -= 1;
            buf[at] = b'0' + whole as u8;
        }
        (at, end)
    }
}

/// [`Percent::from_basis_points`] above 100 %: the error of the decimal door, word for word,
/// built only then.
#[cold]
#[inline(never)]
fn above_hundred(bp: u32) -> Result<Percent, InputError> {
    Percent::from_decimal(Decimal::new(i64::from(bp), 2))
}

impl fmt::Display for Percent {
    /// Without trailing zeros: `30`, `24.99`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0_u8; 16];
        // Only ASCII digits and a point were written.
        f.pad(core::str::from_utf8(self.ascii(&mut buf)).unwrap_or(""))
    }
}

impl FromStr for Percent {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Percent::parse(s)
    }
}

impl TryFrom<Decimal> for Percent {
    type Error = InputError;
    fn try_from(value: Decimal) -> Result<Percent, InputError> {
        Percent::from_decimal(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_edges() {
        assert_eq!(Percent::from_whole(100).unwrap(), Percent::HUNDRED);
        assert_eq!(
            Percent::from_whole(101).unwrap_err().code,
            InputErrorCode::PercentOutOfRange
        );
        assert_eq!(
            Percent::from_whole(99).unwrap().as_decimal(),
            Decimal::from(99)
        );
        assert!(Percent::from_decimal(Decimal::ONE_HUNDRED).is_ok());
        assert!(Percent::from_decimal(Decimal::new(1_000_001, 4)).is_err());
        assert!(Percent::from_decimal(Decimal::new(99_9999, 4)).is_ok());
        assert!(Percent::from_decimal(Decimal::new(1, 5)).is_err());
        assert_eq!(Percent::whole(45).basis_points(), Some(4500));
        assert_eq!(Percent::parse("24.99").unwrap().basis_points(), Some(2499));
        assert_eq!(Percent::parse("0.001").unwrap().basis_points(), None);
        assert_eq!(Percent::parse("12.5").unwrap().to_string(), "12.5");
        assert!(Percent::from_basis_points(10_000).is_ok());
        // The typed constructors refuse what the JSON reader refuses, with the same code.
        assert_eq!(
            Percent::from_basis_points(10_001).unwrap_err().code,
            Percent::parse("100.01").unwrap_err().code
        );
    }

    proptest::proptest! {
        /// The integer reader of `Percent::parse` gives what the decimal door gives, value or
        /// error code.
        #[test]
        fn parse_lanes_agree(text in "-?[0-9]{0,5}(\\.[0-9]{0,6})?") {
            let slow = read_plain_decimal(&text)
                .map_err(|_| ())
                .and_then(|d| Percent::from_decimal(d).map_err(|_| ()));
            match (Percent::parse(&text), slow) {
                (Ok(fast), Ok(slow)) => proptest::prop_assert_eq!(fast, slow),
                (Err(_), Err(())) => {}
                (fast, slow) => proptest::prop_assert!(false, "{text}: {fast:?} {slow:?}"),
            }
        }

        /// The response writer's text is `Display`'s.
        #[test]
        fn push_to_is_display(n in 0_i64..=1_000_000) {
            let percent = Percent::from_decimal(Decimal::new(n, 4)).unwrap();
            let mut out = Vec::new();
            percent.push_to(&mut out);
            let text = String::from_utf8(out).unwrap();
            proptest::prop_assert_eq!(&text, &percent.to_string());
            let mut quoted = b"x".to_vec();
            percent.push_quoted(&mut quoted, true);
            proptest::prop_assert_eq!(String::from_utf8(quoted).unwrap(), format!("x\"{percent}\""));
            // The text is the decimal's, and it reads back as the same percentage.
            proptest::prop_assert_eq!(&text, &Decimal::new(n, 4).normalize().to_string());
            proptest::prop_assert_eq!(percent.as_decimal(), Decimal::new(n, 4).normalize());
            proptest::prop_assert_eq!(Percent::parse(&text).unwrap(), percent);
            proptest::prop_assert_eq!(i64::from(percent.ten_thousandths()), n);
        }
    }
}
