//! The typed question and answer: `kmo_quote_request` (the whole request document in C values:
//! the enterprise, the service with its provider and invoice lines, the options), the answer
//! `kmo_quote_result` with its findings; and the quick question as JSON.

use crate::convert::{
    basis_points, c_basis_points, c_cents, c_date, c_number, c_optional_date, coded, date, money,
    optional_coded, optional_count, optional_date, optional_text, staff, yes_no,
};
use crate::errors::Failure;
use kmo_core::{
    Application, CostInput, CostLine, CostLineKind, DeMinimisAid, Enterprise, EnterpriseNumber,
    ExcludedTopic, Figures, FiscalYearEnd, InputError, InputErrorCode, LegalForm, Money, NaceCode,
    Options, OwnShareDeadline, ProviderNumber, RegistrationPlan, Service, ServiceKind, SizeClass,
    SizeInput, Subtheme, Theme,
};
use std::ffi::c_char;

use kmo_core::json::quote_json;
use kmo_core::{assess_counted, assess_with, Counted, Detail};

use crate::convert;
use crate::definition::kmo_sme_definition;
use crate::findings::{findings_slot, give_findings, kmo_findings};
use crate::kmo_error;
use crate::kmo_status;
use crate::strings::give_document;

/// `vat_rate_bp` for the engine's default VAT rate (21 %, the Belgian standard rate for
/// training and advice). `KMO_QUOTE_REQUEST_INIT` sets it.
pub const KMO_VAT_RATE_DEFAULT: u32 = u32::MAX;

/// The `struct_size` of the first version of `kmo_quote_request` (up to `aid_used_cents`).
pub const KMO_QUOTE_REQUEST_V1_SIZE: u32 = 48;

/// The `struct_size` of the second version of `kmo_quote_request` (up to `approval_date`).
pub const KMO_QUOTE_REQUEST_V2_SIZE: u32 = 56;

