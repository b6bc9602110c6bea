//! The texts in Dutch, French and English: one template per finding code, trace step and
//! error message, and the words the templates insert. `{0}`, `{1}` … are replaced by the values
//! the finding, step or error carries. Wording is for a Flemish entrepreneur, not a lawyer.

use super::template::Template;

/// A text of a language the build carries; `""` for another (features `lang-nl`, `lang-fr`,
/// `lang-en`), so that a lean build leaves the other languages' texts out.
macro_rules! built {
    ($feature:literal, $text:expr) => {
        if cfg!(feature = $feature) {
            $text
        } else {
            ""
        }
    };
}

/// Declares a table of `(nl, fr, en)` texts by key: the lookup function (a `match`) and, for
/// the tests, the list of every entry. `split fn` gives the texts as [`Template`]s, split at
/// their placeholders when the library is compiled.
/// An entry may carry `#[cfg(…)]`: the texts of a part a lean build leaves out (the features
/// `full-sme` and `wallet`); the list of every entry keeps it.
macro_rules! texts {
    ($(#[$meta:meta])* fn $name:ident / $find:ident, $all:ident, otherwise $default:expr, {
        $($(#[cfg($only:meta)])? $key:literal => ($nl:expr, $fr:expr, $en:expr $(,)?),)*
    }) => {
        /// The entry of `key`, if the table has one.
        pub(super) fn $find(key: &str) -> Option<(&'static str, &'static str, &'static str)> {
            match key {
                $($(#[cfg($only)])? $key => Some((built!("lang-nl", $nl), built!("lang-fr", $fr), built!("lang-en", $en))),)*
                _ => None,
            }
        }

        $(#[$meta])*
        pub(super) fn $name(key: &str) -> (&'static str, &'static str, &'static str) {
            $find(key).unwrap_or($default)
        }

        /// Every entry: key, nl, fr, en (the serde form reads messages back through them).
        #[cfg(any(test, feature = "serde"))]
        pub(super) const $all: &[(&str, &str, &str, &str)] = &[$(($key, $nl, $fr, $en),)*];
    };
    ($(#[$meta:meta])* split fn $name:ident / $find:ident, $all:ident, otherwise $default:expr, {
        $($(#[cfg($only:meta)])? $key:literal => ($nl:expr, $fr:expr, $en:expr $(,)?),)*
    }) => {
        /// The entry of `key`, if the table has one.
        pub(super) fn $find(key: &str) -> Option<&'static [Template; 3]> {
            match key {
                $($(#[cfg($only)])? $key => {
                    const SPLIT: [Template; 3] = [
                        Template::new(built!("lang-nl", $nl)),
                        Template::new(built!("lang-fr", $fr)),
                        Template::new(built!("lang-en", $en)),
                    ];
                    Some(&SPLIT)
                })*
                _ => None,
            }
        }

        $(#[$meta])*
        pub(super) fn $name(key: &str) -> &'static [Template; 3] {
            const DEFAULT: [Template; 3] = [Template::new($default); 3];
            $find(key).unwrap_or(&DEFAULT)
        }

        /// Every entry: key, nl, fr, en (for the tests that review every text).
        #[cfg(test)]
        pub(super) const $all: &[(&str, &str, &str, &str)] = &[$(($key, $nl, $fr, $en),)*];
    };
}

texts! {
    /// `(nl, fr, en)` templates for a key (a finding code or a trace step name).
    split fn templates / find_templates, ALL_TEMPLATES, otherwise "{0}", {
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
            "Als erkend maatwerkbedrijf komt de onderneming vanaf 2026 in aanmerking ongeacht haar grootte; de voorwaarde van de rechtsvorm (art. 4, eerste lid) en art. 7 gelden niet voor haar. Wat art. 7 bepaalt, is deze bibliotheek niet bekend: de andere voorwaarden, ook die van minder dan 25 % overheidsparticipatie, blijven gelden (een keuze van deze bibliotheek).",
            "En tant qu'entreprise de travail adapté agréée, l'entreprise est admise à partir de 2026 quelle que soit sa taille ; la condition de forme juridique (art. 4, premier alinéa) et l'art. 7 ne s'appliquent pas à elle. Le contenu de l'art. 7 n'est pas connu de cette bibliothèque : les autres conditions, dont celle d'une participation publique inférieure à 25 %, restent appliquées (un choix de cette bibliothèque).",
            "As a recognised maatwerkbedrijf the enterprise is eligible from 2026 whatever its size; the legal-form condition (art. 4, first paragraph) and art. 7 do not apply to it. What art. 7 says is not known to this library: the other conditions, public participation below 25 % included, still apply (this library's choice).",
        ),
        "SIZE_CLASS_FIXED_FOR_YEAR" => (
            "De grootte werd vastgelegd bij de eerste aanvraag van {0} ({1}) en geldt het hele jaar, ook al maken de cijfers de onderneming nu {2}.",
            "La taille a été fixée lors de la première demande de {0} ({1}) et vaut toute l'année, même si les chiffres rendraient maintenant l'entreprise {2}.",
            "The size was fixed at the first application of {0} ({1}) and holds for the whole year, although the figures would now make the enterprise {2}.",
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
        #[cfg(feature = "full-sme")]
        "SIZE_FROM_ESTIMATE" => (
            "De grootte steunt op een schatting te goeder trouw (een nieuwe onderneming zonder goedgekeurde jaarrekening).",
            "La taille repose sur une estimation de bonne foi (une entreprise nouvelle sans comptes approuvés).",
            "The size rests on a bona fide estimate (a new enterprise without approved accounts).",
        ),
        #[cfg(feature = "full-sme")]
        "TWO_PERIOD_RULE_APPLIED" => (
            "Volgens de cijfers van het laatste boekjaar zou de onderneming {0} zijn, maar ze blijft {1}: een grens moet twee opeenvolgende boekjaren overschreden zijn.",
            "Selon les chiffres du dernier exercice, l'entreprise serait {0}, mais elle reste {1} : un seuil doit être franchi deux exercices consécutifs.",
            "By the latest period's figures the enterprise would be {0}, but it stays {1}: a ceiling must be crossed in two consecutive periods.",
        ),
        "UNKNOWN_FIELD_IGNORED" => (
            "Het veld {0} is onbekend en werd genegeerd.",
            "Le champ {0} est inconnu et a été ignoré.",
            "The field {0} is unknown and was ignored.",
        ),
        "SMALL_MID_CAP" => (
            "De onderneming is een kleine midcap (Aanbeveling (EU) 2025/1099): groot, maar met minder dan 750 werknemers en een omzet van hoogstens 150 miljoen euro of een balanstotaal van hoogstens 129 miljoen euro. Dit is enkel ter informatie: het verandert niets aan wie de kmo-portefeuille kan gebruiken.",
            "L'entreprise est une petite entreprise de taille intermédiaire (Recommandation (UE) 2025/1099) : grande, mais avec moins de 750 personnes et un chiffre d'affaires d'au plus 150 millions d'euros ou un total du bilan d'au plus 129 millions d'euros. C'est une information seulement : cela ne change rien à qui peut utiliser le portefeuille PME.",
            "The enterprise is a small mid-cap (Recommendation (EU) 2025/1099): large, but with fewer than 750 staff and a turnover of at most EUR 150 million or a balance sheet of at most EUR 129 million. This is information only: it does not change who may use the kmo-portefeuille.",
        ),
        "BOUNDARY_DAY_CHOICE" => (
            "Een aanvraag op {0} valt op een dag waarover de bronnen verschillen; de keuze van deze bibliotheek: {1}.",
            "Une demande du {0} tombe un jour sur lequel les sources divergent ; le choix de cette bibliothèque : {1}.",
            "An application on {0} falls on a day the sources disagree about; this library's choice: {1}.",
        ),
        "DE_MINIMIS_REGULATION_EXPIRED" => (
            "De toegepaste de-minimisverordening gold tot {0}; een latere verordening is niet opgenomen, dus ze wordt nog toegepast.",
            "Le règlement de minimis appliqué valait jusqu'au {0} ; aucun règlement ultérieur n'est encodé, il est donc encore appliqué.",
            "The de minimis regulation applied ran until {0}; no later regulation is encoded, so it is still applied.",
        ),
        "FIRST_TIME_REGISTRATION" => (
            "Eerste keer met de kmo-portefeuille: registreer de onderneming eenmalig op het portaal (aanmelden met eID); laatste dag om te registreren voor een activatiebrief op tijd: {0}. Houd bij de hand: de omzet van vorig jaar, het aantal personeelsleden en het rekeningnummer van de onderneming. De brief met een eenmalige link om de account te activeren komt ongeveer 10 dagen later met de post (verwacht rond {1}); de link is één maand geldig (tot ongeveer {2}). Aanvragen kan zodra de account actief is.",
            "Première fois avec le portefeuille PME : enregistrez l'entreprise une seule fois sur le portail (connexion avec l'eID) ; dernier jour pour s'enregistrer et recevoir la lettre d'activation à temps : {0}. Ayez sous la main : le chiffre d'affaires de l'an dernier, le nombre de membres du personnel et le numéro de compte bancaire de l'entreprise. La lettre avec un lien unique pour activer le compte arrive par la poste environ 10 jours plus tard (attendue vers le {1}) ; le lien est valable un mois (jusqu'au {2} environ). La demande peut être introduite dès que le compte est actif.",
            "First time with the kmo-portefeuille: register the company once on the portal (log in with eID); last day to register for an activation letter in time: {0}. Have at hand: last year's turnover, the staff count and the company's bank account number. The letter with a one-time link to activate the account comes by post about 10 days later (expected around {1}); the link is valid one month (until about {2}). You can apply once the account is active.",
        ),
        "ACTIVATION_LETTER_AFTER_DEADLINE" => (
            "De activatiebrief wordt rond {0} verwacht, na de laatste dag om aan te vragen ({1}): zo kan de onderneming niet op tijd aanvragen. De laatste dag om te registreren voor een brief op tijd is {2}; anders laat u de dienst op {3} of later starten, zodat de termijn om aan te vragen na de brief valt.",
            "La lettre d'activation est attendue vers le {0}, après le dernier jour pour introduire la demande ({1}) : l'entreprise ne pourrait donc pas la demander à temps. Le dernier jour pour s'enregistrer et recevoir la lettre à temps est le {2} ; sinon, faites commencer le service le {3} ou plus tard, pour que le délai de demande tombe après la lettre.",
            "The activation letter is expected around {0}, after the last day to apply ({1}): the company could not apply in time. The last day to register for a letter in time is {2}; otherwise start the service on {3} or later, so that the deadline to apply falls after the letter.",
        ),
        "ACTIVATION_LINK_EXPIRES_FIRST" => (
            "De eenmalige link in de activatiebrief is geldig tot ongeveer {0}, vóór de laatste dag om aan te vragen ({1}): activeer er de account mee, en vraag aan, uiterlijk op {0}.",
            "Le lien unique de la lettre d'activation est valable jusqu'au {0} environ, avant le dernier jour pour introduire la demande ({1}) : activez le compte avec ce lien, et introduisez la demande, au plus tard le {0}.",
            "The one-time link in the activation letter is valid until about {0}, before the last day to apply ({1}): activate the account with it, and apply, by {0}.",
        ),
        // ---- wallet refusals (by their code) -----------------------------------------------
        #[cfg(feature = "wallet")]
        "UNKNOWN_APPLICATION" => (
            "Aanvraag {0} staat niet in de portefeuille.",
            "La demande {0} ne figure pas dans le portefeuille.",
            "No application {0} in the wallet.",
        ),
        #[cfg(feature = "wallet")]
        "APPLICATION_ENDED" => (
            "Aanvraag {0} is al stopgezet of vervallen.",
            "La demande {0} est déjà arrêtée ou échue.",
            "Application {0} has already ended.",
        ),
        #[cfg(feature = "wallet")]
        "APPLICATION_LAPSED" => (
            "Aanvraag {0} is op {1} vervallen: het eigen aandeel was niet op tijd volledig betaald; {2} euro wordt teruggestort.",
            "La demande {0} est échue le {1} : la quote-part n'a pas été entièrement payée à temps ; {2} euros sont remboursés.",
            "Application {0} lapsed on {1}: its own share was not paid in full in time; EUR {2} is refunded.",
        ),
        #[cfg(feature = "wallet")]
        "BEFORE_APPLICATION" => (
            "{0} ligt vóór de aanvraagdatum {1} van aanvraag {2}.",
            "Le {0} précède la date de demande {1} de la demande {2}.",
            "{0} is before the application date {1} of application {2}.",
        ),
        #[cfg(feature = "wallet")]
        "OUT_OF_ORDER" => (
            "Een aanvraag van {0} komt vóór een aanvraag van {1} die al in hetzelfde jaar werd geregistreerd.",
            "Une demande du {0} précède une demande du {1} déjà enregistrée la même année.",
            "An application of {0} comes before one of {1} already recorded in the same year.",
        ),
        #[cfg(feature = "wallet")]
        "ZERO_AMOUNT" => (
            "Het bedrag moet meer dan nul zijn.",
            "Le montant doit être supérieur à zéro.",
            "The amount must be more than zero.",
        ),
        #[cfg(feature = "wallet")]
        "OVERPAYMENT" => (
            "Aanvraag {0}: {1} euro is meer dan het eigen aandeel dat nog te betalen is ({2} euro).",
            "Demande {0} : {1} euros dépassent la quote-part encore due ({2} euros).",
            "Application {0}: EUR {1} is more than the own share still due (EUR {2}).",
        ),
        #[cfg(feature = "wallet")]
        "OWN_SHARE_NOT_PAID" => (
            "Aanvraag {0}: het eigen aandeel is nog niet volledig betaald; er kan nog niets worden vrijgegeven.",
            "Demande {0} : la quote-part n'est pas entièrement payée ; rien ne peut encore être libéré.",
            "Application {0}: the own share is not paid in full; nothing can be released yet.",
        ),
        #[cfg(feature = "wallet")]
        "RELEASE_EXCEEDS_BALANCE" => (
            "Aanvraag {0}: {1} euro is meer dan de {2} euro die de portefeuille ervoor bevat.",
            "Demande {0} : {1} euros dépassent les {2} euros que le portefeuille contient pour elle.",
            "Application {0}: EUR {1} is more than the EUR {2} the wallet holds for it.",
        ),
        // ---- input errors -------------------------------------------------------------------
        #[cfg(feature = "wallet")]
        "err_active_ended" => (
            "een lopende aanvraag heeft geen `ended_on`",
            "une demande en cours n'a pas de `ended_on`",
            "an active application has no `ended_on`",
        ),
        "err_aid_used_or_applications" => (
            "geef `aid_used` of de `applications` van de portefeuille, niet beide",
            "indiquez `aid_used` ou les `applications` du portefeuille, pas les deux",
            "give `aid_used` or the wallet's `applications`, not both",
        ),
        "err_amount_decimals" => (
            "`{0}` heeft meer dan twee decimalen (hele centen verwacht)",
            "`{0}` a plus de deux décimales (des cents entiers sont attendus)",
            "`{0}` has more than two decimals (whole cents expected)",
        ),
        "err_amount_malformed" => (
            "`{0}` is geen decimaal bedrag zoals 2000 of 2000.00",
            "`{0}` n'est pas un montant décimal comme 2000 ou 2000.00",
            "`{0}` is not a decimal amount such as 2000 or 2000.00",
        ),
        "err_amount_negative" => (
            "het bedrag {0} is negatief; bedragen zijn nul of meer",
            "le montant {0} est négatif ; les montants sont nuls ou positifs",
            "the amount {0} is negative; amounts are zero or more",
        ),
        "err_amount_too_large" => (
            "`{0}` is meer dan 1 000 000 000 000 euro",
            "`{0}` dépasse 1 000 000 000 000 euros",
            "`{0}` exceeds EUR 1 000 000 000 000",
        ),
        "err_awu_malformed" => (
            "`{0}` is geen aantal jaararbeidseenheden zoals 12 of 9.5",
            "`{0}` n'est pas un nombre d'unités de travail annuel comme 12 ou 9.5",
            "`{0}` is not a number of annual work units such as 12 or 9.5",
        ),
        "err_awu_negative" => (
            "een personeelsbestand van {0} AJE is negatief",
            "un effectif de {0} UTA est négatif",
            "staff of {0} AWU is negative",
        ),
        "err_awu_range" => (
            "een personeelsbestand van {0} AJE valt buiten 0–10 000 000 (hoogstens zes decimalen)",
            "un effectif de {0} UTA est hors de 0–10 000 000 (six décimales au plus)",
            "staff of {0} AWU is out of range (0–10 000 000, at most six decimals)",
        ),
        "err_before_application" => (
            "{0} ligt vóór de aanvraagdatum {1}",
            "le {0} précède la date de demande {1}",
            "{0} is before the application date {1}",
        ),
        #[cfg(feature = "full-sme")]
        "err_cannot_be_held" => (
            "`{0}` is een {1} en kan niet het voorwerp van een deelneming zijn",
            "`{0}` est de type {1} et ne peut pas être détenu",
            "`{0}` is a {1} and cannot be held",
        ),
        "err_catering_count" => (
            "een cateringlijn van een opleiding heeft `{0}` nodig (het plafond is 25 euro per persoon per dag)",
            "une ligne de catering d'une formation doit indiquer `{0}` (le plafond est de 25 euros par personne et par jour)",
            "a catering line of a training needs `{0}` (the cap is EUR 25 per person per day)",
        ),
        "err_class_or_figures" => (
            "geef een opgegeven `class` of de cijfers, niet beide",
            "indiquez une `class` déclarée ou les chiffres, pas les deux",
            "give either a declared `class`, or the figures, not both",
        ),
        #[cfg(feature = "full-sme")]
        "err_closing_after_application" => (
            "een boekjaar dat op {0} afsluit, ligt na de aanvraag van {1}: goedgekeurde rekeningen sluiten vóór de aanvraag af (of geef `estimate`)",
            "un exercice clôturé le {0} suit la demande du {1} : des comptes approuvés sont clôturés avant la demande (ou indiquez `estimate`)",
            "a period closing on {0} is after the application of {1}: approved accounts close before the application (or give `estimate`)",
        ),
        #[cfg(feature = "full-sme")]
        "err_control_cycle" => (
            "de controle loopt in een kring via {0}; een onderneming kan zichzelf niet controleren",
            "le contrôle tourne en rond par {0} ; une entreprise ne peut pas se contrôler elle-même",
            "control runs in a circle through {0}; an enterprise cannot control itself",
        ),
        #[cfg(feature = "full-sme")]
        "err_controls_itself" => (
            "`{0}` kan zichzelf niet controleren",
            "`{0}` ne peut pas se contrôler elle-même",
            "`{0}` cannot control itself",
        ),
        "err_cost_or_lines" => (
            "geef `cost` of `lines`, niet beide",
            "indiquez `cost` ou `lines`, pas les deux",
            "give either `cost` or `lines`, not both",
        ),
        "err_date_missing" => (
            "`{0}` bestaat niet in de kalender",
            "`{0}` n'existe pas dans le calendrier",
            "`{0}` does not exist in the calendar",
        ),
        "err_date_month" => (
            "`{0}` heeft geen maand 01–12",
            "`{0}` n'a pas de mois 01–12",
            "`{0}` has no month 01–12",
        ),
        "err_date_shape" => (
            "`{0}` is geen datum van de vorm JJJJ-MM-DD",
            "`{0}` n'est pas une date de la forme AAAA-MM-JJ",
            "`{0}` is not a date of the form YYYY-MM-DD",
        ),
        "err_date_years" => (
            "`{0}` valt buiten de jaren 1900–2199",
            "`{0}` est hors des années 1900–2199",
            "`{0}` is outside the years 1900–2199",
        ),
        "err_de_minimis_after_application" => (
            "eerdere de-minimissteun van {0} ligt na de aanvraagdatum {1}",
            "l'aide de minimis antérieure du {0} est postérieure à la date de demande {1}",
            "earlier de minimis aid dated {0} is after the application date {1}",
        ),
        #[cfg(feature = "wallet")]
        "err_deadline_years" => (
            "de termijn voor het eigen aandeel ({0}) valt te laat: de aanvraag zou na 2199 vervallen, buiten de jaren 1900–2199 van de portefeuille",
            "l'échéance de la quote-part ({0}) tombe trop tard : la demande échoirait après 2199, hors des années 1900–2199 du portefeuille",
            "the own-share deadline ({0}) falls too late: the application would lapse after 2199, outside the wallet's years 1900–2199",
        ),
        "err_duplicate_key" => (
            "`{0}` is twee keer opgegeven; geef elk veld één keer",
            "`{0}` est indiqué deux fois ; indiquez chaque champ une fois",
            "`{0}` is given twice; give each field once",
        ),
        #[cfg(feature = "wallet")]
        "err_ended_on_missing" => (
            "een stopgezette of vervallen aanvraag heeft `ended_on` nodig",
            "une demande arrêtée ou échue doit indiquer `ended_on`",
            "a stopped or lapsed application needs `ended_on`",
        ),
        "err_enterprise_number_check" => (
            "`{0}` heeft foute controlecijfers (de laatste twee moeten 97 − de eerste acht modulo 97 zijn)",
            "`{0}` a de mauvais chiffres de contrôle (les deux derniers doivent valoir 97 − les huit premiers modulo 97)",
            "`{0}` has wrong check digits (the last two must be 97 − the first eight mod 97)",
        ),
        "err_enterprise_number_digits" => (
            "`{0}` heeft geen tien cijfers (0xxx.xxx.xxx)",
            "`{0}` n'a pas dix chiffres (0xxx.xxx.xxx)",
            "`{0}` does not have ten digits (0xxx.xxx.xxx)",
        ),
        "err_enterprise_number_first" => (
            "`{0}` moet met 0 of 1 beginnen",
            "`{0}` doit commencer par 0 ou 1",
            "`{0}` must start with 0 or 1",
        ),
        "err_enterprise_number_shape" => (
            "`{0}` is geen ondernemingsnummer zoals 0403.170.701",
            "`{0}` n'est pas un numéro d'entreprise comme 0403.170.701",
            "`{0}` is not an enterprise number such as 0403.170.701",
        ),
        #[cfg(feature = "full-sme")]
        "err_entity_id" => (
            "een entiteit heeft een niet-lege `id` nodig",
            "une entité doit avoir un `id` non vide",
            "an entity needs a non-empty `id`",
        ),
        "err_field_required" => (
            "het veld `{0}` is verplicht",
            "le champ `{0}` est obligatoire",
            "the field `{0}` is required",
        ),
        #[cfg(feature = "full-sme")]
        "err_figures_needed" => (
            "`{0}` telt mee als {1} en zijn cijfers (staff_awu, turnover, balance_sheet) zijn nodig",
            "`{0}` compte comme {1} et ses chiffres (staff_awu, turnover, balance_sheet) sont nécessaires",
            "`{0}` counts as {1}, and its figures (staff_awu, turnover, balance_sheet) are needed",
        ),
        "err_fiscal_year_end" => (
            "`{0}` is geen einde van het boekjaar MM-DD zoals 06-30",
            "`{0}` n'est pas une fin d'exercice MM-JJ comme 06-30",
            "`{0}` is not a fiscal year end MM-DD such as 06-30",
        ),
        "err_fte_range" => (
            "het voltijds equivalent {0} valt buiten 0–1 (hoogstens vier decimalen)",
            "l'équivalent temps plein {0} est hors de 0–1 (quatre décimales au plus)",
            "the full-time equivalent {0} is outside 0–1 (at most four decimals)",
        ),
        #[cfg(feature = "full-sme")]
        "err_holding_share" => (
            "een deelneming heeft `capital_pct` of `voting_pct` nodig",
            "une participation doit indiquer `capital_pct` ou `voting_pct`",
            "a holding needs `capital_pct` or `voting_pct`",
        ),
        #[cfg(feature = "full-sme")]
        "err_holdings_over_100" => (
            "de deelnemingen in `{0}` zijn samen meer dan 100 % van het kapitaal of de stemrechten",
            "les participations dans `{0}` dépassent ensemble 100 % du capital ou des droits de vote",
            "the holdings in `{0}` add up to more than 100 % of its capital or voting rights",
        ),
        #[cfg(feature = "full-sme")]
        "err_holds_itself" => (
            "`{0}` kan geen deelneming in zichzelf hebben",
            "`{0}` ne peut pas se détenir elle-même",
            "`{0}` cannot hold itself",
        ),
        #[cfg(any(feature = "full-sme", feature = "wallet"))]
        "err_id_twice" => (
            "de id `{0}` wordt twee keer gebruikt",
            "l'id `{0}` est utilisé deux fois",
            "the id `{0}` is used twice",
        ),
        #[cfg(feature = "wallet")]
        "err_ids_used_up" => (
            "elk nummer tot {0} is al gegeven; de portefeuille kan geen aanvraag meer nummeren",
            "chaque numéro jusqu'à {0} a déjà été attribué ; le portefeuille ne peut plus numéroter de demande",
            "every number up to {0} has been given; the wallet cannot number another application",
        ),
        "err_json_syntax" => (
            "{0} is geen geldige JSON: {1} op regel {2} kolom {3}",
            "{0} n'est pas du JSON valide : {1} à la ligne {2}, colonne {3}",
            "{0} is not valid JSON: {1} at line {2} column {3}",
        ),
        #[cfg(feature = "full-sme")]
        "err_kind_needs" => (
            "een {0} heeft `{1}` nodig",
            "un {0} doit indiquer `{1}`",
            "a {0} needs `{1}`",
        ),
        "err_leave_months" => (
            "{0} maanden verlof zijn meer dan de {1} gewerkte maanden",
            "{0} mois de congé dépassent les {1} mois travaillés",
            "{0} months of leave exceed the {1} months worked",
        ),
        "err_lang_not_built" => (
            "deze versie van de rekenmodule bevat alleen de teksten in {0}",
            "cette version du moteur ne contient que les textes en {0}",
            "this build of the engine carries the texts in {0} only",
        ),
        "err_months_range" => (
            "{0} maanden is meer dan een jaar",
            "{0} mois dépassent une année",
            "{0} months is more than a year",
        ),
        "err_nace_division" => (
            "`{0}` verwijst naar geen enkele NACE-afdeling",
            "`{0}` ne désigne aucune division NACE",
            "`{0}` names no NACE division",
        ),
        "err_nace_shape" => (
            "`{0}` is geen NACE-BEL-code zoals 70, 70.2, 70.22 of 70.220",
            "`{0}` n'est pas un code NACE-BEL comme 70, 70.2, 70.22 ou 70.220",
            "`{0}` is not a NACE-BEL code such as 70, 70.2, 70.22 or 70.220",
        ),
        "err_needs_full_sme" => (
            "deze versie van de rekenmodule kent alleen een opgegeven klasse of de cijfers van één boekjaar; de volledige kmo-definitie (boekjaren, partner- en verbonden ondernemingen) zit in het volledige pakket",
            "cette version du moteur ne connaît qu'une classe déclarée ou les chiffres d'un exercice ; la définition complète de la PME (exercices, entreprises partenaires et liées) est dans le paquet complet",
            "this build of the engine reads a declared class or one period's figures only; the full SME definition (periods, partner and linked enterprises) is in the full package",
        ),
        "err_needs_wallet" => (
            "deze versie van de rekenmodule leest geen eerdere aanvragen; geef de al gebruikte steun als `aid_used`, of gebruik het volledige pakket",
            "cette version du moteur ne lit pas les demandes antérieures ; indiquez l'aide déjà utilisée dans `aid_used`, ou utilisez le paquet complet",
            "this build of the engine does not read earlier applications; give the aid already used as `aid_used`, or use the full package",
        ),
        #[cfg(feature = "wallet")]
        "err_next_id" => (
            "`next_id` {0} moet hoger zijn dan elk nummer van een aanvraag (tot {1})",
            "`next_id` {0} doit dépasser chaque numéro de demande (jusqu'à {1})",
            "`next_id` {0} must be above every application's id (up to {1})",
        ),
        "err_no_lines" => (
            "er is minstens één factuurlijn nodig",
            "il faut au moins une ligne de facture",
            "at least one invoice line is needed",
        ),
        #[cfg(feature = "full-sme")]
        "err_no_periods" => (
            "er is minstens één afgesloten boekjaar nodig",
            "il faut au moins un exercice clôturé",
            "at least one closed period is needed",
        ),
        #[cfg(feature = "full-sme")]
        "err_no_such_entity" => (
            "geen enkele entiteit heeft de id `{0}`",
            "aucune entité n'a l'id `{0}`",
            "no entity has the id `{0}`",
        ),
        "err_not_a_list" => (
            "een JSON-lijst van aanvragen verwacht",
            "une liste JSON de demandes est attendue",
            "expected a JSON list of requests",
        ),
        "err_not_an_object" => (
            "{0} moet een JSON-object zijn",
            "{0} doit être un objet JSON",
            "{0} must be a JSON object",
        ),
        "err_not_this_engine" => (
            "`{0}` is niet wat deze versie van de engine hier schrijft",
            "`{0}` n'est pas ce que cette version du moteur écrit ici",
            "`{0}` is not what this version of the engine writes here",
        ),
        "err_not_utf8" => (
            "de tekst is geen geldige UTF-8 (bij byte {0})",
            "le texte n'est pas de l'UTF-8 valide (à l'octet {0})",
            "the text is not valid UTF-8 (at byte {0})",
        ),
        "err_object_required" => (
            "het object `{0}` is verplicht",
            "l'objet `{0}` est obligatoire",
            "the object `{0}` is required",
        ),
        #[cfg(feature = "wallet")]
        "err_parts_do_not_add_up" => (
            "steun {0} + eigen aandeel {1} is niet de aanvaardbare kost {2}",
            "l'aide {0} + la quote-part {1} ne font pas le coût admissible {2}",
            "aid {0} + own share {1} is not the eligible cost {2}",
        ),
        #[cfg(feature = "wallet")]
        "err_payments_exceed" => (
            "de betalingen zijn meer dan het eigen aandeel {0}",
            "les paiements dépassent la quote-part {0}",
            "the payments exceed the own share {0}",
        ),
        "err_percent_decimals" => (
            "`{0}` heeft meer dan vier decimalen",
            "`{0}` a plus de quatre décimales",
            "`{0}` has more than four decimals",
        ),
        "err_percent_malformed" => (
            "`{0}` is geen percentage zoals 25 of 24.99",
            "`{0}` n'est pas un pourcentage comme 25 ou 24.99",
            "`{0}` is not a percentage such as 25 or 24.99",
        ),
        "err_percent_range" => (
            "`{0}` valt buiten 0–100",
            "`{0}` est hors de 0–100",
            "`{0}` is outside 0–100",
        ),
        #[cfg(feature = "full-sme")]
        "err_periods_order" => (
            "boekjaren worden van oud naar nieuw opgegeven; {0} ligt niet na {1}",
            "les exercices sont donnés du plus ancien au plus récent ; le {0} ne suit pas le {1}",
            "periods must be given oldest first; {0} is not after {1}",
        ),
        "err_provider_number" => (
            "`{0}` is geen erkenningsnummer van een dienstverlener; verwacht DV. + O (opleiding) of A (advies) + 6 cijfers, bv. DV.O236459",
            "`{0}` n'est pas un numéro de prestataire ; attendu DV. + O (formation) ou A (conseil) + 6 chiffres, p. ex. DV.O236459",
            "`{0}` is not a provider number; expected DV. + O (training) or A (advice) + 6 digits, e.g. DV.O236459",
        ),
        #[cfg(feature = "wallet")]
        "err_releases_exceed" => (
            "de vrijgaven zijn meer dan de aanvaardbare kost {0}",
            "les libérations dépassent le coût admissible {0}",
            "the releases exceed the eligible cost {0}",
        ),
        "err_size_missing" => (
            "geef een opgegeven `class` (micro, small, medium, large), de cijfers staff_awu, turnover en balance_sheet, of de volledige vorm met periods",
            "indiquez une `class` déclarée (micro, small, medium, large), les chiffres staff_awu, turnover et balance_sheet, ou la forme complète avec periods",
            "give a declared `class` (micro, small, medium, large), the figures staff_awu, turnover, balance_sheet, or the full form with periods",
        ),
        "err_staff_awu_or_list" => (
            "geef `staff_awu` of een lijst `staff`, niet beide",
            "indiquez `staff_awu` ou une liste `staff`, pas les deux",
            "give `staff_awu` or a `staff` list, not both",
        ),
        "err_subtheme_theme" => (
            "het subthema {0} hoort bij het thema {1}, niet bij {2}",
            "le sous-thème {0} relève du thème {1}, pas de {2}",
            "the subtheme {0} belongs to the theme {1}, not {2}",
        ),
        "err_total_too_large" => (
            "de bedragen zijn samen meer dan 1 000 000 000 000 euro",
            "les montants dépassent ensemble 1 000 000 000 000 euros",
            "the amounts together exceed EUR 1 000 000 000 000",
        ),
        "err_unknown_code" => (
            "{0} `{1}` is onbekend; aanvaard: {2}",
            "{0} : `{1}` n'est pas une valeur connue ; valeurs acceptées : {2}",
            "unknown {0} `{1}`; accepted: {2}",
        ),
        "err_whole_number_range" => (
            "`{0}` is geen geheel getal van 0 tot {1}",
            "`{0}` n'est pas un nombre entier de 0 à {1}",
            "`{0}` is not a whole number 0–{1}",
        ),
        "err_wrong_type" => (
            "{0} verwacht, {1} gevonden",
            "attendu : {0} ; trouvé : {1}",
            "expected {0}, found {1}",
        ),
        #[cfg(feature = "wallet")]
        "err_year_over_ceiling" => (
            "in {0} telt de portefeuille {1} euro steun, meer dan het plafond van {2} euro: zo'n steun kan niet zijn toegekend (ontbreekt een stopzetting of een verval?)",
            "en {0}, le portefeuille compte {1} euros d'aide, plus que le plafond de {2} euros : une telle aide ne peut avoir été accordée (un arrêt ou une échéance manque-t-il ?)",
            "in {0} the wallet counts EUR {1} of aid, more than the ceiling of EUR {2}: no such aid can have been granted (is a stop or a lapse missing?)",
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
        #[cfg(feature = "full-sme")]
        "sme_period" => (
            "Boekjaar {0}: {1} AJE, omzet {2} euro, balanstotaal {3} euro geven {4}; status {5}.",
            "Exercice {0} : {1} UTA, chiffre d'affaires {2} euros, total du bilan {3} euros donnent {4} ; statut {5}.",
            "Period {0}: {1} AWU, turnover EUR {2}, balance sheet EUR {3} give {4}; status {5}.",
        ),
        #[cfg(feature = "full-sme")]
        "sme_weight" => (
            "{0}: {1}, telt voor {2} %.",
            "{0} : {1}, compte pour {2} %.",
            "{0}: {1}, counted at {2} %.",
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
            "Eigen aandeel: {0} − {1} = {2} euro ({3}).",
            "Quote-part propre : {0} − {1} = {2} euros ({3}).",
            "Own share: EUR {0} − {1} = EUR {2} ({3}).",
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
        "register_by" => (
            "Registreren op het portaal uiterlijk op {0} (de activatiebrief komt ongeveer 10 dagen later, tegen de laatste dag om aan te vragen, {1}).",
            "S'enregistrer sur le portail au plus tard le {0} (la lettre d'activation arrive environ 10 jours plus tard, d'ici le dernier jour pour introduire la demande, le {1}).",
            "Register on the portal by {0} (the activation letter comes about 10 days later, by the last day to apply, {1}).",
        ),
        "pay_own_share_by" => (
            "Eigen aandeel storten bij de financieel beheerder (Sodexo) uiterlijk op {0} ({1}).",
            "Verser la quote-part au gestionnaire financier (Sodexo) au plus tard le {0} ({1}).",
            "Pay the own share to the financial operator (Sodexo) by {0} ({1}).",
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
    }
}

texts! {
    /// `(nl, fr, en)` of a word the templates insert: class names, services, yes/no.
    fn words / find_words, ALL_WORDS, otherwise ("?", "?", "?"), {
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
        "definition" => (
            "volgens de volledige definitie (verbonden en partnerondernemingen, twee boekjaren)",
            "selon la définition complète (entreprises liées et partenaires, deux exercices)",
            "under the full definition (linked and partner enterprises, two periods)",
        ),
        #[cfg(feature = "full-sme")]
        "own" => (
            "de onderneming zelf",
            "l'entreprise elle-même",
            "the enterprise itself",
        ),
        #[cfg(feature = "full-sme")]
        "linked" => (
            "verbonden onderneming",
            "entreprise liée",
            "linked enterprise",
        ),
        #[cfg(feature = "full-sme")]
        "partner" => (
            "partneronderneming",
            "entreprise partenaire",
            "partner enterprise",
        ),
        #[cfg(feature = "full-sme")]
        "linked_to_partner" => (
            "verbonden met een partner",
            "liée à une entreprise partenaire",
            "linked to a partner",
        ),
        #[cfg(feature = "full-sme")]
        "consolidated" => (
            "al in een geconsolideerde rekening",
            "déjà dans des comptes consolidés",
            "already in consolidated accounts",
        ),
        #[cfg(feature = "full-sme")]
        "exempt_investor" => (
            "vrijgestelde investeerder",
            "investisseur exempté",
            "exempt investor",
        ),
        #[cfg(feature = "full-sme")]
        "public_body" => ("overheid", "organisme public", "public body"),
        #[cfg(feature = "full-sme")]
        "natural_person" => ("natuurlijke persoon", "personne physique", "natural person"),
        #[cfg(feature = "full-sme")]
        "not_counted" => ("niet meegeteld", "non comptée", "not counted"),
        "unknown" => ("onbekend", "inconnu", "unknown"),
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
        "after_application_30" => (
            "30 dagen na de aanvraag",
            "30 jours après la demande",
            "30 days after the application",
        ),
        "own_share_into_wallet" => (
            "te storten in de kmo-portefeuille",
            "à verser dans le portefeuille PME",
            "paid into the wallet",
        ),
        "own_share_not_eligible" => (
            "geen steun, dus niets te storten in de kmo-portefeuille: de onderneming draagt de hele kost zelf",
            "pas d'aide, donc rien à verser dans le portefeuille PME : l'entreprise supporte elle-même tout le coût",
            "no aid, so nothing is paid into the wallet: the enterprise bears the whole cost itself",
        ),
        "no_start_date" => (
            "onbekend zonder startdatum",
            "inconnu sans date de début",
            "unknown without a start date",
        ),
        // Invoice lines and why a line is not eligible.
        "fee" => ("honorarium", "honoraires", "fee"),
        "catering" => ("catering", "catering", "catering"),
        "travel" => ("verplaatsing", "déplacement", "travel"),
        "material" => ("lesmateriaal", "matériel de cours", "course material"),
        "exam" => ("examen", "examen", "exam"),
        "advance_invoice" => ("voorschotfactuur", "facture d'acompte", "advance invoice"),
        "implementation" => ("uitvoering van het advies", "mise en œuvre du conseil", "implementation of the advice"),
        "exam_costs" => (
            "examenkosten komen nooit in aanmerking",
            "les frais d'examen ne sont jamais admissibles",
            "exam costs are never eligible",
        ),
        "separately_invoiced" => (
            "apart gefactureerd",
            "facturé séparément",
            "invoiced separately",
        ),
        "not_exclusive_material" => (
            "materiaal dat niet alleen in de opleiding gebruikt wordt",
            "matériel qui ne sert pas uniquement à la formation",
            "material not used only in the training",
        ),
        "catering_cap" => (
            "meer dan 25 euro per persoon per dag",
            "plus de 25 euros par personne et par jour",
            "more than EUR 25 per person per day",
        ),
        "catering_with_advice" => (
            "catering bij advies komt niet in aanmerking",
            "le catering d'un conseil n'est pas admissible",
            "catering with advice is not eligible",
        ),
        #[cfg(feature = "full-sme")]
        "local_authority" => ("lokaal bestuur", "pouvoir local", "local authority"),
        #[cfg(feature = "full-sme")]
        "business_angel" => ("business angel", "business angel", "business angel"),
        // Themes.
        "bedrijfsstrategie" => ("bedrijfsstrategie", "stratégie d'entreprise", "business strategy"),
        "beroepsspecifieke_competenties" => (
            "beroepsspecifieke competenties",
            "compétences professionnelles spécifiques",
            "job-specific skills",
        ),
        "digitalisering" => ("digitalisering", "numérisation", "digitalisation"),
        "duurzaamheid" => ("duurzaamheid", "durabilité", "sustainability"),
        "financiele_geletterdheid" => (
            "financiële geletterdheid",
            "culture financière",
            "financial literacy",
        ),
        "innovatie" => ("innovatie", "innovation", "innovation"),
        "internationalisering" => ("internationalisering", "internationalisation", "internationalisation"),
        "personeelsmanagement" => ("personeelsmanagement", "gestion du personnel", "people management"),
        // Open questions and choices of the rulebooks.
        "uncertain_themes_2023" => (
            "alle acht thema's gelden hier vanaf 1 januari 2023; personeelsmanagement kwam mogelijk later in 2023",
            "les huit thèmes valent ici à partir du 1er janvier 2023 ; la gestion du personnel est peut-être venue plus tard en 2023",
            "all eight themes taken from 1 January 2023; personeelsmanagement may have come later in 2023",
        ),
        "uncertain_energy_start" => (
            "de startdatum van de verhoging voor energie-efficiëntie (15 maart 2023) is niet bevestigd",
            "la date de début de la majoration pour l'efficacité énergétique (15 mars 2023) n'est pas vérifiée",
            "the start date of the energy-efficiency uplift (15 March 2023) is unverified",
        ),
        "status_current_2026" => (
            "van kracht sinds 1 februari 2026, sindsdien niet opnieuw nagekeken",
            "en vigueur depuis le 1er février 2026, non revérifié depuis",
            "in force since 1 February 2026, not re-verified since",
        ),
        "choice_cyber_start" => (
            "de verhoging voor cybersecurity geldt vanaf 14 september 2021, zoals VLAIO zegt (aanvragen na 13 september 2021); een antwoord van de minister noemt 13 september 2021",
            "la majoration pour la cybersécurité vaut à partir du 14 septembre 2021, comme le dit VLAIO (demandes après le 13 septembre 2021) ; une réponse du ministre cite le 13 septembre 2021",
            "the cybersecurity uplift applies from 14 September 2021, as VLAIO says (applications after 13 September 2021); a minister's answer names 13 September 2021",
        ),
        "choice_energy_start" => (
            "de verhoging voor energie-efficiëntie geldt vanaf 15 maart 2023, de datum van het ministerieel besluit; geen bron noemt de dag zelf",
            "la majoration pour l'efficacité énergétique vaut à partir du 15 mars 2023, date de l'arrêté ministériel ; aucune source ne donne le jour lui-même",
            "the energy-efficiency uplift applies from 15 March 2023, the date of the ministerial decree; no source names the day itself",
        ),
        // What a list of codes is (errors).
        "language" => ("taal", "langue", "language"),
        // The C face's own numbered lists (kmo_code_list, kmo_yes_no).
        "code list" => ("codelijst", "liste de codes", "code list"),
        "yes/no answer" => ("ja/nee-antwoord", "réponse oui/non", "yes/no answer"),
        "severity" => ("ernst", "gravité", "severity"),
        "finding code" => ("vaststellingscode", "code de constat", "finding code"),
        "legal form" => ("rechtsvorm", "forme juridique", "legal form"),
        "cost line kind" => ("soort factuurlijn", "type de ligne de facture", "cost line kind"),
        "service kind" => ("soort dienst", "type de service", "service kind"),
        "theme" => ("thema", "thème", "theme"),
        "subtheme" => ("subthema", "sous-thème", "subtheme"),
        "excluded topic" => ("uitgesloten onderwerp", "sujet exclu", "excluded topic"),
        "staff role" => ("rol van een personeelslid", "rôle d'un membre du personnel", "staff role"),
        "ownership-change policy" => (
            "regel voor een wijziging van eigendom",
            "règle de changement de propriété",
            "ownership-change policy",
        ),
        "control right" => ("controlerecht", "droit de contrôle", "control right"),
        "size class" => ("grootteklasse", "classe de taille", "size class"),
        "wallet class" => ("klasse van de portefeuille", "classe du portefeuille", "wallet class"),
        "own-share deadline policy" => (
            "regel voor de termijn van het eigen aandeel",
            "règle de délai de la quote-part",
            "own-share deadline policy",
        ),
        "entity kind" => ("soort entiteit", "type d'entité", "entity kind"),
        "application status" => ("status van een aanvraag", "statut d'une demande", "application status"),
        "input error code" => ("foutcode van de invoer", "code d'erreur de saisie", "input error code"),
        "wallet error code" => (
            "foutcode van de portefeuille",
            "code d'erreur du portefeuille",
            "wallet error code",
        ),
        "finding group" => ("groep van vaststellingen", "groupe de constats", "finding group"),
        "trace step" => ("rekenstap", "étape du calcul", "trace step"),
        "procedure step" => ("stap van de procedure", "étape de la procédure", "procedure step"),
        "relation" => ("verband", "relation", "relation"),
        "reason a line is not eligible" => (
            "reden waarom een lijn niet in aanmerking komt",
            "raison pour laquelle une ligne n'est pas admissible",
            "reason a line is not eligible",
        ),
        // The groups of findings.
        "blocking" => (
            "waarom de aanvraag niet in aanmerking komt",
            "pourquoi la demande n'est pas admissible",
            "why the application is not eligible",
        ),
        "not_checked" => (
            "niet nagekeken: zelf na te gaan",
            "non vérifié : à vérifier vous-même",
            "not checked: to check yourself",
        ),
        "notice" => ("goed om te weten", "bon à savoir", "good to know"),
        // The steps of the procedure.
        "portal_registration" => (
            "registreren op het portaal",
            "s'enregistrer sur le portail",
            "register on the portal",
        ),
        "activation_letter" => (
            "de activatiebrief ontvangen",
            "recevoir la lettre d'activation",
            "receive the activation letter",
        ),
        "service_start" => (
            "de opleiding of het advies start",
            "la formation ou le conseil commence",
            "the training or advice starts",
        ),
        "apply" => (
            "aanvragen op het portaal",
            "introduire la demande sur le portail",
            "apply on the portal",
        ),
        "pay_own_share" => (
            "het eigen aandeel storten in de kmo-portefeuille",
            "verser la quote-part dans le portefeuille PME",
            "pay the own share into the wallet",
        ),
        "complete_service" => (
            "de opleiding of het advies afronden",
            "terminer la formation ou le conseil",
            "finish the training or advice",
        ),
        "invoice_and_release" => (
            "de dienstverlener factureert, u geeft de betaling vrij op het portaal",
            "le prestataire facture, vous libérez le paiement sur le portail",
            "the provider invoices, you release the payment on the portal",
        ),
        "vat_to_provider" => (
            "de btw rechtstreeks aan de dienstverlener betalen",
            "payer la TVA directement au prestataire",
            "pay the VAT directly to the provider",
        ),
        "keep_records" => ("de stukken bewaren", "conserver les justificatifs", "keep the records"),
        // Documents.
        "the request" => ("de aanvraag", "la demande", "the request"),
        "the requests" => ("de aanvragen", "les demandes", "the requests"),
        "the response" => ("het antwoord", "la réponse", "the response"),
        "the wallet" => ("de portefeuille", "le portefeuille", "the wallet"),
        "the size" => ("de grootte", "la taille", "the size"),
        "the question" => ("de vraag", "la question", "the question"),
        // JSON types.
        "null" => ("null", "null", "null"),
        "a boolean" => ("een booleaanse waarde", "un booléen", "a boolean"),
        "a number" => ("een getal", "un nombre", "a number"),
        "a string" => ("een tekst", "un texte", "a string"),
        "a list" => ("een lijst", "une liste", "a list"),
        "an object" => ("een object", "un objet", "an object"),
        "true or false" => ("true of false", "true ou false", "true or false"),
        "an amount" => (
            "een bedrag als tekst zoals 2000.00",
            "un montant en texte comme 2000.00",
            "an amount as a string such as 2000.00",
        ),
        "a percentage" => (
            "een percentage als tekst zoals 21",
            "un pourcentage en texte comme 21",
            "a percentage as a string such as 21",
        ),
        "a number of annual work units" => (
            "een aantal jaararbeidseenheden zoals 12.5",
            "un nombre d'unités de travail annuel comme 12.5",
            "a number of annual work units such as 12.5",
        ),
        "a whole number" => ("een geheel getal", "un nombre entier", "a whole number"),
        "a fraction" => ("een breuk zoals 0.5", "une fraction comme 0.5", "a fraction such as 0.5"),
        // Why a text is not JSON.
        "EOF while parsing a list" => (
            "de tekst stopt midden in een lijst",
            "le texte s'arrête au milieu d'une liste",
            "EOF while parsing a list",
        ),
        "EOF while parsing a string" => (
            "de tekst stopt midden in een tekenreeks",
            "le texte s'arrête au milieu d'une chaîne",
            "EOF while parsing a string",
        ),
        "EOF while parsing a value" => (
            "de tekst stopt waar een waarde verwacht wordt",
            "le texte s'arrête là où une valeur est attendue",
            "EOF while parsing a value",
        ),
        "EOF while parsing an object" => (
            "de tekst stopt midden in een object",
            "le texte s'arrête au milieu d'un objet",
            "EOF while parsing an object",
        ),
        "control character found while parsing a string" => (
            "stuurteken in een tekenreeks",
            "caractère de contrôle dans une chaîne",
            "control character found while parsing a string",
        ),
        "expected `,` or `]`" => ("`,` of `]` verwacht", "`,` ou `]` attendu", "expected `,` or `]`"),
        "expected `,` or `}`" => ("`,` of `}` verwacht", "`,` ou `}` attendu", "expected `,` or `}`"),
        "expected `:`" => ("`:` verwacht", "`:` attendu", "expected `:`"),
        "expected value" => ("waarde verwacht", "valeur attendue", "expected value"),
        "invalid escape" => ("ongeldige escape", "échappement invalide", "invalid escape"),
        "invalid number" => ("ongeldig getal", "nombre invalide", "invalid number"),
        "invalid unicode code point" => (
            "ongeldig unicode-codepunt",
            "point de code unicode invalide",
            "invalid unicode code point",
        ),
        "key must be a string" => (
            "een sleutel moet een tekenreeks zijn",
            "une clé doit être une chaîne",
            "key must be a string",
        ),
        "lone leading surrogate in hex escape" => (
            "alleenstaande eerste surrogaat in een hex-escape",
            "substitut initial isolé dans un échappement hexadécimal",
            "lone leading surrogate in hex escape",
        ),
        "lone trailing surrogate in hex escape" => (
            "alleenstaande tweede surrogaat in een hex-escape",
            "substitut final isolé dans un échappement hexadécimal",
            "lone trailing surrogate in hex escape",
        ),
        "recursion limit exceeded" => (
            "te diep genest (meer dan 127 niveaus)",
            "imbrication trop profonde (plus de 127 niveaux)",
            "recursion limit exceeded",
        ),
        "trailing characters" => (
            "tekens na het einde van het document",
            "caractères après la fin du document",
            "trailing characters",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coded::FindingCode;

    /// Every word a message inserts has its three texts: the lists' names, the JSON types,
    /// the documents, the themes, the rulebooks' open questions and choices.
    #[test]
    fn every_word_has_its_texts() {
        let known = |key: &str| words(key).0 != "?";
        for key in [
            "language",
            "code list",
            "yes/no answer",
            "severity",
            "finding code",
            "legal form",
            "cost line kind",
            "service kind",
            "theme",
            "subtheme",
            "excluded topic",
            "staff role",
            "ownership-change policy",
            "control right",
            "size class",
            "wallet class",
            "own-share deadline policy",
            "entity kind",
            "application status",
            "the request",
            "the requests",
            "the wallet",
            "the size",
            "the question",
            "null",
            "a boolean",
            "a number",
            "a string",
            "a list",
            "an object",
            "true or false",
            "an amount",
            "a percentage",
            "a number of annual work units",
            "a whole number",
            "a fraction",
            "local_authority",
            "business_angel",
            "natural_person",
            "public_body",
            "after_application",
            "after_application_30",
            "after_approval",
        ] {
            assert!(known(key), "{key}");
        }
        for theme in crate::Theme::ALL {
            assert!(known(theme.as_str()), "{theme}");
        }
        for book in crate::RULEBOOKS {
            for key in book.uncertain.iter().chain(&book.status) {
                assert!(known(key), "{key}");
            }
        }
        for kind in crate::CostLineKind::ALL {
            assert!(known(kind.as_str()), "{kind}");
        }
        for why in [
            "exam_costs",
            "separately_invoiced",
            "not_exclusive_material",
            "catering_cap",
            "advance_invoice",
            "implementation",
            "catering_with_advice",
        ] {
            assert!(known(why), "{why}");
        }
        for choice in crate::kmo::rulebook::BOUNDARY_CHOICES {
            assert!(known(choice.choice), "{}", choice.choice);
        }
        for class in crate::SizeClass::ALL {
            assert!(known(class.as_str()));
        }
    }

    #[test]
    fn every_finding_has_three_real_messages() {
        for code in FindingCode::ALL {
            let [nl, fr, en] = templates(code.as_str()).map(|t| t.text);
            assert_ne!(nl, "{0}", "{code}");
            assert!(nl != fr && fr != en, "{code}");
        }
    }

    /// The response writer copies template text and words into JSON strings as they are.
    #[test]
    fn templates_and_words_hold_nothing_json_escapes() {
        let mut keys = std::collections::HashSet::new();
        for (key, nl, fr, en) in ALL_TEMPLATES.iter().chain(ALL_WORDS) {
            assert!(keys.insert(*key), "{key} twice");
            for text in [key, nl, fr, en] {
                assert!(
                    !text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'),
                    "{key}: {text}"
                );
            }
        }
        assert!(ALL_TEMPLATES.len() > FindingCode::ALL.len());
        // Every placeholder of every template is found, none of them past the arguments
        // `{0}`…`{7}` a message can carry.
        for (key, nl, fr, en) in ALL_TEMPLATES {
            for text in [nl, fr, en] {
                let t = Template::new(text);
                assert_eq!(usize::from(t.count), text.matches('{').count(), "{key}");
                assert!(
                    t.holes[..usize::from(t.count)].iter().all(|h| h.arg < 8),
                    "{key}"
                );
            }
        }
        assert!(ALL_WORDS.iter().any(|(key, ..)| *key == "small"));
    }
}
