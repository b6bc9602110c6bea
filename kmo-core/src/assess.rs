//! The answer: [`assess`] runs every rule on one [`Application`] and returns an
//! [`Assessment`] with the numbers, the deadlines, the findings and the trace.
//!
//! The rules run as a pipeline of named steps, each a function of the module where the rule
//! lives, in the order a reader of the law would check them:
//!
//! 1. which rulebook is in force on the application date ([`kmo::rulebook`](crate::kmo::rulebook));
//! 2. the size: the SME definition, the class fixed for the year, the wallet's class
//!    ([`kmo::size`](crate::kmo::size));
//! 3. who may use the wallet, and for which service ([`kmo::eligibility`](crate::kmo::eligibility));
//! 4. the deadlines, and whether the application came on time ([`kmo::deadlines`](crate::kmo::deadlines));
//! 5. the eligible cost and its minimum ([`kmo::cost`](crate::kmo::cost));
//! 6. the rate, the ceiling and the aid ([`kmo::aid`](crate::kmo::aid));
//! 7. de minimis ([`kmo::de_minimis`](crate::kmo::de_minimis));
//! 8. the conclusion: the aid when eligible, the own share, the VAT.
//!
//! The quick quote ([`crate::quick`]) runs the same pipeline and keeps only the numbers and
//! the blocking reasons.

use smallvec::smallvec;

use crate::application::FiscalYearEnd;
#[cfg(feature = "full-sme")]
use crate::application::SizeInput;
use crate::application::{Application, Service};
use crate::coded::Lang;
use crate::coded::OwnShareDeadline;
use crate::coded::{FindingCode, Severity, TraceStepName};
use crate::coded::{SizeClass, WalletClass};
use crate::error::InputError;
#[cfg(all(feature = "json", not(kmo_size)))]
use crate::findings::release;
use crate::findings::{Args, Explanation, Finding, Owners, Sink, TraceStep};
use crate::kmo::aid::{aid_step, AidOutcome};
use crate::kmo::cost::{cost_step, minimum_step, CostBreakdown};
use crate::kmo::de_minimis::{de_minimis_step, DeMinimisCheck};
use crate::kmo::deadlines::{
    deadlines_step, explain_deadlines, timeline, DeadlineSet, ProcedureStep, RegistrationPlan,
};
use crate::kmo::eligibility::{self as rule, maatwerkbedrijf_applies, Scope};
use crate::kmo::rulebook::{rulebook_step, Rulebook, RULEBOOKS};
use crate::kmo::size::{classify_size, wallet_class_step, year_class};
use crate::message::Arg;
#[cfg(feature = "full-sme")]
use crate::sme::summary::SmeSummary;
use crate::units::{Money, Percent};
#[cfg(feature = "full-sme")]
use std::sync::Arc;

/// The engine's name and version, as it appears in every result (`kmo 0.1.0`).
pub const ENGINE: &str = concat!("kmo ", env!("CARGO_PKG_VERSION"));

