//! The ownership graph around the enterprise for one closing: the other entities, the
//! shareholdings and the control rights, and the checks every graph must pass before the
//! articles are applied (known ids, nobody holding itself, at most 100 % of one enterprise).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

pub use crate::coded::{ControlRight, EntityType};
use crate::error::{clip, ErrorArg, InputError, InputErrorCode as E};
use crate::sme::thresholds::{ExactFigures, Figures};
use crate::units::{field_path, index_path};
use crate::units::{Money, Percent};

/// What an entity in the ownership graph is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EntityKind {
    /// An ordinary enterprise.
    Enterprise,
    /// A natural person (links enterprises only in the same or adjacent markets).
    NaturalPerson,
    /// A public body (art. 3(4)).
    PublicBody,
    /// A public investment corporation (exempt investor).
    PublicInvestmentCorporation,
    /// A venture capital company (exempt investor).
    VentureCapital,
    /// A business angel: exempt when the total invested in the same enterprise is below
    /// EUR 1 250 000 (EN text; the DE text says "not exceeding": the library takes `<`).
    BusinessAngel {
        /// Total invested in the same enterprise.
        invested: Money,
    },
    /// A university or non-profit research centre (exempt investor).
    University,
    /// An institutional investor, including a regional development fund (exempt investor).
    InstitutionalInvestor,
    /// An autonomous local authority: exempt when its annual budget is below EUR 10 million
    /// **and** it has fewer than 5 000 inhabitants; otherwise a public body.
    LocalAuthority {
        /// Annual budget.
        annual_budget: Money,
        /// Inhabitants.
        inhabitants: u32,
    },
}

/// What some kinds need to say: a business angel what it invested, a local authority its
/// budget and inhabitants.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KindDetails {
    /// A business angel's total investment in the enterprise.
    pub invested: Option<Money>,
    /// A local authority's annual budget.
    pub annual_budget: Option<Money>,
    /// A local authority's inhabitants.
    pub inhabitants: Option<u32>,
}

impl EntityKind {
    /// The kind of `entity_type`, with the details it needs.
    ///
    /// # Errors
    ///
    /// `MISSING_FIELD` at `invested`, `annual_budget` or `inhabitants` when the kind needs it.
    ///
    /// ```
    /// use kmo_core::sme::relations::{EntityKind, EntityType};
    /// use kmo_core::sme::relations::graph::KindDetails;
    /// let e = EntityKind::from_type(EntityType::BusinessAngel, KindDetails::default()).unwrap_err();
    /// assert_eq!(e.path, "invested");
    /// ```
    pub fn from_type(kind: EntityType, details: KindDetails) -> Result<EntityKind, InputError> {
        let need = |field: &'static str| {
            InputError::new(
                E::MissingField,
                field,
                "err_kind_needs",
                vec![ErrorArg::Word(kind.as_str()), field.into()],
            )
        };
        Ok(match kind {
            EntityType::Enterprise => EntityKind::Enterprise,
            EntityType::NaturalPerson => EntityKind::NaturalPerson,
            EntityType::PublicBody => EntityKind::PublicBody,
            EntityType::PublicInvestmentCorporation => EntityKind::PublicInvestmentCorporation,
            EntityType::VentureCapital => EntityKind::VentureCapital,
            EntityType::BusinessAngel => EntityKind::BusinessAngel {
                invested: details.invested.ok_or_else(|| need("invested"))?,
            },
            EntityType::University | EntityType::ResearchCentre => EntityKind::University,
            EntityType::InstitutionalInvestor | EntityType::RegionalDevelopmentFund => {
                EntityKind::InstitutionalInvestor
            }
            EntityType::LocalAuthority => EntityKind::LocalAuthority {
                annual_budget: details.annual_budget.ok_or_else(|| need("annual_budget"))?,
                inhabitants: details.inhabitants.ok_or_else(|| need("inhabitants"))?,
            },
        })
    }

    /// The JSON code of the kind.
    pub fn code(&self) -> &'static str {
        match self {
            EntityKind::Enterprise => "enterprise",
            EntityKind::NaturalPerson => "natural_person",
            EntityKind::PublicBody => "public_body",
            EntityKind::PublicInvestmentCorporation => "public_investment_corporation",
            EntityKind::VentureCapital => "venture_capital",
            EntityKind::BusinessAngel { .. } => "business_angel",
            EntityKind::University => "university",
            EntityKind::InstitutionalInvestor => "institutional_investor",
            EntityKind::LocalAuthority { .. } => "local_authority",
        }
    }

    /// Whether the entity is an enterprise whose figures can be added (not a person, not a
    /// public authority).
    pub(crate) fn is_enterprise(&self) -> bool {
        !matches!(
            self,
            EntityKind::NaturalPerson | EntityKind::PublicBody | EntityKind::LocalAuthority { .. }
        )
    }
}

