//! The whole SME definition for one enterprise: a series of closed periods, each with the
//! enterprise's own figures and its ownership graph, aggregated (art. 6), classified (art. 2)
//! and run through the two-period rule (art. 4).

use std::sync::Arc;

use time::Date;

use crate::error::{InputError, InputErrorCode as E};
use crate::sme::explain::SmeSummary;
use crate::sme::periods::{statuses, OwnershipChangePolicy, PeriodInput};
use crate::sme::relations::{aggregate, Aggregation, Entity, EntityKind, GraphPaths, Ownership};
use crate::sme::thresholds::{ExactFigures, Figures, SizeClass};
use crate::units::Percent;

/// The enterprise itself: its id in the graph, its market, what its consolidated accounts
/// include.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subject {
    /// Its id in the ownership graph (`self` by default in JSON).
    pub id: String,
    /// Its relevant market (for links through natural persons).
    pub market: Option<String>,
    /// Markets directly up- or downstream of its own.
    pub adjacent_markets: Vec<String>,
    /// Entities its consolidated accounts include (their figures are in its own).
    pub consolidates: Vec<String>,
}

impl Subject {
    /// A subject with an id and nothing else.
    pub fn new(id: impl Into<String>) -> Subject {
        Subject {
            id: id.into(),
            market: None,
            adjacent_markets: Vec::new(),
            consolidates: Vec::new(),
        }
    }
}

/// One closed accounting period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// The closing date, when known (periods must be in order).
    pub closing_date: Option<Date>,
    /// The enterprise's own figures for the period, on an annual basis.
    pub own: Figures,
    /// A bona fide estimate of a new enterprise without approved accounts (art. 4(3)).
    pub estimate: bool,
    /// The enterprise joined or left a group at this closing.
    pub ownership_changed: bool,
    /// The ownership graph at this closing.
    pub ownership: Ownership,
    /// Where the graph sits in the request (for error paths).
    pub paths: GraphPaths,
}

/// The outcome for one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeriodOutcome {
    /// The closing date.
    pub closing_date: Option<Date>,
    /// Whether the figures were an estimate.
    pub estimate: bool,
    /// The class the aggregated figures give on their own.
    pub raw: SizeClass,
    /// The status after the two-period rule.
    pub status: SizeClass,
    /// The aggregation.
    pub aggregation: Aggregation,
}

/// A validated SME question and its answer.
///
/// ```
/// use kmo_core::sme::definition::{Period, SmeDefinition, Subject};
/// use kmo_core::sme::periods::OwnershipChangePolicy;
/// use kmo_core::{AnnualWorkUnits, Figures, Money, SizeClass};
/// let period = |awu: u32| Period {
///     closing_date: None, estimate: false, ownership_changed: false,
///     own: Figures { staff: AnnualWorkUnits::whole(awu).unwrap(), turnover: Money::from_euro(1), balance_sheet: Money::from_euro(1) },
///     ownership: Default::default(), paths: Default::default(),
/// };
/// let def = SmeDefinition::new(Subject::new("self"), vec![period(220), period(260), period(255)],
///                              Some(SizeClass::Medium), OwnershipChangePolicy::Immediate).unwrap();
/// let statuses: Vec<_> = def.periods().iter().map(|p| p.status).collect();
/// assert_eq!(statuses, [SizeClass::Medium, SizeClass::Medium, SizeClass::Large]);
/// assert_eq!(def.class(), SizeClass::Large);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmeDefinition {
    prior: Option<SizeClass>,
    policy: OwnershipChangePolicy,
    periods: Vec<PeriodOutcome>,
    /// The question as given, so that it can be written again (`json::request_to_json`).
    subject: Subject,
    inputs: Vec<Period>,
    /// What an answer shows of it, made once and shared by every assessment.
    summary: Arc<SmeSummary>,
}

