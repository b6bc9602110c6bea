//! The request document of a typed [`Application`]: what a caller would send for it, written by
//! the library's one writer and read back by its one reader ([`parse_request`]) as the same
//! application.
//!
//! Every field the application holds is written, defaults and `null`s included, keys in name
//! order: a canonical form, not a copy of whatever text the application was once read from.
//! A staff figure is written as `staff_awu`, exactly, a staff list's count too (two thirds of a
//! year is 0.666…7), which the reader takes as it is. The full SME definition is written with the
//! periods and ownership graphs it was given ([`SmeDefinition::inputs`]); a period's graph sits
//! at the top of the size object when it is the one the periods share, in the period otherwise.
//!
//! [`parse_request`]: super::parse_request
//! [`SmeDefinition::inputs`]: crate::sme::definition::SmeDefinition::inputs

use rust_decimal::Decimal;

use super::writer::{document, k, Out};
use crate::application::DeMinimisAid;
use crate::application::{Application, Enterprise, Options, Service, SizeInput};
use crate::application::{CostInput, CostLine};
use crate::sme::Figures;
use crate::units::push_decimal;

/// The request document of `app`: [`parse_request`](super::parse_request) reads it back as an
/// equal application (the language, the options and every default included).
///
/// ```
/// use kmo_core::json::{parse_request, request_to_json};
/// use kmo_core::*;
///
/// let app = Application {
///     aid_used: Money::parse("7200")?,
///     ..Application::new(
///         parse_date("2026-03-10")?,
///         Enterprise { legal_form: Some(LegalForm::Bv), ..Enterprise::new(SizeInput::Declared(SizeClass::Small)) },
///         Service { theme: Some(Theme::Personeelsmanagement), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) },
///     )
/// };
/// let text = request_to_json(&app);
/// assert!(text.starts_with(r#"{"application_date":"2026-03-10","enterprise":{"active_in_kbo":null,"#));
/// assert!(text.ends_with(r#""wallet":{"aid_used":"7200.00"}}"#));
/// assert_eq!(parse_request(&text)?.application, app);
/// // The same answer as the typed call.
/// let answer: serde_json::Value = serde_json::from_str(&assess_json(&text)).unwrap();
/// assert_eq!(answer["aid"], assess(&app)?.aid.to_string()); // "300.00": the ceiling is nearly used
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn request_to_json(app: &Application) -> String {
    document(1024, |o| write_request(o, app))
}

/// Writes the request document of `app`.
pub(crate) fn write_request(o: &mut Out<'_>, app: &Application) {
    // Taken apart field by field: a new field of the question does not compile until it is
    // written here.
    let Application {
        application_date,
        enterprise,
        service,
        aid_used,
        options,
        lang,
    } = app;
    let mut doc = o.object();
    doc.key(k!("application_date")).iso(*application_date);
    write_enterprise(doc.key(k!("enterprise")), enterprise);
    doc.key(k!("lang")).name(lang.as_str());
    write_options(doc.key(k!("options")), options);
    write_service(doc.key(k!("service")), service);
    doc.key(k!("wallet"))
        .object()
        .key(k!("aid_used"))
        .money(*aid_used);
}

fn write_options(o: &mut Out<'_>, options: &Options) {
    let Options {
        own_share_deadline,
        approval_date,
        portal_registration_date,
        first_time,
    } = options;
    let mut doc = o.object();
    doc.key(k!("approval_date")).date(*approval_date);
    doc.key(k!("first_time")).bool(*first_time);
    doc.key(k!("own_share_deadline"))
        .name(own_share_deadline.as_str());
    doc.key(k!("portal_registration_date"))
        .date(*portal_registration_date);
}

