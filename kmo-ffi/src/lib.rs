//! `libkmo`: the C face of the kmo-portefeuille rules engine.
//!
//! A face converts and delegates: every answer comes from `kmo-core`. The conventions, after
//! rustls-ffi:
//!
//! - every fallible function returns a [`kmo_status`] (a `uint32_t` in C) whose values never
//!   change meaning; each refusal of the wallet has its own status;
//! - outputs go through out-parameters and are written only on success (the JSON entries also
//!   write the error document on invalid input);
//! - a call that can refuse input takes a last `kmo_error **out_error` (NULL when the caller
//!   only wants the status): the refusal's code, path and message in Dutch, French or English,
//!   and its error document, as the other faces give them;
//! - a NULL pointer gives `KMO_STATUS_NULL_ARGUMENT`, text that is not UTF-8
//!   `KMO_STATUS_INVALID_UTF8`;
//! - no panic crosses the boundary: it becomes `KMO_STATUS_PANIC`;
//! - enumerations coming *from* C are taken as integers and checked, so an out-of-range value
//!   is an error, never undefined behaviour; their numbers are the core's (`number()`);
//! - a struct the caller fills carries its own size first (`struct_size`), so fields can be
//!   added without breaking programs built against an older header.
//!
//! The boundary is written once, in this file: `ffi_boundary!` wraps every exported body, and
//! the `try_*!` macros turn raw pointers into references or return a status. Every conversion
//! between C values and core types is in `convert.rs`. One file per concept holds the exported
//! functions: `status.rs`, `errors.rs`, `version.rs`, `codes.rs` (the C enumerations of coded
//! values and their text), `strings.rs`, `units.rs` (money and dates), `assess.rs`,
//! `quote.rs`, `definition.rs`, `identifiers.rs`, `rulebooks.rs`, `wallet.rs`.

#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

use std::ffi::c_char;
use std::mem::MaybeUninit;

/// Runs the body of an exported function at the boundary.
///
/// For a function returning a [`kmo_status`], the body is a block evaluating to
/// `Result<(), kmo_status>` (so `?` returns a status early); `Ok(())` becomes `KMO_STATUS_OK`
/// and a panic `KMO_STATUS_PANIC`. For a function that can refuse input, write
/// `ffi_boundary!(error OUT_ERROR, body)`: the body evaluates to `Result<(), Failure>` (`?`
/// takes a status, an input error or a wallet error), and `*OUT_ERROR` (when not NULL) receives
/// the refusal's detail, or NULL. For a function returning anything else, write
/// `ffi_boundary!(or VALUE, body)`: a panic returns `VALUE`.
macro_rules! ffi_boundary {
    (or $on_panic:expr, $($body:tt)*) => {
        ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* }))
            .unwrap_or_else(|_| $on_panic)
    };
    (error $out_error:expr, $($body:tt)*) => {{
        let out_error: *mut *mut $crate::kmo_error = $out_error;
        // SAFETY: NULL means "no detail wanted"; otherwise the exported function's `# Safety`
        // contract makes `out_error` writable for the whole call.
        let slot = unsafe { $crate::out_param(out_error) };
        $crate::errors::finish(
            ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(
                || -> ::std::result::Result<(), $crate::errors::Failure> { $($body)* },
            )),
            slot,
        )
    }};
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
/// `KMO_STATUS_OUT_OF_RANGE` (a length no buffer can have).
macro_rules! try_bytes {
    ($ptr:expr, $len:expr) => {{
        let (ptr, len) = ($ptr, $len);
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `len` bytes at `ptr` readable for the whole call.
        unsafe { $crate::in_bytes(ptr, len) }?
    }};
}

