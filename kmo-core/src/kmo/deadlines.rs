//! Deadlines and the procedure: apply within 14 days after the start, pay the own share, finish
//! by 31 December of the year after the application; and, for a company that has never used the
//! wallet, the first registration on the portal planned against those deadlines.
//!
//! | Rule | Reference | How sure |
//! |---|---|---|
//! | apply at the latest 14 calendar days after the start; no weekend or holiday roll-over | `[official]` | \[official\]; no roll-over \[choice\] |
//! | pay the own share within 14 days after the application (a parameter: [`OwnShareDeadline`]) | `[choice]`; the step `MB-2016 art. 1; [choice]` | the sources disagree: \[choice\] |
//! | finish by 31 December of the year after the application | `[official]` | \[official\] |
//! | the activation letter comes 10 days after the registration; its link is valid one month | `[3p]` | \[3p\]; the 10 days are an estimate |

use time::Date;

use smallvec::smallvec;

use crate::application::Application;
use crate::coded::{FindingCode as C, TraceStepName};
pub use crate::coded::{OwnShareDeadline, ProcedureStepName};
use crate::findings::{Sink, TraceStep};
use crate::kmo::eligibility::on_time;
use crate::kmo::rulebook::{Rulebook, RULEBOOKS};
use crate::message::Arg;
use crate::units::{add_days, add_months, add_years, end_of_year};

/// Where the procedure's deadlines are stated: the administering agency's pages, not a legal
/// text we could read.
pub const PROCEDURE_REFERENCE: &str = "[official]";

/// Where the last day to apply is cited in the trace: the 14 calendar days after the start
/// \[official\], and no roll-over when that day falls on a weekend or a holiday, a reading the
/// sources do not state (`[choice: no_rollover]`).
pub const APPLY_BY_REFERENCE: &str = "[official]; [choice]";

/// Where the own-share deadline comes from: the sources disagree, the default is the library's
/// choice ([`OwnShareDeadline`]).
pub const OWN_SHARE_DEADLINE_REFERENCE: &str = "[choice]";

impl OwnShareDeadline {
    /// The number of calendar days the policy gives.
    pub fn days(self) -> i64 {
        match self {
            OwnShareDeadline::AfterApplication14Days => 14,
            OwnShareDeadline::AfterApplication30Days | OwnShareDeadline::AfterApproval30Days => 30,
        }
    }

    /// Whether the days are counted from the service provider's approval (else from the application).
    pub fn counts_from_approval(self) -> bool {
        self == OwnShareDeadline::AfterApproval30Days
    }

    /// The word the explanation uses for the policy.
    pub(crate) fn word(self) -> &'static str {
        match self {
            OwnShareDeadline::AfterApplication14Days => "after_application",
            OwnShareDeadline::AfterApplication30Days => "after_application_30",
            OwnShareDeadline::AfterApproval30Days => "after_approval",
        }
    }
}

/// The deadlines of one application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeadlineSet {
    /// The last day to apply: start + 14 calendar days, no roll-over (`None` without a start).
    pub apply_by: Option<Date>,
    /// The last day to pay the own share (`None` when the policy needs an approval date that
    /// was not given, and in an answer that is not eligible: there is nothing to pay in).
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
#[cfg_attr(not(kmo_size), inline(always))]
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
        pay_own_share_by: own_share_due(application_date, policy, approval_date),
        complete_by: end_of_year(application_date.year() + rules.complete_within_years),
    }
}

/// The last day to pay the own share under `policy`: the application date (or the approval
/// date) + the policy's days; `None` when the policy counts from an approval date that is not
/// given.
///
/// ```
/// use kmo_core::{parse_date, OwnShareDeadline};
/// use kmo_core::rules::own_share_due;
/// let day = parse_date("2026-03-10").unwrap();
/// let due = |p| own_share_due(day, p, None).map(|d| d.to_string());
/// assert_eq!(due(OwnShareDeadline::AfterApplication14Days).as_deref(), Some("2026-03-24"));
/// assert_eq!(due(OwnShareDeadline::AfterApplication30Days).as_deref(), Some("2026-04-09"));
/// assert_eq!(due(OwnShareDeadline::AfterApproval30Days), None);
/// ```
#[inline]
pub fn own_share_due(
    application_date: Date,
    policy: OwnShareDeadline,
    approval_date: Option<Date>,
) -> Option<Date> {
    let from = if policy.counts_from_approval() {
        approval_date?
    } else {
        application_date
    };
    Some(add_days(from, policy.days()))
}