fn write_enterprise(o: &mut Out<'_>, e: &Enterprise) {
    let Enterprise {
        legal_form,
        nace,
        flemish_establishment,
        public_bodies_pct,
        maatwerkbedrijf,
        related_to_provider,
        enterprise_number,
        active_in_kbo,
        size,
        year_size_class,
        de_minimis,
        fiscal_year_end,
    } = e;
    let opt_bool = |o: &mut Out<'_>, b: &Option<bool>| match b {
        Some(b) => o.bool(*b),
        None => o.raw("null"),
    };
    let mut doc = o.object();
    opt_bool(doc.key(k!("active_in_kbo")), active_in_kbo);
    doc.key(k!("de_minimis"))
        .list(de_minimis, |o, aid: &DeMinimisAid| {
            let mut item = o.object();
            item.key(k!("amount")).money(aid.amount);
            item.key(k!("date")).iso(aid.date);
        });
    doc.key(k!("enterprise_number"))
        .opt_str(enterprise_number.map(|n| n.to_string()).as_deref());
    doc.key(k!("fiscal_year_end"))
        .opt_str(fiscal_year_end.map(|f| f.to_string()).as_deref());
    opt_bool(doc.key(k!("flemish_establishment")), flemish_establishment);
    doc.key(k!("legal_form"))
        .opt_str(legal_form.map(|f| f.as_str()));
    doc.key(k!("maatwerkbedrijf")).bool(*maatwerkbedrijf);
    doc.key(k!("nace"))
        .opt_str(nace.map(|n| n.to_string()).as_deref());
    doc.key(k!("public_bodies_pct")).percent(*public_bodies_pct);
    opt_bool(doc.key(k!("related_to_provider")), related_to_provider);
    write_size(doc.key(k!("size")), size);
    doc.key(k!("year_size_class"))
        .opt_str(year_size_class.map(|c| c.as_str()));
}

fn write_size(o: &mut Out<'_>, size: &SizeInput) {
    match size {
        SizeInput::Declared(class) => {
            o.object().key(k!("class")).name(class.as_str());
        }
        SizeInput::Figures(f) => {
            let Figures {
                staff,
                turnover,
                balance_sheet,
            } = f;
            let mut doc = o.object();
            doc.key(k!("balance_sheet")).money(*balance_sheet);
            staff_field(&mut doc, staff.as_decimal());
            doc.key(k!("turnover")).money(*turnover);
        }
        #[cfg(feature = "full-sme")]
        SizeInput::Full(def) => full::write_definition(o, def),
    }
}

/// The staff of a period or an entity, as `staff_awu`: exactly, whatever its decimals (a staff
/// list's count too: two thirds of a year is 0.666…7), as the reader takes it; written between
/// `balance_sheet` and `turnover` (both keys sort there).
fn staff_field(doc: &mut super::writer::Fields<'_, '_>, awu: Decimal) {
    doc.key(k!("staff_awu")).decimal_text(awu.normalize());
}

/// A service in the request form (also a wallet application's service).
pub(crate) fn write_service(o: &mut Out<'_>, s: &Service) {
    let Service {
        kind,
        theme,
        subtheme,
        excluded_topic,
        provider,
        start_date,
        cost,
        vat_rate,
    } = s;
    let mut doc = o.object();
    if let CostInput::Amount(m) = cost {
        doc.key(k!("cost")).money(*m);
    }
    doc.key(k!("excluded_topic"))
        .opt_str(excluded_topic.map(|t| t.as_str()));
    doc.key(k!("kind")).name(kind.as_str());
    if let CostInput::Lines(lines) = cost {
        doc.key(k!("lines")).list(lines, |o, l| {
            let CostLine {
                kind,
                amount,
                persons,
                days,
                separately_invoiced,
                exclusive_use,
            } = l;
            let count = |o: &mut Out<'_>, n: &Option<u32>| match n {
                Some(n) => o.int(*n),
                None => o.raw("null"),
            };
            let mut line = o.object();
            line.key(k!("amount")).money(*amount);
            count(line.key(k!("days")), days);
            line.key(k!("exclusive_use")).bool(*exclusive_use);
            line.key(k!("kind")).name(kind.as_str());
            count(line.key(k!("persons")), persons);
            line.key(k!("separately_invoiced"))
                .bool(*separately_invoiced);
        });
    }
    doc.key(k!("provider"))
        .opt_str(provider.map(|p| p.to_string()).as_deref());
    doc.key(k!("start_date")).date(*start_date);
    doc.key(k!("subtheme"))
        .opt_str(subtheme.map(|t| t.as_str()));
    doc.key(k!("theme")).opt_str(theme.map(|t| t.as_str()));
    doc.key(k!("vat_rate")).percent(*vat_rate);
}