/// One entity of the ownership graph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// A unique identifier.
    pub id: String,
    /// What it is.
    pub kind: EntityKind,
    /// Its own figures (its consolidated figures, if `consolidates` is not empty).
    pub figures: Option<ExactFigures>,
    /// Entities whose figures its consolidated accounts already include.
    pub consolidates: Vec<String>,
    /// Its relevant market (for links through natural persons).
    pub market: Option<String>,
    /// Markets directly up- or downstream of its own.
    pub adjacent_markets: Vec<String>,
    /// Natural persons acting jointly share a group name.
    pub acting_jointly: Option<String>,
}

impl Entity {
    /// Checks an id as the graph takes it, an entity's or the enterprise's own: not empty.
    /// The graph checks every id with it when it is built; a face that takes an id on its own
    /// (the C face's `kmo_sme_definition_add_entity`) refuses it there with the same error.
    ///
    /// # Errors
    ///
    /// `MISSING_FIELD` at `id` for an empty id, as the document refuses `"id": ""`.
    ///
    /// ```
    /// use kmo_core::sme::relations::Entity;
    /// use kmo_core::InputErrorCode;
    /// assert!(Entity::check_id("B").is_ok());
    /// let e = Entity::check_id("").unwrap_err();
    /// assert_eq!((e.code, e.path.as_str()), (InputErrorCode::MissingField, "id"));
    /// ```
    pub fn check_id(id: &str) -> Result<(), InputError> {
        if id.is_empty() {
            return Err(InputError::new(
                E::MissingField,
                "id",
                "err_entity_id",
                vec![],
            ));
        }
        Ok(())
    }

    /// An ordinary enterprise with its figures (checked when the graph is: see
    /// [`aggregate`](super::aggregate)).
    ///
    /// ```
    /// use kmo_core::sme::relations::{Entity, EntityKind};
    /// use kmo_core::sme::thresholds::ExactFigures;
    /// use kmo_core::Decimal;
    /// let b = Entity::enterprise("B", ExactFigures { staff: Decimal::from(20), turnover: Decimal::from(3_000_000), balance_sheet: Decimal::ZERO });
    /// assert_eq!(b.kind, EntityKind::Enterprise);
    /// ```
    pub fn enterprise(id: impl Into<String>, figures: ExactFigures) -> Entity {
        Entity {
            figures: Some(figures),
            ..Entity::new(id, EntityKind::Enterprise)
        }
    }

    /// An entity with no figures, market or consolidation.
    pub fn new(id: impl Into<String>, kind: EntityKind) -> Entity {
        Entity {
            id: id.into(),
            kind,
            figures: None,
            consolidates: Vec::new(),
            market: None,
            adjacent_markets: Vec::new(),
            acting_jointly: None,
        }
    }
}

/// A shareholding: `holder` owns `capital` of the capital and `votes` of the voting rights of
/// `held`.
///
/// ```
/// use kmo_core::sme::relations::Holding;
/// use kmo_core::Percent;
/// let h = Holding::new("X", "A", Percent::parse("30")?); // the same share of capital and votes
/// assert_eq!(h.votes, h.capital);
/// let split = Holding::split("X", "A", Percent::constant::<30>(), Percent::constant::<45>());
/// assert_eq!(split.votes.to_string(), "45");
/// assert_eq!(Holding::from_shares("X", "A", None, None).unwrap_err().path, "capital_pct");
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holding {
    /// Who holds.
    pub holder: String,
    /// What is held.
    pub held: String,
    /// Share of the capital.
    pub capital: Percent,
    /// Share of the voting rights.
    pub votes: Percent,
}

impl Holding {
    /// A holding of the same share of the capital and of the voting rights.
    pub fn new(holder: impl Into<String>, held: impl Into<String>, share: Percent) -> Holding {
        Holding::split(holder, held, share, share)
    }

    /// A holding whose share of the voting rights differs from its share of the capital.
    pub fn split(
        holder: impl Into<String>,
        held: impl Into<String>,
        capital: Percent,
        votes: Percent,
    ) -> Holding {
        Holding {
            holder: holder.into(),
            held: held.into(),
            capital,
            votes,
        }
    }

