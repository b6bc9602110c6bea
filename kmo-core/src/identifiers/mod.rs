//! Identifiers parsed at the edge: service-provider numbers, Belgian enterprise numbers and
//! NACE-BEL activity codes. Each parser is tolerant in what it reads and strict in what it
//! accepts, and returns the canonical form.

pub mod enterprise_number;
pub mod nace;
pub mod provider;

pub use enterprise_number::EnterpriseNumber;
pub use nace::NaceCode;
pub use provider::ProviderNumber;

/// `text` without the whitespace at its ends, as `str::trim` gives it: without looking at
/// the characters when the text begins and ends with a visible ASCII character (as an
/// identifier does), where `trim` decodes a character at each end to test it.
fn trimmed(text: &str) -> &str {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The same as `str::trim`, ASCII and Unicode whitespace at either end or none.
        #[test]
        fn trimmed_is_trim(text in "[ \\t\\n\u{a0}\u{2003}\u{3000}]{0,2}[a-z0-9.é ]{0,6}[ \\t\u{a0}\u{2003}\u{85}]{0,2}") {
            proptest::prop_assert_eq!(super::trimmed(&text), text.trim());
        }
    }
}
