//! The questions a user can put through the typed API, generated from bytes
//! ([`arbitrary::Unstructured`]: the property test's random bytes or the fuzzer's input), each
//! also written as the JSON document; and the check that both doors give the same answer.
//!
//! Shared by `kmo-core/tests/typed_vs_document.rs` (proptest) and the cargo-fuzz target
//! `fuzz/fuzz_targets/typed_doors.rs`. Mostly valid values, with the extremes a user can still
//! build: `Decimal::MAX` and negative figures, dates of year −9999 or 9999, percentages above
//! 100, and sequences of wallet operations on any date.
//!
//! For each question: the typed answer is the JSON answer byte for byte (the response written
//! from the typed assessment equals the document's response), or both refuse with the same
//! code, path and message. A field the document checks while it reads (a date's range, a
//! figure, a percentage) is refused by the typed API at construction or in `validate`; where a
//! question has several such faults, the document names the first in its order, and the typed
//! API one of them.

#![allow(dead_code)] // each user of the model takes what it needs

use arbitrary::{Result, Unstructured};
use kmo_core::json::{
    parse_request, response_json, wallet_apply_json, wallet_from_json, wallet_pay_json,
    wallet_plan_json, wallet_release_json, wallet_stop_json, wallet_to_json,
};
use kmo_core::sme::definition::{Period, SmeDefinition, Subject};
use kmo_core::sme::periods::OwnershipChangePolicy;
use kmo_core::sme::relations::graph::KindDetails;
use kmo_core::sme::relations::{Control, ControlRight, Entity, EntityKind, EntityType, Holding};
use kmo_core::sme::thresholds::ExactFigures;
use kmo_core::units::{check_year_range, IsoDate};
use kmo_core::wallet::{Wallet, WalletError, YearBudget};
use kmo_core::OwnShareDeadline;
use kmo_core::*;
use serde_json::{json, Map, Value};

// ---- generating ------------------------------------------------------------------------------

fn pick<T: Copy>(u: &mut Unstructured<'_>, items: &[T]) -> Result<T> {
    Ok(*u.choose(items)?)
}

fn maybe<T>(
    u: &mut Unstructured<'_>,
    f: impl FnOnce(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Option<T>> {
    Ok(if u.arbitrary::<bool>()? {
        Some(f(u)?)
    } else {
        None
    })
}

/// `days` after `date` (before, when negative), kept within the date type's range.
fn plus(date: Date, days: i32) -> Date {
    Date::from_julian_day(date.to_julian_day().saturating_add(days)).unwrap_or(date)
}

fn day(year: i32, month: u8, d: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).unwrap(), d).unwrap()
}

/// A date: mostly 2015–2027, sometimes at or beyond the edges of the document's years.
fn gen_date(u: &mut Unstructured<'_>) -> Result<Date> {
    if u.ratio(1, 25)? {
        return pick(
            u,
            &[
                Date::MAX,
                Date::MIN,
                day(1899, 12, 31),
                day(1900, 1, 1),
                day(2199, 12, 31),
                day(2200, 1, 1),
                day(1, 1, 1),
            ],
        );
    }
    let offset = u.int_in_range(0..=4700)?;
    Ok(plus(day(2015, 1, 1), offset))
}

/// A decimal figure around `typical`, sometimes with decimals (at most `max_scale`), sometimes
/// an extreme a user can build.
fn gen_decimal(u: &mut Unstructured<'_>, typical: i64, max_scale: u32) -> Result<Decimal> {
    let extremes = [
        Decimal::MAX,
        Decimal::MIN,
        Decimal::from(-1),
        Decimal::from(-100),
        Decimal::from(-50_000_000),
        Decimal::new(-1, 2),
        Decimal::new(1, 3),
        Decimal::new(123_456_789, 7),
        Decimal::from(10_000_000),
        Decimal::from(10_000_001),
        Decimal::from(1_000_000_000_000_i64),
        Decimal::new(100_000_000_000_001, 2),
        Decimal::ZERO,
    ];
    Ok(match u.int_in_range(0..=24)? {
        0 => {
            let d = pick(u, &extremes)?;
            if d.normalize().scale() > max_scale {
                d.round_dp(max_scale)
            } else {
                d
            }
        }
        1 | 2 => {
            let scale = u.int_in_range(1..=max_scale.max(1))?;
            Decimal::new(u.int_in_range(0..=typical * 1000)?, scale)
        }
        _ => Decimal::from(u.int_in_range(0..=typical)?),
    })
}

/// A percentage: mostly whole, sometimes with decimals or outside 0–100.
fn gen_percent(u: &mut Unstructured<'_>) -> Result<Decimal> {
    Ok(match u.int_in_range(0..=39)? {
        0 => pick(
            u,
            &[
                Decimal::from(-1),
                Decimal::new(10001, 2),
                Decimal::new(1, 5),
                Decimal::from(1000),
            ],
        )?,
        1 => Decimal::new(u.int_in_range(0..=10_000)?, 2),
        2..=5 => pick(
            u,
            &[
                Decimal::from(25),
                Decimal::from(50),
                Decimal::new(5001, 2),
                Decimal::ONE_HUNDRED,
            ],
        )?,
        _ => Decimal::from(u.int_in_range(0..=100)?),
    })
}

