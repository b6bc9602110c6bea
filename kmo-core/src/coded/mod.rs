//! Coded values: every closed list of the engine (`training`, `small`, `bv`,
//! `COST_BELOW_MINIMUM`, …), each declared once, in one file per family: the explanation's codes
//! (`findings.rs`), the languages, the service and its themes, legal forms, invoice lines, the
//! procedure, the SME definition's and the wallet's. Input error codes are declared with the
//! input error (`error.rs`). The rules that give the values their meaning add their methods
//! where they are (`impl Theme` with the rulebooks, `impl Relation` with the aggregation).
//!
//! Every such list is declared with [`coded_enum!`], which gives the enum
//!
//! - `ALL`, every value in declaration order;
//! - `as_str` / `parse` / [`FromStr`](core::str::FromStr) / `Display`: the stable code
//!   (an unknown code is an [`InputError`](crate::InputError) with code `UNKNOWN_CODE` listing
//!   the accepted ones, in the caller's language);
//! - with the feature `serde`, `Serialize` / `Deserialize` as the code;
//! - `number` / `from_number`: the one numbering the C and WebAssembly faces use, 1 for the
//!   first value in declaration order, so that 0 can mean "none" in a zero-initialised C struct.
//!   New values are only ever added at the end, so a number never changes meaning;
//! - [`Coded`]: the same, for code that handles every list alike (the
//!   [catalogue](crate::catalogue) and what is generated from it), and each value's
//!   documentation as written beside it ([`Coded::doc`]).
//!
//! The enums are `#[non_exhaustive]`: the law adds themes and forms, and a new value is not a
//! breaking change. A list the law closes (`closed`: the size classes of the Recommendation,
//! the wallet's two classes, the control rights of art. 3(3)) is exhaustive, so that a `match`
//! on it needs no wildcard.

mod cost;
mod findings;
mod lang;
mod legal_form;
mod procedure;
mod service;
mod sme;
#[cfg(feature = "wallet")]
mod wallet;

pub use cost::{CostLineKind, NotEligibleBecause};
pub use findings::{FindingCode, FindingGroup, Severity, TraceStepName};
pub use lang::Lang;
pub use legal_form::LegalForm;
pub use procedure::{OwnShareDeadline, ProcedureStepName};
pub use service::{ExcludedTopic, ServiceKind, Subtheme, Theme};
#[cfg(feature = "full-sme")]
pub use sme::{ControlRight, EntityType, Relation};
pub use sme::{OwnershipChangePolicy, SizeClass, StaffRole, WalletClass};
#[cfg(feature = "wallet")]
pub use wallet::{StatusKind, WalletErrorCode};

/// A value of one of the engine's closed lists: its stable code, its number in the C and
/// WebAssembly faces, and its documentation. Every list declared with `coded_enum!` implements
/// it; [`catalogue::lists`](crate::catalogue::lists) names them all.
///
/// ```
/// use kmo_core::catalogue::Coded;
/// use kmo_core::ServiceKind;
/// fn codes<T: Coded>() -> Vec<&'static str> {
///     T::ALL.iter().map(|v| v.as_str()).collect()
/// }
/// assert_eq!(codes::<ServiceKind>(), ["training", "advice"]);
/// assert_eq!(ServiceKind::Advice.number(), 2);
/// assert!(Coded::doc(ServiceKind::Advice).contains("Advies"));
/// ```
pub trait Coded:
    Copy + Eq + Ord + core::hash::Hash + core::fmt::Debug + core::fmt::Display + 'static
{
    /// The list's name: its Rust type (`"ServiceKind"`).
    const NAME: &'static str;
    /// Every value, in the order of their numbers.
    const ALL: &'static [Self];
    /// The stable code (`"training"`, `"COST_BELOW_MINIMUM"`).
    fn as_str(self) -> &'static str;
    /// The number in the C and WebAssembly faces: 1 for the first value (0 means "none").
    fn number(self) -> u32;
    /// The value of a number; `None` for 0 or a number no value has.
    fn from_number(number: u32) -> Option<Self>;
    /// The documentation written beside the value in the source, line by line (each line
    /// with the space that followed `///`); paragraphs are separated by an empty line.
    fn doc(self) -> &'static str;
}

/// The text of the `#[doc = "…"]` attributes among a variant's attributes, each line ended by
/// `\n` (a tt-muncher: `[doc = "…"]` groups are kept, every other attribute is skipped).
macro_rules! doc_text {
    (@acc [$($acc:literal,)*]) => { concat!($($acc,)*) };
    (@acc [$($acc:literal,)*] [doc = $doc:literal] $($rest:tt)*) => {
        $crate::coded::doc_text!(@acc [$($acc,)* $doc, "\n",] $($rest)*)
    };
    (@acc [$($acc:literal,)*] [$($other:tt)*] $($rest:tt)*) => {
        $crate::coded::doc_text!(@acc [$($acc,)*] $($rest)*)
    };
}

