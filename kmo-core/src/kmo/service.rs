//! Services, themes and subthemes (BVR-2016 art. 9; BVR-2022; RULES.md §4.1).

use core::fmt;

use crate::error::{InputError, InputErrorCode};
use crate::units::clip;

/// Finds the variant whose code is `code`, or an [`InputErrorCode::UnknownCode`] error listing
/// the accepted codes.
pub(crate) fn parse_code<T: Copy>(
    all: &[T],
    code_of: fn(T) -> &'static str,
    what: &str,
    code: &str,
) -> Result<T, InputError> {
    all.iter()
        .copied()
        .find(|v| code_of(*v) == code)
        .ok_or_else(|| {
            let accepted: Vec<&str> = all.iter().map(|v| code_of(*v)).collect();
            InputError::new(
                InputErrorCode::UnknownCode,
                "",
                format!(
                    "unknown {what} `{}`; accepted: {}",
                    clip(code),
                    accepted.join(", ")
                ),
            )
        })
}

macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable lower-case code used in the JSON document.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// Parses the lower-case code; an unknown code is an error listing the accepted ones.
            pub fn parse(code: &str) -> Result<$name, InputError> {
                parse_code($name::ALL, $name::as_str, $what, code)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use coded_enum;

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
    /// Topics excluded from 1 July 2020 (extended July 2021), RULES.md §4.1 **3p**. A caller tags
    /// a service with one when it applies.
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
