//! Findings: what the engine concluded beyond the numbers, each with a stable code, a severity,
//! the legal reference (a short name of the reference registry, `docs/references.md`) and a message in Dutch, French or English.

use core::fmt;

use crate::coded::coded_enum;
use crate::message::{render, Arg, Lang, Rendered};

coded_enum!(
    /// How much a finding matters.
    ///
    /// ```
    /// assert_eq!(kmo_core::Severity::Blocking.as_str(), "blocking");
    /// ```
    Severity, "severity", {
        /// For information: a choice made, a rule applied.
        Info => "info",
        /// Something the caller should look at; does not block.
        Warning => "warning",
        /// The application is not eligible for this reason.
        Blocking => "blocking",
    }
);

coded_enum!(
    /// The stable code of a finding (`SCREAMING_SNAKE` in the JSON document). The blocking
    /// codes are declared in the order the rules run, so a set of them (the quick quote's
    /// [`Blocking`](crate::quick::Blocking)) lists them as `assess` reports them.
    ///
    /// ```
    /// use kmo_core::FindingCode;
    /// assert_eq!(FindingCode::CostBelowMinimum.as_str(), "COST_BELOW_MINIMUM");
    /// ```
    FindingCode, "finding code", {
        /// No rulebook covers the application date (before 1 April 2016).
        NoRulebookForDate => "NO_RULEBOOK_FOR_DATE",
        /// A large enterprise (and not a recognised maatwerkbedrijf from 2026).
        EnterpriseTooLarge => "ENTERPRISE_TOO_LARGE",
        /// 25 % or more held by public bodies.
        PublicParticipation => "PUBLIC_PARTICIPATION",
        /// No operating site in the Flemish Region.
        NoFlemishEstablishment => "NO_FLEMISH_ESTABLISHMENT",
        /// The legal form is not admitted.
        LegalFormNotEligible => "LEGAL_FORM_NOT_ELIGIBLE",
        /// The main activity is excluded (agriculture, forestry, fisheries).
        MainActivityExcluded => "MAIN_ACTIVITY_EXCLUDED",
        /// The provider and the enterprise are related.
        RelatedToProvider => "RELATED_TO_PROVIDER",
        /// The enterprise is not active in the KBO/BCE.
        NotActiveInKbo => "NOT_ACTIVE_IN_KBO",
        /// The provider is not registered for this service.
        ProviderNotRegisteredForService => "PROVIDER_NOT_REGISTERED_FOR_SERVICE",
        /// From 2023 a service must fall within a theme.
        ThemeRequired => "THEME_REQUIRED",
        /// From 1 February 2026 advice only for cybersecurity.
        AdviceOnlyCybersecurity => "ADVICE_ONLY_CYBERSECURITY",
        /// The service is on the list of excluded topics.
        ExcludedTopic => "EXCLUDED_TOPIC",
        /// Applied more than 14 days after the start.
        ApplicationTooLate => "APPLICATION_TOO_LATE",
        /// The eligible cost is below the minimum.
        CostBelowMinimum => "COST_BELOW_MINIMUM",
        /// Nothing is left of this year's ceiling.
        CeilingExhausted => "CEILING_EXHAUSTED",
        /// The de minimis ceiling would be exceeded.
        DeMinimisExceeded => "DE_MINIMIS_EXCEEDED",
        /// The aid was capped at what is left of the ceiling.
        AidCappedByCeiling => "AID_CAPPED_BY_CEILING",
        /// A subtheme uplift was applied.
        UpliftApplied => "UPLIFT_APPLIED",
        /// A micro enterprise gets the small-enterprise rate and ceiling.
        MicroCountsAsSmall => "MICRO_COUNTS_AS_SMALL",
        /// The maatwerkbedrijf rule of 2026 was applied.
        MaatwerkbedrijfRuleApplied => "MAATWERKBEDRIJF_RULE_APPLIED",
        /// The size class fixed at the year's first application overrides the figures.
        SizeClassFixedForYear => "SIZE_CLASS_FIXED_FOR_YEAR",
        /// A theme was given for a date before themes existed.
        ThemeNotInForce => "THEME_NOT_IN_FORCE",
        /// A subtheme was given for a date or service on which it has no uplift.
        SubthemeNotInForce => "SUBTHEME_NOT_IN_FORCE",
        /// The main activity is accepted but not verified against the annex.
        MainActivityNotVerified => "MAIN_ACTIVITY_NOT_VERIFIED",
        /// An invoice line is not (fully) eligible.
        CostItemNotEligible => "COST_ITEM_NOT_ELIGIBLE",
        /// Catering was capped at EUR 25 per person per day.
        CateringCapped => "CATERING_CAPPED",
        /// The rulebook edition has an open question.
        RulebookUncertain => "RULEBOOK_UNCERTAIN",
        /// No legal form given; not checked.
        LegalFormNotChecked => "LEGAL_FORM_NOT_CHECKED",
        /// No establishment given; not checked.
        EstablishmentNotChecked => "ESTABLISHMENT_NOT_CHECKED",
        /// No NACE code given; not checked.
        MainActivityNotChecked => "MAIN_ACTIVITY_NOT_CHECKED",
        /// Relation to the provider not given; not checked.
        RelatedPartiesNotChecked => "RELATED_PARTIES_NOT_CHECKED",
        /// No provider number given; not checked.
        ProviderNotChecked => "PROVIDER_NOT_CHECKED",
        /// No start date given; the application deadline is not checked.
        StartDateNotGiven => "START_DATE_NOT_GIVEN",
        /// The own-share deadline needs the approval date, which was not given.
        ApprovalDateNotGiven => "APPROVAL_DATE_NOT_GIVEN",
        /// The size rests on a bona fide estimate (a new enterprise without approved accounts).
        SizeFromEstimate => "SIZE_FROM_ESTIMATE",
        /// The two-period rule keeps a status the latest figures alone would change.
        TwoPeriodRuleApplied => "TWO_PERIOD_RULE_APPLIED",
        /// A field of the request is not known and was ignored.
        UnknownFieldIgnored => "UNKNOWN_FIELD_IGNORED",
        /// The enterprise is a small mid-cap (Recommendation (EU) 2025/1099): information only.
        SmallMidCap => "SMALL_MID_CAP",
        /// The application falls on a day where the library chose between readings of the
        /// sources (the first day of an uplift).
        BoundaryDayChoice => "BOUNDARY_DAY_CHOICE",
        /// The de minimis regulation applied has expired on the application date; no later
        /// regulation is encoded.
        DeMinimisRegulationExpired => "DE_MINIMIS_REGULATION_EXPIRED",
        /// A company that has not registered on the portal yet: when to register, what to
        /// have at hand, when the activation letter is expected.
        FirstTimeRegistration => "FIRST_TIME_REGISTRATION",
        /// The activation letter is expected after the last day to apply.
        ActivationLetterAfterDeadline => "ACTIVATION_LETTER_AFTER_DEADLINE",
        /// The activation link expires before the last day to apply: use it by then.
        ActivationLinkExpiresFirst => "ACTIVATION_LINK_EXPIRES_FIRST",
    }
);

