//! Coded values: the closed lists of the JSON document (`training`, `small`, `bv`, …).
//!
//! Every such list is declared once with [`coded_enum!`], which gives the enum
//!
//! - `ALL`, every value in declaration order;
//! - `as_str` / `parse` / [`FromStr`](core::str::FromStr) / `Display`: the stable lower-case code
//!   (an unknown code is an [`InputError`](crate::InputError) with code `UNKNOWN_CODE` listing
//!   the accepted ones, in the caller's language);
//! - with the feature `serde`, `Serialize` / `Deserialize` as the code;
//! - `number` / `from_number`: the one numbering the C and WebAssembly faces use, 1 for the
//!   first value in declaration order, so that 0 can mean "none" in a zero-initialised C struct.
//!   New values are only ever added at the end, so a number never changes meaning.
//!
//! The enums are `#[non_exhaustive]`: the law adds themes and forms, and a new value is not a
//! breaking change. A list the law closes (`closed`: the size classes of the Recommendation,
//! the wallet's two classes, the control rights of art. 3(3)) is exhaustive, so that a `match`
//! on it needs no wildcard.

/// Declares a coded enum (see the [module docs](self)). `$what` is the word an error message
/// uses for the list (`"theme"`), translated through the message tables. `closed` first: a
/// list the law closes, matchable exhaustively.
macro_rules! coded_enum {
    (closed $($rest:tt)*) => {
        $crate::coded::coded_enum!(@with [] $($rest)*);
    };
    (@with [$($open:meta)?] $(#[$meta:meta])* $name:ident, $what:literal, { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $(#[$open])?
        pub enum $name {
            $($(#[$vmeta])* $variant),+
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
                match code {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::error::InputError::unknown_code(
                        $what,
                        code,
                        &[$($code),+],
                    )),
                }
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

#[cfg(test)]
mod tests {
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
