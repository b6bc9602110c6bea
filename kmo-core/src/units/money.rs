//! Money: an amount of euro, exact to the cent.

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;
#[cfg(test)]
use rust_decimal::RoundingStrategy;

use super::decimal::{
    percent_of_cents, ratio_half_away, read_plain_decimal, simple_decimal, whole_units, Plain,
};
use super::digits::{decimal_string, extend_window, hundredths_digits, hundredths_text};
use super::percent::Percent;
use crate::error::{clip, InputError, InputErrorCode};

/// The largest amount of money the engine accepts: EUR 1 000 000 000 000 ([`Money::MAX`]).
///
/// Far beyond any real training or advice cost, and small enough that every product the
/// engine forms (amount × percentage) stays exact inside `Decimal`'s 96-bit mantissa.
pub const MAX_MONEY: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// [`MAX_MONEY`] in cents.
const MAX_CENTS: i64 = 100_000_000_000_000;

/// An amount of euro: whole cents, from 0 to [`Money::MAX`] (EUR 1 000 000 000 000).
///
/// A `Money` cannot be negative, finer than a cent or above the maximum: every constructor
/// refuses such a value with the error code the JSON document gets (`NEGATIVE_AMOUNT`,
/// `TOO_MANY_DECIMALS`, `AMOUNT_OUT_OF_RANGE`), and the arithmetic is checked
/// ([`Money::checked_add`], [`Money::checked_sub`]) or says in its name what it does at the
/// edge ([`Money::saturating_sub`]). Computed amounts are rounded once, to the cent, half away
/// from zero ([`Money::percent`]).
///
/// ```
/// use kmo_core::Money;
/// let cost = Money::parse("2000").unwrap();
/// assert_eq!(cost.to_string(), "2000.00");
/// assert_eq!(Money::from_cents(123_45).unwrap().to_string(), "123.45");
/// assert!(Money::parse("12.345").is_err());
/// assert!(Money::from_cents(-5).is_err());
/// assert_eq!(Money::MAX.checked_add(Money::from_cents(1).unwrap()), None);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(
    /// Whole cents, 0 to `MAX_CENTS`: exact, and compared, added and scaled in integer
    /// arithmetic (the decimal value is `cents / 100`, given by `as_decimal`).
    i64,
);

impl Money {
    /// Zero euro.
    pub const ZERO: Money = Money(0);

    /// The largest amount: EUR 1 000 000 000 000.
    pub const MAX: Money = Money(MAX_CENTS);

    /// An amount from a whole number of cents: 0 to 100 000 000 000 000.
    ///
    /// # Errors
    ///
    /// `NEGATIVE_AMOUNT` below zero, `AMOUNT_OUT_OF_RANGE` above [`Money::MAX`].
    ///
    /// ```
    /// # use kmo_core::{InputErrorCode, Money};
    /// assert_eq!(Money::from_cents(750_000).unwrap().to_string(), "7500.00");
    /// assert_eq!(Money::from_cents(-1).unwrap_err().code, InputErrorCode::NegativeAmount);
    /// // The message shows the amount in euro: -500 cents is -5.00.
    /// let e = Money::from_cents(-500).unwrap_err();
    /// assert_eq!(e.message(kmo_core::Lang::En), "the amount -5.00 is negative; amounts are zero or more");
    /// assert_eq!(Money::from_cents(i64::MAX).unwrap_err().code, InputErrorCode::AmountOutOfRange);
    /// ```
    #[inline]
    pub fn from_cents(cents: i64) -> Result<Money, InputError> {
        if (0..=MAX_CENTS).contains(&cents) {
            Ok(Money(cents))
        } else {
            Err(out_of_range(cents))
        }
    }

