//! Art. 4 of the Annex: the reference period and the two-period rule.
//!
//! Art. 4(2): crossing a ceiling "will not result in the loss or acquisition of the status …
//! unless those ceilings are exceeded over two consecutive accounting periods". The library
//! keeps one status per ceiling (micro, small, medium); a status flips only when the raw test
//! has given the opposite answer at two consecutive closings, going up or down alike.
//! Without an earlier status, the raw class of the first period applies.

pub use crate::coded::OwnershipChangePolicy;
#[cfg(feature = "full-sme")]
use crate::coded::SizeClass;

/// The levels with a ceiling, smallest first.
#[cfg(feature = "full-sme")]
const LEVELS: [SizeClass; 3] = [SizeClass::Micro, SizeClass::Small, SizeClass::Medium];

#[cfg(feature = "full-sme")]
fn within(class: SizeClass) -> [bool; 3] {
    LEVELS.map(|level| class <= level)
}

#[cfg(feature = "full-sme")]
fn class_of(status: [bool; 3]) -> SizeClass {
    LEVELS
        .iter()
        .zip(status)
        .find(|(_, inside)| *inside)
        .map_or(SizeClass::Large, |(level, _)| *level)
}

/// One closed period as the rule sees it.
#[cfg(feature = "full-sme")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeriodInput {
    /// The class the figures of this period give on their own.
    pub raw: SizeClass,
    /// Whether the enterprise joined or left a group at this closing.
    pub ownership_changed: bool,
}

/// The two-period rule (REC-2003/361 art. 4(2)): the status at each closing, oldest first, from
/// the class each period's figures give (`raw`) and the status before the first.
#[cfg(feature = "full-sme")]
pub(crate) fn apply_two_period_rule(
    prior: Option<SizeClass>,
    periods: &[PeriodInput],
    policy: OwnershipChangePolicy,
) -> Vec<SizeClass> {
    let mut status = prior.map(within);
    // The raw answer at the previous closing; unknown before the first period.
    let mut previous: Option<[bool; 3]> = None;
    let mut out = Vec::with_capacity(periods.len());
    for period in periods {
        let raw = within(period.raw);
        let reset = period.ownership_changed && policy == OwnershipChangePolicy::Immediate;
        let next = match status {
            Some(current) if !reset => {
                let mut next = current;
                for level in 0..LEVELS.len() {
                    let opposite_now = raw[level] != current[level];
                    let opposite_before = previous.is_some_and(|p| p[level] == raw[level]);
                    if opposite_now && opposite_before {
                        next[level] = raw[level];
                    }
                }
                next
            }
            _ => raw,
        };
        out.push(class_of(next));
        status = Some(next);
        previous = Some(raw);
    }
    out
}

#[cfg(all(test, feature = "full-sme"))]
mod tests {
    use super::*;
    use SizeClass::*;

    fn run(prior: Option<SizeClass>, raws: &[SizeClass]) -> Vec<SizeClass> {
        let periods: Vec<_> = raws
            .iter()
            .map(|r| PeriodInput {
                raw: *r,
                ownership_changed: false,
            })
            .collect();
        apply_two_period_rule(prior, &periods, OwnershipChangePolicy::Immediate)
    }

    #[test]
    fn rules_vectors() {
        assert_eq!(
            run(Some(Medium), &[Medium, Large, Large]),
            [Medium, Medium, Large]
        );
        assert_eq!(
            run(Some(Small), &[Medium, Small, Medium, Small]),
            [Small; 4]
        );
        assert_eq!(run(Some(Micro), &[Medium, Small]), [Micro, Small]);
        assert_eq!(run(Some(Medium), &[Micro, Micro]), [Medium, Micro]);
    }

    #[test]
    fn without_prior_the_first_raw_class_applies() {
        assert_eq!(run(None, &[Large, Medium, Medium]), [Large, Large, Medium]);
        assert_eq!(run(None, &[]), Vec::<SizeClass>::new());
    }

    #[test]
    fn ownership_change_policy() {
        let periods = [
            PeriodInput {
                raw: Small,
                ownership_changed: false,
            },
            PeriodInput {
                raw: Large,
                ownership_changed: true,
            },
        ];
        assert_eq!(
            apply_two_period_rule(None, &periods, OwnershipChangePolicy::Immediate),
            [Small, Large]
        );
        assert_eq!(
            apply_two_period_rule(None, &periods, OwnershipChangePolicy::TwoPeriod),
            [Small, Small]
        );
    }
}
