//! The dated rulebooks: one entry per date on which a rule of the
//! kmo-portefeuille changed, each with its `valid_from` and legal reference.
//!
//! The rate, uplifts, minimum costs, themes and deadlines follow the **application date**
//! ([`rulebook_for`]); the ceiling follows the **calendar year** of the application
//! ([`ceiling_for`]).
//!
//! Where the sources are silent or disagree, the library chooses; every such reading is named
//! in [`CHOICES`] (and in the rules reference, `docs/rules.md`, as `[choice: name]`).
//!
//! # Adding an edition
//!
//! A new decision is a new entry at the end of [`RULEBOOKS`]: copy the last entry, give it an
//! `id`, its `valid_from` and the reference of the instrument, and change what the decision
//! changed. For example, a (hypothetical) decision raising the small rate to 35 % from
//! 1 January 2027 would be:
//!
//! ```text
//! Rulebook {
//!     id: "2027-01-01",
//!     valid_from: ymd(2027, Month::January, 1),
//!     reference: "BVR-2026",
//!     rates: Rates { small: Percent::whole(35), ..E2026_02.rates },
//!     ..E2026_02
//! },
//! ```
//!
//! plus an entry in the reference registry (`docs/references.md`) for its short name, and
//! vectors on the day before and the day of
//! `valid_from` in `tests/vectors`. A new ceiling is one row in [`CEILINGS`].

use time::{Date, Month};

use smallvec::smallvec;

use crate::findings::{Sink, TraceStep};

use crate::coded::WalletClass;
use crate::coded::{FindingCode as C, TraceStepName};
use crate::coded::{ServiceKind, Subtheme};
use crate::message::Arg;
use crate::units::{eur, ymd, Money, Percent};

/// The aid percentages of BVR-2016 art. 18 for small and medium enterprises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rates {
    /// The percentage for a small (or micro) enterprise.
    pub small: Percent,
    /// The percentage for a medium enterprise.
    pub medium: Percent,
    /// Where it is written.
    pub reference: &'static str,
}

impl Rates {
    /// The base percentage for a wallet class.
    ///
    /// ```
    /// use kmo_core::{rulebook_for, parse_date, WalletClass, Percent};
    /// let book = rulebook_for(parse_date("2019-11-30").unwrap()).unwrap();
    /// assert_eq!(book.rates.for_class(WalletClass::Small), Percent::from_whole(40).unwrap());
    /// ```
    pub fn for_class(&self, class: WalletClass) -> Percent {
        match class {
            WalletClass::Small => self.small,
            WalletClass::Medium => self.medium,
        }
    }
}

/// An increase of the aid percentage for a subtheme, in percentage points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Uplift {
    /// The subtheme that earns it.
    pub subtheme: Subtheme,
    /// How many percentage points are added.
    pub points: u8,
    /// For which services.
    pub services: &'static [ServiceKind],
    /// Where it is written.
    pub reference: &'static str,
}

/// The minimum eligible cost per application (BVR-2016 art. 16).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Minimums {
    /// Training: EUR 100.
    pub training: Money,
    /// Advice: EUR 500.
    pub advice: Money,
    /// Where it is written.
    pub reference: &'static str,
}

impl Minimums {
    /// The minimum for a service.
    pub fn for_service(&self, kind: ServiceKind) -> Money {
        match kind {
            ServiceKind::Training => self.training,
            ServiceKind::Advice => self.advice,
        }
    }
}

/// The deadlines of the procedure (MB-2016).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deadlines {
    /// The application may be submitted up to this many calendar days after the start.
    pub apply_within_days_after_start: i64,
    /// The service must be finished by 31 December of the application's year plus this.
    pub complete_within_years: i32,
    /// Where it is written.
    pub reference: &'static str,
}

