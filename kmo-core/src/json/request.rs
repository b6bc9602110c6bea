//! The request document mapped to the typed [`Application`]: names to types, and nothing else.
//! Every check of a value belongs to the type or rule that holds it; this module only says
//! which field is which, so the typed API and the document refuse the same values with the same
//! codes.

use super::fields::{
    array, awu, boolean, bounded_number, code, date, decimal_text, fiscal_year_end, money, percent,
    string, Obj,
};
use super::reader::{self, Node};
use super::wallet::wallet_from_value;
use crate::application::{Application, Enterprise, Options, Service, SizeInput};
use crate::assess::{assess_with, Assessment, Detail};
use crate::error::{clip, InputError, InputErrorCode as E};
use crate::identifiers::{EnterpriseNumber, NaceCode, ProviderNumber};
use crate::kmo::cost::{CostInput, CostLine, CostLineKind};
use crate::kmo::de_minimis::DeMinimisAid;
use crate::kmo::deadlines::OwnShareDeadline;
use crate::kmo::legal_form::LegalForm;
use crate::kmo::service::{ExcludedTopic, ServiceKind, Subtheme, Theme};
use crate::message::Lang;
use crate::quick::{QuickQuestion, QuickQuote};
use crate::sme::definition::{Period, SmeDefinition, Subject};
use crate::sme::headcount::{annual_work_units, StaffMember, StaffRole};
use crate::sme::periods::OwnershipChangePolicy;
use crate::sme::relations::graph::KindDetails;
use crate::sme::relations::{
    Control, ControlRight, Entity, EntityKind, EntityType, GraphPaths, Holding, Ownership,
};
use crate::sme::thresholds::ExactFigures;
use crate::sme::{AnnualWorkUnits, Figures, SizeClass};
use crate::units::{parse_plain_decimal, Money};
use crate::wallet::Wallet;

/// A request read from JSON: the typed application, the language, and the fields that were
/// ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParsedRequest {
    /// The application.
    pub application: Application,
    /// The language of messages (`nl` when not given).
    pub lang: Lang,
    /// Whether the request gave its language (errors are in English otherwise).
    pub lang_given: bool,
    /// Paths of unknown fields that were ignored.
    pub ignored: Vec<String>,
    /// The wallet given with the request (`wallet.applications`), if any: the aid already
    /// counted in the application's year and the year's size class come from it.
    pub wallet: Option<Wallet>,
}

impl ParsedRequest {
    /// Assesses the request, against its wallet when it carries one: the one path every
    /// entry takes ([`crate::assess_json`], the NDJSON batch, the faces).
    ///
    /// # Errors
    ///
    /// The first problem [`Application::validate`] finds.
    ///
    /// ```
    /// let p = kmo_core::json::parse_request(r#"{"application_date":"2026-06-01",
    ///   "enterprise":{"size":{"class":"small"}},
    ///   "service":{"kind":"training","theme":"innovatie","cost":"2000"},
    ///   "wallet":{"applications":[{"application_date":"2026-02-01","aid":"7000.00"}]}}"#)?;
    /// assert_eq!(p.assess()?.aid.to_string(), "500.00");
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn assess(&self) -> Result<Assessment, InputError> {
        self.assess_with(Detail::Full)
    }

    /// [`ParsedRequest::assess`] with a choice of [`Detail`].
    ///
    /// # Errors
    ///
    /// As [`ParsedRequest::assess`].
    pub fn assess_with(&self, detail: Detail) -> Result<Assessment, InputError> {
        match &self.wallet {
            Some(w) => w.assess_with(&self.application, detail),
            None => assess_with(&self.application, detail),
        }
    }

    /// The language errors are written in: the request's, or English when it gave none.
    pub fn error_lang(&self) -> Lang {
        error_lang(self.lang_given.then_some(self.lang))
    }
}

