//! The wallet as a JSON document (the answers of its operations are in `wallet_ops.rs`).
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

use super::fields::{array, code, date, items, money, percent, whole_number, Obj};
use super::reader;
use super::request_writer::write_service;
use super::service::service;
use super::writer::k;
use super::writer::{document, Out};
use crate::coded::SizeClass;
use crate::coded::StatusKind;
use crate::error::InputError;
use crate::units::Money;
use crate::wallet::{Movement, Settlement, Status, Wallet, WalletApplication, YearBudget};

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
        let a = Obj::at(item, o.item_path("applications", i))?;
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
            .map_err(|e| e.under(&a.path()))?;
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
    let wallet = Wallet::from_applications(apps).map_err(|e| e.under(&o.path()))?;
    match o.opt("next_id", whole_number)? {
        Some(next) => wallet.with_next_id(next).map_err(|e| e.under(&o.path())),
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
    items(list, |j, m| {
        let m = Obj::at(m, a.item_path(key, j))?;
        m.known(&["date", "amount"], ignored);
        Ok(Movement {
            date: m.req("date", date)?,
            amount: m.req("amount", money)?,
        })
    })
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
pub(super) fn lapsed_list(o: &mut Out<'_>, ids: &[u32]) {
    o.list(ids, |o, id| o.int(*id));
}

fn movement(o: &mut Out<'_>, m: &Movement) {
    let mut item = o.object();
    item.key(k!("amount")).money(m.amount);
    item.key(k!("date")).iso(m.date);
}

/// The budgets of calendar years: `[{"ceiling","counted","left","size_class","year"}]`.
pub(super) fn years_document(o: &mut Out<'_>, years: &[YearBudget]) {
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
