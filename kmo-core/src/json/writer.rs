//! The one JSON writer of the library: every document it answers with (the response, the
//! error document, the wallet, the rulebooks, the classification, the quick quote) is written
//! through it, straight into bytes: keys are literals given in name order (as serde_json writes
//! a map), amounts, percentages and dates are written from their integers, messages are rendered
//! into the output and only their arguments are escaped.

use core::fmt::{self, Display, Write as _};

#[cfg(feature = "full-sme")]
use rust_decimal::Decimal;
use time::Date;

use super::reader::first_special;
use crate::coded::Lang;
use crate::error::InputError;
use crate::message::{Arg, Rendered};
use crate::units::{push_decimal, push_int, IsoDate, Money, Percent};

/// Appends `text` as JSON string content: `"` and `\` escaped, control characters as
/// `\b \t \n \f \r` or `\u00XX`; everything else as it is (UTF-8).
pub(crate) fn escape_into(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // `bytes[start..]` is not yet copied.
    let mut start = 0;
    loop {
        let at = start + first_special(&bytes[start..]);
        out.extend_from_slice(&bytes[start..at]);
        let Some(&b) = bytes.get(at) else {
            return;
        };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            0x0D => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
            }
        }
        start = at + 1;
    }
}

/// A `fmt::Write` that escapes what it is given.
struct Escaped<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// An argument of a message as JSON string content: text escaped, figures and dates written as
/// they are; what `Display` writes.
fn arg_content(out: &mut Vec<u8>, arg: &Arg) {
    match arg {
        Arg::Text(t) => escape_into(out, t),
        Arg::Word(w) => escape_into(out, w),
        Arg::Money(m) => m.push_to(out),
        Arg::Percent(p) => p.push_to(out),
        Arg::Date(d) => IsoDate(*d).push_to(out),
        Arg::Int(n) => push_int(out, *n),
        Arg::Decimal(d) => push_decimal(out, *d),
        Arg::Nace(n) => n.push_to(out),
    }
}

/// A document being written: bytes of UTF-8 text (every piece comes from a `&str`).
pub(crate) struct Out<'a>(pub(crate) &'a mut Vec<u8>);

impl<'a> Out<'a> {
    /// Text as it is (punctuation, a number, a nested document).
    pub(crate) fn raw(&mut self, text: &str) {
        self.0.extend_from_slice(text.as_bytes());
    }

    /// `"text"`, escaped.
    pub(crate) fn str(&mut self, text: &str) {
        self.0.push(b'"');
        escape_into(self.0, text);
        self.0.push(b'"');
    }

    /// A name of the engine's own (a code, a reference, a step): written as it is (tested to
    /// need no escaping).
    pub(crate) fn name(&mut self, text: &'static str) {
        debug_assert!(
            !text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'),
            "{text:?} needs escaping"
        );
        self.0.push(b'"');
        self.0.extend_from_slice(text.as_bytes());
        self.0.push(b'"');
    }

    /// A name of the engine's own as [`name`](Out::name) writes it, without its quotes: for a
    /// run of fields written as literals around it (`","step":"`), in key order.
    pub(crate) fn bare(&mut self, text: &'static str) {
        debug_assert!(
            !text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'),
            "{text:?} needs escaping"
        );
        self.0.extend_from_slice(text.as_bytes());
    }

    /// A message or explanation as JSON string content (without its quotes): the template's
    /// text and words as they are (they hold nothing to escape — tested in `message`), the
    /// arguments escaped.
    pub(crate) fn rendered_content(&mut self, text: Rendered<'_>) {
        text.write_into(self.0, arg_content);
    }

    /// An argument as JSON string content (without its quotes).
    pub(crate) fn arg_content(&mut self, arg: &Arg) {
        arg_content(self.0, arg);
    }

