//! The message of every finding code, blocking first, then information and warnings.

super::texts! {
    split {
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
        "EXCLUDED_TOPIC_NOT_IN_FORCE" => (
            "Het onderwerp {0} heeft geen gevolg voor een aanvraag op {1}: de lijst van uitgesloten onderwerpen geldt vanaf 1 juli 2020.",
            "Le sujet {0} est sans effet pour une demande du {1} : la liste des sujets exclus s'applique à partir du 1er juillet 2020.",
            "The topic {0} has no effect for an application on {1}: the list of excluded topics applies from 1 July 2020.",
        ),
        "SERVICE_STARTS_AFTER_COMPLETION_DEADLINE" => (
            "De dienst begint op {0}, na de dag waarop hij voltooid moet zijn ({1}): zo kan hij niet op tijd voltooid worden.",
            "Le service commence le {0}, après le jour où il doit être terminé ({1}) : il ne peut pas être terminé à temps.",
            "The service starts on {0}, after the day it must be completed by ({1}): it cannot be completed in time.",
        ),
        "SUBTHEME_NOT_IN_FORCE" => (
            "Het subthema {0} geeft voor deze dienst op {1} geen verhoogd percentage.",
            "Le sous-thème {0} ne donne pas de pourcentage majoré pour ce service le {1}.",
            "The subtheme {0} gives no higher percentage for this service on {1}.",
        ),
        "SUBTHEME_OF_OTHER_THEME" => (
            "Het subthema {0} hoort bij het thema {1}, niet bij {2}: de dienst wordt beoordeeld binnen het thema {1}.",
            "Le sous-thème {0} relève du thème {1}, pas de {2} : le service est évalué dans le thème {1}.",
            "The subtheme {0} belongs to the theme {1}, not {2}: the service is assessed under the theme {1}.",
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
        #[cfg(feature = "full-sme")]
        "MARKET_NOT_GIVEN" => (
            "Niet nagekeken of de onderneming {1} via {0} verbonden is met een andere onderneming onder dezelfde controle: de markt van {1} is niet opgegeven (via natuurlijke personen zijn ondernemingen alleen verbonden op dezelfde of een aangrenzende markt); beschouwd als niet verbonden.",
            "Non vérifié si l'entreprise {1} est liée par {0} à une autre entreprise sous le même contrôle : le marché de {1} n'a pas été indiqué (par des personnes physiques, des entreprises ne sont liées que sur le même marché ou un marché contigu) ; considérée comme non liée.",
            "Not checked whether the enterprise {1} is linked through {0} to another enterprise under the same control: the market of {1} is not given (through natural persons, enterprises are linked only in the same or an adjacent market); taken as not linked.",
        ),
        #[cfg(feature = "full-sme")]
        "BUSINESS_ANGEL_AT_LIMIT" => (
            "{0} investeerde {1} euro, precies de grens voor een business angel: de Engelse tekst zegt minder dan, de Duitse ten hoogste; deze bibliotheek kiest strikt minder, dus {0} is geen vrijgestelde investeerder en telt als partneronderneming.",
            "{0} a investi {1} euros, exactement la limite d'un business angel : le texte anglais dit moins de, le texte allemand au plus ; cette bibliothèque retient strictement moins, donc {0} n'est pas un investisseur exempté et compte comme entreprise partenaire.",
            "{0} invested EUR {1}, exactly the business-angel limit: the English text says less than, the German not exceeding; this library takes strictly less, so {0} is not an exempt investor and counts as a partner enterprise.",
        ),
        "ACTIVATION_LINK_EXPIRES_FIRST" => (
            "De eenmalige link in de activatiebrief is geldig tot ongeveer {0}, vóór de laatste dag om aan te vragen ({1}): activeer er de account mee, en vraag aan, uiterlijk op {0}.",
            "Le lien unique de la lettre d'activation est valable jusqu'au {0} environ, avant le dernier jour pour introduire la demande ({1}) : activez le compte avec ce lien, et introduisez la demande, au plus tard le {0}.",
            "The one-time link in the activation letter is valid until about {0}, before the last day to apply ({1}): activate the account with it, and apply, by {0}.",
        ),
    }
}