/// One edition of the rules, in force for applications from `valid_from` until the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rulebook {
    /// A stable identifier: the `valid_from` date.
    pub id: &'static str,
    /// The first application date this edition governs.
    pub valid_from: Date,
    /// The instrument that opened this edition (a short name of `docs/references.md`).
    pub reference: &'static str,
    /// Base percentages.
    pub rates: Rates,
    /// Subtheme uplifts in force.
    pub uplifts: &'static [Uplift],
    /// Minimum eligible costs.
    pub minimums: Minimums,
    /// From 2023: only services within a theme are eligible (reference), else `None`.
    pub themes_required: Option<&'static str>,
    /// From July 2020: excluded topics are refused (reference), else `None`.
    pub excluded_topics: Option<&'static str>,
    /// From 2026: a recognised maatwerkbedrijf is eligible regardless of size and legal form
    /// (reference), else `None`.
    pub maatwerkbedrijf: Option<&'static str>,
    /// From 1 February 2026: advice only for cybersecurity (reference), else `None`.
    pub advice_only_cybersecurity: Option<&'static str>,
    /// Procedure deadlines.
    pub deadlines: Deadlines,
    /// The open questions about the date or content of this edition, each a key of the message
    /// tables (written in the reader's language) and the reference of the rule it is about
    /// (an open question about the 2023 themes cites `BVR-2022` in every later edition);
    /// empty when there is none.
    pub uncertain: &'static [(&'static str, &'static str)],
    /// How current the edition is known to be, for the latest one (a key of the message
    /// tables).
    pub status: Option<&'static str>,
}

impl Rulebook {
    /// The uplift, if any, for a subtheme and service under this edition.
    ///
    /// ```
    /// use kmo_core::{rulebook_for, parse_date, ServiceKind, Subtheme};
    /// let before = rulebook_for(parse_date("2021-09-13").unwrap()).unwrap();
    /// let after = rulebook_for(parse_date("2021-09-14").unwrap()).unwrap();
    /// assert!(before.uplift(Subtheme::Cybersecurity, ServiceKind::Training).is_none());
    /// assert_eq!(after.uplift(Subtheme::Cybersecurity, ServiceKind::Training).unwrap().points, 15);
    /// ```
    pub fn uplift(&self, subtheme: Subtheme, service: ServiceKind) -> Option<&'static Uplift> {
        self.uplifts
            .iter()
            .find(|u| u.subtheme == subtheme && u.services.contains(&service))
    }
}

const BOTH: &[ServiceKind] = &[ServiceKind::Training, ServiceKind::Advice];
const TRAINING_ONLY: &[ServiceKind] = &[ServiceKind::Training];

const CYBER: Uplift = Uplift {
    subtheme: Subtheme::Cybersecurity,
    points: 15,
    services: BOTH,
    reference: "MB-2021",
};
const ENERGY: Uplift = Uplift {
    subtheme: Subtheme::EnergyEfficiency,
    points: 15,
    services: BOTH,
    reference: "MB-2023",
};
const ENERGY_TRAINING_ONLY: Uplift = Uplift {
    services: TRAINING_ONLY,
    reference: "MB-2023; VR-2026-01-23",
    ..ENERGY
};

const E2016: Rulebook = Rulebook {
    id: "2016-04-01",
    valid_from: ymd(2016, Month::April, 1),
    reference: "BVR-2016",
    rates: Rates {
        small: Percent::whole(40),
        medium: Percent::whole(30),
        reference: "BVR-2016 art. 18",
    },
    uplifts: &[],
    minimums: Minimums {
        training: eur(100),
        advice: eur(500),
        reference: "BVR-2016 art. 16",
    },
    themes_required: None,
    excluded_topics: None,
    maatwerkbedrijf: None,
    advice_only_cybersecurity: None,
    // Stated by the agency's procedure pages; no article of MB-2016 we could read.
    deadlines: Deadlines {
        apply_within_days_after_start: 14,
        complete_within_years: 1,
        reference: "[official]",
    },
    uncertain: &[],
    status: None,
};

const E2019_12: Rulebook = Rulebook {
    id: "2019-12-01",
    valid_from: ymd(2019, Month::December, 1),
    reference: "MB-2019",
    rates: Rates {
        small: Percent::whole(30),
        medium: Percent::whole(20),
        reference: "BVR-2016 art. 18; MB-2019",
    },
    ..E2016
};

// The excluded topics are known from providers and accountants only, not from a legal text
// we could read: the edition and the rule cite `[3p]`. The whole list applies from 1 July 2020
// (a choice: which topics came with the extension of July 2021 is not known).
const E2020_07: Rulebook = Rulebook {
    id: "2020-07-01",
    valid_from: ymd(2020, Month::July, 1),
    reference: "[3p]",
    excluded_topics: Some("[3p]"),
    ..E2019_12
};

