//! Art. 2 of the Annex to Recommendation 2003/361/EC: the ceilings.
//!
//! | Class | Staff (AWU) | Turnover | | Balance-sheet total |
//! |---|---|---|---|---|
//! | micro | `< 10` | `<= 2 000 000` | OR | `<= 2 000 000` |
//! | small | `< 50` | `<= 10 000 000` | OR | `<= 10 000 000` |
//! | medium | `< 250` | `<= 50 000 000` | OR | `<= 43 000 000` |
//!
//! "Fewer than" is strict, "not exceeding" inclusive, and "and/or" is an inclusive OR: the staff
//! test is mandatory and one of the two financial tests suffices.

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

pub use crate::coded::SizeClass;
use crate::error::{clip, InputError, InputErrorCode};
use crate::units::{
    cmp_whole, decimal_string, read_plain_decimal, simple_decimal, Money, Plain, POW10,
};

/// Staff in annual work units (AWU, *jaararbeidseenheden*): fractional, never rounded before
/// comparing (REC-2003/361 art. 5).
///
/// ```
/// use kmo_core::AnnualWorkUnits;
/// let awu = AnnualWorkUnits::parse("9.99").unwrap();
/// assert_eq!(awu.to_string(), "9.99");
/// assert!(AnnualWorkUnits::parse("-1").is_err());
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AnnualWorkUnits(Decimal);

impl fmt::Debug for AnnualWorkUnits {
    /// The figure as it reads: `AnnualWorkUnits(9.99)`.
    ///
    /// ```
    /// # use kmo_core::AnnualWorkUnits;
    /// assert_eq!(format!("{:?}", AnnualWorkUnits::parse("9.990").unwrap()), "AnnualWorkUnits(9.99)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AnnualWorkUnits({self})")
    }
}

