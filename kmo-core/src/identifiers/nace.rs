//! NACE-BEL activity codes: the main activity of MB-2016 art. 3.
//!
//! Accepted forms: `70`, `70.2`, `70.22`, `70.220` (and the same digits without the dot). The
//! division (first two digits) must be a NACE division of NACE-BEL 2008 or NACE-BEL 2025; the two
//! share their divisions except that 2025 dropped 45, which records from before 2025 still carry.

use core::fmt;
use core::str::FromStr;

use crate::error::clip;
use crate::error::{InputError, InputErrorCode};

/// Numbers 01–99 that are not a NACE division in either version.
const NOT_A_DIVISION: [u8; 12] = [0, 4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89];

/// A syntactically valid NACE-BEL code: a division and up to three further digits.
///
/// ```
/// use kmo_core::NaceCode;
/// let c = NaceCode::parse("62010").unwrap();
/// assert_eq!(c.to_string(), "62.010");
/// assert_eq!(c.division(), 62);
/// assert!(NaceCode::parse("04.11").is_err()); // no division 04
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NaceCode {
    digits: [u8; 5],
    len: u8,
}

impl NaceCode {
    /// Parses a NACE-BEL code (2 to 5 digits, optionally with a dot after the division).
    ///
    /// ```
    /// # use kmo_core::NaceCode;
    /// assert!(NaceCode::parse("70.2").is_ok());
    /// assert!(NaceCode::parse("7").is_err());
    /// assert!(NaceCode::parse("70.2201").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<NaceCode, InputError> {
        let bad = |key: &'static str| {
            InputError::new(
                InputErrorCode::InvalidNaceCode,
                "",
                key,
                vec![clip(text).into()],
            )
        };
        let t = super::trimmed(text);
        // The digits without the dot (which may follow the two of the division only).
        let (div, rest) = match t.split_once('.') {
            Some((div, rest)) if div.len() == 2 && !rest.is_empty() => (div, rest),
            Some(_) => return Err(bad("err_nace_shape")),
            None => (t, ""),
        };
        let len = div.len() + rest.len();
        let all_digits = div.bytes().chain(rest.bytes()).all(|b| b.is_ascii_digit());
        if !(2..=5).contains(&len) || !all_digits {
            return Err(bad("err_nace_shape"));
        }
        let mut digits = [0u8; 5];
        for (slot, b) in digits.iter_mut().zip(div.bytes().chain(rest.bytes())) {
            *slot = b - b'0';
        }
        let code = NaceCode {
            digits,
            len: len as u8,
        };
        if NOT_A_DIVISION.contains(&code.division()) {
            return Err(bad("err_nace_division"));
        }
        Ok(code)
    }

    /// The division: the first two digits (`62` for `62.010`).
    ///
    /// ```
    /// # use kmo_core::NaceCode;
    /// assert_eq!(NaceCode::parse("01.11").unwrap().division(), 1);
    /// ```
    pub fn division(&self) -> u8 {
        self.digits[0] * 10 + self.digits[1]
    }
}

impl NaceCode {
    /// Appends the text `Display` writes (`62.010`), without the formatting machinery.
    #[cfg_attr(not(feature = "json"), allow(dead_code))] // the JSON writer's path
    pub(crate) fn push_to(&self, out: &mut Vec<u8>) {
        let digits = &self.digits[..usize::from(self.len)];
        out.extend(digits[..2].iter().map(|d| b'0' + d));
        if digits.len() > 2 {
            out.push(b'.');
            out.extend(digits[2..].iter().map(|d| b'0' + d));
        }
    }
}

impl fmt::Display for NaceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.digits[0], self.digits[1])?;
        if self.len > 2 {
            f.write_str(".")?;
            for d in &self.digits[2..usize::from(self.len)] {
                write!(f, "{d}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for NaceCode {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NaceCode::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        for (input, canon) in [
            ("70", "70"),
            ("70.2", "70.2"),
            ("70.22", "70.22"),
            ("70.220", "70.220"),
            ("70220", "70.220"),
            ("01.110", "01.110"),
            ("99", "99"),
        ] {
            let code = NaceCode::parse(input).unwrap();
            assert_eq!(code.to_string(), canon);
            let mut out = Vec::new();
            code.push_to(&mut out);
            assert_eq!(out, canon.as_bytes());
        }
        for bad in [
            "", "7", "700000", "70.", ".70", "7.02", "70.2.2", "AB.12", "00", "04", "34.10",
            "89.1", "70,22",
        ] {
            assert!(NaceCode::parse(bad).is_err(), "{bad}");
        }
    }
}
