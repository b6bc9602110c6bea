//! The full SME definition in C values: `kmo_sme_definition`, a handle built call by call —
//! the enterprise (`kmo_sme_definition_set_enterprise`), its periods
//! (`kmo_sme_definition_add_period`), and in each period the other entities, the holdings and
//! the control rights (`_add_entity`, `_add_holding`, `_add_control`) — classified by
//! `kmo_classify_definition` and quoted through `kmo_quote_request.size_definition`.
//!
//! A thin conversion over the core's typed definition (`SmeDefinition::new` with its
//! `Subject`, `Period`, `Entity`, `Holding`, `Control`): each value through the core's
//! constructor, located at the field the document with each period's own lists names
//! (`periods[1].entities[0].staff_awu`), with the C unit (`staff_awu_milli`); the graph's checks
//! and the rules are the core's, run when the definition is classified or quoted.

use std::ffi::c_char;

use kmo_core::sme::definition::{Period, SmeDefinition, Subject};
use kmo_core::sme::headcount::{annual_work_units, months_given, StaffMember, StaffRole};
use kmo_core::sme::periods::OwnershipChangePolicy;
use kmo_core::sme::relations::graph::KindDetails;
use kmo_core::sme::relations::{Control, ControlRight, Entity, EntityKind, EntityType, Holding};
use kmo_core::sme::thresholds::ExactFigures;
use kmo_core::{
    classify, AnnualWorkUnits, Decimal, Figures, InputError, InputErrorCode, Percent, SizeClass,
    SizeInput,
};

use crate::assess::{c_classification, kmo_classification};
use crate::codes::Code;
use crate::convert::{self, basis_points, money, optional_coded, optional_date, staff, yes_no};
use crate::errors::Failure;
use crate::kmo_error;
use crate::kmo_status;

/// `voting_bp` of `kmo_sme_definition_add_holding` when the share of the voting rights is
/// the share of the capital (the document's holding without `voting_pct`).
pub const KMO_SHARE_SAME_AS_CAPITAL: u32 = u32::MAX;

/// The full SME definition of an enterprise (Recommendation 2003/361/EC), built call by call:
/// the document's `enterprise.size` with its `periods`, each with its own `entities`,
/// `holdings` and `controls`. Make it with `kmo_sme_definition_new`, free it with
/// `kmo_sme_definition_free`. Opaque: it grows without changing the ABI.
pub struct kmo_sme_definition {
    subject: Subject,
    prior: Option<SizeClass>,
    policy: OwnershipChangePolicy,
    periods: Vec<Period>,
}

impl kmo_sme_definition {
    /// The core's definition of what was added, checked by the core (`SmeDefinition::new`),
    /// its errors located at the C fields.
    pub(crate) fn definition(&self) -> Result<SmeDefinition, InputError> {
        SmeDefinition::new(
            self.subject.clone(),
            self.periods.clone(),
            self.prior,
            self.policy,
        )
        .map_err(convert::c_error)
    }

    /// The last period added, which entities, holdings and controls go to, with its index.
    fn last_period(&mut self) -> Result<(usize, &mut Period), InputError> {
        let i = self.periods.len().checked_sub(1);
        match (i, self.periods.last_mut()) {
            (Some(i), Some(p)) => Ok((i, p)),
            _ => Err(InputError::new(
                InputErrorCode::MissingField,
                "periods",
                "err_no_periods",
                vec![],
            )),
        }
    }
}

/// The enterprise itself (the document's size object without its periods). Make it with
/// `KMO_SME_ENTERPRISE_INIT`; it grows by versions as requests do.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_sme_enterprise {
    /// `sizeof(kmo_sme_enterprise)` of the caller's header (`KMO_SME_ENTERPRISE_INIT`).
    pub struct_size: u32,
    /// The status before the first period, a `kmo_size_class` value, or `KMO_SIZE_NONE`
    /// (`prior_class`).
    pub prior_class: u32,
    /// Its id in the ownership graph, NULL for `"self"` (`id`).
    pub id: *const c_char,
    /// Its relevant market, or NULL (`market`).
    pub market: *const c_char,
    /// The ownership-change policy as its text code (`ownership_change`): `"immediate"` (a
    /// change of ownership counts at once, the engine's default, also when NULL) or
    /// `"two_period"` (the literal reading of the two-period rule). The answers of the typed
    /// calls carry the class it gives; `kmo_classify_json` (`sme.ownership_change`) and
    /// `kmo_assess_json` (`policies.ownership_change`) name the policy, with each period's raw
    /// and status class (`sme.periods`).
    pub ownership_change: *const c_char,
    /// The entities its consolidated accounts include: `consolidates_count` strings, or NULL
    /// (`consolidates`).
    pub consolidates: *const *const c_char,
    /// How many `consolidates`.
    pub consolidates_count: usize,
    /// Markets directly up- or downstream of its own: `adjacent_market_count` strings, or
    /// NULL (`adjacent_markets`).
    pub adjacent_markets: *const *const c_char,
    /// How many `adjacent_markets`.
    pub adjacent_market_count: usize,
}

