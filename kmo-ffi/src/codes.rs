//! The C enumerations of coded values, and their text.
//!
//! Every coded value has one number, given by the core (`number()`: 1 for the first value in
//! declaration order, new values only ever added at the end), so that 0 can mean "none" or "the
//! default" in a zero-initialised C struct. The enumerations below only name those numbers for
//! C; the tests check every constant of the header against the core, so the two cannot drift.
//! They are `uint32_t` in C. Coming *from* C they are taken as `uint32_t` fields and checked
//! (`convert.rs`), so an out-of-range value is invalid input.
//!
//! `kmo_code_text` and `kmo_code_number` turn a number into its stable text code (`small`,
//! `COST_BELOW_MINIMUM`) and back, for every list; `kmo_codes_json` gives the numbering as JSON.

use std::ffi::c_char;

use kmo_core::wallet::StatusKind;
use kmo_core::{
    CostLineKind, ExcludedTopic, FindingCode, InputError, Lang, LegalForm, OwnShareDeadline,
    ServiceKind, Severity, SizeClass, Subtheme, Theme,
};

use crate::errors::Failure;
use crate::kmo_error;
use crate::kmo_status::{self, *};
use crate::strings::{copy_out, give};

/// The size class under the SME definition.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_size_class {
    /// None given or known.
    KMO_SIZE_NONE = 0,
    /// Micro enterprise.
    KMO_SIZE_MICRO = 1,
    /// Small enterprise.
    KMO_SIZE_SMALL = 2,
    /// Medium-sized enterprise.
    KMO_SIZE_MEDIUM = 3,
    /// Not an SME.
    KMO_SIZE_LARGE = 4,
}

/// The service: training (opleiding) or advice (advies).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_service_kind {
    /// None given or known.
    KMO_SERVICE_NONE = 0,
    /// Training.
    KMO_SERVICE_TRAINING = 1,
    /// Advice.
    KMO_SERVICE_ADVICE = 2,
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
    /// Cybersecurity (theme digitalisering).
    KMO_SUBTHEME_CYBERSECURITY = 1,
    /// Energy efficiency and alternative energy (theme duurzaamheid).
    KMO_SUBTHEME_ENERGY_EFFICIENCY = 2,
}