/// The result of assessing one application.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Assessment {
    /// No blocking finding.
    pub eligible: bool,
    /// The class under the SME definition, as declared or computed (micro is not rewritten).
    /// The class fixed for the year at its first application (`enterprise.year_size_class`)
    /// is not shown here: it sets [`Assessment::wallet_class`], and a finding
    /// (`SIZE_CLASS_FIXED_FOR_YEAR`) says so where the two differ.
    pub size_class: SizeClass,
    /// Whether the enterprise is an SME: not large, and less than 25 % held by public bodies.
    pub is_sme: bool,
    /// Whether the enterprise is a small mid-cap (Recommendation (EU) 2025/1099): large, fewer
    /// than 750 staff, turnover up to EUR 150 m or balance sheet up to EUR 129 m. Information
    /// only: it changes no eligibility.
    pub small_mid_cap: bool,
    /// The share held by public bodies (given, or found in the ownership graph).
    pub public_share: Percent,
    /// The class the wallet applies (micro → small; a large maatwerkbedrijf → medium).
    pub wallet_class: Option<WalletClass>,
    /// The aid percentage, uplift included; it is given even when the application is not
    /// eligible for another reason (0 only when no rulebook or wallet class applies).
    pub rate: Percent,
    /// The eligible cost, excluding VAT.
    pub eligible_cost: Money,
    /// The amount invoiced with the service, excluding VAT.
    pub invoiced: Money,
    /// Rate × eligible cost, rounded, before the ceiling.
    pub aid_before_ceiling: Money,
    /// The aid granted (0 when not eligible).
    pub aid: Money,
    /// Eligible cost − aid: what the enterprise pays into the wallet (*eigen aandeel*). When
    /// not eligible there is no aid and nothing is paid into the wallet: it is the whole
    /// eligible cost, which the enterprise bears itself.
    pub own_share: Money,
    /// VAT on the invoice, paid directly to the provider.
    pub vat: Money,
    /// The ceiling of the application's calendar year for this class.
    pub ceiling: Money,
    /// What is left of it after this application (before it, when not eligible).
    pub ceiling_left: Money,
    /// Whether the ceiling cut the aid.
    pub capped: bool,
    /// The deadlines. When not eligible, no own-share deadline (`pay_own_share_by` is
    /// `None`): there is nothing to pay into the wallet.
    pub deadlines: DeadlineSet,
    /// The first registration on the portal, planned (`options.first_time` or
    /// `options.portal_registration_date`, and eligible), else `None`.
    pub registration: Option<RegistrationPlan>,
    /// The procedure as dated steps: empty when not eligible (nothing is to be done through
    /// the wallet) and with [`Detail::Numbers`].
    pub procedure: Vec<ProcedureStep>,
    /// Every finding, in the order the rules ran.
    pub findings: Vec<Finding>,
    /// The computation step by step (empty with [`Detail::Numbers`]).
    pub trace: Vec<TraceStep>,
    /// The rulebook edition applied (`None` before 1 April 2016).
    pub rulebook: Option<&'static Rulebook>,
    /// The own-share deadline policy used.
    pub own_share_deadline: OwnShareDeadline,
    /// The de minimis test, when it ran.
    pub de_minimis: Option<DeMinimisCheck>,
    /// How each invoice line was treated.
    pub cost: CostBreakdown,
    /// The language of its document ([`Application::lang`]): the response document and the
    /// serde form write every message in it.
    pub lang: Lang,
    /// What the document shows of the question besides the numbers.
    pub(crate) shown: Shown,
}

/// What the response document shows of the question besides the numbers (the fiscal year, the
/// full SME definition's periods, the request's unknown fields), kept so that an assessment is
/// its document on its own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(not(feature = "json"), allow(dead_code))]
pub(crate) struct Shown {
    /// Paths of the request's fields that were not known (a warning each).
    pub(crate) ignored: Vec<String>,
    /// The enterprise's fiscal year end, when not the calendar year.
    pub(crate) fiscal_year_end: Option<FiscalYearEnd>,
    /// The full SME definition's periods.
    #[cfg(feature = "full-sme")]
    pub(crate) sme: Option<Arc<SmeSummary>>,
    /// Which findings and steps may own memory on the heap (every one unless the assessment
    /// was just made): what [`Assessment::release`] drops before it forgets the rest.
    pub(crate) owners: Owners,
}

impl Shown {
    fn of(app: &Application, owners: Owners) -> Shown {
        Shown {
            ignored: Vec::new(),
            fiscal_year_end: app.enterprise.fiscal_year_end,
            #[cfg(feature = "full-sme")]
            sme: match &app.enterprise.size {
                SizeInput::Full(def) => Some(Arc::clone(def.summary())),
                _ => None,
            },
            owners,
        }
    }
}

impl Assessment {
    /// Empties the findings and the trace with a call to drop only the values of the entries
    /// that own memory on the heap, as marked when they were pushed (see
    /// `findings::release`): what the JSON entry does once the response is written, before
    /// the assessment is dropped.
    #[cfg(all(feature = "json", not(kmo_size)))]
    pub(crate) fn release(&mut self) {
        release(&mut self.findings, &mut self.trace, self.shown.owners);
    }