impl AnnualWorkUnits {
    /// At most 10 000 000 AWU (far above any enterprise), so that sums stay exact.
    pub const MAX: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);

    /// The decimals of the usual figure, read straight from its digits (more go through the
    /// general reader, exactly).
    pub(crate) const DECIMALS: u32 = 6;

    /// Parses a non-negative decimal (`"12"`, `"9.99"`, `"9.9999999"`), kept exactly: as many
    /// decimals as `Decimal` holds (28 digits in all), never rounded.
    ///
    /// ```
    /// # use kmo_core::AnnualWorkUnits;
    /// assert!(AnnualWorkUnits::parse("250").is_ok());
    /// ```
    pub fn parse(text: &str) -> Result<AnnualWorkUnits, InputError> {
        // The usual figures (up to eight digits, up to six decimals, at most the maximum)
        // built straight from their digits, normalized; anything else through the general
        // reader and its errors.
        if let Some((mut n, mut scale)) = simple_decimal(text, 8, Self::DECIMALS as usize) {
            if n <= 10_000_000 * POW10[scale as usize] {
                while scale > 0 && n % 10 == 0 {
                    n /= 10;
                    scale -= 1;
                }
                // Below 2^64: two words of the mantissa.
                return Ok(AnnualWorkUnits(Decimal::from_parts(
                    n as u32,
                    (n >> 32) as u32,
                    0,
                    false,
                    scale,
                )));
            }
        }
        let refused = |key| {
            InputError::new(
                InputErrorCode::InvalidNumber,
                "",
                key,
                vec![clip(text).into()],
            )
        };
        let value = match read_plain_decimal(text) {
            Ok(value) => value,
            // More decimals than the plain reader takes (a fraction such as 119/12 written
            // out): a plain, non-negative decimal by then, read exactly when `Decimal` holds
            // it (28 digits), never rounded.
            Err(Plain::TooPrecise) => {
                Decimal::from_str_exact(text).map_err(|_| refused("err_awu_range"))?
            }
            Err(Plain::Malformed) => return Err(refused("err_awu_malformed")),
            Err(Plain::Negative) => return Err(refused("err_awu_negative")),
            Err(Plain::TooLarge) => return Err(refused("err_awu_range")),
        };
        AnnualWorkUnits::from_decimal(value)
    }

    /// Checks a decimal AWU figure.
    ///
    /// ```
    /// # use kmo_core::AnnualWorkUnits;
    /// use rust_decimal::Decimal;
    /// assert!(AnnualWorkUnits::from_decimal(Decimal::new(10, 0)).is_ok());
    /// ```
    pub fn from_decimal(value: Decimal) -> Result<AnnualWorkUnits, InputError> {
        let value = value.normalize();
        if value.is_sign_negative() && !value.is_zero() {
            return Err(InputError::new(
                InputErrorCode::InvalidNumber,
                "",
                "err_awu_negative",
                vec![decimal_string(value).into()],
            ));
        }
        if value > Self::MAX {
            return Err(InputError::new(
                InputErrorCode::InvalidNumber,
                "",
                "err_awu_range",
                vec![decimal_string(value).into()],
            ));
        }
        Ok(AnnualWorkUnits(value.abs()))
    }

    /// A staff figure as a user or a staff list has it, kept exactly as it is (never
    /// rounded: two thirds of a year is 0.666…7, as the count gives it): the check of every
    /// staff figure, the document's staff lists
    /// ([`annual_work_units`](crate::sme::headcount::annual_work_units)), [`Figures::new`] and
    /// the SME graph's figures.
    ///
    /// # Errors
    ///
    /// `INVALID_NUMBER` below zero or above 10 000 000, with the document's message.
    ///
    /// ```
    /// # use kmo_core::AnnualWorkUnits;
    /// use kmo_core::Decimal;
    /// let two_thirds = Decimal::from(8) / Decimal::from(12);
    /// assert!(AnnualWorkUnits::from_exact(two_thirds).is_ok());
    /// assert!(AnnualWorkUnits::from_exact(Decimal::new(99_999_999, 7)).is_ok()); // 9.9999999
    /// assert!(AnnualWorkUnits::from_exact(Decimal::from(-1)).is_err());
    /// ```
    pub fn from_exact(value: Decimal) -> Result<AnnualWorkUnits, InputError> {
        if value.is_sign_negative() && !value.is_zero() || value > Self::MAX {
            // The document's reason and message.
            return AnnualWorkUnits::from_decimal(value);
        }
        Ok(AnnualWorkUnits(value.abs()))
    }

    /// A whole number of AWU, 0–10 000 000.
    ///
    /// # Errors
    ///
    /// `INVALID_NUMBER` above 10 000 000.
    ///
    /// ```
    /// # use kmo_core::AnnualWorkUnits;
    /// assert_eq!(AnnualWorkUnits::whole(10).unwrap().to_string(), "10");
    /// assert!(AnnualWorkUnits::whole(10_000_001).is_err());
    /// ```
    pub fn whole(units: u32) -> Result<AnnualWorkUnits, InputError> {
        AnnualWorkUnits::from_decimal(Decimal::from(units))
    }

    /// A figure in thousandths of an AWU (9.99 AWU is `9990`), as the C face passes it; the same
    /// checks as [`from_decimal`](Self::from_decimal).
    ///
    /// # Errors
    ///
    /// `INVALID_NUMBER` below zero or above 10 000 000.
    ///
    /// ```
    /// # use kmo_core::AnnualWorkUnits;
    /// assert_eq!(AnnualWorkUnits::from_milli(9990).unwrap().to_string(), "9.99");
    /// assert!(AnnualWorkUnits::from_milli(-1).is_err());
    /// ```
    pub fn from_milli(thousandths: i64) -> Result<AnnualWorkUnits, InputError> {
        AnnualWorkUnits::from_decimal(Decimal::new(thousandths, 3))
    }

    /// The exact value.
    ///
    /// ```
    /// # use kmo_core::AnnualWorkUnits;
    /// assert_eq!(AnnualWorkUnits::whole(3).unwrap().as_decimal().to_string(), "3");
    /// ```
    pub fn as_decimal(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for AnnualWorkUnits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.normalize(), f)
    }
}

