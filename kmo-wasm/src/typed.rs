//! The typed doors: numbers in, numbers out, where the question is numbers.
//!
//! A JavaScript number crosses the boundary as itself: no JSON text is written, read, escaped
//! or decoded. Codes are the core's numbering (`number()`: 1 for the first code of a list, 0
//! for none; [`typed_codes`] and `codesJson` list them), dates are `yyyymmdd`, amounts whole
//! cents, rates basis points, staff thousandths of an annual work unit. A JavaScript number
//! holds every whole number up to 2⁵³ exactly, which covers every amount the engine accepts
//! (up to 10¹⁴ cents); a number that is not whole where a whole one is expected is refused
//! (`INVALID_NUMBER`), never rounded. Each value goes through the constructor the JSON
//! document's value goes through (`date_from_number`, `Money::from_cents`,
//! `Percent::from_basis_points`, `from_number`, `QuickQuestion::check`), so a value is refused
//! here exactly when the document refuses it, with the same code.
//!
//! The answer is numbers too, and carries no message: a refusal gives its code and the slot
//! of the field; a blocking reason its code as a bit. The JavaScript layer asks the JSON door
//! for the rare answer that needs words (an error, a blocking reason, an unknown field), so
//! every text is still the engine's.

use std::cell::Cell;

use kmo_core::quick::{quick_quote, QuickAnswer, QuickQuestion, QuickQuote};
use kmo_core::units::{date_from_number, yyyymmdd};
use kmo_core::{
    AnnualWorkUnits, Date, Decimal, Figures, InputError, InputErrorCode, Lang, Money,
    OwnShareDeadline, Percent, ProviderNumber, ServiceKind, SizeClass, SizeInput, Subtheme, Theme,
};
use wasm_bindgen::prelude::*;

/// The slots of a quick quote's question, in order ([`quote_numbers`]): `yyyymmdd` dates (0:
/// not given), code numbers (0: not given), whole cents and basis points (`NaN`: not given,
/// the engine's default).
pub const QUESTION: [&str; 12] = [
    "application_date",
    "size_class",
    "kind",
    "theme",
    "subtheme",
    "start_date",
    "cost",
    "aid_used",
    "vat_rate",
    "own_share_deadline",
    "approval_date",
    "lang",
];

/// The slots of a quick quote's answer, in order. `status` is 0 for an answer, else the number
/// of the input error's code (1 for the first of `InputErrorCode::ALL`), and `field` the
/// refused field's slot in the question plus one (0 when none is named). `blocking_low` and
/// `blocking_high` hold the blocking reasons as bits: bit `n − 1` for the finding code
/// numbered `n` (1–32 in the low word, 33–64 in the high one). A provider number, given
/// apart, is field 13.
pub const ANSWER: [&str; 17] = [
    "status",
    "field",
    "eligible",
    "size_class",
    "rate",
    "eligible_cost",
    "aid",
    "own_share",
    "vat",
    "ceiling",
    "ceiling_left",
    "capped",
    "apply_by",
    "pay_own_share_by",
    "complete_by",
    "blocking_low",
    "blocking_high",
];

const Q: usize = QUESTION.len();
const A: usize = ANSWER.len();

/// A value refused: its error code and the slot of its field (plus one; 0 for none).
#[derive(Debug)]
struct Refused {
    code: InputErrorCode,
    field: usize,
}

/// The slot (plus one) of the question's field an error path names: `cost`,
/// `options.approval_date`, `service.start_date` (0 when it names none of them).
fn slot(path: &str) -> usize {
    let name = path.rsplit('.').next().unwrap_or(path);
    if name == "provider" {
        return PROVIDER;
    }
    QUESTION
        .iter()
        .position(|f| *f == name)
        .map_or(0, |i| i + 1)
}

/// The field number of the provider number, given apart from the slots.
const PROVIDER: usize = Q + 1;

impl From<InputError> for Refused {
    fn from(e: InputError) -> Refused {
        Refused {
            field: slot(&e.path),
            code: e.code,
        }
    }
}

