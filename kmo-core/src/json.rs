//! The JSON document (CONTRACT.md §1): [`assess_json`] reads a request, runs [`assess`] and
//! writes the response — or the error document naming the offending field.
//!
//! Money and percentages travel as decimal strings (`"2000"`, `"2000.00"`, `"12.5"`); JSON
//! numbers are accepted too and read exactly from their text as written (JavaScript writes the
//! shortest text of a double: `0.1`, `2000.5`, `1e+30`), never through binary floating point.
//! Dates are `YYYY-MM-DD`. Unknown fields are ignored with a `warning` finding naming them.

use serde_json::{json, Value};
use std::borrow::Cow;
use strict::{Fields, Node};

use time::{Date, Month};

use crate::application::{Application, Enterprise, Options, Service, SizeInput};
use crate::assess::{assess, Assessment, ENGINE};
use crate::error::{InputError, InputErrorCode as E};
use crate::findings::TRACE_VERSION;
use crate::i18n::Lang;
use crate::identifiers::{EnterpriseNumber, NaceCode, ProviderNumber};
use crate::kmo::cost::{CostInput, CostLine, CostLineKind};
use crate::kmo::de_minimis::{DeMinimisAid, FiscalYearEnd};
use crate::kmo::deadlines::OwnShareDeadline;
use crate::kmo::legal_form::LegalForm;
use crate::kmo::service::{ExcludedTopic, ServiceKind, Subtheme, Theme};
use crate::sme::definition::{Period, SmeDefinition, Subject};
use crate::sme::headcount::{annual_work_units, StaffMember, StaffRole};
use crate::sme::periods::OwnershipChangePolicy;
use crate::sme::relations::{
    Control, ControlRight, Entity, EntityKind, GraphPaths, Holding, Ownership,
};
use crate::sme::thresholds::ExactFigures;
use crate::sme::{AnnualWorkUnits, Figures, SizeClass};
use crate::units::{clip, parse_date, parse_plain_decimal, Money, Percent};
use crate::wallet::{Movement, Settlement, Status, Wallet, WalletApplication};

/// Assesses the JSON request and returns the JSON response, or the error document
/// `{"error":{"code","path","message"}}` when the request is invalid. Never panics.
///
/// ```
/// let out = kmo_core::assess_json(r#"{
///   "application_date": "2026-03-10",
///   "enterprise": { "size": { "staff_awu": "12", "turnover": "1800000", "balance_sheet": "900000" } },
///   "service": { "kind": "training", "theme": "personeelsmanagement", "cost": "2000.00" },
///   "wallet": { "aid_used": "7200.00" }
/// }"#);
/// let v: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(v["aid"], "300.00");
/// assert_eq!(v["capped"], true);
///
/// let err = kmo_core::assess_json(r#"{"application_date":"2026-03-10","enterprise":{"size":{"class":"small"}},
///                                     "service":{"kind":"training","cost":"-5"}}"#);
/// let v: serde_json::Value = serde_json::from_str(&err).unwrap();
/// assert_eq!(v["error"]["path"], "service.cost");
/// assert_eq!(v["error"]["code"], "NEGATIVE_AMOUNT");
/// ```
pub fn assess_json(request: &str) -> String {
    match parse_request(request) {
        Ok(parsed) => {
            let assessment = parsed.assess();
            response_text(&assessment, &parsed)
        }
        Err(err) => error_value(&err).to_string(),
    }
}

/// The error document for an input error.
///
/// ```
/// use kmo_core::{json::error_value, InputError, InputErrorCode};
/// let v = error_value(&InputError::new(InputErrorCode::MissingField, "service.kind", "required".into()));
/// assert_eq!(v["error"]["code"], "MISSING_FIELD");
/// ```
pub fn error_value(err: &InputError) -> Value {
    json!({ "error": { "code": err.code.as_str(), "path": err.path, "message": err.message } })
}

/// A request read from JSON: the typed application, the language, and the fields that were
/// ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedRequest {
    /// The application.
    pub application: Application,
    /// The language of messages.
    pub lang: Lang,
    /// Paths of unknown fields that were ignored.
    pub ignored: Vec<String>,
    /// The wallet given with the request (`wallet.applications`), if any: the aid already
    /// counted in the application's year and the year's size class come from it.
    pub wallet: Option<Wallet>,
}

impl ParsedRequest {
    /// Assesses the request, against its wallet when it carries one.
    ///
    /// ```
    /// let p = kmo_core::json::parse_request(r#"{"application_date":"2026-06-01",
    ///   "enterprise":{"size":{"class":"small"}},
    ///   "service":{"kind":"training","theme":"innovatie","cost":"2000"},
    ///   "wallet":{"applications":[{"application_date":"2026-02-01","aid":"7000.00"}]}}"#).unwrap();
    /// assert_eq!(p.assess().aid.to_string(), "500.00");
    /// ```
    pub fn assess(&self) -> Assessment {
        match &self.wallet {
            Some(w) => w.assess(&self.application),
            None => assess(&self.application),
        }
    }
}

/// Reads a JSON request into the typed [`Application`].
///
/// ```
/// use kmo_core::json::parse_request;
/// let p = parse_request(r#"{"application_date":"2026-03-10","lang":"fr",
///   "enterprise":{"size":{"class":"small"},"nickname":"Acme"},
///   "service":{"kind":"advice","subtheme":"cybersecurity","cost":"500"}}"#).unwrap();
/// assert_eq!(p.lang, kmo_core::Lang::Fr);
/// assert_eq!(p.ignored, ["enterprise.nickname"]);
/// ```
#[inline(never)] // one call per request; kept as its own symbol in profiles
pub fn parse_request(request: &str) -> Result<ParsedRequest, InputError> {
    request_from(&strict::from_str(request, "the request")?)
}

/// Reads a JSON list of requests (intended applications, for a wallet's plan); an error's path
/// starts with the item's index (`[2].service.cost`).
///
/// ```
/// use kmo_core::json::parse_request_list;
/// let one = r#"{"application_date":"2026-03-10","enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","cost":"500"}}"#;
/// assert_eq!(parse_request_list(&format!("[{one},{one}]")).unwrap().len(), 2);
/// let e = parse_request_list(&format!("[{one},{{}}]")).unwrap_err();
/// assert_eq!(e.path, "[1].application_date");
/// ```
pub fn parse_request_list(text: &str) -> Result<Vec<ParsedRequest>, InputError> {
    let value = strict::from_str(text, "the requests")?;
    let Some(items) = value.as_array() else {
        return Err(InputError::new(
            E::MalformedJson,
            "",
            "expected a JSON list of requests".to_string(),
        ));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(request_from(item).map_err(|e| {
            let path = join_path(&format!("[{i}]"), &e.path);
            e.at(path)
        })?);
    }
    Ok(out)
}

/// The typed request from its JSON tree.
fn request_from(value: &Node<'_>) -> Result<ParsedRequest, InputError> {
    let mut ignored = Vec::new();
    let root = Obj::root(value)?;
    root.known(
        &[
            "application_date",
            "lang",
            "enterprise",
            "service",
            "wallet",
            "options",
        ],
        &mut ignored,
    );
    let application_date = root.req("application_date", date)?;
    let lang = root
        .opt("lang", |v, p| code(v, p, Lang::parse))?
        .unwrap_or_default();
    let enterprise = enterprise(&root.obj("enterprise")?, application_date, &mut ignored)?;
    let service = service(&root.obj("service")?, &mut ignored)?;
    let (aid_used, wallet) = match root.opt_obj("wallet")? {
        Some(w) => {
            w.known(&["aid_used", "applications"], &mut ignored);
            if w.has("aid_used") && w.has("applications") {
                return Err(InputError::new(
                    E::InconsistentInput,
                    w.child("applications"),
                    "give `aid_used` or the wallet's `applications`, not both".to_string(),
                ));
            }
            let wallet = if w.has("applications") {
                Some(wallet_from_value(w.map_value(), &w.path, &mut ignored)?)
            } else {
                None
            };
            (w.opt("aid_used", money)?.unwrap_or(Money::ZERO), wallet)
        }
        None => (Money::ZERO, None),
    };
    let options = match root.opt_obj("options")? {
        Some(o) => {
            o.known(
                &[
                    "own_share_deadline",
                    "approval_date",
                    "portal_registration_date",
                ],
                &mut ignored,
            );
            Options {
                own_share_deadline: o
                    .opt("own_share_deadline", |v, p| {
                        code(v, p, OwnShareDeadline::parse)
                    })?
                    .unwrap_or_default(),
                approval_date: o.opt("approval_date", date)?,
                portal_registration_date: o.opt("portal_registration_date", date)?,
            }
        }
        None => Options::default(),
    };
    Ok(ParsedRequest {
        application: Application {
            application_date,
            enterprise,
            service,
            aid_used,
            options,
        },
        lang,
        ignored,
        wallet,
    })
}

fn enterprise(
    o: &Obj<'_>,
    application_date: Date,
    ignored: &mut Vec<String>,
) -> Result<Enterprise, InputError> {
    o.known(
        &[
            "legal_form",
            "nace",
            "flemish_establishment",
            "public_bodies_pct",
            "maatwerkbedrijf",
            "related_to_provider",
            "enterprise_number",
            "active_in_kbo",
            "size",
            "year_size_class",
            "de_minimis",
            "fiscal_year_end",
        ],
        ignored,
    );
    let de_minimis = match o.opt("de_minimis", array)? {
        Some(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let path = format!("{}.de_minimis[{i}]", o.path);
                let aid = Obj::at(item, path.clone())?;
                aid.known(&["date", "amount"], ignored);
                let when = aid.req("date", date)?;
                if when > application_date {
                    return Err(InputError::new(
                        E::InconsistentInput,
                        format!("{path}.date"),
                        format!("earlier de minimis aid dated {when} is after the application date {application_date}"),
                    ));
                }
                Ok(DeMinimisAid { date: when, amount: aid.req("amount", money)? })
            })
            .collect::<Result<Vec<_>, _>>()?,
        None => Vec::new(),
    };
    Ok(Enterprise {
        legal_form: o.opt("legal_form", |v, p| code(v, p, LegalForm::parse))?,
        nace: o.opt("nace", |v, p| code(v, p, NaceCode::parse))?,
        flemish_establishment: o.opt("flemish_establishment", boolean)?,
        public_bodies_pct: o
            .opt("public_bodies_pct", percent)?
            .unwrap_or(Percent::ZERO),
        maatwerkbedrijf: o.opt("maatwerkbedrijf", boolean)?.unwrap_or(false),
        related_to_provider: o.opt("related_to_provider", boolean)?,
        enterprise_number: o.opt("enterprise_number", |v, p| {
            code(v, p, EnterpriseNumber::parse)
        })?,
        active_in_kbo: o.opt("active_in_kbo", boolean)?,
        size: size_input(&o.obj("size")?, ignored)?,
        year_size_class: o.opt("year_size_class", |v, p| code(v, p, SizeClass::parse))?,
        de_minimis,
        fiscal_year_end: o.opt("fiscal_year_end", fiscal_year_end)?,
    })
}

/// Keys of the full SME form (besides the figures of a single period).
const FULL_FORM: [&str; 9] = [
    "periods",
    "entities",
    "holdings",
    "controls",
    "prior_class",
    "ownership_change",
    "id",
    "consolidates",
    "market",
];
const FIGURES: [&str; 4] = ["staff_awu", "staff", "turnover", "balance_sheet"];