const E2021_09: Rulebook = Rulebook {
    id: "2021-09-14",
    valid_from: ymd(2021, Month::September, 14),
    reference: "MB-2021",
    uplifts: &[CYBER],
    ..E2020_07
};

/// The open question about the themes of 2023 (`BVR-2022`): all eight from 1 January 2023.
const THEMES_2023: (&str, &str) = ("uncertain_themes_2023", "BVR-2022");

const E2023_01: Rulebook = Rulebook {
    id: "2023-01-01",
    valid_from: ymd(2023, Month::January, 1),
    reference: "BVR-2022",
    themes_required: Some("BVR-2022"),
    uncertain: &[THEMES_2023],
    ..E2021_09
};

const E2023_03: Rulebook = Rulebook {
    id: "2023-03-15",
    valid_from: ymd(2023, Month::March, 15),
    reference: "MB-2023",
    uplifts: &[CYBER, ENERGY],
    // The 2023 themes stay an open question after 15 March 2023.
    uncertain: &[THEMES_2023, ("uncertain_energy_start", "MB-2023")],
    ..E2023_01
};

const E2026_01: Rulebook = Rulebook {
    id: "2026-01-01",
    valid_from: ymd(2026, Month::January, 1),
    reference: "BVR-2025",
    maatwerkbedrijf: Some("BVR-2025"),
    uncertain: &[],
    ..E2023_03
};

const E2026_02: Rulebook = Rulebook {
    id: "2026-02-01",
    valid_from: ymd(2026, Month::February, 1),
    reference: "VR-2026-01-23",
    uplifts: &[CYBER, ENERGY_TRAINING_ONLY],
    advice_only_cybersecurity: Some("VR-2026-01-23"),
    // Nothing decided after this reform was found, and its decision's text was not: an open
    // question shown in every answer under it.
    uncertain: &[("uncertain_not_reverified", "VR-2026-01-23")],
    status: Some("status_current_2026"),
    ..E2026_01
};

/// Every edition, oldest first.
pub const RULEBOOKS: &[Rulebook] = &[
    E2016, E2019_12, E2020_07, E2021_09, E2023_01, E2023_03, E2026_01, E2026_02,
];

/// The edition in force for an application submitted on `date`, or `None` before 1 April 2016
/// (the older regime is not encoded; the library says so rather than guessing).
///
/// ```
/// use kmo_core::{rulebook_for, parse_date};
/// assert_eq!(rulebook_for(parse_date("2019-11-30").unwrap()).unwrap().id, "2016-04-01");
/// assert_eq!(rulebook_for(parse_date("2019-12-01").unwrap()).unwrap().id, "2019-12-01");
/// assert!(rulebook_for(parse_date("2016-03-31").unwrap()).is_none());
/// ```
pub fn rulebook_for(date: Date) -> Option<&'static Rulebook> {
    // The editions are in date order (a test holds them so): a binary search, three
    // comparisons of packed dates for eight editions.
    let after = RULEBOOKS.partition_point(|book| book.valid_from <= date);
    after.checked_sub(1).map(|i| &RULEBOOKS[i])
}

/// A day on which the library chose between readings of the sources: the first day of an
/// uplift. An application on that day or the day before, for the subtheme concerned, carries a
/// notice naming the choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BoundaryChoice {
    /// The subtheme whose uplift starts.
    pub subtheme: Subtheme,
    /// The first day the library grants the uplift.
    pub first_day: Date,
    /// Where it is written: the uplift's instrument, and `[choice]`.
    pub reference: &'static str,
    /// The choice, as a key of the message tables.
    pub choice: &'static str,
}

/// The boundary days chosen by the library.
pub const BOUNDARY_CHOICES: &[BoundaryChoice] = &[
    // VLAIO: applications "after 13 September 2021"; a minister's answer: "since its
    // introduction (13/9/2021)". The library follows VLAIO.
    BoundaryChoice {
        subtheme: Subtheme::Cybersecurity,
        first_day: ymd(2021, Month::September, 14),
        reference: "MB-2021; [choice]",
        choice: "choice_cyber_start",
    },
    // No source found gives the day; the date of the decree is taken.
    BoundaryChoice {
        subtheme: Subtheme::EnergyEfficiency,
        first_day: ymd(2023, Month::March, 15),
        reference: "MB-2023; [choice]",
        choice: "choice_energy_start",
    },
];

