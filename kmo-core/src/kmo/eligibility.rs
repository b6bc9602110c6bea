//! Who may use the kmo-portefeuille and for what. Each rule is one function that reports its
//! finding; every reason that applies is reported, not only the first.
//!
//! A `ref` names where the rule is written; where no legal text we could read states it, it
//! says so: `[official]` (the administering agency's pages), `[3p]` (third parties only),
//! `[choice]` (the library's own reading). How sure each rule is: `docs/rules.md`.
//!
//! | Rule | Reference |
//! |---|---|
//! | small or medium under the SME definition; large only as a recognised maatwerkbedrijf from 2026 | `REC-2003/361 art. 2`; `BVR-2025` |
//! | less than 25 % held by public bodies (for a maatwerkbedrijf, applying it is a choice) | `REC-2003/361 art. 3(4)` (`; [choice]`) |
//! | an operating site in the Flemish Region | `[official]` |
//! | an admitted legal form (waived for a maatwerkbedrijf from 2026) | `BVR-2016 art. 4` |
//! | a main activity outside agriculture, forestry and fisheries | `MB-2016 art. 3; [3p]` (`; [choice]` for a code not verified) |
//! | provider and enterprise not related | `[official]` |
//! | active in the KBO/BCE | `[3p]` |
//! | a provider registered for the service | `BVR-2016 art. 9` |
//! | a theme (from 2023), advice only for cybersecurity (from February 2026), no excluded topic (from July 2020) | `BVR-2022`; `VR-2026-01-23`; `[3p]` |
//! | applied at the latest 14 days after the start | `[official]` |

use time::Date;

use smallvec::smallvec;

use crate::application::Enterprise;
use crate::coded::FindingCode as C;
use crate::coded::SizeClass;
use crate::coded::{ExcludedTopic, ServiceKind, Subtheme, Theme};
use crate::findings::Sink;
use crate::identifiers::ProviderNumber;
use crate::kmo::rulebook::{Rulebook, RULEBOOKS};
use crate::message::Arg;
use crate::sme::relations::publicly_controlled;
use crate::units::Percent;

/// Whether the maatwerkbedrijf exception of BVR-2025 applies: a recognised maatwerkbedrijf,
/// applying from 1 January 2026. Neither the legal-form condition (BVR-2016 art. 4, first
/// paragraph) nor art. 7 applies to it, and it is eligible whatever its size.
///
/// ```
/// use kmo_core::{parse_date, rulebook_for, Enterprise, SizeClass, SizeInput};
/// use kmo_core::rules::maatwerkbedrijf_applies;
/// let e = Enterprise { maatwerkbedrijf: true, ..Enterprise::new(SizeInput::Declared(SizeClass::Large)) };
/// assert!(!maatwerkbedrijf_applies(rulebook_for(parse_date("2025-12-31")?), &e));
/// assert!(maatwerkbedrijf_applies(rulebook_for(parse_date("2026-01-01")?), &e));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn maatwerkbedrijf_applies(book: Option<&Rulebook>, enterprise: &Enterprise) -> bool {
    enterprise.maatwerkbedrijf && book.is_some_and(|b| b.maatwerkbedrijf.is_some())
}

/// Whether the size excludes the enterprise: large, and not a maatwerkbedrijf under BVR-2025.
///
/// ```
/// use kmo_core::SizeClass;
/// use kmo_core::rules::too_large;
/// assert!(too_large(SizeClass::Large, false));
/// assert!(!too_large(SizeClass::Large, true));
/// assert!(!too_large(SizeClass::Medium, false));
/// ```
pub fn too_large(class: SizeClass, maatwerk: bool) -> bool {
    class == SizeClass::Large && !maatwerk
}

/// Small or medium under the SME definition; large only as a recognised maatwerkbedrijf from
/// 2026 (BVR-2025).
pub(crate) fn size(class: SizeClass, maatwerk: bool, out: &mut impl Sink) {
    if too_large(class, maatwerk) {
        out.blocking(C::EnterpriseTooLarge, "REC-2003/361 art. 2", || smallvec![]);
    }
}

/// Public participation below 25 % (REC-2003/361 art. 3(4)). For a recognised maatwerkbedrijf
/// from 2026 the library keeps the condition (a **choice**: the 2025 amendment waives art. 4,
/// first paragraph, and art. 7 of BVR-2016, and what art. 7 says is not known to us), and its
/// reference says so.
pub(crate) fn private_sector(public_pct: Percent, maatwerk: bool, out: &mut impl Sink) {
    if publicly_controlled(public_pct) {
        let reference = if maatwerk {
            "REC-2003/361 art. 3(4); [choice]"
        } else {
            "REC-2003/361 art. 3(4)"
        };
        out.blocking(C::PublicParticipation, reference, || {
            smallvec![public_pct.into()]
        });
    }
}