impl FromStr for AnnualWorkUnits {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AnnualWorkUnits::parse(s)
    }
}

/// The figures of one accounting period (annual basis), for one enterprise or aggregated.
///
/// ```
/// use kmo_core::{AnnualWorkUnits, Figures, Money};
/// let f = Figures {
///     staff: AnnualWorkUnits::whole(12).unwrap(),
///     turnover: Money::from_euro(1_800_000),
///     balance_sheet: Money::from_euro(900_000),
/// };
/// use kmo_core::{classify, Percent, SizeClass, SizeInput};
/// assert_eq!(classify(&SizeInput::Figures(f), Percent::ZERO).class, SizeClass::Small);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Staff headcount in annual work units.
    pub staff: AnnualWorkUnits,
    /// Annual turnover, excluding VAT.
    pub turnover: Money,
    /// Annual balance-sheet total.
    pub balance_sheet: Money,
}

impl Figures {
    /// The size class of one period's figures (REC-2003/361 art. 2), compared in integers
    /// (money in cents): the smallest level whose test passes, else large. The SME status,
    /// with public control and the small mid-cap, is [`classify`](crate::classify()).
    ///
    /// ```
    /// use kmo_core::{AnnualWorkUnits, Figures, Money, SizeClass};
    /// let at = |awu: &str, turnover: u32, balance: u32| Figures {
    ///     staff: AnnualWorkUnits::parse(awu).unwrap(),
    ///     turnover: Money::from_euro(turnover),
    ///     balance_sheet: Money::from_euro(balance),
    /// }.class();
    /// assert_eq!(at("9.99", 2_000_000, 0), SizeClass::Micro);
    /// assert_eq!(at("10", 0, 0), SizeClass::Small);
    /// assert_eq!(at("249", 60_000_000, 43_000_000), SizeClass::Medium);
    /// assert_eq!(at("249", 60_000_000, 43_000_001), SizeClass::Large);
    /// ```
    pub fn class(&self) -> SizeClass {
        // Staff unpacked once for the three levels (the usual figure: a mantissa of 64 bits,
        // at most 19 decimals); anything else compared level by level.
        match Unpacked::of(self) {
            Some(unpacked) => class_of(&unpacked),
            None => class_of(self),
        }
    }

    /// Figures from the decimals a user has, each checked as the document checks its field:
    /// staff as `staff_awu` (0–10 000 000, exactly, never rounded:
    /// [`AnnualWorkUnits::from_exact`]), turnover and balance-sheet total as amounts (whole
    /// cents, 0 to [`Money::MAX`]).
    ///
    /// # Errors
    ///
    /// The document's error for the first field that fails, at its path relative to the
    /// figures (`staff_awu`, `turnover`, `balance_sheet`): `INVALID_NUMBER` for staff,
    /// `NEGATIVE_AMOUNT`, `TOO_MANY_DECIMALS` or `AMOUNT_OUT_OF_RANGE` for an amount.
    ///
    /// ```
    /// use kmo_core::{classify, Decimal, Figures, InputErrorCode, Percent, SizeClass, SizeInput};
    /// let f = Figures::new(Decimal::from(12), Decimal::from(1_800_000), Decimal::from(900_000))?;
    /// assert_eq!(classify(&SizeInput::Figures(f), Percent::ZERO).class, SizeClass::Small);
    /// let e = Figures::new(Decimal::from(-100), Decimal::ZERO, Decimal::ZERO).unwrap_err();
    /// assert_eq!((e.code, e.path.as_str()), (InputErrorCode::InvalidNumber, "staff_awu"));
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn new(
        staff: Decimal,
        turnover: Decimal,
        balance_sheet: Decimal,
    ) -> Result<Figures, InputError> {
        Ok(Figures {
            staff: AnnualWorkUnits::from_exact(staff).map_err(|e| e.at("staff_awu"))?,
            turnover: Money::from_decimal(turnover).map_err(|e| e.at("turnover"))?,
            balance_sheet: Money::from_decimal(balance_sheet).map_err(|e| e.at("balance_sheet"))?,
        })
    }
}