fn size_input(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<SizeInput, InputError> {
    if o.has("class") {
        if let Some(other) = FIGURES.iter().chain(&FULL_FORM).find(|k| o.has(k)) {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child(other),
                "give either a declared `class`, or the figures, not both".to_string(),
            ));
        }
        o.known(&["class"], ignored);
        return Ok(SizeInput::Declared(
            o.req("class", |v, p| code(v, p, SizeClass::parse))?,
        ));
    }
    if FULL_FORM.iter().any(|k| o.has(k)) {
        return full_form(o, ignored).map(|def| SizeInput::Full(Box::new(def)));
    }
    if !FIGURES.iter().any(|k| o.has(k)) {
        return Err(InputError::new(
            E::MissingField,
            o.child("class"),
            "give a declared `class` (micro|small|medium|large), the figures staff_awu, turnover, balance_sheet, or the full form with periods".to_string(),
        ));
    }
    o.known(&FIGURES, ignored);
    figures(o).map(SizeInput::Figures)
}

/// Staff (a ready AWU figure or a staff list), turnover and balance sheet of one period.
fn figures(o: &Obj<'_>) -> Result<Figures, InputError> {
    let staff = match (o.has("staff_awu"), o.has("staff")) {
        (true, true) => {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child("staff"),
                "give `staff_awu` or a `staff` list, not both".into(),
            ))
        }
        (false, true) => staff_list(o)?,
        _ => o.req("staff_awu", awu)?,
    };
    Ok(Figures {
        staff,
        turnover: o.req("turnover", money)?,
        balance_sheet: o.req("balance_sheet", money)?,
    })
}

fn staff_list(o: &Obj<'_>) -> Result<AnnualWorkUnits, InputError> {
    let items = o.req("staff", array)?;
    let members = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let m = Obj::at(item, format!("{}[{i}]", o.child("staff")))?;
            let member = StaffMember {
                role: m.req("role", |v, p| code(v, p, StaffRole::parse))?,
                fte: match m.opt("fte", |v, p| {
                    decimal_text(v, p, "a fraction such as \"0.5\"")
                })? {
                    Some(t) => parse_plain_decimal(&t).ok_or_else(|| {
                        InputError::new(
                            E::InvalidNumber,
                            m.child("fte"),
                            format!("`{}` is not a fraction 0–1", clip(&t)),
                        )
                    })?,
                    None => rust_decimal::Decimal::ONE,
                },
                months: month_count(&m, "months", 12)?,
                leave_months: month_count(&m, "leave_months", 0)?,
            };
            member.validate().map_err(|e| e.at(m.path.clone()))?;
            Ok(member)
        })
        .collect::<Result<Vec<_>, InputError>>()?;
    annual_work_units(&members).map_err(|e| e.at(o.child("staff")))
}

/// A number of months (0–12), or `default` when absent.
fn month_count(o: &Obj<'_>, key: &str, default: u8) -> Result<u8, InputError> {
    match o.opt(key, whole_number)? {
        None => Ok(default),
        Some(n) => u8::try_from(n).ok().filter(|m| *m <= 12).ok_or_else(|| {
            InputError::new(
                E::InvalidNumber,
                o.child(key),
                format!("{n} is not a number of months 0–12"),
            )
        }),
    }
}

fn full_form(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<SmeDefinition, InputError> {
    let mut keys: Vec<&str> = FULL_FORM.to_vec();
    keys.extend(["adjacent_markets", "estimate"]);
    let single = !o.has("periods");
    if single {
        keys.extend(FIGURES);
    }
    o.known(&keys, ignored);
    let subject = Subject {
        id: o
            .opt("id", |v, p| string(v, p).map(str::to_string))?
            .unwrap_or_else(|| "self".to_string()),
        market: o.opt("market", |v, p| string(v, p).map(str::to_string))?,
        adjacent_markets: o.opt("adjacent_markets", strings)?.unwrap_or_default(),
        consolidates: o.opt("consolidates", strings)?.unwrap_or_default(),
    };
    let shared = (
        o.opt("entities", array)?,
        o.opt("holdings", array)?,
        o.opt("controls", array)?,
    );
    let periods = if single {
        vec![period(o, o, &shared, ignored, true)?]
    } else {
        o.req("periods", array)?
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let p = Obj::at(item, format!("{}[{i}]", o.child("periods")))?;
                p.known(
                    &[
                        "closing_date",
                        "staff_awu",
                        "staff",
                        "turnover",
                        "balance_sheet",
                        "estimate",
                        "ownership_changed",
                        "entities",
                        "holdings",
                        "controls",
                    ],
                    ignored,
                );
                period(&p, o, &shared, ignored, false)
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let prior = o.opt("prior_class", |v, p| code(v, p, SizeClass::parse))?;
    let policy = o
        .opt("ownership_change", |v, p| {
            code(v, p, OwnershipChangePolicy::parse)
        })?
        .unwrap_or_default();
    SmeDefinition::new(subject, periods, prior, policy).map_err(|e| {
        let path = join_path(&o.path, &e.path);
        e.at(path)
    })
}

type Lists<'a> = (
    Option<&'a [Node<'a>]>,
    Option<&'a [Node<'a>]>,
    Option<&'a [Node<'a>]>,
);

/// One period: its own figures, and its graph (its own lists, or the shared ones).
fn period<'a>(
    p: &Obj<'a>,
    top: &Obj<'_>,
    shared: &Lists<'a>,
    ignored: &mut Vec<String>,
    single: bool,
) -> Result<Period, InputError> {
    // Graph paths are relative to the size object, so that errors of SmeDefinition can be
    // prefixed once; a period's own list sits under `periods[i]`.
    let prefix = p
        .path
        .strip_prefix(top.path.as_str())
        .unwrap_or("")
        .trim_start_matches('.');
    let own = |key: &str| !single && p.has(key);
    let relative = |key: &str| {
        if own(key) {
            format!("{prefix}.{key}")
        } else {
            key.to_string()
        }
    };
    let absolute = |rel: &str| join_path(&top.path, rel);
    let list = |key: &str, shared: Option<&'a [Node<'a>]>| -> Result<&'a [Node<'a>], InputError> {
        if own(key) {
            p.req(key, array)
        } else {
            Ok(shared.unwrap_or(&[]))
        }
    };
    let paths = GraphPaths {
        entities: relative("entities"),
        holdings: relative("holdings"),
        controls: relative("controls"),
    };
    let mut ownership = Ownership::default();
    for (i, v) in list("entities", shared.0)?.iter().enumerate() {
        ownership.entities.push(entity(
            v,
            absolute(&format!("{}[{i}]", paths.entities)),
            ignored,
        )?);
    }
    for (i, v) in list("holdings", shared.1)?.iter().enumerate() {
        ownership.holdings.push(holding(
            v,
            absolute(&format!("{}[{i}]", paths.holdings)),
            ignored,
        )?);
    }
    for (i, v) in list("controls", shared.2)?.iter().enumerate() {
        ownership.controls.push(control(
            v,
            absolute(&format!("{}[{i}]", paths.controls)),
            ignored,
        )?);
    }
    Ok(Period {
        closing_date: p.opt("closing_date", date)?,
        own: figures(p)?,
        estimate: p.opt("estimate", boolean)?.unwrap_or(false),
        ownership_changed: p.opt("ownership_changed", boolean)?.unwrap_or(false),
        ownership,
        paths,
    })
}

fn entity(v: &Node<'_>, path: String, ignored: &mut Vec<String>) -> Result<Entity, InputError> {
    let o = Obj::at(v, path)?;
    o.known(
        &[
            "id",
            "kind",
            "staff_awu",
            "staff",
            "turnover",
            "balance_sheet",
            "consolidates",
            "market",
            "adjacent_markets",
            "acting_jointly",
            "invested",
            "annual_budget",
            "inhabitants",
        ],
        ignored,
    );
    let kind_code = o
        .opt("kind", |v, p| string(v, p).map(str::to_string))?
        .unwrap_or_else(|| "enterprise".into());
    let kind = match kind_code.as_str() {
        "enterprise" => EntityKind::Enterprise,
        "natural_person" => EntityKind::NaturalPerson,
        "public_body" => EntityKind::PublicBody,
        "public_investment_corporation" => EntityKind::PublicInvestmentCorporation,
        "venture_capital" => EntityKind::VentureCapital,
        "business_angel" => EntityKind::BusinessAngel { invested: o.req("invested", money)? },
        "university" | "research_centre" => EntityKind::University,
        "institutional_investor" | "regional_development_fund" => EntityKind::InstitutionalInvestor,
        "local_authority" => EntityKind::LocalAuthority { annual_budget: o.req("annual_budget", money)?, inhabitants: o.req("inhabitants", whole_number)? },
        other => {
            return Err(InputError::new(
                E::UnknownCode,
                o.child("kind"),
                format!("unknown entity kind `{}`; accepted: enterprise, natural_person, public_body, public_investment_corporation, venture_capital, business_angel, university, research_centre, institutional_investor, regional_development_fund, local_authority", clip(other)),
            ))
        }
    };
    let has_figures = FIGURES.iter().any(|k| o.has(k));
    Ok(Entity {
        id: o.req("id", |v, p| string(v, p).map(str::to_string))?,
        figures: if has_figures {
            Some(ExactFigures::from(&figures(&o)?))
        } else {
            None
        },
        consolidates: o.opt("consolidates", strings)?.unwrap_or_default(),
        market: o.opt("market", |v, p| string(v, p).map(str::to_string))?,
        adjacent_markets: o.opt("adjacent_markets", strings)?.unwrap_or_default(),
        acting_jointly: o.opt("acting_jointly", |v, p| string(v, p).map(str::to_string))?,
        kind,
    })
}

fn holding(v: &Node<'_>, path: String, ignored: &mut Vec<String>) -> Result<Holding, InputError> {
    let o = Obj::at(v, path)?;
    o.known(&["holder", "held", "capital_pct", "voting_pct"], ignored);
    let capital = o.opt("capital_pct", percent)?;
    let votes = o.opt("voting_pct", percent)?;
    let (capital, votes) = match (capital, votes) {
        (Some(c), Some(v)) => (c, v),
        (Some(c), None) => (c, c),
        (None, Some(v)) => (v, v),
        (None, None) => {
            return Err(InputError::new(
                E::MissingField,
                o.child("capital_pct"),
                "a holding needs `capital_pct` or `voting_pct`".into(),
            ))
        }
    };
    Ok(Holding {
        holder: o.req("holder", |v, p| string(v, p).map(str::to_string))?,
        held: o.req("held", |v, p| string(v, p).map(str::to_string))?,
        capital: capital.as_decimal(),
        votes: votes.as_decimal(),
    })
}

fn control(v: &Node<'_>, path: String, ignored: &mut Vec<String>) -> Result<Control, InputError> {
    let o = Obj::at(v, path)?;
    o.known(&["holder", "held", "right"], ignored);
    Ok(Control {
        holder: o.req("holder", |v, p| string(v, p).map(str::to_string))?,
        held: o.req("held", |v, p| string(v, p).map(str::to_string))?,
        right: o.req("right", |v, p| code(v, p, ControlRight::parse))?,
    })
}

fn strings(v: &Node<'_>, path: &str) -> Result<Vec<String>, InputError> {
    array(v, path)?
        .iter()
        .enumerate()
        .map(|(i, item)| string(item, &format!("{path}[{i}]")).map(str::to_string))
        .collect()
}