/// The boundary choice an application on `date` for `subtheme` falls on: the first day of the
/// uplift or the day before.
///
/// ```
/// use kmo_core::{parse_date, Subtheme};
/// use kmo_core::rules::boundary_choice;
/// let on = |d| boundary_choice(parse_date(d).unwrap(), Some(Subtheme::Cybersecurity)).is_some();
/// assert!(!on("2021-09-12") && on("2021-09-13") && on("2021-09-14") && !on("2021-09-15"));
/// ```
pub fn boundary_choice(date: Date, subtheme: Option<Subtheme>) -> Option<&'static BoundaryChoice> {
    let subtheme = subtheme?;
    BOUNDARY_CHOICES.iter().find(|c| {
        c.subtheme == subtheme && (date == c.first_day || date.next_day() == Some(c.first_day))
    })
}

/// The edition in force on the application date, its trace, the notice of an open question
/// about it, and the notice of a boundary-day choice; the blocking reason when none is.
pub(crate) fn rulebook_step(
    date: Date,
    subtheme: Option<Subtheme>,
    out: &mut impl Sink,
) -> Option<&'static Rulebook> {
    let book = rulebook_for(date);
    match book {
        Some(b) => {
            out.step(|| {
                TraceStep::of(
                    TraceStepName::Rulebook,
                    b.reference,
                    b.id,
                    smallvec![Arg::from(date), b.id.into(), b.reference.into()],
                )
            });
            for &(why, reference) in b.uncertain {
                out.info(C::RulebookUncertain, reference, || {
                    smallvec![Arg::Word(why)]
                });
            }
        }
        None => out.blocking(C::NoRulebookForDate, "BVR-2016", || {
            smallvec![Arg::from(date)]
        }),
    }
    if let Some(choice) = boundary_choice(date, subtheme) {
        out.info(C::BoundaryDayChoice, choice.reference, || {
            smallvec![Arg::from(date), Arg::Word(choice.choice)]
        });
    }
    book
}

/// One reading the library chose where the sources are silent or disagree: named here and in
/// the rules reference (`docs/rules.md` writes it `[choice: name]`), and shown in every answer
/// it affects. The test suite holds the two lists to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Choice {
    /// Its stable name.
    pub name: &'static str,
    /// What the library does, and why (in English).
    pub what: &'static str,
    /// The request field that overrides it, when it is a parameter.
    pub parameter: Option<&'static str>,
    /// Where an answer shows it: a finding code, a field or a trace step.
    pub shown_in: &'static str,
}

