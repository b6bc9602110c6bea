//! Who may use the kmo-portefeuille and for what (RULES.md §3 and §4.1). Each rule is one
//! function that adds its finding; every reason that applies is reported, not only the first.

use crate::application::{Application, Enterprise, Service};
use crate::findings::{Arg, Finding, FindingCode as C, Severity};
use crate::kmo::rulebook::Rulebook;
use crate::kmo::service::{ServiceKind, Subtheme, Theme};
use crate::sme::SizeClass;
use crate::units::Percent;

fn blocking(code: C, reference: &'static str, args: Vec<Arg>) -> Finding {
    Finding::new(code, Severity::Blocking, reference, args)
}

fn info(code: C, reference: &'static str, args: Vec<Arg>) -> Finding {
    Finding::new(code, Severity::Info, reference, args)
}

/// Whether the maatwerkbedrijf exception of BVR-2025 applies (a recognised maatwerkbedrijf,
/// application from 1 January 2026).
pub fn maatwerkbedrijf_applies(book: Option<&Rulebook>, enterprise: &Enterprise) -> bool {
    enterprise.maatwerkbedrijf && book.is_some_and(|b| b.maatwerkbedrijf.is_some())
}

/// §3 item 1: small or medium under the SME definition; large only as a recognised
/// maatwerkbedrijf from 2026 (BVR-2025).
pub fn size(class: SizeClass, maatwerk: bool, out: &mut Vec<Finding>) {
    if too_large(class, maatwerk) {
        out.push(blocking(
            C::EnterpriseTooLarge,
            "REC-2003/361 art. 2",
            vec![],
        ));
    }
}

/// Whether the size excludes the enterprise: large, and not a maatwerkbedrijf under BVR-2025.
pub fn too_large(class: SizeClass, maatwerk: bool) -> bool {
    class == SizeClass::Large && !maatwerk
}

/// §3 item 3: public participation below 25 % (REC-2003/361 art. 3(4)).
pub fn private_sector(public_pct: Percent, out: &mut Vec<Finding>) {
    if public_pct >= Percent::from_whole(25) {
        out.push(blocking(
            C::PublicParticipation,
            "REC-2003/361 art. 3(4)",
            vec![public_pct.into()],
        ));
    }
}

/// §3 item 2: an operating site in the Flemish Region.
pub fn establishment(flemish: Option<bool>, out: &mut Vec<Finding>) {
    match flemish {
        Some(true) => {}
        Some(false) => out.push(blocking(C::NoFlemishEstablishment, "BVR-2016", vec![])),
        None => out.push(info(C::EstablishmentNotChecked, "BVR-2016", vec![])),
    }
}

/// §3 item 4: the legal form (BVR-2016 art. 4), waived for a maatwerkbedrijf from 2026.
pub fn legal_form(enterprise: &Enterprise, maatwerk: bool, out: &mut Vec<Finding>) {
    match enterprise.legal_form {
        _ if maatwerk => {}
        Some(form) if !form.is_eligible() => out.push(blocking(
            C::LegalFormNotEligible,
            "BVR-2016 art. 4",
            vec![form.as_str().into()],
        )),
        Some(_) => {}
        None => out.push(info(C::LegalFormNotChecked, "BVR-2016 art. 4", vec![])),
    }
}

/// NACE divisions excluded as main activity: primary agriculture, forestry, fisheries.
pub const EXCLUDED_DIVISIONS: [u8; 3] = [1, 2, 3];

/// §3 item 5: the main activity (MB-2016 art. 3). Known exclusions block; anything else is
/// accepted with a notice that the annex was not available.
pub fn main_activity(enterprise: &Enterprise, out: &mut Vec<Finding>) {
    match enterprise.nace {
        Some(code) if EXCLUDED_DIVISIONS.contains(&code.division()) => out.push(blocking(
            C::MainActivityExcluded,
            "MB-2016 art. 3",
            vec![code.into()],
        )),
        Some(code) => out.push(info(
            C::MainActivityNotVerified,
            "MB-2016 art. 3",
            vec![code.into()],
        )),
        None => out.push(info(C::MainActivityNotChecked, "MB-2016 art. 3", vec![])),
    }
}

/// §3 item 6: provider and enterprise not related.
pub fn related_parties(related: Option<bool>, out: &mut Vec<Finding>) {
    match related {
        Some(true) => out.push(blocking(C::RelatedToProvider, "BVR-2016", vec![])),
        Some(false) => {}
        None => out.push(info(C::RelatedPartiesNotChecked, "BVR-2016", vec![])),
    }
}

/// §3 item 9: active in the KBO/BCE (only when the caller says it is not).
pub fn registered(active: Option<bool>, out: &mut Vec<Finding>) {
    if active == Some(false) {
        out.push(blocking(C::NotActiveInKbo, "BVR-2016", vec![]));
    }
}

/// §3 item 8: a provider registered for this service (the letter of the number).
pub fn provider(service: &Service, out: &mut Vec<Finding>) {
    match service.provider {
        Some(number) if number.service() != service.kind => out.push(blocking(
            C::ProviderNotRegisteredForService,
            "BVR-2016 art. 9",
            vec![
                Arg::from(number.to_string()),
                Arg::Word(number.service().as_str()),
                Arg::Word(service.kind.as_str()),
            ],
        )),
        Some(_) => {}
        None => out.push(info(C::ProviderNotChecked, "BVR-2016 art. 9", vec![])),
    }
}

/// §4.1: themes (from 2023), advice only for cybersecurity (from February 2026), excluded
/// topics (from July 2020), and themes or subthemes given on a date they have no effect.
pub fn service_scope(app: &Application, book: &Rulebook, out: &mut Vec<Finding>) {
    let service = &app.service;
    let date = || Arg::from(app.application_date);
    if let Some(reference) = theme_missing(book, service.theme, service.subtheme) {
        out.push(blocking(C::ThemeRequired, reference, vec![]));
    }
    if let (None, Some(theme)) = (book.themes_required, service.theme) {
        out.push(info(
            C::ThemeNotInForce,
            "BVR-2022",
            vec![theme.as_str().into(), date()],
        ));
    }
    if let Some(reference) = advice_not_allowed(book, service.kind, service.subtheme) {
        out.push(blocking(C::AdviceOnlyCybersecurity, reference, vec![]));
    }
    if let (Some(reference), Some(topic)) = (book.excluded_topics, service.excluded_topic) {
        out.push(blocking(
            C::ExcludedTopic,
            reference,
            vec![topic.as_str().into()],
        ));
    }
    if let Some(sub) = service.subtheme {
        if book.uplift(sub, service.kind).is_none() {
            out.push(info(
                C::SubthemeNotInForce,
                book.reference,
                vec![Arg::Word(sub.as_str()), date()],
            ));
        }
    }
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

/// §5: the application must come at the latest 14 calendar days after the start.
pub fn on_time(
    app: &Application,
    apply_by: Option<time::Date>,
    book_ref: &'static str,
    out: &mut Vec<Finding>,
) {
    match apply_by {
        Some(last) if app.application_date > last => out.push(blocking(
            C::ApplicationTooLate,
            book_ref,
            vec![Arg::from(app.application_date), Arg::from(last)],
        )),
        Some(_) => {}
        None => out.push(info(C::StartDateNotGiven, book_ref, vec![])),
    }
}