    /// A holding as the document gives it (`capital_pct`, `voting_pct`, each optional): when
    /// only one of the two is given, the other is the same.
    ///
    /// # Errors
    ///
    /// `MISSING_FIELD` at `capital_pct` when neither is given.
    pub fn from_shares(
        holder: impl Into<String>,
        held: impl Into<String>,
        capital: Option<Percent>,
        votes: Option<Percent>,
    ) -> Result<Holding, InputError> {
        let (capital, votes) = match (capital, votes) {
            (Some(c), Some(v)) => (c, v),
            (Some(c), None) => (c, c),
            (None, Some(v)) => (v, v),
            (None, None) => {
                return Err(InputError::new(
                    E::MissingField,
                    "capital_pct",
                    "err_holding_share",
                    vec![],
                ))
            }
        };
        Ok(Holding::split(holder, held, capital, votes))
    }
}

/// A control right of `holder` over `held`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Control {
    /// Who controls.
    pub holder: String,
    /// What is controlled.
    pub held: String,
    /// Which right.
    pub right: ControlRight,
}

/// The ownership graph around the enterprise, for one closing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ownership {
    /// The other entities.
    pub entities: Vec<Entity>,
    /// Shareholdings.
    pub holdings: Vec<Holding>,
    /// Control rights.
    pub controls: Vec<Control>,
}

/// Where the parts of the graph sit in the request, for error paths (internal: the typed
/// API's graphs sit where [`SmeDefinition::new`](crate::sme::definition::SmeDefinition::new)
/// says, the document's where the document has them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct GraphPaths {
    /// Path prefix of the entities list (`entities`).
    pub(crate) entities: String,
    /// Path prefix of the holdings list (`holdings`).
    pub(crate) holdings: String,
    /// Path prefix of the controls list (`controls`).
    pub(crate) controls: String,
}

impl GraphPaths {
    /// Paths under a prefix (`""` for the top level of the size object).
    pub(crate) fn under(prefix: &str) -> GraphPaths {
        let join = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                field_path(prefix, k)
            }
        };
        GraphPaths {
            entities: join("entities"),
            holdings: join("holdings"),
            controls: join("controls"),
        }
    }
}

/// Checks the figures of the subject and of every entity as the document checks them
/// ([`Figures::new`]): a negative or out-of-range staff, turnover or balance-sheet total is
/// refused at `staff_awu`, `turnover` or `balance_sheet` of the entity
/// (`entities[2].turnover`; the subject's at the top of the size object), with the document's
/// code and message. The typed graph's figures are plain decimals, so this is where they are
/// checked, before anything is added.
pub(crate) fn check_figures(
    subject: &Entity,
    graph: &Ownership,
    paths: &GraphPaths,
) -> Result<(), InputError> {
    if let Some(f) = &subject.figures {
        Figures::try_from(f)?;
    }
    for (i, entity) in graph.entities.iter().enumerate() {
        if let Some(f) = &entity.figures {
            Figures::try_from(f).map_err(|e| e.under(&index_path(&paths.entities, i)))?;
        }
    }
    Ok(())
}

/// A shareholding between two nodes, by index, in exact decimals.
#[derive(Clone, Copy, Debug)]
pub(super) struct Edge {
    pub(super) holder: usize,
    pub(super) held: usize,
    pub(super) capital: Decimal,
    pub(super) votes: Decimal,
}

/// A checked graph: the enterprise (node 0) and the entities as nodes, holdings as edges,
/// control rights as pairs, every reference resolved.
pub(super) struct Graph<'a> {
    pub(super) nodes: Vec<&'a Entity>,
    pub(super) edges: Vec<Edge>,
    pub(super) rights: Vec<(usize, usize)>,
    pub(super) paths: &'a GraphPaths,
}

/// The node of `id`, or `UNKNOWN_CODE` at `path`.
fn lookup(index: &BTreeMap<&str, usize>, id: &str, path: String) -> Result<usize, InputError> {
    index.get(id).copied().ok_or_else(|| {
        InputError::new(
            E::UnknownCode,
            path,
            "err_no_such_entity",
            vec![clip(id).into()],
        )
    })
}