/// The code of a finding: a blocking reason, a warning or a notice (`kmo_finding.code`,
/// `kmo_quote_result.first_blocking`). The numbers are the core's; the tests hold this list to
/// the core's, so a code the core adds is added here too.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_finding_code {
    /// No finding.
    KMO_FINDING_NONE = 0,
    /// No rulebook covers the application date (before 1 April 2016).
    KMO_FINDING_NO_RULEBOOK_FOR_DATE = 1,
    /// A large enterprise (and not a recognised maatwerkbedrijf from 2026).
    KMO_FINDING_ENTERPRISE_TOO_LARGE = 2,
    /// 25 % or more held by public bodies.
    KMO_FINDING_PUBLIC_PARTICIPATION = 3,
    /// No operating site in the Flemish Region.
    KMO_FINDING_NO_FLEMISH_ESTABLISHMENT = 4,
    /// The legal form is not admitted.
    KMO_FINDING_LEGAL_FORM_NOT_ELIGIBLE = 5,
    /// The main activity is excluded (agriculture, forestry, fisheries).
    KMO_FINDING_MAIN_ACTIVITY_EXCLUDED = 6,
    /// The provider and the enterprise are related.
    KMO_FINDING_RELATED_TO_PROVIDER = 7,
    /// The enterprise is not active in the KBO/BCE.
    KMO_FINDING_NOT_ACTIVE_IN_KBO = 8,
    /// The provider is not registered for this service.
    KMO_FINDING_PROVIDER_NOT_REGISTERED_FOR_SERVICE = 9,
    /// From 2023 a service must fall within a theme.
    KMO_FINDING_THEME_REQUIRED = 10,
    /// From 1 February 2026 advice only for cybersecurity.
    KMO_FINDING_ADVICE_ONLY_CYBERSECURITY = 11,
    /// The service is on the list of excluded topics.
    KMO_FINDING_EXCLUDED_TOPIC = 12,
    /// Applied more than 14 days after the start.
    KMO_FINDING_APPLICATION_TOO_LATE = 13,
    /// The eligible cost is below the minimum.
    KMO_FINDING_COST_BELOW_MINIMUM = 14,
    /// Nothing is left of this year's ceiling.
    KMO_FINDING_CEILING_EXHAUSTED = 15,
    /// The de minimis ceiling would be exceeded.
    KMO_FINDING_DE_MINIMIS_EXCEEDED = 16,
    /// The aid was capped at what is left of the ceiling.
    KMO_FINDING_AID_CAPPED_BY_CEILING = 17,
    /// A subtheme uplift was applied.
    KMO_FINDING_UPLIFT_APPLIED = 18,
    /// A micro enterprise gets the small-enterprise rate and ceiling.
    KMO_FINDING_MICRO_COUNTS_AS_SMALL = 19,
    /// The maatwerkbedrijf rule of 2026 was applied.
    KMO_FINDING_MAATWERKBEDRIJF_RULE_APPLIED = 20,
    /// The size class fixed at the year's first application overrides the figures.
    KMO_FINDING_SIZE_CLASS_FIXED_FOR_YEAR = 21,
    /// A theme was given for a date before themes existed.
    KMO_FINDING_THEME_NOT_IN_FORCE = 22,
    /// A subtheme was given for a date or service on which it has no uplift.
    KMO_FINDING_SUBTHEME_NOT_IN_FORCE = 23,
    /// The main activity is accepted but not verified against the annex.
    KMO_FINDING_MAIN_ACTIVITY_NOT_VERIFIED = 24,
    /// An invoice line is not (fully) eligible.
    KMO_FINDING_COST_ITEM_NOT_ELIGIBLE = 25,
    /// Catering was capped at EUR 25 per person per day.
    KMO_FINDING_CATERING_CAPPED = 26,
    /// The rulebook edition has an open question.
    KMO_FINDING_RULEBOOK_UNCERTAIN = 27,
    /// No legal form given; not checked.
    KMO_FINDING_LEGAL_FORM_NOT_CHECKED = 28,
    /// No establishment given; not checked.
    KMO_FINDING_ESTABLISHMENT_NOT_CHECKED = 29,
    /// No NACE code given; not checked.
    KMO_FINDING_MAIN_ACTIVITY_NOT_CHECKED = 30,
    /// Relation to the provider not given; not checked.
    KMO_FINDING_RELATED_PARTIES_NOT_CHECKED = 31,
    /// No provider number given; not checked.
    KMO_FINDING_PROVIDER_NOT_CHECKED = 32,
    /// No start date given; the application deadline is not checked.
    KMO_FINDING_START_DATE_NOT_GIVEN = 33,
    /// The own-share deadline needs the approval date, which was not given.
    KMO_FINDING_APPROVAL_DATE_NOT_GIVEN = 34,
    /// The size rests on a bona fide estimate (a new enterprise without approved accounts).
    KMO_FINDING_SIZE_FROM_ESTIMATE = 35,
    /// The two-period rule keeps a status the latest figures alone would change.
    KMO_FINDING_TWO_PERIOD_RULE_APPLIED = 36,
    /// A field of the request is not known and was ignored.
    KMO_FINDING_UNKNOWN_FIELD_IGNORED = 37,
    /// The enterprise is a small mid-cap (Recommendation (EU) 2025/1099): information only.
    KMO_FINDING_SMALL_MID_CAP = 38,
    /// The application falls on a day where the library chose between readings of the
    /// sources (the first day of an uplift).
    KMO_FINDING_BOUNDARY_DAY_CHOICE = 39,
    /// The de minimis regulation applied has expired on the application date; no later
    /// regulation is encoded.
    KMO_FINDING_DE_MINIMIS_REGULATION_EXPIRED = 40,
    /// The first registration on the portal, planned: the last day to register, what to have
    /// at hand, when the activation letter is expected.
    KMO_FINDING_FIRST_TIME_REGISTRATION = 41,
    /// The activation letter is expected after the last day to apply.
    KMO_FINDING_ACTIVATION_LETTER_AFTER_DEADLINE = 42,
    /// The activation link expires before the last day to apply: use it by its expiry.
    KMO_FINDING_ACTIVATION_LINK_EXPIRES_FIRST = 43,
}

/// When the own share must be paid into the wallet. The sources disagree; the default is the
/// provider's guidance, 14 days after the application.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_own_share_deadline {
    /// The engine's default (`KMO_OWN_SHARE_AFTER_APPLICATION_14_DAYS`).
    KMO_OWN_SHARE_DEFAULT = 0,
    /// Within 14 days after the application.
    KMO_OWN_SHARE_AFTER_APPLICATION_14_DAYS = 1,
    /// Within 30 calendar days after the provider's approval (give the approval date).
    KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS = 2,
    /// Within 30 calendar days after the application.
    KMO_OWN_SHARE_AFTER_APPLICATION_30_DAYS = 3,
}

