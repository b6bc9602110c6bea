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
        let trimmed = text.trim();
        let body = match trimmed.get(..2) {
            Some(p) if p.eq_ignore_ascii_case("BE") => &trimmed[2..],
            _ => trimmed,
        };
        let mut digits = Vec::with_capacity(10);
        for c in body.chars() {
            match c {
                '0'..='9' => digits.push(c as u8 - b'0'),
                '.' | ' ' => {}
                _ => return Err(err("err_enterprise_number_shape")),
            }
        }
        if digits.len() != 10 {
            return Err(err("err_enterprise_number_digits"));
        }
        if digits[0] > 1 {
            return Err(err("err_enterprise_number_first"));
        }
        let value = digits.iter().fold(0u64, |acc, d| acc * 10 + u64::from(*d));
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
}