/// Staff, turnover, balance-sheet total (staff with at most six decimals, the document's
/// `staff_awu`).
fn gen_figures(u: &mut Unstructured<'_>) -> Result<[Decimal; 3]> {
    Ok([
        gen_decimal(u, 300, 6)?,
        gen_decimal(u, 60_000_000, 2)?,
        gen_decimal(u, 50_000_000, 2)?,
    ])
}

const IDS: [&str; 5] = ["self", "A", "B", "C", "P"];

/// One entity of the graph.
#[derive(Clone, Debug)]
pub struct EntityM {
    pub id: &'static str,
    pub kind: EntityType,
    pub figures: Option<[Decimal; 3]>,
}

/// One holding: shares as the document gives them (either may be missing).
#[derive(Clone, Debug)]
pub struct HoldingM {
    pub holder: &'static str,
    pub held: &'static str,
    pub capital: Option<Decimal>,
    pub votes: Option<Decimal>,
}

/// One period of the full SME definition.
#[derive(Clone, Debug)]
pub struct PeriodM {
    pub closing: Option<Date>,
    pub own: [Decimal; 3],
    pub estimate: bool,
    pub changed: bool,
    pub entities: Vec<EntityM>,
    pub holdings: Vec<HoldingM>,
    pub controls: Vec<(&'static str, &'static str, ControlRight)>,
}

/// How the size is given.
#[derive(Clone, Debug)]
pub enum SizeM {
    Declared(SizeClass),
    Figures([Decimal; 3]),
    Full {
        periods: Vec<PeriodM>,
        prior: Option<SizeClass>,
        policy: OwnershipChangePolicy,
    },
}

/// One application, every part as a user of the typed API holds it.
#[derive(Clone, Debug)]
pub struct Question {
    pub lang: Lang,
    pub date: Date,
    pub legal_form: Option<LegalForm>,
    pub flemish: Option<bool>,
    pub public_pct: Decimal,
    pub maatwerk: bool,
    pub related: Option<bool>,
    pub kbo: Option<bool>,
    pub size: SizeM,
    pub year_class: Option<SizeClass>,
    pub de_minimis: Vec<(Date, i64)>,
    pub kind: ServiceKind,
    pub theme: Option<Theme>,
    pub subtheme: Option<Subtheme>,
    pub start: Option<Date>,
    pub cost_cents: i64,
    pub vat: Decimal,
    pub aid_used_cents: i64,
    pub deadline: OwnShareDeadline,
    pub approval: Option<Date>,
}

fn gen_entity(u: &mut Unstructured<'_>, id: &'static str) -> Result<EntityM> {
    let kind = pick(
        u,
        &[
            EntityType::Enterprise,
            EntityType::Enterprise,
            EntityType::Enterprise,
            EntityType::NaturalPerson,
            EntityType::PublicBody,
            EntityType::VentureCapital,
            EntityType::University,
        ],
    )?;
    let figures = if u.ratio(1, 6)? {
        None
    } else {
        Some(gen_figures(u)?)
    };
    Ok(EntityM { id, kind, figures })
}

fn gen_period(u: &mut Unstructured<'_>) -> Result<PeriodM> {
    let n = u.int_in_range(0..=4)?;
    let entities = (0..n)
        .map(|i| gen_entity(u, IDS[1 + i]))
        .collect::<Result<Vec<_>>>()?;
    let mut holdings = Vec::new();
    let count = if n == 0 && !u.ratio(1, 20)? {
        0
    } else {
        u.int_in_range(0..=4)?
    };
    for _ in 0..count {
        // Mostly a holding between two different entities, the held one an enterprise;
        // sometimes any pair (a holding of oneself, of a person: refused).
        let holder = u.int_in_range(0..=n)?;
        let mut held = (holder + 1 + u.int_in_range(0..=n.max(1) - 1)?) % (n + 1);
        let held_kind_ok = held == 0 || entities[held - 1].kind == EntityType::Enterprise;
        if !held_kind_ok && !u.ratio(1, 10)? {
            held = 0;
        }
        if u.ratio(1, 20)? {
            held = u.int_in_range(0..=n)?;
        }
        holdings.push(HoldingM {
            holder: IDS[holder],
            held: IDS[held],
            capital: if u.ratio(1, 40)? {
                None
            } else {
                Some(gen_percent(u)?)
            },
            votes: if u.ratio(1, 4)? {
                Some(gen_percent(u)?)
            } else {
                None
            },
        });
    }
    let mut controls = Vec::new();
    if u.ratio(1, 5)? {
        controls.push((
            pick(u, &IDS[..=n])?,
            pick(u, &IDS[..=n])?,
            pick(u, ControlRight::ALL)?,
        ));
    }
    Ok(PeriodM {
        closing: maybe(u, gen_date)?,
        own: gen_figures(u)?,
        estimate: u.ratio(1, 5)?,
        changed: u.ratio(1, 6)?,
        entities,
        holdings,
        controls,
    })
}

