//! The wallet as a JSON document, and the answers of the wallet's operations (apply, plan,
//! pay, release, stop) as the faces give them.
//!
//! ```json
//! {"applications": [
//!   {"id": 1, "application_date": "2026-01-10", "aid": "3000.00", "own_share": "7000.00",
//!    "status": "stopped", "ended_on": "2026-05-01", "payments": [...], "releases": [...]}
//! ], "years": [...]}
//! ```
//!
//! Only `application_date` and `aid` are required per application, so a history can be written
//! by hand; derived fields (`years`, `settlement`, `aid_counted`) are written for the reader and
//! ignored when read (they are computed again), so a wallet round-trips exactly.

use super::fields::{array, code, date, money, percent, whole_number, Obj};
use super::reader;
use super::request::{read_request, read_request_list, service};
use super::request_writer::write_service;
use super::response;
use super::writer::k;
use super::writer::{document, error_into, Out};
use crate::coded::Lang;
use crate::coded::SizeClass;
use crate::coded::StatusKind;
use crate::error::InputError;
use crate::units::{parse_date, Money};
use crate::wallet::{
    Applied, Movement, Payment, Plan, Release, Settlement, Status, Stop, Wallet, WalletApplication,
    WalletError, YearBudget,
};

/// Reads a wallet document (the form [`wallet_to_json`] writes; see `docs/json.md`).
///
/// # Errors
///
/// Malformed JSON, a field of the wrong type, an invalid application
/// ([`WalletApplication::validate`]), an id given twice.
///
/// ```
/// use kmo_core::json::{wallet_from_json, wallet_to_json};
/// let w = wallet_from_json(r#"{"applications":[{"application_date":"2026-02-01","aid":"600.00","status":"stopped","ended_on":"2026-03-01"}]}"#)?;
/// assert_eq!(w.aid_counted(2026).to_string(), "0.00"); // stopped in the same year: returned
/// assert_eq!(wallet_from_json(&wallet_to_json(&w))?, w);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn wallet_from_json(text: &str) -> Result<Wallet, InputError> {
    let value = reader::from_str(text, "the wallet")?;
    let root = Obj::root(&value, "the wallet")?;
    let mut ignored = Vec::new();
    root.known(&["applications", "next_id", "years"], &mut ignored);
    wallet_from_value(&root, &mut ignored)
}

/// The wallet of a document's object (a request's `wallet` carries one; its reader checks
/// that object's keys).
pub(crate) fn wallet_from_value(
    o: &Obj<'_>,
    ignored: &mut Vec<String>,
) -> Result<Wallet, InputError> {
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
        let aid = a.req("aid", money)?;
        let own_share = a.opt("own_share", money)?.unwrap_or(Money::ZERO);
        let status_kind = a
            .opt("status", |v, p| code(v, p, StatusKind::parse))?
            .unwrap_or(StatusKind::Active);
        let status = Status::from_kind(status_kind, a.opt("ended_on", date)?)
            .map_err(|e| e.under(&a.path))?;
        apps.push(WalletApplication {
            id: match a.opt("id", whole_number)? {
                Some(id) => id,
                None => u32::try_from(i + 1).unwrap_or(u32::MAX),
            },
            application_date: a.req("application_date", date)?,
            service: match a.opt_obj("service")? {
                Some(s) => Some(service(&s, ignored)?),
                None => None,
            },
            size_class: a.opt("size_class", |v, p| code(v, p, SizeClass::parse))?,
            rate: a.opt("rate", percent)?,
            // Without it, the parts: aid + own share (each at most Money::MAX; their sum is
            // checked by WalletApplication::validate).
            eligible_cost: match a.opt("eligible_cost", money)? {
                Some(cost) => cost,
                None => aid.checked_add(own_share).unwrap_or(Money::MAX),
            },
            aid,
            own_share,
            vat: a.opt("vat", money)?.unwrap_or(Money::ZERO),
            pay_own_share_by: a.opt("pay_own_share_by", date)?,
            payments: movements(&a, "payments", ignored)?,
            releases: movements(&a, "releases", ignored)?,
            status,
        });
    }
    let wallet = Wallet::from_applications(apps).map_err(|e| e.under(&o.path))?;
    match o.opt("next_id", whole_number)? {
        Some(next) => wallet.with_next_id(next).map_err(|e| e.under(&o.path)),
        None => Ok(wallet),
    }
}

