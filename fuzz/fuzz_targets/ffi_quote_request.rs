//! The typed C request with any bytes: any `struct_size` (the request's, its lists' and the
//! result's), any field values, strings that are not UTF-8, lists of any length up to a few.
//! Every call returns a status, never panics, reads nothing past a refused size (ASan), gives an
//! error for every `KMO_STATUS_INVALID_INPUT`, and an answer whose parts add up.
#![no_main]

use std::ffi::{c_char, CString};
use std::mem::size_of;

use kmo::kmo_status::*;
use kmo::{kmo_cost_line, kmo_de_minimis_aid, kmo_error, kmo_findings, kmo_quote_request, kmo_quote_result};
use libfuzzer_sys::fuzz_target;

/// Bytes taken from the front of the input, zeros once it is used up.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let take = n.min(self.0.len());
        let mut out = self.0[..take].to_vec();
        self.0 = &self.0[take..];
        out.resize(n, 0);
        out
    }
    fn byte(&mut self) -> u8 {
        self.bytes(1)[0]
    }
    /// A struct of `T` from the input's bytes, in memory aligned for it.
    fn value<T: Copy + Default>(&mut self) -> T {
        let mut value = T::default();
        let bytes = self.bytes(size_of::<T>());
        // SAFETY: T is one of the library's plain structs of integers (pointers are set after).
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), (&mut value as *mut T).cast::<u8>(), bytes.len()) };
        value
    }
    /// A string (any bytes but NUL), or none.
    fn text(&mut self) -> Option<CString> {
        let len = self.byte();
        if len == 0 {
            return None;
        }
        let bytes: Vec<u8> = self.bytes(usize::from(len % 24)).into_iter().filter(|b| *b != 0).collect();
        CString::new(bytes).ok()
    }
}

fn pointer(text: &Option<CString>) -> *const c_char {
    text.as_ref().map_or(std::ptr::null(), |t| t.as_ptr())
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let texts = [input.text(), input.text(), input.text()];
    let lines: Vec<kmo_cost_line> = (0..input.byte() % 4).map(|_| input.value()).collect();
    let earlier: Vec<kmo_de_minimis_aid> = (0..input.byte() % 3).map(|_| input.value()).collect();
    let mut request: kmo_quote_request = input.value();
    // Mostly a size the library knows, so that the fields are read.
    match input.byte() % 4 {
        0 => {}
        1 => request.struct_size = 48,
        2 => request.struct_size = 56,
        _ => request.struct_size = size_of::<kmo_quote_request>() as u32,
    }
    // Half the time, values the engine takes for the core of the question, so that the
    // rules run: dates of 2016–2028, codes in their lists, an amount in range.
    if input.byte() % 2 == 0 {
        let day = |n: u8, base: i32| base + i32::from(n % 28) + 100 * i32::from(n / 28 % 12);
        request.application_date = day(input.byte(), 20160101 + 10000 * i32::from(input.byte() % 13));
        request.start_date = if input.byte() % 3 == 0 { 0 } else { request.application_date - i32::from(input.byte() % 20) };
        request.size_class = u32::from(input.byte() % 5);
        request.service_kind = 1 + u32::from(input.byte() % 2);
        request.theme = u32::from(input.byte() % 9);
        request.subtheme = u32::from(input.byte() % 3);
        request.cost_cents = i64::from(u32::from_ne_bytes(input.bytes(4).try_into().unwrap_or_default()) % 5_000_000);
        request.aid_used_cents = i64::from(input.byte()) * 5_000;
        // A first-time company now and then, registered some days before or after.
        request.first_time = u32::from(input.byte() % 3);
        request.portal_registration_date = match input.byte() % 4 {
            0 => request.application_date - i32::from(input.byte() % 28),
            _ => 0,
        };
    }
    request.nace = pointer(&texts[0]);
    request.enterprise_number = pointer(&texts[1]);
    request.provider = pointer(&texts[2]);
    request.lines = if lines.is_empty() { std::ptr::null() } else { lines.as_ptr() };
    request.line_count = lines.len();
    request.de_minimis = if earlier.is_empty() { std::ptr::null() } else { earlier.as_ptr() };
    request.de_minimis_count = earlier.len();
    // SAFETY: all zeros is a valid result (false, 0); the library writes it or nothing.
    let mut result: kmo_quote_result = unsafe { std::mem::zeroed() };
    result.struct_size = match input.byte() % 8 {
        0 => u32::from_ne_bytes(input.bytes(4).try_into().unwrap_or_default()),
        _ => size_of::<kmo_quote_result>() as u32,
    };

    let mut findings: *mut kmo_findings = std::ptr::null_mut();
    let mut error: *mut kmo_error = std::ptr::null_mut();
    // SAFETY: every pointer of the request is NULL or points into a live local of its length;
    // the outputs are valid locals.
    let status = unsafe { kmo::kmo_quote(&request, &mut result, &mut findings, &mut error) };
    check(status, request.application_date, &result, findings, error);

    let wallet = kmo::kmo_wallet_new();
    let mut id = 0u32;
    let (mut findings, mut error) = (std::ptr::null_mut(), std::ptr::null_mut());
    // SAFETY: as above, with a live wallet, freed once.
    unsafe {
        let status = kmo::kmo_wallet_apply(wallet, &request, &mut id, &mut result, &mut findings, &mut error);
        check(status, request.application_date, &result, findings, error);
        kmo::kmo_wallet_free(wallet);
    }
});

fn check(
    status: kmo::kmo_status,
    application_date: i32,
    q: &kmo_quote_result,
    findings: *mut kmo_findings,
    error: *mut kmo_error,
) {
    assert_ne!(status, KMO_STATUS_PANIC);
    assert_eq!(status == KMO_STATUS_INVALID_INPUT, !error.is_null(), "{status:?}");
    assert_eq!(status == KMO_STATUS_OK, !findings.is_null(), "{status:?}");
    if status == KMO_STATUS_OK {
        assert_eq!(q.struct_size as usize, size_of::<kmo_quote_result>());
        assert_eq!(q.aid_cents + q.own_share_cents, q.eligible_cost_cents);
        assert!(q.aid_cents >= 0 && q.aid_cents <= q.eligible_cost_cents);
        assert_eq!(q.eligible, q.blocking_count == 0);
        // Not eligible: nothing to pay into the wallet, no registration to plan.
        assert!(q.eligible || (q.pay_own_share_by == 0 && !q.registration.planned));
        let plan = &q.registration;
        assert_eq!(plan.struct_size as usize, size_of::<kmo::kmo_registration_plan>());
        assert!(plan.planned || (plan.letter_expected == 0 && plan.register_by == 0));
        assert!(!plan.planned || plan.apply_from >= plan.letter_expected.max(application_date));
        assert!(!plan.letter_after_deadline || (plan.planned && plan.register_by != 0));
        // SAFETY: a live list from the library.
        assert_eq!(unsafe { kmo::kmo_findings_count(findings) }, q.finding_count as usize);
    } else {
        assert!(matches!(
            status,
            KMO_STATUS_INVALID_INPUT
                | KMO_STATUS_INVALID_STRUCT_SIZE
                | KMO_STATUS_NULL_ARGUMENT
                | KMO_STATUS_INVALID_UTF8
                | KMO_STATUS_OUT_OF_RANGE
                | KMO_STATUS_OUT_OF_ORDER
        ), "{status:?}");
    }
    // SAFETY: each is NULL or the library's, freed once.
    unsafe {
        kmo::kmo_findings_free(findings);
        kmo::kmo_error_free(error);
    }
}