fn service(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Service, InputError> {
    o.known(
        &[
            "kind",
            "theme",
            "subtheme",
            "excluded_topic",
            "provider",
            "start_date",
            "cost",
            "lines",
            "vat_rate",
        ],
        ignored,
    );
    let kind = o.req("kind", |v, p| code(v, p, ServiceKind::parse))?;
    let theme = o.opt("theme", |v, p| code(v, p, Theme::parse))?;
    let subtheme = o.opt("subtheme", |v, p| code(v, p, Subtheme::parse))?;
    if let (Some(t), Some(s)) = (theme, subtheme) {
        if s.theme() != t {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child("subtheme"),
                format!(
                    "the subtheme {s} belongs to the theme {}, not {t}",
                    s.theme()
                ),
            ));
        }
    }
    let cost = match (o.has("cost"), o.has("lines")) {
        (true, true) => {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child("lines"),
                "give either `cost` or `lines`, not both".to_string(),
            ))
        }
        (false, true) => CostInput::Lines(lines(o, kind, ignored)?),
        _ => CostInput::Amount(o.req("cost", money)?),
    };
    Ok(Service {
        kind,
        theme,
        subtheme,
        excluded_topic: o.opt("excluded_topic", |v, p| code(v, p, ExcludedTopic::parse))?,
        provider: o.opt("provider", |v, p| code(v, p, ProviderNumber::parse))?,
        start_date: o.opt("start_date", date)?,
        cost,
        vat_rate: o
            .opt("vat_rate", percent)?
            .unwrap_or(Percent::from_whole(21)),
    })
}

fn lines(
    o: &Obj<'_>,
    kind: ServiceKind,
    ignored: &mut Vec<String>,
) -> Result<Vec<CostLine>, InputError> {
    let items = o.req("lines", array)?;
    if items.is_empty() {
        return Err(InputError::new(
            E::MissingField,
            o.child("lines"),
            "at least one invoice line is needed".to_string(),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let line = Obj::at(item, format!("{}[{i}]", o.child("lines")))?;
            line.known(
                &[
                    "kind",
                    "amount",
                    "persons",
                    "days",
                    "separately_invoiced",
                    "exclusive_use",
                ],
                ignored,
            );
            let line_kind = line.req("kind", |v, p| code(v, p, CostLineKind::parse))?;
            let needs_count = line_kind == CostLineKind::Catering && kind == ServiceKind::Training;
            let count = |key: &str| -> Result<Option<u32>, InputError> {
                if needs_count {
                    line.req(key, whole_number).map(Some)
                } else {
                    line.opt(key, whole_number)
                }
            };
            Ok(CostLine {
                kind: line_kind,
                amount: line.req("amount", money)?,
                persons: count("persons")?,
                days: count("days")?,
                separately_invoiced: line.opt("separately_invoiced", boolean)?.unwrap_or(false),
                exclusive_use: line.opt("exclusive_use", boolean)?.unwrap_or(true),
            })
        })
        .collect()
}

// ---- the reader ---------------------------------------------------------------------------

/// A JSON object and its path in the request.
struct Obj<'a> {
    map: &'a Fields<'a>,
    path: String,
}

impl<'a> Obj<'a> {
    fn root(value: &'a Node<'a>) -> Result<Obj<'a>, InputError> {
        match value {
            Node::Object(map) => Ok(Obj {
                map,
                path: String::new(),
            }),
            _ => Err(InputError::new(
                E::MalformedJson,
                "",
                "the request must be a JSON object".to_string(),
            )),
        }
    }

    fn at(value: &'a Node<'a>, path: String) -> Result<Obj<'a>, InputError> {
        match value {
            Node::Object(map) => Ok(Obj { map, path }),
            other => Err(InputError::new(
                E::WrongType,
                path,
                format!("expected an object, found {}", type_name(other)),
            )),
        }
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            return key.to_string();
        }
        let mut path = String::with_capacity(self.path.len() + 1 + key.len());
        path.push_str(&self.path);
        path.push('.');
        path.push_str(key);
        path
    }

    /// The object itself.
    fn map_value(&self) -> &'a Fields<'a> {
        self.map
    }

    /// Present and not null.
    fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !v.is_null())
    }

    /// The field `key` read by `read`, or `None` when absent or null. `read` is given the
    /// path relative to the field (`""`; its items are `[i]`): the field's own path is joined
    /// only when there is an error to name it in.
    fn opt<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Node<'a>, &str) -> Result<T, InputError>,
    ) -> Result<Option<T>, InputError> {
        match self.map.get(key) {
            None | Some(Node::Null) => Ok(None),
            Some(v) => read(v, "").map(Some).map_err(|e| {
                let path = join_path(&self.child(key), &e.path);
                e.at(path)
            }),
        }
    }

    fn req<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Node<'a>, &str) -> Result<T, InputError>,
    ) -> Result<T, InputError> {
        self.opt(key, read)?.ok_or_else(|| {
            InputError::new(
                E::MissingField,
                self.child(key),
                format!("the field `{key}` is required"),
            )
        })
    }

    fn obj(&self, key: &str) -> Result<Obj<'a>, InputError> {
        self.opt_obj(key)?.ok_or_else(|| {
            InputError::new(
                E::MissingField,
                self.child(key),
                format!("the object `{key}` is required"),
            )
        })
    }

    fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>, InputError> {
        match self.map.get(key) {
            None | Some(Node::Null) => Ok(None),
            Some(v) => Obj::at(v, self.child(key)).map(Some),
        }
    }

    /// Records the fields that are not in `keys`, in the order of their names (through an
    /// ordered index, built only when there is an unknown field; the map type of the reader's
    /// duplicate check, so no new code).
    fn known(&self, keys: &[&str], ignored: &mut Vec<String>) {
        let mut unknown = std::collections::BTreeMap::<&str, usize>::new();
        for (i, key) in self.map.keys().filter(|k| !keys.contains(k)).enumerate() {
            unknown.insert(key, i);
        }
        ignored.extend(unknown.keys().map(|key| self.child(key)));
    }
}

/// A path relative to `prefix` made whole: `service` + `cost` → `service.cost`, `staff` +
/// `[2]` → `staff[2]`; an empty side leaves the other as it is.
fn join_path(prefix: &str, rel: &str) -> String {
    match (prefix.is_empty(), rel.is_empty()) {
        (true, _) => rel.to_string(),
        (_, true) => prefix.to_string(),
        _ if rel.starts_with('[') => format!("{prefix}{rel}"),
        _ => format!("{prefix}.{rel}"),
    }
}

fn type_name(v: &Node<'_>) -> &'static str {
    match v {
        Node::Null => "null",
        Node::Bool(_) => "a boolean",
        Node::Number(_) => "a number",
        Node::String(_) => "a string",
        Node::Array(_) => "a list",
        Node::Object(_) => "an object",
    }
}

fn wrong(v: &Node<'_>, path: &str, expected: &str) -> InputError {
    InputError::new(
        E::WrongType,
        path,
        format!("expected {expected}, found {}", type_name(v)),
    )
}

fn string<'v>(v: &'v Node<'_>, path: &str) -> Result<&'v str, InputError> {
    v.as_str().ok_or_else(|| wrong(v, path, "a string"))
}

fn array<'v>(v: &'v Node<'_>, path: &str) -> Result<&'v [Node<'v>], InputError> {
    v.as_array().ok_or_else(|| wrong(v, path, "a list"))
}

fn boolean(v: &Node<'_>, path: &str) -> Result<bool, InputError> {
    v.as_bool().ok_or_else(|| wrong(v, path, "true or false"))
}

fn code<T>(
    v: &Node<'_>,
    path: &str,
    parse: impl Fn(&str) -> Result<T, InputError>,
) -> Result<T, InputError> {
    parse(string(v, path)?).map_err(|e| e.at(path))
}

fn date(v: &Node<'_>, path: &str) -> Result<Date, InputError> {
    code(v, path, parse_date)
}

/// The decimal text of a string or a finite JSON number (shortest round-trip form).
fn decimal_text<'v>(
    v: &'v Node<'_>,
    path: &str,
    expected: &str,
) -> Result<Cow<'v, str>, InputError> {
    match v {
        Node::String(s) => Ok(Cow::Borrowed(s)),
        // A number as written: JavaScript writes the shortest text that reads back as the
        // same double ("0.1", "2000.5", "1e+30"); an exponent is expanded into plain digits.
        Node::Number(n) => Ok(Cow::Owned(plain_digits(n))),
        other => Err(wrong(other, path, expected)),
    }
}

/// `1.5e-7` → `0.00000015`, `1e30` → `1000000000000000000000000000000`; other text unchanged.
/// The digits are capped (a number of a thousand digits is out of every range anyway).
fn plain_digits(text: &str) -> String {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return text.to_string();
    };
    let Ok(exponent) = exponent.parse::<i32>() else {
        return text.to_string();
    };
    let exponent = exponent.clamp(-1000, 1000);
    let (sign, mantissa) = mantissa
        .strip_prefix('-')
        .map_or(("", mantissa), |m| ("-", m));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    let point = int.len() as i32 + exponent; // where the decimal point goes in `digits`
    if point <= 0 {
        format!(
            "{sign}0.{}{digits}",
            "0".repeat(point.unsigned_abs() as usize)
        )
    } else if point as usize >= digits.len() {
        format!(
            "{sign}{digits}{}",
            "0".repeat(point as usize - digits.len())
        )
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{sign}{a}.{b}")
    }
}

fn money(v: &Node<'_>, path: &str) -> Result<Money, InputError> {
    Money::parse(&decimal_text(
        v,
        path,
        "an amount as a string such as \"2000.00\"",
    )?)
    .map_err(|e| e.at(path))
}

fn percent(v: &Node<'_>, path: &str) -> Result<Percent, InputError> {
    Percent::parse(&decimal_text(
        v,
        path,
        "a percentage as a string such as \"21\"",
    )?)
    .map_err(|e| e.at(path))
}

fn awu(v: &Node<'_>, path: &str) -> Result<AnnualWorkUnits, InputError> {
    AnnualWorkUnits::parse(&decimal_text(
        v,
        path,
        "a number of annual work units such as \"12.5\"",
    )?)
    .map_err(|e| e.at(path))
}

fn whole_number(v: &Node<'_>, path: &str) -> Result<u32, InputError> {
    let text = decimal_text(v, path, "a whole number")?;
    parse_plain_decimal(&text)
        .filter(|d| d.fract().is_zero() && !d.is_sign_negative())
        .and_then(|d| u32::try_from(d).ok())
        .filter(|n| *n <= 1_000_000)
        .ok_or_else(|| {
            InputError::new(
                E::InvalidNumber,
                path,
                format!("`{}` is not a whole number 0–1 000 000", clip(&text)),
            )
        })
}

fn fiscal_year_end(v: &Node<'_>, path: &str) -> Result<FiscalYearEnd, InputError> {
    let text = string(v, path)?;
    let bad = || {
        InputError::new(
            E::InvalidDate,
            path,
            format!(
                "`{}` is not a fiscal year end MM-DD such as \"06-30\"",
                clip(text)
            ),
        )
    };
    let (m, d) = text.split_once('-').ok_or_else(bad)?;
    if m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let month = m
        .parse::<u8>()
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .ok_or_else(bad)?;
    let day = d.parse::<u8>().map_err(|_| bad())?;
    // 29 February cannot end every fiscal year; a common year decides.
    if day == 0 || day > month.length(2025) {
        return Err(bad());
    }
    Ok(FiscalYearEnd { month, day })
}

// ---- the response -------------------------------------------------------------------------

fn opt_date(d: Option<Date>) -> Value {
    d.map_or(Value::Null, |d| Value::String(crate::units::iso_date(d)))
}

/// The response document for an assessment, as a `Value` (for callers that edit or embed
/// it; [`assess_json`] writes the same document straight to text).
pub fn response_value(a: &Assessment, request: &ParsedRequest) -> Value {
    serde_json::from_str(&response_text(a, request)).unwrap_or(Value::Null)
}