    /// The blocking findings: why the application is not eligible.
    ///
    /// ```
    /// use kmo_core::*;
    /// let app = Application::new(
    ///     parse_date("2026-03-10")?,
    ///     Enterprise::new(SizeInput::Declared(SizeClass::Large)),
    ///     Service { theme: Some(Theme::Innovatie), ..Service::new(ServiceKind::Training, Money::from_euro(99)) },
    /// );
    /// let codes: Vec<_> = assess(&app)?.blocking().map(|f| f.code).collect();
    /// assert_eq!(codes, [FindingCode::EnterpriseTooLarge, FindingCode::CostBelowMinimum]);
    /// # Ok::<(), InputError>(())
    /// ```
    pub fn blocking(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
    }
}

/// How much of the explanation to build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// Everything: findings, the trace and the procedure timeline (what [`assess`] does).
    #[default]
    Full,
    /// The numbers, the deadlines and the findings; no trace and no timeline (for batch runs
    /// that only need the amounts: the same decisions, less work).
    Numbers,
}

/// Assesses one application: eligibility, aid, own share, VAT, ceiling, deadlines.
///
/// Ineligibility is a result with reasons, not an error: every blocking reason is in
/// [`Assessment::findings`], and the aid is zero.
///
/// # Errors
///
/// The first problem [`Application::validate`] finds: invalid input, with the code and path
/// the JSON document gets.
///
/// ```
/// use kmo_core::*;
/// let app = Application {
///     aid_used: Money::parse("7200.00")?,
///     ..Application::new(
///         parse_date("2026-03-10")?,
///         Enterprise::new(SizeInput::Declared(SizeClass::Small)),
///         Service { theme: Some(Theme::Personeelsmanagement), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) },
///     )
/// };
/// let a = assess(&app)?;
/// assert_eq!((a.aid.to_string(), a.own_share.to_string()), ("300.00".into(), "1700.00".into()));
/// assert!(a.capped);
/// # Ok::<(), InputError>(())
/// ```
pub fn assess(app: &Application) -> Result<Assessment, InputError> {
    assess_with(app, Detail::Full)
}

/// [`assess`] with a choice of [`Detail`]: `Detail::Numbers` gives the same numbers, deadlines
/// and findings without the trace and the procedure timeline.
///
/// # Errors
///
/// As [`assess`].
///
/// ```
/// use kmo_core::*;
/// let request = kmo_core::json::parse_request(r#"{"application_date":"2026-03-10",
///   "enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","start_date":"2026-03-02","cost":"2000"}}"#)?;
/// let full = assess(&request.application)?;
/// let quick = assess_with(&request.application, Detail::Numbers)?;
/// assert_eq!((quick.aid, quick.own_share, quick.vat), (full.aid, full.own_share, full.vat));
/// assert_eq!(quick.findings, full.findings);
/// assert!(quick.trace.is_empty() && !full.trace.is_empty());
/// # Ok::<(), InputError>(())
/// ```
pub fn assess_with(app: &Application, detail: Detail) -> Result<Assessment, InputError> {
    app.validate()?;
    let mut explanation = Explanation::new(detail == Detail::Full);
    let d = decide(app, &mut explanation);
    let procedure = match detail {
        Detail::Full => timeline(app, d.eligible, &d.deadlines, d.registration.as_ref()),
        Detail::Numbers => Vec::new(),
    };
    Ok(Assessment {
        eligible: d.eligible,
        size_class: d.class,
        is_sme: d.is_sme,
        small_mid_cap: d.small_mid_cap,
        public_share: d.public_share,
        wallet_class: d.wallet_class,
        rate: d.aid.rate,
        eligible_cost: d.cost.eligible,
        invoiced: d.cost.invoiced,
        aid_before_ceiling: d.aid.capped.before_ceiling,
        aid: d.granted,
        own_share: d.own_share,
        vat: d.vat,
        ceiling: d.aid.ceiling,
        ceiling_left: d.ceiling_left,
        capped: d.capped,
        deadlines: d.deadlines,
        registration: d.registration,
        procedure,
        findings: explanation.findings,
        trace: explanation.trace,
        rulebook: d.book,
        own_share_deadline: app.options.own_share_deadline,
        de_minimis: d.de_minimis,
        cost: d.cost,
        lang: app.lang,
        shown: Shown::of(app, explanation.owners),
    })
}

