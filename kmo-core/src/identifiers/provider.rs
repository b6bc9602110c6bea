//! Registration numbers of service providers (*dienstverleners*, BVR-2016 art. 9).
//!
//! `DV.` + a service letter + six digits: `O` for opleiding (training), `A` for advies (advice),
//! e.g. `DV.O236459`. The parser accepts `DVO236459`, `DV O236459`, `dv.o236459`.

use core::fmt;
use core::str::FromStr;

use crate::coded::ServiceKind;
use crate::error::clip;
use crate::error::{InputError, InputErrorCode};

/// A registered service provider's number, in canonical form `DV.O236459`.
///
/// ```
/// use kmo_core::{ProviderNumber, ServiceKind};
/// let p = ProviderNumber::parse("dv o236459").unwrap();
/// assert_eq!(p.to_string(), "DV.O236459");
/// assert_eq!(p.service(), ServiceKind::Training);
/// assert!(ProviderNumber::parse("DV.X236459").is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProviderNumber {
    service: ServiceKind,
    number: u32,
}

impl ProviderNumber {
    /// Parses a provider number tolerantly (case, `.`, one space or nothing after `DV`).
    ///
    /// ```
    /// # use kmo_core::ProviderNumber;
    /// assert_eq!(ProviderNumber::parse("DVA236460").unwrap().to_string(), "DV.A236460");
    /// assert!(ProviderNumber::parse("DV.O23645").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<ProviderNumber, InputError> {
        let bad = || {
            InputError::new(
                InputErrorCode::InvalidProviderNumber,
                "",
                "err_provider_number",
                vec![clip(text).into()],
            )
        };
        let trimmed = super::trimmed(text);
        let rest = trimmed
            .get(..2)
            .filter(|p| p.eq_ignore_ascii_case("DV"))
            .and_then(|_| trimmed.get(2..))
            .ok_or_else(bad)?;
        let rest = rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix('.'))
            .or_else(|| rest.strip_prefix(' '))
            .unwrap_or(rest);
        let mut chars = rest.chars();
        let service = match chars.next() {
            Some('O' | 'o') => ServiceKind::Training,
            Some('A' | 'a') => ServiceKind::Advice,
            _ => return Err(bad()),
        };
        let digits = chars.as_str();
        if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let number = digits.parse().map_err(|_| bad())?;
        Ok(ProviderNumber { service, number })
    }

    /// The service the provider is registered for, from the letter.
    ///
    /// ```
    /// # use kmo_core::{ProviderNumber, ServiceKind};
    /// assert_eq!(ProviderNumber::parse("DV.A236460").unwrap().service(), ServiceKind::Advice);
    /// ```
    pub fn service(&self) -> ServiceKind {
        self.service
    }
}

impl fmt::Display for ProviderNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = match self.service {
            ServiceKind::Training => 'O',
            ServiceKind::Advice => 'A',
        };
        write!(f, "DV.{letter}{:06}", self.number)
    }
}

impl FromStr for ProviderNumber {
    type Err = InputError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ProviderNumber::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerant_forms() {
        for ok in [
            "DV.O236459",
            "DVO236459",
            "DV O236459",
            "dv.o236459",
            " DV.O236459 ",
            "DV. O236459",
        ] {
            assert_eq!(
                ProviderNumber::parse(ok).unwrap().to_string(),
                "DV.O236459",
                "{ok}"
            );
        }
        assert_eq!(
            ProviderNumber::parse("DV.O000001").unwrap().to_string(),
            "DV.O000001"
        );
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "DV.",
            "DV.O",
            "DV.O2364590",
            "DV.O23645a",
            "DX.O236459",
            "DV..O236459",
            "DV.O 236459",
            "DV.Ö236459",
            "DV.O+23645",
        ] {
            assert!(ProviderNumber::parse(bad).is_err(), "{bad}");
        }
    }
}
