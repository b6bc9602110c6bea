//! The message of every refusal of a wallet operation, by its code.

super::texts! {
    split {
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
    }
}