fn gen_size(u: &mut Unstructured<'_>, simple: bool) -> Result<SizeM> {
    let choice = if simple { 0 } else { u.int_in_range(0..=3)? };
    Ok(match choice {
        0 => SizeM::Declared(pick(u, SizeClass::ALL)?),
        1 => SizeM::Figures(gen_figures(u)?),
        _ => SizeM::Full {
            periods: (0..if u.ratio(1, 25)? {
                0
            } else {
                u.int_in_range(1..=3)?
            })
                .map(|_| gen_period(u))
                .collect::<Result<Vec<_>>>()?,
            prior: maybe(u, |u| pick(u, SizeClass::ALL))?,
            policy: pick(u, OwnershipChangePolicy::ALL)?,
        },
    })
}

/// A question; `simple` keeps to what a wallet's applications usually are (a declared class,
/// dates in 2025–2027, no de minimis), so that sequences of them share years.
pub fn gen_question(u: &mut Unstructured<'_>, simple: bool) -> Result<Question> {
    let date = if simple && !u.ratio(1, 30)? {
        plus(day(2025, 1, 1), u.int_in_range(0..=1000)?)
    } else {
        gen_date(u)?
    };
    let kind = pick(u, ServiceKind::ALL)?;
    Ok(Question {
        lang: pick(u, &[Lang::Nl, Lang::Fr, Lang::En])?,
        date,
        legal_form: maybe(u, |u| pick(u, LegalForm::ALL))?,
        flemish: maybe(u, |u| u.arbitrary())?,
        public_pct: if simple || u.ratio(2, 3)? {
            Decimal::ZERO
        } else {
            gen_percent(u)?
        },
        maatwerk: u.ratio(1, 8)?,
        related: maybe(u, |u| u.arbitrary())?,
        kbo: maybe(u, |u| u.arbitrary())?,
        size: gen_size(u, simple)?,
        year_class: if u.ratio(1, 8)? {
            Some(pick(u, SizeClass::ALL)?)
        } else {
            None
        },
        de_minimis: if simple {
            Vec::new()
        } else {
            (0..u.int_in_range(0..=2)?)
                .map(|_| {
                    let when = if u.ratio(1, 8)? {
                        gen_date(u)?
                    } else {
                        let back = u.int_in_range(0..=1500)?;
                        plus(date, -back)
                    };
                    Ok((when, u.int_in_range(0..=30_000_000)?))
                })
                .collect::<Result<Vec<_>>>()?
        },
        kind,
        theme: if u.ratio(4, 5)? {
            Some(pick(u, Theme::ALL)?)
        } else {
            None
        },
        subtheme: if u.ratio(1, 10)? {
            Some(pick(u, Subtheme::ALL)?)
        } else {
            None
        },
        start: if u.ratio(2, 3)? {
            if u.ratio(1, 10)? {
                Some(gen_date(u)?)
            } else {
                let days = u.int_in_range(-20..=20)?;
                Some(plus(date, days))
            }
        } else {
            None
        },
        cost_cents: u.int_in_range(0..=4_000_000)?,
        vat: if u.ratio(1, 10)? {
            gen_percent(u)?
        } else {
            Decimal::from(21)
        },
        aid_used_cents: if u.ratio(1, 4)? {
            u.int_in_range(0..=1_000_000)?
        } else {
            0
        },
        deadline: pick(u, OwnShareDeadline::ALL)?,
        approval: if u.ratio(1, 6)? {
            Some(gen_date(u)?)
        } else {
            None
        },
    })
}

// ---- the JSON document -----------------------------------------------------------------------

fn date_text(d: Date) -> String {
    IsoDate(d).to_string()
}

fn money_text(cents: i64) -> String {
    Money::from_cents(cents).unwrap().to_string()
}

fn figures_json(o: &mut Map<String, Value>, f: &[Decimal; 3]) {
    o.insert("staff_awu".into(), f[0].to_string().into());
    o.insert("turnover".into(), f[1].to_string().into());
    o.insert("balance_sheet".into(), f[2].to_string().into());
}

fn period_json(p: &PeriodM) -> Value {
    let mut o = Map::new();
    if let Some(c) = p.closing {
        o.insert("closing_date".into(), date_text(c).into());
    }
    figures_json(&mut o, &p.own);
    o.insert("estimate".into(), p.estimate.into());
    o.insert("ownership_changed".into(), p.changed.into());
    let entities: Vec<Value> = p
        .entities
        .iter()
        .map(|e| {
            let mut x = Map::new();
            x.insert("id".into(), e.id.into());
            x.insert("kind".into(), e.kind.as_str().into());
            if let Some(f) = &e.figures {
                figures_json(&mut x, f);
            }
            Value::Object(x)
        })
        .collect();
    let holdings: Vec<Value> = p
        .holdings
        .iter()
        .map(|h| {
            let mut x = Map::new();
            x.insert("holder".into(), h.holder.into());
            x.insert("held".into(), h.held.into());
            if let Some(c) = h.capital {
                x.insert("capital_pct".into(), c.to_string().into());
            }
            if let Some(v) = h.votes {
                x.insert("voting_pct".into(), v.to_string().into());
            }
            Value::Object(x)
        })
        .collect();
    let controls: Vec<Value> = p
        .controls
        .iter()
        .map(|(holder, held, right)| json!({"holder": holder, "held": held, "right": right.as_str()}))
        .collect();
    o.insert("entities".into(), entities.into());
    o.insert("holdings".into(), holdings.into());
    o.insert("controls".into(), controls.into());
    Value::Object(o)
}