impl Default for kmo_sme_enterprise {
    fn default() -> kmo_sme_enterprise {
        kmo_sme_enterprise {
            struct_size: 0,
            prior_class: 0,
            id: std::ptr::null(),
            market: std::ptr::null(),
            ownership_change: std::ptr::null(),
            consolidates: std::ptr::null(),
            consolidates_count: 0,
            adjacent_markets: std::ptr::null(),
            adjacent_market_count: 0,
        }
    }
}

// SAFETY: #[repr(C)], integers and raw pointers only, no padding (4 + 4 + 7 words), and
// `struct_size` first.
unsafe impl crate::Versioned for kmo_sme_enterprise {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_sme_enterprise>()];
}
const _: () =
    assert!(std::mem::size_of::<kmo_sme_enterprise>() == 8 + 7 * std::mem::size_of::<usize>());

/// One closed accounting period of the enterprise (the document's `periods[i]`), oldest
/// first. Make it with `KMO_SME_PERIOD_INIT`; it grows by versions as requests do.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_sme_period {
    /// `sizeof(kmo_sme_period)` of the caller's header (`KMO_SME_PERIOD_INIT`).
    pub struct_size: u32,
    /// The closing date, yyyymmdd, or 0 when unknown (`closing_date`).
    pub closing_date: i32,
    /// The enterprise's own staff in thousandths of an annual work unit (`staff_awu`); 0 with
    /// a staff list (`staff`).
    pub staff_awu_milli: i64,
    /// Its own turnover, cents (`turnover`).
    pub turnover_cents: i64,
    /// Its own balance-sheet total, cents (`balance_sheet`).
    pub balance_sheet_cents: i64,
    /// A bona fide estimate of a new enterprise: a `kmo_yes_no` value (`estimate`).
    pub estimate: u32,
    /// The enterprise joined or left a group at this closing: a `kmo_yes_no` value
    /// (`ownership_changed`).
    pub ownership_changed: u32,
    /// The staff as a list instead of `staff_awu_milli` (which must then be 0): `staff_count`
    /// structs made with `KMO_SME_STAFF_MEMBER_INIT`, or NULL (`staff`).
    pub staff: *const kmo_sme_staff_member,
    /// How many staff members.
    pub staff_count: usize,
}

impl Default for kmo_sme_period {
    fn default() -> kmo_sme_period {
        kmo_sme_period {
            struct_size: 0,
            closing_date: 0,
            staff_awu_milli: 0,
            turnover_cents: 0,
            balance_sheet_cents: 0,
            estimate: 0,
            ownership_changed: 0,
            staff: std::ptr::null(),
            staff_count: 0,
        }
    }
}

// SAFETY: #[repr(C)], integers and raw pointers only, no padding (4 + 4 + 3 × 8 + 2 × 4 + 2
// words), `struct_size` first.
unsafe impl crate::Versioned for kmo_sme_period {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_sme_period>()];
}
const _: () =
    assert!(std::mem::size_of::<kmo_sme_period>() == 40 + 2 * std::mem::size_of::<usize>());

/// One member of the staff (the document's `staff[i]`, REC-2003/361 art. 5): the engine counts
/// the annual work units. Make it with `KMO_SME_STAFF_MEMBER_INIT` (full time, twelve months);
/// it grows by versions as requests do, every element of a list of one version.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_sme_staff_member {
    /// `sizeof(kmo_sme_staff_member)` of the caller's header (`KMO_SME_STAFF_MEMBER_INIT`).
    pub struct_size: u32,
    /// Months worked in the reference year, 0–12 (`months`; the `_INIT` macro sets 12).
    pub months: u32,
    /// The role as its text code (`"employee"`, `"owner_manager"`, `"apprentice"`, …)
    /// (required) (`role`).
    pub role: *const c_char,
    /// The working-time fraction in basis points of full time (10000 = full time, the `_INIT`
    /// macro's) (`fte`).
    pub fte_bp: u32,
    /// Months of maternity or parental leave within those months (`leave_months`).
    pub leave_months: u32,
}

