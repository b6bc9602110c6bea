//! The whole SME definition for one enterprise: a series of closed periods, each with the
//! enterprise's own figures and its ownership graph, aggregated (art. 6), classified (art. 2)
//! and run through the two-period rule (art. 4).

use std::sync::Arc;

use time::Date;

use crate::coded::OwnershipChangePolicy;
use crate::coded::SizeClass;
use crate::error::{InputError, InputErrorCode as E};
use crate::sme::periods::{apply_two_period_rule, PeriodInput};
use crate::sme::relations::graph::check_figures;
use crate::sme::relations::{aggregate_at, Aggregation, Entity, EntityKind, GraphPaths, Ownership};
use crate::sme::summary::{PeriodSummary, SmeSummary};
use crate::sme::thresholds::{ExactFigures, Figures};
use crate::units::check_year_range;
use crate::units::Percent;
use crate::units::{index_field_path, index_path};

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
///
/// ```
/// use kmo_core::sme::definition::Period;
/// use kmo_core::{date, AnnualWorkUnits, Figures, Money};
/// let own = Figures { staff: AnnualWorkUnits::whole(12)?, turnover: Money::from_euro(1_800_000), balance_sheet: Money::from_euro(900_000) };
/// let p = Period { closing_date: Some(date(2025, 12, 31)?), ..Period::new(own) };
/// assert!(!p.estimate && p.ownership.entities.is_empty());
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// The closing date, when known (periods must be in order, in the years 1900–2199, and
    /// not after the application unless the figures are an estimate).
    pub closing_date: Option<Date>,
    /// The enterprise's own figures for the period, on an annual basis.
    pub own: Figures,
    /// A bona fide estimate of a new enterprise without approved accounts (art. 4(3)).
    pub estimate: bool,
    /// The enterprise joined or left a group at this closing.
    pub ownership_changed: bool,
    /// The ownership graph at this closing.
    pub ownership: Ownership,
}

impl Period {
    /// A period of the enterprise's own figures: closing date unknown, approved accounts (not
    /// an estimate), no change of ownership, no other entity.
    pub fn new(own: Figures) -> Period {
        Period {
            closing_date: None,
            own,
            estimate: false,
            ownership_changed: false,
            ownership: Ownership::default(),
        }
    }
}

/// Where the periods sit in the request, for error paths: each under `periods[i]` (the typed
/// API, and the document's list of periods), or one period given at the size object's top
/// level (the document's single form).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    Periods,
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // only the document has it
    Single,
}