impl Question {
    /// The request document of the question (the full size form always with its list of
    /// periods, each with its own lists: the typed API's layout).
    pub fn to_json(&self) -> Value {
        let size = match &self.size {
            SizeM::Declared(c) => json!({"class": c.as_str()}),
            SizeM::Figures(f) => {
                let mut o = Map::new();
                figures_json(&mut o, f);
                Value::Object(o)
            }
            SizeM::Full {
                periods,
                prior,
                policy,
            } => {
                let mut o = Map::new();
                o.insert(
                    "periods".into(),
                    periods.iter().map(period_json).collect::<Vec<_>>().into(),
                );
                if let Some(p) = prior {
                    o.insert("prior_class".into(), p.as_str().into());
                }
                o.insert("ownership_change".into(), policy.as_str().into());
                Value::Object(o)
            }
        };
        let mut enterprise = Map::new();
        if let Some(f) = self.legal_form {
            enterprise.insert("legal_form".into(), f.as_str().into());
        }
        if let Some(b) = self.flemish {
            enterprise.insert("flemish_establishment".into(), b.into());
        }
        enterprise.insert(
            "public_bodies_pct".into(),
            self.public_pct.to_string().into(),
        );
        enterprise.insert("maatwerkbedrijf".into(), self.maatwerk.into());
        if let Some(b) = self.related {
            enterprise.insert("related_to_provider".into(), b.into());
        }
        if let Some(b) = self.kbo {
            enterprise.insert("active_in_kbo".into(), b.into());
        }
        enterprise.insert("size".into(), size);
        if let Some(c) = self.year_class {
            enterprise.insert("year_size_class".into(), c.as_str().into());
        }
        enterprise.insert(
            "de_minimis".into(),
            self.de_minimis
                .iter()
                .map(|(d, c)| json!({"date": date_text(*d), "amount": money_text(*c)}))
                .collect::<Vec<_>>()
                .into(),
        );
        let mut service = Map::new();
        service.insert("kind".into(), self.kind.as_str().into());
        if let Some(t) = self.theme {
            service.insert("theme".into(), t.as_str().into());
        }
        if let Some(t) = self.subtheme {
            service.insert("subtheme".into(), t.as_str().into());
        }
        if let Some(s) = self.start {
            service.insert("start_date".into(), date_text(s).into());
        }
        service.insert("cost".into(), money_text(self.cost_cents).into());
        service.insert("vat_rate".into(), self.vat.to_string().into());
        let mut options = Map::new();
        options.insert("own_share_deadline".into(), self.deadline.as_str().into());
        if let Some(a) = self.approval {
            options.insert("approval_date".into(), date_text(a).into());
        }
        json!({
            "application_date": date_text(self.date),
            "lang": self.lang.as_str(),
            "enterprise": enterprise,
            "service": service,
            "wallet": {"aid_used": money_text(self.aid_used_cents)},
            "options": options,
        })
    }

    pub fn json_text(&self) -> String {
        self.to_json().to_string()
    }
}

// ---- the typed API -----------------------------------------------------------------------------

/// `e` placed under `prefix` (as the document's paths are).
pub fn under(e: InputError, prefix: &str) -> InputError {
    let path = match (prefix.is_empty(), e.path.is_empty()) {
        (true, _) => e.path.clone(),
        (_, true) => prefix.to_string(),
        _ if e.path.starts_with('[') => format!("{prefix}{}", e.path),
        _ => format!("{prefix}.{}", e.path),
    };
    e.at(path)
}

fn exact(f: &[Decimal; 3]) -> ExactFigures {
    ExactFigures {
        staff: f[0],
        turnover: f[1],
        balance_sheet: f[2],
    }
}

fn percent_at(value: Decimal, path: &str) -> std::result::Result<Percent, InputError> {
    Percent::from_decimal(value).map_err(|e| e.at(path))
}