/// The `len` bytes at `ptr` as `&str`, the text of a field (`try_str!(ptr, len, InvalidAmount,
/// "text")`), or returns `KMO_STATUS_NULL_ARGUMENT`, `KMO_STATUS_OUT_OF_RANGE`, or
/// `KMO_STATUS_INVALID_UTF8` with the field's refusal (its code, at its path).
macro_rules! try_str {
    ($ptr:expr, $len:expr, $code:ident, $path:expr) => {
        $crate::errors::utf8_at(
            try_bytes!($ptr, $len),
            ::kmo_core::InputErrorCode::$code,
            $path,
        )?
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

/// A copy of a versioned struct (`struct_size` first) the caller filled, or returns
/// `KMO_STATUS_NULL_ARGUMENT` or `KMO_STATUS_INVALID_STRUCT_SIZE`.
macro_rules! try_versioned {
    ($ptr:expr) => {{
        let ptr = $ptr;
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `struct_size` bytes at `ptr` readable for the whole call.
        unsafe { $crate::in_versioned(ptr) }?
    }};
}

/// As `try_versioned!`, read in place: `&T`, the caller's struct itself when it is of this
/// library's version, else a copy in `room` (a `&mut MaybeUninit<T>`) with the later fields at
/// their default.
macro_rules! try_versioned_ref {
    ($ptr:expr, $room:expr) => {{
        let ptr = $ptr;
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // `struct_size` bytes at `ptr` readable for the whole call.
        unsafe { $crate::in_versioned_ref(ptr, $room) }?
    }};
}

/// The caller's output struct (`struct_size` first, set by its `_INIT` macro) as
/// `&mut MaybeUninit<T>`, or returns `KMO_STATUS_NULL_ARGUMENT` or
/// `KMO_STATUS_INVALID_STRUCT_SIZE`.
macro_rules! try_filled {
    ($ptr:expr) => {{
        let ptr = $ptr;
        // SAFETY: NULL is refused; otherwise the exported function's `# Safety` contract makes
        // the struct's `struct_size` set and the struct writable for the whole call.
        unsafe { $crate::out_filled(ptr) }?
    }};
}

/// The `count` versioned structs at `ptr` (the fields `list` and `count_field` of a request),
/// or returns `KMO_STATUS_INVALID_STRUCT_SIZE`, `KMO_STATUS_OUT_OF_RANGE`, or
/// `KMO_STATUS_NULL_ARGUMENT` with the list's refusal (NULL with a count).
macro_rules! try_list {
    ($ptr:expr, $count:expr, $list:expr, $count_field:expr) => {{
        let (ptr, count) = ($ptr, $count);
        if ptr.is_null() && count != 0 {
            return Err($crate::errors::Failure::input_with(
                $crate::kmo_status::KMO_STATUS_NULL_ARGUMENT,
                ::kmo_core::InputError::new(
                    ::kmo_core::InputErrorCode::InconsistentInput,
                    $list,
                    "err_null_list",
                    vec![$list.into(), $count_field.into(), count.to_string().into()],
                ),
            ));
        }
        // SAFETY: the exported function's `# Safety` contract makes `count` elements of the
        // caller's version readable at `ptr` (NULL only with a count of 0, refused above).
        unsafe { $crate::in_list(ptr, count) }?
    }};
}

/// A NUL-terminated string field (NULL for none) as `Option<&str>`, or returns
/// `KMO_STATUS_INVALID_UTF8` with the field's refusal (its code when it is not valid, at its
/// path).
macro_rules! try_c_str {
    ($ptr:expr, $code:ident, $path:expr) => {{
        let ptr = $ptr;
        // SAFETY: the exported function's `# Safety` contract makes a non-NULL string field
        // NUL-terminated and readable for the whole call.
        unsafe { $crate::in_c_str(ptr, ::kmo_core::InputErrorCode::$code, $path) }?
    }};
}

// What every call shares (the header declares these first).
mod codes;
mod enums;
mod errors;
mod findings;
mod status;
mod strings;
mod version;

// The entry points, one file per concept.
mod assess;
mod definition;
mod identifiers;
mod quote;
mod rulebooks;
mod units;
mod wallet;

// Between C values and core types.
mod convert;

pub use assess::{kmo_assess_json, kmo_classification, kmo_classify, kmo_classify_json};
pub use codes::{kmo_code_number, kmo_code_text, kmo_codes_json, kmo_yes_no, KMO_CODE_TEXT_SIZE};
pub use definition::{
    kmo_classify_definition, kmo_sme_definition, kmo_sme_definition_add_control,
    kmo_sme_definition_add_entity, kmo_sme_definition_add_holding, kmo_sme_definition_add_period,
    kmo_sme_definition_free, kmo_sme_definition_new, kmo_sme_definition_set_enterprise,
    kmo_sme_enterprise, kmo_sme_entity, kmo_sme_period, kmo_sme_staff_member,
    KMO_SHARE_SAME_AS_CAPITAL,
};
pub use enums::{
    kmo_application_status, kmo_code_list, kmo_cost_line_kind, kmo_finding_code, kmo_lang,
    kmo_own_share_deadline, kmo_service_kind, kmo_severity, kmo_size_class, kmo_subtheme,
    kmo_theme,
};
pub use errors::{
    kmo_error, kmo_error_code, kmo_error_free, kmo_error_json, kmo_error_message, kmo_error_path,
    kmo_error_status,
};
pub use findings::{
    kmo_finding, kmo_finding_message, kmo_findings, kmo_findings_count, kmo_findings_free,
    kmo_findings_get,
};
pub use identifiers::{kmo_enterprise_number_check, kmo_provider_number_check};
pub use quote::{
    kmo_cost_line, kmo_de_minimis_aid, kmo_quote, kmo_quote_json, kmo_quote_request,
    kmo_quote_result, kmo_registration_plan, KMO_QUOTE_REQUEST_V1_SIZE, KMO_QUOTE_REQUEST_V2_SIZE,
    KMO_VAT_RATE_DEFAULT,
};
pub use rulebooks::{
    kmo_ceiling, kmo_rulebook, kmo_rulebook_count, kmo_rulebook_get, kmo_rulebooks_json,
};
pub use status::{kmo_status, kmo_status_message, kmo_status_str};
pub use strings::kmo_string_free;
pub use units::{
    kmo_date_add_days, kmo_date_check, kmo_date_days_between, kmo_date_format, kmo_date_parse,
    kmo_money_format, kmo_money_parse, KMO_DATE_TEXT_SIZE, KMO_MONEY_TEXT_SIZE,
};
pub use version::{kmo_version, kmo_version_number};
pub use wallet::{
    kmo_payment, kmo_settlement, kmo_wallet, kmo_wallet_application, kmo_wallet_apply,
    kmo_wallet_apply_json, kmo_wallet_count, kmo_wallet_free, kmo_wallet_from_json, kmo_wallet_get,
    kmo_wallet_get_at, kmo_wallet_lapse_overdue, kmo_wallet_last_lapsed, kmo_wallet_new,
    kmo_wallet_pay, kmo_wallet_plan_json, kmo_wallet_quote, kmo_wallet_release, kmo_wallet_stop,
    kmo_wallet_to_json, kmo_wallet_year, kmo_year_budget,
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
        return Err(kmo_status::KMO_STATUS_OUT_OF_RANGE);
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

/// A struct the caller fills, whose first field is its `uint32_t struct_size` (the
/// `sizeof` of the caller's header): fields are only ever added at the end, each with 0 as
/// its default, so each version is a prefix of the next.
///
/// # Safety
/// Implement it only for `#[repr(C)]` structs of integers and raw pointers with no padding,
/// so that every byte pattern is a valid value, whose first field is a `u32` size.
unsafe trait Versioned: Copy + Default {
    /// The `struct_size` of every version this library reads, oldest first; the last is
    /// `size_of::<Self>()`. Any other size is refused.
    const SIZES: &'static [usize];
}

/// Copies a versioned struct: the fields of the caller's version (its `struct_size`, which
/// must be the size of a version this library knows, exactly), the later ones at their
/// default, 0. Any other size (0 for a struct not made with its `_INIT` macro, a size between
/// two versions, a newer header's) is `KMO_STATUS_INVALID_STRUCT_SIZE`, and nothing beyond the
/// first four bytes is read.
///
/// # Safety
/// `ptr` must be NULL or point to a `T`-aligned struct whose first `struct_size` bytes are
/// readable during the call.
unsafe fn in_versioned<T: Versioned>(ptr: *const T) -> Result<T, kmo_status> {
    if ptr.is_null() {
        return Err(kmo_status::KMO_STATUS_NULL_ARGUMENT);
    }
    // SAFETY: every versioned struct starts with its u32 size, and at least those 4 bytes are
    // readable under the caller's contract.
    let size = unsafe { ptr.cast::<u32>().read_unaligned() } as usize;
    if !T::SIZES.contains(&size) {
        return Err(kmo_status::KMO_STATUS_INVALID_STRUCT_SIZE);
    }
    let mut value = T::default();
    // SAFETY: `size` is the size of a version this library knows, at most size_of::<T>(), and
    // the caller's contract makes that many bytes readable; `value` is a distinct T; T is
    // plain integers and pointers without padding (the `Versioned` contract), so any bytes make
    // a valid T.
    unsafe {
        std::ptr::copy_nonoverlapping(ptr.cast::<u8>(), (&mut value as *mut T).cast::<u8>(), size);
    }
    Ok(value)
}

/// [`in_versioned`] read in place: a struct of this library's version (the `struct_size` of
/// the newest) is borrowed where the caller keeps it, not copied; an older one is copied into
/// `room`, its later fields at their default.
///
/// # Safety
/// As [`in_versioned`]; a struct of this library's version must also stay readable and
/// unchanged as long as `room` is borrowed (the call).
#[inline(always)]
unsafe fn in_versioned_ref<T: Versioned>(
    ptr: *const T,
    room: &mut MaybeUninit<T>,
) -> Result<&T, kmo_status> {
    if ptr.is_null() {
        return Err(kmo_status::KMO_STATUS_NULL_ARGUMENT);
    }
    // SAFETY: as in `in_versioned`: at least the four bytes of the size are readable.
    let size = unsafe { ptr.cast::<u32>().read_unaligned() } as usize;
    if size == std::mem::size_of::<T>() {
        // SAFETY: a whole T, aligned and readable during the call under the caller's contract;
        // T is plain integers and pointers without padding (the `Versioned` contract), so any
        // bytes make a valid T, and the caller does not change it during the call.
        return Ok(unsafe { &*ptr });
    }
    // SAFETY: the caller's contract, as `in_versioned` needs it.
    Ok(room.write(unsafe { in_versioned(ptr) }?))
}

/// A list of versioned structs the caller gives (a pointer and a count): every element made
/// with its `_INIT` macro, so all of one known version, whose size is the stride. NULL with
/// a count of 0 is an empty list.
///
/// # Safety
/// `ptr` must be NULL or point to `count` elements of the caller's version, each readable
/// during the call.
unsafe fn in_list<T: Versioned>(ptr: *const T, count: usize) -> Result<Vec<T>, kmo_status> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if ptr.is_null() {
        return Err(kmo_status::KMO_STATUS_NULL_ARGUMENT);
    }
    // SAFETY: a non-empty list's first element starts with its u32 size.
    let stride = unsafe { ptr.cast::<u32>().read_unaligned() } as usize;
    if !T::SIZES.contains(&stride) {
        return Err(kmo_status::KMO_STATUS_INVALID_STRUCT_SIZE);
    }
    if count > isize::MAX as usize / stride {
        return Err(kmo_status::KMO_STATUS_OUT_OF_RANGE);
    }
    let base = ptr.cast::<u8>();
    (0..count)
        .map(|i| {
            // SAFETY: element i starts i strides after the first, inside the caller's list.
            let element = unsafe { base.add(i * stride) }.cast::<T>();
            // SAFETY: as above; each element is one of the caller's version.
            let value = unsafe { in_versioned(element) }?;
            // SAFETY: as above.
            let size = unsafe { element.cast::<u32>().read_unaligned() } as usize;
            if size == stride {
                Ok(value)
            } else {
                Err(kmo_status::KMO_STATUS_INVALID_STRUCT_SIZE)
            }
        })
        .collect()
}

/// A struct the library fills, whose first field is its `uint32_t struct_size`: the caller
/// sets it (with the struct's `_INIT` macro) to the version it has room for, the library
/// writes that version and leaves `struct_size` at its size.
///
/// # Safety
/// Implement it only for `#[repr(C)]` structs whose first field is a `u32` size.
unsafe trait Filled: Copy {
    /// The `struct_size` of every version this library writes, oldest first. The library
    /// knows one version of each so far; an older one, once there is a newer, stays a type of
    /// its own that the current value converts into.
    const SIZES: &'static [usize];
}

/// An output struct the caller made room for: its `struct_size` must name a version this
/// library writes.
///
/// # Safety
/// `ptr` must be NULL or point to a `T` whose `struct_size` is set and which is writable
/// during `'a`.
unsafe fn out_filled<'a, T: Filled>(ptr: *mut T) -> Result<&'a mut MaybeUninit<T>, kmo_status> {
    if ptr.is_null() {
        return Err(kmo_status::KMO_STATUS_NULL_ARGUMENT);
    }
    // SAFETY: the caller set the first four bytes (its `_INIT` macro or `sizeof`).
    let size = unsafe { ptr.cast::<u32>().read_unaligned() } as usize;
    if !T::SIZES.contains(&size) {
        return Err(kmo_status::KMO_STATUS_INVALID_STRUCT_SIZE);
    }
    // SAFETY: non-NULL and writable for the call.
    unsafe { out_param(ptr) }.ok_or(kmo_status::KMO_STATUS_NULL_ARGUMENT)
}

/// A NUL-terminated UTF-8 string the caller gives (the field `path`, refused with `code` when
/// it is not UTF-8), `None` for NULL.
///
/// # Safety
/// `ptr` must be NULL or point to a NUL-terminated string readable during `'a`.
#[inline(always)]
unsafe fn in_c_str<'a>(
    ptr: *const c_char,
    code: kmo_core::InputErrorCode,
    path: &str,
) -> Result<Option<&'a str>, errors::Failure> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller's contract.
    unsafe { given_c_str(ptr, code, path) }.map(Some)
}

