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

use crate::coded::coded_enum;

coded_enum!(
    /// What kind of input error occurred. The `SCREAMING_SNAKE` codes ([`InputErrorCode::as_str`])
    /// are stable and appear in the JSON error document. Each value's documentation says what it
    /// means and, after `Paths:`, which fields it names.
    ///
    /// ```
    /// use kmo_core::InputErrorCode;
    /// assert_eq!(InputErrorCode::InvalidAmount.as_str(), "INVALID_AMOUNT");
    /// ```
    InputErrorCode, "input error code", {
        /// Not JSON, not an object (a plan: not a list), nesting deeper than allowed, invalid
        /// text.
        ///
        /// Paths: `""`
        MalformedJson => "MALFORMED_JSON",
        /// An object has the same key twice.
        ///
        /// Paths: the duplicated key
        DuplicateKey => "DUPLICATE_KEY",
        /// A required field is absent or `null`.
        ///
        /// Paths: the missing field: `application_date`, `enterprise`, `enterprise.size`,
        /// `enterprise.size.class` (an empty size), `enterprise.size.turnover`, `service.kind`,
        /// `service.cost` (neither `cost` nor `lines`), `service.lines` (an empty list),
        /// `service.lines[i].persons`, `enterprise.de_minimis[i].amount`,
        /// `enterprise.size.periods` (an empty list), `enterprise.size.entities[i]` (an entity
        /// whose figures are needed), `…entities[i].invested`, `…inhabitants`,
        /// `…holdings[i].capital_pct` (neither share), `wallet.applications[i].aid`,
        /// `wallet.applications[i].ended_on` (stopped or lapsed without it)
        MissingField => "MISSING_FIELD",
        /// A value of the wrong JSON type (a list where an object is expected, a string where a
        /// boolean is).
        ///
        /// Paths: the field
        WrongType => "WRONG_TYPE",
        /// Not a plain decimal number (`"1,5"`, `"1e3"` as text, `""`).
        ///
        /// Paths: any amount: `service.cost`, `service.lines[i].amount`, `wallet.aid_used`,
        /// `wallet.applications[i].aid`, `amount` (a wallet operation), …
        InvalidAmount => "INVALID_AMOUNT",
        /// Below zero.
        ///
        /// Paths: any amount
        NegativeAmount => "NEGATIVE_AMOUNT",
        /// Above EUR 1 000 000 000 000, or a total above it.
        ///
        /// Paths: any amount; `service.lines` or `enterprise.de_minimis` for a total;
        /// `wallet.applications` for a year's aid
        AmountOutOfRange => "AMOUNT_OUT_OF_RANGE",
        /// An amount finer than a cent, a percentage with more than four decimals.
        ///
        /// Paths: any amount or percentage
        TooManyDecimals => "TOO_MANY_DECIMALS",
        /// Not a plain decimal number.
        ///
        /// Paths: any percentage: `service.vat_rate`, `enterprise.public_bodies_pct`,
        /// `…holdings[i].capital_pct`, …
        InvalidPercent => "INVALID_PERCENT",
        /// Outside 0–100.
        ///
        /// Paths: any percentage
        PercentOutOfRange => "PERCENT_OUT_OF_RANGE",
        /// Not a valid figure or whole number, or out of its range.
        ///
        /// Paths: `…staff_awu` (also of an entity: `…entities[i].staff_awu`), `…staff[i].fte`,
        /// `…months`, `…leave_months`, `service.lines[i].persons`, `…days`, `…inhabitants`,
        /// `wallet.applications[i].id`, `id` (a wallet operation)
        InvalidNumber => "INVALID_NUMBER",
        /// Malformed, a day that does not exist, or outside 1900–2199.
        ///
        /// Paths: any date; `enterprise.fiscal_year_end`; `date` (a wallet operation);
        /// `application_date` of a wallet's apply, `…applications[i].pay_own_share_by` (an
        /// own-share deadline after 2199-12-30)
        InvalidDate => "INVALID_DATE",
        /// Not one of the accepted values (the message lists them), or no such entity.
        ///
        /// Paths: any code: `lang`, `enterprise.legal_form`, `enterprise.size.class`,
        /// `service.kind`, `service.theme`, …; an unknown id in the ownership graph
        /// (`…holdings[i].holder`, `…held`, `…consolidates[j]`)
        UnknownCode => "UNKNOWN_CODE",
        /// Not `DV.` + `O` or `A` + six digits.
        ///
        /// Paths: `service.provider`; `provider` (the check)
        InvalidProviderNumber => "INVALID_PROVIDER_NUMBER",
        /// Not ten digits, a first digit other than 0 or 1, or wrong check digits.
        ///
        /// Paths: `enterprise.enterprise_number`; `enterprise_number` (the check)
        InvalidEnterpriseNumber => "INVALID_ENTERPRISE_NUMBER",
        /// Not a NACE-BEL code, or no such NACE division.
        ///
        /// Paths: `enterprise.nace`
        InvalidNaceCode => "INVALID_NACE_CODE",
        /// Two fields contradict each other.
        ///
        /// Paths: the second of two fields that contradict each other: `service.lines` (with
        /// `cost`), `enterprise.size.staff` (with `staff_awu`), the extra field of a declared size, `enterprise.de_minimis[i].date`
        /// (after the application), `options.approval_date` (before the application),
        /// `wallet.applications` (with `aid_used`),
        /// `…periods[i].closing_date` (out of order, or after the application without
        /// `estimate`), `…entities[i].id` (twice), `…holdings[i]` (above 100 %),
        /// `…holdings[i].held` (oneself, or a public body), `…holdings` (a cycle of control by
        /// majorities of votes), `…controls[i]` (the control right that closes a cycle of control),
        /// `…applications[i].eligible_cost`, `…payments`, `…releases`, `…ended_on`, `…id` (a
        /// wallet history that does not add up), `…applications[i].releases[0]` (a release
        /// before the own share is paid in full), `…applications[i].status` (lapsed, its own
        /// share paid in full by its deadline), `…applications[i].aid` (a year's aid above its
        /// ceiling), `next_id` (not above every id)
        InconsistentInput => "INCONSISTENT_INPUT",
        /// Only from a lean build (the calculator's modules: one language, no full SME
        /// definition, no wallet history): the request needs what the build leaves out
        /// (features `full-sme`, `wallet`, `lang-*`). The default build of every face never
        /// gives it.
        ///
        /// Paths: `lang` (a language the build has no texts for), `enterprise.size.periods` (or
        /// the first other key of the full form: `entities`, `holdings`, …),
        /// `wallet.applications`
        NotInThisBuild => "NOT_IN_THIS_BUILD",
    }
);

