//! The explanation of every step of the trace.

super::texts! {
    split {
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
        // An entity whose figures are not added: its relation says why, without a weight.
        #[cfg(feature = "full-sme")]
        "sme_not_added" => (
            "{0}: telt niet mee, {1}.",
            "{0} : non pris en compte, {1}.",
            "{0}: not counted, {1}.",
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
            "Aanvragen uiterlijk op {0} (14 kalenderdagen na de start op {1}, ook als die dag in een weekend of op een feestdag valt).",
            "Demander au plus tard le {0} (14 jours calendrier après le début le {1}, même si ce jour tombe un week-end ou un jour férié).",
            "Apply by {0} (14 calendar days after the start on {1}, even when that day falls on a weekend or a holiday).",
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
