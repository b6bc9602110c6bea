//! The aid: percentage × eligible cost, rounded once to the cent, capped by what is left of the
//! year's ceiling (BVR-2016 art. 18). The ceiling follows the calendar year of the application
//! and is shared by every application of that year, training and advice together.

use rust_decimal::Decimal;

use smallvec::smallvec;

use crate::application::{Application, Enterprise, SizeInput};
use crate::coded::{FindingCode as C, TraceStepName};
use crate::coded::{ServiceKind, Subtheme};
use crate::coded::{SizeClass, WalletClass};
use crate::findings::{Sink, TraceStep};
use crate::kmo::eligibility::maatwerkbedrijf_applies;
use crate::kmo::rulebook::{ceiling_for, rulebook_for, Rulebook, Uplift, PARTIAL_AID_REFERENCE};
use crate::kmo::size::wallet_class;
use crate::message::Arg;
use crate::units::{date_from_ymd, Money, Percent};

/// The aid percentage for a class, service and subtheme under a rulebook, with the uplift that
/// was applied, if any.
///
/// ```
/// use kmo_core::{aid_rate, rulebook_for, parse_date, ServiceKind, Subtheme, WalletClass};
/// let book = rulebook_for(parse_date("2026-03-10").unwrap()).unwrap();
/// let (rate, uplift) = aid_rate(book, WalletClass::Medium, ServiceKind::Training, Some(Subtheme::Cybersecurity));
/// assert_eq!(rate.to_string(), "35");
/// assert_eq!(uplift.unwrap().reference, "MB-2021");
/// ```
pub fn aid_rate(
    book: &Rulebook,
    class: WalletClass,
    service: ServiceKind,
    subtheme: Option<Subtheme>,
) -> (Percent, Option<&'static Uplift>) {
    let base = book.rates.for_class(class);
    match subtheme.and_then(|s| book.uplift(s, service)) {
        Some(uplift) => (base.plus_points(uplift.points), Some(uplift)),
        None => (base, None),
    }
}

/// The aid after the ceiling.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CappedAid {
    /// Rate × eligible cost, rounded once to the cent.
    pub before_ceiling: Money,
    /// What is left of the ceiling before this application.
    pub left_before: Money,
    /// The aid granted: the smaller of the two.
    pub aid: Money,
    /// What is left of the ceiling after this application.
    pub left_after: Money,
    /// Whether the ceiling cut the aid.
    pub capped: bool,
}

/// Rate × eligible cost, rounded once to the cent half away from zero, then capped at what is
/// left of the ceiling (partial aid, a **choice**: the law does not say what happens when the
/// ceiling is nearly used).
///
/// ```
/// use kmo_core::{cap_aid, Money, Percent};
/// let out = cap_aid(Money::from_euro(2000), Percent::from_whole(30)?, Money::from_euro(7500), Money::from_euro(7200));
/// assert_eq!(out.aid.to_string(), "300.00");
/// assert!(out.capped);
/// assert_eq!(out.left_after, Money::ZERO);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn cap_aid(eligible_cost: Money, rate: Percent, ceiling: Money, used: Money) -> CappedAid {
    let before_ceiling = eligible_cost.percent(rate);
    let left_before = ceiling.saturating_sub(used);
    let aid = before_ceiling.min(left_before);
    CappedAid {
        before_ceiling,
        left_before,
        aid,
        left_after: left_before.saturating_sub(aid),
        capped: aid < before_ceiling,
    }
}

/// Rate × eligible cost before rounding, exactly: cents × ten-thousandths of a percent is the
/// product in units of 10^-8 euro (at most 10^14 × 10^6, far inside a decimal's 96 bits), so
/// the decimal is built from integers without a decimal multiplication or division.
fn exact_product(cost: Money, rate: Percent) -> Decimal {
    let units = i128::from(cost.cents()) * i128::from(rate.ten_thousandths());
    // The usual product fits 64 bits: its trailing zeros are dropped there (what `normalize`
    // does, without the decimal's 96-bit divisions).
    if let Ok(mut small) = u64::try_from(units) {
        let mut scale = 8;
        // Four zeros at a time first (a whole rate's ten-thousandths end in four), then one.
        while scale >= 4 && small % 10_000 == 0 {
            small /= 10_000;
            scale -= 4;
        }
        while scale > 0 && small % 10 == 0 {
            small /= 10;
            scale -= 1;
        }
        return Decimal::from_i128_with_scale(i128::from(small), scale);
    }
    Decimal::from_i128_with_scale(units, 8).normalize()
}

/// The rate, the ceiling and the aid of one application.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct AidOutcome {
    /// The aid percentage, uplift included (0 when no rate applies).
    pub(crate) rate: Percent,
    /// The ceiling of the application's year for the class (0 when none applies).
    pub(crate) ceiling: Money,
    /// The aid before and after the ceiling.
    pub(crate) capped: CappedAid,
}

