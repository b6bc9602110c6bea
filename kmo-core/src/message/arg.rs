//! The values a message shows.

use core::fmt;
use std::borrow::Cow;

use rust_decimal::Decimal;
use time::Date;

use crate::error::Detail;
use crate::identifiers::NaceCode;
use crate::units::{IsoDate, Money, Percent};

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

impl From<&Detail> for Arg {
    fn from(detail: &Detail) -> Arg {
        match detail {
            Detail::Text(t) => Arg::Text(t.clone()),
            Detail::Word(w) => Arg::Word(w),
        }
    }
}