/// Every choice the library makes, in the order of the rules reference.
pub const CHOICES: &[Choice] = &[
    Choice {
        name: "application_date",
        what: "every dated rule follows the application date (the ceiling its calendar year, completion the year after), as the 2019 rate change did",
        parameter: None,
        shown_in: "rulebook",
    },
    Choice {
        name: "ownership_change",
        what: "a change of ownership takes effect at once, as the Commission's practice has it; the literal reading of the two-period rule is the parameter's other value",
        parameter: Some("enterprise.size.ownership_change"),
        shown_in: "policies.ownership_change",
    },
    Choice {
        name: "business_angel_limit",
        what: "a business angel is exempt when its investment is strictly less than EUR 1 250 000, as the English text says (the German says \"not exceeding\"): a difference of one euro, so no parameter",
        parameter: None,
        shown_in: "BUSINESS_ANGEL_AT_LIMIT",
    },
    Choice {
        name: "lapsed_fixes_no_class",
        what: "the size class is fixed by the year's first successful application: one that lapsed, its own share never paid in full, was not granted and fixes nothing; one running, or stopped after it was made, does",
        parameter: None,
        shown_in: "SIZE_CLASS_FIXED_FOR_YEAR",
    },
    Choice {
        name: "maatwerkbedrijf_other_conditions",
        what: "a recognised maatwerkbedrijf is spared the size and legal-form conditions only; what art. 7 of BVR-2016 says is not known, so every other condition, the public-participation bar included, still applies",
        parameter: None,
        shown_in: "PUBLIC_PARTICIPATION",
    },
    Choice {
        name: "main_activity_not_verified",
        what: "a main activity outside the known exclusions is accepted, with a notice, because the annex listing the accepted activities was not available",
        parameter: None,
        shown_in: "MAIN_ACTIVITY_NOT_VERIFIED",
    },
    Choice {
        name: "themes_2023",
        what: "all eight themes apply from 1 January 2023, although personeelsmanagement may have come later that year",
        parameter: None,
        shown_in: "RULEBOOK_UNCERTAIN",
    },
    Choice {
        name: "subtheme_decides",
        what: "a subtheme given with a theme it does not belong to is read with its own theme, as the subtheme alone would be, and the answer warns: the rules pair each subtheme with its theme but name no refusal",
        parameter: None,
        shown_in: "SUBTHEME_OF_OTHER_THEME",
    },
    Choice {
        name: "excluded_topics_from_2020",
        what: "the whole list of excluded topics applies from 1 July 2020: which topics came with the extension of July 2021 is not known",
        parameter: None,
        shown_in: "EXCLUDED_TOPIC",
    },
    Choice {
        name: "single_amount_is_eligible",
        what: "a single amount (service.cost) is taken as the eligible cost as it is: the caller who passes a whole invoice, catering or exam fees included, has them counted",
        parameter: None,
        shown_in: "eligible_cost",
    },
    Choice {
        name: "functionally_linked",
        what: "a catering or travel line is taken as functionally linked to the training: the library has no way to check it",
        parameter: None,
        shown_in: "cost_lines",
    },
    Choice {
        name: "advance_invoice_with_training",
        what: "an advance invoice is eligible with training: the sources exclude it only for advice",
        parameter: None,
        shown_in: "cost_lines",
    },
    Choice {
        name: "catering_with_advice",
        what: "catering is not eligible with advice: the sources allow it only with training",
        parameter: None,
        shown_in: "COST_ITEM_NOT_ELIGIBLE",
    },
    Choice {
        name: "travel_and_material_with_advice",
        what: "travel and course material follow the training's rules with advice too (eligible unless invoiced separately or not used only for the service): the sources speak of training only",
        parameter: None,
        shown_in: "cost_lines",
    },
    Choice {
        name: "cyber_start",
        what: "the cybersecurity uplift applies from 14 September 2021, as VLAIO says (applications after 13 September 2021); a minister's answer names 13 September 2021: a single day, so no parameter",
        parameter: None,
        shown_in: "BOUNDARY_DAY_CHOICE",
    },
    Choice {
        name: "energy_start",
        what: "the energy-efficiency uplift applies from 15 March 2023, the date of the ministerial decree; no source names the day itself",
        parameter: None,
        shown_in: "BOUNDARY_DAY_CHOICE",
    },
    Choice {
        name: "partial_aid",
        what: "when what is left of the year's ceiling is below rate × cost, the aid is capped at what is left; the law does not say what happens in between",
        parameter: None,
        shown_in: "AID_CAPPED_BY_CEILING",
    },
    Choice {
        name: "rounding",
        what: "the aid is rounded once, to the cent, half away from zero; the own share is the rest, so the parts add up",
        parameter: None,
        shown_in: "policies.rounding",
    },
    Choice {
        name: "fiscal_year",
        what: "the fiscal year is the calendar year unless the enterprise's fiscal year end is given",
        parameter: Some("enterprise.fiscal_year_end"),
        shown_in: "policies.fiscal_year",
    },
    Choice {
        name: "grant_date",
        what: "de minimis aid counts as granted on the application date, when the right to it is conferred; the rolling period ends that day",
        parameter: None,
        shown_in: "de_minimis.period_end",
    },
    Choice {
        name: "de_minimis_declared",
        what: "the earlier de minimis aid is the list the request gives, as declared on honour, the kmo-portefeuille's own earlier grants included; the aid a wallet already counts in the year (wallet.aid_used, a wallet's applications) counts against the yearly ceiling only, so no grant is counted twice",
        parameter: None,
        shown_in: "de_minimis.earlier",
    },
    Choice {
        name: "de_minimis_after_2030",
        what: "after 31 December 2030 Regulation 2023/2831 is still applied, with a notice: no later regulation is encoded",
        parameter: None,
        shown_in: "DE_MINIMIS_REGULATION_EXPIRED",
    },
    Choice {
        name: "no_rollover",
        what: "the last day to apply is the start + 14 calendar days, with no roll-over for weekends or holidays",
        parameter: None,
        shown_in: "trace.apply_by",
    },
    Choice {
        name: "own_share_deadline",
        what: "the own share is due 14 days after the application, as the provider's page says; the other sources' 30 days after the application or after the approval are the parameter's other values",
        parameter: Some("options.own_share_deadline"),
        shown_in: "policies.own_share_deadline",
    },
    Choice {
        name: "registration_plan",
        what: "without a registration date, a first-time plan counts from the application date (the engine has no clock); a letter expected on the last day to apply is in time",
        parameter: Some("options.portal_registration_date"),
        shown_in: "registration.register_by",
    },
    Choice {
        name: "link_bounds_the_plan",
        what: "when the activation link expires before the last day to apply, the plan has the company activate its account and apply while the link is valid",
        parameter: None,
        shown_in: "ACTIVATION_LINK_EXPIRES_FIRST",
    },
    Choice {
        name: "release_split",
        what: "releases already made when an application is stopped or lapses are split between own share and aid in proportion, rounded once to the cent; only the rest is refunded or returned",
        parameter: None,
        shown_in: "settlement",
    },
    Choice {
        name: "lapse_day",
        what: "an own share not paid by its deadline lapses the application on the day after the deadline, whenever the lapse is noticed; that day decides whether the aid returns to the year's budget",
        parameter: None,
        shown_in: "ended_on",
    },
];