    /// An amount of whole euro (every `u32` is a valid amount).
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_euro(100).to_string(), "100.00");
    /// ```
    pub const fn from_euro(euro: u32) -> Money {
        Money(euro as i64 * 100)
    }

    /// An amount from a decimal: non-negative, at most two decimals, not above [`Money::MAX`].
    ///
    /// # Errors
    ///
    /// `NEGATIVE_AMOUNT`, `TOO_MANY_DECIMALS` or `AMOUNT_OUT_OF_RANGE`.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// use rust_decimal::Decimal;
    /// assert!(Money::from_decimal(Decimal::new(1999, 2)).is_ok());
    /// assert!(Money::from_decimal(Decimal::new(-1, 0)).is_err());
    /// assert!(Money::from_decimal(Decimal::new(1, 3)).is_err());
    /// ```
    pub fn from_decimal(value: Decimal) -> Result<Money, InputError> {
        let normal = value.normalize();
        if normal.is_sign_negative() && !normal.is_zero() {
            return Err(negative(decimal_string(normal)));
        }
        if normal > MAX_MONEY {
            return Err(too_large(decimal_string(normal)));
        }
        if normal.scale() > 2 {
            return Err(InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                "err_amount_decimals",
                vec![decimal_string(normal).into()],
            ));
        }
        // At most two decimals and at most MAX_MONEY: whole cents that fit.
        Ok(Money(whole_units(normal.abs(), 2).unwrap_or(MAX_CENTS)))
    }

    /// Parses a decimal string such as `"2000"`, `"2000.00"` or `"12.5"`.
    ///
    /// # Errors
    ///
    /// `INVALID_AMOUNT` for anything but plain digits with an optional point (no sign other
    /// than `-`, no exponent, no spaces), then as [`Money::from_decimal`]. The error names no
    /// field; the caller adds the path ([`InputError::at`]).
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::parse("99.99").unwrap().cents(), 9999);
    /// assert!(Money::parse("-1").is_err());
    /// assert!(Money::parse("1e3").is_err());
    /// assert!(Money::parse("").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Money, InputError> {
        // The usual amounts (up to twelve digits, up to two decimals: below the maximum)
        // straight into cents; anything else through the general reader and its errors.
        if let Some((n, decimals)) = simple_decimal(text, 12, 2) {
            return Ok(Money(
                n as i64
                    * if decimals == 1 {
                        10
                    } else if decimals == 0 {
                        100
                    } else {
                        1
                    },
            ));
        }
        let value = read_plain_decimal(text).map_err(|why| match why {
            Plain::Malformed => InputError::new(
                InputErrorCode::InvalidAmount,
                "",
                "err_amount_malformed",
                vec![clip(text).into()],
            ),
            Plain::TooLarge => too_large(clip(text)),
            Plain::Negative => negative(clip(text)),
            Plain::TooPrecise => InputError::new(
                InputErrorCode::TooManyDecimals,
                "",
                "err_amount_decimals",
                vec![clip(text).into()],
            ),
        })?;
        Money::from_decimal(value)
    }

    /// Whether the amount is zero.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert!(Money::parse("0.00").unwrap().is_zero());
    /// ```
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// The exact decimal value.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_euro(15).as_decimal(), rust_decimal::Decimal::new(15, 0));
    /// ```
    pub fn as_decimal(self) -> Decimal {
        Decimal::new(self.0, 2).normalize()
    }

    /// The amount in cents (0 to 100 000 000 000 000).
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::parse("600").unwrap().cents(), 60_000);
    /// ```
    pub fn cents(self) -> i64 {
        self.0
    }

    /// `self + other`, or `None` above [`Money::MAX`].
    ///
    /// ```
    /// # use kmo_core::Money;
    /// let sum = Money::from_euro(1).checked_add(Money::parse("0.50").unwrap());
    /// assert_eq!(sum.unwrap().to_string(), "1.50");
    /// ```
    pub fn checked_add(self, other: Money) -> Option<Money> {
        // Both at most MAX_CENTS (10^14): the sum cannot overflow an i64.
        let sum = self.0 + other.0;
        (sum <= MAX_CENTS).then_some(Money(sum))
    }

    /// `self − other`, or `None` when `other` is larger (money is never negative).
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_euro(1).checked_sub(Money::from_euro(2)), None);
    /// ```
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        (other <= self).then_some(Money(self.0 - other.0))
    }

    /// `self − other`, or zero when `other` is larger: what is left of a ceiling, of an own
    /// share still due.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(Money::from_euro(7500).saturating_sub(Money::from_euro(8000)), Money::ZERO);
    /// ```
    pub fn saturating_sub(self, other: Money) -> Money {
        self.checked_sub(other).unwrap_or(Money::ZERO)
    }

    /// The sum of amounts, or `None` above [`Money::MAX`].
    ///
    /// ```
    /// # use kmo_core::Money;
    /// let parts = [Money::from_euro(2), Money::from_euro(3)];
    /// assert_eq!(Money::checked_sum(parts), Some(Money::from_euro(5)));
    /// assert_eq!(Money::checked_sum([Money::MAX, Money::from_euro(1)]), None);
    /// ```
    pub fn checked_sum(amounts: impl IntoIterator<Item = Money>) -> Option<Money> {
        amounts
            .into_iter()
            .try_fold(Money::ZERO, |sum, m| sum.checked_add(m))
    }

    /// `rate` percent of this amount, rounded once to the cent, half away from zero. Never more
    /// than the amount itself (a percentage is at most 100).
    ///
    /// ```
    /// # use kmo_core::{Money, Percent};
    /// let cost = Money::parse("0.05").unwrap();
    /// // 30 % of 0.05 is 0.015, which rounds half away from zero to 0.02.
    /// assert_eq!(cost.percent(Percent::from_whole(30).unwrap()).to_string(), "0.02");
    /// ```
    pub fn percent(self, rate: Percent) -> Money {
        // Whole basis points (every rate of a rulebook): 64-bit integers (`percent_of_cents`).
        if let Some(bp) = rate.basis_points() {
            return Money(percent_of_cents(self.0, bp));
        }
        // Any other percentage (four decimals): cents × ten-thousandths of a percent, over
        // 10^6, in 128 bits (at most 10^14 × 10^6), rounded the same way. Both lanes are held
        // equal to the decimal computation by a property test.
        Money(ratio_half_away(
            i128::from(self.0) * i128::from(rate.ten_thousandths()),
            1_000_000,
        ))
    }

    /// Appends the text `Display` writes (`2000.00`) to `out`, without the formatting
    /// machinery (the response writer's path).
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_to(self, out: &mut Vec<u8>) {
        self.push_quoted(out, false);
    }

    /// Appends the text `Display` writes, between double quotes when `quoted` (a JSON string).
    #[inline]
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_quoted(self, out: &mut Vec<u8>, quoted: bool) {
        // At most 16 characters (`1000000000000.00`) ending at byte 24, a quote either side:
        // a window of 24 bytes from the first fits in the buffer.
        let mut buf = [0_u8; 48];
        let mut at = hundredths_digits(self.0.unsigned_abs(), &mut buf[..24]);
        let mut end = 24;
        if quoted {
            at -= 1;
            buf[at] = b'"';
            buf[end] = b'"';
            end += 1;
        }
        extend_window::<24>(out, &buf, at, end - at);
    }

    /// The text `Display` writes (`2000.00`), written into `buf`.
    pub(crate) fn ascii(self, buf: &mut [u8; 24]) -> &[u8] {
        let at = hundredths_digits(self.0.unsigned_abs(), buf);
        &buf[at..]
    }
}

