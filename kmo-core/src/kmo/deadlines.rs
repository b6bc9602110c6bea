//! Deadlines and the procedure (RULES.md §5).

use time::Date;

use crate::kmo::rulebook::Rulebook;
use crate::units::{add_days, add_months, add_years, end_of_year};

/// When the own share must be paid into the wallet; the sources disagree (RULES.md §6 question
/// 1), so this is a parameter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OwnShareDeadline {
    /// Within 14 days after the application (the default **choice**).
    #[default]
    AfterApplication14Days,
    /// Within 30 calendar days after the provider's approval.
    AfterApproval30Days,
}

impl OwnShareDeadline {
    /// `after_application_14_days` or `after_approval_30_days`.
    ///
    /// ```
    /// use kmo_core::OwnShareDeadline;
    /// assert_eq!(OwnShareDeadline::default().as_str(), "after_application_14_days");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            OwnShareDeadline::AfterApplication14Days => "after_application_14_days",
            OwnShareDeadline::AfterApproval30Days => "after_approval_30_days",
        }
    }

    /// Parses the code.
    ///
    /// ```
    /// use kmo_core::OwnShareDeadline;
    /// assert!(OwnShareDeadline::parse("after_approval_30_days").is_ok());
    /// ```
    pub fn parse(code: &str) -> Result<OwnShareDeadline, crate::InputError> {
        crate::kmo::service::parse_code(
            &[
                OwnShareDeadline::AfterApplication14Days,
                OwnShareDeadline::AfterApproval30Days,
            ],
            OwnShareDeadline::as_str,
            "own-share deadline policy",
            code,
        )
    }
}

/// The three deadlines of one application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeadlineSet {
    /// The last day to apply: start + 14 calendar days, no roll-over (`None` without a start).
    pub apply_by: Option<Date>,
    /// The last day to pay the own share (`None` when the policy needs an approval date that
    /// was not given).
    pub pay_own_share_by: Option<Date>,
    /// The last day to finish the service: 31 December of the year after the application.
    pub complete_by: Date,
}

/// Computes the deadlines.
///
/// ```
/// use kmo_core::{deadlines, rulebook_for, parse_date, OwnShareDeadline};
/// let day = parse_date("2026-03-10").unwrap();
/// let book = rulebook_for(day).unwrap();
/// let d = deadlines(book, day, Some(parse_date("2026-03-02").unwrap()), OwnShareDeadline::default(), None);
/// assert_eq!(d.apply_by.unwrap().to_string(), "2026-03-16");
/// assert_eq!(d.pay_own_share_by.unwrap().to_string(), "2026-03-24");
/// assert_eq!(d.complete_by.to_string(), "2027-12-31");
/// ```
pub fn deadlines(
    book: &Rulebook,
    application_date: Date,
    start_date: Option<Date>,
    policy: OwnShareDeadline,
    approval_date: Option<Date>,
) -> DeadlineSet {
    let rules = book.deadlines;
    DeadlineSet {
        apply_by: start_date.map(|s| add_days(s, rules.apply_within_days_after_start)),
        pay_own_share_by: match policy {
            OwnShareDeadline::AfterApplication14Days => Some(add_days(application_date, 14)),
            OwnShareDeadline::AfterApproval30Days => approval_date.map(|a| add_days(a, 30)),
        },
        complete_by: end_of_year(application_date.year() + rules.complete_within_years),
    }
}

/// One step of the procedure, for a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProcedureStep {
    /// The step's stable name.
    pub step: &'static str,
    /// When it happens (or may happen from).
    pub date: Option<Date>,
    /// The last day for it, if there is one.
    pub until: Option<Date>,
    /// Whether `date` is an estimate.
    pub approximate: bool,
    /// Where it is written (or the confidence, for third-party facts).
    pub reference: &'static str,
}

/// The procedure as dated steps: first-time registration on the portal (when its date is
/// given: the letter about 10 days later, its link valid one month), the start, the
/// application, paying the own share, finishing, invoice and release, VAT to the provider,
/// keeping records 10 years after the start.
///
/// ```
/// use kmo_core::{deadlines, procedure, rulebook_for, parse_date, OwnShareDeadline};
/// let day = parse_date("2026-03-10").unwrap();
/// let start = Some(parse_date("2026-03-02").unwrap());
/// let d = deadlines(rulebook_for(day).unwrap(), day, start, OwnShareDeadline::default(), None);
/// let steps = procedure(day, start, &d, Some(parse_date("2026-02-01").unwrap()));
/// assert_eq!(steps[1].step, "activation_letter");
/// assert_eq!(steps[1].date.unwrap().to_string(), "2026-02-11");
/// assert_eq!(steps[1].until.unwrap().to_string(), "2026-03-11");
/// ```
pub fn procedure(
    application_date: Date,
    start_date: Option<Date>,
    deadlines: &DeadlineSet,
    portal_registration: Option<Date>,
) -> Vec<ProcedureStep> {
    let mut steps = Vec::with_capacity(9);
    if let Some(registered) = portal_registration {
        let letter = add_days(registered, 10);
        steps.push(ProcedureStep {
            step: "portal_registration",
            date: Some(registered),
            until: None,
            approximate: false,
            reference: "[3p]",
        });
        steps.push(ProcedureStep {
            step: "activation_letter",
            date: Some(letter),
            until: Some(add_months(letter, 1)),
            approximate: true,
            reference: "[3p]",
        });
    }
    let step = |step, date, until, reference| ProcedureStep {
        step,
        date,
        until,
        approximate: false,
        reference,
    };
    steps.push(step("service_start", start_date, None, "MB-2016"));
    steps.push(step(
        "apply",
        Some(application_date),
        deadlines.apply_by,
        "MB-2016",
    ));
    steps.push(step(
        "pay_own_share",
        Some(application_date),
        deadlines.pay_own_share_by,
        "MB-2016 art. 1",
    ));
    steps.push(step(
        "complete_service",
        start_date,
        Some(deadlines.complete_by),
        "MB-2016",
    ));
    steps.push(step("invoice_and_release", None, None, "MB-2016"));
    steps.push(step("vat_to_provider", None, None, "BVR-2016 art. 16"));
    steps.push(step(
        "keep_records",
        start_date,
        start_date.map(|s| add_years(s, 10)),
        "MB-2016",
    ));
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmo::rulebook::rulebook_for;
    use crate::units::parse_date;

    #[test]
    fn the_timeline_has_every_step() {
        let day = parse_date("2026-03-10").unwrap();
        let start = Some(parse_date("2026-03-02").unwrap());
        let d = deadlines(
            rulebook_for(day).unwrap(),
            day,
            start,
            OwnShareDeadline::default(),
            None,
        );
        let names: Vec<&str> = procedure(day, start, &d, None)
            .iter()
            .map(|s| s.step)
            .collect();
        assert_eq!(
            names,
            [
                "service_start",
                "apply",
                "pay_own_share",
                "complete_service",
                "invoice_and_release",
                "vat_to_provider",
                "keep_records"
            ]
        );
        let steps = procedure(day, start, &d, Some(parse_date("2026-01-10").unwrap()));
        assert_eq!(steps.len(), 9);
        assert_eq!(steps[8].until.unwrap().to_string(), "2036-03-02");
    }
}