/// The response document as text, written straight from the assessment (amounts and dates
/// through `Display`, no intermediate tree): the hot path of [`assess_json`] and the faces.
pub fn response_text(a: &Assessment, request: &ParsedRequest) -> String {
    let mut out = Vec::with_capacity(2048 + 256 * (a.trace.len() + a.findings.len()));
    response::write(a, request, &mut out);
    // Every byte came from a `&str`, cut only next to an ASCII byte, or is ASCII: valid
    // UTF-8, so the default (never taken) needs no replacement machinery.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the response document (UTF-8 text) to `out`: for batch runs that write responses
/// one after another into one buffer (no `String` per response).
///
/// ```
/// use kmo_core::json::{parse_request, response_into, response_text};
/// let request = parse_request(include_str!("../../examples/requests/sample.json")).unwrap();
/// let a = request.assess();
/// let mut out = b"[".to_vec();
/// response_into(&a, &request, &mut out);
/// assert_eq!(&out[1..], response_text(&a, &request).as_bytes());
/// ```
pub fn response_into(a: &Assessment, request: &ParsedRequest, out: &mut Vec<u8>) {
    response::write(a, request, out);
}

/// The periods of the full SME definition: aggregated figures, raw class, status, and each
/// entity's weight at the latest closing.
fn sme_value(def: &SmeDefinition) -> Value {
    let exact = |d: rust_decimal::Decimal| d.normalize().to_string();
    let periods: Vec<Value> = def
        .periods()
        .iter()
        .map(|p| {
            json!({
                "closing_date": opt_date(p.closing_date),
                "estimate": p.estimate,
                "staff_awu": exact(p.aggregation.figures.staff),
                "turnover": exact(p.aggregation.figures.turnover),
                "balance_sheet": exact(p.aggregation.figures.balance_sheet),
                "raw_class": p.raw.as_str(),
                "status_class": p.status.as_str(),
                "public_share": exact(p.aggregation.public_share),
                "contributions": p.aggregation.contributions.iter().map(|c| json!({
                    "id": c.id,
                    "relation": c.relation.as_str(),
                    "weight": exact(c.weight),
                    "ref": c.relation.reference(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "prior_class": def.prior().map(|c| c.as_str()),
        "ownership_change": def.policy().as_str(),
        "periods": periods,
    })
}

// ---- the wallet as a document --------------------------------------------------------------

/// The wallet as a JSON document: `{"applications": [...]}`. Every recorded fact is written;
/// settlements of stopped and lapsed applications are derived again when read, so a wallet
/// round-trips exactly.
///
/// ```
/// use kmo_core::json::{wallet_from_json, wallet_to_json};
/// use kmo_core::wallet::Wallet;
/// let w = wallet_from_json(r#"{"applications":[{"application_date":"2026-02-01","aid":"600.00","status":"stopped","ended_on":"2026-03-01"}]}"#).unwrap();
/// assert_eq!(w.aid_counted(2026).to_string(), "0.00"); // stopped in the same year: returned
/// assert_eq!(wallet_from_json(&wallet_to_json(&w).to_string()).unwrap(), w);
/// ```
pub fn wallet_to_json(wallet: &Wallet) -> Value {
    let movements = |ms: &[Movement]| -> Vec<Value> {
        ms.iter()
            .map(|m| json!({ "date": crate::units::iso_date(m.date), "amount": m.amount.to_string() }))
            .collect()
    };
    let apps: Vec<Value> = wallet
        .applications()
        .iter()
        .map(|a| {
            let (status, ended_on, settlement) = match a.status {
                Status::Active => ("active", None, None),
                Status::Stopped { on, settlement } => ("stopped", Some(on), Some(settlement)),
                Status::Lapsed { on, settlement } => ("lapsed", Some(on), Some(settlement)),
            };
            json!({
                "id": a.id,
                "application_date": crate::units::iso_date(a.application_date),
                "service": a.service.as_ref().map_or(Value::Null, service_value),
                "size_class": a.size_class.map(|c| c.as_str()),
                "rate": a.rate.map(|r| r.to_string()),
                "eligible_cost": a.eligible_cost.to_string(),
                "aid": a.aid.to_string(),
                "own_share": a.own_share.to_string(),
                "vat": a.vat.to_string(),
                "pay_own_share_by": opt_date(a.pay_own_share_by),
                "payments": movements(&a.payments),
                "releases": movements(&a.releases),
                "status": status,
                "ended_on": opt_date(ended_on),
                "settlement": settlement.map_or(Value::Null, settlement_value),
                "aid_counted": a.aid_counted().to_string(),
            })
        })
        .collect();
    json!({ "applications": apps, "years": years_value(&wallet.years()) })
}

/// The budgets of calendar years as JSON: `[{"year","size_class","ceiling","counted","left"}]`.
pub fn years_value(years: &[crate::wallet::YearBudget]) -> Value {
    Value::Array(
        years
            .iter()
            .map(|y| {
                json!({
                    "year": y.year,
                    "size_class": y.size_class.map(|c| c.as_str()),
                    "ceiling": y.ceiling.to_string(),
                    "counted": y.counted.to_string(),
                    "left": y.left.to_string(),
                })
            })
            .collect(),
    )
}

/// A settlement as JSON.
pub fn settlement_value(s: Settlement) -> Value {
    json!({
        "own_share_used": s.own_share_used.to_string(),
        "aid_used": s.aid_used.to_string(),
        "refund": s.refund.to_string(),
        "aid_returned": s.aid_returned.to_string(),
    })
}

/// Reads a wallet document (see [`wallet_to_json`]). Only `application_date` and `aid` are
/// required per application, so a history can be written by hand; derived fields (`years`,
/// `settlement`, `aid_counted`) are ignored and computed again.
pub fn wallet_from_json(text: &str) -> Result<Wallet, InputError> {
    let value = strict::from_str(text, "the wallet")?;
    let root = Obj::root(&value)?;
    let mut ignored = Vec::new();
    wallet_from_value(root.map, "", &mut ignored)
}

fn wallet_from_value(
    map: &Fields<'_>,
    path: &str,
    ignored: &mut Vec<String>,
) -> Result<Wallet, InputError> {
    let o = Obj {
        map,
        path: path.to_string(),
    };
    o.known(&["applications", "years"], ignored);
    let items = o.req("applications", array)?;
    let mut apps: Vec<WalletApplication> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let a = Obj::at(item, format!("{}[{i}]", o.child("applications")))?;
        a.known(
            &[
                "id",
                "application_date",
                "service",
                "size_class",
                "rate",
                "eligible_cost",
                "aid",
                "own_share",
                "vat",
                "pay_own_share_by",
                "payments",
                "releases",
                "status",
                "ended_on",
                "settlement",
                "aid_counted",
            ],
            ignored,
        );
        let id = match a.opt("id", whole_number)? {
            Some(id) => id,
            None => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        if apps.iter().any(|x| x.id == id) {
            return Err(InputError::new(
                E::InconsistentInput,
                a.child("id"),
                format!("the id {id} is used twice"),
            ));
        }
        let application_date = a.req("application_date", date)?;
        let aid = a.req("aid", money)?;
        let own_share = a.opt("own_share", money)?.unwrap_or(Money::ZERO);
        let eligible_cost = a
            .opt("eligible_cost", money)?
            .unwrap_or(aid.saturating_add(own_share));
        if aid.saturating_add(own_share) != eligible_cost {
            return Err(InputError::new(
                E::InconsistentInput,
                a.child("eligible_cost"),
                format!(
                    "aid {aid} + own share {own_share} is not the eligible cost {eligible_cost}"
                ),
            ));
        }
        let movements = |key: &str| -> Result<Vec<Movement>, InputError> {
            match a.opt(key, array)? {
                None => Ok(Vec::new()),
                Some(list) => list
                    .iter()
                    .enumerate()
                    .map(|(j, m)| {
                        let m = Obj::at(m, format!("{}[{j}]", a.child(key)))?;
                        let when = m.req("date", date)?;
                        if when < application_date {
                            return Err(InputError::new(
                                E::InconsistentInput,
                                m.child("date"),
                                format!("{when} is before the application date {application_date}"),
                            ));
                        }
                        Ok(Movement {
                            date: when,
                            amount: m.req("amount", money)?,
                        })
                    })
                    .collect(),
            }
        };
        let payments = movements("payments")?;
        let releases = movements("releases")?;
        let service = match a.opt_obj("service")? {
            Some(s) => Some(service(&s, ignored)?),
            None => None,
        };
        let mut app = WalletApplication {
            id,
            application_date,
            service,
            size_class: a.opt("size_class", |v, p| code(v, p, SizeClass::parse))?,
            rate: a.opt("rate", percent)?,
            eligible_cost,
            aid,
            own_share,
            vat: a.opt("vat", money)?.unwrap_or(Money::ZERO),
            pay_own_share_by: a.opt("pay_own_share_by", date)?,
            payments,
            releases,
            status: Status::Active,
        };
        if app.paid() > app.own_share {
            return Err(InputError::new(
                E::InconsistentInput,
                a.child("payments"),
                format!(
                    "payments of {} exceed the own share {}",
                    app.paid(),
                    app.own_share
                ),
            ));
        }
        if app.released() > app.eligible_cost {
            return Err(InputError::new(
                E::InconsistentInput,
                a.child("releases"),
                format!(
                    "releases of {} exceed the eligible cost {}",
                    app.released(),
                    app.eligible_cost
                ),
            ));
        }
        let status = a
            .opt("status", |v, p| string(v, p).map(str::to_string))?
            .unwrap_or_else(|| "active".into());
        let ended_on = a.opt("ended_on", date)?;
        app.status = match (status.as_str(), ended_on) {
            ("active", None) => Status::Active,
            ("active", Some(_)) => {
                return Err(InputError::new(
                    E::InconsistentInput,
                    a.child("ended_on"),
                    "an active application has no `ended_on`".into(),
                ))
            }
            ("stopped" | "lapsed", None) => {
                return Err(InputError::new(
                    E::MissingField,
                    a.child("ended_on"),
                    "a stopped or lapsed application needs `ended_on`".into(),
                ))
            }
            ("stopped" | "lapsed", Some(on)) if on < application_date => {
                return Err(InputError::new(
                    E::InconsistentInput,
                    a.child("ended_on"),
                    format!("{on} is before the application date {application_date}"),
                ))
            }
            ("stopped", Some(on)) => Status::Stopped {
                on,
                settlement: app.settle(on),
            },
            ("lapsed", Some(on)) => Status::Lapsed {
                on,
                settlement: app.settle(on),
            },
            (other, _) => {
                return Err(InputError::new(
                    E::UnknownCode,
                    a.child("status"),
                    format!(
                        "unknown status `{}`; accepted: active, stopped, lapsed",
                        clip(other)
                    ),
                ))
            }
        };
        apps.push(app);
    }
    Ok(Wallet::from_applications(apps))
}

/// A service in the request form, as [`parse_request`] reads it.
pub fn service_value(s: &Service) -> Value {
    let mut v = json!({
        "kind": s.kind.as_str(),
        "theme": s.theme.map(|t| t.as_str()),
        "subtheme": s.subtheme.map(|t| t.as_str()),
        "excluded_topic": s.excluded_topic.map(|t| t.as_str()),
        "provider": s.provider.map(|p| p.to_string()),
        "start_date": opt_date(s.start_date),
        "vat_rate": s.vat_rate.to_string(),
    });
    match &s.cost {
        CostInput::Amount(m) => v["cost"] = json!(m.to_string()),
        CostInput::Lines(lines) => {
            v["lines"] = Value::Array(
                lines
                    .iter()
                    .map(|l| {
                        json!({
                            "kind": l.kind.as_str(),
                            "amount": l.amount.to_string(),
                            "persons": l.persons,
                            "days": l.days,
                            "separately_invoiced": l.separately_invoiced,
                            "exclusive_use": l.exclusive_use,
                        })
                    })
                    .collect(),
            )
        }
    }
    v
}

/// Every rulebook edition as JSON: dates, rates, uplifts, minimums, themes, references.
///
/// ```
/// let v = kmo_core::json::rulebooks_value();
/// assert_eq!(v[0]["valid_from"], "2016-04-01");
/// assert_eq!(v[0]["rates"]["small"], "40");
/// ```
pub fn rulebooks_value() -> Value {
    Value::Array(
        crate::kmo::rulebook::RULEBOOKS
            .iter()
            .map(|b| {
                json!({
                    "id": b.id,
                    "valid_from": b.valid_from.to_string(),
                    "ref": b.reference,
                    "rates": { "small": b.rates.small.to_string(), "medium": b.rates.medium.to_string(), "ref": b.rates.reference },
                    "uplifts": b.uplifts.iter().map(|u| json!({
                        "subtheme": u.subtheme.as_str(),
                        "points": u.points,
                        "services": u.services.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                        "ref": u.reference,
                    })).collect::<Vec<_>>(),
                    "minimum_cost": { "training": b.minimums.training.to_string(), "advice": b.minimums.advice.to_string(), "ref": b.minimums.reference },
                    "themes_required": b.themes_required,
                    "excluded_topics": b.excluded_topics,
                    "maatwerkbedrijf": b.maatwerkbedrijf,
                    "advice_only_cybersecurity": b.advice_only_cybersecurity,
                    "uncertain": b.uncertain,
                })
            })
            .collect(),
    )
}

/// SME classification on its own: `size` is the `enterprise.size` object of a request
/// (declared class, one period's figures, or the full form). Returns
/// `{"size_class", "is_sme", "public_share", "sme"}` or the error document.
///
/// ```
/// let out = kmo_core::json::classify_json(r#"{"staff_awu":"49.99","turnover":"12000000","balance_sheet":"9000000"}"#);
/// assert!(out.contains(r#""size_class":"small""#));
/// let err = kmo_core::json::classify_json(r#"{"staff_awu":"-1","turnover":"1","balance_sheet":"1"}"#);
/// assert!(err.contains(r#""path":"staff_awu""#));
/// ```
pub fn classify_json(size: &str) -> String {
    let value = match strict::from_str(size, "the size") {
        Ok(v) => v,
        Err(e) => return error_value(&e).to_string(),
    };
    let result = Obj::root(&value).and_then(|o| {
        let mut ignored = Vec::new();
        size_input(&o, &mut ignored)
    });
    match result {
        Err(e) => error_value(&e).to_string(),
        Ok(input) => {
            let (class, public, sme) = match &input {
                SizeInput::Declared(c) => (*c, rust_decimal::Decimal::ZERO, Value::Null),
                SizeInput::Figures(f) => (
                    crate::sme::classify(f),
                    rust_decimal::Decimal::ZERO,
                    Value::Null,
                ),
                SizeInput::Full(def) => (def.class(), def.public_share(), sme_value(def)),
            };
            json!({
                "size_class": class.as_str(),
                "is_sme": class != SizeClass::Large && public < rust_decimal::Decimal::from(25),
                "public_share": public.normalize().to_string(),
                "sme": sme,
                "engine": ENGINE,
            })
            .to_string()
        }
    }
}

/// The position of the first byte a JSON string cannot hold as it is (`"`, `\`, below
/// 0x20), or the length. Byte by byte through a table: the strings of a request and the
/// arguments of a message are short, and a wider scan costs more than it saves on them
/// (measured: eight bytes at a time was slower on the batch's requests).
fn first_special(bytes: &[u8]) -> usize {
    /// The special bytes, by value.
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = true;
            b += 1;
        }
        table[b'"' as usize] = true;
        table[b'\\' as usize] = true;
        table
    };
    bytes
        .iter()
        .position(|&b| SPECIAL[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// JSON text to a [`Node`] tree, refusing an object with the same key twice (`serde_json` would
/// keep the last silently). The path of the duplicate is built only when there is one.
mod strict {
    use core::fmt;
    use std::borrow::Cow;

    use crate::error::{InputError, InputErrorCode as E};

    /// A JSON value of a request: strings borrowed from the text where they hold no escape,
    /// an object's fields in the order given (no map is built: objects are small).
    #[derive(Debug, PartialEq)]
    pub(crate) enum Node<'a> {
        Null,
        Bool(bool),
        /// A number as written (`2000.5`, `1e3`): JavaScript writes the shortest text of a
        /// double, and a decimal is read from the text without going through binary floating
        /// point.
        Number(Cow<'a, str>),
        String(Cow<'a, str>),
        Array(Vec<Node<'a>>),
        Object(Fields<'a>),
    }

    /// An object's fields, each key once.
    #[derive(Debug, Default, PartialEq)]
    pub(crate) struct Fields<'a>(pub(super) Vec<(Cow<'a, str>, Node<'a>)>);

    impl<'a> Fields<'a> {
        pub(crate) fn get(&self, key: &str) -> Option<&Node<'a>> {
            self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
        }

        pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
            self.0.iter().map(|(k, _)| k.as_ref())
        }
    }

    impl<'a> Node<'a> {
        pub(crate) fn as_str(&self) -> Option<&str> {
            match self {
                Node::String(s) => Some(s),
                _ => None,
            }
        }

        pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
            match self {
                Node::Array(items) => Some(items),
                _ => None,
            }
        }

        pub(crate) fn as_bool(&self) -> Option<bool> {
            match self {
                Node::Bool(b) => Some(*b),
                _ => None,
            }
        }

        pub(crate) fn is_null(&self) -> bool {
            matches!(self, Node::Null)
        }
    }

    /// Where a value sits, as a chain of borrowed segments (no allocation).
    #[derive(Clone, Copy)]
    enum Seg<'a> {
        Root,
        Key(&'a Seg<'a>, &'a str),
        Index(&'a Seg<'a>, usize),
    }

    impl fmt::Display for Seg<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self {
                Seg::Root => Ok(()),
                Seg::Key(Seg::Root, k) => f.write_str(k),
                Seg::Key(parent, k) => write!(f, "{parent}.{k}"),
                Seg::Index(parent, i) => write!(f, "{parent}[{i}]"),
            }
        }
    }

    /// How deep arrays and objects may nest: 127 levels, as serde_json.
    const MAX_DEPTH: usize = 127;

    /// Why the text is refused.
    enum Fail {
        /// Not JSON: what was wrong, and at which byte.
        Syntax(&'static str, usize),
        /// A key given twice in one object: its path.
        Twice(String),
    }

    /// A JSON reader over the request's text: one pass, strings without escapes borrowed,
    /// numbers kept as serde_json reads them.
    struct Reader<'a> {
        text: &'a str,
        at: usize,
        depth: usize,
    }

    impl<'a> Reader<'a> {
        fn fail<T>(&self, what: &'static str) -> Result<T, Fail> {
            Err(Fail::Syntax(what, self.at))
        }

        fn peek(&self) -> Option<u8> {
            self.text.as_bytes().get(self.at).copied()
        }

        /// The next byte after whitespace (not consumed).
        fn next_token(&mut self) -> Option<u8> {
            while let Some(b) = self.peek() {
                if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                    return Some(b);
                }
                self.at += 1;
            }
            None
        }

        fn literal(&mut self, word: &'static str, node: Node<'a>) -> Result<Node<'a>, Fail> {
            if self.text.as_bytes()[self.at..].starts_with(word.as_bytes()) {
                self.at += word.len();
                Ok(node)
            } else {
                self.fail("expected value")
            }
        }

        fn value(&mut self, seg: &Seg<'_>) -> Result<Node<'a>, Fail> {
            match self.next_token() {
                None => self.fail("EOF while parsing a value"),
                Some(b'"') => self.string().map(Node::String),
                Some(b'{') => self.nested(|r| r.object(seg)),
                Some(b'[') => self.nested(|r| r.array(seg)),
                Some(b't') => self.literal("true", Node::Bool(true)),
                Some(b'f') => self.literal("false", Node::Bool(false)),
                Some(b'n') => self.literal("null", Node::Null),
                Some(b'-' | b'0'..=b'9') => self.number(),
                Some(_) => self.fail("expected value"),
            }
        }

        fn nested(
            &mut self,
            read: impl FnOnce(&mut Self) -> Result<Node<'a>, Fail>,
        ) -> Result<Node<'a>, Fail> {
            if self.depth == MAX_DEPTH {
                return self.fail("recursion limit exceeded");
            }
            self.depth += 1;
            self.at += 1;
            let node = read(self);
            self.depth -= 1;
            node
        }

        /// A number, checked against JSON's grammar and kept as written.
        fn number(&mut self) -> Result<Node<'a>, Fail> {
            let bytes = self.text.as_bytes();
            let start = self.at;
            let digits = |at: usize| {
                bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count()
            };
            let mut at = start + usize::from(bytes[start] == b'-');
            match bytes.get(at) {
                Some(b'0') => at += 1,
                Some(b'1'..=b'9') => at += digits(at),
                _ => {
                    self.at = at;
                    return self.fail("invalid number");
                }
            }
            if bytes.get(at) == Some(&b'.') {
                let n = digits(at + 1);
                if n == 0 {
                    self.at = at + 1;
                    return self.fail("invalid number");
                }
                at += 1 + n;
            }
            if matches!(bytes.get(at), Some(b'e' | b'E')) {
                at += 1;
                if matches!(bytes.get(at), Some(b'+' | b'-')) {
                    at += 1;
                }
                let n = digits(at);
                if n == 0 {
                    self.at = at;
                    return self.fail("invalid number");
                }
                at += n;
            }
            self.at = at;
            Ok(Node::Number(Cow::Borrowed(&self.text[start..at])))
        }

        /// A string's content, after its opening quote.
        fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
            self.at += 1;
            let bytes = self.text.as_bytes();
            let start = self.at;
            // The common case: no escape, borrowed as it is.
            self.at += super::first_special(&bytes[start..]);
            match bytes.get(self.at) {
                None => return self.fail("EOF while parsing a string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Borrowed(&self.text[start..self.at - 1]));
                }
                Some(b'\\') => {}
                Some(_) => {
                    return self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string")
                }
            }
            let mut out = String::from(&self.text[start..self.at]);
            loop {
                match bytes.get(self.at) {
                    None => return self.fail("EOF while parsing a string"),
                    Some(b'"') => {
                        self.at += 1;
                        return Ok(Cow::Owned(out));
                    }
                    Some(b'\\') => {
                        self.at += 1;
                        let escaped = match bytes.get(self.at) {
                            None => return self.fail("EOF while parsing a string"),
                            Some(b'"') => '"',
                            Some(b'\\') => '\\',
                            Some(b'/') => '/',
                            Some(b'b') => '\u{8}',
                            Some(b'f') => '\u{c}',
                            Some(b'n') => '\n',
                            Some(b'r') => '\r',
                            Some(b't') => '\t',
                            Some(b'u') => self.unicode_escape()?,
                            Some(_) => return self.fail("invalid escape"),
                        };
                        self.at += 1;
                        out.push(escaped);
                    }
                    Some(0..=0x1F) => {
                        return self.fail(
                            "control character (\\u0000-\\u001F) found while parsing a string",
                        )
                    }
                    Some(_) => {
                        // Copy up to the next quote or backslash (whole UTF-8 sequences).
                        let run = super::first_special(&bytes[self.at..]);
                        out.push_str(&self.text[self.at..self.at + run]);
                        self.at += run;
                    }
                }
            }
        }

        /// Four hex digits after `\u` (the `u` at `self.at`); leaves `self.at` on the last.
        fn hex4(&mut self) -> Result<u16, Fail> {
            let mut n = 0_u16;
            for _ in 0..4 {
                self.at += 1;
                let digit = match self.peek() {
                    None => return self.fail("EOF while parsing a string"),
                    Some(b) => (b as char).to_digit(16),
                };
                match digit {
                    Some(d) => n = n * 16 + d as u16,
                    None => return self.fail("invalid escape"),
                }
            }
            Ok(n)
        }

        /// `\uXXXX`, a surrogate pair written as two of them; a lone surrogate is refused.
        fn unicode_escape(&mut self) -> Result<char, Fail> {
            let first = self.hex4()?;
            let code = match first {
                0xD800..=0xDBFF => {
                    let bytes = self.text.as_bytes();
                    if bytes.get(self.at + 1) != Some(&b'\\')
                        || bytes.get(self.at + 2) != Some(&b'u')
                    {
                        return self.fail("lone leading surrogate in hex escape");
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..=0xDFFF).contains(&second) {
                        return self.fail("lone leading surrogate in hex escape");
                    }
                    0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
                }
                0xDC00..=0xDFFF => return self.fail("lone trailing surrogate in hex escape"),
                other => u32::from(other),
            };
            match char::from_u32(code) {
                Some(c) => Ok(c),
                None => self.fail("invalid unicode code point"),
            }
        }

        fn array(&mut self, seg: &Seg<'_>) -> Result<Node<'a>, Fail> {
            let mut items = Vec::new();
            if self.next_token() == Some(b']') {
                self.at += 1;
                return Ok(Node::Array(items));
            }
            loop {
                items.push(self.value(&Seg::Index(seg, items.len()))?);
                match self.next_token() {
                    Some(b',') => self.at += 1,
                    Some(b']') => {
                        self.at += 1;
                        return Ok(Node::Array(items));
                    }
                    None => return self.fail("EOF while parsing a list"),
                    Some(_) => return self.fail("expected `,` or `]`"),
                }
            }
        }

        fn object(&mut self, seg: &Seg<'_>) -> Result<Node<'a>, Fail> {
            /// Up to this many fields, a key is checked against the others as it is read;
            /// a larger object is checked once read, through an index of its keys.
            const FEW: usize = 16;
            let twice = |key: &str| Fail::Twice(Seg::Key(seg, key).to_string());
            let mut fields: Vec<(Cow<'a, str>, Node<'a>)> = Vec::with_capacity(8);
            if self.next_token() == Some(b'}') {
                self.at += 1;
                return Ok(Node::Object(Fields(fields)));
            }
            loop {
                match self.next_token() {
                    Some(b'"') => {}
                    None => return self.fail("EOF while parsing an object"),
                    Some(_) => return self.fail("key must be a string"),
                }
                let key = self.string()?;
                match self.next_token() {
                    Some(b':') => self.at += 1,
                    None => return self.fail("EOF while parsing an object"),
                    Some(_) => return self.fail("expected `:`"),
                }
                let value = self.value(&Seg::Key(seg, &key))?;
                if fields.len() < FEW && fields.iter().any(|(k, _)| *k == key) {
                    return Err(twice(&key));
                }
                fields.push((key, value));
                match self.next_token() {
                    Some(b',') => self.at += 1,
                    Some(b'}') => {
                        self.at += 1;
                        break;
                    }
                    None => return self.fail("EOF while parsing an object"),
                    Some(_) => return self.fail("expected `,` or `}`"),
                }
            }
            if fields.len() > FEW {
                let mut index = std::collections::BTreeMap::<&str, usize>::new();
                for (i, (key, _)) in fields.iter().enumerate() {
                    if index.insert(key, i).is_some() {
                        return Err(twice(key));
                    }
                }
            }
            Ok(Node::Object(Fields(fields)))
        }
    }

    /// Parses `text` (one JSON value, nothing after it), refusing an object with the same key
    /// twice.
    pub(super) fn from_str<'a>(text: &'a str, what: &str) -> Result<Node<'a>, InputError> {
        let mut reader = Reader {
            text,
            at: 0,
            depth: 0,
        };
        let parsed = reader
            .value(&Seg::Root)
            .and_then(|node| match reader.next_token() {
                None => Ok(node),
                Some(_) => reader.fail("trailing characters"),
            });
        parsed.map_err(|fail| match fail {
            Fail::Twice(path) => InputError::new(
                E::DuplicateKey,
                path.as_str(),
                format!("`{path}` is given twice; give each field once"),
            ),
            Fail::Syntax(why, at) => {
                let before = &text.as_bytes()[..at.min(text.len())];
                let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
                let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
                InputError::new(
                    E::MalformedJson,
                    "",
                    format!("{what} is not valid JSON: {why} at line {line} column {column}"),
                )
            }
        })
    }

    /// The reader of earlier versions, through serde_json: the tests hold [`from_str`] to it.
    #[cfg(test)]
    pub(super) mod reference {
        use super::{Fields, Node, Seg};
        use crate::error::{InputError, InputErrorCode as E};
        use core::fmt;
        use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
        use serde_json::Number;
        use std::borrow::Cow;

        /// Marks the path of a duplicate key inside serde_json's error text.
        const MARK: char = '\u{1}';

        struct Strict<'a>(Seg<'a>);

        impl<'de> DeserializeSeed<'de> for Strict<'_> {
            type Value = Node<'de>;
            fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
                d.deserialize_any(self)
            }
        }

        /// A key, borrowed from the text when it holds no escape.
        struct Key;

        impl<'de> DeserializeSeed<'de> for Key {
            type Value = Cow<'de, str>;
            fn deserialize<D: de::Deserializer<'de>>(
                self,
                d: D,
            ) -> Result<Cow<'de, str>, D::Error> {
                d.deserialize_str(self)
            }
        }

        impl<'de> Visitor<'de> for Key {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<Er>(self, v: &'de str) -> Result<Cow<'de, str>, Er> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<Er>(self, v: &str) -> Result<Cow<'de, str>, Er> {
                Ok(Cow::Owned(v.to_string()))
            }
            fn visit_string<Er>(self, v: String) -> Result<Cow<'de, str>, Er> {
                Ok(Cow::Owned(v))
            }
        }

        impl<'de> Visitor<'de> for Strict<'_> {
            type Value = Node<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<Er>(self, v: bool) -> Result<Node<'de>, Er> {
                Ok(Node::Bool(v))
            }
            fn visit_i64<Er>(self, v: i64) -> Result<Node<'de>, Er> {
                Ok(Node::Number(Cow::Owned(v.to_string())))
            }
            fn visit_u64<Er>(self, v: u64) -> Result<Node<'de>, Er> {
                Ok(Node::Number(Cow::Owned(v.to_string())))
            }
            fn visit_f64<Er>(self, v: f64) -> Result<Node<'de>, Er> {
                Ok(Number::from_f64(v)
                    .map_or(Node::Null, |n| Node::Number(Cow::Owned(n.to_string()))))
            }
            fn visit_borrowed_str<Er>(self, v: &'de str) -> Result<Node<'de>, Er> {
                Ok(Node::String(Cow::Borrowed(v)))
            }
            fn visit_str<Er>(self, v: &str) -> Result<Node<'de>, Er> {
                Ok(Node::String(Cow::Owned(v.to_string())))
            }
            fn visit_string<Er>(self, v: String) -> Result<Node<'de>, Er> {
                Ok(Node::String(Cow::Owned(v)))
            }
            fn visit_unit<Er>(self) -> Result<Node<'de>, Er> {
                Ok(Node::Null)
            }
            fn visit_none<Er>(self) -> Result<Node<'de>, Er> {
                Ok(Node::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element_seed(Strict(Seg::Index(&self.0, out.len())))? {
                    out.push(v);
                }
                Ok(Node::Array(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
                /// Up to this many fields, a key is checked against the others as it is read;
                /// a larger object is checked once read, through an index of its keys.
                const FEW: usize = 16;
                let twice = |parent: &Seg<'_>, key: &str| {
                    let path = Seg::Key(parent, key);
                    de::Error::custom(format_args!("{MARK}{path}{MARK}"))
                };
                let mut out: Vec<(Cow<'de, str>, Node<'de>)> = Vec::new();
                while let Some(key) = map.next_key_seed(Key)? {
                    let value = map.next_value_seed(Strict(Seg::Key(&self.0, &key)))?;
                    if out.len() < FEW && out.iter().any(|(k, _)| *k == key) {
                        return Err(twice(&self.0, &key));
                    }
                    out.push((key, value));
                }
                if out.len() > FEW {
                    let mut index = std::collections::BTreeMap::<&str, usize>::new();
                    for (i, (key, _)) in out.iter().enumerate() {
                        if index.insert(key, i).is_some() {
                            return Err(twice(&self.0, key));
                        }
                    }
                }
                Ok(Node::Object(Fields(out)))
            }
        }

        /// Parses `text` (one JSON value, nothing after it) with serde_json: the reference the
        /// reader is held to in the tests.
        pub(super) fn from_str<'a>(text: &'a str, what: &str) -> Result<Node<'a>, InputError> {
            let mut de = serde_json::Deserializer::from_str(text);
            let parsed = Strict(Seg::Root)
                .deserialize(&mut de)
                .and_then(|v| de.end().map(|()| v));
            parsed.map_err(|e| {
                let message = e.to_string();
                let mut parts = message.split(MARK);
                match (parts.next(), parts.next()) {
                    (Some(""), Some(path)) => InputError::new(
                        E::DuplicateKey,
                        path,
                        format!("`{path}` is given twice; give each field once"),
                    ),
                    _ => InputError::new(
                        E::MalformedJson,
                        "",
                        format!("{what} is not valid JSON: {message}"),
                    ),
                }
            })
        }
    }

    #[cfg(test)]
    mod tests {
        use proptest::prelude::*;

        /// The same tree; numbers the same double (the reference holds serde_json's reading,
        /// which without its `float_roundtrip` feature may be a few units in the last place
        /// from the nearest, and the reader the text itself).
        fn same(a: &super::Node<'_>, b: &super::Node<'_>) -> bool {
            use super::Node;
            match (a, b) {
                (Node::Number(x), Node::Number(y)) => match (x.parse::<f64>(), y.parse::<f64>()) {
                    (Ok(x), Ok(y)) => x == y || x.to_bits().abs_diff(y.to_bits()) <= 4,
                    _ => false,
                },
                (Node::Array(x), Node::Array(y)) => {
                    x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
                }
                (Node::Object(x), Node::Object(y)) => {
                    x.0.len() == y.0.len()
                        && x.0
                            .iter()
                            .zip(&y.0)
                            .all(|((k, x), (l, y))| k == l && same(x, y))
                }
                _ => a == b,
            }
        }

        /// The same answer as the serde_json reader: the same tree, or an error of the same
        /// code (and path, for a repeated key). One difference: a number beyond a double's
        /// range is read (as its text, which the field's own check then refuses).
        fn agree(text: &str) -> Result<(), TestCaseError> {
            let ours = super::from_str(text, "x");
            let reference = super::reference::from_str(text, "x");
            match (&ours, &reference) {
                (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{:?}: {:?} vs {:?}", text, a, b),
                (Err(a), Err(b)) => {
                    prop_assert_eq!((a.code, &a.path), (b.code, &b.path), "{:?}", text)
                }
                (Ok(_), Err(b)) if b.message.contains("number out of range") => {}
                _ => prop_assert!(false, "{:?}: {:?} vs {:?}", text, ours, reference),
            }
            Ok(())
        }

        fn json_value() -> impl Strategy<Value = serde_json::Value> {
            use serde_json::Value;
            let leaf = prop_oneof![
                Just(Value::Null),
                any::<bool>().prop_map(Value::Bool),
                any::<i64>().prop_map(Value::from),
                any::<u64>().prop_map(Value::from),
                any::<f64>().prop_map(Value::from),
                "[a-z\"\\\\/\u{0}-\u{1f}é€😀]{0,8}".prop_map(Value::String),
            ];
            leaf.prop_recursive(4, 32, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                    prop::collection::vec(("[a-c]{1,2}", inner), 0..20)
                        .prop_map(|kv| Value::Object(kv.into_iter().collect())),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            /// Valid documents, compact or pretty, and the same cut or with a byte changed.
            #[test]
            fn reads_as_serde_json_does(
                value in json_value(),
                pretty in any::<bool>(),
                cut in any::<prop::sample::Index>(),
                at in any::<prop::sample::Index>(),
                byte in prop::sample::select(b"{}[]:,\"\\ 0-1e.+tfnu\x01x".to_vec()),
                how in 0..4_u8,
            ) {
                let text = if pretty {
                    serde_json::to_string_pretty(&value).unwrap()
                } else {
                    serde_json::to_string(&value).unwrap()
                };
                agree(&text)?;
                let mut bytes = text.clone().into_bytes();
                match how {
                    0 => bytes.truncate(cut.index(bytes.len() + 1)),
                    1 => bytes.insert(at.index(bytes.len() + 1), byte),
                    2 if !bytes.is_empty() => { bytes.remove(at.index(bytes.len())); }
                    _ if !bytes.is_empty() => { let i = at.index(bytes.len()); bytes[i] = byte; }
                    _ => {}
                }
                if let Ok(mutated) = String::from_utf8(bytes) {
                    agree(&mutated)?;
                }
            }

            /// Any short text of JSON's characters.
            #[test]
            fn any_text_as_serde_json(text in "[{}\\[\\]:,\" \\\\0-9a-z.+\\-é\u{1}]{0,24}") {
                agree(&text)?;
            }
        }

        /// A number is kept as written, and read as a decimal from that text.
        #[test]
        fn numbers_as_written() {
            for text in [
                "-1.9816394567246282e-63",
                "0.1",
                "2000.50",
                "1e+30",
                "-0",
                "1e400",
            ] {
                match super::from_str(text, "x") {
                    Ok(super::Node::Number(n)) => assert_eq!(n, text),
                    other => panic!("{text}: {other:?}"),
                }
            }
            let request = |cost: &str| {
                format!(
                    r#"{{"application_date":"2026-03-10","enterprise":{{"size":{{"class":"small"}}}},
                       "service":{{"kind":"training","theme":"innovatie","cost":{cost}}}}}"#
                )
            };
            let parsed = crate::json::parse_request(&request("2000.50")).unwrap();
            assert_eq!(
                parsed.application.service.cost,
                crate::kmo::cost::CostInput::Amount(crate::units::Money::from_cents(200_050))
            );
            let e = crate::json::parse_request(&request("1e400")).unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (super::E::AmountOutOfRange, "service.cost")
            );
        }

        #[test]
        fn edges_as_serde_json() {
            let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
            let objects = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
            for text in [
                "",
                " ",
                "{}",
                "[]",
                "null",
                "true",
                "false",
                "nul",
                "tru",
                "-",
                "-0",
                "0",
                "01",
                "1.",
                ".5",
                "1e",
                "1e+",
                "1E-2",
                "-0.0",
                "1e400",
                "-1e400",
                "18446744073709551615",
                "18446744073709551616",
                "-9223372036854775808",
                "-9223372036854775809",
                "0.1",
                "2000.50",
                "123456789012345678901234567890",
                "1.7976931348623157e309",
                "\"a\\u00e9\\u20AC\"",
                "\"\\ud83d\\ude00\"",
                "\"\\ud83d\"",
                "\"\\ude00\"",
                "\"\\ud83d\\u0041\"",
                "\"\\ud83dx\"",
                "\"\\u12\"",
                "\"\\uZZZZ\"",
                "\"\\x\"",
                "\"a\u{1}b\"",
                "\"\\\"",
                "\"\\/\\b\\f\\n\\r\\t\"",
                "\u{feff}{}",
                "{} x",
                "{}}",
                "{\"a\":1,}",
                "[1,]",
                "[1 2]",
                "{\"a\" 1}",
                "{1:2}",
                "{\"a\":1 \"b\":2}",
                "\t\n\r {\"a\" : [ 1 , 2 ] }\n",
                "{\"a\":1,\"a\":2}",
                "[{\"b\":1,\"b\":2}]",
            ] {
                agree(text).unwrap();
            }
            for n in [1, 127, 128, 129, 500] {
                agree(&deep(n)).unwrap();
                agree(&objects(n)).unwrap();
            }
        }

        #[test]
        fn duplicates_are_refused_with_their_path() {
            let e = super::from_str(
                r#"{"service":{"cost":"1","kind":"training","cost":"2"}}"#,
                "x",
            )
            .unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (super::E::DuplicateKey, "service.cost")
            );
            let e = super::from_str(r#"{"a":[{"b":1},{"b":1,"b":2}]}"#, "x").unwrap_err();
            assert_eq!(e.path, "a[1].b");
            assert!(super::from_str(r#"{"a":1,"b":{"a":1}}"#, "x").is_ok());
            // A key written with an escape is the same key.
            let e = super::from_str(r#"{"cost":1,"c\u006fst":2}"#, "x").unwrap_err();
            assert_eq!(e.path, "cost");
            // Past sixteen fields the check is by set; the first repeat is named either way.
            for n in [3, 16, 17, 40] {
                let fields: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
                let once = format!("{{{}}}", fields.join(","));
                assert!(super::from_str(&once, "x").is_ok(), "{n}");
                let twice = format!("{{{},\"k{}\":0,\"k0\":0}}", fields.join(","), n - 2);
                let e = super::from_str(&twice, "x").unwrap_err();
                assert_eq!(e.path, format!("k{}", n - 2), "{n}");
            }
            assert_eq!(
                super::from_str("{} x", "x").unwrap_err().code,
                super::E::MalformedJson
            );
            let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
            assert_eq!(
                super::from_str(&deep, "x").unwrap_err().code,
                super::E::MalformedJson
            );
        }
    }
}

#[cfg(test)]
mod join_tests {
    #[test]
    fn paths_join_under_any_prefix() {
        for (prefix, rel, whole) in [
            ("", "cost", "cost"),
            ("service", "", "service"),
            ("service", "cost", "service.cost"),
            ("staff", "[2]", "staff[2]"),
            ("[1]", "service.cost", "[1].service.cost"),
        ] {
            assert_eq!(super::join_path(prefix, rel), whole);
        }
        // The size on its own (root path ""): a graph error names the field from the root.
        let out = super::classify_json(
            r#"{"periods":[{"end":"2025-12-31","staff_awu":"10","turnover":"1000000",
                "balance_sheet":"500000"}],
                "holdings":[{"holder":"X","held":"self","capital_pct":"30","voting_pct":"30"}]}"#,
        );
        assert!(out.contains(r#""path":"holdings[0].holder""#), "{out}");
    }
}