impl TryFrom<&ExactFigures> for Figures {
    type Error = InputError;

    /// [`Figures::new`] of the three decimals.
    fn try_from(exact: &ExactFigures) -> Result<Figures, InputError> {
        Figures::new(exact.staff, exact.turnover, exact.balance_sheet)
    }
}

/// One level of art. 2: a staff ceiling (strictly fewer than) and two financial ceilings (not
/// exceeding), either of which suffices.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Ceiling {
    /// The class reached when the test passes.
    pub class: SizeClass,
    /// Staff must be strictly below this.
    pub staff_below: u32,
    /// Turnover must not exceed this (EUR)…
    pub turnover_max: i64,
    /// …or the balance-sheet total must not exceed this (EUR).
    pub balance_max: i64,
    /// Where the law says it.
    pub reference: &'static str,
}

/// The ceilings of art. 2, smallest class first.
pub const CEILINGS: [Ceiling; 3] = [
    Ceiling {
        class: SizeClass::Micro,
        staff_below: 10,
        turnover_max: 2_000_000,
        balance_max: 2_000_000,
        reference: "REC-2003/361 art. 2(3)",
    },
    Ceiling {
        class: SizeClass::Small,
        staff_below: 50,
        turnover_max: 10_000_000,
        balance_max: 10_000_000,
        reference: "REC-2003/361 art. 2(2)",
    },
    Ceiling {
        class: SizeClass::Medium,
        staff_below: 250,
        turnover_max: 50_000_000,
        balance_max: 43_000_000,
        reference: "REC-2003/361 art. 2(1)",
    },
];

/// Figures as exact decimals, for aggregated data: a partner's share of a turnover (33 % of
/// EUR 1 000 000.01) is not a whole number of cents, and is never rounded before comparing.
///
/// ```
/// use kmo_core::sme::thresholds::ExactFigures;
/// use rust_decimal::Decimal;
/// let f = ExactFigures { staff: Decimal::new(299, 1), turnover: Decimal::new(5_970_000, 0), balance_sheet: Decimal::new(3_980_000, 0) };
/// assert_eq!(f.class(), kmo_core::SizeClass::Small);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExactFigures {
    /// Staff in AWU.
    pub staff: Decimal,
    /// Turnover in EUR.
    pub turnover: Decimal,
    /// Balance-sheet total in EUR.
    pub balance_sheet: Decimal,
}

impl ExactFigures {
    /// The size class of these figures (art. 2): the smallest level whose test passes.
    pub fn class(&self) -> SizeClass {
        class_of(self)
    }

    /// `self + weight % × other`, exactly; `None` when a sum or a product leaves the range of
    /// `Decimal` (never for figures the document accepts, which are at most 10 000 000 AWU
    /// and [`Money::MAX`]).
    ///
    /// ```
    /// use kmo_core::sme::thresholds::ExactFigures;
    /// use kmo_core::Decimal;
    /// let partner = ExactFigures { staff: Decimal::from(30), turnover: Decimal::from(9_000_000), balance_sheet: Decimal::ZERO };
    /// let total = ExactFigures::default().checked_add_weighted(&partner, Decimal::from(33)).unwrap();
    /// assert_eq!(total.staff, Decimal::new(99, 1));
    /// let huge = ExactFigures { staff: Decimal::MAX, ..partner };
    /// assert_eq!(huge.checked_add_weighted(&huge, Decimal::ONE_HUNDRED), None);
    /// ```
    pub fn checked_add_weighted(
        &self,
        other: &ExactFigures,
        weight_pct: Decimal,
    ) -> Option<ExactFigures> {
        let w = weight_pct.checked_div(Decimal::ONE_HUNDRED)?;
        let add = |a: Decimal, b: Decimal| b.checked_mul(w).and_then(|p| a.checked_add(p));
        Some(ExactFigures {
            staff: add(self.staff, other.staff)?,
            turnover: add(self.turnover, other.turnover)?,
            balance_sheet: add(self.balance_sheet, other.balance_sheet)?,
        })
    }
}

