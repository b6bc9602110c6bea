//! The plan: intended applications quoted in order, and when the next year would give more.

use time::Date;

use super::*;
use crate::application::Application;
use crate::assess::Assessment;
use crate::error::InputError;
use crate::units::index_path;
use crate::units::{check_year, days_after, ymd, Money};

/// One intended service in a [`Wallet::plan`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanItem {
    /// Its position in the plan.
    pub index: usize,
    /// The assessment in that order.
    pub assessment: Assessment,
    /// When starting (and applying) on 1 January of the next year would give more aid: that
    /// date and that aid.
    pub better_next_year: Option<(Date, Money)>,
}

/// The outcome of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Plan {
    /// Each intended service, in order.
    pub items: Vec<PlanItem>,
    /// The budget per year after the whole plan.
    pub years: Vec<YearBudget>,
    /// The budget per year before it: the wallet on the first intended application's date
    /// (what is overdue by then lapsed), or as recorded for an empty plan.
    pub years_before: Vec<YearBudget>,
    /// The recorded applications that lapse along the plan, each on or before the date of an
    /// intended application, in the order they lapse.
    pub lapsed: Vec<u32>,
}

impl Wallet {
    /// Quotes intended applications in order, as if each were applied after the ones before it
    /// and carried out (its own share paid on time), what is overdue on each one's date among
    /// the recorded applications lapsed first; and says when moving one into the next calendar
    /// year would give more aid. The wallet itself is not changed.
    ///
    /// # Errors
    ///
    /// The first invalid application (its path under `[index]`).
    pub fn plan(&self, intended: &[Application]) -> Result<Plan, InputError> {
        let mut sim = self.clone();
        let mut items = Vec::with_capacity(intended.len());
        let mut lapsed = Vec::new();
        let mut years_before = None;
        for (index, app) in intended.iter().enumerate() {
            let at = |e: InputError| e.under(&index_path("", index));
            app.validate().map_err(at)?;
            lapsed.extend(sim.lapse_due(app.application_date));
            if years_before.is_none() {
                years_before = Some(sim.years());
            }
            let assessment = sim.assess(app).map_err(at)?;
            // Not past the last year the engine reads (an application of 2199 has no next year
            // to move to).
            let better_next_year = match moved_to_next_year(app) {
                Some(moved) => {
                    let later = sim.assess(&moved).map_err(at)?;
                    (later.eligible && later.aid > assessment.aid)
                        .then_some((moved.application_date, later.aid))
                }
                None => None,
            };
            if assessment.eligible {
                // Out-of-order entries in a plan are quoted but not recorded. An intended
                // application is taken as carried out: its own share paid on time, so it does
                // not lapse within the plan.
                if let Ok(applied) = sim.apply(app) {
                    let own_share = applied.assessment.own_share;
                    if applied.recorded && !own_share.is_zero() {
                        let _ = sim.pay(applied.id, app.application_date, own_share);
                    }
                }
            }
            items.push(PlanItem {
                index,
                assessment,
                better_next_year,
            });
        }
        Ok(Plan {
            items,
            years: sim.years(),
            years_before: years_before.unwrap_or_else(|| self.years()),
            lapsed,
        })
    }
}

/// The same application with its start and application on 1 January of the next year (the
/// start keeps its distance after the application date); `None` when either would fall after
/// [`MAX_YEAR`](crate::units::MAX_YEAR), the last year the engine reads.
fn moved_to_next_year(app: &Application) -> Option<Application> {
    let year = check_year(app.application_date.year() + 1).ok()?;
    let next = ymd(year, time::Month::January, 1);
    let mut moved = app.clone();
    moved.application_date = next;
    if let Some(start) = app.service.start_date {
        let after = (start - app.application_date).whole_days().max(0);
        moved.service.start_date = Some(days_after(next, after)?);
    }
    Some(moved)
}
