//! The size the kmo-portefeuille applies: the class under the SME definition (REC-2003/361),
//! the class fixed for the calendar year at its first successful application, micro counted as
//! small, and a large recognised maatwerkbedrijf counted as medium (BVR-2025).

use time::Date;

use smallvec::smallvec;

use crate::application::SizeInput;
use crate::coded::{FindingCode as C, TraceStepName};
use crate::coded::{SizeClass, WalletClass};
use crate::findings::{Sink, TraceStep};
use crate::kmo::rulebook::RULEBOOKS;
use crate::message::Arg;
#[cfg(feature = "full-sme")]
use crate::sme::definition::SmeDefinition;
#[cfg(feature = "full-sme")]
use crate::sme::relations::{Relation, BUSINESS_ANGEL_LIMIT, BUSINESS_ANGEL_LIMIT_REFERENCE};
use crate::sme::small_mid_cap::small_mid_cap_of;
use crate::sme::small_mid_cap::REFERENCE as SMALL_MID_CAP_REF;
use crate::sme::SmeStatus;
use crate::units::Percent;

/// How the class was obtained: `declared`, `figures` or `definition`.
pub(crate) fn source(input: &SizeInput) -> &'static str {
    match input {
        SizeInput::Declared(_) => "declared",
        SizeInput::Figures(_) => "figures",
        #[cfg(feature = "full-sme")]
        SizeInput::Full(_) => "definition",
    }
}

/// Classifies an enterprise under the SME definition (REC-2003/361): its size class (art. 2,
/// from a declared class, one period's figures, or the full definition with its periods, partner
/// and linked enterprises), whether it is an SME at all (not large, and less than 25 % held by
/// public bodies: the share declared, or found in the ownership graph, whichever is greater;
/// art. 3(4)), and whether it is a small mid-cap. The one way to classify: the classification
/// answer and [`assess`](crate::assess()) both ask here.
///
/// ```
/// use kmo_core::{classify, AnnualWorkUnits, Figures, Money, Percent, SizeClass, SizeInput};
/// let big = SizeInput::Figures(Figures {
///     staff: AnnualWorkUnits::whole(300)?, turnover: Money::from_euro(100_000_000),
///     balance_sheet: Money::from_euro(90_000_000) });
/// let s = classify(&big, Percent::ZERO);
/// assert_eq!(s.class, SizeClass::Large);
/// assert!(!s.is_sme && s.small_mid_cap);
/// // A small enterprise a quarter held by public bodies is not an SME.
/// let held = classify(&SizeInput::Declared(SizeClass::Small), Percent::parse("25")?);
/// assert!(!held.is_sme);
/// assert!(classify(&SizeInput::Declared(SizeClass::Small), Percent::parse("24.99")?).is_sme);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[cfg_attr(not(kmo_size), inline(always))]
pub fn classify(input: &SizeInput, declared_public: Percent) -> SmeStatus {
    match input {
        SizeInput::Declared(class) => SmeStatus::new(*class, declared_public, None),
        SizeInput::Figures(figures) => {
            // The figures in cents, compared in integers (no conversion to decimals).
            let class = figures.class();
            SmeStatus {
                small_mid_cap: small_mid_cap_of(class, figures),
                ..SmeStatus::new(class, declared_public, None)
            }
        }
        #[cfg(feature = "full-sme")]
        SizeInput::Full(def) => full_status(def, declared_public),
    }
}

/// [`classify`] the full SME definition.
#[cfg(feature = "full-sme")]
fn full_status(def: &SmeDefinition, declared_public: Percent) -> SmeStatus {
    SmeStatus::new(
        def.class(),
        declared_public.max(def.public_share()),
        Some(&def.figures()),
    )
}

