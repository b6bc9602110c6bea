//! The answers of the wallet's operations (apply, plan, pay, release, stop, lapse what is
//! overdue, the year's budget on a date) and its refusals,
//! as the faces give them: each reads its question, asks the wallet, writes the answer.

use super::request::{read_request, read_request_list};
use super::response;
use super::wallet::{lapsed_list, settlement_document, year_document, years_document};
use super::writer::k;
use super::writer::{document, error_into, text_content, Out};
use crate::coded::Lang;
use crate::error::InputError;
use crate::units::{parse_date, Money};
use crate::wallet::{Applied, AsOf, Payment, Plan, Release, Stop, Wallet, WalletError};

/// The error document of a wallet refusal, its message in `lang`.
///
/// ```
/// use kmo_core::{json::wallet_error_json, wallet::WalletError, Lang};
/// let doc = wallet_error_json(&WalletError::ZeroAmount, Lang::En);
/// assert!(doc.contains(r#""code":"ZERO_AMOUNT""#) && doc.contains(r#""path":"amount""#));
/// ```
pub fn wallet_error_json(e: &WalletError, lang: Lang) -> String {
    document(160, |o| {
        error_into(o, e.code().as_str(), e.path(), |m| {
            text_content(m, &e.message(lang));
        });
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
        error_into(o, e.code().as_str(), path, |m| {
            text_content(m, &e.message(lang));
        });
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
    let (id, date) = match application_id(id).and_then(|id| Ok((id, operation_date(date)?))) {
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

/// A date of a wallet operation given as text, read as the document reads it (at `date`).
fn operation_date(date: &str) -> Result<time::Date, InputError> {
    parse_date(date).map_err(|e| e.at("date"))
}

/// Lets lapse every application whose own share is not paid in full by its deadline, as of
/// `date` ([`Wallet::lapse_overdue`]): `{"lapsed": [...]}`, their ids in the order they were
/// recorded, or the error document (`INVALID_DATE` at `date`; the wallet is unchanged).
///
/// ```
/// use kmo_core::json::{wallet_apply_json, wallet_lapse_overdue_json};
/// use kmo_core::{wallet::Wallet, Lang};
/// let mut w = Wallet::new();
/// wallet_apply_json(&mut w, r#"{"application_date":"2026-02-09","enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","cost":"20000"}}"#); // own share due by 23 February
/// assert_eq!(wallet_lapse_overdue_json(&mut w, "2026-02-23", Lang::En), r#"{"lapsed":[]}"#);
/// assert_eq!(wallet_lapse_overdue_json(&mut w, "2026-02-24", Lang::En), r#"{"lapsed":[1]}"#);
/// ```
pub fn wallet_lapse_overdue_json(wallet: &mut Wallet, date: &str, lang: Lang) -> String {
    let date = match operation_date(date) {
        Ok(d) => d,
        Err(e) => return input_error(&e, lang),
    };
    match wallet.lapse_overdue(date) {
        Ok(lapsed) => document(32, |o| write_lapsed(o, &lapsed)),
        Err(e) => wallet_error_json(&e, lang),
    }
}

/// Writes the answer of [`Wallet::lapse_overdue`]: `{"lapsed": [...]}`.
pub(crate) fn write_lapsed(o: &mut Out<'_>, lapsed: &[u32]) {
    let mut doc = o.object();
    lapsed_list(doc.key(k!("lapsed")), lapsed);
}

/// The budget of `date`'s calendar year as it stands on that date ([`Wallet::as_of`]: what is
/// overdue by then lapsed; [`Wallet::year_budget_on`]: applications, stops and lapses of later
/// days left out; the wallet itself is not changed): `{"lapsed": [...], "year":
/// {"ceiling", "counted", "left", "size_class", "year"}}`, or the error document
/// (`INVALID_DATE` at `date`).
///
/// ```
/// use kmo_core::json::{wallet_apply_json, wallet_budget_json};
/// use kmo_core::{wallet::Wallet, Lang};
/// let mut w = Wallet::new();
/// wallet_apply_json(&mut w, r#"{"application_date":"2026-02-09","enterprise":{"size":{"class":"small"}},
///   "service":{"kind":"training","theme":"innovatie","cost":"20000"}}"#); // 6 000 of aid
/// assert!(wallet_budget_json(&w, "2026-02-23", Lang::En).contains(r#""left":"1500.00""#));
/// // Lapsed on 24 February: its aid is back, and, never granted, it fixes no class.
/// assert_eq!(wallet_budget_json(&w, "2026-02-24", Lang::En),
///     r#"{"lapsed":[1],"year":{"ceiling":"7500.00","counted":"0.00","left":"7500.00","size_class":null,"year":2026}}"#);
/// ```
pub fn wallet_budget_json(wallet: &Wallet, date: &str, lang: Lang) -> String {
    let date = match operation_date(date) {
        Ok(d) => d,
        Err(e) => return input_error(&e, lang),
    };
    match wallet.as_of(date) {
        Ok(as_of) => document(160, |o| write_budget(o, &as_of, date)),
        Err(e) => wallet_error_json(&e, lang),
    }
}

/// Writes the budget of `date`'s year in the wallet as of that date (its applications and
/// ends of later days left out: [`Wallet::year_budget_on`]): `{"lapsed", "year"}`.
pub(crate) fn write_budget(o: &mut Out<'_>, as_of: &AsOf, date: time::Date) {
    let mut doc = o.object();
    lapsed_list(doc.key(k!("lapsed")), &as_of.lapsed);
    year_document(
        doc.key(k!("year")),
        &as_of.wallet.year_budget_on(date.year(), date),
    );
}