/// An operating site in the Flemish Region.
pub(crate) fn establishment(flemish: Option<bool>, out: &mut impl Sink) {
    match flemish {
        Some(true) => {}
        Some(false) => out.blocking(C::NoFlemishEstablishment, "[official]", || smallvec![]),
        None => out.info(C::EstablishmentNotChecked, "[official]", || smallvec![]),
    }
}

/// The legal form (BVR-2016 art. 4), waived for a maatwerkbedrijf from 2026.
pub(crate) fn legal_form(enterprise: &Enterprise, maatwerk: bool, out: &mut impl Sink) {
    match enterprise.legal_form {
        _ if maatwerk => {}
        Some(form) if !form.is_eligible() => {
            out.blocking(C::LegalFormNotEligible, "BVR-2016 art. 4", || {
                smallvec![form.as_str().into()]
            })
        }
        Some(_) => {}
        None => out.info(C::LegalFormNotChecked, "BVR-2016 art. 4", || smallvec![]),
    }
}

/// NACE divisions excluded as main activity: primary agriculture, forestry, fisheries.
pub const EXCLUDED_DIVISIONS: [u8; 3] = [1, 2, 3];

/// The main activity (MB-2016 art. 3). The annex was not available: the known exclusions come
/// from third parties (`[3p]`) and block; anything else is accepted with a notice (a
/// **choice**).
pub(crate) fn main_activity(enterprise: &Enterprise, out: &mut impl Sink) {
    match enterprise.nace {
        Some(code) if EXCLUDED_DIVISIONS.contains(&code.division()) => {
            out.blocking(C::MainActivityExcluded, "MB-2016 art. 3; [3p]", || {
                smallvec![code.into()]
            })
        }
        Some(code) => out.info(
            C::MainActivityNotVerified,
            "MB-2016 art. 3; [choice]",
            || smallvec![code.into()],
        ),
        None => out.info(
            C::MainActivityNotChecked,
            "MB-2016 art. 3; [3p]",
            || smallvec![],
        ),
    }
}

/// Provider and enterprise not related.
pub(crate) fn related_parties(related: Option<bool>, out: &mut impl Sink) {
    match related {
        Some(true) => out.blocking(C::RelatedToProvider, "[official]", || smallvec![]),
        Some(false) => {}
        None => out.info(C::RelatedPartiesNotChecked, "[official]", || smallvec![]),
    }
}

/// Active in the KBO/BCE (only when the caller says it is not); stated by third parties only.
pub(crate) fn registered(active: Option<bool>, out: &mut impl Sink) {
    if active == Some(false) {
        out.blocking(C::NotActiveInKbo, "[3p]", || smallvec![]);
    }
}

/// A provider registered for this service (the letter of the number).
pub(crate) fn provider(provider: Option<ProviderNumber>, kind: ServiceKind, out: &mut impl Sink) {
    match provider {
        Some(number) if number.service() != kind => out.blocking(
            C::ProviderNotRegisteredForService,
            "BVR-2016 art. 9",
            || {
                smallvec![
                    Arg::from(number.to_string()),
                    Arg::Word(number.service().as_str()),
                    Arg::Word(kind.as_str()),
                ]
            },
        ),
        Some(_) => {}
        None => out.info(C::ProviderNotChecked, "BVR-2016 art. 9", || smallvec![]),
    }
}

/// What a service is about, for the scope rules.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scope {
    pub(crate) date: Date,
    pub(crate) kind: ServiceKind,
    pub(crate) theme: Option<Theme>,
    pub(crate) subtheme: Option<Subtheme>,
    pub(crate) excluded_topic: Option<ExcludedTopic>,
    pub(crate) start_date: Option<Date>,
}

/// Where a subtheme given with another theme is cited: the themes and their subthemes
/// (BVR-2022), and the library's reading of the pair (`[choice: subtheme_decides]`).
pub(crate) const SUBTHEME_OF_OTHER_THEME_REFERENCE: &str = "BVR-2022; [choice]";

