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

/// Why a document cannot be said in C values, if it cannot: a share finer than a basis point,
/// a kind's detail of 0 (0 in C is a detail left out, refused as the document refuses it).
fn not_in_c(form: &Map<String, Value>) -> Option<&'static str> {
    for p in form["periods"].as_array().unwrap() {
        let p = p.as_object().unwrap();
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
            let zero = |v: &Value| {
                v.as_u64() == Some(0) || v.as_str().is_some_and(|t| t.parse::<f64>() == Ok(0.0))
            };
            if ["invested", "annual_budget", "inhabitants"]
                .iter()
                .any(|k| e.get(*k).is_some_and(zero))
            {
                return Some("a kind's detail of 0");
            }
        }
    }
    None
}

/// A refusal of the typed calls: status, code, path.
type Refusal = (kmo_status, String, String);

/// The refusal of the call just made, if it refused (its error freed).
fn checked(status: kmo_status, error: *mut kmo_error) -> Result<(), Refusal> {
    if status == kmo_status::KMO_STATUS_OK {
        return Ok(());
    }
    let text = |p: *const c_char| {
        // SAFETY: a string of the live error.
        unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string()
    };
    // SAFETY: the error of the call just made.
    let refusal = unsafe {
        (
            status,
            text(kmo_error_code(error)),
            text(kmo_error_path(error)),
        )
    };
    // SAFETY: freed once.
    unsafe { kmo_error_free(error) };
    Err(refusal)
}

/// The C strings of one build, alive until it ends.
#[derive(Default)]
struct Keep(
    Vec<CString>,
    Vec<Vec<*const c_char>>,
    Vec<Vec<kmo_sme_staff_member>>,
);

impl Keep {
    /// A staff list (`staff`) as C structs.
    fn staff(&mut self, v: Option<&Value>) -> (*const kmo_sme_staff_member, usize) {
        let count = |m: &Value, k: &str, none: u32| {
            m.get(k)
                .map_or(none, |n| u32::try_from(n.as_u64().unwrap()).unwrap())
        };
        let list: Vec<_> = v
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|m| kmo_sme_staff_member {
                struct_size: convert::size_of::<kmo_sme_staff_member>(),
                months: count(m, "months", 12),
                role: self.text(m.get("role")),
                fte_bp: m.get("fte").map_or(10_000, |f| {
                    let d: kmo_core::Decimal = f.as_str().unwrap().parse().unwrap();
                    let bp = (d * kmo_core::Decimal::from(10_000)).normalize();
                    u32::try_from(bp.mantissa()).unwrap()
                }),
                leave_months: count(m, "leave_months", 0),
            })
            .collect();
        self.2.push(list);
        let list = self.2.last().unwrap();
        (list.as_ptr(), list.len())
    }

    fn text(&mut self, v: Option<&Value>) -> *const c_char {
        v.and_then(Value::as_str)
            .map_or(std::ptr::null(), |s| c(&mut self.0, s))
    }

    fn list(&mut self, v: Option<&Value>) -> (*const *const c_char, usize) {
        let list: Vec<_> = v
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|s| c(&mut self.0, s.as_str().unwrap()))
            .collect();
        self.1.push(list);
        let list = self.1.last().unwrap();
        (list.as_ptr(), list.len())
    }
}

fn yes(v: Option<&Value>) -> u32 {
    match v.and_then(Value::as_bool) {
        Some(true) => 1,
        Some(false) => 2,
        None => 0,
    }
}

/// The typed calls for a periods form, and the first refusal.
fn build(form: &Map<String, Value>) -> (*mut kmo_sme_definition, Option<Refusal>) {
    let def = kmo_sme_definition_new();
    (def, fill(def, form).err())
}

fn fill(def: *mut kmo_sme_definition, form: &Map<String, Value>) -> Result<(), Refusal> {
    let mut keep = Keep::default();
    let mut error: *mut kmo_error = std::ptr::null_mut();
    let (consolidates, consolidates_count) = keep.list(form.get("consolidates"));
    let (adjacent_markets, adjacent_market_count) = keep.list(form.get("adjacent_markets"));
    let enterprise = kmo_sme_enterprise {
        struct_size: convert::size_of::<kmo_sme_enterprise>(),
        prior_class: form
            .get("prior_class")
            .and_then(Value::as_str)
            .map_or(0, |v| SizeClass::parse(v).map_or(u32::MAX, |c| c.number())),
        id: keep.text(form.get("id")),
        market: keep.text(form.get("market")),
        ownership_change: keep.text(form.get("ownership_change")),
        consolidates,
        consolidates_count,
        adjacent_markets,
        adjacent_market_count,
    };
    // SAFETY: a live definition, a struct of this version, live strings.
    let status = unsafe { kmo_sme_definition_set_enterprise(def, &enterprise, &mut error) };
    checked(status, error)?;
    for p in form["periods"].as_array().unwrap() {
        let (staff, staff_count) = keep.staff(p.get("staff"));
        let period = kmo_sme_period {
            struct_size: convert::size_of::<kmo_sme_period>(),
            closing_date: p.get("closing_date").map_or(0, date_number),
            staff_awu_milli: p.get("staff_awu").map_or(0, milli),
            staff,
            staff_count,
            turnover_cents: cents(&p["turnover"]),
            balance_sheet_cents: cents(&p["balance_sheet"]),
            estimate: yes(p.get("estimate")),
            ownership_changed: yes(p.get("ownership_changed")),
        };
        // SAFETY: as above.
        let status = unsafe { kmo_sme_definition_add_period(def, &period, &mut error) };
        checked(status, error)?;
        let items = |key: &str| p.get(key).and_then(Value::as_array).into_iter().flatten();
        for e in items("entities") {
            add_entity(def, e, &mut keep)?;
        }
        for h in items("holdings") {
            add_holding(def, h, &mut keep)?;
        }
        for k in items("controls") {
            let (holder, held) = (keep.text(k.get("holder")), keep.text(k.get("held")));
            let right = keep.text(k.get("right"));
            // SAFETY: as above.
            let status =
                unsafe { kmo_sme_definition_add_control(def, holder, held, right, &mut error) };
            checked(status, error)?;
        }
    }
    Ok(())
}

