//! The request document mapped to the typed [`Application`]: names to types, and nothing else.
//! Every check of a value belongs to the type or rule that holds it; this module only says
//! which field is which, so the typed API and the document refuse the same values with the same
//! codes.

use super::fields::{array, boolean, code, date, fiscal_year_end, items, money, percent, Obj};
use super::figures::{figures, FIGURES, FULL_FORM, SIMPLE_FORM};
use super::reader::{self, same_key, Node};
use super::service::service;
#[cfg(feature = "wallet")]
use super::wallet::wallet_from_value;
use crate::application::DeMinimisAid;
use crate::application::{Application, Enterprise, Options, SizeInput};
use crate::assess::{assess_with, Assessment, Detail};
use crate::coded::Lang;
use crate::coded::LegalForm;
use crate::coded::OwnShareDeadline;
use crate::coded::SizeClass;
use crate::coded::{ServiceKind, Subtheme, Theme};
use crate::error::{InputError, InputErrorCode as E};
use crate::identifiers::{EnterpriseNumber, NaceCode, ProviderNumber};
use crate::quick::{QuickQuestion, QuickQuote};
use crate::units::Money;
#[cfg(feature = "wallet")]
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
    #[cfg(feature = "wallet")]
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
        #[cfg(feature = "wallet")]
        let assessed = match &self.wallet {
            Some(w) => w.assess_with(&self.application, detail),
            None => assess_with(&self.application, detail),
        };
        #[cfg(not(feature = "wallet"))]
        let assessed = assess_with(&self.application, detail);
        let mut a = assessed?;
        // An assessment starts with none: nothing to clone when the request had none.
        if !self.ignored.is_empty() {
            a.shown.ignored.clone_from(&self.ignored);
        }
        Ok(a)
    }

    /// The language errors are written in: the request's, Dutch when it gave none (as its
    /// answer).
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
        out.push(
            request_from(item)
                .map_err(|(e, lang)| (e.under(&crate::units::index_path("", i)), lang))?,
        );
    }
    Ok(out)
}

/// The language a request asks for, read before anything else so that every later error is
/// written in it; `None` when not given.
fn language(root: &Obj<'_>) -> Result<Option<Lang>, InputError> {
    match root.opt("lang", |v, p| code(v, p, Lang::parse))? {
        Some(lang) if !lang.is_built() => {
            // The built languages, `, ` between them (a push loop, not `join`).
            let mut built = String::new();
            for l in Lang::ALL.iter().filter(|l| l.is_built()) {
                if !built.is_empty() {
                    built.push_str(", ");
                }
                built.push_str(l.as_str());
            }
            Err(InputError::new(
                E::NotInThisBuild,
                root.child("lang"),
                "err_lang_not_built",
                vec![built.into()],
            ))
        }
        lang => Ok(lang),
    }
}

/// The language of errors: the one a document asks for, the default (Dutch) when it names
/// none, as for its answer. English only where the language cannot be known
/// ([`Lang::OF_ERRORS`]).
pub(crate) fn error_lang(given: Option<Lang>) -> Lang {
    given.unwrap_or_default()
}

/// The typed request from its JSON tree.
pub(crate) fn request_from(value: &Node<'_>) -> Result<ParsedRequest, (InputError, Lang)> {
    let root = Obj::root(value, "the request").map_err(|e| (e, Lang::OF_ERRORS))?;
    let lang = language(&root).map_err(|e| (e, Lang::OF_ERRORS))?;
    request_fields(&root, lang.unwrap_or_default(), lang.is_some())
        .map_err(|e| (e, error_lang(lang)))
}

/// The fields of a request's root.
const ROOT_KEYS: [&str; 6] = [
    "application_date",
    "lang",
    "enterprise",
    "service",
    "wallet",
    "options",
];
/// The fields of a request's `wallet` (`years` is what a wallet document carries for its
/// reader: known, and ignored).
const WALLET_KEYS: [&str; 4] = ["aid_used", "applications", "next_id", "years"];
/// The fields of a request's `enterprise`.
const ENTERPRISE_KEYS: [&str; 12] = [
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
];
/// The fields of an earlier de minimis aid (`enterprise.de_minimis[i]`).
const DE_MINIMIS_KEYS: [&str; 2] = ["date", "amount"];