/// One application: the whole request document in C values.
///
/// Initialise it with `KMO_QUOTE_REQUEST_INIT`, which sets `struct_size`, the default VAT rate
/// and every other field to 0 (not given, or the engine's default), then set what you know:
///
/// ```c
/// kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
/// r.application_date = 20260310;
/// r.size_class = KMO_SIZE_SMALL;
/// r.service_kind = KMO_SERVICE_TRAINING;
/// r.theme = KMO_THEME_PERSONEELSMANAGEMENT;
/// r.cost_cents = 200000;
/// r.provider = "DV.O236459";
/// r.flemish_establishment = KMO_YES;
/// ```
///
/// Each field is the document's field of the same name (in cents, basis points, thousandths
/// or yyyymmdd where the document has an amount, a percentage, staff or a date); a condition
/// left out (0, `KMO_NOT_GIVEN`, NULL) is not checked, and the findings say so. Enumerations
/// are `uint32_t` values of `kmo_size_class`, `kmo_service_kind`, `kmo_theme`, `kmo_subtheme`,
/// `kmo_own_share_deadline`, `kmo_yes_no`, or numbers of a `kmo_code_list`. Strings are
/// NUL-terminated UTF-8, NULL for none, read during the call only.
///
/// Growth: the struct grows by versions, fields only ever added at the end. `struct_size`
/// must be exactly the size of a version the library knows — `KMO_QUOTE_REQUEST_V1_SIZE`,
/// `KMO_QUOTE_REQUEST_V2_SIZE`, `KMO_QUOTE_REQUEST_V3_SIZE` (up to `de_minimis_count`) or
/// `sizeof(kmo_quote_request)` of this header — else the call
/// is `KMO_STATUS_INVALID_STRUCT_SIZE` (0, from a zero-initialised struct, included: it cannot
/// silently mean a VAT rate of 0). The fields of a later version than the caller's take their
/// default, 0. A program built against an older header keeps working with a newer library; a
/// newer header's request is refused by an older library.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_quote_request {
    /// `sizeof(kmo_quote_request)` of the caller's header (`KMO_QUOTE_REQUEST_INIT` sets it).
    pub struct_size: u32,
    /// Application date, yyyymmdd (`application_date`).
    pub application_date: i32,
    /// Start of the service, yyyymmdd, or 0 when unknown (then the 14-day application deadline
    /// is not checked) (`service.start_date`).
    pub start_date: i32,
    /// A declared `kmo_size_class` value (`enterprise.size.class`); `KMO_SIZE_NONE` when the
    /// size comes from the figures (`size_from_figures`) or the full definition
    /// (`size_definition`).
    pub size_class: u32,
    /// A `kmo_service_kind` value (required) (`service.kind`).
    pub service_kind: u32,
    /// A `kmo_theme` value, `KMO_THEME_NONE` for none (`service.theme`).
    pub theme: u32,
    /// A `kmo_subtheme` value, `KMO_SUBTHEME_NONE` for none (`service.subtheme`).
    pub subtheme: u32,
    /// The VAT rate in basis points (2100 = 21 %, 0 for a provider exempt from VAT), or
    /// `KMO_VAT_RATE_DEFAULT` (`service.vat_rate`).
    pub vat_rate_bp: u32,
    /// The cost excluding VAT, in cents (`service.cost`); 0 when the invoice lines are given.
    pub cost_cents: i64,
    /// Aid already granted in the application's calendar year, in cents (`wallet.aid_used`; a
    /// wallet call replaces it with what the wallet counts).
    pub aid_used_cents: i64,
    // ---- version 2 --------------------------------------------------------------------------
    /// When the own share must be paid: a `kmo_own_share_deadline` value,
    /// `KMO_OWN_SHARE_DEFAULT` for the engine's default (`options.own_share_deadline`).
    pub own_share_deadline: u32,
    /// The provider's approval date, yyyymmdd, or 0 (needed by
    /// `KMO_OWN_SHARE_AFTER_APPROVAL_30_DAYS`) (`options.approval_date`).
    pub approval_date: i32,
    // ---- version 3 --------------------------------------------------------------------------
    /// The legal form: a number of `KMO_CODES_LEGAL_FORM` (`kmo_code_number` gives it), 0 when
    /// not given (`enterprise.legal_form`).
    pub legal_form: u32,
    /// An operating site in the Flemish Region: a `kmo_yes_no` value
    /// (`enterprise.flemish_establishment`).
    pub flemish_establishment: u32,
    /// The share of capital or voting rights held by public bodies, in basis points (2500 =
    /// 25 %) (`enterprise.public_bodies_pct`).
    pub public_bodies_bp: u32,
    /// A recognised maatwerkbedrijf: `KMO_YES`; `KMO_NOT_GIVEN` or `KMO_NO` when not
    /// (`enterprise.maatwerkbedrijf`).
    pub maatwerkbedrijf: u32,
    /// Related to the provider: a `kmo_yes_no` value (`enterprise.related_to_provider`).
    pub related_to_provider: u32,
    /// Active in the KBO/BCE when the service starts: a `kmo_yes_no` value
    /// (`enterprise.active_in_kbo`).
    pub active_in_kbo: u32,
    /// The size class fixed at the year's first application, a `kmo_size_class` value, or
    /// `KMO_SIZE_NONE` (`enterprise.year_size_class`; a wallet call sets it from the wallet).
    pub year_size_class: u32,
    /// An excluded topic the service falls under: a number of `KMO_CODES_EXCLUDED_TOPIC`, 0 for
    /// none (`service.excluded_topic`).
    pub excluded_topic: u32,
    /// The date of the first-time registration on the portal, yyyymmdd, or 0
    /// (`options.portal_registration_date`).
    pub portal_registration_date: i32,
    /// The end of the fiscal year as mmdd (630 for 30 June), or 0 for 31 December
    /// (`enterprise.fiscal_year_end`).
    pub fiscal_year_end: u32,
    /// `KMO_YES` when the size comes from one period's figures below instead of `size_class`
    /// (`enterprise.size` with `staff_awu`, `turnover`, `balance_sheet`).
    pub size_from_figures: u32,
    /// The company has not registered on the portal yet: `KMO_YES` plans the first
    /// registration (`kmo_quote_result.registration`, `KMO_FINDING_FIRST_TIME_REGISTRATION`);
    /// `KMO_NOT_GIVEN` or `KMO_NO` when it has (`options.first_time`). A
    /// `portal_registration_date` plans it too.
    pub first_time: u32,
    /// Staff in thousandths of an annual work unit (9.99 AWU = 9990), with `size_from_figures`.
    pub staff_awu_milli: i64,
    /// Turnover in cents, with `size_from_figures`.
    pub turnover_cents: i64,
    /// Balance-sheet total in cents, with `size_from_figures`.
    pub balance_sheet_cents: i64,
    /// The NACE-BEL code of the main activity (`62.010`), or NULL (`enterprise.nace`).
    pub nace: *const c_char,
    /// The enterprise number (`0403.170.701`), or NULL (`enterprise.enterprise_number`).
    pub enterprise_number: *const c_char,
    /// The provider's registration number (`DV.O236459`), or NULL (`service.provider`).
    pub provider: *const c_char,
    /// The invoice lines, instead of `cost_cents` (`service.lines`): `line_count` structs made
    /// with `KMO_COST_LINE_INIT`, or NULL.
    pub lines: *const kmo_cost_line,
    /// How many invoice lines.
    pub line_count: usize,
    /// Earlier de minimis aid of the single undertaking (`enterprise.de_minimis`):
    /// `de_minimis_count` structs made with `KMO_DE_MINIMIS_AID_INIT`, or NULL.
    pub de_minimis: *const kmo_de_minimis_aid,
    /// How many earlier aids.
    pub de_minimis_count: usize,
    // ---- version 4 --------------------------------------------------------------------------
    /// The full SME definition of the enterprise (its periods, partner and linked
    /// enterprises), or NULL (`enterprise.size` with its `periods`): instead of `size_class`
    /// and `size_from_figures`. Read during the call only; the request does not own it.
    pub size_definition: *const kmo_sme_definition,
}