/// Declares a coded enum (see the [module docs](self)). `$what` is the word an error message
/// uses for the list (`"theme"`), translated through the message tables. `closed` first: a
/// list the law closes, matchable exhaustively.
macro_rules! coded_enum {
    (closed $($rest:tt)*) => {
        $crate::coded::coded_enum!(@with [] $($rest)*);
    };
    // With `json_run(prefix, suffix)`: also `json_run`, each code between the two texts, one
    // literal per value written when compiled (the JSON writer copies a name and the keys
    // around it at once), made from the same list.
    (@with [$($open:meta)?] $(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$($vattr:tt)*])* $variant:ident => $code:literal),+ $(,)? }, json_run($pre:literal, $suf:literal)) => {
        $crate::coded::coded_enum!(@with [$($open)?] $(#[$meta])* $name, $what, { $($(#[$($vattr)*])* $variant => $code),+ });

        impl $name {
            /// The code between the JSON texts given where the list is declared, one literal.
            #[allow(dead_code)]
            pub(crate) const fn json_run(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($pre, $code, $suf)),+
                }
            }
        }
    };
    (@with [$($open:meta)?] $(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$($vattr:tt)*])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $(#[$open])?
        pub enum $name {
            $($(#[$($vattr)*])* $variant),+
        }

        impl $crate::coded::Coded for $name {
            const NAME: &'static str = stringify!($name);
            const ALL: &'static [$name] = $name::ALL;
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn number(self) -> u32 {
                $name::number(self)
            }
            fn from_number(number: u32) -> Option<$name> {
                $name::from_number(number)
            }
            fn doc(self) -> &'static str {
                match self {
                    $($name::$variant => $crate::coded::doc_text!(@acc [] $([$($vattr)*])*)),+
                }
            }
        }

        impl $name {
            /// Every value, in declaration order (the order of [`Self::number`]).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable lower-case code used in the JSON document.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// Parses the code; an unknown code is an `UNKNOWN_CODE` error listing the accepted
            /// ones.
            pub fn parse(code: &str) -> Result<$name, $crate::error::InputError> {
                const CODES: &[&str] = &[$($code),+];
                // A `match` in native code (the cheapest there); one loop over the codes in
                // the builds for size (a `match` of strings is a comparison and a branch per
                // code). The same value either way: `CODES` and `ALL` are written from the
                // one list above, in its order (tested).
                #[cfg(not(kmo_size))]
                return match code {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::error::InputError::unknown_code($what, code, CODES)),
                };
                #[cfg(kmo_size)]
                return match CODES
                    .iter()
                    .position(|c| *c == code)
                    .and_then(|i| $name::ALL.get(i))
                {
                    Some(value) => Ok(*value),
                    None => Err($crate::error::InputError::unknown_code($what, code, CODES)),
                };
            }

            /// The value's number in the C and WebAssembly faces: 1 for the first value in
            /// declaration order (0 means "none" there).
            pub const fn number(self) -> u32 {
                self as u32 + 1
            }

            /// The value of a number given by [`Self::number`]; `None` for 0 or an unknown
            /// number.
            pub fn from_number(number: u32) -> Option<$name> {
                let index = usize::try_from(number.checked_sub(1)?).ok()?;
                $name::ALL.get(index).copied()
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::error::InputError;
            fn from_str(code: &str) -> Result<$name, Self::Err> {
                $name::parse(code)
            }
        }

        #[cfg(feature = "serde")]
        $crate::serde_form::text_form!($name, "one of the codes of the list", numbers: false);
    };
    ($($rest:tt)*) => {
        $crate::coded::coded_enum!(@with [non_exhaustive] $($rest)*);
    };
}

pub(crate) use coded_enum;
pub(crate) use doc_text;

#[cfg(test)]
mod tests {
    use crate::coded::{
        CostLineKind, ExcludedTopic, LegalForm, OwnShareDeadline, StaffRole, Subtheme, WalletClass,
    };
    use crate::{InputErrorCode, Lang, ServiceKind, SizeClass, Theme};

    #[test]
    fn numbers_start_at_one_and_round_trip() {
        assert_eq!(SizeClass::Micro.number(), 1);
        assert_eq!(SizeClass::Large.number(), 4);
        assert_eq!(SizeClass::from_number(0), None);
        assert_eq!(SizeClass::from_number(5), None);
        assert_eq!(SizeClass::from_number(u32::MAX), None);
        for (i, t) in Theme::ALL.iter().enumerate() {
            assert_eq!(t.number() as usize, i + 1);
            assert_eq!(Theme::from_number(t.number()), Some(*t));
        }
        assert_eq!(ServiceKind::from_number(2), Some(ServiceKind::Advice));
    }

    /// Every value's code parses back to it (the lookup of native code and the builds for
    /// size alike).
    #[test]
    fn every_code_parses_back() {
        macro_rules! each {
            ($($t:ty),*) => {$(
                for v in <$t>::ALL {
                    assert_eq!(<$t>::parse(v.as_str()).unwrap(), *v);
                }
            )*};
        }
        each!(
            LegalForm,
            OwnShareDeadline,
            CostLineKind,
            SizeClass,
            WalletClass,
            StaffRole,
            Lang,
            ServiceKind,
            Theme,
            Subtheme,
            ExcludedTopic
        );
    }

    #[test]
    fn from_str_and_unknown_codes() {
        assert_eq!("innovatie".parse::<Theme>().unwrap(), Theme::Innovatie);
        let e = "Innovatie".parse::<Theme>().unwrap_err();
        assert_eq!(e.code, InputErrorCode::UnknownCode);
        let en = e.message(Lang::En);
        assert!(
            en.contains("Innovatie") && en.contains("personeelsmanagement"),
            "{en}"
        );
        assert!(
            e.message(Lang::Nl).contains("thema"),
            "{}",
            e.message(Lang::Nl)
        );
    }
}