#[cfg(test)]
mod unknown_field_tests {
    /// Unknown fields are reported once each, in the order of their names, however many.
    #[test]
    fn many_unknown_fields_in_name_order() {
        for n in [1, 3, 16, 17, 40, 3000] {
            // Written in an order that is not the names' order.
            let extra: Vec<String> = (0..n).rev().map(|i| format!(r#""x{i:05}":1"#)).collect();
            let text = format!(
                r#"{{"application_date":"2026-03-10","enterprise":{{"size":{{"class":"small"}},{}}},
                   "service":{{"kind":"training","theme":"innovatie","cost":"500"}}}}"#,
                extra.join(",")
            );
            let parsed = super::parse_request(&text).unwrap();
            let expected: Vec<String> = (0..n).map(|i| format!("enterprise.x{i:05}")).collect();
            assert_eq!(parsed.ignored, expected, "{n}");
        }
    }
}

#[cfg(test)]
mod path_tests {
    /// A field's path is joined only on error: the field itself, an item of a list read
    /// through it, and a field below an item keep their full paths.
    #[test]
    fn error_paths_are_whole() {
        let request = |size: &str, cost: &str| {
            format!(
                r#"{{"application_date":"2026-03-10","enterprise":{{"size":{size}}},
                   "service":{{"kind":"training","theme":"innovatie","cost":{cost}}}}}"#
            )
        };
        let small = r#"{"class":"small"}"#;
        let group = r#"{"periods":[{"end":"2025-12-31","staff_awu":"10","turnover":"1000000",
            "balance_sheet":"500000"}],"entities":[{"id":"a","consolidates":["x",5]}]}"#;
        for (text, path) in [
            (request(small, "\"-1\""), "service.cost"),
            (request(small, "true"), "service.cost"),
            (
                request(r#"{"class":"tiny"}"#, "\"1\""),
                "enterprise.size.class",
            ),
            (
                request(group, "\"1\""),
                "enterprise.size.entities[0].consolidates[1]",
            ),
        ] {
            let e = super::parse_request(&text).unwrap_err();
            assert_eq!(e.path, path, "{text}");
        }
    }
}