/// The payments or releases (`key`) of a wallet application.
fn movements(
    a: &Obj<'_>,
    key: &str,
    ignored: &mut Vec<String>,
) -> Result<Vec<Movement>, InputError> {
    let Some(list) = a.opt(key, array)? else {
        return Ok(Vec::new());
    };
    list.iter()
        .enumerate()
        .map(|(j, m)| {
            let m = Obj::at(m, format!("{}[{j}]", a.child(key)))?;
            m.known(&["date", "amount"], ignored);
            Ok(Movement {
                date: m.req("date", date)?,
                amount: m.req("amount", money)?,
            })
        })
        .collect()
}

/// The wallet as a JSON document: every recorded fact, and the years' budgets.
pub fn wallet_to_json(wallet: &Wallet) -> String {
    document(512 + 512 * wallet.applications().len(), |o| {
        let mut doc = o.object();
        doc.key(k!("applications"))
            .list(wallet.applications(), |o, a| {
                let (ended_on, settlement) = match a.status {
                    Status::Active => (None, None),
                    Status::Stopped { on, settlement } | Status::Lapsed { on, settlement } => {
                        (Some(on), Some(settlement))
                    }
                };
                let mut app = o.object();
                app.key(k!("aid")).money(a.aid);
                app.key(k!("aid_counted")).money(a.aid_counted());
                app.key(k!("application_date")).iso(a.application_date);
                app.key(k!("eligible_cost")).money(a.eligible_cost);
                app.key(k!("ended_on")).date(ended_on);
                app.key(k!("id")).int(a.id);
                app.key(k!("own_share")).money(a.own_share);
                app.key(k!("pay_own_share_by")).date(a.pay_own_share_by);
                app.key(k!("payments")).list(&a.payments, movement);
                app.key(k!("rate"))
                    .opt_str(a.rate.map(|r| r.to_string()).as_deref());
                app.key(k!("releases")).list(&a.releases, movement);
                let out = app.key(k!("service"));
                match &a.service {
                    Some(s) => write_service(out, s),
                    None => out.raw("null"),
                }
                let out = app.key(k!("settlement"));
                match settlement {
                    Some(s) => settlement_document(out, s, None),
                    None => out.raw("null"),
                }
                app.key(k!("size_class"))
                    .opt_str(a.size_class.map(|c| c.as_str()));
                app.key(k!("status")).name(a.status.kind().as_str());
                app.key(k!("vat")).money(a.vat);
            });
        let out = doc.key(k!("next_id"));
        match wallet.next_id() {
            Some(id) => out.int(id),
            None => out.raw("null"),
        }
        years_document(doc.key(k!("years")), &wallet.years());
    })
}

/// The ids of the applications an operation let lapse first: `[2, 5]`.
fn lapsed_list(o: &mut Out<'_>, ids: &[u32]) {
    o.list(ids, |o, id| o.int(*id));
}

fn movement(o: &mut Out<'_>, m: &Movement) {
    let mut item = o.object();
    item.key(k!("amount")).money(m.amount);
    item.key(k!("date")).iso(m.date);
}

/// The budgets of calendar years: `[{"ceiling","counted","left","size_class","year"}]`.
fn years_document(o: &mut Out<'_>, years: &[YearBudget]) {
    o.list(years, year_document);
}

/// One calendar year's budget: `{"ceiling","counted","left","size_class","year"}`.
pub(crate) fn year_document(o: &mut Out<'_>, y: &YearBudget) {
    let mut year = o.object();
    year.key(k!("ceiling")).money(y.ceiling);
    year.key(k!("counted")).money(y.counted);
    year.key(k!("left")).money(y.left);
    year.key(k!("size_class"))
        .opt_str(y.size_class.map(|c| c.as_str()));
    year.key(k!("year")).int(y.year);
}

/// A settlement: `{"aid_returned","aid_used","own_share_used","refund"}`; the answer of a stop
/// adds the applications it let lapse first (`lapsed`).
pub(crate) fn settlement_document(o: &mut Out<'_>, s: Settlement, lapsed: Option<&[u32]>) {
    let mut doc = o.object();
    doc.key(k!("aid_returned")).money(s.aid_returned);
    doc.key(k!("aid_used")).money(s.aid_used);
    if let Some(ids) = lapsed {
        lapsed_list(doc.key(k!("lapsed")), ids);
    }
    doc.key(k!("own_share_used")).money(s.own_share_used);
    doc.key(k!("refund")).money(s.refund);
}