impl Out<'_> {
    /// A decimal without trailing zeros, as a string.
    fn decimal_text(&mut self, d: Decimal) {
        self.0.push(b'"');
        push_decimal(self.0, d);
        self.0.push(b'"');
    }
}

/// The full form of `enterprise.size` (feature `full-sme`).
#[cfg(feature = "full-sme")]
mod full {
    use super::{staff_field, Out};
    use crate::json::writer::k;
    use crate::sme::definition::{Period, SmeDefinition, Subject};
    use crate::sme::relations::{Control, Entity, EntityKind, GraphPaths, Holding};
    use crate::sme::Figures;

    /// Which of a period's lists it gives itself, rather than the shared ones at the top.
    struct Own {
        entities: bool,
        holdings: bool,
        controls: bool,
    }

    pub(super) fn write_definition(o: &mut Out<'_>, def: &SmeDefinition) {
        let Subject {
            id,
            market,
            adjacent_markets,
            consolidates,
        } = def.subject();
        let periods = def.inputs();
        let paths = def.graph_paths();
        // The shared graph: the lists of the first period that took them from the top (the
        // reader gives such a period the paths `entities`, not `periods[i].entities`).
        let shared = |own_path: fn(&GraphPaths) -> &str| {
            periods
                .iter()
                .zip(paths)
                .find(|(_, at)| !own_path(at).starts_with("periods["))
                .map(|(p, _)| p)
        };
        let entities = shared(|at| &at.entities);
        let holdings = shared(|at| &at.holdings);
        let controls = shared(|at| &at.controls);
        let own: Vec<Own> = periods
            .iter()
            .zip(paths)
            .map(|(p, at)| Own {
                entities: at.entities.starts_with("periods[")
                    || entities.is_none_or(|s| s.ownership.entities != p.ownership.entities),
                holdings: at.holdings.starts_with("periods[")
                    || holdings.is_none_or(|s| s.ownership.holdings != p.ownership.holdings),
                controls: at.controls.starts_with("periods[")
                    || controls.is_none_or(|s| s.ownership.controls != p.ownership.controls),
            })
            .collect();
        let mut doc = o.object();
        doc.key(k!("adjacent_markets"))
            .list(adjacent_markets, |o, m| o.str(m));
        doc.key(k!("consolidates"))
            .list(consolidates, |o, c| o.str(c));
        if let Some(s) = controls.filter(|s| !s.ownership.controls.is_empty()) {
            doc.key(k!("controls")).list(&s.ownership.controls, control);
        }
        if let Some(s) = entities.filter(|s| !s.ownership.entities.is_empty()) {
            doc.key(k!("entities")).list(&s.ownership.entities, entity);
        }
        if let Some(s) = holdings.filter(|s| !s.ownership.holdings.is_empty()) {
            doc.key(k!("holdings")).list(&s.ownership.holdings, holding);
        }
        doc.key(k!("id")).str(id);
        doc.key(k!("market")).opt_str(market.as_deref());
        doc.key(k!("ownership_change")).name(def.policy().as_str());
        doc.key(k!("periods"))
            .list(periods.iter().zip(&own), |o, (p, own)| period(o, p, own));
        doc.key(k!("prior_class"))
            .opt_str(def.prior().map(|c| c.as_str()));
    }

    fn period(o: &mut Out<'_>, p: &Period, own: &Own) {
        let Figures {
            staff,
            turnover,
            balance_sheet,
        } = &p.own;
        let mut doc = o.object();
        doc.key(k!("balance_sheet")).money(*balance_sheet);
        doc.key(k!("closing_date")).date(p.closing_date);
        if own.controls {
            doc.key(k!("controls")).list(&p.ownership.controls, control);
        }
        if own.entities {
            doc.key(k!("entities")).list(&p.ownership.entities, entity);
        }
        doc.key(k!("estimate")).bool(p.estimate);
        if own.holdings {
            doc.key(k!("holdings")).list(&p.ownership.holdings, holding);
        }
        doc.key(k!("ownership_changed")).bool(p.ownership_changed);
        staff_field(&mut doc, staff.as_decimal());
        doc.key(k!("turnover")).money(*turnover);
    }