impl Default for kmo_quote_request {
    fn default() -> kmo_quote_request {
        kmo_quote_request {
            struct_size: 0,
            application_date: 0,
            start_date: 0,
            size_class: 0,
            service_kind: 0,
            theme: 0,
            subtheme: 0,
            vat_rate_bp: 0,
            cost_cents: 0,
            aid_used_cents: 0,
            own_share_deadline: 0,
            approval_date: 0,
            legal_form: 0,
            flemish_establishment: 0,
            public_bodies_bp: 0,
            maatwerkbedrijf: 0,
            related_to_provider: 0,
            active_in_kbo: 0,
            year_size_class: 0,
            excluded_topic: 0,
            portal_registration_date: 0,
            fiscal_year_end: 0,
            size_from_figures: 0,
            first_time: 0,
            staff_awu_milli: 0,
            turnover_cents: 0,
            balance_sheet_cents: 0,
            nace: std::ptr::null(),
            enterprise_number: std::ptr::null(),
            provider: std::ptr::null(),
            lines: std::ptr::null(),
            line_count: 0,
            de_minimis: std::ptr::null(),
            de_minimis_count: 0,
            size_definition: std::ptr::null(),
        }
    }
}

// SAFETY: #[repr(C)], integers and raw pointers only, no padding (the offsets below), and
// `struct_size` first; the fields of versions 2, 3 and 4 default to 0 (version 3 ends where
// `size_definition` starts, with no padding before it).
unsafe impl crate::Versioned for kmo_quote_request {
    const SIZES: &'static [usize] = &[
        KMO_QUOTE_REQUEST_V1_SIZE as usize,
        KMO_QUOTE_REQUEST_V2_SIZE as usize,
        std::mem::offset_of!(kmo_quote_request, size_definition),
        std::mem::size_of::<kmo_quote_request>(),
    ];
}
const _: () = assert!(std::mem::offset_of!(kmo_quote_request, own_share_deadline) == 48);
const _: () = assert!(std::mem::offset_of!(kmo_quote_request, legal_form) == 56);
const _: () = assert!(std::mem::offset_of!(kmo_quote_request, staff_awu_milli) == 104);
const _: () = assert!(
    std::mem::size_of::<kmo_quote_request>()
        == std::mem::offset_of!(kmo_quote_request, nace) + 8 * std::mem::size_of::<usize>()
);
const _: () = assert!(
    std::mem::offset_of!(kmo_quote_request, size_definition)
        == std::mem::offset_of!(kmo_quote_request, nace) + 7 * std::mem::size_of::<usize>()
);

/// One invoice line, excluding VAT (an element of `kmo_quote_request.lines`, the document's
/// `service.lines[i]`). Make it with `KMO_COST_LINE_INIT`; it grows by versions as requests
/// do, every element of a list of one version.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct kmo_cost_line {
    /// `sizeof(kmo_cost_line)` of the caller's header (`KMO_COST_LINE_INIT` sets it).
    pub struct_size: u32,
    /// What the line is for: a `kmo_cost_line_kind` value (`kind`).
    pub kind: u32,
    /// The amount excluding VAT, cents (`amount`).
    pub amount_cents: i64,
    /// Catering: the number of persons, 0 when not given (`persons`).
    pub persons: u32,
    /// Catering: the number of days, 0 when not given (`days`).
    pub days: u32,
    /// Invoiced separately from the service: a `kmo_yes_no` value (not given: no)
    /// (`separately_invoiced`).
    pub separately_invoiced: u32,
    /// Material used exclusively in the training: a `kmo_yes_no` value (not given: yes)
    /// (`exclusive_use`).
    pub exclusive_use: u32,
}

// SAFETY: #[repr(C)], integers only, no padding (4 + 4 + 8 + 4 × 4), `struct_size` first.
unsafe impl crate::Versioned for kmo_cost_line {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_cost_line>()];
}
const _: () = assert!(std::mem::size_of::<kmo_cost_line>() == 32);

