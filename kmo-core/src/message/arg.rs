//! The values a message shows.

use core::fmt;
use std::borrow::Cow;

use rust_decimal::Decimal;
use time::Date;

use crate::coded::Lang;
use crate::error::ErrorArg;
use crate::identifiers::NaceCode;
use crate::units::{push_decimal, IsoDate, Money, Percent};

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
            Arg::Decimal(d) => fmt::Display::fmt(&d.normalize(), f),
            Arg::Date(d) => fmt::Display::fmt(&IsoDate(*d), f),
            Arg::Int(i) => fmt::Display::fmt(i, f),
            Arg::Nace(n) => fmt::Display::fmt(n, f),
        }
    }
}

impl Arg {
    /// An amount, a percentage or a figure as `lang` writes it in a text (see [`localize`]);
    /// `false`, writing nothing, for any other argument.
    pub(crate) fn push_number_in(&self, lang: Lang, out: &mut Vec<u8>) -> bool {
        let mut plain = Vec::with_capacity(32);
        match self {
            Arg::Money(m) => m.push_to(&mut plain),
            Arg::Percent(p) => p.push_to(&mut plain),
            Arg::Decimal(d) => push_decimal(&mut plain, *d),
            _ => return false,
        }
        localize(&plain, lang, out);
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
pub(crate) fn localize(plain: &[u8], lang: Lang, out: &mut Vec<u8>) {
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