/// The deadlines of an application under the rulebook's procedure (stable since 2016; before
/// that, shown as a guide), and the check that it came on time.
pub(crate) fn deadlines_step(
    book: &Rulebook,
    app: &Application,
    out: &mut impl Sink,
) -> DeadlineSet {
    let set = deadlines(
        book,
        app.application_date,
        app.service.start_date,
        app.options.own_share_deadline,
        app.options.approval_date,
    );
    on_time(
        app.application_date,
        set.apply_by,
        book.deadlines.reference,
        out,
    );
    if let Some(start) = app.service.start_date.filter(|s| *s > set.complete_by) {
        out.warning(
            C::ServiceStartsAfterCompletionDeadline,
            book.deadlines.reference,
            || smallvec![Arg::from(start), Arg::from(set.complete_by)],
        );
    }
    set
}

/// How many days after the registration on the portal the activation letter comes by post.
/// The provider's page says ten days; a letter by post is never exact, so every date counted
/// from it is an estimate (`approximate`).
pub const LETTER_AFTER_DAYS: i64 = 10;

/// How long the one-time link in the activation letter stays valid, in months.
pub const LINK_VALID_MONTHS: i32 = 1;

/// Where the first-time registration is described: third parties only (the provider's page),
/// not a legal text or the agency's pages we could read.
pub const REGISTRATION_REFERENCE: &str = "[3p]";

/// Where the plan to use the link before it expires is cited: the link's validity (\[3p\]) and
/// the library's choice to have the company apply while the link is valid.
pub const LINK_PLAN_REFERENCE: &str = "[3p]; [choice]";

/// The first registration on the portal, planned against the application's deadlines: for a
/// company that has not used the kmo-portefeuille before (`options.first_time`), or that gives
/// the day it registers (`options.portal_registration_date`).
///
/// The company registers once on the portal (eID); an activation letter with a one-time link
/// comes by post about [`LETTER_AFTER_DAYS`] days later, and the link is valid
/// [`LINK_VALID_MONTHS`] month. It can apply only once its account is active, so:
///
/// - the earliest day it can apply is the later of the application date and the letter's
///   expected day (`apply_from`, an estimate);
/// - the latest is the application deadline, or the link's expiry when that comes first and the
///   link is still to be used (`apply_until`): the plan has the company activate and apply
///   while the link is valid;
/// - the last day to register so that the letter is expected by the application deadline is
///   that deadline − 10 days (`register_by`); registering later, the letter is expected after
///   the deadline (`letter_after_deadline`).
///
/// Without a registration date the plan counts from the application date: the engine has no
/// clock, and that is the earliest day it knows the company can register.
///
/// ```
/// use kmo_core::{deadlines, parse_date, rulebook_for, OwnShareDeadline};
/// use kmo_core::rules::plan_registration;
/// let day = parse_date("2026-12-07")?;
/// let start = Some(parse_date("2026-12-01")?);
/// let d = deadlines(rulebook_for(day).unwrap(), day, start, OwnShareDeadline::default(), None);
/// let plan = plan_registration(day, Some(day), &d, OwnShareDeadline::default(), None);
/// assert_eq!(plan.letter_expected.to_string(), "2026-12-17");
/// assert_eq!(plan.register_by.unwrap().to_string(), "2026-12-05");
/// assert!(plan.letter_after_deadline);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegistrationPlan {
    /// The day the company registers, when given; `None`: not registered yet.
    pub registered: Option<Date>,
    /// The last day to register so that the letter is expected by the application deadline
    /// (`None` without a start date).
    pub register_by: Option<Date>,
    /// When the activation letter is expected (an estimate): the registration, or without one
    /// the application date, + [`LETTER_AFTER_DAYS`].
    pub letter_expected: Date,
    /// Until when its one-time link is valid (an estimate, as the letter).
    pub link_valid_until: Date,
    /// The first day the company can apply: the later of the application date and the letter.
    pub apply_from: Date,
    /// The last day of the plan to apply: the application deadline, or the link's expiry when
    /// it comes first (`None` without a start date).
    pub apply_until: Option<Date>,
    /// The own share due when the company applies on `apply_from` (the policy counted from
    /// that day; `None` when the policy needs an approval date that was not given).
    pub pay_own_share_by: Option<Date>,
    /// The letter is expected after the application deadline: the company cannot apply in
    /// time unless it registers earlier or the service starts later.
    pub letter_after_deadline: bool,
    /// The link expires before the application deadline (and not before the application
    /// date): the company must use it by `link_valid_until`.
    pub link_expires_first: bool,
}