/// A subtheme given with a theme it does not belong to (`SUBTHEME_OF_OTHER_THEME`, a warning);
/// themes (from 2023), advice only for cybersecurity (from February 2026), excluded topics
/// (from July 2020), and themes or subthemes given on a date they have no effect.
pub(crate) fn service_scope(book: &Rulebook, s: Scope, out: &mut impl Sink) {
    if let (Some(theme), Some(sub)) = (s.theme, s.subtheme) {
        if sub.theme() != theme {
            out.warning(
                C::SubthemeOfOtherTheme,
                SUBTHEME_OF_OTHER_THEME_REFERENCE,
                || {
                    smallvec![
                        Arg::Word(sub.as_str()),
                        Arg::Word(sub.theme().as_str()),
                        Arg::Word(theme.as_str()),
                    ]
                },
            );
        }
    }
    if let Some(reference) = theme_missing(book, s.theme, s.subtheme) {
        out.blocking(C::ThemeRequired, reference, || smallvec![]);
    }
    if let (None, Some(theme)) = (book.themes_required, s.theme) {
        out.info(C::ThemeNotInForce, "BVR-2022", || {
            smallvec![theme.as_str().into(), s.date.into()]
        });
    }
    if let Some(reference) = advice_not_allowed(book, s.kind, s.subtheme) {
        out.blocking(C::AdviceOnlyCybersecurity, reference, || smallvec![]);
    }
    if let Some(reference) = advice_across_the_reform(book, s) {
        out.info(C::RulebookUncertain, reference, || {
            smallvec![Arg::Word("uncertain_advice_transition")]
        });
    }
    match (book.excluded_topics, s.excluded_topic) {
        (Some(reference), Some(topic)) => out.blocking(C::ExcludedTopic, reference, || {
            smallvec![topic.as_str().into()]
        }),
        (None, Some(topic)) => {
            // The list applies from the first edition that has it.
            let first = RULEBOOKS.iter().find_map(|b| b.excluded_topics);
            out.info(
                C::ExcludedTopicNotInForce,
                first.unwrap_or(book.reference),
                || smallvec![topic.as_str().into(), s.date.into()],
            );
        }
        _ => {}
    }
    if let Some(sub) = s.subtheme {
        if book.uplift(sub, s.kind).is_none() {
            out.info(C::SubthemeNotInForce, uplift_reference(book, sub), || {
                smallvec![Arg::Word(sub.as_str()), s.date.into()]
            });
        }
    }
}

/// The instrument that gives (or, for this service, limits) the uplift of `subtheme`: the
/// edition's own uplift of the subtheme when it has one, else the first edition's that had one.
fn uplift_reference(book: &Rulebook, subtheme: Subtheme) -> &'static str {
    book.uplifts
        .iter()
        .chain(RULEBOOKS.iter().flat_map(|b| b.uplifts))
        .find(|u| u.subtheme == subtheme)
        .map_or(book.reference, |u| u.reference)
}

/// From 2023 (BVR-2022) a service must fall within a theme; a subtheme implies its theme.
/// Returns the reference when the theme is missing.
pub fn theme_missing(
    book: &Rulebook,
    theme: Option<Theme>,
    subtheme: Option<Subtheme>,
) -> Option<&'static str> {
    match (
        book.themes_required,
        theme.or(subtheme.map(Subtheme::theme)),
    ) {
        (Some(reference), None) => Some(reference),
        _ => None,
    }
}

/// Advice other than cybersecurity applied for before advice was limited to cybersecurity
/// (1 February 2026, `VR-2026-01-23`) and starting on or after that day: no transitional rule is
/// known (an open question); the answer follows the application date and notes it. Returns the
/// reference of the limit.
fn advice_across_the_reform(book: &Rulebook, s: Scope) -> Option<&'static str> {
    if s.kind != ServiceKind::Advice
        || s.subtheme == Some(Subtheme::Cybersecurity)
        || book.advice_only_cybersecurity.is_some()
    {
        return None;
    }
    let start = s.start_date?;
    RULEBOOKS
        .iter()
        .find(|b| b.advice_only_cybersecurity.is_some())
        .filter(|limit| start >= limit.valid_from)
        .and_then(|limit| limit.advice_only_cybersecurity)
}

/// From 1 February 2026 (VR-2026-01-23) advice only for cybersecurity. Returns the reference
/// when the service is advice on anything else.
pub fn advice_not_allowed(
    book: &Rulebook,
    kind: ServiceKind,
    subtheme: Option<Subtheme>,
) -> Option<&'static str> {
    book.advice_only_cybersecurity
        .filter(|_| kind == ServiceKind::Advice && subtheme != Some(Subtheme::Cybersecurity))
}

/// The application must come at the latest 14 calendar days after the start (`apply_by`).
pub(crate) fn on_time(
    application_date: Date,
    apply_by: Option<Date>,
    reference: &'static str,
    out: &mut impl Sink,
) {
    match apply_by {
        Some(last) if application_date > last => {
            out.blocking(C::ApplicationTooLate, reference, || {
                smallvec![Arg::from(application_date), Arg::from(last)]
            })
        }
        Some(_) => {}
        None => out.info(C::StartDateNotGiven, reference, || smallvec![]),
    }
}
