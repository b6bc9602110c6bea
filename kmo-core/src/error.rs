//! Input errors: what was wrong with a request, and where.
//!
//! Invalid input is not ineligibility. A malformed amount, an unknown code, a date that does
//! not exist or a missing required field is an [`InputError`] naming the field
//! (`service.cost`); a company that may not use the wallet gets a normal result with blocking
//! findings instead.
//!
//! Every check that refuses a value lives in the core, at the type or rule it protects
//! (`Money::parse`, `Application::validate`, `Holding::new`, …), so the typed API and the JSON
//! document refuse the same values with the same code and path. The message is kept as a key
//! and its values, and written in Dutch, French or English on demand
//! ([`InputError::message`]); `Display` writes English.

use std::borrow::Cow;

/// What kind of input error occurred. The `SCREAMING_SNAKE` names ([`InputErrorCode::as_str`])
/// are stable and appear in the JSON error document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputErrorCode {
    /// The request is not valid JSON, or not a JSON object.
    MalformedJson,
    /// A JSON object has the same key twice.
    DuplicateKey,
    /// A required field is absent (or `null`).
    MissingField,
    /// A field has the wrong JSON type (a list where an object was expected, …).
    WrongType,
    /// An amount is not a plain decimal number.
    InvalidAmount,
    /// An amount is negative.
    NegativeAmount,
    /// An amount exceeds the accepted range.
    AmountOutOfRange,
    /// An amount or percentage has more decimals than allowed.
    TooManyDecimals,
    /// A percentage is not a plain decimal number.
    InvalidPercent,
    /// A percentage is outside 0–100.
    PercentOutOfRange,
    /// A number (staff, persons, days) is not valid.
    InvalidNumber,
    /// A date is malformed, does not exist, or is out of range.
    InvalidDate,
    /// A code (legal form, theme, language, …) is not one of the accepted values.
    UnknownCode,
    /// A service-provider number is malformed.
    InvalidProviderNumber,
    /// An enterprise number is malformed or its check digits are wrong.
    InvalidEnterpriseNumber,
    /// A NACE-BEL code is malformed or names no NACE division.
    InvalidNaceCode,
    /// Two fields contradict each other.
    InconsistentInput,
    /// The field needs a part of the engine this build leaves out (a lean build without the
    /// features `full-sme` or `wallet`, such as the calculator's WebAssembly module). The
    /// default build never gives it.
    NotInThisBuild,
}

impl InputErrorCode {
    /// Every code.
    pub const ALL: &'static [InputErrorCode] = &[
        InputErrorCode::MalformedJson,
        InputErrorCode::DuplicateKey,
        InputErrorCode::MissingField,
        InputErrorCode::WrongType,
        InputErrorCode::InvalidAmount,
        InputErrorCode::NegativeAmount,
        InputErrorCode::AmountOutOfRange,
        InputErrorCode::TooManyDecimals,
        InputErrorCode::InvalidPercent,
        InputErrorCode::PercentOutOfRange,
        InputErrorCode::InvalidNumber,
        InputErrorCode::InvalidDate,
        InputErrorCode::UnknownCode,
        InputErrorCode::InvalidProviderNumber,
        InputErrorCode::InvalidEnterpriseNumber,
        InputErrorCode::InvalidNaceCode,
        InputErrorCode::InconsistentInput,
        InputErrorCode::NotInThisBuild,
    ];

    /// The stable `SCREAMING_SNAKE` code.
    ///
    /// ```
    /// use kmo_core::InputErrorCode;
    /// assert_eq!(InputErrorCode::InvalidAmount.as_str(), "INVALID_AMOUNT");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            InputErrorCode::MalformedJson => "MALFORMED_JSON",
            InputErrorCode::DuplicateKey => "DUPLICATE_KEY",
            InputErrorCode::MissingField => "MISSING_FIELD",
            InputErrorCode::WrongType => "WRONG_TYPE",
            InputErrorCode::InvalidAmount => "INVALID_AMOUNT",
            InputErrorCode::NegativeAmount => "NEGATIVE_AMOUNT",
            InputErrorCode::AmountOutOfRange => "AMOUNT_OUT_OF_RANGE",
            InputErrorCode::TooManyDecimals => "TOO_MANY_DECIMALS",
            InputErrorCode::InvalidPercent => "INVALID_PERCENT",
            InputErrorCode::PercentOutOfRange => "PERCENT_OUT_OF_RANGE",
            InputErrorCode::InvalidNumber => "INVALID_NUMBER",
            InputErrorCode::InvalidDate => "INVALID_DATE",
            InputErrorCode::UnknownCode => "UNKNOWN_CODE",
            InputErrorCode::InvalidProviderNumber => "INVALID_PROVIDER_NUMBER",
            InputErrorCode::InvalidEnterpriseNumber => "INVALID_ENTERPRISE_NUMBER",
            InputErrorCode::InvalidNaceCode => "INVALID_NACE_CODE",
            InputErrorCode::InconsistentInput => "INCONSISTENT_INPUT",
            InputErrorCode::NotInThisBuild => "NOT_IN_THIS_BUILD",
        }
    }
}