impl From<&Figures> for ExactFigures {
    fn from(f: &Figures) -> ExactFigures {
        ExactFigures {
            staff: f.staff.as_decimal(),
            turnover: f.turnover.as_decimal(),
            balance_sheet: f.balance_sheet.as_decimal(),
        }
    }
}

/// What the ceilings of art. 2 compare, for each kind of figures: staff against a whole
/// number of AWU, turnover and balance-sheet total against a whole number of euro. Every
/// comparison is exact and in integers (cents; a decimal's mantissa against the scaled whole
/// number): nothing is rounded before it is compared.
pub(crate) trait Measured {
    /// Staff strictly below `awu`.
    fn staff_below(&self, awu: u32) -> bool;
    /// Turnover not exceeding `euro`.
    fn turnover_at_most(&self, euro: i64) -> bool;
    /// Balance-sheet total not exceeding `euro`.
    fn balance_at_most(&self, euro: i64) -> bool;
}

impl Measured for ExactFigures {
    fn staff_below(&self, awu: u32) -> bool {
        cmp_whole(self.staff, i64::from(awu)).is_lt()
    }
    fn turnover_at_most(&self, euro: i64) -> bool {
        cmp_whole(self.turnover, euro).is_le()
    }
    fn balance_at_most(&self, euro: i64) -> bool {
        cmp_whole(self.balance_sheet, euro).is_le()
    }
}

impl Measured for Figures {
    fn staff_below(&self, awu: u32) -> bool {
        cmp_whole(self.staff.as_decimal(), i64::from(awu)).is_lt()
    }
    fn turnover_at_most(&self, euro: i64) -> bool {
        self.turnover.cents() <= euro.saturating_mul(100)
    }
    fn balance_at_most(&self, euro: i64) -> bool {
        self.balance_sheet.cents() <= euro.saturating_mul(100)
    }
}

impl Ceiling {
    /// Whether the figures pass this level's test: staff strictly below the ceiling AND
    /// (turnover or balance sheet not exceeding its ceiling).
    ///
    /// ```
    /// use kmo_core::sme::thresholds::{ExactFigures, CEILINGS};
    /// use rust_decimal::Decimal;
    /// let micro = &CEILINGS[0];
    /// let f = ExactFigures { staff: Decimal::from(9), turnover: Decimal::from(5_000_000),
    ///                        balance_sheet: Decimal::from(2_000_000) };
    /// assert!(micro.passes(&f)); // the balance sheet suffices
    /// ```
    pub fn passes(&self, figures: &ExactFigures) -> bool {
        self.test(figures)
    }

    /// [`Ceiling::passes`] for one period's [`Figures`] (money in cents), without converting
    /// them to decimals: the same test, the same answer.
    ///
    /// ```
    /// use kmo_core::sme::thresholds::CEILINGS;
    /// use kmo_core::{AnnualWorkUnits, Figures, Money};
    /// let f = Figures { staff: AnnualWorkUnits::parse("9.99")?, turnover: Money::from_euro(5_000_000),
    ///                   balance_sheet: Money::from_euro(2_000_000) };
    /// assert!(CEILINGS[0].passes_figures(&f)); // the balance sheet suffices
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn passes_figures(&self, figures: &Figures) -> bool {
        self.test(figures)
    }

    /// The test itself, written once for every kind of figures.
    pub(crate) fn test(&self, f: &impl Measured) -> bool {
        f.staff_below(self.staff_below)
            && (f.turnover_at_most(self.turnover_max) || f.balance_at_most(self.balance_max))
    }
}

/// One period's [`Figures`] with the staff figure unpacked once: its mantissa and the power of
/// ten of its scale, so that "staff below `awu`" is `mantissa < awu × 10^scale` in integers
/// (the comparison [`cmp_whole`] makes, without unpacking the decimal at every level).
struct Unpacked<'a> {
    figures: &'a Figures,
    mantissa: u64,
    scale_pow: u64,
}

