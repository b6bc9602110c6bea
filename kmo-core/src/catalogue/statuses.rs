//! The statuses of the C library: the outcome of every call of `libkmo` (`kmo_status` in
//! `kmo.h`, `KMO_STATUS_` and the name). Declared here, beside the wallet's refusals that have
//! one each, so that a refusal the wallet adds gets its status in the same place; `kmo-ffi`'s
//! enumeration and its messages are generated from this table.

use crate::coded::WalletErrorCode;

/// One status of the C library.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Status {
    /// The name after `KMO_STATUS_` (`"NULL_ARGUMENT"`).
    pub name: &'static str,
    /// Its value, which never changes meaning (0 is success).
    pub number: u32,
    /// What it means, for the header.
    pub doc: &'static str,
    /// The English description `kmo_status_str` gives, without a final full stop (at most 127
    /// bytes).
    pub message: &'static str,
    /// The wallet's refusal it stands for, if it does (its name is the refusal's code).
    pub refusal: Option<WalletErrorCode>,
}

const fn status(
    name: &'static str,
    number: u32,
    doc: &'static str,
    message: &'static str,
) -> Status {
    Status {
        name,
        number,
        doc,
        message,
        refusal: None,
    }
}

const fn refusal(
    code: WalletErrorCode,
    number: u32,
    doc: &'static str,
    message: &'static str,
) -> Status {
    Status {
        name: code.as_str(),
        number,
        doc,
        message,
        refusal: Some(code),
    }
}

/// Every status, by value. A value is never reused: new statuses take a new number.
pub const STATUSES: &[Status] = &[
    status("OK", 0, "Success.", "ok"),
    status(
        "NULL_ARGUMENT",
        1,
        "A required pointer was NULL (a list that is NULL with a count also gives its \
         `kmo_error`, at the list's field).",
        "a required pointer was NULL",
    ),
    status(
        "INVALID_UTF8",
        2,
        "A string was not valid UTF-8 (its `kmo_error` names the field).",
        "a string was not valid UTF-8",
    ),
    status(
        "INVALID_INPUT",
        3,
        "The input is invalid (malformed JSON, a value out of range, an unknown code): the \
         `kmo_error` or the error document names the field and says why.",
        "the input is invalid (the error names the field and says why)",
    ),
    status(
        "BUFFER_TOO_SMALL",
        4,
        "The output buffer is too small; nothing was written.",
        "the output buffer is too small",
    ),
    refusal(
        WalletErrorCode::UnknownApplication,
        5,
        "No application with that id in the wallet (`UNKNOWN_APPLICATION`).",
        "no application with that id in the wallet",
    ),
    status(
        "OUT_OF_RANGE",
        7,
        "An index or a result is out of range (a rulebook index, a number no code has, a date \
         outside the years 1900–2199 after day arithmetic: its `kmo_error` names `days`).",
        "index or result out of range",
    ),
    status(
        "INVALID_STRUCT_SIZE",
        8,
        "A versioned struct's `struct_size` is not exactly the size of a version this library \
         knows: 0 (a struct not initialised with its `_INIT` macro), a size between two \
         versions, or a newer header's (fields this library does not know). Nothing beyond \
         `struct_size` is read or written.",
        "struct_size is not set (use the struct's _INIT macro) or not one this library knows",
    ),
    refusal(
        WalletErrorCode::ApplicationEnded,
        10,
        "The application was already stopped or has lapsed (`APPLICATION_ENDED`); the wallet is \
         unchanged.",
        "the application has already ended; the wallet is unchanged",
    ),
    refusal(
        WalletErrorCode::BeforeApplication,
        11,
        "The date is before the application date (`BEFORE_APPLICATION`); the wallet is \
         unchanged.",
        "the date is before the application date; the wallet is unchanged",
    ),
    refusal(
        WalletErrorCode::OutOfOrder,
        12,
        "An application dated before one already recorded in the same year (`OUT_OF_ORDER`); \
         the wallet is unchanged.",
        "an application of that year with a later date is already recorded; the wallet is unchanged",
    ),
    refusal(
        WalletErrorCode::ZeroAmount,
        13,
        "The amount is zero (`ZERO_AMOUNT`); the wallet is unchanged.",
        "the amount must be more than zero; the wallet is unchanged",
    ),
    refusal(
        WalletErrorCode::Overpayment,
        14,
        "More than the own share still due (`OVERPAYMENT`); the wallet is unchanged.",
        "more than the own share still due; the wallet is unchanged",
    ),
    refusal(
        WalletErrorCode::OwnShareNotPaid,
        15,
        "A release before the own share is paid in full (`OWN_SHARE_NOT_PAID`); the wallet is \
         unchanged.",
        "the own share is not paid in full, nothing can be released; the wallet is unchanged",
    ),
    refusal(
        WalletErrorCode::ReleaseExceedsBalance,
        16,
        "A release above what the wallet holds for the application (`RELEASE_EXCEEDS_BALANCE`); \
         the wallet is unchanged.",
        "more than the wallet holds for the application; the wallet is unchanged",
    ),
    status(
        "PANIC",
        99,
        "An internal error was caught at the boundary (a bug: please report it).",
        "internal error caught at the library boundary (please report it)",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coded::Coded;

    /// Each refusal of the wallet has exactly one status, named after its code; values and
    /// names are unique and the messages fit the C face's 128 bytes.
    #[test]
    fn every_refusal_has_one_status() {
        for code in WalletErrorCode::ALL {
            let of: Vec<&Status> = STATUSES
                .iter()
                .filter(|s| s.refusal == Some(*code))
                .collect();
            assert_eq!(of.len(), 1, "{code}");
            assert_eq!(of[0].name, code.as_str());
        }
        for (i, s) in STATUSES.iter().enumerate() {
            assert!(
                s.message.len() < 128 && !s.message.ends_with('.'),
                "{}",
                s.name
            );
            for t in &STATUSES[..i] {
                assert!(t.number < s.number, "{} is not after {}", s.name, t.name);
                assert_ne!(t.name, s.name);
            }
        }
        let _ = WalletErrorCode::NAME;
    }
}
