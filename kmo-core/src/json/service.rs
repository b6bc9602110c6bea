//! The `service` object with its invoice lines: read alike in a request and in a wallet
//! document's applications.

use super::fields::{array, boolean, bounded_number, code, date, items, money, percent, Obj};
use super::reader::Node;
use crate::application::{CostInput, CostLine, Service};
use crate::coded::{CostLineKind, ExcludedTopic, ServiceKind, Subtheme, Theme};
use crate::error::{InputError, InputErrorCode as E};
use crate::identifiers::ProviderNumber;

/// The fields of the `service` object.
const SERVICE_KEYS: [&str; 9] = [
    "kind",
    "theme",
    "subtheme",
    "excluded_topic",
    "provider",
    "start_date",
    "cost",
    "lines",
    "vat_rate",
];
/// The fields of an invoice line (`service.lines[i]`).
const LINE_KEYS: [&str; 6] = [
    "kind",
    "amount",
    "persons",
    "days",
    "separately_invoiced",
    "exclusive_use",
];

/// The `service` object (also a wallet application's service).
pub(crate) fn service(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Service, InputError> {
    let from = o.known_begin(&SERVICE_KEYS, ignored);
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
    let service = Service {
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
    };
    o.known_end(&SERVICE_KEYS, ignored, from);
    Ok(service)
}

fn lines(o: &Obj<'_>, ignored: &mut Vec<String>) -> Result<Vec<CostLine>, InputError> {
    let list = o.req("lines", array)?;
    items(list, |i, item| {
        let line = o.item(item, "lines", i)?;
        let from = line.known_begin(&LINE_KEYS, ignored);
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
        line.known_end(&LINE_KEYS, ignored, from);
        Ok(l)
    })
}