/// One finding: a code, its severity, the reference and the values its message shows.
///
/// ```
/// use kmo_core::{Finding, FindingCode, Lang, Money, Severity};
/// let f = Finding::new(FindingCode::CostBelowMinimum, Severity::Blocking, "BVR-2016 art. 16",
///                      vec![Money::from_cents(9999)?.into(), Money::from_euro(100).into()]);
/// assert!(f.message(Lang::En).contains("100.00"));
/// assert!(f.message(Lang::Nl).contains("minimum"));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable code.
    pub code: FindingCode,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule is written (a short name of the reference registry and the article).
    pub reference: &'static str,
    /// The values the message shows, in order (`{0}`, `{1}`, …).
    pub args: Vec<Arg>,
}

impl Finding {
    /// A new finding.
    pub fn new(
        code: FindingCode,
        severity: Severity,
        reference: &'static str,
        args: Vec<Arg>,
    ) -> Finding {
        Finding {
            code,
            severity,
            reference,
            args,
        }
    }

    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        render(self.code.as_str(), lang, &self.args)
    }

    /// The message in a language, to be written (`Display`) without an intermediate `String`.
    pub fn message_in(&self, lang: Lang) -> Rendered<'_> {
        Rendered::new(self.code.as_str(), lang, &self.args)
    }
}