/// Earlier de minimis aid of the single undertaking (an element of
/// `kmo_quote_request.de_minimis`). Make it with `KMO_DE_MINIMIS_AID_INIT`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct kmo_de_minimis_aid {
    /// `sizeof(kmo_de_minimis_aid)` of the caller's header (`KMO_DE_MINIMIS_AID_INIT`).
    pub struct_size: u32,
    /// The date it was granted, yyyymmdd (`date`).
    pub date: i32,
    /// The amount, cents (`amount`).
    pub amount_cents: i64,
}

// SAFETY: #[repr(C)], integers only, no padding (4 + 4 + 8), `struct_size` first.
unsafe impl crate::Versioned for kmo_de_minimis_aid {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_de_minimis_aid>()];
}
const _: () = assert!(std::mem::size_of::<kmo_de_minimis_aid>() == 16);

/// The answer to a request: the numbers and deadlines of the JSON response. Make it with
/// `KMO_QUOTE_RESULT_INIT` (which sets `struct_size`); the library writes the version
/// `struct_size` names and leaves it at that size. Its findings come through the call's
/// `out_findings`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_quote_result {
    /// The size of the version written (`KMO_QUOTE_RESULT_INIT` sets the caller's).
    pub struct_size: u32,
    /// No blocking reason (`eligible`).
    pub eligible: bool,
    /// Whether the year's ceiling cut the aid (`capped`).
    pub capped: bool,
    /// An SME: not large, and less than 25 % held by public bodies (`is_sme`).
    pub is_sme: bool,
    /// A small mid-cap, information only (`small_mid_cap`).
    pub small_mid_cap: bool,
    /// The class under the SME definition, a `kmo_size_class` value (`size_class`).
    pub size_class: u32,
    /// The class the wallet applies (micro as small, a large maatwerkbedrijf as medium), a
    /// `kmo_size_class` value, `KMO_SIZE_NONE` for none (`wallet_class`).
    pub wallet_class: u32,
    /// The aid percentage, uplift included, in basis points (3000 = 30 %) (`rate`).
    pub rate_bp: u32,
    /// The share held by public bodies, basis points (`public_share`).
    pub public_share_bp: u32,
    /// How many blocking reasons there are (the findings of severity `KMO_SEVERITY_BLOCKING`).
    pub blocking_count: u32,
    /// The first blocking reason, a `kmo_finding_code` value (`KMO_FINDING_NONE` when
    /// eligible).
    pub first_blocking: u32,
    /// How many findings there are, of every severity (`out_findings` lists them).
    pub finding_count: u32,
    /// Last day to apply, yyyymmdd (0 when the start is unknown) (`deadlines.apply_by`).
    pub apply_by: i32,
    /// Last day to pay the own share into the wallet, yyyymmdd; 0 when not eligible (nothing is
    /// paid into the wallet) or when the policy needs an approval date that was not given
    /// (`deadlines.pay_own_share_by`).
    pub pay_own_share_by: i32,
    /// Last day to finish the service, yyyymmdd (`deadlines.complete_by`).
    pub complete_by: i32,
    /// The first day of the rulebook edition applied, yyyymmdd (0 before 1 April 2016)
    /// (`rulebook.valid_from`).
    pub rulebook_valid_from: i32,
    /// The own-share deadline policy applied, a `kmo_own_share_deadline` value
    /// (`policies.own_share_deadline`).
    pub own_share_deadline: u32,
    /// The eligible cost, cents (`eligible_cost`).
    pub eligible_cost_cents: i64,
    /// The amount invoiced with the service, excluding VAT, cents (`invoiced`).
    pub invoiced_cents: i64,
    /// Rate × eligible cost, rounded, before the ceiling, cents (`aid_before_ceiling`).
    pub aid_before_ceiling_cents: i64,
    /// The aid, cents (0 when not eligible) (`aid`).
    pub aid_cents: i64,
    /// The own share (eligible cost − aid), cents (`own_share`): what the enterprise pays into
    /// the wallet; when not eligible the aid is 0 and this is the whole eligible cost, which the
    /// enterprise bears itself (nothing is paid into the wallet, `pay_own_share_by` is 0).
    pub own_share_cents: i64,
    /// The VAT paid directly to the provider, cents (`vat`).
    pub vat_cents: i64,
    /// The year's ceiling for the class, cents (`ceiling`).
    pub ceiling_cents: i64,
    /// What is left of it after this application (before it, when not eligible), cents
    /// (`ceiling_left`).
    pub ceiling_left_cents: i64,
    /// The first registration on the portal, planned (`registration`): with `first_time` or a
    /// `portal_registration_date`, when eligible.
    pub registration: kmo_registration_plan,
}

