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
use kmo_core::sme::periods::OwnershipChangePolicy;
use kmo_core::sme::relations::graph::KindDetails;
use kmo_core::sme::relations::{Control, ControlRight, Entity, EntityKind, EntityType, Holding};
use kmo_core::sme::thresholds::ExactFigures;
use kmo_core::{classify, Figures, InputError, InputErrorCode, Percent, SizeClass, SizeInput};

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
    /// The ownership-change policy as its text code (`"immediate"`), NULL for the engine's
    /// default (`ownership_change`).
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
#[derive(Clone, Copy, Debug, Default)]
pub struct kmo_sme_period {
    /// `sizeof(kmo_sme_period)` of the caller's header (`KMO_SME_PERIOD_INIT`).
    pub struct_size: u32,
    /// The closing date, yyyymmdd, or 0 when unknown (`closing_date`).
    pub closing_date: i32,
    /// The enterprise's own staff in thousandths of an annual work unit (`staff_awu`).
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
}

// SAFETY: #[repr(C)], integers only, no padding (4 + 4 + 3 × 8 + 2 × 4), `struct_size` first.
unsafe impl crate::Versioned for kmo_sme_period {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_sme_period>()];
}
const _: () = assert!(std::mem::size_of::<kmo_sme_period>() == 40);

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
    /// kind only).
    pub invested_cents: i64,
    /// A local authority's annual budget, cents (`annual_budget`; read for that kind only).
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
    /// A local authority's inhabitants (`inhabitants`; read for that kind only).
    pub inhabitants: u32,
    /// Unused, for alignment: 0 (`KMO_SME_ENTITY_INIT` sets it).
    pub reserved: u32,
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
        }
    }
}

