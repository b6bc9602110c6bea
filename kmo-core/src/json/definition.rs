//! The full form of `enterprise.size` (feature `full-sme`): several periods, the entities,
//! holdings and controls of the ownership graph, the earlier class and the ownership-change
//! policy, mapped to [`SmeDefinition`]. Like the rest of the request, names to types only.

use super::fields::{
    array, boolean, bounded_number, code, date, items, money, percent, string, Obj,
};
use super::figures::{figures, FIGURES, FULL_FORM, SIMPLE_FORM};
use super::reader::Node;
use crate::coded::OwnershipChangePolicy;
use crate::coded::SizeClass;
use crate::coded::{ControlRight, EntityType};
use crate::error::InputError;
use crate::sme::definition::{Period, SmeDefinition, Subject};
use crate::sme::relations::graph::KindDetails;
use crate::sme::relations::{Control, Entity, EntityKind, GraphPaths, Holding, Ownership};
use crate::sme::thresholds::ExactFigures;
use crate::units::{field_path, index_path};

pub(super) fn full_form(
    o: &Obj<'_>,
    ignored: &mut Vec<String>,
) -> Result<SmeDefinition, InputError> {
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
        // A period's keys: its closing date, the simple form's (the figures and `estimate`),
        // then its own graph.
        let mut period_keys: Vec<&str> = vec!["closing_date"];
        period_keys.extend(SIMPLE_FORM);
        period_keys.extend(["ownership_changed", "entities", "holdings", "controls"]);
        items(o.req("periods", array)?, |i, item| {
            let p = Obj::at(item, o.item_path("periods", i))?;
            p.known(&period_keys, ignored);
            period(&p, o, &shared, ignored, false)
        })?
    };
    let prior = o.opt("prior_class", |v, p| code(v, p, SizeClass::parse))?;
    let policy = o
        .opt("ownership_change", |v, p| {
            code(v, p, OwnershipChangePolicy::parse)
        })?
        .unwrap_or_default();
    SmeDefinition::from_document(subject, periods, single, prior, policy)
        .map_err(|e| e.under(&o.path()))
}

type Lists<'a> = (
    Option<&'a [Node<'a>]>,
    Option<&'a [Node<'a>]>,
    Option<&'a [Node<'a>]>,
);

/// One period: its own figures, and its graph (its own lists, or the shared ones) with where
/// its lists sit.
fn period<'a>(
    p: &Obj<'a>,
    top: &Obj<'_>,
    shared: &Lists<'a>,
    ignored: &mut Vec<String>,
    single: bool,
) -> Result<(Period, GraphPaths), InputError> {
    // Graph paths are relative to the size object, so that errors of SmeDefinition can be
    // prefixed once; a period's own list sits under `periods[i]`.
    let (own_path, top_path) = (p.path(), top.path());
    let prefix = own_path
        .strip_prefix(top_path.as_ref())
        .unwrap_or("")
        .trim_start_matches('.');
    let own = |key: &str| !single && p.has(key);
    let relative = |key: &str| {
        if own(key) {
            field_path(prefix, key)
        } else {
            key.to_string()
        }
    };
    let absolute = |rel: &str| crate::error::join_path(&top_path, rel);
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
            absolute(&index_path(&paths.entities, i)),
            ignored,
        )?);
    }
    for (i, v) in list("holdings", shared.1)?.iter().enumerate() {
        ownership.holdings.push(holding(
            v,
            absolute(&index_path(&paths.holdings, i)),
            ignored,
        )?);
    }
    for (i, v) in list("controls", shared.2)?.iter().enumerate() {
        ownership.controls.push(control(
            v,
            absolute(&index_path(&paths.controls, i)),
            ignored,
        )?);
    }
    let period = Period {
        closing_date: p.opt("closing_date", date)?,
        own: figures(p)?,
        estimate: p.opt("estimate", boolean)?.unwrap_or(false),
        ownership_changed: p.opt("ownership_changed", boolean)?.unwrap_or(false),
        ownership,
    };
    Ok((period, paths))
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
    let kind = EntityKind::from_type(kind_type, details).map_err(|e| e.under(&o.path()))?;
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
    Holding::from_shares(
        o.req("holder", |v, p| string(v, p).map(str::to_string))?,
        o.req("held", |v, p| string(v, p).map(str::to_string))?,
        capital,
        votes,
    )
    .map_err(|e| e.under(&o.path()))
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
    items(array(v, path)?, |i, item| {
        string(item, &index_path(path, i)).map(str::to_string)
    })
}