/// The question built with the typed API, as a user would: each value through its constructor,
/// the size through `SmeDefinition::new`; every error placed at the document's path.
pub fn typed(q: &Question) -> std::result::Result<Application, InputError> {
    let size = match &q.size {
        SizeM::Declared(c) => SizeInput::Declared(*c),
        SizeM::Figures(f) => SizeInput::Figures(
            Figures::new(f[0], f[1], f[2]).map_err(|e| under(e, "enterprise.size"))?,
        ),
        SizeM::Full {
            periods,
            prior,
            policy,
        } => {
            let mut built = Vec::new();
            for (i, p) in periods.iter().enumerate() {
                let at = format!("enterprise.size.periods[{i}]");
                let mut holdings = Vec::new();
                for (k, h) in p.holdings.iter().enumerate() {
                    let here = format!("{at}.holdings[{k}]");
                    let capital = h
                        .capital
                        .map(|c| percent_at(c, &format!("{here}.capital_pct")))
                        .transpose()?;
                    let votes = h
                        .votes
                        .map(|v| percent_at(v, &format!("{here}.voting_pct")))
                        .transpose()?;
                    holdings.push(
                        Holding::from_shares(h.holder, h.held, capital, votes)
                            .map_err(|e| under(e, &here))?,
                    );
                }
                let entities = p
                    .entities
                    .iter()
                    .map(|e| Entity {
                        figures: e.figures.as_ref().map(exact),
                        ..Entity::new(
                            e.id,
                            EntityKind::from_type(e.kind, KindDetails::default()).unwrap(),
                        )
                    })
                    .collect();
                let controls = p
                    .controls
                    .iter()
                    .map(|(holder, held, right)| Control {
                        holder: (*holder).into(),
                        held: (*held).into(),
                        right: *right,
                    })
                    .collect();
                built.push(Period {
                    closing_date: p.closing,
                    estimate: p.estimate,
                    ownership_changed: p.changed,
                    ownership: kmo_core::sme::relations::Ownership {
                        entities,
                        holdings,
                        controls,
                    },
                    ..Period::new(
                        Figures::new(p.own[0], p.own[1], p.own[2]).map_err(|e| under(e, &at))?,
                    )
                });
            }
            let def = SmeDefinition::new(Subject::new("self"), built, *prior, *policy)
                .map_err(|e| under(e, "enterprise.size"))?;
            SizeInput::Full(Box::new(def))
        }
    };
    let enterprise = Enterprise {
        legal_form: q.legal_form,
        flemish_establishment: q.flemish,
        public_bodies_pct: percent_at(q.public_pct, "enterprise.public_bodies_pct")?,
        maatwerkbedrijf: q.maatwerk,
        related_to_provider: q.related,
        active_in_kbo: q.kbo,
        year_size_class: q.year_class,
        de_minimis: q
            .de_minimis
            .iter()
            .map(|(date, cents)| DeMinimisAid {
                date: *date,
                amount: Money::from_cents(*cents).unwrap(),
            })
            .collect(),
        ..Enterprise::new(size)
    };
    let service = Service {
        theme: q.theme,
        subtheme: q.subtheme,
        start_date: q.start,
        vat_rate: percent_at(q.vat, "service.vat_rate")?,
        ..Service::new(q.kind, Money::from_cents(q.cost_cents).unwrap())
    };
    Ok(Application {
        aid_used: Money::from_cents(q.aid_used_cents).unwrap(),
        options: Options {
            own_share_deadline: q.deadline,
            approval_date: q.approval,
            ..Options::default()
        },
        lang: q.lang,
        ..Application::new(q.date, enterprise, service)
    })
}

/// The faults of single fields the document finds while it reads, in its order, each as the
/// core's own constructor words it: what makes the document refuse before any rule runs.
pub fn field_faults(q: &Question) -> Vec<InputError> {
    let mut out = Vec::new();
    let date_at = |d: Date, path: &str, out: &mut Vec<InputError>| {
        if let Err(e) = check_year_range(d) {
            out.push(e.at(path));
        }
    };
    date_at(q.date, "application_date", &mut out);
    for (i, (d, _)) in q.de_minimis.iter().enumerate() {
        date_at(*d, &format!("enterprise.de_minimis[{i}].date"), &mut out);
    }
    if let Err(e) = Percent::from_decimal(q.public_pct) {
        out.push(e.at("enterprise.public_bodies_pct"));
    }
    match &q.size {
        SizeM::Declared(_) => {}
        SizeM::Figures(f) => {
            if let Err(e) = Figures::new(f[0], f[1], f[2]) {
                out.push(under(e, "enterprise.size"));
            }
        }
        SizeM::Full { periods, .. } => {
            for (i, p) in periods.iter().enumerate() {
                let at = format!("enterprise.size.periods[{i}]");
                for (j, e) in p.entities.iter().enumerate() {
                    if let Some(f) = &e.figures {
                        if let Err(err) = Figures::try_from(&exact(f)) {
                            out.push(under(err, &format!("{at}.entities[{j}]")));
                        }
                    }
                }
                for (k, h) in p.holdings.iter().enumerate() {
                    let here = format!("{at}.holdings[{k}]");
                    let capital = h
                        .capital
                        .map(|c| percent_at(c, &format!("{here}.capital_pct")));
                    let votes = h
                        .votes
                        .map(|v| percent_at(v, &format!("{here}.voting_pct")));
                    match (capital, votes) {
                        (Some(Err(e)), _) | (_, Some(Err(e))) => out.push(e),
                        (None, None) => out.push(under(
                            Holding::from_shares("", "", None, None).unwrap_err(),
                            &here,
                        )),
                        _ => {}
                    }
                }
                if let Some(c) = p.closing {
                    date_at(c, &format!("{at}.closing_date"), &mut out);
                }
                if let Err(e) = Figures::new(p.own[0], p.own[1], p.own[2]) {
                    out.push(under(e, &at));
                }
            }
        }
    }
    if let Some(s) = q.start {
        date_at(s, "service.start_date", &mut out);
    }
    if let Err(e) = Percent::from_decimal(q.vat) {
        out.push(e.at("service.vat_rate"));
    }
    if let Some(a) = q.approval {
        date_at(a, "options.approval_date", &mut out);
    }
    out
}