fn request_fields(
    root: &Obj<'_>,
    lang: Lang,
    lang_given: bool,
) -> Result<ParsedRequest, InputError> {
    let mut ignored = Vec::new();
    let from = root.known_begin(&ROOT_KEYS, &mut ignored);
    let application_date = root.req("application_date", date)?;
    let enterprise = enterprise(&root.obj("enterprise")?, &mut ignored)?;
    let service = service(&root.obj("service")?, &mut ignored)?;
    let (aid_used, wallet) = match root.opt_obj("wallet")? {
        Some(w) => {
            let from = w.known_begin(&WALLET_KEYS, &mut ignored);
            if w.has("aid_used") && w.has("applications") {
                return Err(InputError::new(
                    E::InconsistentInput,
                    w.child("applications"),
                    "err_aid_used_or_applications",
                    vec![],
                ));
            }
            let wallet = history(&w, &mut ignored)?;
            let aid_used = w.opt("aid_used", money)?.unwrap_or(Money::ZERO);
            w.known_end(&WALLET_KEYS, &mut ignored, from);
            (aid_used, wallet)
        }
        None => (Money::ZERO, None),
    };
    let options = match root.opt_obj("options")? {
        Some(o) => options(&o, &mut ignored)?,
        None => Options::default(),
    };
    // A lean build keeps no history: `history` refused any.
    #[cfg(not(feature = "wallet"))]
    let _: Option<()> = wallet;
    root.known_end(&ROOT_KEYS, &mut ignored, from);
    Ok(ParsedRequest {
        application: Application {
            application_date,
            enterprise,
            service,
            aid_used,
            options,
            lang,
        },
        lang,
        lang_given,
        ignored,
        #[cfg(feature = "wallet")]
        wallet,
    })
}