    /// `"text"` or `null`.
    pub(crate) fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(t) => self.str(t),
            None => self.raw("null"),
        }
    }

    /// A name of the engine's own as [`name`](Out::name) writes it, or `null`: no escaping
    /// pass over a name that needs none.
    pub(crate) fn opt_name(&mut self, text: Option<&'static str>) {
        match text {
            Some(t) => self.name(t),
            None => self.raw("null"),
        }
    }

    /// A value's `Display`, as an escaped JSON string.
    pub(crate) fn show(&mut self, value: impl Display) {
        self.0.push(b'"');
        // Writing into a Vec cannot fail.
        let _ = write!(Escaped(self.0), "{value}");
        self.0.push(b'"');
    }

    /// An amount, two decimals.
    pub(crate) fn money(&mut self, m: Money) {
        m.push_quoted(self.0, true);
    }

    /// A percentage without trailing zeros.
    pub(crate) fn percent(&mut self, p: Percent) {
        p.push_quoted(self.0, true);
    }

    /// A decimal without trailing zeros, as a string.
    #[cfg(feature = "full-sme")]
    pub(crate) fn decimal(&mut self, d: Decimal) {
        self.0.push(b'"');
        push_decimal(self.0, d);
        self.0.push(b'"');
    }

    /// An exact amount (an aggregated turnover or balance sheet, never rounded): two decimals,
    /// more when it has more (`"5970000.00"`, `"5999700.346633"`), as a string.
    #[cfg(feature = "full-sme")]
    pub(crate) fn exact_amount(&mut self, d: Decimal) {
        self.0.push(b'"');
        let start = self.0.len();
        push_decimal(self.0, d);
        let written = self.0.get(start..).unwrap_or_default();
        match written.iter().rposition(|b| *b == b'.') {
            None => self.0.extend_from_slice(b".00"),
            Some(point) if written.len() - point == 2 => self.0.push(b'0'),
            Some(_) => {}
        }
        self.0.push(b'"');
    }

    /// A date, `YYYY-MM-DD`.
    pub(crate) fn iso(&mut self, d: Date) {
        IsoDate(d).push_quoted(self.0);
    }

    /// A date or `null`.
    pub(crate) fn date(&mut self, d: Option<Date>) {
        match d {
            Some(d) => self.iso(d),
            None => self.raw("null"),
        }
    }

    /// `true` or `false`.
    pub(crate) fn bool(&mut self, b: bool) {
        // Each a copy of a length known when compiled (one of a chosen text is a call).
        if b {
            self.raw("true");
        } else {
            self.raw("false");
        }
    }

    /// A whole number.
    pub(crate) fn int(&mut self, n: impl Into<i64>) {
        push_int(self.0, n.into());
    }

    /// An object: `{`, then its fields through [`Fields::key`], then `}` when the fields'
    /// writer is dropped.
    pub(crate) fn object(&mut self) -> Fields<'_, 'a> {
        self.0.push(b'{');
        Fields {
            out: self,
            first: true,
            #[cfg(debug_assertions)]
            last: "",
        }
    }

    /// A list: `[`, each item written by `each`, `]`.
    pub(crate) fn list<T>(
        &mut self,
        items: impl IntoIterator<Item = T>,
        mut each: impl FnMut(&mut Out<'a>, T),
    ) {
        self.0.push(b'[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            each(self, item);
        }
        self.0.push(b']');
    }
}

/// A key as JSON writes it after another field, with the comma, its quotes and colon:
/// `k!("aid")` is `,"aid":` (the first field of an object leaves the comma out).
macro_rules! k {
    ($key:literal) => {
        concat!(",\"", $key, "\":")
    };
}
pub(crate) use k;

/// The fields of an object being written, keys in name order.
pub(crate) struct Fields<'o, 'a> {
    out: &'o mut Out<'a>,
    first: bool,
    #[cfg(debug_assertions)]
    last: &'static str,
}

impl<'a> Fields<'_, 'a> {
    /// Starts a field and gives the writer for its value: `quoted` is the key as JSON writes it
    /// after another field, with the comma, its quotes and colon (`k!("aid")` is `,"aid":`),
    /// so that it is copied in one go (without the comma for the first field). Keys must come
    /// in name order (checked in debug builds), as serde_json writes them.
    #[inline]
    pub(crate) fn key(&mut self, quoted: &'static str) -> &mut Out<'a> {
        #[cfg(debug_assertions)]
        {
            debug_assert!(
                quoted.starts_with(",\"") && quoted.ends_with("\":"),
                "{quoted} is not a key"
            );
            debug_assert!(
                self.first || self.last < quoted,
                "{} before {quoted}",
                self.last
            );
            self.last = quoted;
        }
        let bytes = quoted.as_bytes();
        if self.first {
            self.first = false;
            self.out
                .0
                .extend_from_slice(bytes.get(1..).unwrap_or_default());
        } else {
            self.out.0.extend_from_slice(bytes);
        }
        self.out
    }
}