impl Default for kmo_sme_staff_member {
    fn default() -> kmo_sme_staff_member {
        kmo_sme_staff_member {
            struct_size: 0,
            months: 0,
            role: std::ptr::null(),
            fte_bp: 0,
            leave_months: 0,
        }
    }
}

// SAFETY: #[repr(C)], integers and a raw pointer, no padding (4 + 4 + a word + 4 + 4),
// `struct_size` first.
unsafe impl crate::Versioned for kmo_sme_staff_member {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_sme_staff_member>()];
}
const _: () =
    assert!(std::mem::size_of::<kmo_sme_staff_member>() == 16 + std::mem::size_of::<usize>());

/// The staff of a period or an entity at `at` (`periods[0]`): the list's annual work units
/// when it has members (the AWU figure must then be 0), else the AWU figure.
///
/// # Safety
/// `list` must be NULL or point to `count` readable members of one version.
unsafe fn staff_of(
    awu_milli: i64,
    list: *const kmo_sme_staff_member,
    count: usize,
    at: &str,
) -> Result<AnnualWorkUnits, Failure> {
    let path = format!("{at}.staff");
    let members = try_list!(list, count, path.clone(), "staff_count");
    if members.is_empty() {
        return Ok(staff(awu_milli, &format!("{at}.staff_awu_milli"))?);
    }
    if awu_milli != 0 {
        return Err(InputError::new(
            InputErrorCode::InconsistentInput,
            path,
            "err_staff_awu_or_list",
            vec![],
        )
        .into());
    }
    let members = members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let field = |name: &str| format!("{path}[{i}].{name}");
            let role = required(
                try_c_str!(m.role, UnknownCode, &field("role")),
                &field("role"),
            )?;
            Ok(StaffMember {
                role: text_code::<StaffRole>(role, &field("role"))?,
                fte: Decimal::new(i64::from(m.fte_bp), 4),
                // Past a byte refused as given, as the document refuses it; the member's own
                // check keeps the rest to 0–12.
                months: months_given(m.months).map_err(|e| e.at(field("months")))?,
                leave_months: months_given(m.leave_months)
                    .map_err(|e| e.at(field("leave_months")))?,
            })
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    annual_work_units(&members).map_err(|e| {
        let within = e.path.clone();
        let sep = if within.starts_with('[') { "" } else { "." };
        convert::c_error(e.at(format!("{path}{sep}{within}"))).into()
    })
}

/// Another entity of a period's ownership graph (the document's `entities[j]`): an enterprise,
/// a natural person, a public body or an investor. Make it with `KMO_SME_ENTITY_INIT`; it
/// grows by versions as requests do.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct kmo_sme_entity {
    /// `sizeof(kmo_sme_entity)` of the caller's header (`KMO_SME_ENTITY_INIT`).
    pub struct_size: u32,
    /// `KMO_YES` when the three figures below are given (`staff_awu`, `turnover`,
    /// `balance_sheet`); otherwise the entity has none.
    pub has_figures: u32,
    /// Its id, unique in the graph (required) (`id`).
    pub id: *const c_char,
    /// What it is, as its text code (`"enterprise"`, `"natural_person"`, `"business_angel"`,
    /// …), NULL for an enterprise (`kind`).
    pub kind: *const c_char,
    /// Staff in thousandths of an annual work unit, with `has_figures` (`staff_awu`).
    pub staff_awu_milli: i64,
    /// Turnover, cents, with `has_figures` (`turnover`).
    pub turnover_cents: i64,
    /// Balance-sheet total, cents, with `has_figures` (`balance_sheet`).
    pub balance_sheet_cents: i64,
    /// A business angel's total investment in the enterprise, cents (`invested`; read for that
    /// kind only, and required: 0, as `KMO_SME_ENTITY_INIT` leaves it, is not given and refused
    /// with `MISSING_FIELD` here).
    pub invested_cents: i64,
    /// A local authority's annual budget, cents (`annual_budget`; read for that kind only, and
    /// required: 0, as `KMO_SME_ENTITY_INIT` leaves it, is not given and refused with
    /// `MISSING_FIELD` here).
    pub annual_budget_cents: i64,
    /// Its relevant market, or NULL (`market`).
    pub market: *const c_char,
    /// Natural persons acting jointly share a group name, or NULL (`acting_jointly`).
    pub acting_jointly: *const c_char,
    /// The entities its consolidated accounts include: `consolidates_count` strings, or NULL
    /// (`consolidates`).
    pub consolidates: *const *const c_char,
    /// How many `consolidates`.
    pub consolidates_count: usize,
    /// Markets directly up- or downstream of its own: `adjacent_market_count` strings, or
    /// NULL (`adjacent_markets`).
    pub adjacent_markets: *const *const c_char,
    /// How many `adjacent_markets`.
    pub adjacent_market_count: usize,
    /// A local authority's inhabitants (`inhabitants`; read for that kind only, and required:
    /// 0, as `KMO_SME_ENTITY_INIT` leaves it, is not given and refused with `MISSING_FIELD`
    /// here).
    pub inhabitants: u32,
    /// Unused, for alignment: 0 (`KMO_SME_ENTITY_INIT` sets it).
    pub reserved: u32,
    /// The staff as a list instead of `staff_awu_milli` (which must then be 0), with
    /// `has_figures`: `staff_count` structs made with `KMO_SME_STAFF_MEMBER_INIT`, or NULL
    /// (`staff`).
    pub staff: *const kmo_sme_staff_member,
    /// How many staff members.
    pub staff_count: usize,
}