/// Where capping the aid at what is left of the ceiling is cited: the ceiling's article, and the
/// library's choice of partial aid (`AID_CAPPED_BY_CEILING`).
pub const PARTIAL_AID_REFERENCE: &str = "BVR-2016 art. 18; [choice]";

/// The aid ceiling of one calendar year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Ceiling {
    /// The first calendar year of this row.
    pub from_year: i32,
    /// The ceiling for a small enterprise.
    pub small: Money,
    /// The ceiling for a medium enterprise.
    pub medium: Money,
    /// Where it is written.
    pub reference: &'static str,
}

impl Ceiling {
    /// The ceiling for a wallet class.
    pub fn for_class(&self, class: WalletClass) -> Money {
        match class {
            WalletClass::Small => self.small,
            WalletClass::Medium => self.medium,
        }
    }

    /// The ceiling when the wallet class is not known (a history that records no class for
    /// the year, a year without an application yet): from 2020 the one ceiling of both
    /// classes, known without the class; in 2016–2019, where the classes differ, the highest
    /// (the medium one) — an upper bound: the class fixed at the year's first application
    /// decides, and a small enterprise's ceiling is lower. A history is refused only above
    /// it.
    ///
    /// ```
    /// use kmo_core::ceiling_for;
    /// assert_eq!(ceiling_for(2026).unwrap().for_unknown_class().to_string(), "7500.00");
    /// assert_eq!(ceiling_for(2019).unwrap().for_unknown_class().to_string(), "15000.00");
    /// ```
    pub fn for_unknown_class(&self) -> Money {
        self.small.max(self.medium)
    }
}

/// The yearly aid ceilings, oldest first.
pub const CEILINGS: &[Ceiling] = &[
    Ceiling {
        from_year: 2016,
        small: eur(10_000),
        medium: eur(15_000),
        reference: "BVR-2016 art. 18",
    },
    // The one ceiling of EUR 7 500 is stated by the agency; MB-2019 changed the rates, and the
    // instrument that changed the ceiling is not identified here.
    Ceiling {
        from_year: 2020,
        small: eur(7_500),
        medium: eur(7_500),
        reference: "BVR-2016 art. 18; [official]",
    },
];