impl RegistrationPlan {
    /// The earliest start of the service for which the letter comes in time: the letter's
    /// expected day − 14 days (the application is due 14 days after the start).
    pub fn start_from(&self, book: &Rulebook) -> Date {
        add_days(
            self.letter_expected,
            -book.deadlines.apply_within_days_after_start,
        )
    }
}

/// Plans the first registration on the portal against `deadlines` (see [`RegistrationPlan`]).
/// `registered` is the day the company registers, when known; without it the plan counts from
/// the application date.
#[cfg_attr(not(kmo_size), inline(always))]
pub fn plan_registration(
    application_date: Date,
    registered: Option<Date>,
    deadlines: &DeadlineSet,
    policy: OwnShareDeadline,
    approval_date: Option<Date>,
) -> RegistrationPlan {
    let letter = add_days(registered.unwrap_or(application_date), LETTER_AFTER_DAYS);
    let link = add_months(letter, LINK_VALID_MONTHS);
    let apply_by = deadlines.apply_by;
    let apply_from = application_date.max(letter);
    let link_expires_first = apply_by.is_some_and(|by| link < by) && application_date <= link;
    RegistrationPlan {
        registered,
        register_by: apply_by.map(|by| add_days(by, -LETTER_AFTER_DAYS)),
        letter_expected: letter,
        link_valid_until: link,
        apply_from,
        apply_until: if link_expires_first {
            Some(link)
        } else {
            apply_by
        },
        pay_own_share_by: own_share_due(apply_from, policy, approval_date),
        letter_after_deadline: apply_by.is_some_and(|by| letter > by),
        link_expires_first,
    }
}

/// Whether the application asks for a first-time plan: `options.first_time`, or a
/// registration date given.
pub fn plans_registration(app: &Application) -> bool {
    app.options.first_time || app.options.portal_registration_date.is_some()
}

/// The deadlines in the trace, after the amounts, and what the answer presents as things to
/// do. Not eligible: no own-share deadline (there is nothing to pay into the wallet) and no
/// registration plan. Eligible: a first-time company's registration planned
/// ([`plan_registration`]), with its notices; and a notice when the own-share deadline counts
/// from an approval date that was not given.
pub(crate) fn explain_deadlines(
    book: &Rulebook,
    app: &Application,
    set: &mut DeadlineSet,
    eligible: bool,
    out: &mut impl Sink,
) -> Option<RegistrationPlan> {
    let policy = app.options.own_share_deadline;
    if !eligible {
        set.pay_own_share_by = None;
    }
    let plan = (eligible && plans_registration(app)).then(|| {
        plan_registration(
            app.application_date,
            app.options.portal_registration_date,
            set,
            policy,
            app.options.approval_date,
        )
    });
    let reference = book.deadlines.reference;
    if let (Some(by), Some(start)) = (set.apply_by, app.service.start_date) {
        out.step(|| {
            TraceStep::of(
                TraceStepName::ApplyBy,
                APPLY_BY_REFERENCE,
                Arg::from(by),
                smallvec![Arg::from(by), Arg::from(start)],
            )
        });
    }
    if let (Some(register_by), Some(apply_by)) = (plan.and_then(|p| p.register_by), set.apply_by) {
        out.step(|| {
            TraceStep::of(
                TraceStepName::RegisterBy,
                REGISTRATION_REFERENCE,
                Arg::from(register_by),
                smallvec![Arg::from(register_by), Arg::from(apply_by)],
            )
        });
    }
    if let Some(by) = set.pay_own_share_by {
        out.step(|| {
            TraceStep::of(
                TraceStepName::PayOwnShareBy,
                OWN_SHARE_DEADLINE_REFERENCE,
                Arg::from(by),
                smallvec![Arg::from(by), Arg::Word(policy.word())],
            )
        });
    }
    out.step(|| {
        TraceStep::of(
            TraceStepName::CompleteBy,
            reference,
            Arg::from(set.complete_by),
            smallvec![Arg::from(set.complete_by)],
        )
    });
    if eligible && policy.counts_from_approval() && app.options.approval_date.is_none() {
        out.info(
            C::ApprovalDateNotGiven,
            OWN_SHARE_DEADLINE_REFERENCE,
            || smallvec![],
        );
    }
    if let Some(p) = &plan {
        registration_notices(book, p, set, out);
    }
    plan
}

