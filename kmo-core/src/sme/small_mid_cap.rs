//! Small mid-caps: Commission Recommendation (EU) 2025/1099 (`REC-2025/1099`). A large
//! enterprise (not an SME under the 2003 definition) with fewer than 750 staff and a turnover of
//! at most EUR 150 million or a balance-sheet total of at most EUR 129 million, the figures
//! taken as the SME definition aggregates them. It changes neither the SME classes nor who may
//! use the kmo-portefeuille: the library reports it as information only.

use super::thresholds::{Ceiling, ExactFigures, Measured};
use crate::coded::SizeClass;

/// Staff must be strictly below this (AWU).
pub const STAFF_BELOW: u32 = 750;
/// Turnover must not exceed this (EUR)…
pub const TURNOVER_MAX: i64 = 150_000_000;
/// …or the balance-sheet total must not exceed this (EUR).
pub const BALANCE_MAX: i64 = 129_000_000;
/// Where it is written.
pub const REFERENCE: &str = "REC-2025/1099";

/// The small mid-cap's ceilings, tested as the SME definition tests its own
/// ([`Ceiling::passes`]).
pub(crate) const CEILING: Ceiling = Ceiling {
    class: SizeClass::Large,
    staff_below: STAFF_BELOW,
    turnover_max: TURNOVER_MAX,
    balance_max: BALANCE_MAX,
    reference: REFERENCE,
};

/// Whether an enterprise of `class` with the aggregated `figures` is a small mid-cap: large,
/// fewer than 750 staff, and turnover or balance sheet within its ceiling (an inclusive OR, as
/// in the SME definition). Without figures (a declared class) it cannot be told: `false`.
///
/// ```
/// use kmo_core::sme::small_mid_cap::is_small_mid_cap;
/// use kmo_core::sme::thresholds::ExactFigures;
/// use kmo_core::SizeClass;
/// let f = |staff: i64, turnover: i64, balance: i64| ExactFigures {
///     staff: staff.into(), turnover: turnover.into(), balance_sheet: balance.into() };
/// assert!(is_small_mid_cap(SizeClass::Large, Some(&f(749, 200_000_000, 129_000_000))));
/// assert!(!is_small_mid_cap(SizeClass::Large, Some(&f(750, 1, 1))));
/// assert!(!is_small_mid_cap(SizeClass::Medium, Some(&f(200, 1, 1))));
/// assert!(!is_small_mid_cap(SizeClass::Large, None));
/// ```
#[cfg_attr(not(kmo_size), inline(always))]
pub fn is_small_mid_cap(class: SizeClass, figures: Option<&ExactFigures>) -> bool {
    figures.is_some_and(|f| small_mid_cap_of(class, f))
}

/// [`is_small_mid_cap`] for figures of any kind (one period's [`Figures`](crate::Figures)
/// in cents, or aggregated decimals): the test written once.
pub(crate) fn small_mid_cap_of(class: SizeClass, figures: &impl Measured) -> bool {
    class == SizeClass::Large && CEILING.test(figures)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn at(staff: Decimal, turnover: Decimal, balance_sheet: Decimal) -> bool {
        let f = ExactFigures {
            staff,
            turnover,
            balance_sheet,
        };
        is_small_mid_cap(f.class(), Some(&f))
    }

    /// Every comparison on both sides of its edge, for a large enterprise.
    #[test]
    fn edges() {
        let cent = Decimal::new(1, 2);
        let tiny = Decimal::new(1, 6);
        let staff = Decimal::from(STAFF_BELOW);
        let t = Decimal::from(TURNOVER_MAX);
        let b = Decimal::from(BALANCE_MAX);
        assert!(at(staff - tiny, t, b));
        assert!(!at(staff, t, b));
        assert!(
            at(Decimal::from(300), t, b + cent),
            "turnover at its ceiling suffices"
        );
        assert!(
            at(Decimal::from(300), t + cent, b),
            "balance at its ceiling suffices"
        );
        assert!(!at(Decimal::from(300), t + cent, b + cent));
        // An SME is never a small mid-cap, whatever its figures.
        assert!(!at(Decimal::from(249), Decimal::ONE, Decimal::ONE));
    }
}
