//! The values a message shows.

use core::fmt;
use std::borrow::Cow;

use rust_decimal::Decimal;
use time::Date;

use crate::coded::Lang;
use crate::error::ErrorArg;
use crate::identifiers::NaceCode;
use crate::units::{
    decimal_ascii, digit_pair, extend_window, IsoDate, Money, Percent, DECIMAL_TEXT,
};

/// One value a message shows, kept as it is and written only when the message is rendered
/// (an assessment nobody reads the text of costs no formatting).
///
/// ```
/// use kmo_core::{Arg, Money};
/// assert_eq!(Arg::from(Money::from_cents(5).unwrap()).to_string(), "0.05");
/// assert_eq!(Arg::from("BVR-2016").to_string(), "BVR-2016");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Arg {
    /// Text shown as it is.
    Text(Cow<'static, str>),
    /// A word shown in the message's language (`small` → `klein`, `petite`, `small`).
    Word(&'static str),
    /// An amount (two decimals).
    Money(Money),
    /// A percentage (without trailing zeros).
    Percent(Percent),
    /// A figure (without trailing zeros).
    Decimal(Decimal),
    /// A date (`YYYY-MM-DD`).
    Date(Date),
    /// A whole number.
    Int(i64),
    /// A NACE-BEL code (`62.010`).
    Nace(NaceCode),
}

impl fmt::Display for Arg {
    /// The value; a [`Arg::Word`] is written as its key (messages translate it).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(t) => f.write_str(t),
            Arg::Word(w) => f.write_str(w),
            Arg::Money(m) => fmt::Display::fmt(m, f),
            Arg::Percent(p) => fmt::Display::fmt(p, f),
            Arg::Decimal(d) => {
                // As `Display` writes `d.normalize()` (padded like an integer, as `Money`),
                // without rust_decimal's string building.
                let mut buf = [0_u8; DECIMAL_TEXT];
                let text = decimal_ascii(*d, &mut buf);
                let (nonnegative, digits) = match text.split_first() {
                    Some((b'-', digits)) => (false, digits),
                    _ => (true, text),
                };
                f.pad_integral(nonnegative, "", core::str::from_utf8(digits).unwrap_or(""))
            }
            Arg::Date(d) => fmt::Display::fmt(&IsoDate(*d), f),
            Arg::Int(i) => fmt::Display::fmt(i, f),
            Arg::Nace(n) => fmt::Display::fmt(n, f),
        }
    }
}

impl Arg {
    /// Whether the value owns memory on the heap (a [`Arg::Text`] of an owned `String`): every
    /// other value is plain data, whose drop does nothing. A new variant has to say here
    /// whether it owns memory.
    #[cfg(not(kmo_size))]
    pub(crate) fn owns_heap(&self) -> bool {
        match self {
            Arg::Text(Cow::Owned(_)) => true,
            Arg::Text(Cow::Borrowed(_))
            | Arg::Word(_)
            | Arg::Money(_)
            | Arg::Percent(_)
            | Arg::Decimal(_)
            | Arg::Date(_)
            | Arg::Int(_)
            | Arg::Nace(_) => false,
        }
    }

    /// An amount, a percentage or a figure as `lang` writes it in a text (see [`localize`]);
    /// `false`, writing nothing, for any other argument.
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_number_in(&self, lang: Lang, out: &mut Vec<u8>) -> bool {
        match self {
            Arg::Money(m) => push_amount_in(m.cents().unsigned_abs(), lang, out),
            // Below 1000 (every percentage, most figures) nothing is grouped: the plain
            // text with the language's decimal mark.
            _ => return self.number_in(lang, |plain| localize(plain, lang, out)),
        }
        true
    }

    /// Calls `with` with the plain text of an amount, a percentage or a figure (`1234567.89`),
    /// written on the stack (no allocation); `false` for any other argument.
    pub(crate) fn number_in(&self, _lang: Lang, with: impl FnOnce(&[u8])) -> bool {
        match self {
            Arg::Money(m) => {
                let mut buf = [0_u8; 24];
                with(m.ascii(&mut buf));
            }
            Arg::Percent(p) => {
                let mut buf = [0_u8; 16];
                with(p.ascii(&mut buf));
            }
            Arg::Decimal(d) => {
                let mut buf = [0_u8; DECIMAL_TEXT];
                with(decimal_ascii(*d, &mut buf));
            }
            _ => return false,
        }
        true
    }
}

/// The thousands separator and the decimal mark of a language: `1.234.567,89` in Dutch,
/// `1 234 567,89` in French (narrow no-break spaces, U+202F, as `Intl.NumberFormat` writes
/// them), `1,234,567.89` in English.
fn marks(lang: Lang) -> (&'static str, u8) {
    match lang {
        Lang::Nl => (".", b','),
        Lang::Fr => ("\u{202F}", b','),
        Lang::En => (",", b'.'),
    }
}

