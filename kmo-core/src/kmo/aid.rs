//! The aid: percentage × eligible cost, rounded once, capped by what is left of the year's
//! ceiling (BVR-2016 art. 18; RULES.md §4.3–4.5).

use crate::kmo::rulebook::{Rulebook, Uplift};
use crate::kmo::service::{ServiceKind, Subtheme};
use crate::sme::WalletClass;
use crate::units::{Money, Percent};

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
/// left of the ceiling (partial aid, RULES.md §4.4 **choice**).
///
/// ```
/// use kmo_core::{cap_aid, Money, Percent};
/// let out = cap_aid(Money::from_euro(2000), Percent::from_whole(30), Money::from_euro(7500), Money::from_euro(7200));
/// assert_eq!(out.aid.to_string(), "300.00");
/// assert!(out.capped);
/// assert_eq!(out.left_after, Money::ZERO);
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
