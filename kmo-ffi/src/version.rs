//! The library's version, as text and as a number (the header carries the same as macros).

use std::ffi::c_char;

/// The decimal number in `digits` (a part of the crate version).
const fn number(digits: &str) -> u32 {
    let bytes = digits.as_bytes();
    let mut value = 0;
    let mut i = 0;
    while i < bytes.len() {
        value = value * 10 + (bytes[i] - b'0') as u32;
        i += 1;
    }
    value
}

const MAJOR: u32 = number(env!("CARGO_PKG_VERSION_MAJOR"));
const MINOR: u32 = number(env!("CARGO_PKG_VERSION_MINOR"));
const PATCH: u32 = number(env!("CARGO_PKG_VERSION_PATCH"));

// The number packs minor and patch in two decimal digits each.
const _: () = assert!(MINOR < 100 && PATCH < 100);

/// The library version, `"0.1.0"` (static; do not free). Compare with `KMO_VERSION_STRING`
/// (or `KMO_VERSION_MAJOR`, `KMO_VERSION_MINOR`, `KMO_VERSION_PATCH`) of the header you
/// compiled against.
#[no_mangle]
pub extern "C" fn kmo_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The library version as one number, major × 10000 + minor × 100 + patch (0.1.0 is 100),
/// equal to `KMO_VERSION_NUMBER` of the header it comes with. A program can check at start-up
/// that the library it loaded is the one it was compiled for.
#[no_mangle]
pub extern "C" fn kmo_version_number() -> u32 {
    MAJOR * 10_000 + MINOR * 100 + PATCH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_follows_the_version_text() {
        let text = env!("CARGO_PKG_VERSION");
        let parts: Vec<u32> = text.split('.').map(|p| p.parse().unwrap()).collect();
        assert_eq!(
            kmo_version_number(),
            parts[0] * 10_000 + parts[1] * 100 + parts[2]
        );
    }
}