/// Reads a JSON request into the typed [`Application`].
///
/// # Errors
///
/// Malformed JSON, a field of the wrong type, a missing field, a value its type refuses.
///
/// ```
/// use kmo_core::json::parse_request;
/// let p = parse_request(r#"{"application_date":"2026-03-10","lang":"fr",
///   "enterprise":{"size":{"class":"small"},"nickname":"Acme"},
///   "service":{"kind":"advice","subtheme":"cybersecurity","cost":"500"}}"#)?;
/// assert_eq!(p.lang, kmo_core::Lang::Fr);
/// assert_eq!(p.ignored, ["enterprise.nickname"]);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn parse_request(request: &str) -> Result<ParsedRequest, InputError> {
    read_request(request).map_err(|(e, _)| e)
}

/// [`parse_request`], with the language of the error when it fails: the request's `lang`
/// once read, English before (or when it gave none).
#[inline(never)] // one call per request; kept as its own symbol in profiles
pub(crate) fn read_request(request: &str) -> Result<ParsedRequest, (InputError, Lang)> {
    let tree = reader::from_str(request, "the request").map_err(|e| (e, Lang::OF_ERRORS))?;
    request_from(&tree)
}

/// Reads a JSON list of requests (intended applications, for a wallet's plan); an error's path
/// starts with the item's index (`[2].service.cost`).
///
/// # Errors
///
/// As [`parse_request`], for the first request that fails.
///
/// ```
/// use kmo_core::json::parse_request_list;
/// let one = r#"{"application_date":"2026-03-10","enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","cost":"500"}}"#;
/// assert_eq!(parse_request_list(&format!("[{one},{one}]"))?.len(), 2);
/// let e = parse_request_list(&format!("[{one},{{}}]")).unwrap_err();
/// assert_eq!(e.path, "[1].application_date");
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn parse_request_list(text: &str) -> Result<Vec<ParsedRequest>, InputError> {
    read_request_list(text).map_err(|(e, _)| e)
}

/// [`parse_request_list`], with the language of the error.
pub(crate) fn read_request_list(text: &str) -> Result<Vec<ParsedRequest>, (InputError, Lang)> {
    let value = reader::from_str(text, "the requests").map_err(|e| (e, Lang::OF_ERRORS))?;
    let Some(items) = value.as_array() else {
        return Err((
            InputError::new(E::MalformedJson, "", "err_not_a_list", vec![]),
            Lang::OF_ERRORS,
        ));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(request_from(item).map_err(|(e, lang)| (e.under(&format!("[{i}]")), lang))?);
    }
    Ok(out)
}

/// The language a request asks for, read before anything else so that every later error is
/// written in it; `None` when not given.
fn language(root: &Obj<'_>) -> Result<Option<Lang>, InputError> {
    root.opt("lang", |v, p| code(v, p, Lang::parse))
}

/// The language of errors: the one a document asks for, English when it names none.
pub(crate) fn error_lang(given: Option<Lang>) -> Lang {
    given.unwrap_or(Lang::OF_ERRORS)
}

/// The typed request from its JSON tree.
fn request_from(value: &Node<'_>) -> Result<ParsedRequest, (InputError, Lang)> {
    let root = Obj::root(value, "the request").map_err(|e| (e, Lang::OF_ERRORS))?;
    let lang = language(&root).map_err(|e| (e, Lang::OF_ERRORS))?;
    request_fields(&root, lang.unwrap_or_default(), lang.is_some())
        .map_err(|e| (e, error_lang(lang)))
}

fn request_fields(
    root: &Obj<'_>,
    lang: Lang,
    lang_given: bool,
) -> Result<ParsedRequest, InputError> {
    let mut ignored = Vec::new();
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
    let enterprise = enterprise(&root.obj("enterprise")?, &mut ignored)?;
    let service = service(&root.obj("service")?, &mut ignored)?;
    let (aid_used, wallet) = match root.opt_obj("wallet")? {
        Some(w) => {
            // `years` is what a wallet document carries for its reader: known, and ignored.
            w.known(&["aid_used", "applications", "years"], &mut ignored);
            if w.has("aid_used") && w.has("applications") {
                return Err(InputError::new(
                    E::InconsistentInput,
                    w.child("applications"),
                    "err_aid_used_or_applications",
                    vec![],
                ));
            }
            let wallet = if w.has("applications") {
                Some(wallet_from_value(&w, &mut ignored)?)
            } else {
                None
            };
            (w.opt("aid_used", money)?.unwrap_or(Money::ZERO), wallet)
        }
        None => (Money::ZERO, None),
    };
    let options = match root.opt_obj("options")? {
        Some(o) => options(&o, &mut ignored)?,
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
        lang_given,
        ignored,
        wallet,
    })
}