/// The wallet history a request carries (`wallet.applications`), read as a wallet document.
#[cfg(feature = "wallet")]
fn history(w: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Option<Wallet>, InputError> {
    if w.has("applications") {
        wallet_from_value(w, ignored).map(Some)
    } else {
        Ok(None)
    }
}

/// Without the feature `wallet`, a history is refused rather than ignored: the aid it counts
/// would be missing from the answer.
#[cfg(not(feature = "wallet"))]
fn history(w: &Obj<'_>, _: &mut Vec<String>) -> Result<Option<()>, InputError> {
    if w.has("applications") {
        Err(InputError::new(
            E::NotInThisBuild,
            w.child("applications"),
            "err_needs_wallet",
            vec![],
        ))
    } else {
        Ok(None)
    }
}

fn options(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Options, InputError> {
    o.known(
        &[
            "own_share_deadline",
            "approval_date",
            "portal_registration_date",
            "first_time",
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
        first_time: o.opt("first_time", boolean)?.unwrap_or(false),
    })
}

fn enterprise(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Enterprise, InputError> {
    let from = o.known_begin(&ENTERPRISE_KEYS, ignored);
    let de_minimis = match o.opt("de_minimis", array)? {
        Some(list) => items(list, |i, item| {
            let aid = o.item(item, "de_minimis", i)?;
            let from = aid.known_begin(&DE_MINIMIS_KEYS, ignored);
            let read = DeMinimisAid {
                date: aid.req("date", date)?,
                amount: aid.req("amount", money)?,
            };
            aid.known_end(&DE_MINIMIS_KEYS, ignored, from);
            Ok(read)
        })?,
        None => Vec::new(),
    };
    let enterprise = Enterprise {
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
    };
    o.known_end(&ENTERPRISE_KEYS, ignored, from);
    Ok(enterprise)
}

/// The `enterprise.size` object: a declared class, one period's figures, or the full form.
pub(crate) fn size_input(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<SizeInput, InputError> {
    // One pass over the object's fields (present and not null): whether it gives the class,
    // and the first key of the figures and of the full form in the order of their lists.
    let (mut class, mut figure, mut full) = (false, None::<usize>, None::<usize>);
    let mut estimate = false;
    for key in o.given() {
        if key == "class" {
            class = true;
        } else if let Some(i) = FIGURES.iter().position(|k| same_key(k, key)) {
            figure = Some(figure.map_or(i, |f| f.min(i)));
        } else if let Some(i) = FULL_FORM.iter().position(|k| same_key(k, key)) {
            full = Some(full.map_or(i, |f| f.min(i)));
        } else if same_key("estimate", key) {
            estimate = true;
        }
    }
    let figure = figure.and_then(|i| FIGURES.get(i));
    let full = full.and_then(|i| FULL_FORM.get(i));
    if class {
        if let Some(other) = figure.or(full) {
            return Err(InputError::new(
                E::InconsistentInput,
                o.child(other),
                "err_class_or_figures",
                vec![],
            ));
        }
        let from = o.known_begin(&["class"], ignored);
        let class = o.req("class", |v, p| code(v, p, SizeClass::parse))?;
        o.known_end(&["class"], ignored, from);
        return Ok(SizeInput::Declared(class));
    }
    // The full form; or one period's figures given as a bona fide estimate of a new enterprise
    // (art. 4(3)), which are the full form's single period carrying the estimate
    // (`SIZE_FROM_ESTIMATE`; `estimate: false` is the plain figures). One call of the full
    // form's reader, so that it is not built twice into the module.
    let estimated =
        full.is_none() && figure.is_some() && estimate && o.opt("estimate", boolean)? == Some(true);
    if let Some(first) = full.copied().or(estimated.then_some("estimate")) {
        return full_form(o, first, ignored);
    }
    if figure.is_none() {
        return Err(InputError::new(
            E::MissingField,
            o.child("class"),
            "err_size_missing",
            vec![],
        ));
    }
    let from = o.known_begin(&SIMPLE_FORM, ignored);
    let figures = figures(o)?;
    o.known_end(&SIMPLE_FORM, ignored, from);
    Ok(SizeInput::Figures(figures))
}

/// The full form of the size (`json/definition.rs`).
#[cfg(feature = "full-sme")]
fn full_form(
    o: &Obj<'_>,
    _first: &str,
    ignored: &mut Vec<String>,
) -> Result<SizeInput, InputError> {
    super::definition::full_form(o, ignored).map(|def| SizeInput::Full(Box::new(def)))
}

/// Without the feature `full-sme`, the full form is refused at its first key rather than
/// ignored: the class from the enterprise's own figures alone could be wrong.
#[cfg(not(feature = "full-sme"))]
fn full_form(o: &Obj<'_>, first: &str, _: &mut Vec<String>) -> Result<SizeInput, InputError> {
    Err(InputError::new(
        E::NotInThisBuild,
        o.child(first),
        "err_needs_full_sme",
        vec![],
    ))
}

/// A quick quote's question read from JSON, with the language of its answer and the unknown
/// fields it ignored.
pub(crate) struct QuickRequest {
    /// The checked question.
    pub(crate) quote: QuickQuote,
    /// The language of the blocking reasons' messages (`nl` when not given).
    pub(crate) lang: Lang,
    /// Paths of unknown fields that were ignored (each reported as `assess` reports it).
    pub(crate) ignored: Vec<String>,
}

/// A quick quote's question read from JSON: `application_date`, `size_class`, `kind`
/// (`training` unless given), `theme`, `subtheme`, `provider`, `start_date`, `cost`, `aid_used`
/// (0 unless given), `vat_rate` (21 unless given), `lang`, and `options` (`own_share_deadline`,
/// `approval_date`, `portal_registration_date`). Unknown fields are ignored and listed.
pub(crate) fn read_quick_question(text: &str) -> Result<QuickRequest, (InputError, Lang)> {
    let tree = reader::from_str(text, "the question").map_err(|e| (e, Lang::OF_ERRORS))?;
    let root = Obj::root(&tree, "the question").map_err(|e| (e, Lang::OF_ERRORS))?;
    let lang = language(&root).map_err(|e| (e, Lang::OF_ERRORS))?;
    let mut ignored = Vec::new();
    let quote = quick_fields(&root, &mut ignored).map_err(|e| (e, error_lang(lang)))?;
    Ok(QuickRequest {
        quote,
        lang: lang.unwrap_or_default(),
        ignored,
    })
}

fn quick_fields(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<QuickQuote, InputError> {
    o.known(
        &[
            "application_date",
            "size_class",
            "kind",
            "theme",
            "subtheme",
            "provider",
            "start_date",
            "cost",
            "aid_used",
            "vat_rate",
            "lang",
            "options",
        ],
        ignored,
    );
    let opts = match o.opt_obj("options")? {
        Some(opts) => options(&opts, ignored)?,
        None => Options::default(),
    };
    let theme = o.opt("theme", |v, p| code(v, p, Theme::parse))?;
    let subtheme = o.opt("subtheme", |v, p| code(v, p, Subtheme::parse))?;
    let provider = o.opt("provider", |v, p| code(v, p, ProviderNumber::parse))?;
    let start_date = o.opt("start_date", date)?;
    let aid_used = o.opt("aid_used", money)?;
    let vat_rate = o.opt("vat_rate", percent)?;
    let mut question = QuickQuestion {
        theme,
        subtheme,
        provider,
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