/// The language of a message.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_lang {
    /// The language of errors when none is given: English (answers default to Dutch).
    KMO_LANG_DEFAULT = 0,
    /// Nederlands.
    KMO_LANG_NL = 1,
    /// Français.
    KMO_LANG_FR = 2,
    /// English.
    KMO_LANG_EN = 3,
}

/// Where an application in a wallet stands.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_application_status {
    /// Running.
    KMO_APPLICATION_ACTIVE = 1,
    /// Stopped.
    KMO_APPLICATION_STOPPED = 2,
    /// Lapsed (the own share was not paid in time).
    KMO_APPLICATION_LAPSED = 3,
}

/// How much a finding matters.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_severity {
    /// For information: a choice made, a rule applied.
    KMO_SEVERITY_INFO = 1,
    /// Something to look at; does not block.
    KMO_SEVERITY_WARNING = 2,
    /// The application is not eligible for this reason.
    KMO_SEVERITY_BLOCKING = 3,
}

/// What an invoice line (`kmo_cost_line`) is for.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_cost_line_kind {
    /// The provider's fee for the training or advice itself.
    KMO_COST_LINE_FEE = 1,
    /// Catering, invoiced with the training (give `persons` and `days`).
    KMO_COST_LINE_CATERING = 2,
    /// The trainer's or adviser's travel.
    KMO_COST_LINE_TRAVEL = 3,
    /// Course material.
    KMO_COST_LINE_MATERIAL = 4,
    /// Exam costs.
    KMO_COST_LINE_EXAM = 5,
    /// An advance invoice.
    KMO_COST_LINE_ADVANCE_INVOICE = 6,
    /// Executing the implementation an advice recommends.
    KMO_COST_LINE_IMPLEMENTATION = 7,
}

/// A yes/no answer that may be left out (the JSON document's optional `true`/`false`): a
/// condition not given is not checked, and the answer says so.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_yes_no {
    /// Not given (the field left out of the document).
    KMO_NOT_GIVEN = 0,
    /// Yes (`true`).
    KMO_YES = 1,
    /// No (`false`).
    KMO_NO = 2,
}

/// The lists `kmo_code_text` and `kmo_code_number` know.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum kmo_code_list {
    /// `kmo_size_class`: `micro`, `small`, `medium`, `large`.
    KMO_CODES_SIZE_CLASS = 1,
    /// `kmo_service_kind`: `training`, `advice`.
    KMO_CODES_SERVICE_KIND = 2,
    /// `kmo_theme`: `bedrijfsstrategie`, …, `personeelsmanagement`.
    KMO_CODES_THEME = 3,
    /// `kmo_subtheme`: `cybersecurity`, `energy_efficiency`.
    KMO_CODES_SUBTHEME = 4,
    /// `kmo_finding_code`: `NO_RULEBOOK_FOR_DATE`, …
    KMO_CODES_FINDING = 5,
    /// `kmo_own_share_deadline`: `after_application_14_days`, …
    KMO_CODES_OWN_SHARE_DEADLINE = 6,
    /// `kmo_lang`: `nl`, `fr`, `en`.
    KMO_CODES_LANG = 7,
    /// `kmo_application_status`: `active`, `stopped`, `lapsed`.
    KMO_CODES_APPLICATION_STATUS = 8,
    /// Legal forms, for `kmo_quote_request.legal_form`: `eenmanszaak`, `bv`, … (numbered from 1
    /// in the engine's order; `kmo_code_number` gives a form's number).
    KMO_CODES_LEGAL_FORM = 9,
    /// Excluded topics, for `kmo_quote_request.excluded_topic`: `shiatsu`, … (numbered from 1
    /// in the engine's order).
    KMO_CODES_EXCLUDED_TOPIC = 10,
    /// `kmo_cost_line_kind`: `fee`, `catering`, …
    KMO_CODES_COST_LINE_KIND = 11,
    /// `kmo_severity`: `info`, `warning`, `blocking`.
    KMO_CODES_SEVERITY = 12,
}

/// Every list of `kmo_code_list`, by number and name: the accepted values an unknown list's
/// error names.
const LISTS: [&str; 12] = [
    "1 (KMO_CODES_SIZE_CLASS)",
    "2 (KMO_CODES_SERVICE_KIND)",
    "3 (KMO_CODES_THEME)",
    "4 (KMO_CODES_SUBTHEME)",
    "5 (KMO_CODES_FINDING)",
    "6 (KMO_CODES_OWN_SHARE_DEADLINE)",
    "7 (KMO_CODES_LANG)",
    "8 (KMO_CODES_APPLICATION_STATUS)",
    "9 (KMO_CODES_LEGAL_FORM)",
    "10 (KMO_CODES_EXCLUDED_TOPIC)",
    "11 (KMO_CODES_COST_LINE_KIND)",
    "12 (KMO_CODES_SEVERITY)",
];