impl Layout {
    /// The path of period `i`'s closing date, relative to the size object.
    fn closing_date_path(self, i: usize) -> String {
        match self {
            Layout::Periods => index_field_path("periods", i, "closing_date"),
            Layout::Single => "closing_date".to_string(),
        }
    }
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
/// let period = |awu: u32| Period::new(Figures {
///     staff: AnnualWorkUnits::whole(awu).unwrap(), turnover: Money::from_euro(1), balance_sheet: Money::from_euro(1),
/// });
/// let def = SmeDefinition::new(Subject::new("self"), vec![period(220), period(260), period(255)],
///                              Some(SizeClass::Medium), OwnershipChangePolicy::Immediate).unwrap();
/// let statuses: Vec<_> = def.periods().iter().map(|p| p.status).collect();
/// assert_eq!(statuses, [SizeClass::Medium, SizeClass::Medium, SizeClass::Large]);
/// assert_eq!(def.class(), SizeClass::Large);
/// ```
#[derive(Clone, Debug)]
pub struct SmeDefinition {
    prior: Option<SizeClass>,
    policy: OwnershipChangePolicy,
    periods: Vec<PeriodOutcome>,
    /// The question as given, so that it can be written again (`json::request_to_json`).
    subject: Subject,
    inputs: Vec<Period>,
    /// What an answer shows of it, made once and shared by every assessment.
    summary: Arc<SmeSummary>,
    layout: Layout,
    /// Where each period's graph sits in the document (its own lists or the shared ones).
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // only the document writer reads it
    paths: Vec<GraphPaths>,
}

/// Two definitions are equal when they ask the same question and give the same answer, however
/// a document laid them out (one period at the top level or a list; shared or own graphs).
impl PartialEq for SmeDefinition {
    fn eq(&self, other: &SmeDefinition) -> bool {
        self.prior == other.prior
            && self.policy == other.policy
            && self.periods == other.periods
            && self.subject == other.subject
            && self.inputs == other.inputs
    }
}

impl Eq for SmeDefinition {}

impl SmeDefinition {
    /// Validates and evaluates: aggregation for every period, then the two-period rule from
    /// `prior` (the status before the first period, if known).
    ///
    /// # Errors
    ///
    /// What the document refuses, with its code and a path relative to the size object, each
    /// period's parts under `periods[i]`: no period (`MISSING_FIELD` at `periods`), a closing
    /// date outside 1900–2199 (`INVALID_DATE`) or not after the one before
    /// (`INCONSISTENT_INPUT`), an entity's figures (`periods[0].entities[1].turnover`), and
    /// every check of the ownership graph ([`aggregate`](crate::sme::relations::aggregate)).
    ///
    /// ```
    /// use kmo_core::sme::definition::{Period, SmeDefinition, Subject};
    /// use kmo_core::sme::relations::{Entity, Holding, Ownership};
    /// use kmo_core::sme::thresholds::ExactFigures;
    /// use kmo_core::{AnnualWorkUnits, Decimal, Figures, InputErrorCode, Money, Percent};
    /// let own = Figures { staff: AnnualWorkUnits::whole(60)?, turnover: Money::from_euro(5_000_000), balance_sheet: Money::ZERO };
    /// let partner = Entity::enterprise("P", ExactFigures { staff: Decimal::from(-100), turnover: Decimal::ZERO, balance_sheet: Decimal::ZERO });
    /// let period = Period {
    ///     ownership: Ownership { entities: vec![partner], holdings: vec![Holding::new("P", "self", Percent::constant::<30>())], controls: vec![] },
    ///     ..Period::new(own)
    /// };
    /// let e = SmeDefinition::new(Subject::new("self"), vec![period], None, Default::default()).unwrap_err();
    /// assert_eq!((e.code, e.path.as_str()), (InputErrorCode::InvalidNumber, "periods[0].entities[0].staff_awu"));
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn new(
        subject: Subject,
        periods: Vec<Period>,
        prior: Option<SizeClass>,
        policy: OwnershipChangePolicy,
    ) -> Result<SmeDefinition, InputError> {
        let paths = (0..periods.len())
            .map(|i| GraphPaths::under(&index_path("periods", i)))
            .collect();
        SmeDefinition::build(subject, periods, paths, Layout::Periods, prior, policy)
    }

    /// The document's form: each period's graph where the document has its lists (its own,
    /// or the lists shared by every period), and one period at the top level when `single`.
    #[cfg(feature = "json")]
    pub(crate) fn from_document(
        subject: Subject,
        periods: Vec<(Period, GraphPaths)>,
        single: bool,
        prior: Option<SizeClass>,
        policy: OwnershipChangePolicy,
    ) -> Result<SmeDefinition, InputError> {
        let (periods, paths) = periods.into_iter().unzip();
        let layout = if single {
            Layout::Single
        } else {
            Layout::Periods
        };
        SmeDefinition::build(subject, periods, paths, layout, prior, policy)
    }