/// A number that holds a whole number exactly (a JavaScript number is exact up to 2⁵³).
fn whole(n: f64) -> Option<i64> {
    const EXACT: f64 = 9_007_199_254_740_992.0;
    // `n as i64` is exact: `n` is finite, whole and within ±2⁵³.
    (n.is_finite() && n.fract() == 0.0 && n.abs() <= EXACT).then_some(n as i64)
}

/// The question's slot `i` as a whole number, or `INVALID_NUMBER` at its field.
fn number(q: &[f64], i: usize) -> Result<i64, Refused> {
    whole(q[i]).ok_or(Refused {
        code: InputErrorCode::InvalidNumber,
        field: i + 1,
    })
}

/// The slot as an `i32` (dates), or `INVALID_NUMBER`; a whole number out of range is handed to
/// the date's own check as a number it refuses.
fn int(q: &[f64], i: usize) -> Result<i32, Refused> {
    number(q, i).map(|n| i32::try_from(n).unwrap_or(-1))
}

/// The slot as a code number, or `INVALID_NUMBER`; out of range is a number no code has.
fn code_number(q: &[f64], i: usize) -> Result<u32, Refused> {
    number(q, i).map(|n| u32::try_from(n).unwrap_or(u32::MAX))
}

/// A coded value from its number (`parse` gives the core's `UNKNOWN_CODE` for one no code has;
/// 0, every list's "none", is a required value not given: `MISSING_FIELD`, as in the document).
fn coded<T>(
    n: u32,
    from_number: fn(u32) -> Option<T>,
    parse: fn(&str) -> Result<T, InputError>,
    field: usize,
) -> Result<T, Refused> {
    from_number(n).map_or_else(
        || {
            let code = match n {
                0 => InputErrorCode::MissingField,
                n => parse(&n.to_string()).map_or_else(|e| e.code, |_| InputErrorCode::UnknownCode),
            };
            Err(Refused { code, field })
        },
        Ok,
    )
}

/// A coded value, 0 for none.
fn optional_coded<T>(
    q: &[f64],
    i: usize,
    from_number: fn(u32) -> Option<T>,
    parse: fn(&str) -> Result<T, InputError>,
) -> Result<Option<T>, Refused> {
    match code_number(q, i)? {
        0 => Ok(None),
        n => coded(n, from_number, parse, i + 1).map(Some),
    }
}

/// A `yyyymmdd` date, through the core's check of a date given as a number; 0 is a required
/// date not given (`MISSING_FIELD`, as in the document).
fn date(q: &[f64], i: usize) -> Result<Date, Refused> {
    let n = int(q, i)?;
    date_from_number(n).map_err(|e| Refused {
        code: match n {
            0 => InputErrorCode::MissingField,
            _ => e.code,
        },
        field: i + 1,
    })
}

/// A `yyyymmdd` date, 0 for none.
fn optional_date(q: &[f64], i: usize) -> Result<Option<Date>, Refused> {
    if q[i] == 0.0 {
        return Ok(None);
    }
    date(q, i).map(Some)
}

/// Whole cents.
fn money(q: &[f64], i: usize) -> Result<Money, Refused> {
    Money::from_cents(number(q, i)?).map_err(|e| Refused {
        code: e.code,
        field: i + 1,
    })
}