/// The error of a number of cents below zero or above [`Money::MAX`], built only then.
#[cold]
#[inline(never)]
/// A whole number of cents out of range, refused with the amount in euro as the caller
/// means it (`-500` cents is shown as `-5.00`, not as 500 euro).
fn out_of_range(cents: i64) -> InputError {
    let euro = cents.unsigned_abs();
    let text = format!(
        "{}{}.{:02}",
        if cents < 0 { "-" } else { "" },
        euro / 100,
        euro % 100
    );
    if cents < 0 {
        negative(text)
    } else {
        too_large(text)
    }
}

fn negative(value: String) -> InputError {
    InputError::new(
        InputErrorCode::NegativeAmount,
        "",
        "err_amount_negative",
        vec![value.into()],
    )
}

fn too_large(value: String) -> InputError {
    InputError::new(
        InputErrorCode::AmountOutOfRange,
        "",
        "err_amount_too_large",
        vec![value.into()],
    )
}

impl fmt::Debug for Money {
    /// The amount as it reads: `Money(2100.00)`.
    ///
    /// ```
    /// # use kmo_core::Money;
    /// assert_eq!(format!("{:?}", Money::from_euro(2100)), "Money(2100.00)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({self})")
    }
}

impl fmt::Display for Money {
    /// Always two decimals: `2000.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0_u8; 24];
        f.pad_integral(true, "", hundredths_text(self.0.unsigned_abs(), &mut buf))
    }
}