fn add_entity(def: *mut kmo_sme_definition, e: &Value, keep: &mut Keep) -> Result<(), Refusal> {
    let (consolidates, consolidates_count) = keep.list(e.get("consolidates"));
    let (adjacent_markets, adjacent_market_count) = keep.list(e.get("adjacent_markets"));
    let (staff, staff_count) = keep.staff(e.get("staff"));
    let entity = kmo_sme_entity {
        struct_size: convert::size_of::<kmo_sme_entity>(),
        has_figures: if e.get("turnover").is_some() { 1 } else { 0 },
        staff,
        staff_count,
        id: keep.text(e.get("id")),
        kind: keep.text(e.get("kind")),
        staff_awu_milli: e.get("staff_awu").map_or(0, milli),
        turnover_cents: e.get("turnover").map_or(0, cents),
        balance_sheet_cents: e.get("balance_sheet").map_or(0, cents),
        invested_cents: e.get("invested").map_or(0, cents),
        annual_budget_cents: e.get("annual_budget").map_or(0, cents),
        market: keep.text(e.get("market")),
        acting_jointly: keep.text(e.get("acting_jointly")),
        consolidates,
        consolidates_count,
        adjacent_markets,
        adjacent_market_count,
        inhabitants: e
            .get("inhabitants")
            .map_or(0, |v| u32::try_from(v.as_u64().unwrap()).unwrap()),
        reserved: 0,
    };
    let mut error: *mut kmo_error = std::ptr::null_mut();
    // SAFETY: a live definition, a struct of this version, live strings.
    let status = unsafe { kmo_sme_definition_add_entity(def, &entity, &mut error) };
    checked(status, error)
}

fn add_holding(def: *mut kmo_sme_definition, h: &Value, keep: &mut Keep) -> Result<(), Refusal> {
    // Basis points of the document's percentage: 101 % is 10100, refused by the library.
    let bp = |k: &str| {
        h.get(k).map(|v| {
            let d: kmo_core::Decimal = v.as_str().unwrap().parse().unwrap();
            u32::try_from((d * kmo_core::Decimal::from(100)).normalize().mantissa()).unwrap()
        })
    };
    let (capital, voting) = match (bp("capital_pct"), bp("voting_pct")) {
        (Some(c), v) => (c, v.unwrap_or(KMO_SHARE_SAME_AS_CAPITAL)),
        (None, Some(v)) => (v, KMO_SHARE_SAME_AS_CAPITAL),
        (None, None) => panic!("a holding without a share"),
    };
    let (holder, held) = (keep.text(h.get("holder")), keep.text(h.get("held")));
    let mut error: *mut kmo_error = std::ptr::null_mut();
    // SAFETY: a live definition, live strings.
    let status =
        unsafe { kmo_sme_definition_add_holding(def, holder, held, capital, voting, &mut error) };
    checked(status, error)
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
                            q.legal_form = LegalForm::parse(v.as_str().unwrap()).unwrap().number()
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
            checked(status, error).err()
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
    assert!(skipped.len() <= 1, "{skipped:#?}");
}

/// The codes of a list of findings, in order (the list freed).
fn finding_codes(findings: *mut crate::findings::kmo_findings) -> Vec<u32> {
    // SAFETY: the findings of a call, read then freed once.
    unsafe {
        let codes = (0..kmo_findings_count(findings))
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
    }
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
    if let (Some(e), Err((status, code, path))) = (answer.get("error"), checked(status, error)) {
        assert_eq!(status, kmo_status::KMO_STATUS_INVALID_INPUT, "{name}");
        assert_eq!(
            (code.as_str(), path),
            (
                e["code"].as_str().unwrap(),
                convert::c_path(e["path"].as_str().unwrap())
            ),
            "{name}"
        );
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
    assert_eq!(finding_codes(findings), codes, "{name}");
    1
}