/// The question from its slots (and the provider number's text, when given), checked as the
/// JSON question is.
fn question(q: &[f64], provider: Option<&str>) -> Result<QuickQuote, Refused> {
    let kind = optional_coded(q, 2, ServiceKind::from_number, ServiceKind::parse)?;
    let mut question = QuickQuestion::new(
        date(q, 0)?,
        coded(
            code_number(q, 1)?,
            SizeClass::from_number,
            SizeClass::parse,
            2,
        )?,
        // Not given: what the JSON question takes for it.
        kind.unwrap_or(ServiceKind::Training),
        money(q, 6)?,
    );
    question.theme = optional_coded(q, 3, Theme::from_number, Theme::parse)?;
    question.subtheme = optional_coded(q, 4, Subtheme::from_number, Subtheme::parse)?;
    question.start_date = optional_date(q, 5)?;
    if !q[7].is_nan() {
        question.aid_used = money(q, 7)?;
    }
    if !q[8].is_nan() {
        let bp = code_number(q, 8)?;
        question.vat_rate = Percent::from_basis_points(bp).map_err(|e| Refused {
            code: e.code,
            field: 9,
        })?;
    }
    if let Some(policy) =
        optional_coded(q, 9, OwnShareDeadline::from_number, OwnShareDeadline::parse)?
    {
        question.own_share_deadline = policy;
    }
    question.approval_date = optional_date(q, 10)?;
    if let Some(lang) = optional_coded(q, 11, Lang::from_number, Lang::parse)? {
        if !lang.is_built() {
            return Err(Refused {
                code: InputErrorCode::NotInThisBuild,
                field: 12,
            });
        }
    }
    if let Some(text) = provider {
        question.provider = Some(ProviderNumber::parse(text).map_err(|e| Refused {
            code: e.code,
            field: PROVIDER,
        })?);
    }
    Ok(question.check()?)
}

/// The number of an input error's code: its position in `InputErrorCode::ALL`, plus one.
fn error_number(code: InputErrorCode) -> f64 {
    InputErrorCode::ALL
        .iter()
        .position(|c| *c == code)
        .map_or(f64::from(u32::MAX), |i| (i + 1) as f64)
}

/// A date as `yyyymmdd`, 0 for none.
fn day(d: Option<Date>) -> f64 {
    d.map_or(0.0, |d| f64::from(yyyymmdd(d)))
}

/// Cents as a JavaScript number (exact: at most 10¹⁴).
fn cents(c: i64) -> f64 {
    c as f64
}

/// The answer's slots for a question.
fn answer(q: &[f64], provider: Option<&str>, out: &mut [f64]) {
    out.fill(0.0);
    match question(q, provider) {
        Ok(question) => {
            let a: QuickAnswer = quick_quote(&question);
            let bits = a.blocking.bits();
            let deadlines = a.deadlines;
            out[2] = f64::from(u8::from(a.eligible()));
            out[3] = f64::from(question.size_class().number());
            out[4] = f64::from(a.rate_bp);
            out[5] = cents(a.eligible_cost_cents);
            out[6] = cents(a.aid_cents);
            out[7] = cents(a.own_share_cents);
            out[8] = cents(a.vat_cents);
            out[9] = cents(a.ceiling_cents);
            out[10] = cents(a.ceiling_left_cents);
            out[11] = f64::from(u8::from(a.capped));
            out[12] = day(deadlines.and_then(|d| d.apply_by));
            out[13] = day(deadlines.and_then(|d| d.pay_own_share_by));
            out[14] = day(deadlines.map(|d| d.complete_by));
            out[15] = f64::from(bits as u32);
            out[16] = f64::from((bits >> 32) as u32);
        }
        Err(r) => {
            out[0] = error_number(r.code);
            out[1] = r.field as f64;
        }
    }
}

thread_local! {
    /// The answer of the last [`quote_figures`], read by JavaScript in place
    /// ([`answer_address`]): no allocation and no copy per call.
    static LAST: Cell<[f64; A]> = const { Cell::new([0.0; A]) };
}

/// Where the answer of [`quote_figures`] is: a byte offset in the module's memory, of
/// [`ANSWER`]`.len()` 64-bit floats (JavaScript reads them through a `Float64Array`).
#[wasm_bindgen(js_name = answerAddress)]
pub fn answer_address() -> usize {
    LAST.with(|last| last.as_ptr() as usize)
}

/// The module's memory (for a view of [`answer_address`]).
#[wasm_bindgen(js_name = wasmMemory)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}