impl Default for kmo_sme_entity {
    fn default() -> kmo_sme_entity {
        kmo_sme_entity {
            struct_size: 0,
            has_figures: 0,
            id: std::ptr::null(),
            kind: std::ptr::null(),
            staff_awu_milli: 0,
            turnover_cents: 0,
            balance_sheet_cents: 0,
            invested_cents: 0,
            annual_budget_cents: 0,
            market: std::ptr::null(),
            acting_jointly: std::ptr::null(),
            consolidates: std::ptr::null(),
            consolidates_count: 0,
            adjacent_markets: std::ptr::null(),
            adjacent_market_count: 0,
            inhabitants: 0,
            reserved: 0,
            staff: std::ptr::null(),
            staff_count: 0,
        }
    }
}

// SAFETY: #[repr(C)], integers and raw pointers only, no padding (8 + 2 words + 5 × 8 + 6
// words + 8), `struct_size` first.
unsafe impl crate::Versioned for kmo_sme_entity {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_sme_entity>()];
}
const _: () =
    assert!(std::mem::size_of::<kmo_sme_entity>() == 56 + 10 * std::mem::size_of::<usize>());

/// A required string: NULL is `KMO_STATUS_NULL_ARGUMENT` with the document's refusal of a
/// missing field at `path`.
fn required<'a>(text: Option<&'a str>, path: &str) -> Result<&'a str, Failure> {
    text.ok_or_else(|| {
        let key = path.rsplit('.').next().unwrap_or(path);
        Failure::input_with(
            kmo_status::KMO_STATUS_NULL_ARGUMENT,
            InputError::new(
                InputErrorCode::MissingField,
                path,
                "err_field_required",
                vec![key.to_string().into()],
            ),
        )
    })
}

/// A coded value given as its text code, read by the core's parser, at `path`.
fn text_code<T: Code>(text: &str, path: &str) -> Result<T, InputError> {
    text.parse::<T>().map_err(|e| e.at(path))
}

/// A list of `count` strings (NULL with a count of 0 is empty), at `path`.
///
/// # Safety
/// `list` must be NULL or point to `count` NUL-terminated strings readable during the call.
unsafe fn strings(
    list: *const *const c_char,
    count: usize,
    path: &str,
    count_field: &str,
) -> Result<Vec<String>, Failure> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if list.is_null() || count > isize::MAX as usize / std::mem::size_of::<usize>() {
        return Err(Failure::input_with(
            kmo_status::KMO_STATUS_NULL_ARGUMENT,
            InputError::new(
                InputErrorCode::InconsistentInput,
                path,
                "err_null_list",
                vec![
                    path.to_string().into(),
                    count_field.to_string().into(),
                    count.to_string().into(),
                ],
            ),
        ));
    }
    (0..count)
        .map(|i| {
            let at = format!("{path}[{i}]");
            // SAFETY: element i of the caller's list of `count` strings (this function's
            // contract).
            let item = unsafe { list.add(i).read() };
            required(try_c_str!(item, UnknownCode, &at), &at).map(str::to_string)
        })
        .collect()
}