/// The error of a number that names no list: `UNKNOWN_CODE` at `path`, listing the lists.
fn unknown_list(list: u32, path: &str) -> InputError {
    InputError::unknown_code("code list", &list.to_string(), &LISTS).at(path)
}

/// Room for any code's text with its NUL (the longest code has 35 characters).
pub const KMO_CODE_TEXT_SIZE: usize = 48;

/// A coded value of the core, seen through its text and its number.
pub(crate) trait Coded: Copy + 'static {
    /// Every value, in the core's order.
    #[cfg_attr(not(test), allow(dead_code))] // the tests walk every list
    const ALL: &'static [Self];
    /// The stable text code.
    fn text(self) -> &'static str;
    /// The value of a text code, or the core's `UNKNOWN_CODE` error.
    fn read(text: &str) -> Result<Self, InputError>;
    /// The core's number (1 for the first value).
    fn number(self) -> u32;
    /// The value of a number, `None` for 0 or an unknown number.
    fn from_number(number: u32) -> Option<Self>;
}

macro_rules! coded {
    ($($t:ty),+) => {$(
        impl Coded for $t {
            const ALL: &'static [Self] = <$t>::ALL;
            fn text(self) -> &'static str {
                self.as_str()
            }
            fn read(text: &str) -> Result<Self, InputError> {
                <$t>::parse(text)
            }
            fn number(self) -> u32 {
                <$t>::number(self)
            }
            fn from_number(number: u32) -> Option<Self> {
                <$t>::from_number(number)
            }
        }
    )+};
}
coded!(
    SizeClass,
    ServiceKind,
    Theme,
    Subtheme,
    FindingCode,
    OwnShareDeadline,
    Lang,
    StatusKind,
    LegalForm,
    ExcludedTopic,
    CostLineKind,
    Severity
);

fn text_in<T: Coded>(number: u32) -> Option<&'static str> {
    T::from_number(number).map(T::text)
}

fn number_in<T: Coded>(text: &str) -> Result<u32, InputError> {
    T::read(text).map(T::number)
}

/// Calls `$f::<T>` with the core type of a `kmo_code_list` value, or returns `$unknown`.
macro_rules! for_list {
    ($list:expr, $f:ident($($arg:expr),*), $unknown:expr) => {
        match $list {
            1 => $f::<SizeClass>($($arg),*),
            2 => $f::<ServiceKind>($($arg),*),
            3 => $f::<Theme>($($arg),*),
            4 => $f::<Subtheme>($($arg),*),
            5 => $f::<FindingCode>($($arg),*),
            6 => $f::<OwnShareDeadline>($($arg),*),
            7 => $f::<Lang>($($arg),*),
            8 => $f::<StatusKind>($($arg),*),
            9 => $f::<LegalForm>($($arg),*),
            10 => $f::<ExcludedTopic>($($arg),*),
            11 => $f::<CostLineKind>($($arg),*),
            12 => $f::<Severity>($($arg),*),
            _ => $unknown,
        }
    };
}

/// Writes the text code of a coded value (`small`, `COST_BELOW_MINIMUM`), NUL-terminated,
/// into `buf` (`KMO_CODE_TEXT_SIZE` bytes always suffice) and its length without the NUL into
/// `*written`. A list the library does not know is `KMO_STATUS_INVALID_INPUT`; a number with
/// no code in the list (0 included) is `KMO_STATUS_OUT_OF_RANGE`.
///
/// # Safety
/// `buf` must point to `len` writable bytes and `written` to a writable `size_t`.
#[no_mangle]
pub unsafe extern "C" fn kmo_code_text(
    list: u32,
    number: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let buf = try_buf!(buf, len);
        let written = try_out!(written);
        let text = for_list!(list, text_in(number), return Err(KMO_STATUS_INVALID_INPUT))
            .ok_or(KMO_STATUS_OUT_OF_RANGE)?;
        copy_out(text, buf, written)
    }
}