/// The first registration on the portal of a company that has never used the
/// kmo-portefeuille, planned against the deadlines (the JSON response's `registration`): it
/// registers, the activation letter with its one-time link comes by post about 10 days later
/// (an estimate), the link is valid for a month, and the company can apply only with it.
///
/// Part of `kmo_quote_result`, written in the version of its container (`struct_size` is the
/// size of the version written; a later version of this struct comes with a later version of
/// the result).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_registration_plan {
    /// The size of the version written.
    pub struct_size: u32,
    /// A plan was made (the request's `first_time` or `portal_registration_date`, and the
    /// answer eligible); when false every other field is 0 (`registration` is `null`).
    pub planned: bool,
    /// The letter is expected after the last day to apply: the company cannot apply in time
    /// unless it registers earlier or the service starts later (the warning
    /// `KMO_FINDING_ACTIVATION_LETTER_AFTER_DEADLINE`) (`letter_after_deadline`).
    pub letter_after_deadline: bool,
    /// The link expires before the last day to apply: use it by `link_valid_until` (the
    /// warning `KMO_FINDING_ACTIVATION_LINK_EXPIRES_FIRST`) (`link_expires_first`).
    pub link_expires_first: bool,
    /// The registration date given, yyyymmdd, or 0: not registered yet (`registered`).
    pub registered: i32,
    /// The last day to register so that the letter is expected by the last day to apply,
    /// yyyymmdd, or 0 without a start date (`register_by`).
    pub register_by: i32,
    /// When the letter is expected, yyyymmdd: the registration (without one, the application
    /// date) + 10 days, an estimate (`letter_expected`).
    pub letter_expected: i32,
    /// Until when its link is valid, yyyymmdd: one month after the letter, an estimate
    /// (`link_valid_until`).
    pub link_valid_until: i32,
    /// The first day the company can apply, yyyymmdd: the later of the application date and
    /// the letter (`apply_from`).
    pub apply_from: i32,
    /// The last day of the plan to apply, yyyymmdd: `apply_by`, or the link's expiry when it
    /// comes first; 0 without a start date (`apply_until`).
    pub apply_until: i32,
    /// The own share due when applying on `apply_from`, yyyymmdd, or 0 when the policy needs
    /// an approval date that was not given (`pay_own_share_by`).
    pub pay_own_share_by: i32,
}

// SAFETY: #[repr(C)], `struct_size` first.
unsafe impl crate::Filled for kmo_quote_result {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_quote_result>()];
}

/// Assesses one application, as `kmo_assess_json` does the same request: every condition
/// given is checked, every one left out is noted. Invalid input is `KMO_STATUS_INVALID_INPUT`
/// and `*out_error` names the field (`application_date`, `cost_cents`, `lines[1].persons`,
/// `subtheme`) with the document's code and message; a `struct_size` the library does not
/// know is `KMO_STATUS_INVALID_STRUCT_SIZE`. `*out_findings` (NULL when not wanted) receives
/// the answer's findings on success, NULL otherwise; free it with `kmo_findings_free`.
///
/// # Safety
/// `request` must point to a readable `kmo_quote_request` of its `struct_size`, its strings
/// and lists readable; `out` a `kmo_quote_result` whose `struct_size` is set; `out_findings`
/// and `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_quote(
    request: *const kmo_quote_request,
    out: *mut kmo_quote_result,
    out_findings: *mut *mut kmo_findings,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    // SAFETY: NULL means "not wanted"; otherwise writable under the contract.
    let findings = unsafe { findings_slot(out_findings) };
    ffi_boundary!(error out_error, {
        let mut room = std::mem::MaybeUninit::uninit();
        let request = try_versioned_ref!(request, &mut room);
        let out = try_filled!(out);
        // SAFETY: the request's strings and lists are readable under the contract.
        let built = unsafe { application(request) };
        // Read where they were built: neither the application nor the answer is moved.
        let app = match built {
            Ok(ref app) => app,
            Err(e) => return Err(e),
        };
        match findings {
            // The findings not asked for: counted, not built.
            None => {
                let counted = assess_counted(app);
                match counted {
                    Ok(ref c) => out.write(c_counted(c)),
                    Err(e) => return Err(convert::c_error(e).into()),
                };
            }
            Some(slot) => {
                let assessed = assess_with(app, Detail::Numbers);
                let assessment = match assessed {
                    Ok(ref a) => a,
                    Err(e) => return Err(convert::c_error(e).into()),
                };
                out.write(c_counted(&assessment.counted()));
                give_findings(Some(slot), &assessment.findings);
            }
        }
        Ok(())
    })
}