/// The notices of a first-time plan: what to do and have at hand; the letter expected after
/// the application deadline (a warning); the link expiring before it.
fn registration_notices(
    book: &Rulebook,
    p: &RegistrationPlan,
    set: &DeadlineSet,
    out: &mut impl Sink,
) {
    out.info(C::FirstTimeRegistration, REGISTRATION_REFERENCE, || {
        smallvec![
            p.register_by.map_or(Arg::Word("no_start_date"), Arg::from),
            Arg::from(p.letter_expected),
            Arg::from(p.link_valid_until),
        ]
    });
    if let (true, Some(apply_by), Some(register_by)) =
        (p.letter_after_deadline, set.apply_by, p.register_by)
    {
        out.warning(
            C::ActivationLetterAfterDeadline,
            REGISTRATION_REFERENCE,
            || {
                smallvec![
                    Arg::from(p.letter_expected),
                    Arg::from(apply_by),
                    Arg::from(register_by),
                    Arg::from(p.start_from(book)),
                ]
            },
        );
    }
    if let (true, Some(apply_by)) = (p.link_expires_first, set.apply_by) {
        out.info(C::ActivationLinkExpiresFirst, LINK_PLAN_REFERENCE, || {
            smallvec![Arg::from(p.link_valid_until), Arg::from(apply_by)]
        });
    }
}

/// One step of the procedure, for a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProcedureStep {
    /// The step's stable name.
    pub step: ProcedureStepName,
    /// When it happens (or may happen from).
    pub date: Option<Date>,
    /// The last day for it, if there is one.
    pub until: Option<Date>,
    /// Whether its dates are estimates (counted from the activation letter's expected day).
    pub approximate: bool,
    /// Where it is written (or the confidence, for facts not in a legal text).
    pub reference: &'static str,
}

/// The procedure as dated steps: with a first-time plan, registering on the portal and the
/// activation letter (its link valid one month), and the application and the own share not
/// dated before the letter can arrive; then the start, the application, paying the own share,
/// finishing, invoice and release, VAT to the provider, keeping records 10 years after the
/// start.
///
/// ```
/// use kmo_core::{deadlines, procedure, rulebook_for, parse_date, OwnShareDeadline};
/// use kmo_core::rules::plan_registration;
/// let day = parse_date("2026-03-10")?;
/// let start = Some(parse_date("2026-03-02")?);
/// let d = deadlines(rulebook_for(day).unwrap(), day, start, OwnShareDeadline::default(), None);
/// let plan = plan_registration(day, Some(parse_date("2026-02-01")?), &d, OwnShareDeadline::default(), None);
/// let steps = procedure(day, start, &d, Some(&plan));
/// assert_eq!(steps[1].step.as_str(), "activation_letter");
/// assert_eq!(steps[1].date.unwrap().to_string(), "2026-02-11");
/// assert_eq!(steps[1].until.unwrap().to_string(), "2026-03-11");
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn procedure(
    application_date: Date,
    start_date: Option<Date>,
    deadlines: &DeadlineSet,
    registration: Option<&RegistrationPlan>,
) -> Vec<ProcedureStep> {
    let mut steps = Vec::with_capacity(9);
    // Applying and paying in: from the application date, or from the letter for a first-time
    // company whose letter comes later (then the dates are estimates).
    let mut apply = step(
        ProcedureStepName::Apply,
        Some(application_date),
        deadlines.apply_by,
        PROCEDURE_REFERENCE,
    );
    let mut pay = step(
        ProcedureStepName::PayOwnShare,
        Some(application_date),
        deadlines.pay_own_share_by,
        OWN_SHARE_REFERENCE,
    );
    if let Some(p) = registration {
        steps.extend(first_time(p, application_date, &mut apply, &mut pay));
    }
    steps.push(step(
        ProcedureStepName::ServiceStart,
        start_date,
        None,
        PROCEDURE_REFERENCE,
    ));
    steps.push(apply);
    steps.push(pay);
    steps.push(step(
        ProcedureStepName::CompleteService,
        start_date,
        Some(deadlines.complete_by),
        PROCEDURE_REFERENCE,
    ));
    steps.push(step(
        ProcedureStepName::InvoiceAndRelease,
        None,
        None,
        PROCEDURE_REFERENCE,
    ));
    steps.push(step(
        ProcedureStepName::VatToProvider,
        None,
        None,
        VAT_REFERENCE,
    ));
    steps.push(step(
        ProcedureStepName::KeepRecords,
        start_date,
        start_date.map(|s| add_years(s, KEEP_RECORDS_YEARS)),
        PROCEDURE_REFERENCE,
    ));
    steps
}