    fn build(
        subject: Subject,
        periods: Vec<Period>,
        paths: Vec<GraphPaths>,
        layout: Layout,
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
        let me = |period: &Period| Entity {
            figures: Some(ExactFigures::from(&period.own)),
            consolidates: subject.consolidates.clone(),
            market: subject.market.clone(),
            adjacent_markets: subject.adjacent_markets.clone(),
            ..Entity::new(subject.id.clone(), EntityKind::Enterprise)
        };
        // What the document checks while it reads each period, in its order: the entities'
        // figures, then the closing date.
        for (i, (period, at)) in periods.iter().zip(&paths).enumerate() {
            check_figures(&me(period), &period.ownership, at)?;
            if let Some(closing) = period.closing_date {
                check_year_range(closing).map_err(|e| e.at(layout.closing_date_path(i)))?;
            }
        }
        for (i, pair) in periods.windows(2).enumerate() {
            if let (Some(a), Some(b)) = (pair[0].closing_date, pair[1].closing_date) {
                if b <= a {
                    return Err(InputError::new(
                        E::InconsistentInput,
                        Layout::Periods.closing_date_path(i + 1),
                        "err_periods_order",
                        vec![b.to_string().into(), a.to_string().into()],
                    ));
                }
            }
        }
        let mut aggregations = Vec::with_capacity(periods.len());
        for (period, at) in periods.iter().zip(&paths) {
            aggregations.push(aggregate_at(&me(period), &period.ownership, at)?);
        }
        let inputs: Vec<PeriodInput> = periods
            .iter()
            .zip(&aggregations)
            .map(|(p, a)| PeriodInput {
                raw: a.figures.class(),
                ownership_changed: p.ownership_changed,
            })
            .collect();
        let status = apply_two_period_rule(prior, &inputs, policy);
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
            layout,
            paths,
        })
    }

    /// Checks the definition against the application date: approved accounts cannot close
    /// after the application, so a period that does (and is not an estimate, art. 4(3)) is
    /// refused. [`Application::validate`](crate::Application::validate) asks here.
    ///
    /// # Errors
    ///
    /// `INCONSISTENT_INPUT` at the period's `closing_date` (`periods[1].closing_date`,
    /// relative to the size object).
    pub(crate) fn check_against(&self, application_date: Date) -> Result<(), InputError> {
        for (i, p) in self.periods.iter().enumerate() {
            if let Some(closing) = p.closing_date.filter(|c| *c > application_date) {
                if !p.estimate {
                    return Err(InputError::new(
                        E::InconsistentInput,
                        self.layout.closing_date_path(i),
                        "err_closing_after_application",
                        vec![
                            closing.to_string().into(),
                            application_date.to_string().into(),
                        ],
                    ));
                }
            }
        }
        Ok(())
    }

    /// Where each period's graph sits in the document, in the order of
    /// [`SmeDefinition::inputs`] (a typed definition: each period's own lists).
    #[cfg(feature = "json")]
    pub(crate) fn graph_paths(&self) -> &[GraphPaths] {
        &self.paths
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

    /// Whether the class rests on an estimate (art. 4(3)): the latest period, whose status is
    /// the class, is an estimate; or the two-period rule kept the status there (its raw class
    /// differs, art. 4(2)) and the period before it, which the kept status then rests on, is
    /// one. An estimate further back, followed by approved accounts, does not make the class.
    /// `SIZE_FROM_ESTIMATE` is said when this is true.
    pub fn rests_on_estimate(&self) -> bool {
        match self.periods.as_slice() {
            [.., before, last] => last.estimate || (last.raw != last.status && before.estimate),
            [last] => last.estimate,
            [] => false,
        }
    }
}

impl SmeSummary {
    /// The summary of a definition's outcomes, made once with the definition
    /// ([`SmeDefinition::summary`]: an assessment shares it).
    pub(crate) fn new(
        policy: OwnershipChangePolicy,
        prior: Option<SizeClass>,
        periods: &[PeriodOutcome],
    ) -> SmeSummary {
        SmeSummary {
            policy,
            prior,
            periods: periods
                .iter()
                .map(|p| PeriodSummary {
                    closing_date: p.closing_date,
                    estimate: p.estimate,
                    raw: p.raw,
                    status: p.status,
                    figures: p.aggregation.figures,
                    public_share: p.aggregation.public_share,
                    contributions: p
                        .aggregation
                        .contributions
                        .iter()
                        .map(|c| (c.id.clone(), c.relation, c.weight))
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sme::AnnualWorkUnits;
    use crate::units::Money;

    fn period(awu: u32, estimate: bool) -> Period {
        Period {
            estimate,
            ..Period::new(Figures {
                staff: AnnualWorkUnits::whole(awu).unwrap(),
                turnover: Money::from_euro(1),
                balance_sheet: Money::from_euro(1),
            })
        }
    }

    fn def(periods: Vec<Period>, prior: Option<SizeClass>) -> SmeDefinition {
        SmeDefinition::new(
            Subject::new("self"),
            periods,
            prior,
            OwnershipChangePolicy::Immediate,
        )
        .unwrap()
    }

    #[test]
    fn prior_and_estimate_are_reported() {
        let plain = def(vec![period(5, false), period(6, false)], None);
        assert_eq!(plain.prior(), None);
        assert!(!plain.uses_estimate());
        let known = def(
            vec![period(5, false), period(6, true)],
            Some(SizeClass::Medium),
        );
        assert_eq!(known.prior(), Some(SizeClass::Medium));
        assert!(known.uses_estimate());
        assert!(known.rests_on_estimate());
    }

    #[test]
    fn the_class_rests_on_an_estimate_only_through_the_periods_it_comes_from() {
        // An estimate, then approved accounts: the class is the approved period's.
        let older = def(vec![period(5, true), period(5, false)], None);
        assert!(older.uses_estimate() && !older.rests_on_estimate());
        // The latest period an estimate.
        assert!(def(vec![period(5, false), period(5, true)], None).rests_on_estimate());
        assert!(def(vec![period(5, true)], None).rests_on_estimate());
        // The two-period rule kept the status of the estimated period before: small (30 AWU
        // estimated), then raw micro once (5 AWU): still small, resting on the estimate.
        let kept = def(vec![period(30, true), period(5, false)], None);
        assert_eq!(kept.class(), SizeClass::Small);
        assert!(kept.rests_on_estimate());
    }
}