// ---- comparing ---------------------------------------------------------------------------------

/// The `error` of a JSON answer: code, path, message.
fn error_of(answer: &str) -> Option<(String, String, String)> {
    let v: Value = serde_json::from_str(answer).expect("every answer is JSON");
    let e = v.get("error")?;
    Some((
        e["code"].as_str()?.to_string(),
        e["path"].as_str()?.to_string(),
        e["message"].as_str()?.to_string(),
    ))
}

/// Whether every date of the question can be written as the document writes it (years 0–9999:
/// the typed refusal and the document's then have the same message).
fn writable(dates: impl IntoIterator<Item = Date>) -> bool {
    dates.into_iter().all(|d| (0..=9999).contains(&d.year()))
}

fn dates_of(q: &Question) -> Vec<Date> {
    let mut d = vec![q.date];
    d.extend(q.de_minimis.iter().map(|x| x.0));
    d.extend(q.start);
    d.extend(q.approval);
    if let SizeM::Full { periods, .. } = &q.size {
        d.extend(periods.iter().filter_map(|p| p.closing));
    }
    d
}

/// A refusal of the document and one of the typed API agree: the same code and path, and the
/// same message (in the question's language) when every date can be written.
fn same_refusal(
    json: &(String, String, String),
    code: &str,
    path: &str,
    message: &str,
    exact: bool,
) {
    assert_eq!(
        (json.0.as_str(), json.1.as_str()),
        (code, path),
        "the document refused with {json:?}, the typed API with {code} at {path}: {message}"
    );
    if exact {
        assert_eq!(json.2, message, "messages differ for {code} at {path}");
    }
}

/// Whether the document reads the field at `path` before the size (`enterprise.size`).
fn read_before_size(path: &str) -> bool {
    path == "application_date"
        || path.starts_with("enterprise.de_minimis")
        || path == "enterprise.public_bodies_pct"
}

/// The refusal the document gives while it *reads* the question, or `None` when it reads it
/// (what `validate` and the rules then say is the same code in both doors). Checks on the way
/// that the typed API refuses a question with a faulty field: with one of its faults (at
/// construction, or in `validate`), or with a fault of the size's structure (an empty list of
/// periods, a holding of oneself, …) found while building the size, before `validate` sees the
/// dates — which the document reports first too, unless a field it reads before the size is
/// faulty.
pub fn document_read_error(q: &Question) -> Option<InputError> {
    let faults = field_faults(q);
    match (faults.first(), typed(q)) {
        (Some(first), built) => {
            let e = match built {
                Err(e) => e,
                Ok(app) => app.validate().expect_err("the typed API accepted a fault"),
            };
            let is_fault = faults.iter().any(|f| f.code == e.code && f.path == e.path);
            assert!(
                is_fault || e.path.starts_with("enterprise.size"),
                "typed refusal {e:?} is none of the faults {faults:?}"
            );
            Some(if is_fault || read_before_size(&first.path) {
                first.clone()
            } else {
                e
            })
        }
        (None, Err(e)) => Some(e),
        (None, Ok(_)) => None,
    }
}

/// One question through both doors: the same answer, byte for byte, or the same refusal.
pub fn check_question(q: &Question) {
    let text = q.json_text();
    let answer = assess_json(&text);
    let exact = writable(dates_of(q));
    let refused = |e: &InputError| {
        let json = error_of(&answer)
            .unwrap_or_else(|| panic!("typed refused ({e:?}), the document answered: {text}"));
        same_refusal(&json, e.code.as_str(), &e.path, &e.message(q.lang), exact);
    };
    if let Some(e) = document_read_error(q) {
        return refused(&e);
    }
    let app = typed(q).expect("read by both doors");
    match assess(&app) {
        Err(e) => refused(&e),
        Ok(assessment) => {
            let parsed = parse_request(&text)
                .unwrap_or_else(|e| panic!("typed answered, the document refused {e:?}"));
            assert_eq!(
                parsed.application, app,
                "the document read another question"
            );
            assert_eq!(
                response_json(&assessment, &parsed),
                answer,
                "typed and document answers differ"
            );
        }
    }
}

// ---- the wallet ----------------------------------------------------------------------------------

/// One operation on a wallet.
#[derive(Clone, Debug)]
pub enum Op {
    Apply(Box<Question>),
    Pay { pick: u8, date: DateOp, cents: i64 },
    Release { pick: u8, date: DateOp, cents: i64 },
    Stop { pick: u8, date: DateOp },
    Plan(Vec<Question>),
}