/// The quick quote from its JSON question (`application_date`, `size_class`, `kind`, `theme`,
/// `subtheme`, `provider`, `start_date`, `cost`, `aid_used`, `vat_rate`, `lang`, `options`), as
/// the JavaScript package answers it: `{"aid", "blocking", "capped", "ceiling", "ceiling_left",
/// "deadlines", "eligible", "eligible_cost", "findings", "own_share", "rate", "size_class",
/// "vat"}` (`findings`: the blocking reasons with their messages in `lang`, then a warning per
/// unknown field); on
/// invalid input `KMO_STATUS_INVALID_INPUT` (or `KMO_STATUS_INVALID_UTF8`) **and** the error
/// document in the question's language. Free `*out_json` with `kmo_string_free`.
///
/// # Safety
/// `question` must point to `len` readable bytes; `out_json` and `out_len` must be writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_quote_json(
    question: *const c_char,
    len: usize,
    out_json: *mut *mut c_char,
    out_len: *mut usize,
) -> kmo_status {
    ffi_boundary! {
        let out_json = try_out!(out_json);
        let out_len = try_out!(out_len);
        give_document(try_bytes!(question, len), quote_json, out_json, out_len)
    }
}

// ---- the request and the result, converted ------------------------------------------

/// The application a request describes, each value through the core's constructor and
/// located at its C field.
/// The C field names are the document's, with the unit where the document has none
/// (`cost_cents` for `service.cost`), and without the object they sit in (`subtheme` for
/// `service.subtheme`).
///
/// # Safety
/// The request's strings and lists must be readable during the call (the exported function's
/// contract).
pub(crate) unsafe fn application(r: &kmo_quote_request) -> Result<Application, Failure> {
    let application_date = date(r.application_date, "application_date")?;
    let declared = optional_coded::<SizeClass>(r.size_class, "size_class")?;
    let kind = coded::<ServiceKind>(r.service_kind, "service_kind")?;
    // SAFETY: the request's definition is live during the call (this function's contract).
    let size = unsafe { size_input(r, declared) }?;
    // SAFETY: the request's lists are readable during the call (this function's contract).
    let cost = unsafe { cost_input(r)? };
    let mut service = Service {
        theme: optional_coded::<Theme>(r.theme, "theme")?,
        subtheme: optional_coded::<Subtheme>(r.subtheme, "subtheme")?,
        excluded_topic: optional_coded::<ExcludedTopic>(r.excluded_topic, "excluded_topic")?,
        start_date: optional_date(r.start_date, "start_date")?,
        cost,
        ..Service::new(kind, Money::ZERO)
    };
    if r.vat_rate_bp != KMO_VAT_RATE_DEFAULT {
        service.vat_rate = basis_points(r.vat_rate_bp, "vat_rate_bp")?;
    }
    let aid_used = money(r.aid_used_cents, "aid_used_cents")?;
    let own_share_deadline =
        optional_coded::<OwnShareDeadline>(r.own_share_deadline, "own_share_deadline")?
            .unwrap_or_default();
    let approval_date = optional_date(r.approval_date, "approval_date")?;
    service.provider = optional_text(
        try_c_str!(r.provider, InvalidProviderNumber, "provider"),
        "provider",
        ProviderNumber::parse,
    )?;
    // SAFETY: as for the cost.
    let enterprise = unsafe { enterprise(r, size)? };
    let app = Application {
        aid_used,
        options: Options {
            own_share_deadline,
            approval_date,
            portal_registration_date: optional_date(
                r.portal_registration_date,
                "portal_registration_date",
            )?,
            first_time: yes_no(r.first_time, "first_time")?.unwrap_or(false),
        },
        ..Application::new(application_date, enterprise, service)
    };
    // What the types alone cannot check (`Application::validate`) is checked where the
    // document's request is: by the assessment (after a wallet's order, as for the document),
    // its errors located at the C fields by `c_error`.
    Ok(app)
}

/// The size a request gives: a declared class, one period's figures, or the full definition.
///
/// # Safety
/// As [`application`]: `size_definition` must be NULL or a live definition.
unsafe fn size_input(
    r: &kmo_quote_request,
    declared: Option<SizeClass>,
) -> Result<SizeInput, Failure> {
    // SAFETY: NULL or a live definition, not changed during the call (the contract).
    if let Some(definition) = unsafe { r.size_definition.as_ref() } {
        if declared.is_some() || yes_no(r.size_from_figures, "size_from_figures")? == Some(true) {
            return Err(InputError::new(
                InputErrorCode::InconsistentInput,
                "size_definition",
                "err_size_one_form",
                vec![],
            )
            .into());
        }
        return Ok(SizeInput::Full(Box::new(definition.definition()?)));
    }
    Ok(
        match (declared, yes_no(r.size_from_figures, "size_from_figures")?) {
            (Some(_), Some(true)) => {
                return Err(InputError::new(
                    InputErrorCode::InconsistentInput,
                    "size_from_figures",
                    "err_class_or_figures",
                    vec![],
                )
                .into())
            }
            (None, Some(true)) => SizeInput::Figures(Figures {
                staff: staff(r.staff_awu_milli, "staff_awu_milli")?,
                turnover: money(r.turnover_cents, "turnover_cents")?,
                balance_sheet: money(r.balance_sheet_cents, "balance_sheet_cents")?,
            }),
            (Some(class), _) => SizeInput::Declared(class),
            // Neither: the class is required, and refused as the document refuses an unknown one.
            (None, _) => SizeInput::Declared(coded::<SizeClass>(r.size_class, "size_class")?),
        },
    )
}