/// The aid ceiling of a calendar year for an enterprise of `class`, as the wallet applies it
/// (BVR-2016 art. 18; MB-2019): micro and small get the small ceiling, medium the medium one, a
/// large enterprise only when it is a recognised maatwerkbedrijf and the maatwerkbedrijf rule
/// (BVR-2025) is in force in that year (on its 31 December), then the medium ceiling; a large
/// enterprise otherwise has none (zero). `None` for a year without a ceiling (before 2016) or
/// outside the years of dates (1900–2199). The one answer to "what is the ceiling of this
/// year" the faces give.
///
/// ```
/// use kmo_core::{rules::year_ceiling, SizeClass};
/// let euro = |c: Option<kmo_core::Money>| c.map(|m| m.to_string());
/// assert_eq!(euro(year_ceiling(2019, SizeClass::Medium, false)).as_deref(), Some("15000.00"));
/// assert_eq!(euro(year_ceiling(2026, SizeClass::Large, true)).as_deref(), Some("7500.00"));
/// assert_eq!(euro(year_ceiling(2025, SizeClass::Large, true)).as_deref(), Some("0.00")); // before BVR-2025
/// assert_eq!(euro(year_ceiling(2026, SizeClass::Large, false)).as_deref(), Some("0.00"));
/// assert_eq!(year_ceiling(2015, SizeClass::Small, false), None);
/// ```
pub fn year_ceiling(year: i32, class: SizeClass, maatwerkbedrijf: bool) -> Option<Money> {
    let row = ceiling_for(year)?;
    let last_day = date_from_ymd(year, 12, 31)?;
    let enterprise = Enterprise {
        maatwerkbedrijf,
        ..Enterprise::new(SizeInput::Declared(class))
    };
    let maatwerk = maatwerkbedrijf_applies(rulebook_for(last_day), &enterprise);
    Some(wallet_class(class, maatwerk).map_or(Money::ZERO, |c| row.for_class(c)))
}

/// Rate (BVR-2016 art. 18, uplifts of MB-2021 and MB-2023), ceiling of the application's
/// calendar year, and the aid capped by what is left of it after `aid_used`. Nothing applies
/// without a rulebook or a wallet class.
pub(crate) fn aid_step(
    book: Option<&'static Rulebook>,
    class: Option<WalletClass>,
    app: &Application,
    eligible_cost: Money,
    out: &mut impl Sink,
) -> AidOutcome {
    let (date, aid_used) = (app.application_date, app.aid_used);
    let (kind, subtheme) = (app.service.kind, app.service.subtheme);
    let (Some(book), Some(class), Some(row)) = (book, class, ceiling_for(date.year())) else {
        return AidOutcome::default();
    };
    let (rate, uplift) = aid_rate(book, class, kind, subtheme);
    out.step(|| {
        TraceStep::of(
            TraceStepName::Rate,
            uplift.map_or(book.rates.reference, |u| u.reference),
            rate,
            smallvec![
                rate.into(),
                book.rates.for_class(class).into(),
                uplift.map_or(0, |u| u.points).into(),
            ],
        )
    });
    if let (Some(u), Some(sub)) = (uplift, subtheme) {
        out.info(C::UpliftApplied, u.reference, || {
            smallvec![Arg::Word(sub.as_str()), u.points.into()]
        });
    }
    let ceiling = row.for_class(class);
    let capped = cap_aid(eligible_cost, rate, ceiling, aid_used);
    out.step(|| {
        let exact = exact_product(eligible_cost, rate);
        TraceStep::of(
            TraceStepName::AidBeforeCeiling,
            book.rates.reference,
            capped.before_ceiling,
            smallvec![
                rate.into(),
                eligible_cost.into(),
                exact.into(),
                capped.before_ceiling.into(),
            ],
        )
    });
    out.step(|| {
        TraceStep::of(
            TraceStepName::Ceiling,
            row.reference,
            capped.left_before,
            smallvec![
                date.year().into(),
                ceiling.into(),
                aid_used.into(),
                capped.left_before.into(),
            ],
        )
    });
    if capped.left_before.is_zero() {
        out.blocking(C::CeilingExhausted, row.reference, || {
            smallvec![ceiling.into(), date.year().into()]
        });
    } else if capped.capped {
        out.info(C::AidCappedByCeiling, PARTIAL_AID_REFERENCE, || {
            smallvec![
                capped.aid.into(),
                ceiling.into(),
                capped.before_ceiling.into(),
            ]
        });
    }
    AidOutcome {
        rate,
        ceiling,
        capped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The exact product from integers is the decimal product, for every amount and rate.
        #[test]
        fn exact_product_is_the_decimal_product(
            cents in proptest::prop_oneof![0_i64..1_000_000, 0_i64..=100_000_000_000_000],
            units in proptest::prop_oneof![(0_u32..=100).prop_map(|p| p * 10_000), 0_u32..=1_000_000],
        ) {
            let cost = Money::from_cents(cents).unwrap();
            let rate = Percent::from_decimal(Decimal::new(i64::from(units), 4)).unwrap();
            let decimal = (cost.as_decimal() * rate.as_decimal() / Decimal::ONE_HUNDRED).normalize();
            let fast = exact_product(cost, rate);
            proptest::prop_assert_eq!(fast, decimal);
            proptest::prop_assert_eq!(fast.to_string(), decimal.to_string());
            proptest::prop_assert_eq!(fast.scale(), decimal.scale());
        }
    }
}