/// The date of an operation: days after the picked application's date, or any date.
#[derive(Clone, Copy, Debug)]
pub enum DateOp {
    After(u16),
    Any(Date),
}

fn gen_date_op(u: &mut Unstructured<'_>) -> Result<DateOp> {
    Ok(if u.ratio(1, 10)? {
        DateOp::Any(gen_date(u)?)
    } else {
        DateOp::After(u.int_in_range(0..=60)?)
    })
}

pub fn gen_ops(u: &mut Unstructured<'_>) -> Result<Vec<Op>> {
    let n = u.int_in_range(0..=12)?;
    let mut ops = Vec::with_capacity(n);
    for _ in 0..n {
        ops.push(match u.int_in_range(0..=9)? {
            0..=3 => {
                let simple = !u.ratio(1, 8)?;
                Op::Apply(Box::new(gen_question(u, simple)?))
            }
            4..=5 => Op::Pay {
                pick: u.arbitrary()?,
                date: gen_date_op(u)?,
                cents: if u.ratio(1, 2)? {
                    -1 // the own share still due
                } else {
                    u.int_in_range(0..=2_000_000)?
                },
            },
            6 | 7 => Op::Release {
                pick: u.arbitrary()?,
                date: gen_date_op(u)?,
                cents: u.int_in_range(0..=3_000_000)?,
            },
            8 => Op::Stop {
                pick: u.arbitrary()?,
                date: gen_date_op(u)?,
            },
            _ => Op::Plan(
                (0..u.int_in_range(0..=2)?)
                    .map(|_| gen_question(u, true))
                    .collect::<Result<Vec<_>>>()?,
            ),
        });
    }
    Ok(ops)
}

