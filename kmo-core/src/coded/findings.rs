//! The codes of the engine's explanation: how much a finding matters, where a reader puts it,
//! every finding code (with its severity and group), and the names of the trace's steps.

use crate::coded::coded_enum;

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
    },
    json_run(r#"","severity":""#, "")
);

coded_enum!(
    /// Where a reader puts a finding: why the application is not eligible, a condition the
    /// answer could not check for want of a field, or a notice. The calculator shows them under
    /// these headings.
    FindingGroup, "finding group", {
        /// Why the application is not eligible (every blocking finding).
        Blocking => "blocking",
        /// A condition the engine did not check or verify because the request did not give what
        /// it needs: to check by hand.
        NotChecked => "not_checked",
        /// A rule applied, a choice made, a date to plan by: good to know.
        Notice => "notice",
    }
);

/// Declares [`FindingCode`] with each code's [`Severity`] and [`FindingGroup`]: every finding
/// code, in one place, with its documentation (the meaning, then `Ref:`, the references the
/// engine cites for it).
macro_rules! finding_codes {
    ($(#[$meta:meta])* { $($(#[$($attr:tt)*])* $variant:ident => $code:literal ($severity:ident, $group:ident)),+ $(,)? }) => {
        coded_enum!(
            $(#[$meta])*
            FindingCode, "finding code", {
                $($(#[$($attr)*])* $variant => $code),+
            }
        );

        impl FindingCode {
            /// How much a finding of this code matters (the same for every finding of it).
            ///
            /// ```
            /// use kmo_core::{FindingCode, Severity};
            /// assert_eq!(FindingCode::CostBelowMinimum.severity(), Severity::Blocking);
            /// ```
            pub const fn severity(self) -> Severity {
                match self {
                    $(FindingCode::$variant => Severity::$severity),+
                }
            }

            /// Where a reader puts a finding of this code.
            ///
            /// ```
            /// use kmo_core::{FindingCode, FindingGroup};
            /// assert_eq!(FindingCode::StartDateNotGiven.group(), FindingGroup::NotChecked);
            /// ```
            pub const fn group(self) -> FindingGroup {
                match self {
                    $(FindingCode::$variant => FindingGroup::$group),+
                }
            }
        }
    };
}

finding_codes!(
    /// The stable code of a finding (`SCREAMING_SNAKE` in the JSON document). The blocking
    /// codes are declared in the order the rules run, so a set of them (the quick quote's
    /// [`Blocking`](crate::quick::Blocking)) lists them as `assess` reports them. New codes are
    /// only ever added at the end (their numbers are the C face's).
    ///
    /// ```
    /// use kmo_core::FindingCode;
    /// assert_eq!(FindingCode::CostBelowMinimum.as_str(), "COST_BELOW_MINIMUM");
    /// ```
    {
        /// No rulebook covers the application date: applied for before 1 April 2016.
        ///
        /// Ref: `BVR-2016`
        NoRulebookForDate => "NO_RULEBOOK_FOR_DATE" (Blocking, Blocking),
        /// A large enterprise, and not a recognised maatwerkbedrijf from 2026.
        ///
        /// Ref: `REC-2003/361 art. 2`
        EnterpriseTooLarge => "ENTERPRISE_TOO_LARGE" (Blocking, Blocking),
        /// 25 % or more held by public bodies.
        ///
        /// Ref: `REC-2003/361 art. 3(4)`; `REC-2003/361 art. 3(4); [choice]` for a recognised
        /// maatwerkbedrijf from 2026
        PublicParticipation => "PUBLIC_PARTICIPATION" (Blocking, Blocking),
        /// No operating site in the Flemish Region (`flemish_establishment: false`).
        ///
        /// Ref: `[official]`
        NoFlemishEstablishment => "NO_FLEMISH_ESTABLISHMENT" (Blocking, Blocking),
        /// A legal form that is not admitted (not checked for a maatwerkbedrijf from 2026).
        ///
        /// Ref: `BVR-2016 art. 4`
        LegalFormNotEligible => "LEGAL_FORM_NOT_ELIGIBLE" (Blocking, Blocking),
        /// The main activity is excluded: agriculture, forestry or fisheries (NACE division 01, 02
        /// or 03).
        ///
        /// Ref: `MB-2016 art. 3; [3p]`
        MainActivityExcluded => "MAIN_ACTIVITY_EXCLUDED" (Blocking, Blocking),
        /// The provider and the enterprise are related (`related_to_provider: true`).
        ///
        /// Ref: `[official]`
        RelatedToProvider => "RELATED_TO_PROVIDER" (Blocking, Blocking),
        /// The enterprise is not active in the KBO/BCE (`active_in_kbo: false`).
        ///
        /// Ref: `[3p]`
        NotActiveInKbo => "NOT_ACTIVE_IN_KBO" (Blocking, Blocking),
        /// The provider is not registered for this service: its number's letter is for the other
        /// one.
        ///
        /// Ref: `BVR-2016 art. 9`
        ProviderNotRegisteredForService => "PROVIDER_NOT_REGISTERED_FOR_SERVICE" (Blocking, Blocking),
        /// From 2023, a service without a theme (or subtheme).
        ///
        /// Ref: `BVR-2022`
        ThemeRequired => "THEME_REQUIRED" (Blocking, Blocking),
        /// From 1 February 2026, advice other than cybersecurity.
        ///
        /// Ref: `VR-2026-01-23`
        AdviceOnlyCybersecurity => "ADVICE_ONLY_CYBERSECURITY" (Blocking, Blocking),
        /// From 1 July 2020, the service is on the list of excluded topics (an `excluded_topic` is
        /// given).
        ///
        /// Ref: `[3p]`
        ExcludedTopic => "EXCLUDED_TOPIC" (Blocking, Blocking),
        /// Applied for more than 14 days after the start.
        ///
        /// Ref: `[official]`
        ApplicationTooLate => "APPLICATION_TOO_LATE" (Blocking, Blocking),
        /// The eligible cost is below the minimum: EUR 100 (training) or EUR 500 (advice).
        ///
        /// Ref: `BVR-2016 art. 16`
        CostBelowMinimum => "COST_BELOW_MINIMUM" (Blocking, Blocking),
        /// Nothing is left of the year's ceiling.
        ///
        /// Ref: `BVR-2016 art. 18`, `BVR-2016 art. 18; [official]` (from 2020)
        CeilingExhausted => "CEILING_EXHAUSTED" (Blocking, Blocking),
        /// With this aid the de minimis ceiling would be exceeded.
        ///
        /// Ref: `DEMINIMIS-1407`, `DEMINIMIS-2831`
        DeMinimisExceeded => "DE_MINIMIS_EXCEEDED" (Blocking, Blocking),
        /// The aid was cut to what is left of the ceiling.
        ///
        /// Ref: `BVR-2016 art. 18; [choice]` (the ceiling, and the library's choice of partial aid)
        AidCappedByCeiling => "AID_CAPPED_BY_CEILING" (Info, Notice),
        /// A subtheme uplift was added to the rate.
        ///
        /// Ref: `MB-2021`, `MB-2023`, `MB-2023; VR-2026-01-23`
        UpliftApplied => "UPLIFT_APPLIED" (Info, Notice),
        /// A micro enterprise gets the small-enterprise rate and ceiling.
        ///
        /// Ref: `BVR-2016 art. 18`
        MicroCountsAsSmall => "MICRO_COUNTS_AS_SMALL" (Info, Notice),
        /// The maatwerkbedrijf rule of 2026 applied.
        ///
        /// Ref: `BVR-2025; BVR-2016 art. 4, art. 7`
        MaatwerkbedrijfRuleApplied => "MAATWERKBEDRIJF_RULE_APPLIED" (Info, Notice),
        /// The class fixed at the year's first application differs from what the figures give now,
        /// and holds.
        ///
        /// Ref: `[official]`
        SizeClassFixedForYear => "SIZE_CLASS_FIXED_FOR_YEAR" (Info, Notice),
        /// A theme given for a date before themes existed.
        ///
        /// Ref: `BVR-2022`
        ThemeNotInForce => "THEME_NOT_IN_FORCE" (Info, Notice),
        /// A subtheme without an uplift on that date or for that service.
        ///
        /// Ref: the instrument of the subtheme's uplift: `MB-2021`, `MB-2023`, `MB-2023;
        /// VR-2026-01-23`
        SubthemeNotInForce => "SUBTHEME_NOT_IN_FORCE" (Info, Notice),
        /// A NACE code outside the known exclusions, not checked against the annex of the
        /// ministerial decree.
        ///
        /// Ref: `MB-2016 art. 3; [choice]`
        MainActivityNotVerified => "MAIN_ACTIVITY_NOT_VERIFIED" (Info, NotChecked),
        /// An invoice line is (partly) not eligible; the message numbers lines from 1.
        ///
        /// Ref: `BVR-2016 art. 16`; `BVR-2016 art. 16; [choice]` for catering with advice, and
        /// travel or material with advice
        CostItemNotEligible => "COST_ITEM_NOT_ELIGIBLE" (Info, Notice),
        /// Catering cut to EUR 25 per person per day.
        ///
        /// Ref: `BVR-2016 art. 16`
        CateringCapped => "CATERING_CAPPED" (Info, Notice),
        /// The rulebook edition applied has an open question (the 2023 themes, the energy
        /// uplift's first day, nothing re-verified after the reform of 1 February 2026), or the
        /// service does (advice applied for before that reform and starting after it).
        ///
        /// Ref: `BVR-2022`, `MB-2023`, `VR-2026-01-23`
        RulebookUncertain => "RULEBOOK_UNCERTAIN" (Info, Notice),
        /// No `legal_form` given: not checked.
        ///
        /// Ref: `BVR-2016 art. 4`
        LegalFormNotChecked => "LEGAL_FORM_NOT_CHECKED" (Info, NotChecked),
        /// No `flemish_establishment` given: not checked.
        ///
        /// Ref: `[official]`
        EstablishmentNotChecked => "ESTABLISHMENT_NOT_CHECKED" (Info, NotChecked),
        /// No `nace` given: not checked.
        ///
        /// Ref: `MB-2016 art. 3; [3p]`
        MainActivityNotChecked => "MAIN_ACTIVITY_NOT_CHECKED" (Info, NotChecked),
        /// No `related_to_provider` given: not checked.
        ///
        /// Ref: `[official]`
        RelatedPartiesNotChecked => "RELATED_PARTIES_NOT_CHECKED" (Info, NotChecked),
        /// No `provider` given: not checked.
        ///
        /// Ref: `BVR-2016 art. 9`
        ProviderNotChecked => "PROVIDER_NOT_CHECKED" (Info, NotChecked),
        /// No `start_date` given: the deadline to apply is not checked.
        ///
        /// Ref: `[official]`
        StartDateNotGiven => "START_DATE_NOT_GIVEN" (Info, NotChecked),
        /// The own-share deadline `after_approval_30_days` needs the `approval_date`, which was not
        /// given (only in an eligible answer: without eligibility there is no own-share deadline at
        /// all).
        ///
        /// Ref: `[choice]`
        ApprovalDateNotGiven => "APPROVAL_DATE_NOT_GIVEN" (Info, NotChecked),
        /// The size rests on a bona fide estimate: a period's figures of a new enterprise without
        /// approved accounts.
        ///
        /// Ref: `REC-2003/361 art. 4(3)`
        SizeFromEstimate => "SIZE_FROM_ESTIMATE" (Info, Notice),
        /// The two-period rule keeps a status the latest figures alone would change.
        ///
        /// Ref: `REC-2003/361 art. 4(2)`
        TwoPeriodRuleApplied => "TWO_PERIOD_RULE_APPLIED" (Info, Notice),
        /// A field of the request the engine does not know, ignored; `path` names it.
        ///
        /// Ref: `KMO-JSON`
        UnknownFieldIgnored => "UNKNOWN_FIELD_IGNORED" (Warning, Notice),
        /// The enterprise is a small mid-cap (Recommendation (EU) 2025/1099): information only.
        ///
        /// Ref: `REC-2025/1099`
        SmallMidCap => "SMALL_MID_CAP" (Info, Notice),
        /// Applied for on the first day of an uplift or the day before, where the library chose
        /// between readings of the sources.
        ///
        /// Ref: `MB-2021; [choice]`, `MB-2023; [choice]`
        BoundaryDayChoice => "BOUNDARY_DAY_CHOICE" (Info, Notice),
        /// After 31 December 2030 the last encoded de minimis regulation is still applied, though
        /// it has expired.
        ///
        /// Ref: `DEMINIMIS-2831; [choice]`
        DeMinimisRegulationExpired => "DE_MINIMIS_REGULATION_EXPIRED" (Info, Notice),
        /// A company that has not registered on the portal yet (`options.first_time` or
        /// `options.portal_registration_date`), and eligible: the last day to register (or that it
        /// is unknown without a start date), what to have at hand (last year's turnover, the staff
        /// count, the bank account number), when the activation letter is expected and until when
        /// its link is valid.
        ///
        /// Ref: `[3p]`
        FirstTimeRegistration => "FIRST_TIME_REGISTRATION" (Info, Notice),
        /// The activation letter is expected after `apply_by`: the message gives the letter's day,
        /// the deadline, the last day to register and the earliest start for which the letter comes
        /// in time.
        ///
        /// Ref: `[3p]`
        ActivationLetterAfterDeadline => "ACTIVATION_LETTER_AFTER_DEADLINE" (Warning, Notice),
        /// The activation link expires before `apply_by` (and not before `application_date`): use
        /// it, and apply, by its expiry.
        ///
        /// Ref: `[3p]; [choice]`
        ActivationLinkExpiresFirst => "ACTIVATION_LINK_EXPIRES_FIRST" (Info, Notice),
        /// The service starts after the day it must be completed by (31 December of the year
        /// after the application): it cannot be completed in time.
        ///
        /// Ref: `[official]` (the procedure's completion deadline)
        ServiceStartsAfterCompletionDeadline => "SERVICE_STARTS_AFTER_COMPLETION_DEADLINE" (Warning, Notice),
        /// An excluded topic given for a date before the list of excluded topics applied (1 July
        /// 2020): it has no effect.
        ///
        /// Ref: `[3p]` (the list's source, from the first edition that has it)
        ExcludedTopicNotInForce => "EXCLUDED_TOPIC_NOT_IN_FORCE" (Info, Notice),
        /// A subtheme given with a theme it does not belong to (`cybersecurity` with
        /// `personeelsmanagement`): the service is assessed under the subtheme's own theme, as
        /// the subtheme alone would be; the message names both themes.
        ///
        /// Ref: `BVR-2022; [choice]` (the themes and their subthemes, and the library's reading)
        SubthemeOfOtherTheme => "SUBTHEME_OF_OTHER_THEME" (Warning, Notice),
        /// A natural person (or persons acting jointly) controls two enterprises not linked
        /// otherwise, and the market of one of them (`market`) is not given: whether the person
        /// links them (only in the same or an adjacent market) was not checked, and they are
        /// taken as not linked. The message names the person (those acting jointly, separated by
        /// commas) and the enterprise whose market is missing; one finding for each.
        ///
        /// Ref: `REC-2003/361 art. 3(3); SME-GUIDE-2020`
        MarketNotGiven => "MARKET_NOT_GIVEN" (Info, NotChecked),
        /// A business angel invested exactly EUR 1 250 000 and counts as a partner: the library
        /// reads the limit as strictly less (the English text; the German says "not
        /// exceeding"). The message names the business angel and the amount.
        ///
        /// Ref: `REC-2003/361 art. 3(2); [choice]`
        BusinessAngelAtLimit => "BUSINESS_ANGEL_AT_LIMIT" (Info, Notice),
    }
);

coded_enum!(
    /// The stable name of a step of the computation (a [`TraceStep`](crate::TraceStep)'s `step`), in the order the
    /// steps are taken. Its text in each language is the step's explanation.
    ///
    /// ```
    /// use kmo_core::TraceStepName;
    /// assert_eq!(TraceStepName::AidBeforeCeiling.as_str(), "aid_before_ceiling");
    /// ```
    TraceStepName, "trace step", {
        /// The rulebook edition in force on the application date.
        Rulebook => "rulebook",
        /// The size class under the SME definition, and how it was obtained.
        SizeClass => "size_class",
        /// One period of the full SME definition: its aggregated figures, the class they give and the
        /// status after the two-period rule (feature `full-sme`).
        SmePeriod => "sme_period",
        /// One entity of the latest period: how it relates to the enterprise and at which weight its
        /// figures count (feature `full-sme`).
        SmeWeight => "sme_weight",
        /// The class the wallet's rates and ceilings use.
        WalletClass => "wallet_class",
        /// The eligible cost excluding VAT, and what was invoiced.
        EligibleCost => "eligible_cost",
        /// The minimum eligible cost for the service.
        MinimumCost => "minimum_cost",
        /// The aid percentage: the base rate and the uplift.
        Rate => "rate",
        /// The rate times the eligible cost, rounded once to the cent.
        AidBeforeCeiling => "aid_before_ceiling",
        /// The year's ceiling, what was used of it, what is left.
        Ceiling => "ceiling",
        /// The aid granted.
        Aid => "aid",
        /// The own share: the eligible cost minus the aid.
        OwnShare => "own_share",
        /// The VAT, paid directly to the provider.
        Vat => "vat",
        /// The de minimis aid over the reference period, with this aid, against the ceiling.
        DeMinimis => "de_minimis",
        /// The last day to apply: 14 calendar days after the start.
        ApplyBy => "apply_by",
        /// The last day to register on the portal (a first-time company).
        RegisterBy => "register_by",
        /// The last day to pay the own share into the wallet.
        PayOwnShareBy => "pay_own_share_by",
        /// The last day to finish the service: 31 December of the year after the application.
        CompleteBy => "complete_by",
        /// The conclusion: eligible or not.
        Eligibility => "eligibility",
        /// One entity of the latest period whose figures are not added, and why (feature
        /// `full-sme`; beside the `sme_weight` steps of those that are). Its value is 0.
        SmeNotAdded => "sme_not_added",
    },
    json_run(r#"","step":""#, r#"","text":""#)
);
