//! The C enumerations of coded values (size class, service, theme, subtheme).
//!
//! They are `uint32_t` in C. Coming *from* C they are taken as `uint32_t` fields and checked
//! (`convert.rs`), so an out-of-range value is invalid input; going *to* C they are written
//! by the library.

/// The size class under the SME definition.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_size_class {
    /// Micro enterprise.
    KMO_SIZE_MICRO = 0,
    /// Small enterprise.
    KMO_SIZE_SMALL = 1,
    /// Medium-sized enterprise.
    KMO_SIZE_MEDIUM = 2,
    /// Not an SME.
    KMO_SIZE_LARGE = 3,
}

/// The service: training (opleiding) or advice (advies).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_service_kind {
    /// Training.
    KMO_SERVICE_TRAINING = 0,
    /// Advice.
    KMO_SERVICE_ADVICE = 1,
}

/// Themes (from 2023). `KMO_THEME_NONE` before themes existed.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_theme {
    /// No theme.
    KMO_THEME_NONE = 0,
    /// Bedrijfsstrategie.
    KMO_THEME_BEDRIJFSSTRATEGIE = 1,
    /// Beroepsspecifieke competenties.
    KMO_THEME_BEROEPSSPECIFIEKE_COMPETENTIES = 2,
    /// Digitalisering.
    KMO_THEME_DIGITALISERING = 3,
    /// Duurzaamheid.
    KMO_THEME_DUURZAAMHEID = 4,
    /// Financiële geletterdheid.
    KMO_THEME_FINANCIELE_GELETTERDHEID = 5,
    /// Innovatie.
    KMO_THEME_INNOVATIE = 6,
    /// Internationalisering.
    KMO_THEME_INTERNATIONALISERING = 7,
    /// Personeelsmanagement.
    KMO_THEME_PERSONEELSMANAGEMENT = 8,
}

/// Subthemes with an uplift.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_subtheme {
    /// No subtheme.
    KMO_SUBTHEME_NONE = 0,
    /// Cybersecurity.
    KMO_SUBTHEME_CYBERSECURITY = 1,
    /// Energy efficiency and alternative energy.
    KMO_SUBTHEME_ENERGY_EFFICIENCY = 2,
}
