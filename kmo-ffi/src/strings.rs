//! Text across the boundary: reading UTF-8 input, handing out strings the caller frees with
//! `kmo_string_free`, and copying into the caller's buffers.

use std::ffi::{c_char, CString};
use std::mem::MaybeUninit;

use crate::kmo_status::{self, *};

/// Hands `s` to C: a NUL-terminated copy in `*out`, to be freed with `kmo_string_free`, and its
/// length without the NUL in `*out_len`.
pub(crate) fn give(
    s: String,
    out: &mut MaybeUninit<*mut c_char>,
    out_len: &mut MaybeUninit<usize>,
) -> Result<(), kmo_status> {
    let len = s.len();
    // The library's documents never contain NUL; one would be a bug.
    let c = CString::new(s).map_err(|_| KMO_STATUS_PANIC)?;
    out.write(c.into_raw());
    out_len.write(len);
    Ok(())
}

/// Hands C the document the core writes for `input` (`answer`), with its status
/// (`KMO_STATUS_OK` for an answer, the error code's status for the error document). Input that
/// is not UTF-8 gets `KMO_STATUS_INVALID_UTF8` and the core's error document for it
/// (`MALFORMED_JSON` at the root; in English, as no language can be read from it).
pub(crate) fn give_document(
    input: &[u8],
    answer: impl FnOnce(&str) -> String,
    out: &mut MaybeUninit<*mut c_char>,
    out_len: &mut MaybeUninit<usize>,
) -> Result<(), kmo_status> {
    let (status, document) = match kmo_core::json::document_text(input) {
        Ok(text) => {
            let document = answer(text);
            (document_status(&document), document)
        }
        Err(e) => (
            KMO_STATUS_INVALID_UTF8,
            kmo_core::json::error_json(&e, kmo_core::Lang::OF_ERRORS),
        ),
    };
    give(document, out, out_len)?;
    match status {
        KMO_STATUS_OK => Ok(()),
        refused => Err(refused),
    }
}

/// Copies `s` NUL-terminated into `buf` and its length (without the NUL) into `*written`; or,
/// when it does not fit, reports `KMO_STATUS_BUFFER_TOO_SMALL`, writes nothing into `buf` and
/// the size the buffer needs (the NUL included) into `*written`, so that the caller can
/// allocate once and call again.
pub(crate) fn copy_out(
    s: &str,
    buf: &mut [MaybeUninit<u8>],
    written: &mut MaybeUninit<usize>,
) -> Result<(), kmo_status> {
    let Some(room) = buf.get_mut(..=s.len()) else {
        written.write(s.len() + 1);
        return Err(KMO_STATUS_BUFFER_TOO_SMALL);
    };
    for (slot, byte) in room.iter_mut().zip(s.bytes().chain([0])) {
        slot.write(byte);
    }
    written.write(s.len());
    Ok(())
}

/// Frees a string returned by the library. `NULL` does nothing.
///
/// # Safety
/// `s` must be NULL or a string returned by this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_string_free(s: *mut c_char) {
    ffi_boundary!(or(), {
        if !s.is_null() {
            // SAFETY: `s` came from CString::into_raw in `give` and is freed once.
            drop(unsafe { CString::from_raw(s) });
        }
    })
}

/// The status of a document the core wrote: `KMO_STATUS_OK` for an answer, the status of the
/// error's code for the error document `{"error":{"code":"…",…}}` (the core writes the code
/// first).
pub(crate) fn document_status(document: &str) -> kmo_status {
    const ERROR: &str = "{\"error\":{\"code\":\"";
    match document.strip_prefix(ERROR) {
        None => KMO_STATUS_OK,
        Some(rest) => kmo_status::of_code(rest.split('"').next().unwrap_or("")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_give_their_status() {
        assert_eq!(document_status("{\"aid\":\"1.00\"}"), KMO_STATUS_OK);
        assert_eq!(
            document_status(r#"{"error":{"code":"OUT_OF_ORDER","message":"x","path":"date"}}"#),
            KMO_STATUS_OUT_OF_ORDER
        );
        assert_eq!(
            document_status(r#"{"error":{"code":"NEGATIVE_AMOUNT","message":"x","path":""}}"#),
            KMO_STATUS_INVALID_INPUT
        );
    }
}