impl<'a> Graph<'a> {
    /// Checks and indexes the graph around `subject`: ids present and unique, every reference
    /// to a known id, nobody holding or controlling itself, only enterprises and exempt
    /// investors held, at most 100 % of one enterprise's capital and of its votes.
    pub(super) fn new(
        subject: &'a Entity,
        graph: &'a Ownership,
        paths: &'a GraphPaths,
    ) -> Result<Graph<'a>, InputError> {
        check_figures(subject, graph, paths)?;
        let nodes: Vec<&Entity> = core::iter::once(subject)
            .chain(graph.entities.iter())
            .collect();
        let mut out = Graph {
            nodes,
            edges: Vec::with_capacity(graph.holdings.len()),
            rights: Vec::with_capacity(graph.controls.len()),
            paths,
        };
        let index = out.index()?;
        for (i, node) in out.nodes.iter().enumerate() {
            for (j, c) in node.consolidates.iter().enumerate() {
                lookup(&index, c, out.node_field(i, &index_path("consolidates", j)))?;
            }
        }
        out.add_holdings(graph, &index)?;
        out.add_controls(graph, &index)?;
        Ok(out)
    }

    /// Each node's number by its id: every id given, none twice.
    fn index(&self) -> Result<BTreeMap<&'a str, usize>, InputError> {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, node) in self.nodes.iter().enumerate() {
            Entity::check_id(&node.id).map_err(|e| e.at(self.node_field(i, "id")))?;
            if index.insert(node.id.as_str(), i).is_some() {
                return Err(InputError::new(
                    E::InconsistentInput,
                    self.node_field(i, "id"),
                    "err_id_twice",
                    vec![clip(&node.id).into()],
                ));
            }
        }
        Ok(index)
    }

    /// The holdings as edges: known ids, nobody holding itself, only enterprises and exempt
    /// investors held, at most 100 % of one enterprise's capital and of its votes.
    fn add_holdings(
        &mut self,
        graph: &Ownership,
        index: &BTreeMap<&str, usize>,
    ) -> Result<(), InputError> {
        let n = self.nodes.len();
        let mut capital_in = vec![Decimal::ZERO; n];
        let mut votes_in = vec![Decimal::ZERO; n];
        for (k, h) in graph.holdings.iter().enumerate() {
            let here = index_path(&self.paths.holdings, k);
            let holder = lookup(index, &h.holder, field_path(&here, "holder"))?;
            let held = lookup(index, &h.held, field_path(&here, "held"))?;
            if holder == held {
                return Err(InputError::new(
                    E::InconsistentInput,
                    field_path(&here, "held"),
                    "err_holds_itself",
                    vec![clip(&h.held).into()],
                ));
            }
            let kind = &self.nodes[held].kind;
            if !kind.is_enterprise() && !kind.is_exempt_investor() {
                return Err(InputError::new(
                    E::InconsistentInput,
                    field_path(&here, "held"),
                    "err_cannot_be_held",
                    vec![clip(&h.held).into(), ErrorArg::Word(kind.code())],
                ));
            }
            let (capital, votes) = (h.capital.as_decimal(), h.votes.as_decimal());
            capital_in[held] += capital;
            votes_in[held] += votes;
            if capital_in[held] > Decimal::ONE_HUNDRED || votes_in[held] > Decimal::ONE_HUNDRED {
                return Err(InputError::new(
                    E::InconsistentInput,
                    here,
                    "err_holdings_over_100",
                    vec![clip(&h.held).into()],
                ));
            }
            self.edges.push(Edge {
                holder,
                held,
                capital,
                votes,
            });
        }
        Ok(())
    }

    /// The control rights as pairs: known ids, nobody controlling itself.
    fn add_controls(
        &mut self,
        graph: &Ownership,
        index: &BTreeMap<&str, usize>,
    ) -> Result<(), InputError> {
        for (k, c) in graph.controls.iter().enumerate() {
            let here = index_path(&self.paths.controls, k);
            let holder = lookup(index, &c.holder, field_path(&here, "holder"))?;
            let held = lookup(index, &c.held, field_path(&here, "held"))?;
            if holder == held {
                return Err(InputError::new(
                    E::InconsistentInput,
                    field_path(&here, "held"),
                    "err_controls_itself",
                    vec![clip(&c.held).into()],
                ));
            }
            self.rights.push((holder, held));
        }
        Ok(())
    }

    /// The number of nodes.
    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The path of node `i` (an entity, `i ≥ 1`) in the request.
    pub(super) fn entity_path(&self, i: usize) -> String {
        index_path(&self.paths.entities, i.saturating_sub(1))
    }

    /// The path of a field of node `i`: the subject's fields sit where the subject is given
    /// (`id`), an entity's in its entry (`entities[0].id`).
    pub(super) fn node_field(&self, i: usize, field: &str) -> String {
        if i == 0 {
            field.to_string()
        } else {
            field_path(&self.entity_path(i), field)
        }
    }

    /// The capital and the votes `from` hold together in `to`.
    pub(super) fn held_by(&self, from: impl Fn(usize) -> bool, to: usize) -> (Decimal, Decimal) {
        self.edges
            .iter()
            .filter(|e| e.held == to && from(e.holder))
            .fold((Decimal::ZERO, Decimal::ZERO), |(c, v), e| {
                (c + e.capital, v + e.votes)
            })
    }
}