impl FromStr for Money {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse(s)
    }
}

impl TryFrom<Decimal> for Money {
    type Error = InputError;
    fn try_from(value: Decimal) -> Result<Money, InputError> {
        Money::from_decimal(value)
    }
}

impl From<Money> for Decimal {
    fn from(m: Money) -> Decimal {
        m.as_decimal()
    }
}

/// Whole euro as a constant, for the rulebook tables.
pub(crate) const fn eur(value: u32) -> Money {
    Money::from_euro(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_money_is_one_trillion() {
        assert_eq!(MAX_MONEY, Decimal::from(1_000_000_000_000_i64));
        assert_eq!(Money::MAX.cents(), MAX_CENTS);
        assert_eq!(Money::MAX.as_decimal(), MAX_MONEY);
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
    fn from_cents_edges() {
        assert_eq!(Money::from_cents(0), Ok(Money::ZERO));
        assert_eq!(Money::from_cents(MAX_CENTS), Ok(Money::MAX));
        assert_eq!(
            Money::from_cents(MAX_CENTS + 1).unwrap_err().code,
            InputErrorCode::AmountOutOfRange
        );
        assert_eq!(
            Money::from_cents(-1).unwrap_err().code,
            InputErrorCode::NegativeAmount
        );
        assert_eq!(
            Money::from_cents(i64::MIN).unwrap_err().code,
            InputErrorCode::NegativeAmount
        );
        // The typed constructor and the JSON reader agree on every edge.
        for (cents, text) in [(-1, "-0.01"), (MAX_CENTS + 1, "1000000000000.01")] {
            assert_eq!(
                Money::from_cents(cents).unwrap_err().code,
                Money::parse(text).unwrap_err().code
            );
        }
    }

    #[test]
    fn checked_arithmetic_at_the_edges() {
        let cent = Money::from_cents(1).unwrap();
        assert_eq!(Money::MAX.checked_add(Money::ZERO), Some(Money::MAX));
        assert_eq!(Money::MAX.checked_add(cent), None);
        assert_eq!(cent.checked_sub(cent), Some(Money::ZERO));
        assert_eq!(Money::ZERO.checked_sub(cent), None);
        assert_eq!(Money::ZERO.saturating_sub(cent), Money::ZERO);
        assert_eq!(Money::checked_sum([]), Some(Money::ZERO));
    }

    #[test]
    fn money_from_decimal_edges() {
        assert!(Money::from_decimal(Decimal::new(-1, 2)).is_err());
        assert_eq!(Money::from_decimal(Decimal::new(-0, 2)), Ok(Money::ZERO));
        assert!(Money::from_decimal(Decimal::new(1, 3)).is_err());
        assert_eq!(
            Money::from_decimal(Decimal::new(10, 3)),
            Money::from_cents(1)
        );
        assert_eq!(Money::from_decimal(MAX_MONEY), Ok(Money::MAX));
        assert!(Money::from_decimal(MAX_MONEY + Decimal::new(1, 2)).is_err());
        assert_eq!(
            Money::from_decimal(Decimal::new(199, 2)).map(Money::cents),
            Ok(199)
        );
        assert_eq!("2000".parse::<Money>().unwrap(), Money::from_euro(2000));
        assert!("x".parse::<Money>().is_err());
    }

    #[test]
    fn rounding_is_half_away_from_zero_once() {
        let r = Percent::whole(30);
        assert_eq!(Money::parse("0.05").unwrap().percent(r).to_string(), "0.02");
        assert_eq!(Money::parse("0.15").unwrap().percent(r).to_string(), "0.05"); // 0.045
        assert_eq!(Money::parse("0.01").unwrap().percent(r).to_string(), "0.00"); // 0.003
        assert_eq!(
            Money::MAX.percent(Percent::HUNDRED).to_string(),
            "1000000000000.00"
        );
        let fine = Percent::parse("12.3456").unwrap();
        // 12.3456 % of 99.99 = 12.34436544 → 12.34
        assert_eq!(
            Money::parse("99.99").unwrap().percent(fine).to_string(),
            "12.34"
        );
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
            (MAX_CENTS, "1000000000000.00"),
        ] {
            let m = Money::from_cents(cents).unwrap();
            assert_eq!(m.to_string(), text);
            let mut out = Vec::new();
            m.push_to(&mut out);
            assert_eq!(String::from_utf8(out).unwrap(), text);
        }
        let m = Money::from_cents(12_345).unwrap();
        assert_eq!(format!("{m:>9}"), "   123.45");
        assert_eq!(format!("{m:<8}|"), "123.45  |");
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The integer lanes of `Money::percent` is the decimal computation, rounding included.
        #[test]
        fn percent_lanes_agree(
            cents in proptest::prop_oneof![0_i64..=MAX_CENTS, 0_i64..1_000, MAX_CENTS - 1_000..=MAX_CENTS],
            units in proptest::prop_oneof![
                (0_u32..=10_000).prop_map(|bp| bp * 100),
                0_u32..=1_000_000,
                999_900_u32..=1_000_000,
            ],
        ) {
            let money = Money::from_cents(cents).unwrap();
            let rate = Percent::from_decimal(Decimal::new(i64::from(units), 4)).unwrap();
            let exact = (money.as_decimal() * rate.as_decimal() / Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
                .normalize();
            let fast = money.percent(rate);
            proptest::prop_assert_eq!(fast.as_decimal(), exact);
            proptest::prop_assert!(fast <= money);
        }

        /// The integer reader of `Money::parse` gives what the decimal door gives, value or
        /// error, for any text of digits, points and signs.
        #[test]
        fn parse_lanes_agree(text in "-?[0-9]{0,16}(\\.[0-9]{0,4})?") {
            let slow = read_plain_decimal(&text)
                .map_err(|_| ())
                .and_then(|d| Money::from_decimal(d).map_err(|_| ()));
            match (Money::parse(&text), slow) {
                (Ok(fast), Ok(slow)) => proptest::prop_assert_eq!(fast, slow),
                (Err(_), Err(())) => {}
                (fast, slow) => proptest::prop_assert!(false, "{text}: {fast:?} {slow:?}"),
            }
        }

        /// Text written by `push_to` is `Display`'s, and it reads back as the same amount.
        #[test]
        fn text_round_trips(cents in 0_i64..=MAX_CENTS) {
            let money = Money::from_cents(cents).unwrap();
            let mut out = Vec::new();
            money.push_to(&mut out);
            let text = String::from_utf8(out).unwrap();
            proptest::prop_assert_eq!(&text, &money.to_string());
            proptest::prop_assert_eq!(Money::parse(&text).unwrap(), money);
            let mut quoted = b"x".to_vec();
            money.push_quoted(&mut quoted, true);
            proptest::prop_assert_eq!(String::from_utf8(quoted).unwrap(), format!("x\"{money}\""));
        }
    }
}
