//! What an answer shows of a full SME definition (the response's `sme` member): kept with an
//! [`Assessment`](crate::Assessment), so that it is written as its document on its own and
//! read back from it.

use rust_decimal::Decimal;
use time::Date;

use crate::coded::OwnershipChangePolicy;
use crate::coded::Relation;
use crate::coded::SizeClass;
use crate::sme::thresholds::ExactFigures;
use crate::units::Percent;

/// The definition's policy, earlier class and periods.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SmeSummary {
    pub(crate) policy: OwnershipChangePolicy,
    pub(crate) prior: Option<SizeClass>,
    pub(crate) periods: Vec<PeriodSummary>,
}

/// One period: its figures, classes and each entity's relation and weight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PeriodSummary {
    pub(crate) closing_date: Option<Date>,
    pub(crate) estimate: bool,
    pub(crate) raw: SizeClass,
    pub(crate) status: SizeClass,
    pub(crate) figures: ExactFigures,
    pub(crate) public_share: Percent,
    pub(crate) contributions: Vec<(String, Relation, Decimal)>,
}
