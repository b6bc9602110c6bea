//! Belgian enterprise numbers (*ondernemingsnummer*, KBO/BCE), checked when given.
//!
//! Ten digits, the first 0 or 1; the last two are 97 − (the first eight mod 97).

use core::fmt;
use core::str::FromStr;

use crate::error::clip;
use crate::error::{InputError, InputErrorCode};

/// A Belgian enterprise number with valid check digits, shown as `0403.170.701`.
///
/// ```
/// use kmo_core::EnterpriseNumber;
/// let n = EnterpriseNumber::parse("BE 0403170701").unwrap();
/// assert_eq!(n.to_string(), "0403.170.701");
/// assert!(EnterpriseNumber::parse("0403.170.702").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EnterpriseNumber(u64);

impl EnterpriseNumber {
    /// Parses `0403.170.701`, `0403170701`, `BE0403170701`, `BE 0403 170 701`; dots, spaces and
    /// a leading `BE` are ignored. Checks the first digit (0 or 1) and the check digits.
    ///
    /// ```
    /// # use kmo_core::EnterpriseNumber;
    /// assert!(EnterpriseNumber::parse("0403.170.701").is_ok());
    /// assert!(EnterpriseNumber::parse("2403.170.701").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<EnterpriseNumber, InputError> {
        let err = |key: &'static str| {
            InputError::new(
                InputErrorCode::InvalidEnterpriseNumber,
                "",
                key,
                vec![clip(text).into()],
            )
        };
        let trimmed = super::trimmed(text);
        // Two ASCII letters: the rest starts at a char boundary.
        let body = match trimmed.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("BE") => trimmed.get(2..).unwrap_or_default(),
            _ => trimmed,
        };
        // The digits read into a number as they come, counted (no allocation); past ten the
        // count still grows, so that any other length is refused as such.
        let mut value = 0_u64;
        let mut count = 0_usize;
        for b in body.bytes() {
            match b {
                b'0'..=b'9' => {
                    if count < 10 {
                        value = value * 10 + u64::from(b - b'0');
                    }
                    count += 1;
                }
                b'.' | b' ' => {}
                _ => return Err(err("err_enterprise_number_shape")),
            }
        }
        if count != 10 {
            return Err(err("err_enterprise_number_digits"));
        }
        // The first of ten digits is 0 or 1: the number is below 2 000 000 000.
        if value >= 2_000_000_000 {
            return Err(err("err_enterprise_number_first"));
        }
        let (base, check) = (value / 100, value % 100);
        if 97 - base % 97 != check {
            return Err(err("err_enterprise_number_check"));
        }
        Ok(EnterpriseNumber(value))
    }
}

impl fmt::Display for EnterpriseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        write!(
            f,
            "{:04}.{:03}.{:03}",
            v / 1_000_000,
            v / 1000 % 1000,
            v % 1000
        )
    }
}

impl FromStr for EnterpriseNumber {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EnterpriseNumber::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits() {
        // 04031707 mod 97 = 96, 97 - 96 = 1 → 01
        assert!(EnterpriseNumber::parse("0403.170.701").is_ok());
        assert!(EnterpriseNumber::parse("0403.170.700").is_err());
        // 1 as first digit (numbers issued since 2023)
        let base = 10_000_000u64;
        let check = 97 - base % 97;
        let text = format!("{:08}{:02}", base, check);
        assert!(EnterpriseNumber::parse(&text).is_ok(), "{text}");
        assert!(EnterpriseNumber::parse("040317070").is_err());
        assert!(EnterpriseNumber::parse("04031707011").is_err());
        assert!(EnterpriseNumber::parse("0403-170-701").is_err());
    }

    /// The reading with a list of digits (what `parse` did before it counted in place).
    fn by_list(text: &str) -> Result<u64, &'static str> {
        let trimmed = text.trim();
        let body = match trimmed.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("BE") => &trimmed[2..],
            _ => trimmed,
        };
        let mut digits = Vec::new();
        for c in body.chars() {
            match c {
                '0'..='9' => digits.push(c as u8 - b'0'),
                '.' | ' ' => {}
                _ => return Err("err_enterprise_number_shape"),
            }
        }
        if digits.len() != 10 {
            return Err("err_enterprise_number_digits");
        }
        if digits[0] > 1 {
            return Err("err_enterprise_number_first");
        }
        let value = digits.iter().fold(0u64, |acc, d| acc * 10 + u64::from(*d));
        if 97 - value / 100 % 97 != value % 100 {
            return Err("err_enterprise_number_check");
        }
        Ok(value)
    }

    proptest::proptest! {
        /// Counting the digits in place accepts, refuses and normalises as the list did.
        #[test]
        fn same_as_a_list_of_digits(text in "[ \\t]?(BE|be|bE|É)?[0-9 .]{0,14}[0-9a-z€]?[0-9 .]{0,3}") {
            let new = EnterpriseNumber::parse(&text);
            let old = by_list(&text);
            match (&new, &old) {
                (Ok(n), Ok(v)) => proptest::prop_assert_eq!(n.0, *v),
                (Err(e), Err(key)) => {
                    let again = InputError::new(
                        InputErrorCode::InvalidEnterpriseNumber,
                        "",
                        key,
                        vec![clip(&text).into()],
                    );
                    proptest::prop_assert_eq!(e, &again);
                }
                _ => proptest::prop_assert!(false, "{text:?}: {new:?} against {old:?}"),
            }
        }
    }

    #[test]
    fn valid_numbers_in_every_form() {
        for base in [0_u64, 1, 4_031_707, 10_000_000, 19_999_999, 9_999_999] {
            let n = base * 100 + 97 - base % 97;
            let plain = format!("{n:010}");
            for text in [
                plain.clone(),
                format!("BE{plain}"),
                format!(" be {}.{}.{} ", &plain[..4], &plain[4..7], &plain[7..]),
            ] {
                assert_eq!(EnterpriseNumber::parse(&text).ok().map(|e| e.0), Some(n));
                assert_eq!(by_list(&text), Ok(n));
            }
        }
    }
}