#[cfg(test)]
mod special_tests {
    proptest::proptest! {
        /// The table holds exactly the bytes a JSON string must escape.
        #[test]
        fn first_special_is_the_first(text in "[ -~\"\\\\\\x00-\\x1fé😀]{0,40}") {
            let naive = text.bytes().position(|b| b == b'"' || b == b'\\' || b < 0x20);
            proptest::prop_assert_eq!(super::first_special(text.as_bytes()), naive.unwrap_or(text.len()));
        }
    }
}

#[cfg(test)]
mod number_tests {
    use super::plain_digits;

    #[test]
    fn exponents_become_plain_digits() {
        assert_eq!(plain_digits("1e30"), format!("1{}", "0".repeat(30)));
        assert_eq!(plain_digits("1.5e-7"), "0.00000015");
        assert_eq!(plain_digits("-2.5e2"), "-250");
        assert_eq!(plain_digits("1.25e1"), "12.5");
        assert_eq!(plain_digits("2000.5"), "2000.5");
        assert_eq!(plain_digits("5e-324"), format!("0.{}5", "0".repeat(323)));
    }
}

/// The response document (CONTRACT.md §1), written field by field in key order straight into
/// one `String`: keys are literals, amounts and dates are written from their integers, messages
/// are rendered into the output and escaped in runs (what `serde_json` writes for the same
/// document, byte for byte; the tests compare both).
mod response {
    use core::fmt::{self, Display, Write as _};