/// One step of the computation: what was decided, the value, where the rule is written.
///
/// ```
/// use kmo_core::{Lang, Percent, TraceStep};
/// let thirty = Percent::from_whole(30)?;
/// let s = TraceStep::new("rate", "BVR-2016 art. 18", thirty, vec![thirty.into(), thirty.into(), 0.into()]);
/// assert!(s.text(Lang::En).contains("30"));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TraceStep {
    /// The step's stable name (`rulebook`, `size_class`, `rate`, `aid`, …).
    pub step: &'static str,
    /// Where the rule is written.
    pub reference: &'static str,
    /// The value the step produced.
    pub value: Arg,
    /// The values the explanation shows.
    pub args: Vec<Arg>,
}

/// The version of the trace format (the JSON `trace_version`).
pub const TRACE_VERSION: u32 = 1;

impl TraceStep {
    /// A new step.
    pub fn new(
        step: &'static str,
        reference: &'static str,
        value: impl Into<Arg>,
        args: Vec<Arg>,
    ) -> TraceStep {
        TraceStep {
            step,
            reference,
            value: value.into(),
            args,
        }
    }

    /// The explanation in a language.
    pub fn text(&self, lang: Lang) -> String {
        render(self.step, lang, &self.args)
    }

    /// The explanation in a language, to be written (`Display`) without an intermediate
    /// `String`.
    pub fn text_in(&self, lang: Lang) -> Rendered<'_> {
        Rendered::new(self.step, lang, &self.args)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): {}",
            self.code,
            self.reference,
            self.message(Lang::En)
        )
    }
}

/// Where the rules of one assessment report what they decide: the full explanation of
/// [`assess`](crate::assess()) ([`Explanation`]), or only the blocking reasons of the quick
/// quote ([`crate::quick::Blocking`]). Every rule step writes to a `Sink`, so the quick quote
/// and `assess` run the same decisions; the values of a message are built only by a sink that
/// keeps them.
pub(crate) trait Sink {
    /// Records a finding; `args` is called only when the sink keeps messages.
    fn finding(
        &mut self,
        code: FindingCode,
        severity: Severity,
        reference: &'static str,
        args: impl FnOnce() -> Vec<Arg>,
    );

    /// Records a step of the computation; `step` is called only when the sink keeps a trace.
    fn step(&mut self, step: impl FnOnce() -> TraceStep);

    /// Whether a blocking finding was recorded.
    fn blocked(&self) -> bool;

    /// A blocking finding.
    fn blocking(
        &mut self,
        code: FindingCode,
        reference: &'static str,
        args: impl FnOnce() -> Vec<Arg>,
    ) {
        self.finding(code, Severity::Blocking, reference, args);
    }

    /// An information finding.
    fn info(
        &mut self,
        code: FindingCode,
        reference: &'static str,
        args: impl FnOnce() -> Vec<Arg>,
    ) {
        self.finding(code, Severity::Info, reference, args);
    }
}

/// The findings and the trace of one assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Explanation {
    /// Every finding, in the order the rules ran.
    pub(crate) findings: Vec<Finding>,
    /// The steps, when a trace is kept.
    pub(crate) trace: Vec<TraceStep>,
    /// Whether a trace is kept.
    traced: bool,
    /// Whether a blocking finding was recorded.
    blocked: bool,
}

impl Explanation {
    /// An empty explanation, with room for the usual answer (a few findings, about twenty
    /// steps) when a trace is kept.
    pub(crate) fn new(traced: bool) -> Explanation {
        Explanation {
            findings: Vec::with_capacity(8),
            trace: if traced {
                Vec::with_capacity(24)
            } else {
                Vec::new()
            },
            traced,
            blocked: false,
        }
    }
}

impl Sink for Explanation {
    fn finding(
        &mut self,
        code: FindingCode,
        severity: Severity,
        reference: &'static str,
        args: impl FnOnce() -> Vec<Arg>,
    ) {
        self.blocked |= severity == Severity::Blocking;
        self.findings
            .push(Finding::new(code, severity, reference, args()));
    }

    fn step(&mut self, step: impl FnOnce() -> TraceStep) {
        if self.traced {
            self.trace.push(step());
        }
    }

    fn blocked(&self) -> bool {
        self.blocked
    }
}
