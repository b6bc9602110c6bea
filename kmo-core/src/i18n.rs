//! Messages in Dutch (default), French and English.
//!
//! Every finding code and trace step has one template per language; `{0}`, `{1}` … are replaced
//! by the values the finding or step carries. Wording is for a Flemish entrepreneur, not a
//! lawyer.

use crate::error::InputError;
use crate::kmo::service::{coded_enum, parse_code};
use core::fmt;

coded_enum!(
    /// The language of messages.
    ///
    /// ```
    /// use kmo_core::Lang;
    /// assert_eq!(Lang::parse("fr").unwrap(), Lang::Fr);
    /// assert_eq!(Lang::default(), Lang::Nl);
    /// ```
    Lang, "language", {
        /// Nederlands (default).
        Nl => "nl",
        /// Français.
        Fr => "fr",
        /// English.
        En => "en",
    }
);

impl Default for Lang {
    fn default() -> Lang {
        Lang::Nl
    }
}

/// `(nl, fr, en)` templates for a key (a finding code or a trace step name).
fn templates(key: &str) -> (&'static str, &'static str, &'static str) {
    match key {
        // ---- findings: blocking -------------------------------------------------------------
        "NO_RULEBOOK_FOR_DATE" => (
            "Voor een aanvraag op {0} bestaat geen regelgeving in deze bibliotheek: de huidige kmo-portefeuille geldt voor aanvragen vanaf 1 april 2016.",
            "Aucune réglementation n'est encodée pour une demande du {0} : le portefeuille PME actuel vaut pour les demandes à partir du 1er avril 2016.",
            "No rulebook covers an application on {0}: the current kmo-portefeuille applies to applications from 1 April 2016.",
        ),
        "ENTERPRISE_TOO_LARGE" => (
            "Een grote onderneming kan de kmo-portefeuille niet gebruiken; alleen kleine en middelgrote ondernemingen volgens de Europese kmo-definitie.",
            "Une grande entreprise ne peut pas utiliser le portefeuille PME ; seules les petites et moyennes entreprises au sens de la définition européenne y ont droit.",
            "A large enterprise cannot use the kmo-portefeuille; only small and medium-sized enterprises under the European SME definition can.",
        ),
        "PUBLIC_PARTICIPATION" => (
            "Overheden bezitten samen {0} % van het kapitaal of de stemrechten (25 % of meer): de onderneming is dan geen kmo.",
            "Des organismes publics détiennent ensemble {0} % du capital ou des droits de vote (25 % ou plus) : l'entreprise n'est alors pas une PME.",
            "Public bodies hold {0} % of the capital or voting rights (25 % or more): the enterprise is then not an SME.",
        ),
        "NO_FLEMISH_ESTABLISHMENT" => (
            "De onderneming heeft geen exploitatiezetel in het Vlaamse Gewest; een vestiging in Brussel of Wallonië volstaat niet.",
            "L'entreprise n'a pas de siège d'exploitation en Région flamande ; un siège à Bruxelles ou en Wallonie ne suffit pas.",
            "The enterprise has no operating site in the Flemish Region; a site in Brussels or Wallonia does not qualify.",
        ),
        "LEGAL_FORM_NOT_ELIGIBLE" => (
            "De rechtsvorm {0} komt niet in aanmerking (bijvoorbeeld vzw, stichting, maatschap, feitelijke vereniging, publiekrechtelijke rechtspersoon of vennootschap in oprichting).",
            "La forme juridique {0} n'est pas admise (par exemple ASBL, fondation, société simple, association de fait, personne morale de droit public ou société en formation).",
            "The legal form {0} is not eligible (for example a non-profit, foundation, partnership without legal personality, de facto association, public-law entity or company being formed).",
        ),
        "MAIN_ACTIVITY_EXCLUDED" => (
            "De hoofdactiviteit (NACE-BEL {0}) is land- en bosbouw of visserij; die sector is uitgesloten.",
            "L'activité principale (NACE-BEL {0}) relève de l'agriculture, de la sylviculture ou de la pêche ; ce secteur est exclu.",
            "The main activity (NACE-BEL {0}) is agriculture, forestry or fishing; that sector is excluded.",
        ),
        "RELATED_TO_PROVIDER" => (
            "De dienstverlener en de onderneming zijn verbonden (aandeelhouderschap, gemeenschappelijke bestuurder, werknemer of aandeelhouder, of familiebanden); daarvoor is geen steun mogelijk.",
            "Le prestataire et l'entreprise sont liés (actionnariat, administrateur, travailleur ou actionnaire commun, ou liens familiaux) ; aucune aide n'est possible.",
            "The provider and the enterprise are related (a shareholding, a common director, employee or shareholder, or family ties); no aid is possible.",
        ),
        "NOT_ACTIVE_IN_KBO" => (
            "De onderneming is niet actief in de Kruispuntbank van Ondernemingen bij de start van de dienst.",
            "L'entreprise n'est pas active dans la Banque-Carrefour des Entreprises au début du service.",
            "The enterprise is not active in the Crossroads Bank for Enterprises when the service starts.",
        ),
        "PROVIDER_NOT_REGISTERED_FOR_SERVICE" => (
            "Dienstverlener {0} is erkend voor {1}, niet voor {2}.",
            "Le prestataire {0} est enregistré pour {1}, pas pour {2}.",
            "Provider {0} is registered for {1}, not for {2}.",
        ),
        "THEME_REQUIRED" => (
            "Sinds 1 januari 2023 komt een dienst alleen in aanmerking binnen een van de thema's; er is geen thema opgegeven.",
            "Depuis le 1er janvier 2023, un service n'est admis que dans l'un des thèmes ; aucun thème n'a été indiqué.",
            "Since 1 January 2023 a service is eligible only within one of the themes; no theme was given.",
        ),
        "ADVICE_ONLY_CYBERSECURITY" => (
            "Voor aanvragen vanaf 1 februari 2026 komt advies alleen nog in aanmerking voor cybersecurity.",
            "Pour les demandes à partir du 1er février 2026, le conseil n'est plus admis que pour la cybersécurité.",
            "For applications from 1 February 2026 advice is eligible only for cybersecurity.",
        ),
        "EXCLUDED_TOPIC" => (
            "Het onderwerp {0} staat op de lijst van uitgesloten onderwerpen.",
            "Le sujet {0} figure sur la liste des sujets exclus.",
            "The topic {0} is on the list of excluded topics.",
        ),
        "COST_BELOW_MINIMUM" => (
            "De aanvaardbare kost ({0} euro excl. btw) ligt onder het minimum van {1} euro voor deze dienst.",
            "Le coût admissible ({0} euros HTVA) est inférieur au minimum de {1} euros pour ce service.",
            "The eligible cost (EUR {0} excl. VAT) is below the minimum of EUR {1} for this service.",
        ),
        "APPLICATION_TOO_LATE" => (
            "De aanvraag van {0} komt te laat: aanvragen kan tot 14 kalenderdagen na de start, dus uiterlijk op {1}.",
            "La demande du {0} est tardive : elle doit être introduite au plus tard 14 jours calendrier après le début, soit le {1}.",
            "The application of {0} is too late: it must be submitted within 14 calendar days after the start, that is by {1}.",
        ),
        "CEILING_EXHAUSTED" => (
            "Het plafond van {0} euro steun voor {1} is al volledig gebruikt.",
            "Le plafond de {0} euros d'aide pour {1} est déjà entièrement utilisé.",
            "The ceiling of EUR {0} of aid for {1} has already been used in full.",
        ),
        "DE_MINIMIS_EXCEEDED" => (
            "Met deze steun ({0} euro) zou de de-minimissteun {1} euro bedragen, meer dan het maximum van {2} euro; dan kan geen enkel deel van de steun worden toegekend.",
            "Avec cette aide ({0} euros), les aides de minimis atteindraient {1} euros, plus que le maximum de {2} euros ; aucune partie de l'aide ne peut alors être accordée.",
            "With this aid (EUR {0}) the de minimis aid would total EUR {1}, above the ceiling of EUR {2}; then none of the aid can be granted.",
        ),
        // ---- findings: info and warnings ---------------------------------------------------
        "AID_CAPPED_BY_CEILING" => (
            "De steun is beperkt tot {0} euro, wat nog overblijft van het plafond van {1} euro (zonder plafond: {2} euro).",
            "L'aide est limitée à {0} euros, le solde du plafond de {1} euros (sans plafond : {2} euros).",
            "The aid is capped at EUR {0}, what is left of the EUR {1} ceiling (without the ceiling: EUR {2}).",
        ),
        "UPLIFT_APPLIED" => (
            "Voor {0} stijgt het steunpercentage met {1} procentpunt.",
            "Pour {0}, le pourcentage d'aide augmente de {1} points.",
            "For {0} the aid percentage rises by {1} points.",
        ),
        "MICRO_COUNTS_AS_SMALL" => (
            "Een micro-onderneming krijgt het percentage en het plafond van een kleine onderneming.",
            "Une micro-entreprise reçoit le pourcentage et le plafond d'une petite entreprise.",
            "A micro enterprise gets the percentage and ceiling of a small enterprise.",
        ),
        "MAATWERKBEDRIJF_RULE_APPLIED" => (
            "Als erkend maatwerkbedrijf komt de onderneming vanaf 2026 in aanmerking ongeacht grootte en rechtsvorm.",
            "En tant qu'entreprise de travail adapté agréée, l'entreprise est admise à partir de 2026 quelles que soient sa taille et sa forme juridique.",
            "As a recognised maatwerkbedrijf the enterprise is eligible from 2026 whatever its size and legal form.",
        ),
        "SIZE_CLASS_FIXED_FOR_YEAR" => (
            "De grootte werd vastgelegd bij de eerste aanvraag van {0} ({1}) en geldt het hele jaar, ook al geven de cijfers nu {2}.",
            "La taille a été fixée lors de la première demande de {0} ({1}) et vaut toute l'année, même si les chiffres donnent maintenant {2}.",
            "The size was fixed at the first application of {0} ({1}) and holds for the whole year, although the figures now give {2}.",
        ),
        "THEME_NOT_IN_FORCE" => (
            "Het thema {0} heeft geen gevolg voor een aanvraag op {1}: thema's gelden vanaf 1 januari 2023.",
            "Le thème {0} est sans effet pour une demande du {1} : les thèmes s'appliquent à partir du 1er janvier 2023.",
            "The theme {0} has no effect for an application on {1}: themes apply from 1 January 2023.",
        ),
        "SUBTHEME_NOT_IN_FORCE" => (
            "Het subthema {0} geeft voor deze dienst op {1} geen verhoogd percentage.",
            "Le sous-thème {0} ne donne pas de pourcentage majoré pour ce service le {1}.",
            "The subtheme {0} gives no higher percentage for this service on {1}.",
        ),
        "MAIN_ACTIVITY_NOT_VERIFIED" => (
            "De hoofdactiviteit (NACE-BEL {0}) valt niet onder de gekende uitsluitingen, maar is niet nagekeken tegen de bijlage van het ministerieel besluit.",
            "L'activité principale (NACE-BEL {0}) ne relève pas des exclusions connues, mais n'a pas été vérifiée par rapport à l'annexe de l'arrêté ministériel.",
            "The main activity (NACE-BEL {0}) is outside the known exclusions but was not verified against the annex of the ministerial decree.",
        ),
        "COST_ITEM_NOT_ELIGIBLE" => (
            "Factuurlijn {0} ({1}, {2} euro): {3} euro is niet aanvaardbaar ({4}).",
            "Ligne de facture {0} ({1}, {2} euros) : {3} euros ne sont pas admissibles ({4}).",
            "Invoice line {0} ({1}, EUR {2}): EUR {3} is not eligible ({4}).",
        ),
        "CATERING_CAPPED" => (
            "Catering op lijn {0} is beperkt tot 25 euro per persoon per dag: {1} euro.",
            "Le catering de la ligne {0} est limité à 25 euros par personne et par jour : {1} euros.",
            "Catering on line {0} is capped at EUR 25 per person per day: EUR {1}.",
        ),
        "RULEBOOK_UNCERTAIN" => (
            "Let op, open vraag bij deze regelgeving: {0}.",
            "Attention, question ouverte pour cette réglementation : {0}.",
            "Note, an open question about this rulebook: {0}.",
        ),
        "LEGAL_FORM_NOT_CHECKED" => (
            "De rechtsvorm is niet opgegeven en dus niet nagekeken.",
            "La forme juridique n'a pas été indiquée et n'a donc pas été vérifiée.",
            "The legal form was not given and so was not checked.",
        ),
        "ESTABLISHMENT_NOT_CHECKED" => (
            "Niet opgegeven of er een exploitatiezetel in Vlaanderen is; niet nagekeken.",
            "Il n'a pas été indiqué s'il existe un siège d'exploitation en Flandre ; non vérifié.",
            "Whether there is an operating site in Flanders was not given; not checked.",
        ),
        "MAIN_ACTIVITY_NOT_CHECKED" => (
            "De NACE-BEL-code van de hoofdactiviteit is niet opgegeven en dus niet nagekeken.",
            "Le code NACE-BEL de l'activité principale n'a pas été indiqué et n'a donc pas été vérifié.",
            "The NACE-BEL code of the main activity was not given and so was not checked.",
        ),
        "RELATED_PARTIES_NOT_CHECKED" => (
            "Niet opgegeven of de dienstverlener en de onderneming verbonden zijn; niet nagekeken.",
            "Il n'a pas été indiqué si le prestataire et l'entreprise sont liés ; non vérifié.",
            "Whether the provider and the enterprise are related was not given; not checked.",
        ),
        "PROVIDER_NOT_CHECKED" => (
            "Het erkenningsnummer van de dienstverlener is niet opgegeven en dus niet nagekeken.",
            "Le numéro d'enregistrement du prestataire n'a pas été indiqué et n'a donc pas été vérifié.",
            "The provider's registration number was not given and so was not checked.",
        ),
        "START_DATE_NOT_GIVEN" => (
            "Geen startdatum opgegeven: de termijn om aan te vragen (14 dagen na de start) is niet nagekeken.",
            "Pas de date de début : le délai de demande (14 jours après le début) n'a pas été vérifié.",
            "No start date given: the deadline to apply (14 days after the start) was not checked.",
        ),
        "APPROVAL_DATE_NOT_GIVEN" => (
            "De termijn voor het eigen aandeel loopt 30 dagen na de goedkeuring, maar die datum is niet opgegeven.",
            "Le délai pour la quote-part court 30 jours après l'approbation, mais cette date n'a pas été indiquée.",
            "The own-share deadline runs 30 days after approval, but that date was not given.",
        ),
        "UNKNOWN_FIELD_IGNORED" => (
            "Het veld {0} is onbekend en werd genegeerd.",
            "Le champ {0} est inconnu et a été ignoré.",
            "The field {0} is unknown and was ignored.",
        ),
        // ---- trace steps ---------------------------------------------------------------------
        "rulebook" => (
            "Aanvraag op {0}: regelgeving van {1} ({2}).",
            "Demande du {0} : réglementation du {1} ({2}).",
            "Application on {0}: rulebook of {1} ({2}).",
        ),
        "size_class" => (
            "Grootte volgens de Europese kmo-definitie: {0} ({1}).",
            "Taille selon la définition européenne des PME : {0} ({1}).",
            "Size under the European SME definition: {0} ({1}).",
        ),
        "wallet_class" => (
            "Voor de kmo-portefeuille geldt de categorie {0}.",
            "Pour le portefeuille PME, la catégorie {0} s'applique.",
            "For the kmo-portefeuille the class {0} applies.",
        ),
        "eligible_cost" => (
            "Aanvaardbare kost excl. btw: {0} euro (gefactureerd excl. btw: {1} euro).",
            "Coût admissible HTVA : {0} euros (facturé HTVA : {1} euros).",
            "Eligible cost excl. VAT: EUR {0} (invoiced excl. VAT: EUR {1}).",
        ),
        "minimum_cost" => (
            "Minimum aanvaardbare kost voor deze dienst: {0} euro.",
            "Coût admissible minimum pour ce service : {0} euros.",
            "Minimum eligible cost for this service: EUR {0}.",
        ),
        "rate" => (
            "Steunpercentage: {0} % (basis {1} %, verhoging {2} procentpunt).",
            "Pourcentage d'aide : {0} % (base {1} %, majoration {2} points).",
            "Aid percentage: {0} % (base {1} %, uplift {2} points).",
        ),
        "aid_before_ceiling" => (
            "{0} % van {1} euro = {2} euro, afgerond op de cent: {3} euro.",
            "{0} % de {1} euros = {2} euros, arrondi au cent : {3} euros.",
            "{0} % of EUR {1} = EUR {2}, rounded to the cent: EUR {3}.",
        ),
        "ceiling" => (
            "Plafond {0}: {1} euro steun; al gebruikt {2} euro; beschikbaar {3} euro.",
            "Plafond {0} : {1} euros d'aide ; déjà utilisé {2} euros ; disponible {3} euros.",
            "Ceiling {0}: EUR {1} of aid; already used EUR {2}; available EUR {3}.",
        ),
        "aid" => (
            "Steun: {0} euro.",
            "Aide : {0} euros.",
            "Aid: EUR {0}.",
        ),
        "own_share" => (
            "Eigen aandeel (te storten in de kmo-portefeuille): {0} − {1} = {2} euro.",
            "Quote-part propre (à verser dans le portefeuille PME) : {0} − {1} = {2} euros.",
            "Own share (paid into the wallet): EUR {0} − {1} = EUR {2}.",
        ),
        "vat" => (
            "Btw {0} % op {1} euro = {2} euro, rechtstreeks te betalen aan de dienstverlener.",
            "TVA {0} % sur {1} euros = {2} euros, à payer directement au prestataire.",
            "VAT {0} % on EUR {1} = EUR {2}, paid directly to the provider.",
        ),
        "de_minimis" => (
            "De-minimissteun in de referentieperiode {0} – {1}: {2} euro, met deze steun {3} euro; maximum {4} euro.",
            "Aides de minimis sur la période {0} – {1} : {2} euros, avec cette aide {3} euros ; maximum {4} euros.",
            "De minimis aid in the period {0} – {1}: EUR {2}, with this aid EUR {3}; ceiling EUR {4}.",
        ),
        "apply_by" => (
            "Aanvragen uiterlijk op {0} (14 kalenderdagen na de start op {1}).",
            "Demander au plus tard le {0} (14 jours calendrier après le début le {1}).",
            "Apply by {0} (14 calendar days after the start on {1}).",
        ),
        "pay_own_share_by" => (
            "Eigen aandeel storten uiterlijk op {0} ({1}).",
            "Verser la quote-part au plus tard le {0} ({1}).",
            "Pay the own share by {0} ({1}).",
        ),
        "complete_by" => (
            "De opleiding of het advies moet afgerond zijn op {0} (31 december van het jaar na de aanvraag).",
            "La formation ou le conseil doit être terminé le {0} (31 décembre de l'année suivant la demande).",
            "The training or advice must be finished by {0} (31 December of the year after the application).",
        ),
        "eligibility" => (
            "Besluit: {0}.",
            "Conclusion : {0}.",
            "Conclusion: {0}.",
        ),
        _ => ("{0}", "{0}", "{0}"),
    }
}