    use super::{sme_value, ParsedRequest, ENGINE, TRACE_VERSION};
    use crate::application::SizeInput;
    use crate::assess::Assessment;
    use crate::findings::{Arg, FindingCode, Severity};
    use crate::i18n::{Piece, Rendered};
    use crate::sme::periods::OwnershipChangePolicy;
    use crate::units::{push_decimal, push_int, IsoDate, Money, Percent};
    use time::Date;

    /// Appends `text` as JSON string content: `"` and `\` escaped, control characters as
    /// `\b \t \n \f \r` or `\u00XX`; everything else as it is (UTF-8).
    fn escape_into(out: &mut Vec<u8>, text: &str) {
        let bytes = text.as_bytes();
        // `bytes[start..]` is not yet copied.
        let mut start = 0;
        loop {
            let at = start + super::first_special(&bytes[start..]);
            out.extend_from_slice(&bytes[start..at]);
            let Some(&b) = bytes.get(at) else {
                return;
            };
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x09 => out.extend_from_slice(b"\\t"),
                0x0A => out.extend_from_slice(b"\\n"),
                0x0C => out.extend_from_slice(b"\\f"),
                0x0D => out.extend_from_slice(b"\\r"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 0xF)]);
                }
            }
            start = at + 1;
        }
    }

    /// A `fmt::Write` that escapes what it is given.
    struct Escaped<'a>(&'a mut Vec<u8>);

    impl fmt::Write for Escaped<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            escape_into(self.0, s);
            Ok(())
        }
    }

    /// The response being written: bytes of UTF-8 text (every piece comes from a `&str`).
    struct Out<'a>(&'a mut Vec<u8>);

    /// An argument of a message as JSON string content: text escaped, figures and dates
    /// (digits, `.`, `-`) written as they are; what `Display` writes.
    fn arg_content(out: &mut Vec<u8>, arg: &Arg) {
        match arg {
            Arg::Text(t) => escape_into(out, t),
            Arg::Word(w) => escape_into(out, w),
            Arg::Money(m) => m.push_to(out),
            Arg::Percent(p) => p.push_to(out),
            Arg::Date(d) => IsoDate(*d).push_to(out),
            Arg::Int(n) => push_int(out, *n),
            Arg::Decimal(d) => push_decimal(out, *d),
            Arg::Nace(n) => n.push_to(out),
        }
    }

    impl Out<'_> {
        /// A message or explanation as a JSON string: the template's text and words as they
        /// are (they hold nothing to escape — tested in `i18n`), the arguments escaped.
        fn rendered(&mut self, text: Rendered<'_>) {
            let out = &mut *self.0;
            out.push(b'"');
            text.pieces(|piece| match piece {
                Piece::Fixed(t) => out.extend_from_slice(t.as_bytes()),
                Piece::Arg(arg) => arg_content(out, arg),
            });
            out.push(b'"');
        }

        /// An argument as a JSON string.
        fn arg(&mut self, arg: &Arg) {
            self.0.push(b'"');
            arg_content(self.0, arg);
            self.0.push(b'"');
        }

        /// `"text"`, escaped.
        fn str(&mut self, text: &str) {
            self.0.push(b'"');
            escape_into(self.0, text);
            self.0.push(b'"');
        }

        /// A name of the engine's own (a code, a reference, a step): written as it is.
        fn name(&mut self, text: &'static str) {
            debug_assert!(
                !text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'),
                "{text:?} needs escaping"
            );
            self.0.push(b'"');
            self.0.extend_from_slice(text.as_bytes());
            self.0.push(b'"');
        }

        /// A value's `Display`, as an escaped JSON string.
        fn show(&mut self, value: impl Display) {
            self.0.push(b'"');
            // Writing into a String cannot fail.
            let _ = write!(Escaped(self.0), "{value}");
            self.0.push(b'"');
        }

        /// A percentage: digits and `.` only, nothing to escape.
        fn percent(&mut self, p: Percent) {
            self.0.push(b'"');
            p.push_to(self.0);
            self.0.push(b'"');
        }

        fn money(&mut self, m: Money) {
            self.0.push(b'"');
            m.push_to(self.0);
            self.0.push(b'"');
        }

        fn iso(&mut self, d: Date) {
            self.0.push(b'"');
            IsoDate(d).push_to(self.0);
            self.0.push(b'"');
        }

        fn date(&mut self, d: Option<Date>) {
            match d {
                Some(d) => self.iso(d),
                None => self.raw("null"),
            }
        }

        fn opt_str(&mut self, text: Option<&str>) {
            match text {
                Some(t) => self.str(t),
                None => self.raw("null"),
            }
        }

        fn bool(&mut self, b: bool) {
            self.raw(if b { "true" } else { "false" });
        }

        fn int(&mut self, n: impl Into<i64>) {
            push_int(self.0, n.into());
        }

        fn raw(&mut self, text: &str) {
            self.0.extend_from_slice(text.as_bytes());
        }
    }

    pub(super) fn write(a: &Assessment, request: &ParsedRequest, out: &mut Vec<u8>) {
        let lang = request.lang;
        let mut o = Out(out);
        o.raw("{\"aid\":");
        o.money(a.aid);
        o.raw(",\"aid_before_ceiling\":");
        o.money(a.aid_before_ceiling);
        o.raw(",\"capped\":");
        o.bool(a.capped);
        o.raw(",\"ceiling\":");
        o.money(a.ceiling);
        o.raw(",\"ceiling_left\":");
        o.money(a.ceiling_left);
        o.raw(",\"cost_lines\":[");
        for (i, l) in a.cost.lines.iter().enumerate() {
            o.raw(if i == 0 {
                "{\"amount\":"
            } else {
                ",{\"amount\":"
            });
            o.money(l.amount);
            o.raw(",\"eligible\":");
            o.money(l.eligible);
            o.raw(",\"kind\":");
            o.name(l.kind.as_str());
            o.raw(",\"line\":");
            o.int(i64::try_from(l.index).unwrap_or(i64::MAX));
            o.raw(",\"not_eligible_because\":");
            o.opt_str(l.because.map(|b| b.as_str()));
            o.raw("}");
        }
        o.raw("],\"de_minimis\":");
        match &a.de_minimis {
            Some(d) => {
                o.raw("{\"ceiling\":");
                o.money(d.regime.ceiling);
                o.raw(",\"earlier\":");
                o.money(d.earlier);
                o.raw(",\"exceeded\":");
                o.bool(d.exceeded);
                o.raw(",\"period_end\":");
                o.iso(d.period_end);
                o.raw(",\"period_start\":");
                o.iso(d.period_start);
                o.raw(",\"regime\":");
                o.name(d.regime.reference);
                o.raw(",\"total\":");
                o.money(d.total);
                o.raw("}");
            }
            None => o.raw("null"),
        }
        let d = &a.deadlines;
        o.raw(",\"deadlines\":{\"apply_by\":");
        o.date(d.apply_by);
        o.raw(",\"complete_by\":");
        o.iso(d.complete_by);
        o.raw(",\"pay_own_share_by\":");
        o.date(d.pay_own_share_by);
        o.raw("},\"eligible\":");
        o.bool(a.eligible);
        o.raw(",\"eligible_cost\":");
        o.money(a.eligible_cost);
        o.raw(",\"engine\":");
        o.name(ENGINE);
        o.raw(",\"findings\":[");
        let mut first = true;
        let mut finding = |o: &mut Out,
                           code: &'static str,
                           message: Rendered<'_>,
                           path: Option<&str>,
                           reference: &'static str,
                           severity: Severity| {
            o.raw(if first { "{\"code\":" } else { ",{\"code\":" });
            first = false;
            o.name(code);
            o.raw(",\"message\":");
            o.rendered(message);
            if let Some(p) = path {
                o.raw(",\"path\":");
                o.str(p);
            }
            o.raw(",\"ref\":");
            o.name(reference);
            o.raw(",\"severity\":");
            o.name(severity.as_str());
            o.raw("}");
        };
        for f in &a.findings {
            finding(
                &mut o,
                f.code.as_str(),
                f.message_in(lang),
                None,
                f.reference,
                f.severity,
            );
        }
        for path in &request.ignored {
            let code = FindingCode::UnknownFieldIgnored.as_str();
            let args = [Arg::from(path.clone())];
            finding(
                &mut o,
                code,
                Rendered::new(code, lang, &args),
                Some(path),
                "CONTRACT",
                Severity::Warning,
            );
        }
        o.raw("],\"invoiced\":");
        o.money(a.invoiced);
        o.raw(",\"is_sme\":");
        o.bool(a.is_sme);
        o.raw(",\"lang\":");
        o.name(lang.as_str());
        o.raw(",\"own_share\":");
        o.money(a.own_share);
        policies(&mut o, a, request);
        o.raw(",\"procedure\":[");
        for (i, p) in a.procedure.iter().enumerate() {
            o.raw(if i == 0 {
                "{\"approximate\":"
            } else {
                ",{\"approximate\":"
            });
            o.bool(p.approximate);
            o.raw(",\"date\":");
            o.date(p.date);
            o.raw(",\"ref\":");
            o.name(p.reference);
            o.raw(",\"step\":");
            o.name(p.step);
            o.raw(",\"until\":");
            o.date(p.until);
            o.raw("}");
        }
        o.raw("],\"public_share\":");
        o.percent(a.public_share);
        o.raw(",\"rate\":");
        o.percent(a.rate);
        o.raw(",\"rulebook\":");
        match a.rulebook {
            Some(b) => {
                o.raw("{\"id\":");
                o.name(b.id);
                o.raw(",\"ref\":");
                o.name(b.reference);
                o.raw(",\"valid_from\":");
                o.iso(b.valid_from);
                o.raw("}");
            }
            None => o.raw("null"),
        }
        o.raw(",\"size_class\":");
        o.name(a.size_class.as_str());
        o.raw(",\"sme\":");
        match &request.application.enterprise.size {
            SizeInput::Full(def) => o.raw(&sme_value(def).to_string()),
            _ => o.raw("null"),
        }
        o.raw(",\"trace\":[");
        for (i, t) in a.trace.iter().enumerate() {
            o.raw(if i == 0 { "{\"ref\":" } else { ",{\"ref\":" });
            o.name(t.reference);
            o.raw(",\"step\":");
            o.name(t.step);
            o.raw(",\"text\":");
            o.rendered(t.text_in(lang));
            o.raw(",\"value\":");
            o.arg(&t.value);
            o.raw("}");
        }
        o.raw("],\"trace_version\":");
        o.int(TRACE_VERSION);
        o.raw(",\"vat\":");
        o.money(a.vat);
        o.raw(",\"wallet_class\":");
        o.opt_str(a.wallet_class.map(|c| c.as_str()));
        o.raw("}");
    }

    fn policies(o: &mut Out, a: &Assessment, request: &ParsedRequest) {
        let enterprise = &request.application.enterprise;
        let ownership = match &enterprise.size {
            SizeInput::Full(def) => def.policy(),
            _ => OwnershipChangePolicy::default(),
        };
        o.raw(",\"policies\":{\"fiscal_year\":");
        match enterprise.fiscal_year_end {
            Some(f) => o.show(format_args!("{:02}-{:02}", u8::from(f.month), f.day)),
            None => o.name("calendar"),
        }
        o.raw(",\"own_share_deadline\":");
        o.name(a.own_share_deadline.as_str());
        o.raw(",\"ownership_change\":");
        o.name(ownership.as_str());
        o.raw(",\"rounding\":");
        o.name("once, to the cent, half away from zero");
        o.raw("}");
    }

    #[cfg(test)]
    mod tests {
        use super::escape_into;

        proptest::proptest! {
            /// Runs of clean bytes are skipped eight at a time; whatever the mixture, the
            /// output is serde_json's.
            #[test]
            fn escaping_matches_serde_json(text in "[\\x00-\\x7f\"\\\\éü€😀]{0,64}") {
                let mut out = b"\"".to_vec();
                escape_into(&mut out, &text);
                out.push(b'"');
                proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&text).unwrap());
            }
        }

        /// The names written without escaping (`Out::name`) need none.
        #[test]
        fn names_need_no_escaping() {
            let clean = |t: &str| !t.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            for code in crate::findings::FindingCode::ALL {
                assert!(clean(code.as_str()));
            }
            for book in crate::kmo::rulebook::RULEBOOKS {
                assert!(clean(book.id) && clean(book.reference), "{}", book.id);
            }
            assert!(clean(super::ENGINE));
        }

        #[test]
        fn escaping_is_serde_json_s() {
            let mut all = String::new();
            for c in (0_u32..0x80).filter_map(char::from_u32) {
                all.push(c);
            }
            all.push_str("é€😀\u{2028}");
            for text in [all.as_str(), "", "plain", "\"", "\\", "a\"b\\c\nd"] {
                let mut out = b"\"".to_vec();
                escape_into(&mut out, text);
                out.push(b'"');
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    serde_json::to_string(text).unwrap(),
                    "{text:?}"
                );
            }
        }
    }
}