/// The cost a request gives: one amount, or invoice lines.
///
/// # Safety
/// As [`application`]: the request's lists must be readable during the call.
unsafe fn cost_input(r: &kmo_quote_request) -> Result<CostInput, Failure> {
    if r.line_count == 0 {
        return Ok(CostInput::Amount(money(r.cost_cents, "cost_cents")?));
    }
    // SAFETY: as for this function.
    unsafe { cost_lines(r) }
}

/// The invoice lines a request gives (`line_count` of them, not 0).
///
/// # Safety
/// As [`application`]: the request's lists must be readable during the call.
#[inline(never)]
unsafe fn cost_lines(r: &kmo_quote_request) -> Result<CostInput, Failure> {
    let lines = try_list!(r.lines, r.line_count, "lines", "line_count");
    if r.cost_cents != 0 {
        return Err(InputError::new(
            InputErrorCode::InconsistentInput,
            "lines",
            "err_cost_or_lines",
            vec![],
        )
        .into());
    }
    Ok(CostInput::Lines(
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| cost_line(l, &format!("lines[{i}]")))
            .collect::<Result<_, InputError>>()?,
    ))
}

/// The enterprise a request describes, of `size`.
///
/// # Safety
/// As [`application`]: the request's strings and lists must be readable during the call.
#[inline(always)]
unsafe fn enterprise(r: &kmo_quote_request, size: SizeInput) -> Result<Enterprise, Failure> {
    let de_minimis = match r.de_minimis_count {
        0 => Vec::new(),
        // SAFETY: as for this function.
        _ => unsafe { de_minimis(r)? },
    };
    Ok(Enterprise {
        legal_form: optional_coded::<LegalForm>(r.legal_form, "legal_form")?,
        nace: optional_text(
            try_c_str!(r.nace, InvalidNaceCode, "nace"),
            "nace",
            NaceCode::parse,
        )?,
        flemish_establishment: yes_no(r.flemish_establishment, "flemish_establishment")?,
        public_bodies_pct: basis_points(r.public_bodies_bp, "public_bodies_bp")?,
        maatwerkbedrijf: yes_no(r.maatwerkbedrijf, "maatwerkbedrijf")?.unwrap_or(false),
        related_to_provider: yes_no(r.related_to_provider, "related_to_provider")?,
        enterprise_number: optional_text(
            try_c_str!(
                r.enterprise_number,
                InvalidEnterpriseNumber,
                "enterprise_number"
            ),
            "enterprise_number",
            EnterpriseNumber::parse,
        )?,
        active_in_kbo: yes_no(r.active_in_kbo, "active_in_kbo")?,
        year_size_class: optional_coded::<SizeClass>(r.year_size_class, "year_size_class")?,
        de_minimis,
        fiscal_year_end: fiscal_year_end(r.fiscal_year_end)?,
        ..Enterprise::new(size)
    })
}

/// The earlier de minimis aid a request lists (`de_minimis_count` of them, not 0).
///
/// # Safety
/// As [`application`]: the request's lists must be readable during the call.
#[inline(never)]
unsafe fn de_minimis(r: &kmo_quote_request) -> Result<Vec<DeMinimisAid>, Failure> {
    let earlier = try_list!(
        r.de_minimis,
        r.de_minimis_count,
        "de_minimis",
        "de_minimis_count"
    );
    Ok(earlier
        .iter()
        .enumerate()
        .map(|(i, a)| {
            Ok(DeMinimisAid {
                date: date(a.date, &format!("de_minimis[{i}].date"))?,
                amount: money(a.amount_cents, &format!("de_minimis[{i}].amount_cents"))?,
            })
        })
        .collect::<Result<Vec<_>, InputError>>()?)
}

/// One invoice line, at `path` (`lines[2]`).
fn cost_line(l: &kmo_cost_line, path: &str) -> Result<CostLine, InputError> {
    let at = |field: &str| format!("{path}.{field}");
    Ok(CostLine {
        persons: optional_count(l.persons),
        days: optional_count(l.days),
        separately_invoiced: yes_no(l.separately_invoiced, &at("separately_invoiced"))?
            .unwrap_or(false),
        exclusive_use: yes_no(l.exclusive_use, &at("exclusive_use"))?.unwrap_or(true),
        ..CostLine::new(
            coded::<CostLineKind>(l.kind, &at("kind"))?,
            money(l.amount_cents, &at("amount_cents"))?,
        )
    })
}