/// The ceiling row for the calendar year `year`, or `None` before 2016.
///
/// ```
/// use kmo_core::{ceiling_for, WalletClass};
/// assert_eq!(ceiling_for(2019).unwrap().for_class(WalletClass::Medium).to_string(), "15000.00");
/// assert_eq!(ceiling_for(2020).unwrap().for_class(WalletClass::Medium).to_string(), "7500.00");
/// ```
pub fn ceiling_for(year: i32) -> Option<&'static Ceiling> {
    // The rows are in year order (a test holds them so): a binary search.
    let after = CEILINGS.partition_point(|c| c.from_year <= year);
    after.checked_sub(1).map(|i| &CEILINGS[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "json")]
    #[test]
    fn an_open_question_cites_the_rule_it_is_about() {
        // From 15 March 2023 (MB-2023) the question about the 2023 themes is still about
        // BVR-2022; the one about the energy uplift's start is about MB-2023.
        for (date, refs) in [
            ("2023-01-01", &["BVR-2022"][..]),
            ("2023-03-15", &["BVR-2022", "MB-2023"][..]),
            ("2026-01-10", &[][..]),
            // Nothing re-verified after the reform of 1 February 2026 (VR-2026-01-23).
            ("2026-03-10", &["VR-2026-01-23"][..]),
        ] {
            let request = format!(
                r#"{{"application_date":"{date}","enterprise":{{"size":{{"class":"small"}}}},
                "service":{{"kind":"training","theme":"innovatie","cost":"2000"}}}}"#
            );
            let app = crate::json::parse_request(&request).unwrap();
            let a = crate::assess(&app.application).unwrap();
            let cited: Vec<_> = a
                .findings
                .iter()
                .filter(|f| f.code == C::RulebookUncertain)
                .map(|f| f.reference)
                .collect();
            assert_eq!(cited, refs, "{date}");
        }
    }

    #[test]
    fn editions_are_ordered_and_dates_real() {
        for pair in RULEBOOKS.windows(2) {
            assert!(pair[0].valid_from < pair[1].valid_from);
        }
        for book in RULEBOOKS {
            assert_ne!(book.valid_from, Date::MIN, "{}", book.id);
            assert_eq!(book.id, book.valid_from.to_string());
        }
    }

    #[test]
    fn ceilings_are_ordered_and_found_by_year() {
        for pair in CEILINGS.windows(2) {
            assert!(pair[0].from_year < pair[1].from_year);
        }
        for year in 1900..=2199 {
            let scan = CEILINGS.iter().rev().find(|c| c.from_year <= year);
            assert_eq!(ceiling_for(year), scan, "{year}");
        }
    }

    /// The binary search finds the edition a scan from the latest finds, on every day.
    #[test]
    fn the_edition_of_every_day_is_the_scan_s() {
        let mut day = ymd(2010, Month::January, 1);
        while day.year() < 2032 {
            let scan = RULEBOOKS.iter().rev().find(|b| b.valid_from <= day);
            assert_eq!(rulebook_for(day), scan, "{day}");
            day = day.next_day().unwrap();
        }
    }

    #[test]
    fn each_edition_starts_on_its_day() {
        for book in RULEBOOKS {
            let day_before = book.valid_from.previous_day().unwrap();
            assert_eq!(rulebook_for(book.valid_from).unwrap().id, book.id);
            assert_ne!(rulebook_for(day_before).map(|b| b.id), Some(book.id));
        }
    }
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    /// Every edition and uplift cites the instrument that made it.
    #[test]
    fn every_edition_cites_its_instrument() {
        let refs: Vec<(&str, &str)> = RULEBOOKS.iter().map(|b| (b.id, b.reference)).collect();
        assert_eq!(
            refs,
            [
                ("2016-04-01", "BVR-2016"),
                ("2019-12-01", "MB-2019"),
                ("2020-07-01", "[3p]"),
                ("2021-09-14", "MB-2021"),
                ("2023-01-01", "BVR-2022"),
                ("2023-03-15", "MB-2023"),
                ("2026-01-01", "BVR-2025"),
                ("2026-02-01", "VR-2026-01-23"),
            ]
        );
        let last = RULEBOOKS.last().unwrap();
        let cyber = last
            .uplift(Subtheme::Cybersecurity, ServiceKind::Advice)
            .unwrap();
        assert_eq!(cyber.reference, "MB-2021");
        let energy = last
            .uplift(Subtheme::EnergyEfficiency, ServiceKind::Training)
            .unwrap();
        assert_eq!(energy.reference, "MB-2023; VR-2026-01-23");
        // The open questions stay visible where they apply.
        assert_eq!(
            RULEBOOKS[4].uncertain,
            [("uncertain_themes_2023", "BVR-2022")]
        );
        assert_eq!(
            RULEBOOKS[5].uncertain,
            [
                ("uncertain_themes_2023", "BVR-2022"),
                ("uncertain_energy_start", "MB-2023")
            ]
        );
        assert_eq!(
            RULEBOOKS.last().unwrap().status,
            Some("status_current_2026")
        );
        assert!(RULEBOOKS[6].uncertain.is_empty() && RULEBOOKS[0].uncertain.is_empty());
    }
}
