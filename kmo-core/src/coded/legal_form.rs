//! Legal forms (BVR-2016 art. 4).

use crate::coded::coded_enum;

coded_enum!(
    /// The legal form of the enterprise (*rechtsvorm*).
    ///
    /// ```
    /// use kmo_core::LegalForm;
    /// assert!(LegalForm::parse("bv").unwrap().is_eligible());
    /// assert!(!LegalForm::parse("vzw").unwrap().is_eligible());
    /// let err = LegalForm::parse("llc").unwrap_err();
    /// assert!(err.message(kmo_core::Lang::En).contains("eenmanszaak"));
    /// ```
    LegalForm, "legal form", {
        /// Eenmanszaak: a natural person trading or self-employed (also secondary occupation and
        /// liberal professions).
        Eenmanszaak => "eenmanszaak",
        /// Besloten vennootschap.
        Bv => "bv",
        /// Naamloze vennootschap.
        Nv => "nv",
        /// Coöperatieve vennootschap.
        Cv => "cv",
        /// Vennootschap onder firma.
        Vof => "vof",
        /// Commanditaire vennootschap.
        Commv => "commv",
        /// Europese vennootschap (SE).
        Se => "se",
        /// Europese coöperatieve vennootschap (SCE).
        Sce => "sce",
        /// Europees economisch samenwerkingsverband.
        Eesv => "eesv",
        /// BVBA (pre-2019 name).
        Bvba => "bvba",
        /// CVBA (pre-2019 name).
        Cvba => "cvba",
        /// CVOA (pre-2019 name).
        Cvoa => "cvoa",
        /// Comm.VA (pre-2019 name).
        Commva => "commva",
        /// ESV (pre-2019 name).
        Esv => "esv",
        /// A foreign enterprise with a status similar to an eligible form.
        Foreign => "foreign",
        /// Vereniging zonder winstoogmerk.
        Vzw => "vzw",
        /// Internationale vzw.
        Ivzw => "ivzw",
        /// Stichting.
        Stichting => "stichting",
        /// Maatschap.
        Maatschap => "maatschap",
        /// Feitelijke vereniging.
        FeitelijkeVereniging => "feitelijke_vereniging",
        /// Tijdelijke handelsvennootschap.
        TijdelijkeHandelsvennootschap => "tijdelijke_handelsvennootschap",
        /// Stille handelsvennootschap.
        StilleHandelsvennootschap => "stille_handelsvennootschap",
        /// A public-law entity.
        Public => "public",
        /// A company still being formed (*in oprichting*).
        InOprichting => "in_oprichting",
    }
);

impl LegalForm {
    /// Whether BVR-2016 art. 4 admits this form: natural persons who are traders or
    /// self-employed, private-law companies with legal personality, similar foreign enterprises.
    pub fn is_eligible(self) -> bool {
        matches!(
            self,
            LegalForm::Eenmanszaak
                | LegalForm::Bv
                | LegalForm::Nv
                | LegalForm::Cv
                | LegalForm::Vof
                | LegalForm::Commv
                | LegalForm::Se
                | LegalForm::Sce
                | LegalForm::Eesv
                | LegalForm::Bvba
                | LegalForm::Cvba
                | LegalForm::Cvoa
                | LegalForm::Commva
                | LegalForm::Esv
                | LegalForm::Foreign
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_codes_are_known() {
        let fixed = [
            "eenmanszaak",
            "bv",
            "nv",
            "cv",
            "vof",
            "commv",
            "se",
            "sce",
            "eesv",
            "bvba",
            "cvba",
            "foreign",
            "vzw",
            "ivzw",
            "stichting",
            "maatschap",
            "feitelijke_vereniging",
            "public",
        ];
        for code in fixed {
            assert_eq!(LegalForm::parse(code).unwrap().as_str(), code);
        }
        let ineligible = [
            "vzw",
            "ivzw",
            "stichting",
            "maatschap",
            "feitelijke_vereniging",
            "public",
            "in_oprichting",
            "tijdelijke_handelsvennootschap",
            "stille_handelsvennootschap",
        ];
        for form in LegalForm::ALL {
            assert_eq!(
                form.is_eligible(),
                !ineligible.contains(&form.as_str()),
                "{form}"
            );
        }
    }
}
