//! The words the templates insert: class names, services, themes, the rulebooks' open
//! questions and choices, the names of lists, documents and JSON types.

super::texts! {
    words {
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
        // Why an entity of the SME definition is not added (the `sme_weight` step of an
        // entity whose figures do not count), by its relation.
        #[cfg(feature = "full-sme")]
        "not_added_consolidated" => (
            "al in de geconsolideerde rekening van een onderneming die meetelt",
            "déjà dans les comptes consolidés d'une entreprise prise en compte",
            "already in the consolidated accounts of a counted enterprise",
        ),
        #[cfg(feature = "full-sme")]
        "not_added_exempt_investor" => (
            "een vrijgestelde investeerder (die tot 50 % mag bezitten zonder partner te worden)",
            "un investisseur exempté (qui peut détenir jusqu'à 50 % sans devenir partenaire)",
            "an exempt investor (which may hold up to 50 % without becoming a partner)",
        ),
        #[cfg(feature = "full-sme")]
        "not_added_public_body" => (
            "een overheid (wat overheden bezitten, telt in de plaats daarvan voor de grens van 25 %)",
            "un organisme public (ce que détiennent les organismes publics compte à la place pour le seuil de 25 %)",
            "a public body (what public bodies hold counts towards the 25 % limit instead)",
        ),
        #[cfg(feature = "full-sme")]
        "not_added_natural_person" => (
            "een natuurlijke persoon, wiens eigen cijfers nooit meetellen",
            "une personne physique, dont les chiffres propres ne sont jamais ajoutés",
            "a natural person, whose own figures are never added",
        ),
        #[cfg(feature = "full-sme")]
        "not_added_not_counted" => (
            "niet verbonden en geen partner (minder dan 25 %, of alleen via een partner)",
            "ni lien ni partenariat (moins de 25 %, ou seulement par un partenaire)",
            "neither linked nor a partner (less than 25 %, or only through a partner)",
        ),
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
        "uncertain_not_reverified" => (
            "niets beslist na de hervorming van 1 februari 2026 is opgenomen, en de tekst van haar beslissing van 23 januari 2026 werd niet gevonden",
            "rien de ce qui a été décidé après la réforme du 1er février 2026 n'est repris, et le texte de sa décision du 23 janvier 2026 n'a pas été trouvé",
            "nothing decided after the reform of 1 February 2026 is encoded, and the text of its decision of 23 January 2026 was not found",
        ),
        "uncertain_advice_transition" => (
            "geen overgangsregel bekend voor advies aangevraagd vóór 1 februari 2026 en geleverd vanaf die dag; het antwoord volgt de aanvraagdatum",
            "aucune règle transitoire connue pour un conseil demandé avant le 1er février 2026 et fourni à partir de ce jour ; la réponse suit la date de la demande",
            "no transitional rule is known for advice applied for before 1 February 2026 and delivered from that day; the answer follows the application date",
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