/// Words the templates insert: class names, services, yes/no.
pub(crate) fn word(key: &str, lang: Lang) -> &'static str {
    let (nl, fr, en) = match key {
        "micro" => ("micro", "micro", "micro"),
        "small" => ("klein", "petite", "small"),
        "medium" => ("middelgroot", "moyenne", "medium"),
        "large" => ("groot", "grande", "large"),
        "training" => ("opleiding", "formation", "training"),
        "advice" => ("advies", "conseil", "advice"),
        "cybersecurity" => ("cybersecurity", "cybersécurité", "cybersecurity"),
        "energy_efficiency" => (
            "energie-efficiëntie en alternatieve energie",
            "efficacité énergétique et énergie alternative",
            "energy efficiency and alternative energy",
        ),
        "declared" => ("opgegeven", "déclarée", "declared"),
        "figures" => (
            "berekend uit de cijfers",
            "calculée à partir des chiffres",
            "computed from the figures",
        ),
        "eligible" => ("komt in aanmerking", "admissible", "eligible"),
        "not_eligible" => ("komt niet in aanmerking", "non admissible", "not eligible"),
        "after_application" => (
            "14 dagen na de aanvraag",
            "14 jours après la demande",
            "14 days after the application",
        ),
        "after_approval" => (
            "30 dagen na de goedkeuring",
            "30 jours après l'approbation",
            "30 days after approval",
        ),
        _ => ("?", "?", "?"),
    };
    match lang {
        Lang::Nl => nl,
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Renders the template of `key` in `lang`, replacing `{0}`, `{1}` … with `args`. An argument
/// written `@word` is translated with [`word`] first.
pub(crate) fn render(key: &str, lang: Lang, args: &[String]) -> String {
    let (nl, fr, en) = templates(key);
    let template = match lang {
        Lang::Nl => nl,
        Lang::Fr => fr,
        Lang::En => en,
    };
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)))
        {
            Some((index, close)) => {
                let arg = args.get(index).map(String::as_str).unwrap_or("");
                match arg.strip_prefix('@') {
                    Some(w) => out.push_str(word(w, lang)),
                    None => out.push_str(arg),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::FindingCode;

    #[test]
    fn every_finding_has_three_real_messages() {
        for code in FindingCode::ALL {
            let (nl, fr, en) = templates(code.as_str());
            assert_ne!(nl, "{0}", "{code}");
            assert!(nl != fr && fr != en, "{code}");
        }
    }

    #[test]
    fn placeholders_and_words() {
        let args = vec!["@small".to_string(), "30".to_string()];
        assert_eq!(
            render("wallet_class", Lang::Nl, &args),
            "Voor de kmo-portefeuille geldt de categorie klein."
        );
        assert_eq!(
            render("eligibility", Lang::En, &["@eligible".into()]),
            "Conclusion: eligible."
        );
    }
}