/// The end of the fiscal year as mmdd, 0 for none (31 December), read as the document reads
/// `MM-DD`.
#[inline]
fn fiscal_year_end(mmdd: u32) -> Result<Option<FiscalYearEnd>, InputError> {
    if mmdd == 0 {
        return Ok(None);
    }
    given_fiscal_year_end(mmdd)
}

/// [`fiscal_year_end`] when one is given: read as its text, out of the usual call's way.
#[inline(never)]
fn given_fiscal_year_end(mmdd: u32) -> Result<Option<FiscalYearEnd>, InputError> {
    format!("{:02}-{:02}", mmdd / 100, mmdd % 100)
        .parse::<FiscalYearEnd>()
        .map(Some)
        .map_err(|e| e.at("fiscal_year_end"))
}

/// An assessment's answer: its numbers and deadlines, and the counts of its findings.
#[inline(always)]
pub(crate) fn c_counted(a: &Counted) -> kmo_quote_result {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    kmo_quote_result {
        struct_size: convert::size_of::<kmo_quote_result>(),
        eligible: a.eligible,
        capped: a.capped,
        is_sme: a.is_sme,
        small_mid_cap: a.small_mid_cap,
        size_class: a.size_class.number(),
        wallet_class: c_number(a.wallet_class.map(SizeClass::from)),
        rate_bp: c_basis_points(a.rate),
        public_share_bp: c_basis_points(a.public_share),
        blocking_count: count(a.blocking),
        first_blocking: c_number(a.first_blocking),
        finding_count: count(a.findings),
        apply_by: c_optional_date(a.deadlines.apply_by),
        pay_own_share_by: c_optional_date(a.deadlines.pay_own_share_by),
        complete_by: c_date(a.deadlines.complete_by),
        rulebook_valid_from: c_optional_date(a.rulebook.map(|b| b.valid_from)),
        own_share_deadline: a.own_share_deadline.number(),
        eligible_cost_cents: c_cents(a.eligible_cost),
        invoiced_cents: c_cents(a.invoiced),
        aid_before_ceiling_cents: c_cents(a.aid_before_ceiling),
        aid_cents: c_cents(a.aid),
        own_share_cents: c_cents(a.own_share),
        vat_cents: c_cents(a.vat),
        ceiling_cents: c_cents(a.ceiling),
        ceiling_left_cents: c_cents(a.ceiling_left),
        registration: c_registration(a.registration.as_ref()),
    }
}

/// The registration plan of an answer, `planned` false and zeros when there is none (in line:
/// most answers have none); a plan is converted out of line.
#[inline(always)]
fn c_registration(plan: Option<&RegistrationPlan>) -> kmo_registration_plan {
    match plan {
        None => no_registration_plan(),
        Some(p) => c_registration_plan(p),
    }
}

/// [`c_registration`] when there is no plan.
#[inline(always)]
fn no_registration_plan() -> kmo_registration_plan {
    kmo_registration_plan {
        struct_size: convert::size_of::<kmo_registration_plan>(),
        planned: false,
        letter_after_deadline: false,
        link_expires_first: false,
        registered: 0,
        register_by: 0,
        letter_expected: 0,
        link_valid_until: 0,
        apply_from: 0,
        apply_until: 0,
        pay_own_share_by: 0,
    }
}

/// [`c_registration`] of a plan.
#[inline(never)]
fn c_registration_plan(p: &RegistrationPlan) -> kmo_registration_plan {
    kmo_registration_plan {
        planned: true,
        letter_after_deadline: p.letter_after_deadline,
        link_expires_first: p.link_expires_first,
        registered: c_optional_date(p.registered),
        register_by: c_optional_date(p.register_by),
        letter_expected: c_date(p.letter_expected),
        link_valid_until: c_date(p.link_valid_until),
        apply_from: c_date(p.apply_from),
        apply_until: c_optional_date(p.apply_until),
        pay_own_share_by: c_optional_date(p.pay_own_share_by),
        ..no_registration_plan()
    }
}

#[cfg(test)]
mod tests {
    use kmo_core::Service;

    /// The header says what the default VAT rate is.
    #[test]
    fn the_documented_default_vat_rate_is_the_engines() {
        assert_eq!(Service::DEFAULT_VAT_RATE.basis_points(), Some(2100));
        assert!(include_str!("../include/kmo.h").contains("the engine's default VAT rate (21 %"));
    }
}
