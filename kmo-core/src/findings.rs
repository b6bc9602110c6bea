//! Findings: what the engine concluded beyond the numbers, each with a stable code, a severity,
//! the legal reference (RULES.md §1 short name) and a message in Dutch, French or English.

use core::fmt;
use std::borrow::Cow;

use rust_decimal::Decimal;
use time::Date;

use crate::error::InputError;
pub use crate::i18n::Rendered;
use crate::i18n::{render, Lang};
use crate::identifiers::NaceCode;
use crate::kmo::service::{coded_enum, parse_code};
use crate::units::{IsoDate, Money, Percent};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// For information: a choice made, a rule applied.
    Info,
    /// Something the caller should look at; does not block.
    Warning,
    /// The application is not eligible for this reason.
    Blocking,
}

impl Severity {
    /// `info`, `warning` or `blocking`.
    ///
    /// ```
    /// assert_eq!(kmo_core::Severity::Blocking.as_str(), "blocking");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Blocking => "blocking",
        }
    }
}

coded_enum!(
    /// The stable code of a finding (`SCREAMING_SNAKE` in the JSON document).
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
        /// The eligible cost is below the minimum.
        CostBelowMinimum => "COST_BELOW_MINIMUM",
        /// Applied more than 14 days after the start.
        ApplicationTooLate => "APPLICATION_TOO_LATE",
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
    }
);

/// One value a message shows, kept as it is and written only when the message is rendered
/// (an assessment nobody reads the text of costs no formatting).
///
/// ```
/// use kmo_core::{Arg, Money};
/// assert_eq!(Arg::from(Money::from_cents(5)).to_string(), "0.05");
/// assert_eq!(Arg::from("BVR-2016").to_string(), "BVR-2016");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// Text shown as it is.
    Text(Cow<'static, str>),
    /// A word shown in the message's language (`small` → `klein`, `petite`, `small`).
    Word(&'static str),
    /// An amount (two decimals).
    Money(Money),
    /// A percentage (without trailing zeros).
    Percent(Percent),
    /// A figure (without trailing zeros).
    Decimal(Decimal),
    /// A date (`YYYY-MM-DD`).
    Date(Date),
    /// A whole number.
    Int(i64),
    /// A NACE-BEL code (`62.010`).
    Nace(NaceCode),
}

impl fmt::Display for Arg {
    /// The value; a [`Arg::Word`] is written as its key (messages translate it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(t) => f.write_str(t),
            Arg::Word(w) => f.write_str(w),
            Arg::Money(m) => fmt::Display::fmt(m, f),
            Arg::Percent(p) => fmt::Display::fmt(p, f),
            Arg::Decimal(d) => fmt::Display::fmt(&d.normalize(), f),
            Arg::Date(d) => fmt::Display::fmt(&IsoDate(*d), f),
            Arg::Int(i) => fmt::Display::fmt(i, f),
            Arg::Nace(n) => fmt::Display::fmt(n, f),
        }
    }
}

impl From<&'static str> for Arg {
    fn from(t: &'static str) -> Arg {
        Arg::Text(Cow::Borrowed(t))
    }
}

impl From<String> for Arg {
    fn from(t: String) -> Arg {
        Arg::Text(Cow::Owned(t))
    }
}

impl From<Money> for Arg {
    fn from(m: Money) -> Arg {
        Arg::Money(m)
    }
}

impl From<Percent> for Arg {
    fn from(p: Percent) -> Arg {
        Arg::Percent(p)
    }
}

impl From<Decimal> for Arg {
    fn from(d: Decimal) -> Arg {
        Arg::Decimal(d)
    }
}

impl From<NaceCode> for Arg {
    fn from(n: NaceCode) -> Arg {
        Arg::Nace(n)
    }
}

impl From<Date> for Arg {
    fn from(d: Date) -> Arg {
        Arg::Date(d)
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(i: $t) -> Arg {
                Arg::Int(i64::from(i))
            }
        }
    )*};
}
int_arg!(i32, u32, u8, u16, i64);

impl From<usize> for Arg {
    fn from(i: usize) -> Arg {
        Arg::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}

/// One finding: a code, its severity, the reference and the values its message shows.
///
/// ```
/// use kmo_core::{Finding, FindingCode, Lang, Money, Severity};
/// let f = Finding::new(FindingCode::CostBelowMinimum, Severity::Blocking, "BVR-2016 art. 16",
///                      vec![Money::from_cents(9999).into(), Money::from_euro(100).into()]);
/// assert!(f.message(Lang::En).contains("100.00"));
/// assert!(f.message(Lang::Nl).contains("minimum"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The stable code.
    pub code: FindingCode,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule is written (RULES.md §1 short name and article).
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
/// let s = TraceStep::new("rate", "BVR-2016 art. 18", Percent::from_whole(30),
///                        vec![Percent::from_whole(30).into(), Percent::from_whole(30).into(), 0.into()]);
/// assert!(s.text(Lang::En).contains("30"));
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