/// One quick quote from its question's slots, as arguments in the order of [`QUESTION`], and
/// the provider number's text (`undefined` when not given). The answer's slots ([`ANSWER`])
/// are written at [`answer_address`]; returns the status (0 for an answer).
#[wasm_bindgen(js_name = quoteFigures)]
#[allow(clippy::too_many_arguments)]
pub fn quote_figures(
    application_date: f64,
    size_class: f64,
    kind: f64,
    theme: f64,
    subtheme: f64,
    start_date: f64,
    cost: f64,
    aid_used: f64,
    vat_rate: f64,
    own_share_deadline: f64,
    approval_date: f64,
    lang: f64,
    provider: Option<String>,
) -> u32 {
    let q = [
        application_date,
        size_class,
        kind,
        theme,
        subtheme,
        start_date,
        cost,
        aid_used,
        vat_rate,
        own_share_deadline,
        approval_date,
        lang,
    ];
    let mut out = [0.0; A];
    answer(&q, provider.as_deref(), &mut out);
    LAST.with(|last| last.set(out));
    // A status is a small whole number.
    out[0] as u32
}

/// Many quick quotes in one call: `questions` holds [`QUESTION`]`.len()` numbers per question
/// (a trailing part of a question is ignored), the answer [`ANSWER`]`.len()` per question, in
/// the same order. No provider number is checked (give none, or ask one at a time).
#[wasm_bindgen(js_name = quoteNumbers)]
pub fn quote_numbers(questions: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; questions.len() / Q * A];
    for (q, a) in questions.chunks_exact(Q).zip(out.chunks_exact_mut(A)) {
        answer(q, None, a);
    }
    out
}

/// The SME class from one period's figures (`staff` in thousandths of an annual work unit,
/// `turnover` and `balance_sheet` in cents), packed in one number: bits 0–2 the size class's
/// number, bit 3 an SME, bit 4 a small mid-cap, bits 5–18 the public bodies' share in basis
/// points; when refused, bits 20–26 the input error's number and bits 27–28 the field (1
/// staff, 2 turnover, 3 balance sheet), the rest 0.
#[wasm_bindgen(js_name = classifyFigures)]
pub fn classify_figures(staff: f64, turnover: f64, balance_sheet: f64) -> u32 {
    match figures(staff, turnover, balance_sheet) {
        Ok(f) => {
            let s = kmo_core::classify(&SizeInput::Figures(f), Percent::ZERO);
            let public = s.public_share.basis_points().unwrap_or(0);
            s.class.number()
                | u32::from(s.is_sme) << 3
                | u32::from(s.small_mid_cap) << 4
                | public << 5
        }
        Err(r) => (error_number(r.code) as u32) << 20 | (r.field as u32) << 27,
    }
}

/// One period's figures from their numbers.
fn figures(staff: f64, turnover: f64, balance_sheet: f64) -> Result<Figures, Refused> {
    let q = [staff, turnover, balance_sheet];
    let staff =
        AnnualWorkUnits::from_decimal(Decimal::new(number(&q, 0)?, 3)).map_err(|e| Refused {
            code: e.code,
            field: 1,
        })?;
    let amount = |i: usize| {
        Money::from_cents(number(&q, i)?).map_err(|e| Refused {
            code: e.code,
            field: i + 1,
        })
    };
    Ok(Figures {
        staff,
        turnover: amount(1)?,
        balance_sheet: amount(2)?,
    })
}

