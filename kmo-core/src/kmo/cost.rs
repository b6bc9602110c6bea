//! The eligible cost of an application (BVR-2016 art. 16).
//!
//! All amounts exclude VAT. A single amount is taken as it is; invoice lines are sorted into
//! what the wallet pays for and what it does not.

use rust_decimal::Decimal;

use smallvec::smallvec;

use crate::application::{CostInput, CostLine};
use crate::coded::ServiceKind;
pub use crate::coded::{CostLineKind, NotEligibleBecause};
use crate::coded::{FindingCode as C, TraceStepName};
use crate::findings::{Sink, TraceStep};
use crate::kmo::rulebook::Rulebook;
use crate::message::Arg;
use crate::units::{eur, Money};

/// Where the eligible-cost rules are written.
pub const REFERENCE: &str = "BVR-2016 art. 16";

/// Catering is capped at EUR 25 per person per day.
pub const CATERING_CAP_PER_PERSON_PER_DAY: Money = eur(25);

impl NotEligibleBecause {
    /// Where the reason is written: `BVR-2016 art. 16` as the agency states it, and
    /// `; [choice]` where the library applies it without a source — catering with advice (the
    /// sources allow catering with training only), and the training's rules for travel and
    /// material applied to advice.
    ///
    /// ```
    /// use kmo_core::ServiceKind;
    /// use kmo_core::NotEligibleBecause;
    /// assert_eq!(NotEligibleBecause::ExamCosts.reference(ServiceKind::Advice), "BVR-2016 art. 16");
    /// assert_eq!(NotEligibleBecause::CateringWithAdvice.reference(ServiceKind::Advice), "BVR-2016 art. 16; [choice]");
    /// ```
    pub fn reference(self, service: ServiceKind) -> &'static str {
        match (self, service) {
            (NotEligibleBecause::CateringWithAdvice, _)
            | (
                NotEligibleBecause::SeparatelyInvoiced | NotEligibleBecause::NotExclusiveMaterial,
                ServiceKind::Advice,
            ) => CHOICE_REFERENCE,
            _ => REFERENCE,
        }
    }
}

/// Where the library's own readings of the eligible-cost rules are cited.
pub const CHOICE_REFERENCE: &str = "BVR-2016 art. 16; [choice]";

/// How one line was treated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LineOutcome {
    /// Index of the line in the request (0-based).
    pub index: usize,
    /// The line's kind.
    pub kind: CostLineKind,
    /// The amount invoiced.
    pub amount: Money,
    /// The part that is eligible.
    pub eligible: Money,
    /// Why the rest is not, if anything was cut.
    pub because: Option<NotEligibleBecause>,
}

/// The outcome of the eligible-cost rules.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CostBreakdown {
    /// The eligible cost (what the wallet pays for), excluding VAT.
    pub eligible: Money,
    /// The total invoiced with the service, excluding VAT (separately invoiced lines are not
    /// part of this invoice).
    pub invoiced: Money,
    /// Each line (empty for a single amount).
    pub lines: Vec<LineOutcome>,
}

/// Applies the eligible-cost rules to the cost of a service (checked by [`check_cost`](crate::application::check_cost)).
///
/// ```
/// use kmo_core::{eligible_cost, CostInput, CostLine, CostLineKind, Money, ServiceKind};
/// let lines = vec![
///     CostLine::new(CostLineKind::Fee, Money::from_euro(1000)),
///     CostLine { persons: Some(4), days: Some(1), ..CostLine::new(CostLineKind::Catering, Money::from_euro(120)) },
///     CostLine::new(CostLineKind::Exam, Money::from_euro(50)),
/// ];
/// let out = eligible_cost(ServiceKind::Training, &CostInput::Lines(lines));
/// assert_eq!(out.eligible.to_string(), "1100.00"); // 1000 + 4 × 25, no exam
/// assert_eq!(out.invoiced.to_string(), "1170.00");
/// ```
#[inline]
pub fn eligible_cost(service: ServiceKind, cost: &CostInput) -> CostBreakdown {
    match cost {
        CostInput::Amount(amount) => CostBreakdown {
            eligible: *amount,
            invoiced: *amount,
            lines: Vec::new(),
        },
        CostInput::Lines(lines) => lines_breakdown(service, lines),
    }
}

/// [`eligible_cost`] of invoice lines, line by line.
#[cfg_attr(not(kmo_size), inline(always))]
fn lines_breakdown(service: ServiceKind, lines: &[CostLine]) -> CostBreakdown {
    let outcomes: Vec<LineOutcome> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| line_outcome(service, index, line))
        .collect();
    // Parts of the lines' total, which check_cost holds to at most Money::MAX.
    let sum = |amounts: &mut dyn Iterator<Item = Money>| {
        Money::checked_sum(amounts).unwrap_or(Money::MAX)
    };
    CostBreakdown {
        eligible: sum(&mut outcomes.iter().map(|o| o.eligible)),
        invoiced: sum(&mut lines
            .iter()
            .filter(|l| !l.separately_invoiced)
            .map(|l| l.amount)),
        lines: outcomes,
    }
}