/// A plain number (`-1234567.89`: ASCII digits, an optional `-` and `.`) as `lang` writes it:
/// its whole part in groups of three digits, its decimal mark. Years, ids and counts are
/// whole numbers ([`Arg::Int`]) and are written as they are.
#[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
pub(crate) fn localize(plain: &[u8], lang: Lang, out: &mut Vec<u8>) {
    // No group (at most three digits before the point, no sign): the text as it is in one
    // copy, then its point (if any) made the language's mark in place. (Mapped byte by byte
    // into a buffer first, the compiler kept the buffer's 32 bytes apart and wrote each.)
    let whole = plain.iter().position(|b| *b == b'.').unwrap_or(plain.len());
    if whole <= 3 && plain.first() != Some(&b'-') {
        let start = out.len();
        out.extend_from_slice(plain);
        // Past the end (no point) when `whole` is the length.
        if let Some(point) = out.get_mut(start + whole) {
            *point = marks(lang).1;
        }
        return;
    }
    // A number of the engine (at most 40 plain characters, so at most 12 separators of 3
    // bytes) is written on the stack and appended in one copy; anything longer piece by piece.
    if plain.len() > 40 {
        localize_with(plain, lang, |piece| out.extend_from_slice(piece));
        return;
    }
    let mut buf = [0_u8; LOCALIZED];
    let mut len = 0;
    localize_with(plain, lang, |piece| {
        if let Some(to) = buf.get_mut(len..len + piece.len()) {
            for (to, from) in to.iter_mut().zip(piece) {
                *to = *from;
            }
            len += piece.len();
        }
    });
    extend_window::<LOCALIZED>(out, &buf, 0, len);
}

/// An amount in cents as `lang` writes it in a text (`7.500,00`, `7 500,00`, `7,500.00`),
/// written backwards from its integer in groups of three digits: what [`localize`] writes of
/// its `Display` text (held so by a test), without the text.
#[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
fn push_amount_in(cents: u64, lang: Lang, out: &mut Vec<u8>) {
    // At most 13 + 2 digits, 4 separators of up to 3 bytes and the mark: 28 bytes, written to
    // end at byte 32 of the buffer so that a window of 32 from their start fits.
    const END: usize = 32;
    let (group, mark) = marks(lang);
    let group = group.as_bytes();
    let mut buf = [0_u8; 2 * END];
    let mut at = END - 2;
    buf[at..END].copy_from_slice(&digit_pair((cents % 100) as usize));
    at -= 1;
    buf[at] = mark;
    let mut whole = cents / 100;
    // The groups of three digits, least significant first, each after its separator.
    while whole >= 1000 {
        let three = (whole % 1000) as usize;
        whole /= 1000;
        at -= 3;
        buf[at] = b'0' + (three / 100) as u8;
        buf[at + 1..at + 3].copy_from_slice(&digit_pair(three % 100));
        // One byte (`.`, `,`) or three (U+202F).
        if let [a, b, c] = group {
            at -= 3;
            buf[at] = *a;
            buf[at + 1] = *b;
            buf[at + 2] = *c;
        } else {
            at -= 1;
            buf[at] = group.first().copied().unwrap_or(b' ');
        }
    }
    // The first group: its digits without leading zeros.
    let first = whole as usize;
    if first >= 100 {
        at -= 3;
        buf[at] = b'0' + (first / 100) as u8;
        buf[at + 1..at + 3].copy_from_slice(&digit_pair(first % 100));
    } else if first >= 10 {
        at -= 2;
        buf[at..at + 2].copy_from_slice(&digit_pair(first));
    } else {
        at -= 1;
        buf[at] = b'0' + first as u8;
    }
    extend_window::<END>(out, &buf, at, END - at);
}

/// Room for the longest localized number of the engine (see [`localize`]).
#[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
const LOCALIZED: usize = 80;

/// [`localize`], piece by piece: `each` is given the sign, the digits, the separators and the
/// mark, in order (each piece whole characters of UTF-8).
pub(crate) fn localize_with(plain: &[u8], lang: Lang, mut each: impl FnMut(&[u8])) {
    let (group, mark) = marks(lang);
    let (sign, body) = match plain.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, plain),
    };
    let (whole, fraction) = match body.iter().position(|b| *b == b'.') {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    if sign {
        each(b"-");
    }
    // The first group holds one to three digits, every other group three.
    let first = match whole.len() % 3 {
        0 => whole.len().min(3),
        n => n,
    };
    each(&whole[..first]);
    for digits in whole[first..].chunks_exact(3) {
        each(group.as_bytes());
        each(digits);
    }
    if let Some(fraction) = fraction {
        each(core::slice::from_ref(&mark));
        each(fraction);
    }
}

/// The plain number (`-1234567.89`) that `lang` writes as `text`: [`localize`] read back,
/// `None` when `text` is not a number as `lang` writes it (answers read back, feature `serde`).
#[cfg(feature = "serde")]
pub(crate) fn plain_number(text: &str, lang: Lang) -> Option<String> {
    let (group, mark) = marks(lang);
    let plain: String = text
        .replace(group, "")
        .chars()
        .map(|c| if c == char::from(mark) { '.' } else { c })
        .collect();
    let digits = plain.strip_prefix('-').unwrap_or(&plain);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let mut again = Vec::with_capacity(text.len());
    localize(plain.as_bytes(), lang, &mut again);
    (again == text.as_bytes()).then_some(plain)
}