impl<'a> Unpacked<'a> {
    /// `None` for a staff figure beyond 64 bits of mantissa or 19 decimals (never one the
    /// document reads; [`cmp_whole`] compares those).
    #[inline]
    fn of(figures: &'a Figures) -> Option<Unpacked<'a>> {
        let u = figures.staff.as_decimal().unpack();
        // Staff is never negative (AnnualWorkUnits refuses it).
        if u.hi != 0 || u.negative || u.scale > 19 {
            return None;
        }
        Some(Unpacked {
            figures,
            mantissa: (u64::from(u.mid) << 32) | u64::from(u.lo),
            scale_pow: 10_u64.pow(u.scale),
        })
    }
}

impl Measured for Unpacked<'_> {
    fn staff_below(&self, awu: u32) -> bool {
        // awu × 10^scale may pass 64 bits (then it is above every mantissa): 128 bits.
        u128::from(self.mantissa) < u128::from(awu) * u128::from(self.scale_pow)
    }
    fn turnover_at_most(&self, euro: i64) -> bool {
        self.figures.turnover_at_most(euro)
    }
    fn balance_at_most(&self, euro: i64) -> bool {
        self.figures.balance_at_most(euro)
    }
}

/// The smallest level whose test passes, else large.
fn class_of(f: &impl Measured) -> SizeClass {
    CEILINGS
        .iter()
        .find(|c| c.test(f))
        .map_or(SizeClass::Large, |c| c.class)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class of one period's figures (REC-2003/361 art. 2): the smallest level whose test
    /// passes, else large.
    fn classify(figures: &Figures) -> SizeClass {
        ExactFigures::from(figures).class()
    }

    fn fig(awu: &str, turnover: &str, balance: &str) -> Figures {
        Figures {
            staff: AnnualWorkUnits::parse(awu).unwrap(),
            turnover: Money::parse(turnover).unwrap(),
            balance_sheet: Money::parse(balance).unwrap(),
        }
    }

    #[test]
    fn staff_is_strict() {
        assert_eq!(classify(&fig("9.999999", "0", "0")), SizeClass::Micro);
        assert_eq!(classify(&fig("10", "0", "0")), SizeClass::Small);
        assert_eq!(classify(&fig("49.99", "0", "0")), SizeClass::Small);
        assert_eq!(classify(&fig("50", "0", "0")), SizeClass::Medium);
        assert_eq!(classify(&fig("249.99", "0", "0")), SizeClass::Medium);
        assert_eq!(classify(&fig("250", "0", "0")), SizeClass::Large);
    }

    #[test]
    fn money_is_inclusive_and_either_suffices() {
        assert_eq!(classify(&fig("1", "2000000", "9999999")), SizeClass::Micro);
        assert_eq!(classify(&fig("1", "9999999", "2000000")), SizeClass::Micro);
        assert_eq!(
            classify(&fig("1", "2000000.01", "2000000.01")),
            SizeClass::Small
        );
        assert_eq!(
            classify(&fig("1", "10000000", "99000000")),
            SizeClass::Small
        );
        assert_eq!(
            classify(&fig("1", "10000000.01", "10000000.01")),
            SizeClass::Medium
        );
        assert_eq!(
            classify(&fig("1", "50000000", "99000000")),
            SizeClass::Medium
        );
        assert_eq!(
            classify(&fig("1", "99000000", "43000000")),
            SizeClass::Medium
        );
        assert_eq!(
            classify(&fig("1", "50000000.01", "43000000.01")),
            SizeClass::Large
        );
    }

    /// Every comparison of every ceiling, pinned on both sides of its edge: flipping any `<`
    /// into `<=` (or back), or AND into OR, changes one of these answers.
    #[test]
    fn every_edge_of_every_ceiling() {
        let cent = Decimal::new(1, 2);
        let tiny = Decimal::new(1, 6);
        for (i, c) in CEILINGS.iter().enumerate() {
            let staff = Decimal::from(c.staff_below);
            let t = Decimal::from(c.turnover_max);
            let b = Decimal::from(c.balance_max);
            let at = |staff, turnover, balance_sheet| ExactFigures {
                staff,
                turnover,
                balance_sheet,
            };
            // Staff: strictly below.
            assert!(
                c.passes(&at(staff - tiny, t, b)),
                "{:?} staff just below",
                c.class
            );
            assert!(
                !c.passes(&at(staff, Decimal::ZERO, Decimal::ZERO)),
                "{:?} staff at the ceiling",
                c.class
            );
            // Turnover: not exceeding, and enough on its own.
            assert!(
                c.passes(&at(Decimal::ZERO, t, b + cent)),
                "{:?} turnover at the ceiling",
                c.class
            );
            assert!(
                !c.passes(&at(Decimal::ZERO, t + cent, b + cent)),
                "{:?} both above",
                c.class
            );
            // Balance sheet: not exceeding, and enough on its own.
            assert!(
                c.passes(&at(Decimal::ZERO, t + cent, b)),
                "{:?} balance at the ceiling",
                c.class
            );
            // The class is the smallest passing level.
            assert_eq!(at(staff - tiny, t, b).class(), c.class, "level {i}");
            let next = SizeClass::ALL[i + 1];
            assert_eq!(
                at(staff, t, b).class(),
                next,
                "level {i} staff at the ceiling"
            );
            assert_eq!(
                at(Decimal::ZERO, t + cent, b + cent).class(),
                next,
                "level {i} money above"
            );
        }
    }

    proptest::proptest! {
        /// The integer reader of `AnnualWorkUnits::parse` gives what the decimal door gives:
        /// the same value, written the same way, or an error.
        #[test]
        fn parse_lanes_agree(text in "-?[0-9]{0,10}(\\.[0-9]{0,8})?") {
            let slow = read_plain_decimal(&text)
                .map_err(|_| ())
                .and_then(|d| AnnualWorkUnits::from_decimal(d).map_err(|_| ()));
            match (AnnualWorkUnits::parse(&text), slow) {
                (Ok(fast), Ok(slow)) => {
                    proptest::prop_assert_eq!(fast, slow);
                    proptest::prop_assert_eq!(fast.as_decimal().scale(), slow.as_decimal().scale());
                    proptest::prop_assert_eq!(fast.to_string(), slow.to_string());
                }
                (Err(_), Err(())) => {}
                (fast, slow) => proptest::prop_assert!(false, "{text}: {fast:?} {slow:?}"),
            }
        }

        /// The integer test of one period's figures is the decimal test, at and around every
        /// edge of every ceiling (and the small mid-cap's).
        #[test]
        fn figures_and_exact_figures_pass_alike(
            staff in proptest::prop_oneof![0_i64..300_000_000, 749_000_000_i64..751_000_000],
            staff_scale in 0_u32..=6,
            turnover in proptest::prop_oneof![0_i64..=100_000_000_000_000, 199_999_990_i64..200_000_010, 999_999_990_i64..1_000_000_010, 4_299_999_990_i64..4_300_000_010, 4_999_999_990_i64..5_000_000_010, 14_999_999_990_i64..15_000_000_010],
            balance in proptest::prop_oneof![0_i64..=100_000_000_000_000, 199_999_990_i64..200_000_010, 4_299_999_990_i64..4_300_000_010, 12_899_999_990_i64..12_900_000_010],
        ) {
            let staff = Decimal::new(staff, staff_scale);
            let Ok(staff) = AnnualWorkUnits::from_decimal(staff) else {
                return Ok(());
            };
            let f = Figures {
                staff,
                turnover: Money::from_cents(turnover).unwrap(),
                balance_sheet: Money::from_cents(balance).unwrap(),
            };
            let exact = ExactFigures::from(&f);
            // The decimal comparisons, written as the rule reads.
            let decimal = |c: &Ceiling| {
                exact.staff < Decimal::from(c.staff_below)
                    && (exact.turnover <= Decimal::from(c.turnover_max)
                        || exact.balance_sheet <= Decimal::from(c.balance_max))
            };
            for c in CEILINGS.iter().chain([&crate::sme::small_mid_cap::CEILING]) {
                proptest::prop_assert_eq!(c.passes_figures(&f), decimal(c));
                proptest::prop_assert_eq!(c.passes(&exact), decimal(c));
            }
            proptest::prop_assert_eq!(f.class(), exact.class());
        }

        /// The staff figure unpacked once (`Figures::class`) compares as the decimal, at and
        /// around every staff ceiling, at every scale a decimal has (past 19 decimals and 64
        /// bits of mantissa, the comparison level by level).
        #[test]
        fn unpacked_staff_compares_as_the_decimal(
            whole in proptest::prop_oneof![proptest::strategy::Just(10_i128), proptest::strategy::Just(50), proptest::strategy::Just(250), 0_i128..300],
            nudge in -3_i128..=3,
            scale in 0_u32..=28,
        ) {
            let mantissa = whole * 10_i128.pow(scale) + nudge;
            // Past 96 bits there is no such decimal.
            let Ok(staff) = Decimal::try_from_i128_with_scale(mantissa.max(0), scale) else {
                return Ok(());
            };
            // Built as it is (a staff list's count has 28 decimals; the comparison must hold
            // at every scale).
            let staff = AnnualWorkUnits(staff);
            let f = Figures { staff, turnover: Money::ZERO, balance_sheet: Money::ZERO };
            proptest::prop_assert_eq!(f.class(), ExactFigures::from(&f).class());
        }
    }

    #[test]
    fn work_units_edges_and_display() {
        let max = AnnualWorkUnits::MAX;
        assert!(AnnualWorkUnits::from_decimal(max).is_ok());
        assert!(AnnualWorkUnits::from_decimal(max + Decimal::new(1, 6)).is_err());
        assert!(AnnualWorkUnits::from_exact(max).is_ok());
        assert!(AnnualWorkUnits::from_exact(max + Decimal::new(1, 20)).is_err());
        assert!(AnnualWorkUnits::from_exact(Decimal::new(-1, 20)).is_err());
        // Any decimals, kept exactly (never rounded).
        assert!(AnnualWorkUnits::from_exact(max - Decimal::new(1, 20)).is_ok());
        assert!(AnnualWorkUnits::from_decimal(max - Decimal::new(1, 20)).is_ok());
        assert_eq!(
            AnnualWorkUnits::parse("9.9999999").unwrap().as_decimal(),
            Decimal::new(99_999_999, 7)
        );
        assert!(AnnualWorkUnits::parse(&format!("9.{}", "9".repeat(40))).is_err());
        // A staff list's count, just below the most: taken as it is.
        let counted = (max * Decimal::from(12) - Decimal::new(1, 4)) / Decimal::from(12);
        assert!(counted.normalize().scale() > 6);
        assert_eq!(
            AnnualWorkUnits::from_exact(counted).unwrap().as_decimal(),
            counted
        );
        assert_eq!(
            AnnualWorkUnits::from_exact(Decimal::new(2, 3))
                .unwrap()
                .as_decimal(),
            Decimal::new(2, 3)
        );
        assert_eq!(
            AnnualWorkUnits::whole(3).unwrap().as_decimal(),
            Decimal::from(3)
        );
        assert!(AnnualWorkUnits::whole(20_000_000).is_err());
        assert_eq!(
            AnnualWorkUnits::whole(10_000_000).unwrap().as_decimal(),
            max
        );
        assert_eq!(AnnualWorkUnits::parse("9.990").unwrap().to_string(), "9.99");
        assert_eq!(SizeClass::Small.to_string(), "small");
        assert_eq!(format!("{}", SizeClass::Large), "large");
    }
}