    fn entity(o: &mut Out<'_>, e: &Entity) {
        let Entity {
            id,
            kind,
            figures,
            consolidates,
            market,
            adjacent_markets,
            acting_jointly,
        } = e;
        let mut doc = o.object();
        doc.key(k!("acting_jointly"))
            .opt_str(acting_jointly.as_deref());
        doc.key(k!("adjacent_markets"))
            .list(adjacent_markets, |o, m| o.str(m));
        if let EntityKind::LocalAuthority { annual_budget, .. } = kind {
            doc.key(k!("annual_budget")).money(*annual_budget);
        }
        if let Some(f) = figures {
            doc.key(k!("balance_sheet")).decimal(f.balance_sheet);
        }
        doc.key(k!("consolidates"))
            .list(consolidates, |o, c| o.str(c));
        doc.key(k!("id")).str(id);
        if let EntityKind::LocalAuthority { inhabitants, .. } = kind {
            doc.key(k!("inhabitants")).int(*inhabitants);
        }
        if let EntityKind::BusinessAngel { invested } = kind {
            doc.key(k!("invested")).money(*invested);
        }
        doc.key(k!("kind")).name(kind.code());
        doc.key(k!("market")).opt_str(market.as_deref());
        if let Some(f) = figures {
            staff_field(&mut doc, f.staff);
            doc.key(k!("turnover")).decimal(f.turnover);
        }
    }

    fn holding(o: &mut Out<'_>, h: &Holding) {
        let Holding {
            holder,
            held,
            capital,
            votes,
        } = h;
        let mut doc = o.object();
        doc.key(k!("capital_pct")).percent(*capital);
        doc.key(k!("held")).str(held);
        doc.key(k!("holder")).str(holder);
        doc.key(k!("voting_pct")).percent(*votes);
    }

    fn control(o: &mut Out<'_>, c: &Control) {
        let Control {
            holder,
            held,
            right,
        } = c;
        let mut doc = o.object();
        doc.key(k!("held")).str(held);
        doc.key(k!("holder")).str(holder);
        doc.key(k!("right")).name(right.as_str());
    }
}

#[cfg(all(
    test,
    feature = "full-sme",
    feature = "wallet",
    feature = "lang-fr",
    feature = "lang-en"
))]
mod tests {
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::request_to_json;
    use crate::application::{Application, Enterprise, Options, Service, SizeInput};
    use crate::application::{CostInput, CostLine};
    use crate::application::{DeMinimisAid, FiscalYearEnd};
    use crate::coded::CostLineKind;
    use crate::coded::Lang;
    use crate::coded::LegalForm;
    use crate::coded::OwnShareDeadline;
    use crate::coded::SizeClass;
    use crate::coded::StaffRole;
    use crate::coded::{ExcludedTopic, ServiceKind, Subtheme, Theme};
    use crate::identifiers::{EnterpriseNumber, NaceCode, ProviderNumber};
    use crate::json::parse_request;
    use crate::sme::headcount::{annual_work_units, StaffMember};
    use crate::sme::{AnnualWorkUnits, Figures};
    use crate::units::{date, Money, Percent};