fn options(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Options, InputError> {
    o.known(
        &[
            "own_share_deadline",
            "approval_date",
            "portal_registration_date",
        ],
        ignored,
    );
    Ok(Options {
        own_share_deadline: o
            .opt("own_share_deadline", |v, p| {
                code(v, p, OwnShareDeadline::parse)
            })?
            .unwrap_or_default(),
        approval_date: o.opt("approval_date", date)?,
        portal_registration_date: o.opt("portal_registration_date", date)?,
    })
}

fn enterprise(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Enterprise, InputError> {
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
                let aid = Obj::at(item, format!("{}.de_minimis[{i}]", o.path))?;
                aid.known(&["date", "amount"], ignored);
                Ok(DeMinimisAid {
                    date: aid.req("date", date)?,
                    amount: aid.req("amount", money)?,
                })
            })
            .collect::<Result<Vec<_>, InputError>>()?,
        None => Vec::new(),
    };
    Ok(Enterprise {
        legal_form: o.opt("legal_form", |v, p| code(v, p, LegalForm::parse))?,
        nace: o.opt("nace", |v, p| code(v, p, NaceCode::parse))?,
        flemish_establishment: o.opt("flemish_establishment", boolean)?,
        public_bodies_pct: o
            .opt("public_bodies_pct", percent)?
            .unwrap_or(crate::units::Percent::ZERO),
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

/// The `enterprise.size` object: a declared class, one period's figures, or the full form.
pub(crate) fn size_input(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<SizeInput, InputError> {
    if o.has("class") {
        if let Some(other) = FIGURES.iter().chain(&FULL_FORM).find(|k| o.has(k)) {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child(other),
                "err_class_or_figures",
                vec![],
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
            "err_size_missing",
            vec![],
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
                "err_staff_awu_or_list",
                vec![],
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
            let mut member =
                StaffMember::full_time(m.req("role", |v, p| code(v, p, StaffRole::parse))?);
            if let Some(t) = m.opt("fte", |v, p| decimal_text(v, p, "a fraction"))? {
                member.fte = parse_plain_decimal(&t).ok_or_else(|| {
                    InputError::new(
                        E::InvalidNumber,
                        m.child("fte"),
                        "err_fte_range",
                        vec![clip(&t).into()],
                    )
                })?;
            }
            if let Some(n) = m.opt("months", month_count)? {
                member.months = n;
            }
            if let Some(n) = m.opt("leave_months", month_count)? {
                member.leave_months = n;
            }
            Ok(member)
        })
        .collect::<Result<Vec<_>, InputError>>()?;
    annual_work_units(&members).map_err(|e| e.under(&o.child("staff")))
}

/// A number of months: a whole number that fits the type; the staff member's own check
/// keeps it to 0–12.
fn month_count(v: &Node<'_>, path: &str) -> Result<u8, InputError> {
    // At most u8::MAX (bounded_number).
    Ok(u8::try_from(bounded_number(v, path, u8::MAX.into())?).unwrap_or(u8::MAX))
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
    SmeDefinition::new(subject, periods, prior, policy).map_err(|e| e.under(&o.path))
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
    let absolute = |rel: &str| crate::error::join_path(&top.path, rel);
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
    let kind_type = o
        .opt("kind", |v, p| code(v, p, EntityType::parse))?
        .unwrap_or(EntityType::Enterprise);
    let details = KindDetails {
        invested: o.opt("invested", money)?,
        annual_budget: o.opt("annual_budget", money)?,
        inhabitants: o.opt("inhabitants", |v, p| bounded_number(v, p, u32::MAX))?,
    };
    let kind = EntityKind::from_type(kind_type, details).map_err(|e| e.under(&o.path))?;
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
    Holding::new(
        o.req("holder", |v, p| string(v, p).map(str::to_string))?,
        o.req("held", |v, p| string(v, p).map(str::to_string))?,
        capital,
        votes,
    )
    .map_err(|e| e.under(&o.path))
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

/// The `service` object (also a wallet application's service).
pub(crate) fn service(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Service, InputError> {
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
    let cost = match (o.has("cost"), o.has("lines")) {
        (true, true) => {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child("lines"),
                "err_cost_or_lines",
                vec![],
            ))
        }
        (false, true) => CostInput::Lines(lines(o, ignored)?),
        _ => CostInput::Amount(o.req("cost", money)?),
    };
    Ok(Service {
        kind,
        theme: o.opt("theme", |v, p| code(v, p, Theme::parse))?,
        subtheme: o.opt("subtheme", |v, p| code(v, p, Subtheme::parse))?,
        excluded_topic: o.opt("excluded_topic", |v, p| code(v, p, ExcludedTopic::parse))?,
        provider: o.opt("provider", |v, p| code(v, p, ProviderNumber::parse))?,
        start_date: o.opt("start_date", date)?,
        cost,
        vat_rate: o
            .opt("vat_rate", percent)?
            .unwrap_or(Service::DEFAULT_VAT_RATE),
    })
}

fn lines(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Vec<CostLine>, InputError> {
    let items = o.req("lines", array)?;
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
            let mut l = CostLine::new(
                line.req("kind", |v, p| code(v, p, CostLineKind::parse))?,
                line.req("amount", money)?,
            );
            // Any count the type holds; the cost's own check keeps it to MAX_COUNT.
            let count = |v: &Node<'_>, p: &str| bounded_number(v, p, u32::MAX);
            l.persons = line.opt("persons", count)?;
            l.days = line.opt("days", count)?;
            if let Some(b) = line.opt("separately_invoiced", boolean)? {
                l.separately_invoiced = b;
            }
            if let Some(b) = line.opt("exclusive_use", boolean)? {
                l.exclusive_use = b;
            }
            Ok(l)
        })
        .collect()
}

/// A quick quote's question read from JSON: `application_date`, `size_class`, `kind`
/// (`training` unless given), `theme`, `subtheme`, `start_date`, `cost`, `aid_used` (0 unless
/// given), `vat_rate` (21 unless given), `lang`, and `options` (`own_share_deadline`,
/// `approval_date`). Unknown fields are ignored.
pub(crate) fn read_quick_question(text: &str) -> Result<QuickQuote, (InputError, Lang)> {
    let tree = reader::from_str(text, "the question").map_err(|e| (e, Lang::OF_ERRORS))?;
    let root = Obj::root(&tree, "the question").map_err(|e| (e, Lang::OF_ERRORS))?;
    let lang = language(&root).map_err(|e| (e, Lang::OF_ERRORS))?;
    quick_fields(&root).map_err(|e| (e, error_lang(lang)))
}

fn quick_fields(o: &Obj<'_>) -> Result<QuickQuote, InputError> {
    let mut ignored = Vec::new();
    let opts = match o.opt_obj("options")? {
        Some(opts) => options(&opts, &mut ignored)?,
        None => Options::default(),
    };
    let theme = o.opt("theme", |v, p| code(v, p, Theme::parse))?;
    let subtheme = o.opt("subtheme", |v, p| code(v, p, Subtheme::parse))?;
    let start_date = o.opt("start_date", date)?;
    let aid_used = o.opt("aid_used", money)?;
    let vat_rate = o.opt("vat_rate", percent)?;
    let mut question = QuickQuestion {
        theme,
        subtheme,
        start_date,
        own_share_deadline: opts.own_share_deadline,
        approval_date: opts.approval_date,
        ..QuickQuestion::new(
            o.req("application_date", date)?,
            o.req("size_class", |v, p| code(v, p, SizeClass::parse))?,
            o.opt("kind", |v, p| code(v, p, ServiceKind::parse))?
                .unwrap_or(ServiceKind::Training),
            o.req("cost", money)?,
        )
    };
    if let Some(a) = aid_used {
        question.aid_used = a;
    }
    if let Some(r) = vat_rate {
        question.vat_rate = r;
    }
    question.check()
}