/// A new, empty definition: the enterprise `"self"`, no period, no earlier class, the
/// engine's ownership-change policy. Free with `kmo_sme_definition_free`. Returns NULL only if
/// allocation fails.
#[no_mangle]
pub extern "C" fn kmo_sme_definition_new() -> *mut kmo_sme_definition {
    ffi_boundary!(or std::ptr::null_mut(), {
        Box::into_raw(Box::new(kmo_sme_definition {
            subject: Subject::new("self"),
            prior: None,
            policy: OwnershipChangePolicy::default(),
            periods: Vec::new(),
        }))
    })
}

/// Frees a definition. `NULL` does nothing.
///
/// # Safety
/// `definition` must be NULL or a definition from this library, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn kmo_sme_definition_free(definition: *mut kmo_sme_definition) {
    ffi_boundary!(or(), {
        if !definition.is_null() {
            // SAFETY: the pointer came from Box::into_raw and is freed once.
            drop(unsafe { Box::from_raw(definition) });
        }
    })
}

/// Sets the enterprise itself: its id, market, consolidated entities, earlier class and
/// ownership-change policy (the document's size object without its periods). A value the
/// document refuses is `KMO_STATUS_INVALID_INPUT` with its code at the same field
/// (`prior_class`, `ownership_change`, `consolidates[1]`; an empty `id` is `MISSING_FIELD` at
/// `id`); nothing is changed then.
///
/// # Safety
/// `definition` must be a live definition; `enterprise` a readable `kmo_sme_enterprise` of its
/// `struct_size`, its strings and lists readable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_sme_definition_set_enterprise(
    definition: *mut kmo_sme_definition,
    enterprise: *const kmo_sme_enterprise,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let definition = try_mut!(definition);
        let e = try_versioned!(enterprise);
        let prior = optional_coded::<SizeClass>(e.prior_class, "prior_class")?;
        let policy = match try_c_str!(e.ownership_change, UnknownCode, "ownership_change") {
            Some(text) => text_code::<OwnershipChangePolicy>(text, "ownership_change")?,
            None => OwnershipChangePolicy::default(),
        };
        let id = try_c_str!(e.id, UnknownCode, "id").unwrap_or("self");
        // An empty id is refused here, as the graph refuses it (`MISSING_FIELD` at `id`).
        Entity::check_id(id)?;
        let subject = Subject {
            id: id.to_string(),
            market: try_c_str!(e.market, UnknownCode, "market").map(str::to_string),
            // SAFETY: the enterprise's lists are readable (this function's contract).
            consolidates: unsafe {
                strings(e.consolidates, e.consolidates_count, "consolidates", "consolidates_count")
            }?,
            // SAFETY: as above.
            adjacent_markets: unsafe {
                strings(
                    e.adjacent_markets,
                    e.adjacent_market_count,
                    "adjacent_markets",
                    "adjacent_market_count",
                )
            }?,
        };
        definition.subject = subject;
        definition.prior = prior;
        definition.policy = policy;
        Ok(())
    })
}

/// Adds a closed period of the enterprise, after the ones added before (oldest first); the
/// entities, holdings and controls added next belong to it. A value the document refuses is
/// `KMO_STATUS_INVALID_INPUT` at the field (`periods[1].staff_awu_milli`,
/// `periods[0].closing_date`); nothing is added then.
///
/// # Safety
/// `definition` must be a live definition; `period` a readable `kmo_sme_period` of its
/// `struct_size`, its staff list readable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_sme_definition_add_period(
    definition: *mut kmo_sme_definition,
    period: *const kmo_sme_period,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let definition = try_mut!(definition);
        let p = try_versioned!(period);
        let at = format!("periods[{}]", definition.periods.len());
        let field = |name: &str| format!("{at}.{name}");
        let own = Figures {
            // SAFETY: the period's list is readable (this function's contract).
            staff: unsafe { staff_of(p.staff_awu_milli, p.staff, p.staff_count, &at) }?,
            turnover: money(p.turnover_cents, &field("turnover_cents"))?,
            balance_sheet: money(p.balance_sheet_cents, &field("balance_sheet_cents"))?,
        };
        let period = Period {
            closing_date: optional_date(p.closing_date, &field("closing_date"))?,
            estimate: yes_no(p.estimate, &field("estimate"))?.unwrap_or(false),
            ownership_changed: yes_no(p.ownership_changed, &field("ownership_changed"))?
                .unwrap_or(false),
            ..Period::new(own)
        };
        definition.periods.push(period);
        Ok(())
    })
}