impl From<&'static str> for Arg {
    fn from(t: &'static str) -> Arg {
        Arg::Text(Cow::Borrowed(t))
    }
}

impl From<String> for Arg {
    fn from(t: String) -> Arg {
        Arg::Text(Cow::Owned(t))
    }
}

impl From<Money> for Arg {
    fn from(m: Money) -> Arg {
        Arg::Money(m)
    }
}

impl From<Percent> for Arg {
    fn from(p: Percent) -> Arg {
        Arg::Percent(p)
    }
}

impl From<Decimal> for Arg {
    fn from(d: Decimal) -> Arg {
        Arg::Decimal(d)
    }
}

impl From<NaceCode> for Arg {
    fn from(n: NaceCode) -> Arg {
        Arg::Nace(n)
    }
}

impl From<Date> for Arg {
    fn from(d: Date) -> Arg {
        Arg::Date(d)
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(i: $t) -> Arg {
                Arg::Int(i64::from(i))
            }
        }
    )*};
}
int_arg!(i32, u32, u8, u16, i64);

impl From<usize> for Arg {
    fn from(i: usize) -> Arg {
        Arg::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}

impl From<&ErrorArg> for Arg {
    fn from(detail: &ErrorArg) -> Arg {
        match detail {
            ErrorArg::Text(t) => Arg::Text(t.clone()),
            ErrorArg::Word(w) => Arg::Word(w),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_lang(plain: &str, lang: Lang) -> String {
        let mut out = Vec::new();
        localize(plain.as_bytes(), lang, &mut out);
        String::from_utf8(out).unwrap()
    }

    /// The grouping as it was written first, digit by digit: the model of [`localize`].
    fn localize_digit_by_digit(plain: &[u8], lang: Lang) -> Vec<u8> {
        let (group, mark) = marks(lang);
        let (sign, body) = match plain.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, plain),
        };
        let (whole, fraction) = match body.iter().position(|b| *b == b'.') {
            Some(at) => (&body[..at], Some(&body[at + 1..])),
            None => (body, None),
        };
        let mut out = Vec::new();
        if sign {
            out.push(b'-');
        }
        for (i, digit) in whole.iter().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.extend_from_slice(group.as_bytes());
            }
            out.push(*digit);
        }
        if let Some(fraction) = fraction {
            out.push(mark);
            out.extend_from_slice(fraction);
        }
        out
    }

    proptest::proptest! {
        /// Grouping by chunks is grouping digit by digit, for every length and language;
        /// and the numbers of every kind of argument are their `Display` text, localized.
        #[test]
        fn localize_is_digit_by_digit(plain in "-?[0-9]{1,30}(\\.[0-9]{1,28})?", cents in 0_i64..=100_000_000_000_000, n in proptest::num::i64::ANY, scale in 0_u32..=28) {
            for lang in Lang::ALL.iter().copied() {
                proptest::prop_assert_eq!(in_lang(&plain, lang).into_bytes(), localize_digit_by_digit(plain.as_bytes(), lang));
                let args = [
                    Arg::from(Money::from_cents(cents).unwrap()),
                    Arg::from(Decimal::new(n, scale)),
                    Arg::from(Percent::from_decimal(Decimal::new(cents % 1_000_001, 4)).unwrap()),
                ];
                for arg in args {
                    let mut out = Vec::new();
                    proptest::prop_assert!(arg.push_number_in(lang, &mut out));
                    proptest::prop_assert_eq!(&out, &localize_digit_by_digit(arg.to_string().as_bytes(), lang));
                    // The message's text (`Display` of the rendered template) is the same.
                    let mut shown = String::new();
                    localize_with(arg.to_string().as_bytes(), lang, |p| shown.push_str(core::str::from_utf8(p).unwrap()));
                    proptest::prop_assert_eq!(shown.as_bytes(), &out[..]);
                }
            }
        }
    }

    #[test]
    fn numbers_as_each_language_writes_them() {
        assert_eq!(in_lang("10500000.00", Lang::Nl), "10.500.000,00");
        assert_eq!(
            in_lang("10500000.00", Lang::Fr),
            "10\u{202F}500\u{202F}000,00"
        );
        assert_eq!(in_lang("10500000.00", Lang::En), "10,500,000.00");
        assert_eq!(in_lang("-1234.5", Lang::Nl), "-1.234,5");
        assert_eq!(in_lang("999", Lang::En), "999");
        assert_eq!(in_lang("100000", Lang::En), "100,000");
        assert_eq!(in_lang("0.05", Lang::Fr), "0,05");
        // Years and ids stay as they are; amounts are grouped.
        let mut out = Vec::new();
        assert!(!Arg::from(2026).push_number_in(Lang::Nl, &mut out));
        assert!(Arg::from(Money::from_euro(7500)).push_number_in(Lang::Nl, &mut out));
        assert_eq!(String::from_utf8(out).unwrap(), "7.500,00");
    }
}