/// The number of a text code in a list (`"small"` in `KMO_CODES_SIZE_CLASS` is
/// `KMO_SIZE_SMALL`). Codes are matched exactly (`"Small"` is not one). An unknown code is
/// `KMO_STATUS_INVALID_INPUT` with the error `UNKNOWN_CODE` at `text`, whose message lists the
/// codes of the list; a list the library does not know is `KMO_STATUS_INVALID_INPUT` with
/// `UNKNOWN_CODE` at `list`, listing the lists.
///
/// # Safety
/// `text` must point to `len` readable bytes; `out_number` must be writable; `out_error`
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_code_number(
    list: u32,
    text: *const c_char,
    len: usize,
    out_number: *mut u32,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let text = try_str!(text, len, UnknownCode, "text");
        let out_number = try_out!(out_number);
        let number = for_list!(
            list,
            number_in(text),
            return Err(Failure::from(unknown_list(list, "list")))
        )
        .map_err(|e| e.at("text"))?;
        out_number.write(number);
        Ok(())
    })
}

/// The numbering of the coded values as JSON, the code numbered `n` at index `n - 1`:
/// `{"finding_code": [...], "kind": [...], "size_class": [...], "subtheme": [...],
/// "theme": [...]}`. Free with `kmo_string_free`.
///
/// # Safety
/// `out_json` and `out_len` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_codes_json(
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give(kmo_core::json::codes_json(), out_json, out_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header's constant for each value of a core list: `PREFIX` + the code in capitals,
    /// equal to the core's number; and no other constant with that prefix than the ones
    /// listed in `extra` (the "none" or "default" value).
    fn check_list<T: Coded>(header: &str, prefix: &str, extra: &[&str]) {
        for v in T::ALL {
            let name = format!("{prefix}{}", v.text().to_uppercase());
            let line = format!("  {name} = {},\n", v.number());
            assert!(header.contains(&line), "kmo.h lacks `{}`", line.trim());
        }
        let declared = header
            .lines()
            .filter(|l| l.starts_with(&format!("  {prefix}")) && l.contains(" = "))
            .count();
        assert_eq!(
            declared,
            T::ALL.len() + extra.len(),
            "constants named {prefix}*"
        );
        for name in extra {
            assert!(header.contains(&format!("  {name} = 0,\n")), "{name} = 0");
        }
    }

    /// Every C constant of a coded value equals the core's number for that value, and every
    /// value of the core has its constant: the header and the core cannot drift.
    #[test]
    fn every_constant_is_the_cores_number() {
        let header = include_str!("../include/kmo.h");
        check_list::<SizeClass>(header, "KMO_SIZE_", &["KMO_SIZE_NONE"]);
        check_list::<ServiceKind>(header, "KMO_SERVICE_", &["KMO_SERVICE_NONE"]);
        check_list::<Theme>(header, "KMO_THEME_", &["KMO_THEME_NONE"]);
        check_list::<Subtheme>(header, "KMO_SUBTHEME_", &["KMO_SUBTHEME_NONE"]);
        check_list::<FindingCode>(header, "KMO_FINDING_", &["KMO_FINDING_NONE"]);
        check_list::<OwnShareDeadline>(header, "KMO_OWN_SHARE_", &["KMO_OWN_SHARE_DEFAULT"]);
        check_list::<Lang>(header, "KMO_LANG_", &["KMO_LANG_DEFAULT"]);
        check_list::<StatusKind>(header, "KMO_APPLICATION_", &[]);
        check_list::<CostLineKind>(header, "KMO_COST_LINE_", &[]);
        check_list::<Severity>(header, "KMO_SEVERITY_", &[]);
        // The lists' names, as the unknown-list error gives them.
        for (i, name) in LISTS.iter().enumerate() {
            let constant = name.split(['(', ')']).nth(1).unwrap();
            let line = format!("  {constant} = {},\n", i + 1);
            assert!(header.contains(&line), "kmo.h lacks `{}`", line.trim());
        }
        // The Rust side of the same constants (what the library writes).
        assert_eq!(
            kmo_size_class::KMO_SIZE_LARGE as u32,
            SizeClass::Large.number()
        );
        assert_eq!(
            kmo_service_kind::KMO_SERVICE_ADVICE as u32,
            ServiceKind::Advice.number()
        );
        assert_eq!(
            kmo_finding_code::KMO_FINDING_COST_BELOW_MINIMUM as u32,
            FindingCode::CostBelowMinimum.number()
        );
    }

    #[test]
    fn every_code_fits_and_round_trips() {
        for list in 1..=LISTS.len() as u32 {
            let mut n = 1;
            while let Some(text) = for_list!(list, text_in(n), None) {
                assert!(text.len() < KMO_CODE_TEXT_SIZE, "{text}");
                assert_eq!(
                    for_list!(list, number_in(text), unreachable!()).ok(),
                    Some(n)
                );
                n += 1;
            }
            assert!(n > 2, "list {list} has codes");
            assert_eq!(for_list!(list, text_in(0), None), None);
        }
        assert_eq!(for_list!(13, text_in(1), None), None);
    }
}
