//! The C entry with any bytes (invalid UTF-8 included): a status and a document, and the
//! status says whether the document is an error.
#![no_main]

use std::ffi::{c_char, CStr};

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut out: *mut c_char = std::ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: `data` is readable for its length; the out-pointers are valid locals.
    let status = unsafe { kmo::kmo_assess_json(data.as_ptr().cast(), data.len(), &mut out, &mut len) };
    assert!(!out.is_null());
    // SAFETY: the library returned a NUL-terminated string of `len` bytes.
    let text = unsafe { CStr::from_ptr(out) }.to_str().expect("UTF-8").to_string();
    assert_eq!(text.len(), len);
    assert_eq!(status != kmo::kmo_status::KMO_STATUS_OK, text.starts_with("{\"error\""));
    // SAFETY: returned by the library, freed once.
    unsafe { kmo::kmo_string_free(out) };
});