/// The error document of a wallet refusal, its message in `lang`.
///
/// ```
/// use kmo_core::{json::wallet_error_json, wallet::WalletError, Lang};
/// let doc = wallet_error_json(&WalletError::ZeroAmount, Lang::En);
/// assert!(doc.contains(r#""code":"ZERO_AMOUNT""#) && doc.contains(r#""path":"amount""#));
/// ```
pub fn wallet_error_json(e: &WalletError, lang: Lang) -> String {
    document(160, |o| {
        error_into(o, e.code().as_str(), e.path(), &e.message(lang));
    })
}

/// [`wallet_error_json`] with the refusal located at `path`: for a face whose argument has
/// another name than the document's field (the C face's `amount_cents` for `amount`).
///
/// ```
/// use kmo_core::{json::wallet_error_json_at, wallet::WalletError, Lang};
/// let doc = wallet_error_json_at(&WalletError::ZeroAmount, "amount_cents", Lang::En);
/// assert!(doc.ends_with(r#""path":"amount_cents"}}"#));
/// ```
pub fn wallet_error_json_at(e: &WalletError, path: &str, lang: Lang) -> String {
    document(160, |o| {
        error_into(o, e.code().as_str(), path, &e.message(lang));
    })
}

fn input_error(e: &InputError, lang: Lang) -> String {
    super::writer::error_json(e, lang)
}

/// Assesses a request against the wallet, after letting lapse what is overdue on its date,
/// and records it when eligible: `{"assessment": {...}, "id": n, "lapsed": [...], "recorded":
/// true|false}` (every assessed request gets the next number, in the order of submission), or
/// the error document in the request's language.
///
/// ```
/// use kmo_core::{json::wallet_apply_json, wallet::Wallet};
/// let mut w = Wallet::new();
/// let out = wallet_apply_json(&mut w, r#"{"application_date":"2026-03-10","enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","cost":"2000"}}"#);
/// assert!(out.ends_with(r#","id":1,"lapsed":[],"recorded":true}"#));
/// ```
pub fn wallet_apply_json(wallet: &mut Wallet, request: &str) -> String {
    let parsed = match read_request(request) {
        Ok(p) => p,
        Err((e, lang)) => return input_error(&e, lang),
    };
    match wallet.apply(&parsed.application) {
        Ok(mut applied) => {
            applied.assessment.shown.ignored.clone_from(&parsed.ignored);
            document(4096, |o| write_applied(o, &applied))
        }
        Err(e) => wallet_error_json(&e, parsed.error_lang()),
    }
}

/// Writes the answer of [`Wallet::apply`]: `{"assessment", "id", "lapsed", "recorded"}`.
pub(crate) fn write_applied(o: &mut Out<'_>, applied: &Applied) {
    let a = &applied.assessment;
    let mut doc = o.object();
    response::write(a, a.lang, &a.shown.ignored, doc.key(k!("assessment")));
    doc.key(k!("id")).int(applied.id);
    lapsed_list(doc.key(k!("lapsed")), &applied.lapsed);
    doc.key(k!("recorded")).bool(applied.recorded);
}

/// Quotes intended requests (a JSON list) in order without recording them, what is overdue on
/// each one's date lapsed first: `{"items": [{"assessment", "better_next_year"}], "lapsed":
/// [...], "years": [...], "years_before": [...]}`.
pub fn wallet_plan_json(wallet: &Wallet, requests: &str) -> String {
    let parsed = match read_request_list(requests) {
        Ok(p) => p,
        Err((e, lang)) => return input_error(&e, lang),
    };
    let apps: Vec<_> = parsed.iter().map(|p| p.application.clone()).collect();
    let mut plan = match wallet.plan(&apps) {
        Ok(plan) => plan,
        Err(e) => {
            let lang = parsed.first().map_or(Lang::En, |p| p.error_lang());
            return input_error(&e, lang);
        }
    };
    for (item, request) in plan.items.iter_mut().zip(&parsed) {
        item.assessment.shown.ignored.clone_from(&request.ignored);
    }
    document(4096 * (1 + plan.items.len()), |o| write_plan(o, &plan))
}