/// A step of the procedure, its dates exact.
fn step(
    step: ProcedureStepName,
    date: Option<Date>,
    until: Option<Date>,
    reference: &'static str,
) -> ProcedureStep {
    ProcedureStep {
        step,
        date,
        until,
        approximate: false,
        reference,
    }
}

/// The first time on the portal: registering and the activation letter, before applying; and
/// applying and paying in from the letter when it comes after the application date.
fn first_time(
    p: &RegistrationPlan,
    application_date: Date,
    apply: &mut ProcedureStep,
    pay: &mut ProcedureStep,
) -> [ProcedureStep; 2] {
    apply.until = p.apply_until;
    if p.apply_from > application_date {
        apply.date = Some(p.apply_from);
        apply.approximate = true;
        pay.date = Some(p.apply_from);
        pay.until = p.pay_own_share_by;
        pay.approximate = true;
    }
    [
        step(
            ProcedureStepName::PortalRegistration,
            Some(p.registered.unwrap_or(application_date)),
            p.register_by,
            REGISTRATION_REFERENCE,
        ),
        ProcedureStep {
            approximate: true,
            ..step(
                ProcedureStepName::ActivationLetter,
                Some(p.letter_expected),
                Some(p.link_valid_until),
                REGISTRATION_REFERENCE,
            )
        },
    ]
}

/// How many years after the start of the service its records are kept (the timeline's
/// `keep_records` step).
pub const KEEP_RECORDS_YEARS: i32 = 10;

/// How many calendar years past the latest date it is given the farthest date the rules write
/// can lie: the longest of the deadlines the rules count forward — keeping the records
/// [`KEEP_RECORDS_YEARS`] after the start, finishing by 31 December of the
/// `complete_within_years`-th year after the application (in every edition of [`RULEBOOKS`]) —
/// and the day counts (14 days to apply, 30 to pay the own share, the activation letter's
/// [`LETTER_AFTER_DAYS`] and its link's [`LINK_VALID_MONTHS`]), which reach into the next
/// year at most. Every other date the rules write lies between the dates they are given and
/// those deadlines. [`MAX_ANSWER_YEAR`](crate::units::MAX_ANSWER_YEAR) is the latest year the
/// engine reads plus it (checked when the library is compiled).
pub const LONGEST_REACH_YEARS: i32 = {
    let mut longest = if KEEP_RECORDS_YEARS > 1 {
        KEEP_RECORDS_YEARS
    } else {
        1
    };
    let mut i = 0;
    while i < RULEBOOKS.len() {
        if RULEBOOKS[i].deadlines.complete_within_years > longest {
            longest = RULEBOOKS[i].deadlines.complete_within_years;
        }
        i += 1;
    }
    longest
};

// The years of the dates the engine writes are those the rules reach: a rule that reaches
// further does not compile until the answers' years (`units::MAX_ANSWER_YEAR`) follow.
const _: () = assert!(
    crate::units::MAX_YEAR + LONGEST_REACH_YEARS == crate::units::MAX_ANSWER_YEAR,
    "MAX_ANSWER_YEAR must be MAX_YEAR plus the rules' longest reach"
);

/// Where paying the VAT directly to the provider is written (with the eligible cost, which
/// excludes it).
pub const VAT_REFERENCE: &str = "BVR-2016 art. 16";

/// Where paying the own share into the wallet is written: the own share is defined in
/// MB-2016 art. 1; its deadline is the library's choice between the sources.
pub const OWN_SHARE_REFERENCE: &str = "MB-2016 art. 1; [choice]";