// SAFETY: #[repr(C)], integers and raw pointers only, no padding (8 + 2 words + 5 × 8 + 6
// words + 8), `struct_size` first.
unsafe impl crate::Versioned for kmo_sme_entity {
    const SIZES: &'static [usize] = &[std::mem::size_of::<kmo_sme_entity>()];
}
const _: () =
    assert!(std::mem::size_of::<kmo_sme_entity>() == 56 + 8 * std::mem::size_of::<usize>());

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
/// (`prior_class`, `ownership_change`, `consolidates[1]`); nothing is changed then.
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
        let subject = Subject {
            id: try_c_str!(e.id, UnknownCode, "id").unwrap_or("self").to_string(),
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
/// `struct_size`; `out_error` NULL or writable.
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
            staff: staff(p.staff_awu_milli, &field("staff_awu_milli"))?,
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
/// `periods[0].entities[0].kind`); no period yet is `KMO_STATUS_INVALID_INPUT` at `periods`;
/// nothing is added then.
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
        let details = KindDetails {
            invested: (kind_type == EntityType::BusinessAngel)
                .then(|| money(e.invested_cents, &field("invested_cents")))
                .transpose()?,
            annual_budget: (kind_type == EntityType::LocalAuthority)
                .then(|| money(e.annual_budget_cents, &field("annual_budget_cents")))
                .transpose()?,
            inhabitants: (kind_type == EntityType::LocalAuthority).then_some(e.inhabitants),
        };
        let kind = EntityKind::from_type(kind_type, details)
            .map_err(|err| {
                let path = format!("{at}.{}", err.path);
                convert::c_error(err.at(path))
            })?;
        let id = required(try_c_str!(e.id, UnknownCode, &field("id")), &field("id"))?;
        let figures = match yes_no(e.has_figures, &field("has_figures"))? {
            Some(true) => Some(ExactFigures::from(&Figures {
                staff: staff(e.staff_awu_milli, &field("staff_awu_milli"))?,
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
/// right as its text code (`"majority_of_votes"`, …: `kmo_codes_json` lists none of these,
/// the document's codes are the engine's). An unknown right is `KMO_STATUS_INVALID_INPUT` at
/// `periods[0].controls[0].right`; nothing is added then.
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
mod tests {
    //! Every golden vector whose request gives the full size form, built again through the
    //! typed calls: the same class as `kmo_classify_json`, the same answer as
    //! `kmo_assess_json`, the same refusal (code, and the path `convert::c_path` names in C).

    use super::*;
    use crate::errors::{kmo_error_code, kmo_error_free, kmo_error_path};
    use crate::findings::{kmo_findings_count, kmo_findings_free, kmo_findings_get};
    use crate::quote::{kmo_quote, kmo_quote_request, kmo_quote_result, KMO_VAT_RATE_DEFAULT};
    use kmo_core::json::{assess_json, classify_json};
    use kmo_core::units::yyyymmdd;
    use kmo_core::{parse_date, FindingCode, LegalForm, ServiceKind, Subtheme, Theme};
    use serde_json::{json, Map, Value};
    use std::ffi::{CStr, CString};

    /// A C string for a JSON string (kept alive by `keep`).
    fn c(keep: &mut Vec<CString>, text: &str) -> *const c_char {
        keep.push(CString::new(text).unwrap());
        keep.last().unwrap().as_ptr()
    }

    /// Cents of a decimal text, negative ones too (the refusal is the library's).
    fn cents(v: &Value) -> i64 {
        let d: kmo_core::Decimal = v.as_str().unwrap().parse().unwrap();
        let mut c = d * kmo_core::Decimal::from(100);
        c.rescale(0);
        i64::try_from(c.mantissa()).unwrap()
    }

    fn milli(v: &Value) -> i64 {
        let d: kmo_core::Decimal = v.as_str().unwrap().parse().unwrap();
        let mut m = d * kmo_core::Decimal::from(1000);
        m.rescale(0);
        i64::try_from(m.mantissa()).unwrap()
    }

    fn date_number(v: &Value) -> i32 {
        i32::try_from(yyyymmdd(parse_date(v.as_str().unwrap()).unwrap())).unwrap()
    }

    /// The full form in its periods form, each period with its own lists (the typed API's
    /// layout): what the C calls build, as a document.
    fn periods_form(size: &Map<String, Value>) -> Map<String, Value> {
        let mut out = Map::new();
        for key in [
            "id",
            "market",
            "adjacent_markets",
            "consolidates",
            "prior_class",
            "ownership_change",
        ] {
            if let Some(v) = size.get(key) {
                out.insert(key.to_string(), v.clone());
            }
        }
        let single = !size.contains_key("periods");
        let periods: Vec<Value> = if single {
            let mut p = Map::new();
            for key in [
                "closing_date",
                "staff_awu",
                "staff",
                "turnover",
                "balance_sheet",
                "estimate",
            ] {
                if let Some(v) = size.get(key) {
                    p.insert(key.to_string(), v.clone());
                }
            }
            vec![Value::Object(p)]
        } else {
            size["periods"].as_array().unwrap().clone()
        };
        let periods = periods
            .into_iter()
            .map(|p| {
                let mut p = p.as_object().unwrap().clone();
                for list in ["entities", "holdings", "controls"] {
                    if !p.contains_key(list) {
                        if let Some(v) = size.get(list) {
                            p.insert(list.to_string(), v.clone());
                        }
                    }
                }
                Value::Object(p)
            })
            .collect();
        out.insert("periods".to_string(), Value::Array(periods));
        out
    }

    /// Why a document cannot be said in C values, if it cannot: a staff list (C takes the
    /// annual work units), a share finer than a basis point, a kind's detail left out (C
    /// fields are always given).
    fn not_in_c(form: &Map<String, Value>) -> Option<&'static str> {
        for p in form["periods"].as_array().unwrap() {
            let p = p.as_object().unwrap();
            if p.contains_key("staff") || !p.contains_key("staff_awu") {
                return Some("a staff list");
            }
            for h in p
                .get("holdings")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                for k in ["capital_pct", "voting_pct"] {
                    if let Some(v) = h.get(k) {
                        let pct = Percent::parse(v.as_str().unwrap());
                        if pct.is_ok_and(|p| p.basis_points().is_none()) {
                            return Some("a share finer than a basis point");
                        }
                    }
                }
            }
            for e in p
                .get("entities")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let kind = e
                    .get("kind")
                    .and_then(Value::as_str)
                    .unwrap_or("enterprise");
                let needs: &[&str] = match kind {
                    "business_angel" => &["invested"],
                    "local_authority" => &["annual_budget", "inhabitants"],
                    _ => &[],
                };
                if needs.iter().any(|k| e.get(*k).is_none()) {
                    return Some("a kind's detail left out");
                }
                if e.get("staff").is_some() {
                    return Some("a staff list");
                }
            }
        }
        None
    }

    /// The typed calls for a periods form; the first refusal as (status, code, path).
    fn build(
        form: &Map<String, Value>,
    ) -> (
        *mut kmo_sme_definition,
        Option<(kmo_status, String, String)>,
    ) {
        let mut keep = Vec::new();
        let def = kmo_sme_definition_new();
        let mut error: *mut kmo_error = std::ptr::null_mut();
        let refused = |status: kmo_status, error: *mut kmo_error| {
            // SAFETY: the error of the call just made, freed once.
            unsafe {
                let code = CStr::from_ptr(kmo_error_code(error))
                    .to_str()
                    .unwrap()
                    .to_string();
                let path = CStr::from_ptr(kmo_error_path(error))
                    .to_str()
                    .unwrap()
                    .to_string();
                kmo_error_free(error);
                Some((status, code, path))
            }
        };
        macro_rules! call {
            ($e:expr) => {{
                let status = $e;
                if status != kmo_status::KMO_STATUS_OK {
                    return (def, refused(status, error));
                }
            }};
        }
        let strings = |keep: &mut Vec<CString>, v: Option<&Value>| -> Vec<*const c_char> {
            v.and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(|s| c(keep, s.as_str().unwrap()))
                .collect()
        };
        let text = |keep: &mut Vec<CString>, v: Option<&Value>| {
            v.and_then(Value::as_str)
                .map_or(std::ptr::null(), |s| c(keep, s))
        };
        let consolidates = strings(&mut keep, form.get("consolidates"));
        let adjacent = strings(&mut keep, form.get("adjacent_markets"));
        let enterprise = kmo_sme_enterprise {
            struct_size: convert::size_of::<kmo_sme_enterprise>(),
            prior_class: form
                .get("prior_class")
                .and_then(Value::as_str)
                .map_or(0, |v| SizeClass::parse(v).map_or(u32::MAX, |c| c.number())),
            id: text(&mut keep, form.get("id")),
            market: text(&mut keep, form.get("market")),
            ownership_change: text(&mut keep, form.get("ownership_change")),
            consolidates: consolidates.as_ptr(),
            consolidates_count: consolidates.len(),
            adjacent_markets: adjacent.as_ptr(),
            adjacent_market_count: adjacent.len(),
        };
        // SAFETY: a live definition, a struct of this version, live strings.
        call!(unsafe { kmo_sme_definition_set_enterprise(def, &enterprise, &mut error) });
        for p in form["periods"].as_array().unwrap() {
            let yes = |k: &str| match p.get(k).and_then(Value::as_bool) {
                Some(true) => 1,
                Some(false) => 2,
                None => 0,
            };
            let period = kmo_sme_period {
                struct_size: convert::size_of::<kmo_sme_period>(),
                closing_date: p.get("closing_date").map_or(0, date_number),
                staff_awu_milli: milli(&p["staff_awu"]),
                turnover_cents: cents(&p["turnover"]),
                balance_sheet_cents: cents(&p["balance_sheet"]),
                estimate: yes("estimate"),
                ownership_changed: yes("ownership_changed"),
            };
            // SAFETY: as above.
            call!(unsafe { kmo_sme_definition_add_period(def, &period, &mut error) });
            for e in p
                .get("entities")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let consolidates = strings(&mut keep, e.get("consolidates"));
                let adjacent = strings(&mut keep, e.get("adjacent_markets"));
                let figures = e.get("staff_awu").is_some();
                let entity = kmo_sme_entity {
                    struct_size: convert::size_of::<kmo_sme_entity>(),
                    has_figures: if figures { 1 } else { 0 },
                    id: text(&mut keep, e.get("id")),
                    kind: text(&mut keep, e.get("kind")),
                    staff_awu_milli: e.get("staff_awu").map_or(0, milli),
                    turnover_cents: e.get("turnover").map_or(0, cents),
                    balance_sheet_cents: e.get("balance_sheet").map_or(0, cents),
                    invested_cents: e.get("invested").map_or(0, cents),
                    annual_budget_cents: e.get("annual_budget").map_or(0, cents),
                    market: text(&mut keep, e.get("market")),
                    acting_jointly: text(&mut keep, e.get("acting_jointly")),
                    consolidates: consolidates.as_ptr(),
                    consolidates_count: consolidates.len(),
                    adjacent_markets: adjacent.as_ptr(),
                    adjacent_market_count: adjacent.len(),
                    inhabitants: e
                        .get("inhabitants")
                        .map_or(0, |v| u32::try_from(v.as_u64().unwrap()).unwrap()),
                    reserved: 0,
                };
                // SAFETY: as above.
                call!(unsafe { kmo_sme_definition_add_entity(def, &entity, &mut error) });
            }
            for h in p
                .get("holdings")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let bp = |k: &str| {
                    h.get(k).map(|v| {
                        let t = v.as_str().unwrap();
                        // 101 % is 10100 basis points: the refusal is the core's.
                        let d: kmo_core::Decimal = t.parse().unwrap();
                        u32::try_from((d * kmo_core::Decimal::from(100)).normalize().mantissa())
                            .unwrap()
                    })
                };
                let capital = bp("capital_pct");
                let voting = bp("voting_pct");
                let (capital, voting) = match (capital, voting) {
                    (Some(c), v) => (c, v.unwrap_or(KMO_SHARE_SAME_AS_CAPITAL)),
                    (None, Some(v)) => (v, KMO_SHARE_SAME_AS_CAPITAL),
                    (None, None) => panic!("a holding without a share"),
                };
                let (holder, held) = (
                    text(&mut keep, h.get("holder")),
                    text(&mut keep, h.get("held")),
                );
                // SAFETY: as above.
                call!(unsafe {
                    kmo_sme_definition_add_holding(def, holder, held, capital, voting, &mut error)
                });
            }
            for k in p
                .get("controls")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let (holder, held, right) = (
                    text(&mut keep, k.get("holder")),
                    text(&mut keep, k.get("held")),
                    text(&mut keep, k.get("right")),
                );
                // SAFETY: as above.
                call!(unsafe {
                    kmo_sme_definition_add_control(def, holder, held, right, &mut error)
                });
            }
        }
        (def, None)
    }

    fn vectors() -> Vec<Value> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/vectors/sme-definition.json"
        );
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        doc["vectors"].as_array().unwrap().clone()
    }

    fn full_form(size: &Value) -> bool {
        [
            "periods",
            "entities",
            "holdings",
            "controls",
            "prior_class",
            "ownership_change",
            "id",
            "consolidates",
            "market",
        ]
        .iter()
        .any(|k| size.get(*k).is_some())
    }

    /// The request's other fields in C values (every field the vectors use; any other fails
    /// the test rather than being left out).
    fn request(
        r: &Value,
        keep: &mut Vec<CString>,
        def: *const kmo_sme_definition,
    ) -> kmo_quote_request {
        let mut q = kmo_quote_request {
            struct_size: convert::size_of::<kmo_quote_request>(),
            vat_rate_bp: KMO_VAT_RATE_DEFAULT,
            size_definition: def,
            ..kmo_quote_request::default()
        };
        let yes = |v: &Value| match v.as_bool() {
            Some(true) => 1,
            Some(false) => 2,
            None => 0,
        };
        for (k, v) in r.as_object().unwrap() {
            match k.as_str() {
                "application_date" => q.application_date = date_number(v),
                "lang" => {}
                "enterprise" => {
                    for (k, v) in v.as_object().unwrap() {
                        match k.as_str() {
                            "legal_form" => {
                                q.legal_form =
                                    LegalForm::parse(v.as_str().unwrap()).unwrap().number()
                            }
                            "nace" => q.nace = c(keep, v.as_str().unwrap()),
                            "flemish_establishment" => q.flemish_establishment = yes(v),
                            "public_bodies_pct" => {
                                q.public_bodies_bp = Percent::parse(v.as_str().unwrap())
                                    .unwrap()
                                    .basis_points()
                                    .unwrap()
                            }
                            "maatwerkbedrijf" => q.maatwerkbedrijf = yes(v),
                            "related_to_provider" => q.related_to_provider = yes(v),
                            "year_size_class" => {
                                q.year_size_class =
                                    SizeClass::parse(v.as_str().unwrap()).unwrap().number()
                            }
                            "size" => {}
                            other => panic!("enterprise.{other} is not translated"),
                        }
                    }
                }
                "service" => {
                    for (k, v) in v.as_object().unwrap() {
                        match (k.as_str(), v) {
                            (_, Value::Null) => {}
                            ("kind", _) => {
                                q.service_kind =
                                    ServiceKind::parse(v.as_str().unwrap()).unwrap().number()
                            }
                            ("theme", _) => {
                                q.theme = Theme::parse(v.as_str().unwrap()).unwrap().number()
                            }
                            ("subtheme", _) => {
                                q.subtheme = Subtheme::parse(v.as_str().unwrap()).unwrap().number()
                            }
                            ("provider", _) => q.provider = c(keep, v.as_str().unwrap()),
                            ("start_date", _) => q.start_date = date_number(v),
                            ("cost", _) => q.cost_cents = cents(v),
                            ("vat_rate", _) => {
                                q.vat_rate_bp = Percent::parse(v.as_str().unwrap())
                                    .unwrap()
                                    .basis_points()
                                    .unwrap()
                            }
                            (other, _) => panic!("service.{other} is not translated"),
                        }
                    }
                }
                other => panic!("{other} is not translated"),
            }
        }
        q
    }

    #[test]
    fn every_full_size_vector_through_the_typed_calls() {
        let (mut classified, mut quoted, mut refused, mut skipped) = (0, 0, 0, Vec::new());
        for v in vectors() {
            let name = v["name"].as_str().unwrap();
            let size = &v["request"]["enterprise"]["size"];
            if !full_form(size) {
                continue;
            }
            let form = periods_form(size.as_object().unwrap());
            if let Some(why) = not_in_c(&form) {
                skipped.push(format!("{name}: {why}"));
                continue;
            }
            let form_text = Value::Object(form.clone()).to_string();
            let json_class: Value = serde_json::from_str(&classify_json(&form_text)).unwrap();
            let original: Value = serde_json::from_str(&classify_json(&size.to_string())).unwrap();
            let (def, refusal) = build(&form);
            let mut class = kmo_classification {
                struct_size: convert::size_of::<kmo_classification>(),
                size_class: 0,
                is_sme: false,
                small_mid_cap: false,
            };
            let mut error: *mut kmo_error = std::ptr::null_mut();
            let refusal = refusal.or_else(|| {
                // SAFETY: a live definition, a result of this version.
                let status = unsafe { kmo_classify_definition(def, &mut class, &mut error) };
                (status != kmo_status::KMO_STATUS_OK).then(|| {
                    // SAFETY: the error of the call just made, freed once.
                    unsafe {
                        let code = CStr::from_ptr(kmo_error_code(error))
                            .to_str()
                            .unwrap()
                            .to_string();
                        let path = CStr::from_ptr(kmo_error_path(error))
                            .to_str()
                            .unwrap()
                            .to_string();
                        kmo_error_free(error);
                        (status, code, path)
                    }
                })
            });
            match (&json_class.get("error"), refusal) {
                (Some(e), Some((status, code, path))) => {
                    // The periods form refuses as the vector's own layout does.
                    assert_eq!(original["error"]["code"], e["code"], "{name}");
                    assert_eq!(e["code"].as_str().unwrap(), code, "{name}");
                    assert_eq!(convert::c_path(e["path"].as_str().unwrap()), path, "{name}");
                    assert!(
                        status == kmo_status::KMO_STATUS_INVALID_INPUT
                            || status == kmo_status::KMO_STATUS_NULL_ARGUMENT,
                        "{name}"
                    );
                    refused += 1;
                }
                (None, None) => {
                    assert_eq!(
                        original, json_class,
                        "{name}: the periods form answers alike"
                    );
                    assert_eq!(
                        SizeClass::from_number(class.size_class).unwrap().as_str(),
                        json_class["size_class"].as_str().unwrap(),
                        "{name}"
                    );
                    assert_eq!(json!(class.is_sme), json_class["is_sme"], "{name}");
                    assert_eq!(
                        json!(class.small_mid_cap),
                        json_class["small_mid_cap"],
                        "{name}"
                    );
                    classified += 1;
                    quoted += quote_alike(name, &v["request"], def);
                }
                (json, c) => panic!("{name}: JSON {json:?}, C {c:?}"),
            }
            // SAFETY: made above, freed once.
            unsafe { kmo_sme_definition_free(def) };
        }
        eprintln!(
            "classified {classified}, quoted {quoted}, refused {refused}, not in C: {skipped:#?}"
        );
        assert!(
            classified >= 30 && refused >= 15 && quoted >= 30,
            "{classified} {refused} {quoted}"
        );
        assert!(skipped.len() <= 6, "{skipped:#?}");
    }

    /// `kmo_quote` with the definition answers as `kmo_assess_json` does the vector's request.
    fn quote_alike(name: &str, r: &Value, def: *const kmo_sme_definition) -> usize {
        let mut keep = Vec::new();
        let q = request(r, &mut keep, def);
        let answer: Value = serde_json::from_str(&assess_json(&r.to_string())).unwrap();
        let mut out = std::mem::MaybeUninit::<kmo_quote_result>::zeroed();
        // SAFETY: writing the size of the one version into zeroed memory.
        unsafe { (*out.as_mut_ptr()).struct_size = convert::size_of::<kmo_quote_result>() };
        let mut findings = std::ptr::null_mut();
        let mut error: *mut kmo_error = std::ptr::null_mut();
        // SAFETY: a request of this version with live strings and definition.
        let status = unsafe { kmo_quote(&q, out.as_mut_ptr(), &mut findings, &mut error) };
        if let Some(e) = answer.get("error") {
            assert_eq!(status, kmo_status::KMO_STATUS_INVALID_INPUT, "{name}");
            // SAFETY: the error of the call, freed once.
            unsafe {
                assert_eq!(
                    CStr::from_ptr(kmo_error_code(error)).to_str().unwrap(),
                    e["code"],
                    "{name}"
                );
                kmo_error_free(error);
            }
            return 0;
        }
        assert_eq!(status, kmo_status::KMO_STATUS_OK, "{name}: {answer}");
        // SAFETY: written on success.
        let out = unsafe { out.assume_init() };
        assert_eq!(json!(out.eligible), answer["eligible"], "{name}");
        assert_eq!(json!(out.is_sme), answer["is_sme"], "{name}");
        assert_eq!(
            SizeClass::from_number(out.size_class).unwrap().as_str(),
            answer["size_class"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(out.aid_cents, cents(&answer["aid"]), "{name}");
        assert_eq!(
            Some(out.rate_bp),
            Percent::parse(answer["rate"].as_str().unwrap())
                .unwrap()
                .basis_points(),
            "{name}"
        );
        assert_eq!(
            Some(out.public_share_bp),
            Percent::parse(answer["public_share"].as_str().unwrap())
                .unwrap()
                .basis_points(),
            "{name}"
        );
        let codes: Vec<u32> = answer["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                FindingCode::parse(f["code"].as_str().unwrap())
                    .unwrap()
                    .number()
            })
            .collect();
        // SAFETY: the findings of the call, read then freed once.
        let c_codes: Vec<u32> = unsafe {
            let n = kmo_findings_count(findings);
            let codes = (0..n)
                .map(|i| {
                    let mut f = crate::findings::kmo_finding {
                        struct_size: convert::size_of::<crate::findings::kmo_finding>(),
                        code: 0,
                        severity: 0,
                        reference: std::ptr::null(),
                    };
                    assert_eq!(
                        kmo_findings_get(findings, i, &mut f),
                        kmo_status::KMO_STATUS_OK
                    );
                    f.code
                })
                .collect();
            kmo_findings_free(findings);
            codes
        };
        assert_eq!(c_codes, codes, "{name}");
        1
    }
}