/// The size class under the SME definition (REC-2003/361 art. 2, 4, 6), with the full
/// definition's periods and weights in the trace, and the notices of the two-period rule, an
/// estimate and a small mid-cap.
pub(crate) fn classify_size(
    input: &SizeInput,
    declared_public: Percent,
    out: &mut impl Sink,
) -> SmeStatus {
    let status = classify(input, declared_public);
    #[cfg(feature = "full-sme")]
    if let SizeInput::Full(def) = input {
        definition_steps(def, out);
        definition_notices(def, out);
    }
    out.step(|| {
        TraceStep::of(
            TraceStepName::SizeClass,
            "REC-2003/361 art. 2",
            status.class.as_str(),
            smallvec![Arg::Word(status.class.as_str()), Arg::Word(source(input))],
        )
    });
    if status.small_mid_cap {
        out.info(C::SmallMidCap, SMALL_MID_CAP_REF, || smallvec![]);
    }
    status
}

/// The full definition's trace: each period's figures and status, each entity of the latest
/// period with its weight (or why it is not added).
#[cfg(feature = "full-sme")]
fn definition_steps(def: &SmeDefinition, out: &mut impl Sink) {
    for (i, period) in def.periods().iter().enumerate() {
        let f = &period.aggregation.figures;
        out.step(|| {
            TraceStep::of(
                TraceStepName::SmePeriod,
                "REC-2003/361 art. 4(2), art. 6",
                period.status.as_str(),
                smallvec![
                    // Its closing date, or without one its place in the list (1 first),
                    // as text (the response reads it back as the text it shows).
                    period
                        .closing_date
                        .map_or_else(|| Arg::from((i + 1).to_string()), Arg::from),
                    f.staff.normalize().into(),
                    f.turnover.normalize().into(),
                    f.balance_sheet.normalize().into(),
                    Arg::Word(period.raw.as_str()),
                    Arg::Word(period.status.as_str()),
                ],
            )
        });
    }
    if let Some(last) = def.periods().last() {
        for c in &last.aggregation.contributions {
            out.step(|| {
                // An entity not added says why, without a weight (its value is 0).
                let (name, args) = match c.relation.not_added_why() {
                    Some(why) => (
                        TraceStepName::SmeNotAdded,
                        smallvec![c.id.clone().into(), Arg::Word(why)],
                    ),
                    None => (
                        TraceStepName::SmeWeight,
                        smallvec![
                            c.id.clone().into(),
                            Arg::Word(c.relation.as_str()),
                            c.weight.normalize().into(),
                        ],
                    ),
                };
                TraceStep::of(name, c.relation.reference(), c.weight.normalize(), args)
            });
        }
    }
}

/// The full definition's notices: the links through persons left untested, the business
/// angels at the limit, the two-period rule, an estimate.
#[cfg(feature = "full-sme")]
fn definition_notices(def: &SmeDefinition, out: &mut impl Sink) {
    // The links through persons left untested, and the business angels at the limit, of
    // every period (each once).
    let periods = def.periods();
    let mut seen: Vec<&(String, String)> = Vec::new();
    for m in periods
        .iter()
        .flat_map(|p| &p.aggregation.markets_not_given)
    {
        if !seen.contains(&m) {
            seen.push(m);
            out.info(
                C::MarketNotGiven,
                Relation::NaturalPerson.reference(),
                || smallvec![m.0.clone().into(), m.1.clone().into()],
            );
        }
    }
    let mut angels: Vec<&String> = Vec::new();
    for id in periods.iter().flat_map(|p| &p.aggregation.angels_at_limit) {
        if !angels.contains(&id) {
            angels.push(id);
            out.info(
                C::BusinessAngelAtLimit,
                BUSINESS_ANGEL_LIMIT_REFERENCE,
                || smallvec![id.clone().into(), BUSINESS_ANGEL_LIMIT.into()],
            );
        }
    }
    if let Some(last) = def.periods().last() {
        if last.raw != last.status {
            out.info(C::TwoPeriodRuleApplied, "REC-2003/361 art. 4(2)", || {
                smallvec![
                    Arg::Word(last.raw.as_str()),
                    Arg::Word(last.status.as_str()),
                ]
            });
        }
    }
    if def.rests_on_estimate() {
        out.info(
            C::SizeFromEstimate,
            "REC-2003/361 art. 4(3)",
            || smallvec![],
        );
    }
}

