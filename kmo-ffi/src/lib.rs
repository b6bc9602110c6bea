//! `libkmo`: the C face of the kmo-portefeuille rules engine.
//!
//! A face converts and delegates: every answer comes from `kmo-core`. The conventions, after
//! rustls-ffi:
//!
//! - every fallible function returns a [`kmo_status`] (a `uint32_t` in C) whose values never
//!   change meaning;
//! - outputs go through out-parameters and are written only on success (the JSON entries also
//!   write the error document on invalid input);
//! - a NULL pointer gives `KMO_STATUS_NULL_ARGUMENT`, text that is not UTF-8
//!   `KMO_STATUS_INVALID_UTF8`;
//! - no panic crosses the boundary: it becomes `KMO_STATUS_PANIC`;
//! - enumerations coming *from* C are taken as integers and checked, so an out-of-range value
//!   is an error, never undefined behaviour.
//!
//! The boundary is written once, in this file: `ffi_boundary!` wraps every exported body, and
//! the `try_*!` macros turn raw pointers into references or return a status. Every conversion
//! between C values and core types is in `convert.rs`. One file per concept holds the exported
//! functions: `status.rs`, `version.rs`, `codes.rs` (the C enumerations of coded values),
//! `strings.rs`, `assess.rs`, `quote.rs`, `identifiers.rs`, `rulebooks.rs`, `wallet.rs`.

#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

use std::ffi::c_char;
use std::mem::MaybeUninit;

/// Runs the body of an exported function at the boundary.
///
/// For a function returning a [`kmo_status`], the body is a block evaluating to
/// `Result<(), kmo_status>` (so `?` returns a status early); `Ok(())` becomes `KMO_STATUS_OK`
/// and a panic `KMO_STATUS_PANIC`. For a function returning anything else, write
/// `ffi_boundary!(or VALUE, body)`: a panic returns `VALUE`.
macro_rules! ffi_boundary {
    (or $on_panic:expr, $($body:tt)*) => {
        ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* }))
            .unwrap_or_else(|_| $on_panic)
    };
    ($($body:tt)*) => {
        $crate::status::finish(::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(
            || -> ::std::result::Result<(), $crate::kmo_status> { $($body)* },
        )))
    };
}

/// `&T` from a `*const T` argument, or returns `KMO_STATUS_NULL_ARGUMENT`.
macro_rules! try_ref {
    ($ptr:expr) => {{
        let ptr = $ptr;
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `ptr` point to a live, readable value for the whole call.
        unsafe { ptr.as_ref() }.ok_or($crate::kmo_status::KMO_STATUS_NULL_ARGUMENT)?
    }};
}

/// `&mut T` from a `*mut T` argument (a handle), or returns `KMO_STATUS_NULL_ARGUMENT`.
macro_rules! try_mut {
    ($ptr:expr) => {{
        let ptr = $ptr;
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `ptr` point to a live value that no one else uses during the call.
        unsafe { ptr.as_mut() }.ok_or($crate::kmo_status::KMO_STATUS_NULL_ARGUMENT)?
    }};
}

/// `&mut MaybeUninit<T>` from a `*mut T` out-parameter (which may point to uninitialised
/// memory), or returns `KMO_STATUS_NULL_ARGUMENT`.
macro_rules! try_out {
    ($ptr:expr) => {{
        let ptr = $ptr;
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `ptr` writable for the whole call.
        unsafe { $crate::out_param(ptr) }.ok_or($crate::kmo_status::KMO_STATUS_NULL_ARGUMENT)?
    }};
}

/// The `len` bytes at `ptr` as `&[u8]`, or returns `KMO_STATUS_NULL_ARGUMENT` (NULL) or
/// `KMO_STATUS_INVALID_INPUT` (a length no buffer can have).
macro_rules! try_bytes {
    ($ptr:expr, $len:expr) => {{
        let (ptr, len) = ($ptr, $len);
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `len` bytes at `ptr` readable for the whole call.
        unsafe { $crate::in_bytes(ptr, len) }?
    }};
}

/// The `len` bytes at `ptr` as `&str`, or returns `KMO_STATUS_NULL_ARGUMENT`,
/// `KMO_STATUS_INVALID_INPUT` or `KMO_STATUS_INVALID_UTF8`.
macro_rules! try_str {
    ($ptr:expr, $len:expr) => {
        $crate::strings::utf8(try_bytes!($ptr, $len))?
    };
}

/// A writable buffer of `len` bytes at `ptr` as `&mut [MaybeUninit<u8>]`, or returns
/// `KMO_STATUS_NULL_ARGUMENT`.
macro_rules! try_buf {
    ($ptr:expr, $len:expr) => {{
        let (ptr, len) = ($ptr, $len);
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `len` bytes at `ptr` writable for the whole call.
        unsafe { $crate::out_buffer(ptr, len) }
            .ok_or($crate::kmo_status::KMO_STATUS_NULL_ARGUMENT)?
    }};
}

// What every call shares (the header declares these first).
mod codes;
mod status;
mod strings;
mod version;

// The entry points, one file per concept.
mod assess;
mod identifiers;
mod quote;
mod rulebooks;
mod wallet;

// Between C values and core types.
mod convert;