fn ids(ids: &[u32]) -> String {
    ids.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

fn years_text(years: &[YearBudget]) -> String {
    let each: Vec<String> = years
        .iter()
        .map(|y| {
            format!(
                r#"{{"ceiling":"{}","counted":"{}","left":"{}","size_class":{},"year":{}}}"#,
                y.ceiling,
                y.counted,
                y.left,
                y.size_class
                    .map_or("null".to_string(), |c| format!("\"{}\"", c.as_str())),
                y.year
            )
        })
        .collect();
    format!("[{}]", each.join(","))
}

/// A wallet refusal and the document's agree.
fn same_wallet_refusal(answer: &str, e: &WalletError, lang: Lang, exact: bool) {
    let json = error_of(answer)
        .unwrap_or_else(|| panic!("typed refused {e:?}, the document answered {answer}"));
    same_refusal(&json, e.code().as_str(), e.path(), &e.message(lang), exact);
}

/// A sequence of operations on two wallets, one through the typed API and one through the
/// document's operations: the same answers, and the same wallet after each.
pub fn check_wallet(ops: &[Op]) {
    let mut tw = Wallet::new();
    let mut doc = Wallet::new();
    let lang = Lang::En;
    for op in ops {
        let target = |pick: u8, date: DateOp, w: &Wallet| -> (u32, Date) {
            let apps = w.applications();
            let (id, from) = if apps.is_empty() {
                (u32::from(pick), day(2026, 1, 1))
            } else {
                let a = &apps[usize::from(pick) % apps.len()];
                (a.id, a.application_date)
            };
            let date = match date {
                DateOp::After(days) => plus(from, i32::from(days)),
                DateOp::Any(d) => d,
            };
            (id, date)
        };
        match op {
            Op::Apply(q) => {
                let text = q.json_text();
                let answer = wallet_apply_json(&mut doc, &text);
                let exact = writable(dates_of(q));
                if let Some(e) = document_read_error(q) {
                    let json = error_of(&answer).expect("the document refuses too");
                    same_refusal(&json, e.code.as_str(), &e.path, &e.message(q.lang), exact);
                    if let Ok(app) = typed(q) {
                        assert!(tw.apply(&app).is_err(), "the typed wallet took a fault");
                    }
                    continue;
                }
                let app = typed(q).expect("read by both doors");
                match tw.apply(&app) {
                    Ok(applied) => {
                        let parsed = parse_request(&text).unwrap();
                        let expected = format!(
                            r#"{{"assessment":{},"id":{},"lapsed":[{}],"recorded":{}}}"#,
                            response_json(&applied.assessment, &parsed),
                            applied.id,
                            ids(&applied.lapsed),
                            applied.recorded
                        );
                        assert_eq!(answer, expected);
                    }
                    Err(e) => same_wallet_refusal(&answer, &e, q.lang, exact),
                }
            }
            Op::Pay { pick, date, cents } => {
                let (id, date) = target(*pick, *date, &tw);
                let due = tw
                    .get(id)
                    .map_or(0, |a| a.own_share.saturating_sub(a.paid()).cents());
                let cents = if *cents < 0 { due } else { *cents };
                let amount = Money::from_cents(cents).unwrap();
                let answer = wallet_pay_json(
                    &mut doc,
                    &id.to_string(),
                    &date_text(date),
                    &amount.to_string(),
                    lang,
                );
                match tw.pay(id, date, amount) {
                    Ok(p) => assert_eq!(
                        answer,
                        format!(r#"{{"due":"{}","lapsed":[{}]}}"#, p.due, ids(&p.lapsed))
                    ),
                    Err(e) => same_wallet_refusal(&answer, &e, lang, writable([date])),
                }
            }
            Op::Release { pick, date, cents } => {
                let (id, date) = target(*pick, *date, &tw);
                let amount = Money::from_cents(*cents).unwrap();
                let answer = wallet_release_json(
                    &mut doc,
                    &id.to_string(),
                    &date_text(date),
                    &amount.to_string(),
                    lang,
                );
                match tw.release(id, date, amount) {
                    Ok(r) => assert_eq!(
                        answer,
                        format!(
                            r#"{{"available":"{}","lapsed":[{}]}}"#,
                            r.available,
                            ids(&r.lapsed)
                        )
                    ),
                    Err(e) => same_wallet_refusal(&answer, &e, lang, writable([date])),
                }
            }
            Op::Stop { pick, date } => {
                let (id, date) = target(*pick, *date, &tw);
                let answer = wallet_stop_json(&mut doc, &id.to_string(), &date_text(date), lang);
                match tw.stop(id, date) {
                    Ok(s) => {
                        let t = s.settlement;
                        assert_eq!(
                            answer,
                            format!(
                                r#"{{"aid_returned":"{}","aid_used":"{}","lapsed":[{}],"own_share_used":"{}","refund":"{}"}}"#,
                                t.aid_returned,
                                t.aid_used,
                                ids(&s.lapsed),
                                t.own_share_used,
                                t.refund
                            )
                        );
                    }
                    Err(e) => same_wallet_refusal(&answer, &e, lang, writable([date])),
                }
            }
            Op::Plan(questions) => {
                let list: Vec<Value> = questions.iter().map(Question::to_json).collect();
                let text = Value::from(list).to_string();
                let answer = wallet_plan_json(&doc, &text);
                // Read item by item: the error in the language of the item that fails.
                let unread = questions
                    .iter()
                    .enumerate()
                    .find_map(|(i, q)| document_read_error(q).map(|e| (i, e)));
                if let Some((i, e)) = unread {
                    let json = error_of(&answer).expect("the document refuses the plan");
                    let exact = questions.iter().all(|q| writable(dates_of(q)));
                    let path = format!("[{i}].{}", e.path);
                    same_refusal(
                        &json,
                        e.code.as_str(),
                        &path,
                        &e.message(questions[i].lang),
                        exact,
                    );
                    continue;
                }
                let apps: Vec<Application> = questions
                    .iter()
                    .map(|q| typed(q).expect("read by both doors"))
                    .collect();
                match tw.plan(&apps) {
                    Ok(plan) => {
                        let items: Vec<String> = plan
                            .items
                            .iter()
                            .zip(questions)
                            .map(|(item, q)| {
                                let parsed = parse_request(&q.json_text()).unwrap();
                                let better = match item.better_next_year {
                                    Some((date, aid)) => format!(
                                        r#"{{"aid":"{aid}","application_date":"{}"}}"#,
                                        date_text(date)
                                    ),
                                    None => "null".to_string(),
                                };
                                format!(
                                    r#"{{"assessment":{},"better_next_year":{better}}}"#,
                                    response_json(&item.assessment, &parsed)
                                )
                            })
                            .collect();
                        let expected = format!(
                            r#"{{"items":[{}],"lapsed":[{}],"years":{},"years_before":{}}}"#,
                            items.join(","),
                            ids(&plan.lapsed),
                            years_text(&plan.years),
                            years_text(&plan.years_before)
                        );
                        assert_eq!(answer, expected);
                    }
                    Err(e) => {
                        let json = error_of(&answer).expect("the document refuses the plan");
                        let lang = questions.first().map_or(Lang::En, |q| q.lang);
                        same_refusal(&json, e.code.as_str(), &e.path, &e.message(lang), true);
                    }
                }
            }
        }
        assert_eq!(tw, doc, "the two wallets differ after {op:?}");
        let text = wallet_to_json(&tw);
        let back = wallet_from_json(&text).unwrap_or_else(|e| panic!("{e:?}: {text}"));
        assert_eq!(back, tw, "the wallet document does not read back");
        // Invariants: on any day, a year's counted aid is within its ceiling.
        if let Ok(now) = tw.as_of(day(2199, 12, 31)) {
            for y in now.wallet.years() {
                assert!(y.counted <= y.ceiling || y.size_class.is_none(), "{y:?}");
            }
        }
    }
}

/// One whole case: a question, and a sequence of wallet operations.
#[derive(Clone, Debug)]
pub struct Case {
    pub question: Question,
    pub ops: Vec<Op>,
}

impl<'a> arbitrary::Arbitrary<'a> for Case {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Case> {
        gen_case(u)
    }
}

pub fn gen_case(u: &mut Unstructured<'_>) -> Result<Case> {
    Ok(Case {
        question: gen_question(u, false)?,
        ops: gen_ops(u)?,
    })
}

pub fn check_case(case: &Case) {
    check_question(&case.question);
    check_wallet(&case.ops);
}
