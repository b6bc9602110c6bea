//! Input errors: what was wrong with a request, and where.
//!
//! Invalid input is not ineligibility. A malformed amount, an unknown code, a date that does
//! not exist or a missing required field is an [`InputError`] naming the field
//! (`service.cost`); a company that may not use the wallet gets a normal result with blocking
//! findings instead.

use core::fmt;

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
}

impl InputErrorCode {
    /// The stable `SCREAMING_SNAKE` code.
    ///
    /// ```
    /// use kmo_core::InputErrorCode;
    /// assert_eq!(InputErrorCode::InvalidAmount.as_str(), "INVALID_AMOUNT");
    /// ```
    pub fn as_str(self) -> &'static str {
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
        }
    }
}

impl fmt::Display for InputErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An invalid request: a stable code, the path of the offending field (`service.cost`,
/// `enterprise.de_minimis[2].date`) and an English message saying what was wrong and what was
/// expected.
///
/// ```
/// use kmo_core::{InputErrorCode, Money};
/// let err = Money::parse("abc").unwrap_err().at("service.cost");
/// assert_eq!(err.code, InputErrorCode::InvalidAmount);
/// assert_eq!(err.path, "service.cost");
/// assert!(err.to_string().starts_with("service.cost: "));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{}{message}", .path, if .path.is_empty() { "" } else { ": " })]
pub struct InputError {
    /// What kind of error.
    pub code: InputErrorCode,
    /// Where: a dotted path into the request, empty when the error is about the whole request.
    pub path: String,
    /// What was wrong and what was expected, in English.
    pub message: String,
}

impl InputError {
    /// A new error.
    ///
    /// ```
    /// # use kmo_core::{InputError, InputErrorCode};
    /// let e = InputError::new(InputErrorCode::MissingField, "service.kind", "required".into());
    /// assert_eq!(e.to_string(), "service.kind: required");
    /// ```
    pub fn new(code: InputErrorCode, path: impl Into<String>, message: String) -> InputError {
        InputError {
            code,
            path: path.into(),
            message,
        }
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
}