pub use assess::{kmo_assess_json, kmo_classify};
pub use codes::{kmo_service_kind, kmo_size_class, kmo_subtheme, kmo_theme};
pub use identifiers::{kmo_enterprise_number_check, kmo_provider_number_check};
pub use quote::{kmo_quote, kmo_quote_request, kmo_quote_result};
pub use rulebooks::{
    kmo_ceiling, kmo_rulebook, kmo_rulebook_count, kmo_rulebook_get, kmo_rulebooks_json,
};
pub use status::{kmo_status, kmo_status_message};
pub use strings::kmo_string_free;
pub use version::{kmo_version, kmo_version_number};
pub use wallet::{
    kmo_payment, kmo_settlement, kmo_wallet, kmo_wallet_aid_counted, kmo_wallet_apply_json,
    kmo_wallet_free, kmo_wallet_from_json, kmo_wallet_new, kmo_wallet_pay, kmo_wallet_release,
    kmo_wallet_stop, kmo_wallet_to_json,
};

/// An out-parameter as `MaybeUninit`, which has `T`'s layout and no validity requirement, so
/// the caller's memory may be uninitialised; `None` for NULL.
///
/// # Safety
/// `ptr` must be NULL or valid for writes of a `T` during `'a`.
unsafe fn out_param<'a, T>(ptr: *mut T) -> Option<&'a mut MaybeUninit<T>> {
    // SAFETY: MaybeUninit<T> has the layout of T; the caller guarantees writability.
    unsafe { ptr.cast::<MaybeUninit<T>>().as_mut() }
}

/// Borrows `len` bytes at `ptr`.
///
/// # Safety
/// `ptr` must be NULL or point to `len` readable bytes that stay valid during `'a`.
unsafe fn in_bytes<'a>(ptr: *const c_char, len: usize) -> Result<&'a [u8], kmo_status> {
    if ptr.is_null() {
        return Err(kmo_status::KMO_STATUS_NULL_ARGUMENT);
    }
    if len > isize::MAX as usize {
        return Err(kmo_status::KMO_STATUS_INVALID_INPUT);
    }
    // SAFETY: non-NULL, at most isize::MAX bytes, and the caller guarantees they are readable.
    Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// Borrows a writable buffer of `len` bytes at `ptr` (a length above `isize::MAX` is taken as
/// `isize::MAX`: no buffer is larger); `None` for NULL.
///
/// # Safety
/// `ptr` must be NULL or point to `len` writable bytes that stay valid during `'a`.
unsafe fn out_buffer<'a>(ptr: *mut c_char, len: usize) -> Option<&'a mut [MaybeUninit<u8>]> {
    if ptr.is_null() {
        return None;
    }
    let len = len.min(isize::MAX as usize);
    // SAFETY: non-NULL, at most isize::MAX bytes, and the caller guarantees they are writable;
    // MaybeUninit<u8> lets them be uninitialised.
    Some(unsafe { std::slice::from_raw_parts_mut(ptr.cast::<MaybeUninit<u8>>(), len) })
}

#[cfg(test)]
mod tests {
    use super::kmo_status::{self, *};
    use std::ffi::c_char;
    use std::mem::MaybeUninit;

    fn boundary(f: impl FnOnce() -> Result<(), kmo_status>) -> kmo_status {
        ffi_boundary! { f() }
    }

    #[test]
    fn a_panic_becomes_a_status_or_the_given_value() {
        assert_eq!(boundary(|| panic!("a bug")), KMO_STATUS_PANIC);
        assert_eq!(boundary(|| Ok(())), KMO_STATUS_OK);
        assert_eq!(
            boundary(|| Err(KMO_STATUS_OUT_OF_RANGE)),
            KMO_STATUS_OUT_OF_RANGE
        );
        let pointer: *mut u8 = ffi_boundary!(or std::ptr::null_mut(), panic!("a bug"));
        assert!(pointer.is_null());
    }

    #[test]
    fn null_pointers_give_the_null_status() {
        let read = || -> Result<(), kmo_status> {
            let _: &u8 = try_ref!(std::ptr::null::<u8>());
            Ok(())
        };
        assert_eq!(read(), Err(KMO_STATUS_NULL_ARGUMENT));
        let write = || -> Result<(), kmo_status> {
            let _: &mut MaybeUninit<u8> = try_out!(std::ptr::null_mut::<u8>());
            Ok(())
        };
        assert_eq!(write(), Err(KMO_STATUS_NULL_ARGUMENT));
        let text = || -> Result<(), kmo_status> {
            let _ = try_str!(std::ptr::null::<c_char>(), 0);
            Ok(())
        };
        assert_eq!(text(), Err(KMO_STATUS_NULL_ARGUMENT));
    }

    #[test]
    fn text_is_checked_for_length_and_utf8() {
        let bytes = *b"ok\xff";
        let read = |len: usize| -> Result<String, kmo_status> {
            Ok(try_str!(bytes.as_ptr().cast::<c_char>(), len).to_string())
        };
        assert_eq!(read(2), Ok("ok".to_string()));
        assert_eq!(read(3), Err(KMO_STATUS_INVALID_UTF8));
        assert_eq!(read(usize::MAX), Err(KMO_STATUS_INVALID_INPUT));
    }

    #[test]
    fn buffers_take_exactly_what_fits() {
        let mut buf = [0x55 as c_char; 4];
        let mut written = 99usize;
        let mut copy = |s: &str, len: usize| -> Result<(), kmo_status> {
            let buf = try_buf!(buf.as_mut_ptr(), len);
            let written = try_out!(&mut written as *mut usize);
            crate::strings::copy_out(s, buf, written)
        };
        assert_eq!(copy("abcd", 4), Err(KMO_STATUS_BUFFER_TOO_SMALL));
        assert_eq!(copy("abc", usize::MAX), Ok(()));
        assert_eq!(buf, [b'a' as c_char, b'b' as c_char, b'c' as c_char, 0]);
        assert_eq!(written, 3);
    }
}