/// An assessment's numbers and deadlines with its findings counted, not built: what
/// [`assess_counted`] answers, and what [`Assessment::counted`] keeps of a full one. Each field
/// is the [`Assessment`] field of the same name; `findings`, `blocking` and `first_blocking`
/// count [`Assessment::findings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Counted {
    /// No blocking finding.
    pub eligible: bool,
    /// [`Assessment::size_class`].
    pub size_class: SizeClass,
    /// [`Assessment::is_sme`].
    pub is_sme: bool,
    /// [`Assessment::small_mid_cap`].
    pub small_mid_cap: bool,
    /// [`Assessment::public_share`].
    pub public_share: Percent,
    /// [`Assessment::wallet_class`].
    pub wallet_class: Option<WalletClass>,
    /// [`Assessment::rate`].
    pub rate: Percent,
    /// [`Assessment::eligible_cost`].
    pub eligible_cost: Money,
    /// [`Assessment::invoiced`].
    pub invoiced: Money,
    /// [`Assessment::aid_before_ceiling`].
    pub aid_before_ceiling: Money,
    /// [`Assessment::aid`].
    pub aid: Money,
    /// [`Assessment::own_share`].
    pub own_share: Money,
    /// [`Assessment::vat`].
    pub vat: Money,
    /// [`Assessment::ceiling`].
    pub ceiling: Money,
    /// [`Assessment::ceiling_left`].
    pub ceiling_left: Money,
    /// [`Assessment::capped`].
    pub capped: bool,
    /// [`Assessment::deadlines`].
    pub deadlines: DeadlineSet,
    /// [`Assessment::registration`].
    pub registration: Option<RegistrationPlan>,
    /// [`Assessment::rulebook`].
    pub rulebook: Option<&'static Rulebook>,
    /// [`Assessment::own_share_deadline`].
    pub own_share_deadline: OwnShareDeadline,
    /// How many findings, every severity.
    pub findings: usize,
    /// How many of them are blocking.
    pub blocking: usize,
    /// The code of the first blocking finding, in the order the rules ran.
    pub first_blocking: Option<FindingCode>,
}

impl Assessment {
    /// The numbers and deadlines of the assessment, its findings counted: what
    /// [`assess_counted`] answers for the same application.
    pub fn counted(&self) -> Counted {
        let mut tally = Tally::default();
        for f in &self.findings {
            tally.count(f.code);
        }
        Counted {
            eligible: self.eligible,
            size_class: self.size_class,
            is_sme: self.is_sme,
            small_mid_cap: self.small_mid_cap,
            public_share: self.public_share,
            wallet_class: self.wallet_class,
            rate: self.rate,
            eligible_cost: self.eligible_cost,
            invoiced: self.invoiced,
            aid_before_ceiling: self.aid_before_ceiling,
            aid: self.aid,
            own_share: self.own_share,
            vat: self.vat,
            ceiling: self.ceiling,
            ceiling_left: self.ceiling_left,
            capped: self.capped,
            deadlines: self.deadlines,
            registration: self.registration,
            rulebook: self.rulebook,
            own_share_deadline: self.own_share_deadline,
            findings: tally.findings,
            blocking: tally.blocking,
            first_blocking: tally.first_blocking,
        }
    }
}

