//! Services, themes and subthemes (BVR-2016 art. 9; BVR-2022).

use crate::coded::coded_enum;

coded_enum!(
    /// The two services of the kmo-portefeuille since 1 April 2016 (BVR-2016 art. 9).
    ///
    /// ```
    /// use kmo_core::ServiceKind;
    /// assert_eq!(ServiceKind::parse("advice").unwrap(), ServiceKind::Advice);
    /// assert!(ServiceKind::parse("coaching").is_err());
    /// ```
    ServiceKind, "service kind", {
        /// Opleiding (art. 9, a).
        Training => "training",
        /// Advies (art. 9, b).
        Advice => "advice",
    }
);

coded_enum!(
    /// The themes within which services are eligible from 1 January 2023 (BVR-2022).
    ///
    /// ```
    /// use kmo_core::Theme;
    /// assert_eq!(Theme::parse("personeelsmanagement").unwrap(), Theme::Personeelsmanagement);
    /// assert_eq!(Theme::ALL.len(), 8);
    /// ```
    Theme, "theme", {
        /// Bedrijfsstrategie.
        Bedrijfsstrategie => "bedrijfsstrategie",
        /// Beroepsspecifieke competenties.
        BeroepsspecifiekeCompetenties => "beroepsspecifieke_competenties",
        /// Digitalisering (subtheme cybersecurity).
        Digitalisering => "digitalisering",
        /// Duurzaamheid (subtheme energie-efficiëntie en alternatieve energie).
        Duurzaamheid => "duurzaamheid",
        /// Financiële geletterdheid.
        FinancieleGeletterdheid => "financiele_geletterdheid",
        /// Innovatie.
        Innovatie => "innovatie",
        /// Internationalisering.
        Internationalisering => "internationalisering",
        /// Personeelsmanagement.
        Personeelsmanagement => "personeelsmanagement",
    }
);

coded_enum!(
    /// The subthemes that carry an uplift of the aid percentage.
    ///
    /// ```
    /// use kmo_core::{Subtheme, Theme};
    /// assert_eq!(Subtheme::Cybersecurity.theme(), Theme::Digitalisering);
    /// assert_eq!(Subtheme::parse("energy_efficiency").unwrap().theme(), Theme::Duurzaamheid);
    /// ```
    Subtheme, "subtheme", {
        /// Cybersecurity, within digitalisering (MB-2021).
        Cybersecurity => "cybersecurity",
        /// Energy efficiency and alternative energy, within duurzaamheid (MB-2023).
        EnergyEfficiency => "energy_efficiency",
    }
);

impl Subtheme {
    /// The theme the subtheme belongs to.
    pub fn theme(self) -> Theme {
        match self {
            Subtheme::Cybersecurity => Theme::Digitalisering,
            Subtheme::EnergyEfficiency => Theme::Duurzaamheid,
        }
    }
}

coded_enum!(
    /// Topics excluded from 1 July 2020 (extended July 2021); the list comes from third parties
    /// (providers, accountants), not from the legal text. A caller tags a service with one when it
    /// applies.
    ///
    /// ```
    /// use kmo_core::ExcludedTopic;
    /// assert!(ExcludedTopic::parse("mindfulness").is_ok());
    /// ```
    ExcludedTopic, "excluded topic", {
        /// Shiatsu.
        Shiatsu => "shiatsu",
        /// Mindfulness.
        Mindfulness => "mindfulness",
        /// Neuro-linguistic programming.
        Nlp => "nlp",
        /// Myers-Briggs Type Indicator.
        Mbti => "mbti",
        /// Insights Discovery.
        InsightsDiscovery => "insights_discovery",
        /// Hypnosis.
        Hypnosis => "hypnosis",
        /// Astrology.
        Astrology => "astrology",
        /// Driving licences.
        DrivingLicence => "driving_licence",
        /// Pilot licences.
        PilotLicence => "pilot_licence",
        /// Teambuilding.
        Teambuilding => "teambuilding",
        /// Networking.
        Networking => "networking",
        /// Study trips.
        StudyTrip => "study_trip",
        /// Exams.
        Exam => "exam",
        /// Exam coaching.
        ExamCoaching => "exam_coaching",
    }
);