impl Drop for Fields<'_, '_> {
    fn drop(&mut self) {
        self.out.0.push(b'}');
    }
}

/// A document written by `write` into a new `String`.
pub(crate) fn document(capacity: usize, write: impl FnOnce(&mut Out<'_>)) -> String {
    let mut bytes = Vec::with_capacity(capacity);
    write(&mut Out(&mut bytes));
    // Every byte came from a `&str`, cut only next to an ASCII byte, or is ASCII: valid
    // UTF-8, so the default (never taken) needs no replacement machinery.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes the error document `{"error":{"code","message","path"}}`, the message's content
/// (without its quotes) written by `message`.
pub(crate) fn error_into<'a>(
    out: &mut Out<'a>,
    code: &'static str,
    path: &str,
    message: impl FnOnce(&mut Out<'a>),
) {
    let mut doc = out.object();
    let mut error = doc.key(k!("error")).object();
    error.key(k!("code")).name(code);
    let content = error.key(k!("message"));
    content.raw("\"");
    message(content);
    content.raw("\"");
    error.key(k!("path")).str(path);
}

/// A text as JSON string content (without its quotes), escaped: the message of an error
/// document written apart first.
#[cfg(feature = "wallet")]
pub(crate) fn text_content(out: &mut Out<'_>, text: &str) {
    escape_into(out.0, text);
}

/// The error document of an input error, its message in `lang`:
/// `{"error":{"code","message","path"}}`.
///
/// ```
/// use kmo_core::{json::error_json, Lang, Money};
/// let e = Money::parse("-5").unwrap_err().at("service.cost");
/// let doc = error_json(&e, Lang::Fr);
/// assert!(doc.starts_with(r#"{"error":{"code":"NEGATIVE_AMOUNT","message":"#));
/// assert!(doc.ends_with(r#""path":"service.cost"}}"#));
/// ```
pub fn error_json(err: &InputError, lang: Lang) -> String {
    // The message rendered into the document as a finding's is (what `InputError::message`
    // gives, escaped), without writing it apart first.
    let args: Vec<Arg> = err.args().iter().map(Arg::from).collect();
    document(128, |out| {
        error_into(out, err.code.as_str(), &err.path, |o| {
            o.rendered_content(Rendered::new(err.message_key(), lang, &args));
        });
    })
}

#[cfg(test)]
mod tests {
    use super::escape_into;

    proptest::proptest! {
        /// Whatever the mixture, the output is serde_json's.
        #[test]
        fn escaping_matches_serde_json(text in "[\\x00-\\x7f\"\\\\éü€😀]{0,64}") {
            let mut out = b"\"".to_vec();
            escape_into(&mut out, &text);
            out.push(b'"');
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }

    /// An exact amount has two decimals, more when it has more, and reads back as itself.
    #[cfg(feature = "full-sme")]
    #[test]
    fn exact_amounts_have_at_least_two_decimals() {
        use rust_decimal::Decimal;
        for (value, text) in [
            ("5970000", "\"5970000.00\""),
            ("5970000.5", "\"5970000.50\""),
            ("5970000.10", "\"5970000.10\""),
            ("5999700.346633", "\"5999700.346633\""),
            ("0", "\"0.00\""),
            ("0.001", "\"0.001\""),
            ("123.4500", "\"123.45\""),
        ] {
            let d: Decimal = value.parse().unwrap();
            let mut out = Vec::new();
            super::Out(&mut out).exact_amount(d);
            assert_eq!(String::from_utf8(out).unwrap(), text, "{value}");
            assert_eq!(text.trim_matches('"').parse::<Decimal>().unwrap(), d);
        }
    }

    #[test]
    fn escaping_is_serde_json_s() {
        let mut all = String::new();
        for c in (0_u32..0x80).filter_map(char::from_u32) {
            all.push(c);
        }
        all.push_str("é€😀\u{2028}");
        for text in [all.as_str(), "", "plain", "\"", "\\", "a\"b\\c\nd"] {
            let mut out = b"\"".to_vec();
            escape_into(&mut out, text);
            out.push(b'"');
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(text).unwrap(),
                "{text:?}"
            );
        }
    }
}