    fn pick<T: Copy + core::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
        prop::sample::select(all)
    }

    fn money() -> impl Strategy<Value = Money> {
        prop_oneof![
            (0_i64..=100_000_000).prop_map(|c| Money::from_cents(c).unwrap()),
            (0_i64..=100_000_000_000_000).prop_map(|c| Money::from_cents(c).unwrap()),
        ]
    }

    fn percent() -> impl Strategy<Value = Percent> {
        (0_i64..=1_000_000).prop_map(|n| Percent::from_decimal(Decimal::new(n, 4)).unwrap())
    }

    fn day() -> impl Strategy<Value = time::Date> {
        (1990_i32..2100, 1_u8..=12, 1_u8..=28).prop_map(|(y, m, d)| date(y, m, d).unwrap())
    }

    fn staff_member() -> impl Strategy<Value = StaffMember> {
        (pick(StaffRole::ALL), 0_i64..=10_000, 0_u8..=12, 0_u8..=12).prop_map(
            |(role, fte, months, leave)| StaffMember {
                role,
                fte: Decimal::new(fte, 4),
                months,
                leave_months: leave.min(months),
            },
        )
    }

    /// Staff as a figure of at most six decimals, or as a staff list gives it (any decimals:
    /// written and read exactly).
    fn awu() -> impl Strategy<Value = AnnualWorkUnits> {
        prop_oneof![
            (0_i64..=10_000_000_000_000)
                .prop_map(|n| AnnualWorkUnits::from_decimal(Decimal::new(n, 6)).unwrap()),
            (0_u32..=300).prop_map(|n| AnnualWorkUnits::whole(n).unwrap()),
            prop::collection::vec(staff_member(), 0..40)
                .prop_map(|m| annual_work_units(&m).unwrap()),
        ]
    }

    fn figures() -> impl Strategy<Value = Figures> {
        (awu(), money(), money()).prop_map(|(staff, turnover, balance_sheet)| Figures {
            staff,
            turnover,
            balance_sheet,
        })
    }

    fn size() -> BoxedStrategy<SizeInput> {
        let simple = prop_oneof![
            pick(SizeClass::ALL).prop_map(SizeInput::Declared),
            figures().prop_map(SizeInput::Figures),
        ];
        #[cfg(feature = "full-sme")]
        return prop_oneof![
            simple,
            full::definition().prop_map(|d| SizeInput::Full(Box::new(d)))
        ]
        .boxed();
        #[cfg(not(feature = "full-sme"))]
        simple.boxed()
    }

    fn cost() -> impl Strategy<Value = CostInput> {
        let line = (
            pick(CostLineKind::ALL),
            money(),
            prop::option::of(0_u32..=1_000_000),
            prop::option::of(0_u32..=1_000_000),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(
                |(kind, amount, persons, days, separately_invoiced, exclusive_use)| CostLine {
                    kind,
                    amount,
                    persons,
                    days,
                    separately_invoiced,
                    exclusive_use,
                },
            );
        prop_oneof![
            money().prop_map(CostInput::Amount),
            prop::collection::vec(line, 0..4).prop_map(CostInput::Lines),
        ]
    }

    fn enterprise() -> impl Strategy<Value = Enterprise> {
        let ids = (
            prop::option::of(pick(LegalForm::ALL)),
            prop::option::of(pick(&["62.010", "01", "70.2", "0111", "47.111"])),
            prop::option::of(pick(&["0403.170.701", "0403.199.702"])),
            prop::option::of((1_u8..=12, 1_u8..=28)),
        );
        let flags = (
            prop::option::of(any::<bool>()),
            percent(),
            any::<bool>(),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
        );
        let rest = (
            size(),
            prop::option::of(pick(SizeClass::ALL)),
            prop::collection::vec((day(), money()), 0..3),
        );
        (ids, flags, rest).prop_map(
            |(
                (legal_form, nace, number, fiscal),
                (flemish, public, maatwerk, related, active),
                (size, year_class, aid),
            )| Enterprise {
                legal_form,
                nace: nace.map(|n| NaceCode::parse(n).unwrap()),
                flemish_establishment: flemish,
                public_bodies_pct: public,
                maatwerkbedrijf: maatwerk,
                related_to_provider: related,
                enterprise_number: number.map(|n| EnterpriseNumber::parse(n).unwrap()),
                active_in_kbo: active,
                size,
                year_size_class: year_class,
                de_minimis: aid
                    .into_iter()
                    .map(|(date, amount)| DeMinimisAid { date, amount })
                    .collect(),
                fiscal_year_end: fiscal.and_then(|(m, d)| {
                    FiscalYearEnd::new(time::Month::try_from(m).unwrap(), d).ok()
                }),
            },
        )
    }

    fn service() -> impl Strategy<Value = Service> {
        (
            pick(ServiceKind::ALL),
            prop::option::of(pick(Theme::ALL)),
            prop::option::of(pick(Subtheme::ALL)),
            prop::option::of(pick(ExcludedTopic::ALL)),
            prop::option::of(pick(&["DV.O236459", "DV.A236460"])),
            prop::option::of(day()),
            cost(),
            percent(),
        )
            .prop_map(
                |(kind, theme, subtheme, excluded_topic, provider, start_date, cost, vat_rate)| {
                    Service {
                        kind,
                        theme,
                        subtheme,
                        excluded_topic,
                        provider: provider.map(|p| ProviderNumber::parse(p).unwrap()),
                        start_date,
                        cost,
                        vat_rate,
                    }
                },
            )
    }

    fn application() -> impl Strategy<Value = Application> {
        let options = (
            pick(OwnShareDeadline::ALL),
            prop::option::of(day()),
            prop::option::of(day()),
            any::<bool>(),
        )
            .prop_map(
                |(own_share_deadline, approval_date, portal_registration_date, first_time)| {
                    Options {
                        own_share_deadline,
                        approval_date,
                        portal_registration_date,
                        first_time,
                    }
                },
            );
        (
            day(),
            enterprise(),
            service(),
            money(),
            options,
            pick(Lang::ALL),
        )
            .prop_map(
                |(application_date, enterprise, service, aid_used, options, lang)| Application {
                    application_date,
                    enterprise,
                    service,
                    aid_used,
                    options,
                    lang,
                },
            )
    }

    #[cfg(feature = "full-sme")]
    mod full {
        use proptest::prelude::*;

        use super::{awu, day, figures, money, percent, pick};
        use crate::coded::ControlRight;
        use crate::coded::OwnershipChangePolicy;
        use crate::coded::SizeClass;
        use crate::sme::definition::{Period, SmeDefinition, Subject};
        use crate::sme::relations::{Control, Entity, EntityKind, GraphPaths, Holding, Ownership};
        use crate::sme::thresholds::ExactFigures;
        use crate::units::Percent;
        use rust_decimal::Decimal;

        fn kind() -> impl Strategy<Value = EntityKind> {
            prop_oneof![
                4 => Just(EntityKind::Enterprise),
                1 => Just(EntityKind::NaturalPerson),
                1 => Just(EntityKind::PublicBody),
                1 => Just(EntityKind::VentureCapital),
                1 => Just(EntityKind::University),
                1 => Just(EntityKind::InstitutionalInvestor),
                1 => Just(EntityKind::PublicInvestmentCorporation),
                1 => money().prop_map(|invested| EntityKind::BusinessAngel { invested }),
                1 => (money(), 0_u32..10_000).prop_map(|(annual_budget, inhabitants)| {
                    EntityKind::LocalAuthority { annual_budget, inhabitants }
                }),
            ]
        }

        fn markets() -> impl Strategy<Value = (Option<String>, Vec<String>)> {
            (
                prop::option::of(pick(&["62", "70", "47"])),
                prop::collection::vec(pick(&["62", "70"]), 0..2),
            )
                .prop_map(|(m, adj)| {
                    (
                        m.map(str::to_string),
                        adj.into_iter().map(str::to_string).collect(),
                    )
                })
        }

        /// A graph around `self` of up to four entities: `self` holds some, some hold `self`,
        /// an optional control right of `self` over the first.
        fn ownership() -> impl Strategy<Value = Ownership> {
            let entity = (
                kind(),
                prop::option::of(figures()),
                markets(),
                prop::option::of(pick(&["family"])),
                prop::option::of(awu()),
            );
            (
                prop::collection::vec(entity, 0..4),
                prop::collection::vec((any::<bool>(), percent(), percent()), 4),
                prop::option::of(pick(ControlRight::ALL)),
            )
                .prop_map(|(entities, shares, right)| {
                    let entities: Vec<Entity> = entities
                        .into_iter()
                        .enumerate()
                        .map(|(i, (kind, figures, (market, adjacent), jointly, staff))| {
                            let mut figures = figures.as_ref().map(ExactFigures::from);
                            if let (Some(f), Some(s)) = (&mut figures, staff) {
                                f.staff = s.as_decimal();
                            }
                            Entity {
                                figures,
                                market,
                                adjacent_markets: adjacent,
                                acting_jointly: jointly.map(str::to_string),
                                consolidates: Vec::new(),
                                ..Entity::new(format!("E{i}"), kind)
                            }
                        })
                        .collect();
                    // A quarter of the drawn share each: at most four holdings into `self`
                    // stay within 100 %.
                    let quarter = |p: Percent| {
                        Percent::from_decimal((p.as_decimal() / Decimal::from(4)).round_dp(4))
                            .unwrap()
                    };
                    let holdings = entities
                        .iter()
                        .zip(shares)
                        .map(|(e, (outward, capital, votes))| {
                            let (capital, votes) = (Some(quarter(capital)), Some(quarter(votes)));
                            if outward {
                                Holding::from_shares("self", e.id.clone(), capital, votes).unwrap()
                            } else {
                                Holding::from_shares(e.id.clone(), "self", capital, votes).unwrap()
                            }
                        })
                        .collect();
                    let controls = match (right, entities.first()) {
                        (Some(right), Some(e)) => vec![Control {
                            holder: "self".into(),
                            held: e.id.clone(),
                            right,
                        }],
                        _ => Vec::new(),
                    };
                    Ownership {
                        entities,
                        holdings,
                        controls,
                    }
                })
        }

        pub(super) fn definition() -> impl Strategy<Value = SmeDefinition> {
            let period = (
                prop::option::of(day()),
                figures(),
                any::<bool>(),
                any::<bool>(),
                ownership(),
                any::<bool>(),
            );
            (
                markets(),
                prop::collection::vec(period, 1..4),
                prop::option::of(pick(SizeClass::ALL)),
                pick(OwnershipChangePolicy::ALL),
                ownership(),
            )
                .prop_filter_map(
                    "a graph the definition refuses",
                    |((market, adjacent), periods, prior, policy, shared)| {
                        let mut last = None;
                        let periods = periods
                            .into_iter()
                            .enumerate()
                            .map(|(i, (closing, own, estimate, changed, graph, own_graph))| {
                                // Closing dates in order, or none.
                                let closing_date = closing.filter(|d| last.is_none_or(|l| *d > l));
                                if closing_date.is_some() {
                                    last = closing_date;
                                }
                                let (ownership, paths) = if own_graph {
                                    (graph, GraphPaths::under(&format!("periods[{i}]")))
                                } else {
                                    (shared.clone(), GraphPaths::under(""))
                                };
                                (
                                    Period {
                                        closing_date,
                                        estimate,
                                        ownership_changed: changed,
                                        ownership,
                                        ..Period::new(own)
                                    },
                                    paths,
                                )
                            })
                            .collect();
                        let subject = Subject {
                            market,
                            adjacent_markets: adjacent,
                            ..Subject::new("self")
                        };
                        SmeDefinition::from_document(subject, periods, false, prior, policy).ok()
                    },
                )
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Whatever the application, its document reads back as the same application, with no
        /// field unknown.
        #[test]
        fn a_request_reads_back_as_the_same_application(app in application()) {
            let text = request_to_json(&app);
            let parsed = parse_request(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
            prop_assert_eq!(parsed.lang, app.lang);
            prop_assert_eq!(&parsed.application, &app, "{}", text);
            // Written again: the same text.
            prop_assert_eq!(request_to_json(&parsed.application), text);
        }
    }

    #[test]
    fn two_thirds_of_a_year() {
        let awu = annual_work_units(&[StaffMember {
            months: 8,
            ..StaffMember::full_time(StaffRole::Employee)
        }])
        .unwrap();
        let app = Application::new(
            date(2026, 3, 10).unwrap(),
            Enterprise::new(SizeInput::Figures(Figures {
                staff: awu,
                turnover: Money::from_euro(1),
                balance_sheet: Money::from_euro(1),
            })),
            Service::new(ServiceKind::Training, Money::from_euro(1000)),
        );
        let text = request_to_json(&app);
        assert!(
            text.contains(r#""staff_awu":"0.6666666666666666666666666667""#),
            "{text}"
        );
        assert_eq!(parse_request(&text).unwrap().application, app);
    }
}