/// A value an input error's message shows: the caller's text (clipped) or a word of the engine,
/// translated with the message. (A finding's or a step's message shows an [`Arg`](crate::Arg),
/// which holds amounts and dates too; an error's values are text, so that the units below the
/// messages can refuse input.)
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorArg {
    /// Text shown as it is (a value the caller gave, a list of accepted codes, a number).
    Text(Cow<'static, str>),
    /// A word translated into the message's language (`theme` → `thema`, `thème`).
    Word(&'static str),
}

impl From<&'static str> for ErrorArg {
    fn from(text: &'static str) -> ErrorArg {
        ErrorArg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for ErrorArg {
    fn from(text: String) -> ErrorArg {
        ErrorArg::Text(Cow::Owned(text))
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
    args: Vec<ErrorArg>,
}

impl InputError {
    /// A new error whose message is the template `key` of the message tables with `args` in
    /// its placeholders. The engine's checks build their errors here; a face that reads the
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
        args: Vec<ErrorArg>,
    ) -> InputError {
        InputError {
            code,
            path: path.into(),
            key,
            args,
        }
    }

    /// A required field that was not given: `MISSING_FIELD` at `path`, its message naming
    /// `field` (`service.kind` and `kind` in the document; `service_kind` in C, where 0 is
    /// a number left unset).
    ///
    /// ```
    /// use kmo_core::{InputError, InputErrorCode, Lang};
    /// let e = InputError::required("service_kind", "service_kind");
    /// assert_eq!((e.code, e.path.as_str()), (InputErrorCode::MissingField, "service_kind"));
    /// assert_eq!(e.message(Lang::En), "the field `service_kind` is required");
    /// ```
    #[cold]
    pub fn required(path: impl Into<String>, field: &str) -> InputError {
        InputError::new(
            InputErrorCode::MissingField,
            path,
            "err_field_required",
            vec![field.to_string().into()],
        )
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
        // `, ` between the accepted codes (a push loop, not `join`).
        let mut list = String::new();
        for code in accepted {
            if !list.is_empty() {
                list.push_str(", ");
            }
            list.push_str(code);
        }
        InputError::new(
            InputErrorCode::UnknownCode,
            "",
            "err_unknown_code",
            vec![ErrorArg::Word(what), clip(given).into(), list.into()],
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

    /// The values the message shows, in order (`{0}`, `{1}`, …).
    pub fn args(&self) -> &[ErrorArg] {
        &self.args
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

/// The texts with `sep` between them, as `join` writes them, with pushes (`join` brings its
/// own copying code into the WebAssembly modules).
pub(crate) fn joined<'a>(texts: impl IntoIterator<Item = &'a str>, sep: &str) -> String {
    let mut out = String::new();
    for (i, text) in texts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(text);
    }
    out
}

/// Shortens a caller's string for an error message (40 characters and an ellipsis).
pub(crate) fn clip(text: &str) -> String {
    const MAX: usize = 40;
    // The byte where the 41st character starts, if there is one.
    match text.char_indices().nth(MAX) {
        None => text.to_string(),
        Some((at, _)) => {
            let head = text.get(..at).unwrap_or(text);
            let mut clipped = String::with_capacity(head.len() + '…'.len_utf8());
            clipped.push_str(head);
            clipped.push('…');
            clipped
        }
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
    fn joined_as_join() {
        for texts in [vec![], vec!["a"], vec!["a", "", "b c"], vec!["", ""]] {
            assert_eq!(joined(texts.iter().copied(), ", "), texts.join(", "));
        }
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