impl core::fmt::Display for InputErrorCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A value an error message shows: the caller's text (clipped) or a word of the engine,
/// translated with the message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// Text shown as it is (a value the caller gave, a list of accepted codes, a number).
    Text(Cow<'static, str>),
    /// A word translated into the message's language (`theme` → `thema`, `thème`).
    Word(&'static str),
}

impl From<&'static str> for Detail {
    fn from(text: &'static str) -> Detail {
        Detail::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Detail {
    fn from(text: String) -> Detail {
        Detail::Text(Cow::Owned(text))
    }
}

/// An invalid request: a stable code, the path of the offending field (`service.cost`,
/// `enterprise.de_minimis[2].date`) and a message saying what was wrong and what was expected,
/// in Dutch, French or English ([`InputError::message`]; `Display` is English).
///
/// ```
/// use kmo_core::{InputErrorCode, Lang, Money};
/// let err = Money::parse("abc").unwrap_err().at("service.cost");
/// assert_eq!(err.code, InputErrorCode::InvalidAmount);
/// assert_eq!(err.path, "service.cost");
/// assert!(err.to_string().starts_with("service.cost: "));
/// assert!(err.message(Lang::Nl).contains("bedrag"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// What kind of error.
    pub code: InputErrorCode,
    /// Where: a dotted path into the request, empty when the error is about the whole request.
    pub path: String,
    /// The message's template key.
    key: &'static str,
    /// The values the message shows.
    details: Vec<Detail>,
}

impl InputError {
    /// A new error whose message is the template `key` of the message tables with `details`
    /// in its placeholders. The engine's checks build their errors here; a face that reads the
    /// document's question in another shape (the C face's typed request) uses it to refuse
    /// what the document refuses with the document's code and message key
    /// (`err_cost_or_lines`). A key the tables do not have renders as `?`.
    ///
    /// ```
    /// use kmo_core::{InputError, InputErrorCode, Lang};
    /// let e = InputError::new(InputErrorCode::InconsistentInput, "lines", "err_cost_or_lines", vec![]);
    /// assert_eq!(e.message(Lang::En), "give either `cost` or `lines`, not both");
    /// ```
    pub fn new(
        code: InputErrorCode,
        path: impl Into<String>,
        key: &'static str,
        details: Vec<Detail>,
    ) -> InputError {
        InputError {
            code,
            path: path.into(),
            key,
            details,
        }
    }

    /// An unknown code of the list `what` (`"theme"`, a word of the message tables, translated
    /// with the message): the code given, and the accepted ones. Every coded list's `parse`
    /// gives it; a face with numbered lists of its own (the C face's `kmo_code_list`) too.
    ///
    /// ```
    /// use kmo_core::{InputError, InputErrorCode, Lang};
    /// let e = InputError::unknown_code("code list", "42", &["1", "2"]);
    /// assert_eq!(e.code, InputErrorCode::UnknownCode);
    /// assert_eq!(e.message(Lang::En), "unknown code list `42`; accepted: 1, 2");
    /// ```
    pub fn unknown_code(what: &'static str, given: &str, accepted: &[&str]) -> InputError {
        InputError::new(
            InputErrorCode::UnknownCode,
            "",
            "err_unknown_code",
            vec![
                Detail::Word(what),
                clip(given).into(),
                accepted.join(", ").into(),
            ],
        )
    }

    /// The same error, located at `path`.
    ///
    /// ```
    /// # use kmo_core::Percent;
    /// let e = Percent::parse("101").unwrap_err().at("enterprise.public_bodies_pct");
    /// assert_eq!(e.path, "enterprise.public_bodies_pct");
    /// ```
    pub fn at(mut self, path: impl Into<String>) -> InputError {
        self.path = path.into();
        self
    }

    /// The same error, located under `prefix` (`service` + `cost` → `service.cost`,
    /// `lines` + `[2]` → `lines[2]`).
    pub(crate) fn under(mut self, prefix: &str) -> InputError {
        self.path = join_path(prefix, &self.path);
        self
    }

    /// The template key of the message (stable, for tests and translations).
    pub fn message_key(&self) -> &'static str {
        self.key
    }

    /// The values the message shows.
    pub fn details(&self) -> &[Detail] {
        &self.details
    }
}

impl std::error::Error for InputError {}

/// A path relative to `prefix` made whole: `service` + `cost` → `service.cost`, `staff` +
/// `[2]` → `staff[2]`; an empty side leaves the other as it is.
pub(crate) fn join_path(prefix: &str, rel: &str) -> String {
    match (prefix.is_empty(), rel.is_empty()) {
        (true, _) => rel.to_string(),
        (_, true) => prefix.to_string(),
        _ if rel.starts_with('[') => format!("{prefix}{rel}"),
        _ => format!("{prefix}.{rel}"),
    }
}

/// Shortens a caller's string for an error message (40 characters and an ellipsis).
pub(crate) fn clip(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join() {
        assert_eq!(join_path("", "cost"), "cost");
        assert_eq!(join_path("service", ""), "service");
        assert_eq!(join_path("service", "cost"), "service.cost");
        assert_eq!(
            join_path("service.lines", "[2].amount"),
            "service.lines[2].amount"
        );
    }

    #[test]
    fn clip_edges() {
        let exactly = "a".repeat(40);
        assert_eq!(clip(&exactly), exactly);
        assert_eq!(clip(&"b".repeat(41)), format!("{}…", "b".repeat(40)));
        assert_eq!(clip("é"), "é");
    }

    #[test]
    fn every_code_once() {
        let mut names: Vec<&str> = InputErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), InputErrorCode::ALL.len());
    }
}