/// [`in_c_str`] for a string that is given (not NULL), out of the way of the NULL ones.
///
/// # Safety
/// `ptr` must point to a NUL-terminated string readable during `'a`.
#[inline(never)]
unsafe fn given_c_str<'a>(
    ptr: *const c_char,
    code: kmo_core::InputErrorCode,
    path: &str,
) -> Result<&'a str, errors::Failure> {
    // SAFETY: non-NULL and NUL-terminated under the caller's contract.
    let bytes = unsafe { std::ffi::CStr::from_ptr(ptr) }.to_bytes();
    errors::utf8_at(bytes, code, path)
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
        let text = || -> Result<(), crate::errors::Failure> {
            let _ = try_str!(std::ptr::null::<c_char>(), 0, InvalidAmount, "text");
            Ok(())
        };
        assert_eq!(text().unwrap_err().status(), KMO_STATUS_NULL_ARGUMENT);
    }

    #[test]
    fn text_is_checked_for_length_and_utf8() {
        let bytes = *b"ok\xff";
        let read = |len: usize| -> Result<String, crate::errors::Failure> {
            Ok(try_str!(bytes.as_ptr().cast::<c_char>(), len, InvalidAmount, "text").to_string())
        };
        assert_eq!(read(2).unwrap(), "ok");
        // Not UTF-8: the status, and the field's refusal.
        let e = read(3).unwrap_err();
        assert_eq!(e.status(), KMO_STATUS_INVALID_UTF8);
        let refused = e.input_error().unwrap();
        assert_eq!(
            (refused.code.as_str(), refused.path.as_str()),
            ("INVALID_AMOUNT", "text")
        );
        assert_eq!(
            refused.message(kmo_core::Lang::En),
            "the text is not valid UTF-8 (at byte 2)"
        );
        assert_eq!(
            read(usize::MAX).unwrap_err().status(),
            KMO_STATUS_OUT_OF_RANGE
        );
    }

    #[test]
    fn versioned_structs_are_read_in_the_versions_the_library_knows() {
        use crate::kmo_quote_request;
        const ROOM: usize = 512;
        /// Room aligned as the struct, as a caller's memory.
        #[repr(C, align(8))]
        struct Caller([u8; ROOM]);
        impl Caller {
            fn sized(&mut self, size: u32) -> &mut Caller {
                self.0[..4].copy_from_slice(&size.to_ne_bytes());
                self
            }
            fn read(&self) -> Result<kmo_quote_request, kmo_status> {
                // SAFETY: ROOM readable bytes, aligned for the struct; every size the test
                // sets is at most ROOM or refused before any read beyond the first four bytes.
                unsafe { crate::in_versioned((self as *const Caller).cast::<kmo_quote_request>()) }
            }
        }
        let size = std::mem::size_of::<kmo_quote_request>();
        let current = kmo_quote_request {
            struct_size: size as u32,
            application_date: 20260310,
            cost_cents: 7,
            own_share_deadline: 3,
            approval_date: 20260320,
            legal_form: 2,
            size_definition: std::ptr::dangling(), // never dereferenced
            ..Default::default()
        };
        let mut caller = Caller([0; ROOM]);
        // SAFETY: the bytes of a plain struct without padding into a larger buffer.
        unsafe {
            std::ptr::copy_nonoverlapping(
                (&current as *const kmo_quote_request).cast::<u8>(),
                caller.0.as_mut_ptr(),
                size,
            );
        }
        let got = caller.read().unwrap();
        assert_eq!(
            (
                got.cost_cents,
                got.own_share_deadline,
                got.approval_date,
                got.legal_form
            ),
            (7, 3, 20260320, 2)
        );
        // Older versions: the later fields keep their default even if bytes follow.
        let v2 = caller.sized(56).read().unwrap();
        assert_eq!((v2.own_share_deadline, v2.legal_form), (3, 0));
        let v3 = caller.sized(size as u32 - 8).read().unwrap();
        assert!(v3.size_definition.is_null() && !got.size_definition.is_null());
        let v1 = caller.sized(48).read().unwrap();
        assert_eq!(
            (v1.cost_cents, v1.own_share_deadline, v1.approval_date),
            (7, 0, 0)
        );
        // Only those sizes: not one byte more or less, not a newer header's.
        for size in [
            0,
            4,
            47,
            49,
            55,
            57,
            size - 4,
            size + 8,
            4096,
            u32::MAX as usize,
        ] {
            assert_eq!(
                caller.sized(size as u32).read().unwrap_err(),
                KMO_STATUS_INVALID_STRUCT_SIZE,
                "{size}"
            );
        }
        // SAFETY: NULL is refused before any read.
        let null = unsafe { crate::in_versioned(std::ptr::null::<kmo_quote_request>()) };
        assert_eq!(null.unwrap_err(), KMO_STATUS_NULL_ARGUMENT);
    }

    #[test]
    fn buffers_take_exactly_what_fits() {
        let mut buf = [0x55 as c_char; 4];
        let mut written = 99usize;
        let mut copy = |s: &str, len: usize| -> Result<usize, kmo_status> {
            let buf = try_buf!(buf.as_mut_ptr(), len);
            let out = try_out!(&mut written as *mut usize);
            let result = crate::strings::copy_out(s, buf, out);
            result.map(|()| written).inspect_err(|_| {
                assert_eq!(written, s.len() + 1, "the size needed, NUL included");
            })
        };
        assert_eq!(copy("abcd", 4), Err(KMO_STATUS_BUFFER_TOO_SMALL));
        assert_eq!(copy("abc", usize::MAX), Ok(3));
        assert_eq!(buf, [b'a' as c_char, b'b' as c_char, b'c' as c_char, 0]);
        assert_eq!(written, 3);
    }
}