/// [`assess_with`] for a caller that needs only the numbers, the deadlines and how many
/// findings there are (the C face's typed quote when its findings are not asked for): the
/// same checks and the same pipeline, its findings counted instead of built (no finding, no
/// message value, no trace, nothing allocated). Equal to
/// `assess_with(app, Detail::Numbers)?.counted()`.
///
/// # Errors
///
/// As [`assess`].
///
/// ```
/// use kmo_core::*;
/// let app = Application {
///     aid_used: Money::parse("7200.00")?,
///     ..Application::new(
///         parse_date("2026-03-10")?,
///         Enterprise::new(SizeInput::Declared(SizeClass::Small)),
///         Service { theme: Some(Theme::Personeelsmanagement), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) },
///     )
/// };
/// let counted = assess_counted(&app)?;
/// assert_eq!(counted, assess_with(&app, Detail::Numbers)?.counted());
/// assert_eq!((counted.aid.to_string(), counted.blocking), ("300.00".into(), 0));
/// # Ok::<(), InputError>(())
/// ```
pub fn assess_counted(app: &Application) -> Result<Counted, InputError> {
    app.validate()?;
    let mut tally = Tally::default();
    let d = decide(app, &mut tally);
    Ok(Counted {
        eligible: d.eligible,
        size_class: d.class,
        is_sme: d.is_sme,
        small_mid_cap: d.small_mid_cap,
        public_share: d.public_share,
        wallet_class: d.wallet_class,
        rate: d.aid.rate,
        eligible_cost: d.cost.eligible,
        invoiced: d.cost.invoiced,
        aid_before_ceiling: d.aid.capped.before_ceiling,
        aid: d.granted,
        own_share: d.own_share,
        vat: d.vat,
        ceiling: d.aid.ceiling,
        ceiling_left: d.ceiling_left,
        capped: d.capped,
        deadlines: d.deadlines,
        registration: d.registration,
        rulebook: d.book,
        own_share_deadline: app.options.own_share_deadline,
        findings: tally.findings,
        blocking: tally.blocking,
        first_blocking: tally.first_blocking,
    })
}

/// The sink of [`assess_counted`]: the findings counted, the first blocking code kept.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    findings: usize,
    blocking: usize,
    first_blocking: Option<FindingCode>,
}

impl Tally {
    fn count(&mut self, code: FindingCode) {
        self.findings += 1;
        if code.severity() == Severity::Blocking {
            self.blocking += 1;
            self.first_blocking = self.first_blocking.or(Some(code));
        }
    }
}

impl Sink for Tally {
    fn finding(
        &mut self,
        code: FindingCode,
        _reference: &'static str,
        _args: impl FnOnce() -> Args,
    ) {
        self.count(code);
    }

    fn step(&mut self, _step: impl FnOnce() -> TraceStep) {}

    fn blocked(&self) -> bool {
        self.blocking != 0
    }
}

/// What the pipeline decided, before it is dressed as an [`Assessment`] or a quick answer.
#[derive(Clone, Debug)]
pub(crate) struct Decision {
    pub(crate) book: Option<&'static Rulebook>,
    pub(crate) class: SizeClass,
    pub(crate) is_sme: bool,
    pub(crate) small_mid_cap: bool,
    pub(crate) public_share: Percent,
    pub(crate) wallet_class: Option<WalletClass>,
    pub(crate) deadlines: DeadlineSet,
    pub(crate) registration: Option<RegistrationPlan>,
    pub(crate) cost: CostBreakdown,
    pub(crate) aid: AidOutcome,
    pub(crate) de_minimis: Option<DeMinimisCheck>,
    pub(crate) eligible: bool,
    pub(crate) granted: Money,
    pub(crate) ceiling_left: Money,
    pub(crate) capped: bool,
    pub(crate) own_share: Money,
    pub(crate) vat: Money,
}

