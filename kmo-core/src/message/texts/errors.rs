//! The messages of input errors, by key: what is wrong with a value, and where.

super::texts! {
    split {
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
        "err_answer_date_years" => (
            "`{0}` valt buiten de jaren 1900–{1} van de data die de engine schrijft",
            "`{0}` est hors des années 1900–{1} des dates que le moteur écrit",
            "`{0}` is outside the years 1900–{1} of the dates the engine writes",
        ),
        "err_approval_before_application" => (
            "de goedkeuring van {0} ligt vóór de aanvraagdatum {1}: de dienstverlener keurt een aanvraag goed nadat ze is ingediend",
            "l'approbation du {0} précède la date de demande {1} : le prestataire approuve une demande après son introduction",
            "the approval on {0} is before the application date {1}: the provider approves an application once it is submitted",
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
            "een personeelsbestand van {0} AJE valt buiten 0–10 000 000 (hoogstens 28 cijfers)",
            "un effectif de {0} UTA est hors de 0–10 000 000 (28 chiffres au plus)",
            "staff of {0} AWU is out of range (0–10 000 000, at most 28 digits)",
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
        "err_days_out_of_range" => (
            "{0} dagen na {1} valt buiten de jaren 1900–2199",
            "{0} jours après le {1} tombe hors des années 1900–2199",
            "{0} days after {1} is outside the years 1900–2199",
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
        #[cfg(feature = "wallet")]
        "err_lapsed_paid_in_time" => (
            "vervallen, maar het eigen aandeel {0} is volledig betaald tegen de uiterste datum {1}",
            "caduque, mais la quote-part {0} a été payée en entier pour l'échéance du {1}",
            "lapsed, but the own share {0} was paid in full by its deadline {1}",
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
        "err_null_list" => (
            "`{0}` is NULL terwijl `{1}` {2} is: geef de lijst, of 0",
            "`{0}` est NULL alors que `{1}` vaut {2} : donnez la liste, ou 0",
            "`{0}` is NULL while `{1}` is {2}: give the list, or 0",
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
        "err_release_before_own_share" => (
            "een vrijgave vraagt eerst het volledige eigen aandeel {0}; betaald: {1}",
            "une libération demande d'abord toute la quote-part {0} ; payé : {1}",
            "a release needs the own share {0} paid in full first; paid: {1}",
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
        // The C face's size forms, of which a request gives one.
        #[cfg(feature = "full-sme")]
        "err_size_one_form" => (
            "geef één vorm van de grootte: een opgegeven `size_class`, de cijfers (`size_from_figures`) of een `size_definition`, niet meer dan één",
            "indiquez une seule forme de la taille : une `size_class` déclarée, les chiffres (`size_from_figures`) ou une `size_definition`, pas plusieurs",
            "give one form of the size: a declared `size_class`, the figures (`size_from_figures`) or a `size_definition`, not more than one",
        ),
        "err_staff_awu_or_list" => (
            "geef `staff_awu` of een lijst `staff`, niet beide",
            "indiquez `staff_awu` ou une liste `staff`, pas les deux",
            "give `staff_awu` or a `staff` list, not both",
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
    }
}