/// The eligible cost of the service, with a notice for every invoice line that is not (fully)
/// eligible, and its trace.
pub(crate) fn cost_step(kind: ServiceKind, cost: &CostInput, out: &mut impl Sink) -> CostBreakdown {
    let breakdown = eligible_cost(kind, cost);
    for line in &breakdown.lines {
        let cut = line.amount.saturating_sub(line.eligible);
        match line.because {
            None => {}
            Some(NotEligibleBecause::CateringCap) => out.info(C::CateringCapped, REFERENCE, || {
                smallvec![(line.index + 1).into(), line.eligible.into()]
            }),
            Some(because) => out.info(C::CostItemNotEligible, because.reference(kind), || {
                smallvec![
                    (line.index + 1).into(),
                    Arg::Word(line.kind.as_str()),
                    line.amount.into(),
                    cut.into(),
                    Arg::Word(because.as_str()),
                ]
            }),
        }
    }
    out.step(|| {
        TraceStep::of(
            TraceStepName::EligibleCost,
            REFERENCE,
            breakdown.eligible,
            smallvec![breakdown.eligible.into(), breakdown.invoiced.into()],
        )
    });
    breakdown
}

/// The minimum eligible cost of the rulebook for the service (EUR 100 for training, EUR 500
/// for advice): below it, the application is not eligible.
pub(crate) fn minimum_step(
    book: &Rulebook,
    kind: ServiceKind,
    eligible: Money,
    out: &mut impl Sink,
) {
    let minimum = book.minimums.for_service(kind);
    out.step(|| {
        TraceStep::of(
            TraceStepName::MinimumCost,
            book.minimums.reference,
            minimum,
            smallvec![minimum.into()],
        )
    });
    if eligible < minimum {
        out.blocking(C::CostBelowMinimum, book.minimums.reference, || {
            smallvec![eligible.into(), minimum.into()]
        });
    }
}

fn line_outcome(service: ServiceKind, index: usize, line: &CostLine) -> LineOutcome {
    use CostLineKind as K;
    use NotEligibleBecause as B;
    let none = |because| (Money::ZERO, Some(because));
    let (eligible, because) = match (line.kind, service) {
        (K::Exam, _) => none(B::ExamCosts),
        (K::Implementation, _) => none(B::Implementation),
        (K::AdvanceInvoice, ServiceKind::Advice) => none(B::AdvanceInvoice),
        (K::Catering, ServiceKind::Advice) => none(B::CateringWithAdvice),
        (K::Catering | K::Travel, _) if line.separately_invoiced => none(B::SeparatelyInvoiced),
        (K::Material, _) if !line.exclusive_use => none(B::NotExclusiveMaterial),
        (K::Catering, ServiceKind::Training) => {
            let cap = catering_cap(line.persons.unwrap_or(0), line.days.unwrap_or(0));
            if line.amount > cap {
                (cap, Some(B::CateringCap))
            } else {
                (line.amount, None)
            }
        }
        _ => (line.amount, None),
    };
    LineOutcome {
        index,
        kind: line.kind,
        amount: line.amount,
        eligible,
        because,
    }
}

/// EUR 25 × persons × days.
fn catering_cap(persons: u32, days: u32) -> Money {
    let product =
        CATERING_CAP_PER_PERSON_PER_DAY.as_decimal() * Decimal::from(persons) * Decimal::from(days);
    // Above Money::MAX the cap cannot cut a line (no line is larger).
    Money::from_decimal(product.min(crate::units::MAX_MONEY)).unwrap_or(Money::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(kind: CostLineKind, euro: u32) -> CostLine {
        CostLine::new(kind, Money::from_euro(euro))
    }

    #[test]
    fn catering_cap_edges() {
        let at = |amount: u32| {
            let l = CostLine {
                persons: Some(2),
                days: Some(3),
                ..line(CostLineKind::Catering, amount)
            };
            eligible_cost(ServiceKind::Training, &CostInput::Lines(vec![l])).eligible
        };
        assert_eq!(at(150), Money::from_euro(150));
        assert_eq!(at(151), Money::from_euro(150));
        assert_eq!(at(149), Money::from_euro(149));
    }

    #[test]
    fn advice_rules() {
        let lines = vec![
            line(CostLineKind::Fee, 2000),
            line(CostLineKind::AdvanceInvoice, 500),
            line(CostLineKind::Implementation, 900),
        ];
        let out = eligible_cost(ServiceKind::Advice, &CostInput::Lines(lines.clone()));
        assert_eq!(out.eligible, Money::from_euro(2000));
        assert_eq!(out.invoiced, Money::from_euro(3400));
        let training = eligible_cost(ServiceKind::Training, &CostInput::Lines(lines));
        assert_eq!(training.eligible, Money::from_euro(2500));
    }

    #[test]
    fn separately_invoiced_is_outside_the_invoice() {
        let l = CostLine {
            separately_invoiced: true,
            ..line(CostLineKind::Travel, 80)
        };
        let out = eligible_cost(
            ServiceKind::Training,
            &CostInput::Lines(vec![line(CostLineKind::Fee, 100), l]),
        );
        assert_eq!(out.eligible, Money::from_euro(100));
        assert_eq!(out.invoiced, Money::from_euro(100));
    }
}