/// The names behind the numbers of the typed doors that `codesJson` does not list, and the
/// slots: `{"answer": [...], "error": [...], "lang": [...], "own_share_deadline": [...],
/// "question": [...]}` (a code numbered `n` at index `n − 1`; `lang` lists the languages this
/// build carries, each at its number).
#[wasm_bindgen(js_name = typedCodes)]
pub fn typed_codes() -> String {
    /// `"key":["a","b"]`, written with pushes (no `format!`, no `join`).
    fn list<'a>(out: &mut String, key: &str, names: impl Iterator<Item = &'a str>) {
        out.push('"');
        out.push_str(key);
        out.push_str("\":[");
        for (i, name) in names.enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push('"');
            out.push_str(name);
            out.push('"');
        }
        out.push(']');
    }
    let langs = Lang::ALL
        .iter()
        .map(|l| if l.is_built() { l.as_str() } else { "" });
    let mut out = String::from("{");
    list(&mut out, "answer", ANSWER.iter().copied());
    out.push(',');
    list(
        &mut out,
        "error",
        InputErrorCode::ALL.iter().map(|c| c.as_str()),
    );
    out.push(',');
    list(&mut out, "lang", langs);
    out.push(',');
    list(
        &mut out,
        "own_share_deadline",
        OwnShareDeadline::ALL.iter().map(|c| c.as_str()),
    );
    out.push(',');
    list(&mut out, "question", QUESTION.iter().copied());
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `typed_codes` writes what it wrote through `format!` and `join`.
    #[test]
    fn typed_codes_as_formatted() {
        fn list<'a>(names: impl Iterator<Item = &'a str>) -> String {
            let quoted: Vec<String> = names.map(|n| format!("\"{n}\"")).collect();
            format!("[{}]", quoted.join(","))
        }
        let langs = Lang::ALL
            .iter()
            .map(|l| if l.is_built() { l.as_str() } else { "" });
        let want = format!(
            r#"{{"answer":{},"error":{},"lang":{},"own_share_deadline":{},"question":{}}}"#,
            list(ANSWER.iter().copied()),
            list(InputErrorCode::ALL.iter().map(|c| c.as_str())),
            list(langs),
            list(OwnShareDeadline::ALL.iter().map(|c| c.as_str())),
            list(QUESTION.iter().copied()),
        );
        assert_eq!(typed_codes(), want);
    }

    fn q() -> [f64; Q] {
        let mut q = [0.0; Q];
        q[0] = 20_260_310.0;
        q[1] = f64::from(SizeClass::Small.number());
        q[3] = f64::from(Theme::Personeelsmanagement.number());
        q[6] = 200_000.0;
        q[7] = 720_000.0;
        q[8] = f64::NAN;
        q
    }

    #[test]
    fn a_quote_from_numbers_is_the_quick_quote() {
        let mut out = [0.0; A];
        answer(&q(), None, &mut out);
        assert_eq!(out[0], 0.0);
        assert_eq!(out[2], 1.0);
        assert_eq!(out[4], 3000.0);
        assert_eq!((out[6], out[7], out[8]), (30_000.0, 170_000.0, 42_000.0));
        assert_eq!(out[11], 1.0);
        assert_eq!(out[14], 20_271_231.0);
    }

    #[test]
    fn refusals_name_the_code_and_the_slot() {
        let mut out = [0.0; A];
        let mut bad = q();
        bad[6] = 12.5;
        answer(&bad, None, &mut out);
        assert_eq!(out[0], error_number(InputErrorCode::InvalidNumber));
        assert_eq!(out[1], 7.0);
        bad[6] = -1.0;
        answer(&bad, None, &mut out);
        assert_eq!(out[0], error_number(InputErrorCode::NegativeAmount));
        let mut bad = q();
        bad[0] = 20_260_230.0;
        answer(&bad, None, &mut out);
        assert_eq!(
            (out[0], out[1]),
            (error_number(InputErrorCode::InvalidDate), 1.0)
        );
        let mut bad = q();
        bad[1] = 9.0;
        answer(&bad, None, &mut out);
        assert_eq!(
            (out[0], out[1]),
            (error_number(InputErrorCode::UnknownCode), 2.0)
        );
        // A subtheme of another theme is read with its own theme, as the document reads it.
        let mut other = q();
        other[4] = f64::from(Subtheme::Cybersecurity.number());
        answer(&other, None, &mut out);
        assert_eq!((out[0], out[4]), (0.0, 4500.0));
        answer(&q(), Some("DV.X1"), &mut out);
        assert_ne!(out[0], 0.0);
    }

    #[test]
    fn classify_packs_the_class_and_refuses_fractions() {
        let small = classify_figures(49_500.0, 1_200_000_000.0, 900_000_000.0);
        assert_eq!(small & 7, SizeClass::Small.number());
        assert_eq!(small >> 3 & 1, 1);
        let refused = classify_figures(0.5, 1.0, 1.0);
        assert_eq!(refused & 0xfffff, 0);
        assert_eq!(refused >> 27, 1);
    }
}