impl SmeDefinition {
    /// Validates and evaluates: aggregation for every period, then the two-period rule from
    /// `prior` (the status before the first period, if known).
    pub fn new(
        subject: Subject,
        periods: Vec<Period>,
        prior: Option<SizeClass>,
        policy: OwnershipChangePolicy,
    ) -> Result<SmeDefinition, InputError> {
        if periods.is_empty() {
            return Err(InputError::new(
                E::MissingField,
                "periods",
                "err_no_periods",
                vec![],
            ));
        }
        for (i, pair) in periods.windows(2).enumerate() {
            if let (Some(a), Some(b)) = (pair[0].closing_date, pair[1].closing_date) {
                if b <= a {
                    return Err(InputError::new(
                        E::InconsistentInput,
                        format!("periods[{}].closing_date", i + 1),
                        "err_periods_order",
                        vec![b.to_string().into(), a.to_string().into()],
                    ));
                }
            }
        }
        let mut aggregations = Vec::with_capacity(periods.len());
        for period in &periods {
            let me = Entity {
                figures: Some(ExactFigures::from(&period.own)),
                consolidates: subject.consolidates.clone(),
                market: subject.market.clone(),
                adjacent_markets: subject.adjacent_markets.clone(),
                ..Entity::new(subject.id.clone(), EntityKind::Enterprise)
            };
            aggregations.push(aggregate(&me, &period.ownership, &period.paths)?);
        }
        let inputs: Vec<PeriodInput> = periods
            .iter()
            .zip(&aggregations)
            .map(|(p, a)| PeriodInput {
                raw: a.figures.class(),
                ownership_changed: p.ownership_changed,
            })
            .collect();
        let status = statuses(prior, &inputs, policy);
        let outcomes: Vec<PeriodOutcome> = periods
            .iter()
            .zip(aggregations)
            .zip(inputs.iter().zip(status))
            .map(|((p, aggregation), (input, status))| PeriodOutcome {
                closing_date: p.closing_date,
                estimate: p.estimate,
                raw: input.raw,
                status,
                aggregation,
            })
            .collect();
        Ok(SmeDefinition {
            prior,
            policy,
            summary: Arc::new(SmeSummary::new(policy, prior, &outcomes)),
            periods: outcomes,
            subject,
            inputs: periods,
        })
    }

    /// What an answer shows of the definition (the response's `sme` member).
    pub(crate) fn summary(&self) -> &Arc<SmeSummary> {
        &self.summary
    }

    /// The enterprise itself, as given.
    pub fn subject(&self) -> &Subject {
        &self.subject
    }

    /// The periods as given (their figures and graphs), oldest first; their outcomes are
    /// [`SmeDefinition::periods`].
    pub fn inputs(&self) -> &[Period] {
        &self.inputs
    }

    /// The size class: the status at the latest closing.
    pub fn class(&self) -> SizeClass {
        self.periods.last().map_or(SizeClass::Large, |p| p.status)
    }

    /// Every period's outcome, oldest first.
    pub fn periods(&self) -> &[PeriodOutcome] {
        &self.periods
    }

    /// The share held by public bodies at the latest closing (art. 3(4)).
    pub fn public_share(&self) -> Percent {
        self.periods
            .last()
            .map_or(Percent::ZERO, |p| p.aggregation.public_share)
    }

    /// The aggregated figures at the latest closing (what the class of
    /// [`SmeDefinition::class`] rests on).
    pub fn figures(&self) -> ExactFigures {
        self.periods
            .last()
            .map_or(ExactFigures::default(), |p| p.aggregation.figures)
    }

    /// The ownership-change policy used.
    pub fn policy(&self) -> OwnershipChangePolicy {
        self.policy
    }

    /// The status before the first period, if given.
    pub fn prior(&self) -> Option<SizeClass> {
        self.prior
    }

    /// Whether any period used an estimate.
    pub fn uses_estimate(&self) -> bool {
        self.periods.iter().any(|p| p.estimate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sme::AnnualWorkUnits;
    use crate::units::Money;

    fn period(awu: u32, estimate: bool) -> Period {
        Period {
            closing_date: None,
            estimate,
            ownership_changed: false,
            own: Figures {
                staff: AnnualWorkUnits::whole(awu).unwrap(),
                turnover: Money::from_euro(1),
                balance_sheet: Money::from_euro(1),
            },
            ownership: Ownership::default(),
            paths: GraphPaths::default(),
        }
    }

    #[test]
    fn prior_and_estimate_are_reported() {
        let def = |periods, prior| {
            SmeDefinition::new(
                Subject::new("self"),
                periods,
                prior,
                OwnershipChangePolicy::Immediate,
            )
            .unwrap()
        };
        let plain = def(vec![period(5, false), period(6, false)], None);
        assert_eq!(plain.prior(), None);
        assert!(!plain.uses_estimate());
        let known = def(
            vec![period(5, false), period(6, true)],
            Some(SizeClass::Medium),
        );
        assert_eq!(known.prior(), Some(SizeClass::Medium));
        assert!(known.uses_estimate());
    }
}