/// Writes the answer of [`Wallet::plan`]: `{"items": [{"assessment", "better_next_year"}],
/// "lapsed", "years", "years_before"}`.
pub(crate) fn write_plan(o: &mut Out<'_>, plan: &Plan) {
    let mut doc = o.object();
    doc.key(k!("items")).list(&plan.items, |o, item| {
        let a = &item.assessment;
        let mut it = o.object();
        response::write(a, a.lang, &a.shown.ignored, it.key(k!("assessment")));
        let out = it.key(k!("better_next_year"));
        match item.better_next_year {
            Some((date, aid)) => {
                let mut better = out.object();
                better.key(k!("aid")).money(aid);
                better.key(k!("application_date")).iso(date);
            }
            None => out.raw("null"),
        }
    });
    lapsed_list(doc.key(k!("lapsed")), &plan.lapsed);
    years_document(doc.key(k!("years")), &plan.years);
    years_document(doc.key(k!("years_before")), &plan.years_before);
}

/// An application's id given as text (`"3"`, as JavaScript writes a number): a whole number
/// up to `u32::MAX` (an id the wallet does not hold is then refused by the wallet).
fn application_id(id: &str) -> Result<u32, InputError> {
    super::fields::bounded_number(&super::reader::Node::Number(id.into()), "id", u32::MAX)
}

/// The id, date and amount of a payment or release, read as the document reads them.
fn id_date_and_amount(
    id: &str,
    date: &str,
    amount: &str,
) -> Result<(u32, time::Date, Money), InputError> {
    Ok((
        application_id(id)?,
        parse_date(date).map_err(|e| e.at("date"))?,
        Money::parse(amount).map_err(|e| e.at("amount"))?,
    ))
}

/// Pays part of an application's own share (`id` as text, as a document gives it), after
/// letting lapse what is overdue on its date: `{"due", "lapsed": [...]}`, or the error
/// document — a payment after the deadline is refused, `APPLICATION_ENDED`, the application
/// having lapsed (the message says when, and what is refunded).
pub fn wallet_pay_json(
    wallet: &mut Wallet,
    id: &str,
    date: &str,
    amount: &str,
    lang: Lang,
) -> String {
    let (id, date, amount) = match id_date_and_amount(id, date, amount) {
        Ok(v) => v,
        Err(e) => return input_error(&e, lang),
    };
    match wallet.pay(id, date, amount) {
        Ok(paid) => document(64, |o| write_payment(o, &paid)),
        Err(e) => wallet_error_json(&e, lang),
    }
}

/// Writes the answer of [`Wallet::pay`]: `{"due", "lapsed": [...]}`.
pub(crate) fn write_payment(o: &mut Out<'_>, paid: &Payment) {
    let mut doc = o.object();
    doc.key(k!("due")).money(paid.due);
    lapsed_list(doc.key(k!("lapsed")), &paid.lapsed);
}

/// Releases an amount to the provider, after letting lapse what is overdue on its date:
/// `{"available", "lapsed": [...]}` (what the wallet still holds for the application), or the
/// error document.
pub fn wallet_release_json(
    wallet: &mut Wallet,
    id: &str,
    date: &str,
    amount: &str,
    lang: Lang,
) -> String {
    let (id, date, amount) = match id_date_and_amount(id, date, amount) {
        Ok(v) => v,
        Err(e) => return input_error(&e, lang),
    };
    match wallet.release(id, date, amount) {
        Ok(released) => document(48, |o| write_release(o, &released)),
        Err(e) => wallet_error_json(&e, lang),
    }
}

/// Stops an application, after letting lapse what is overdue on its date: its settlement with
/// those lapses (`{"aid_returned", "aid_used", "lapsed", "own_share_used", "refund"}`), or the
/// error document.
pub fn wallet_stop_json(wallet: &mut Wallet, id: &str, date: &str, lang: Lang) -> String {
    let (id, date) = match application_id(id)
        .and_then(|id| Ok((id, parse_date(date).map_err(|e| e.at("date"))?)))
    {
        Ok(v) => v,
        Err(e) => return input_error(&e, lang),
    };
    match wallet.stop(id, date) {
        Ok(stop) => document(128, |o| write_stop(o, &stop)),
        Err(e) => wallet_error_json(&e, lang),
    }
}

/// Writes the answer of [`Wallet::release`]: `{"available", "lapsed": [...]}`.
pub(crate) fn write_release(o: &mut Out<'_>, released: &Release) {
    let mut doc = o.object();
    doc.key(k!("available")).money(released.available);
    lapsed_list(doc.key(k!("lapsed")), &released.lapsed);
}

/// Writes the answer of [`Wallet::stop`]: the settlement with the applications that lapsed
/// first (`lapsed`).
pub(crate) fn write_stop(o: &mut Out<'_>, stop: &Stop) {
    settlement_document(o, stop.settlement, Some(&stop.lapsed));
}