/// The pipeline: every rule on a validated application, each reporting to `out`.
pub(crate) fn decide(app: &Application, out: &mut impl Sink) -> Decision {
    let date = app.application_date;
    let enterprise = &app.enterprise;
    let service = &app.service;

    // 1. Which rules: the edition in force on the application date.
    let book = rulebook_step(date, service.subtheme, out);
    // The procedure is stable since 2016; before that, its deadlines are shown as a guide.
    let deadline_book = book.unwrap_or(&RULEBOOKS[0]);

    // 2. How big: the SME definition, the year's fixed class, the wallet's class.
    let status = classify_size(&enterprise.size, enterprise.public_bodies_pct, out);
    let class = year_class(date, enterprise.year_size_class, status.class, out);
    let maatwerk = maatwerkbedrijf_applies(book, enterprise);
    let wallet_class = wallet_class_step(class, maatwerk, out);

    // 3. Who may use the wallet, and for which service.
    who_may(app, book, class, maatwerk, status.public_share, out);

    // 4. The deadlines, and whether the application came on time.
    let mut deadlines = deadlines_step(deadline_book, app, out);

    // 5. The eligible cost and its minimum.
    let cost = cost_step(service.kind, &service.cost, out);
    if let Some(b) = book {
        minimum_step(b, service.kind, cost.eligible, out);
    }

    // 6. The rate, the ceiling and the aid.
    let aid = aid_step(book, wallet_class, app, cost.eligible, out);

    // 7. De minimis, on the aid that would be granted.
    let de_minimis = (book.is_some() && wallet_class.is_some())
        .then(|| de_minimis_step(app, aid.capped.aid, out));

    // 8. The conclusion.
    let eligible = !out.blocked();
    let (granted, ceiling_left, capped) = if eligible {
        (aid.capped.aid, aid.capped.left_after, aid.capped.capped)
    } else {
        (Money::ZERO, aid.capped.left_before, false)
    };
    let own_share = cost.eligible.saturating_sub(granted);
    let vat = cost.invoiced.percent(service.vat_rate);
    conclude(book, &cost, eligible, granted, own_share, vat, service, out);
    let registration = explain_deadlines(deadline_book, app, &mut deadlines, eligible, out);
    out.step(|| {
        let word = if eligible { "eligible" } else { "not_eligible" };
        TraceStep::of(
            TraceStepName::Eligibility,
            "BVR-2016",
            word,
            smallvec![Arg::Word(word)],
        )
    });
    Decision {
        book,
        class: status.class,
        is_sme: crate::sme::status::is_sme(status.class, status.public_share),
        small_mid_cap: status.small_mid_cap,
        public_share: status.public_share,
        wallet_class,
        deadlines,
        registration,
        cost,
        aid,
        de_minimis,
        eligible,
        granted,
        ceiling_left,
        capped,
        own_share,
        vat,
    }
}

/// Step 3: who may use the wallet, and for which service; one rule per condition.
fn who_may(
    app: &Application,
    book: Option<&'static Rulebook>,
    class: SizeClass,
    maatwerk: bool,
    public_share: Percent,
    out: &mut impl Sink,
) {
    let (enterprise, service) = (&app.enterprise, &app.service);
    rule::size(class, maatwerk, out);
    rule::private_sector(public_share, maatwerk, out);
    rule::establishment(enterprise.flemish_establishment, out);
    rule::legal_form(enterprise, maatwerk, out);
    rule::main_activity(enterprise, out);
    rule::related_parties(enterprise.related_to_provider, out);
    rule::registered(enterprise.active_in_kbo, out);
    rule::provider(service.provider, service.kind, out);
    if let Some(b) = book {
        rule::service_scope(b, scope(app.application_date, service), out);
    }
}

/// What the scope rules look at.
fn scope(date: time::Date, service: &Service) -> Scope {
    Scope {
        date,
        kind: service.kind,
        theme: service.theme,
        subtheme: service.subtheme,
        excluded_topic: service.excluded_topic,
        start_date: service.start_date,
    }
}

/// The trace of the conclusion: the aid granted, the own share (eligible cost − aid, so the
/// parts always add up to the cost; paid into the wallet, or when not eligible borne by the
/// enterprise itself), the VAT paid to the provider.
#[allow(clippy::too_many_arguments)] // the values the conclusion's three steps show
fn conclude(
    book: Option<&Rulebook>,
    cost: &CostBreakdown,
    eligible: bool,
    aid: Money,
    own_share: Money,
    vat: Money,
    service: &Service,
    out: &mut impl Sink,
) {
    let aid_ref = book.map_or("BVR-2016 art. 18", |b| b.rates.reference);
    out.step(|| TraceStep::of(TraceStepName::Aid, aid_ref, aid, smallvec![aid.into()]));
    out.step(|| {
        TraceStep::of(
            TraceStepName::OwnShare,
            "MB-2016 art. 1",
            own_share,
            smallvec![
                cost.eligible.into(),
                aid.into(),
                own_share.into(),
                Arg::Word(if eligible {
                    "own_share_into_wallet"
                } else {
                    "own_share_not_eligible"
                }),
            ],
        )
    });
    out.step(|| {
        TraceStep::of(
            TraceStepName::Vat,
            crate::kmo::cost::REFERENCE,
            vat,
            smallvec![service.vat_rate.into(), cost.invoiced.into(), vat.into()],
        )
    });
}
