//! What an answer found besides its numbers: `kmo_findings`, the list of an assessment's
//! findings (code, severity, reference) and their messages in Dutch, French and English — the
//! same texts the JSON document gives — with no limit on the number of codes.

use std::ffi::{c_char, CString};

use kmo_core::{Finding, Lang};

use crate::errors::{c_text, lang_of, EMPTY};
use crate::kmo_status::{self, *};

/// The findings of one answer, in the order the rules ran. Returned through a call's
/// `out_findings`; free with `kmo_findings_free`.
pub struct kmo_findings {
    items: Vec<Item>,
}

struct Item {
    code: u32,
    severity: u32,
    reference: CString,
    /// The message in each language, in the order of `Lang::ALL`.
    messages: Vec<CString>,
}

impl kmo_findings {
    /// The findings of an assessment, with their messages rendered in every language.
    pub(crate) fn of(findings: &[Finding]) -> kmo_findings {
        kmo_findings {
            items: findings
                .iter()
                .map(|f| Item {
                    code: f.code.number(),
                    severity: f.severity.number(),
                    reference: c_text(f.reference),
                    messages: Lang::ALL.iter().map(|l| c_text(&f.message(*l))).collect(),
                })
                .collect(),
        }
    }
}

/// One finding of an answer.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_finding {
    /// `sizeof(kmo_finding)` of the caller's header (`KMO_FINDING_INIT` sets it).
    pub struct_size: u32,
    /// The code, a `kmo_finding_code` value (`kmo_code_text(KMO_CODES_FINDING, …)` gives its
    /// text).
    pub code: u32,
    /// How much it matters, a `kmo_severity` value.
    pub severity: u32,
    /// Where the rule is written (`BVR-2016 art. 18`), NUL-terminated; lives as long as the
    /// list.
    pub reference: *const c_char,
}

// SAFETY: #[repr(C)], `struct_size` first.
unsafe impl crate::Filled for kmo_finding {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_finding>()];
}

/// How many findings the list holds (0 for NULL).
///
/// # Safety
/// `findings` must be NULL or a list from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_findings_count(findings: *const kmo_findings) -> usize {
    ffi_boundary!(or 0, {
        // SAFETY: NULL gives None; otherwise the caller guarantees a live list.
        unsafe { findings.as_ref() }.map_or(0, |f| f.items.len())
    })
}

/// The finding at `index` (0 = the first the rules reported): its code, severity and
/// reference. `KMO_STATUS_OUT_OF_RANGE` from `kmo_findings_count` on.
///
/// # Safety
/// `findings` must be a list from this library, not yet freed; `out` a `kmo_finding` whose
/// `struct_size` is set (`KMO_FINDING_INIT`).
#[no_mangle]
pub unsafe extern "C" fn kmo_findings_get(
    findings: *const kmo_findings,
    index: usize,
    out: *mut kmo_finding,
) -> kmo_status {
    ffi_boundary! {
        let findings = try_ref!(findings);
        let out = try_filled!(out);
        let item = findings.items.get(index).ok_or(KMO_STATUS_OUT_OF_RANGE)?;
        out.write(kmo_finding {
            struct_size: std::mem::size_of::<kmo_finding>() as u32,
            code: item.code,
            severity: item.severity,
            reference: item.reference.as_ptr(),
        });
        Ok(())
    }
}

/// The message of the finding at `index` in a language (a `kmo_lang` value;
/// `KMO_LANG_DEFAULT` is Dutch, the answers' default, and any other number the library does
/// not know is English), with its values: the text
/// the JSON document gives for it. UTF-8, NUL-terminated, never NULL: an empty string for a
/// NULL list or an index from `kmo_findings_count` on. Lives as long as the list.
///
/// # Safety
/// `findings` must be NULL or a list from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_finding_message(
    findings: *const kmo_findings,
    index: usize,
    lang: u32,
) -> *const c_char {
    ffi_boundary!(or EMPTY.as_ptr(), {
        // SAFETY: NULL gives None; otherwise the caller guarantees a live list.
        let item = unsafe { findings.as_ref() }.and_then(|f| f.items.get(index));
        let at = Lang::ALL.iter().position(|l| *l == lang_of(lang));
        item.and_then(|i| i.messages.get(at?))
            .map_or(EMPTY.as_ptr(), |m| m.as_ptr())
    })
}

/// Frees a list of findings. `NULL` does nothing.
///
/// # Safety
/// `findings` must be NULL or a list from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_findings_free(findings: *mut kmo_findings) {
    ffi_boundary!(or(), {
        if !findings.is_null() {
            // SAFETY: the pointer came from Box::into_raw in `give_findings` and is freed once.
            drop(unsafe { Box::from_raw(findings) });
        }
    })
}

/// The caller's `out_findings` slot, NULL until the call succeeds; `None` when not wanted.
///
/// # Safety
/// `ptr` must be NULL or writable during `'a`.
pub(crate) unsafe fn findings_slot<'a>(
    ptr: *mut *mut kmo_findings,
) -> Option<&'a mut std::mem::MaybeUninit<*mut kmo_findings>> {
    // SAFETY: NULL gives None; otherwise writable under the caller's contract.
    let slot = unsafe { crate::out_param(ptr) }?;
    slot.write(std::ptr::null_mut());
    Some(slot)
}

/// Hands the findings of an answer to the caller who asked for them (`out_findings` not
/// NULL).
pub(crate) fn give_findings(
    slot: Option<&mut std::mem::MaybeUninit<*mut kmo_findings>>,
    findings: &[Finding],
) {
    if let Some(slot) = slot {
        slot.write(Box::into_raw(Box::new(kmo_findings::of(findings))));
    }
}