/// The timeline of an answer: none when it is not eligible (nothing is to be done through the
/// wallet: no registration, no own share to pay in, no release), else [`procedure`].
pub(crate) fn timeline(
    app: &Application,
    eligible: bool,
    deadlines: &DeadlineSet,
    registration: Option<&RegistrationPlan>,
) -> Vec<ProcedureStep> {
    if eligible {
        procedure(
            app.application_date,
            app.service.start_date,
            deadlines,
            registration,
        )
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmo::rulebook::rulebook_for;
    use crate::units::{parse_date, ymd};

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    /// Every date the rules write for one question: its deadlines, its registration plan and
    /// its timeline, under every edition and every own-share policy.
    fn every_written_date(
        application: Date,
        start: Date,
        approval: Date,
        registered: Date,
    ) -> Vec<Date> {
        let mut out = Vec::new();
        for book in RULEBOOKS {
            for policy in OwnShareDeadline::ALL {
                let set = deadlines(book, application, Some(start), *policy, Some(approval));
                let plan =
                    plan_registration(application, Some(registered), &set, *policy, Some(approval));
                out.extend(set.apply_by);
                out.extend(set.pay_own_share_by);
                out.push(set.complete_by);
                out.extend([plan.letter_expected, plan.link_valid_until, plan.apply_from]);
                out.extend(
                    [plan.register_by, plan.apply_until, plan.pay_own_share_by]
                        .into_iter()
                        .flatten(),
                );
                // Written only in the warning that the letter comes after the deadline (then
                // after the start).
                if plan.letter_after_deadline {
                    out.push(plan.start_from(book));
                }
                for step in procedure(application, Some(start), &set, Some(&plan)) {
                    out.extend(step.date);
                    out.extend(step.until);
                }
            }
        }
        out
    }

    /// The years of the dates the engine writes are those of [`crate::units::MAX_ANSWER_YEAR`]:
    /// no rule reaches past it from a date the engine reads, and the longest reaches it (the
    /// bound is not wider than the rules need).
    #[test]
    fn no_written_date_lies_past_the_answer_years() {
        let last = ymd(crate::units::MAX_YEAR, time::Month::December, 31);
        let latest = every_written_date(last, last, last, last);
        let end = ymd(crate::units::MAX_ANSWER_YEAR, time::Month::December, 31);
        assert_eq!(latest.iter().max(), Some(&end));
        let first = ymd(crate::units::MIN_YEAR, time::Month::January, 1);
        for date in every_written_date(first, first, first, first) {
            assert!(date.year() >= crate::units::MIN_YEAR, "{date}");
        }
    }

    proptest::proptest! {
        /// From any dates of the years the engine reads, every date written is read back.
        #[test]
        fn every_written_date_is_read_back(
            days in proptest::array::uniform4(0_i64..109_574),
        ) {
            let first = ymd(crate::units::MIN_YEAR, time::Month::January, 1);
            let [a, s, p, r] = days.map(|n| crate::units::days_after(first, n).unwrap_or(first));
            for date in every_written_date(a, s, p.max(a), r) {
                let text = crate::units::IsoDate(date).to_string();
                proptest::prop_assert_eq!(crate::units::parse_answer_date(&text), Ok(date));
            }
        }
    }

    fn set(application: &str, start: &str) -> DeadlineSet {
        let day = d(application);
        deadlines(
            rulebook_for(day).unwrap(),
            day,
            Some(d(start)),
            OwnShareDeadline::default(),
            None,
        )
    }

    #[test]
    fn the_timeline_has_every_step() {
        let day = d("2026-03-10");
        let start = Some(d("2026-03-02"));
        let deadlines = set("2026-03-10", "2026-03-02");
        let names: Vec<&str> = procedure(day, start, &deadlines, None)
            .iter()
            .map(|s| s.step.as_str())
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
        let plan = plan_registration(
            day,
            Some(d("2026-01-10")),
            &deadlines,
            OwnShareDeadline::default(),
            None,
        );
        let steps = procedure(day, start, &deadlines, Some(&plan));
        assert_eq!(steps.len(), 9);
        assert_eq!(steps[8].until.unwrap().to_string(), "2036-03-02");
    }

    /// The register-by day is the last day whose letter is expected by the deadline: one day
    /// later, the letter is late.
    #[test]
    fn register_by_edges() {
        let deadlines = set("2026-12-07", "2026-12-03"); // apply by 2026-12-17
        let plan = |registered: &str| {
            plan_registration(
                d("2026-12-01"),
                Some(d(registered)),
                &deadlines,
                OwnShareDeadline::default(),
                None,
            )
        };
        assert_eq!(plan("2026-12-07").register_by, Some(d("2026-12-07")));
        assert!(!plan("2026-12-07").letter_after_deadline);
        assert!(plan("2026-12-08").letter_after_deadline);
        assert!(!plan("2026-12-06").letter_after_deadline);
    }

    /// The application and the own share are not dated before the letter; the own share is
    /// counted from the day the company can apply.
    #[test]
    fn apply_and_pay_wait_for_the_letter() {
        let day = d("2026-12-07");
        let deadlines = set("2026-12-07", "2026-12-10"); // apply by 2026-12-24
        let plan = plan_registration(day, None, &deadlines, OwnShareDeadline::default(), None);
        let steps = procedure(day, Some(d("2026-12-10")), &deadlines, Some(&plan));
        let find = |name| steps.iter().find(|s| s.step.as_str() == name).unwrap();
        assert_eq!(find("apply").date, Some(d("2026-12-17")));
        assert_eq!(find("apply").until, Some(d("2026-12-24")));
        assert!(find("apply").approximate);
        assert_eq!(find("pay_own_share").date, Some(d("2026-12-17")));
        assert_eq!(find("pay_own_share").until, Some(d("2026-12-31")));
        assert_eq!(find("portal_registration").date, Some(day));
        assert_eq!(find("portal_registration").until, Some(d("2026-12-14")));
        // Registered long before: applying on the application date, as usual.
        let early = plan_registration(
            day,
            Some(d("2026-11-01")),
            &deadlines,
            OwnShareDeadline::default(),
            None,
        );
        let steps = procedure(day, Some(d("2026-12-10")), &deadlines, Some(&early));
        let apply = steps.iter().find(|s| s.step.as_str() == "apply").unwrap();
        assert_eq!((apply.date, apply.approximate), (Some(day), false));
    }

    /// The typed result says what the document says: a first-time plan when eligible; no
    /// own-share deadline, no plan and no steps when not.
    #[test]
    fn the_assessment_plans_only_an_eligible_application() {
        use crate::application::{Enterprise, Options, Service, SizeInput};
        use crate::coded::SizeClass;
        use crate::coded::{ServiceKind, Theme};
        use crate::units::Money;
        let app = |class| Application {
            options: Options {
                first_time: true,
                ..Options::default()
            },
            ..Application::new(
                d("2026-12-07"),
                Enterprise::new(SizeInput::Declared(class)),
                Service {
                    theme: Some(Theme::Innovatie),
                    start_date: Some(d("2026-12-01")),
                    ..Service::new(ServiceKind::Training, Money::from_euro(2000))
                },
            )
        };
        let yes = crate::assess(&app(SizeClass::Small)).unwrap();
        let plan = yes.registration.unwrap();
        assert_eq!(plan.register_by, Some(d("2026-12-05")));
        assert_eq!(plan.letter_expected, d("2026-12-17"));
        assert!(plan.letter_after_deadline);
        assert!(yes
            .findings
            .iter()
            .any(|f| f.code == C::ActivationLetterAfterDeadline
                && f.severity == crate::Severity::Warning));
        let no = crate::assess(&app(SizeClass::Large)).unwrap();
        assert!(!no.eligible);
        assert_eq!(no.registration, None);
        assert_eq!(no.deadlines.pay_own_share_by, None);
        assert!(no.procedure.is_empty());
        assert_eq!(no.own_share, Money::from_euro(2000));
        assert!(!no
            .findings
            .iter()
            .any(|f| f.code == C::FirstTimeRegistration));
    }

    /// A link that expires before the deadline bounds the plan while it is still to be used.
    #[test]
    fn the_link_bounds_the_plan_while_it_is_to_be_used() {
        let deadlines = set("2026-10-01", "2026-11-20"); // apply by 2026-12-04
        let plan = |application: &str| {
            plan_registration(
                d(application),
                Some(d("2026-10-01")),
                &deadlines,
                OwnShareDeadline::default(),
                None,
            )
        };
        let p = plan("2026-10-01");
        assert_eq!(p.link_valid_until, d("2026-11-11"));
        assert!(p.link_expires_first);
        assert_eq!(p.apply_until, Some(d("2026-11-11")));
        // Asked after the link expired: the company has used it or needs a new letter; the
        // deadline is the plan's last day.
        let later = plan("2026-11-12");
        assert!(!later.link_expires_first);
        assert_eq!(later.apply_until, Some(d("2026-12-04")));
    }
}