/// Adds another entity to the last period's ownership graph (a partner or linked enterprise,
/// a natural person, a public body, an investor): which relation it has is the engine's to
/// find from the holdings and controls. A value the document refuses is
/// `KMO_STATUS_INVALID_INPUT` at the field (`periods[0].entities[1].turnover_cents`,
/// `periods[0].entities[0].kind`; an empty `id` is `MISSING_FIELD` at
/// `periods[0].entities[1].id`), and so is a kind's required detail left at 0
/// (`MISSING_FIELD` at `periods[0].entities[0].invested_cents`, `annual_budget_cents` or
/// `inhabitants`); no period yet is `KMO_STATUS_INVALID_INPUT` at `periods`; nothing is added
/// then.
///
/// # Safety
/// `definition` must be a live definition; `entity` a readable `kmo_sme_entity` of its
/// `struct_size`, its strings and lists readable; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_sme_definition_add_entity(
    definition: *mut kmo_sme_definition,
    entity: *const kmo_sme_entity,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let definition = try_mut!(definition);
        let e = try_versioned!(entity);
        let (i, period) = definition.last_period()?;
        let at = format!("periods[{i}].entities[{}]", period.ownership.entities.len());
        let field = |name: &str| format!("{at}.{name}");
        let kind_type = match try_c_str!(e.kind, UnknownCode, &field("kind")) {
            Some(text) => text_code::<EntityType>(text, &field("kind"))?,
            None => EntityType::Enterprise,
        };
        // A kind's detail left at 0 (what `KMO_SME_ENTITY_INIT` writes) is not given: the core
        // refuses it as the document refuses the field left out, `MISSING_FIELD` at it.
        let details = KindDetails {
            invested: (kind_type == EntityType::BusinessAngel && e.invested_cents != 0)
                .then(|| money(e.invested_cents, &field("invested_cents")))
                .transpose()?,
            annual_budget: (kind_type == EntityType::LocalAuthority && e.annual_budget_cents != 0)
                .then(|| money(e.annual_budget_cents, &field("annual_budget_cents")))
                .transpose()?,
            inhabitants: (kind_type == EntityType::LocalAuthority && e.inhabitants != 0)
                .then_some(e.inhabitants),
        };
        let kind = EntityKind::from_type(kind_type, details)
            .map_err(|err| {
                let path = format!("{at}.{}", err.path);
                convert::c_error(err.at(path))
            })?;
        let id = required(try_c_str!(e.id, UnknownCode, &field("id")), &field("id"))?;
        Entity::check_id(id).map_err(|err| err.at(field("id")))?;
        let figures = match yes_no(e.has_figures, &field("has_figures"))? {
            Some(true) => Some(ExactFigures::from(&Figures {
                // SAFETY: the entity's list is readable (this function's contract).
                staff: unsafe { staff_of(e.staff_awu_milli, e.staff, e.staff_count, &at) }?,
                turnover: money(e.turnover_cents, &field("turnover_cents"))?,
                balance_sheet: money(e.balance_sheet_cents, &field("balance_sheet_cents"))?,
            })),
            _ => None,
        };
        let entity = Entity {
            figures,
            // SAFETY: the entity's lists are readable (this function's contract).
            consolidates: unsafe {
                strings(
                    e.consolidates,
                    e.consolidates_count,
                    &field("consolidates"),
                    "consolidates_count",
                )
            }?,
            market: try_c_str!(e.market, UnknownCode, &field("market")).map(str::to_string),
            // SAFETY: as above.
            adjacent_markets: unsafe {
                strings(
                    e.adjacent_markets,
                    e.adjacent_market_count,
                    &field("adjacent_markets"),
                    "adjacent_market_count",
                )
            }?,
            acting_jointly: try_c_str!(e.acting_jointly, UnknownCode, &field("acting_jointly"))
                .map(str::to_string),
            ..Entity::new(id, kind)
        };
        period.ownership.entities.push(entity);
        Ok(())
    })
}