/// The class that holds for the year: the class fixed at the year's first application when
/// there is one, else the class of this application (RULES: fixed at the first successful
/// application of a calendar year) [official]. [`year_class`] applies it in the pipeline; the
/// wallet records it with each application.
pub(crate) fn class_of_year(fixed: Option<SizeClass>, computed: SizeClass) -> SizeClass {
    fixed.unwrap_or(computed)
}

/// The class that holds for the application: the one fixed at the first successful
/// application of the calendar year, when there was one (it holds for the rest of that year),
/// else the class computed now.
pub(crate) fn year_class(
    date: Date,
    fixed: Option<SizeClass>,
    computed: SizeClass,
    out: &mut impl Sink,
) -> SizeClass {
    if let Some(fixed) = fixed.filter(|f| *f != computed) {
        out.info(C::SizeClassFixedForYear, "[official]", || {
            smallvec![
                date.year().into(),
                Arg::Word(fixed.as_str()),
                Arg::Word(computed.as_str()),
            ]
        });
    }
    class_of_year(fixed, computed)
}

/// The class the wallet's rates and ceilings use: micro and small as small, medium as medium,
/// a large enterprise only as a recognised maatwerkbedrijf from 2026, then as medium
/// (BVR-2025). The one place this is decided; the faces ask here.
///
/// ```
/// use kmo_core::{wallet_class, SizeClass, WalletClass};
/// assert_eq!(wallet_class(SizeClass::Micro, false), Some(WalletClass::Small));
/// assert_eq!(wallet_class(SizeClass::Large, false), None);
/// assert_eq!(wallet_class(SizeClass::Large, true), Some(WalletClass::Medium));
/// ```
pub fn wallet_class(class: SizeClass, maatwerk: bool) -> Option<WalletClass> {
    match class {
        SizeClass::Micro | SizeClass::Small => Some(WalletClass::Small),
        SizeClass::Medium => Some(WalletClass::Medium),
        SizeClass::Large if maatwerk => Some(WalletClass::Medium),
        SizeClass::Large => None,
    }
}

/// The wallet class of the size class recorded for a calendar year (a wallet's year budget): as
/// [`wallet_class`], a recorded large class counting as medium only in a year whose rulebook
/// admits a recognised maatwerkbedrijf (BVR-2025, from 2026) — the only large enterprise the
/// wallet records. Before that year a large class has no wallet class, and so no ceiling.
///
/// ```
/// use kmo_core::{SizeClass, WalletClass};
/// use kmo_core::rules::wallet_class_in_year;
/// assert_eq!(wallet_class_in_year(SizeClass::Micro, 2020), Some(WalletClass::Small));
/// assert_eq!(wallet_class_in_year(SizeClass::Large, 2025), None);
/// assert_eq!(wallet_class_in_year(SizeClass::Large, 2026), Some(WalletClass::Medium));
/// ```
pub fn wallet_class_in_year(class: SizeClass, year: i32) -> Option<WalletClass> {
    // The latest edition in force during the year.
    let admits_maatwerk = RULEBOOKS
        .iter()
        .rev()
        .find(|book| book.valid_from.year() <= year)
        .is_some_and(|book| book.maatwerkbedrijf.is_some());
    wallet_class(class, class == SizeClass::Large && admits_maatwerk)
}

/// [`wallet_class`], with its notices and trace.
pub(crate) fn wallet_class_step(
    class: SizeClass,
    maatwerk: bool,
    out: &mut impl Sink,
) -> Option<WalletClass> {
    let wc = wallet_class(class, maatwerk);
    if maatwerk {
        out.info(
            C::MaatwerkbedrijfRuleApplied,
            "BVR-2025; BVR-2016 art. 4, art. 7",
            || smallvec![],
        );
    }
    if class == SizeClass::Micro {
        out.info(C::MicroCountsAsSmall, "BVR-2016 art. 18", || smallvec![]);
    }
    if let Some(wc) = wc {
        out.step(|| {
            TraceStep::of(
                TraceStepName::WalletClass,
                "BVR-2016 art. 18",
                wc.as_str(),
                smallvec![Arg::Word(wc.as_str())],
            )
        });
    }
    wc
}