/// Adds a shareholding to the last period's graph: `holder` holds `capital_bp` of the capital
/// and `voting_bp` of the voting rights of `held` (basis points, 2500 = 25 %;
/// `KMO_SHARE_SAME_AS_CAPITAL` for the same share). A share over 100 % is
/// `KMO_STATUS_INVALID_INPUT` at `periods[0].holdings[1].capital_bp` (or `voting_bp`); NULL
/// ids are `KMO_STATUS_NULL_ARGUMENT` at `holder` or `held`; nothing is added then. The
/// graph's own checks (known ids, at most 100 % of one enterprise in all) run when the
/// definition is classified.
///
/// # Safety
/// `definition` must be a live definition; `holder` and `held` NULL or NUL-terminated strings;
/// `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_sme_definition_add_holding(
    definition: *mut kmo_sme_definition,
    holder: *const c_char,
    held: *const c_char,
    capital_bp: u32,
    voting_bp: u32,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let definition = try_mut!(definition);
        let (i, period) = definition.last_period()?;
        let at = format!("periods[{i}].holdings[{}]", period.ownership.holdings.len());
        let field = |name: &str| format!("{at}.{name}");
        let holder = required(try_c_str!(holder, UnknownCode, &field("holder")), &field("holder"))?;
        let held = required(try_c_str!(held, UnknownCode, &field("held")), &field("held"))?;
        let capital: Percent = basis_points(capital_bp, &field("capital_bp"))?;
        let votes = match voting_bp {
            KMO_SHARE_SAME_AS_CAPITAL => None,
            bp => Some(basis_points(bp, &field("voting_bp"))?),
        };
        let holding = Holding::from_shares(holder, held, Some(capital), votes)
            .map_err(|e| {
                let path = format!("{at}.{}", e.path);
                convert::c_error(e.at(path))
            })?;
        period.ownership.holdings.push(holding);
        Ok(())
    })
}

/// Adds a control right to the last period's graph: `holder` has `right` over `held`, the
/// right as the document's code (`"board_majority"`, `"voting_agreement"`, …: the `right` of a
/// control in the JSON document; `kmo_codes_json` does not list them). An unknown right is
/// `KMO_STATUS_INVALID_INPUT` at `periods[0].controls[0].right`, its message listing the
/// accepted codes; nothing is added then.
///
/// # Safety
/// `definition` must be a live definition; `holder`, `held` and `right` NULL or
/// NUL-terminated strings; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_sme_definition_add_control(
    definition: *mut kmo_sme_definition,
    holder: *const c_char,
    held: *const c_char,
    right: *const c_char,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let definition = try_mut!(definition);
        let (i, period) = definition.last_period()?;
        let at = format!("periods[{i}].controls[{}]", period.ownership.controls.len());
        let field = |name: &str| format!("{at}.{name}");
        let holder = required(try_c_str!(holder, UnknownCode, &field("holder")), &field("holder"))?;
        let held = required(try_c_str!(held, UnknownCode, &field("held")), &field("held"))?;
        let right = required(try_c_str!(right, UnknownCode, &field("right")), &field("right"))?;
        let control = Control {
            holder: holder.to_string(),
            held: held.to_string(),
            right: text_code::<ControlRight>(right, &field("right"))?,
        };
        period.ownership.controls.push(control);
        Ok(())
    })
}

/// The SME status of a full definition, as `kmo_classify_json` gives it for the same size
/// object (each period's own lists): the class after aggregation and the two-period rule,
/// SME or not, small mid-cap. What the document refuses — an unknown id, more than 100 % of
/// one enterprise, periods out of order, no period — is `KMO_STATUS_INVALID_INPUT` with the
/// same code at the same field (`periods[1].closing_date`,
/// `periods[0].holdings[0].held`). The definition is not changed, and can be classified
/// or quoted again.
///
/// # Safety
/// `definition` must be a live definition; `out` a `kmo_classification` whose `struct_size`
/// is set; `out_error` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn kmo_classify_definition(
    definition: *const kmo_sme_definition,
    out: *mut kmo_classification,
    out_error: *mut *mut kmo_error,
) -> kmo_status {
    ffi_boundary!(error out_error, {
        let definition = try_ref!(definition);
        let out = try_filled!(out);
        let input = SizeInput::Full(Box::new(definition.definition()?));
        out.write(c_classification(&classify(&input, Percent::ZERO)));
        Ok(())
    })
}

#[cfg(test)]
mod tests;
