//! Art. 3 and art. 6 of the Annex: how enterprises relate, and whose figures are added.
//!
//! ```text
//!          X (100 AWU)                      P (natural person, market 62)
//!           │ 30 % capital, 45 % votes        │ 60 % votes        │ 70 % votes
//!           ▼                                 ▼                   ▼
//!          [A] ──── 60 % ────▶ B (20 AWU)    [A]                 Q (market 62)
//!           │                  │
//!           33 %               60 %
//!           ▼                  ▼
//!           C (30 AWU)         D (210 AWU)
//! ```
//!
//! For A: B is **linked** (majority of votes, art. 3(3)(a)) and so is D, through B (linked is
//! transitive): both count at 100 %. X is a **partner** upstream (25 % or more, art. 3(2)); its
//! weight is the greater of capital and votes, 45 %. C is a partner downstream at 33 %. Q is linked
//! to A through the natural person P, because both are active in the same market (HaTeFo,
//! C-110/13). A partner's partners are not added (art. 6(2)); a partner's linked enterprises are
//! added to the partner's figures before its weight is applied (art. 6(3)).
//!
//! Public bodies holding 25 % or more, alone or together, directly or through enterprises they
//! control, make the enterprise not an SME (art. 3(4)). Exempt investors (art. 3(2) second
//! subparagraph) may hold 25–50 % without becoming partners.

use core::fmt;
use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::error::{InputError, InputErrorCode as E};
use crate::kmo::service::{coded_enum, parse_code};
use crate::sme::thresholds::ExactFigures;
use crate::units::Money;

/// What an entity in the ownership graph is.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// The business-angel limit: strictly below EUR 1 250 000.
pub const BUSINESS_ANGEL_LIMIT: i64 = 1_250_000;
/// The local-authority budget limit: strictly below EUR 10 000 000.
pub const LOCAL_AUTHORITY_BUDGET_LIMIT: i64 = 10_000_000;
/// The local-authority population limit: fewer than 5 000 inhabitants.
pub const LOCAL_AUTHORITY_INHABITANTS_LIMIT: u32 = 5_000;

impl EntityKind {
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

    /// Whether this is an exempt investor of art. 3(2), conditions included.
    ///
    /// ```
    /// use kmo_core::sme::relations::EntityKind;
    /// use kmo_core::Money;
    /// let town = |inhabitants| EntityKind::LocalAuthority { annual_budget: Money::from_euro(9_900_000), inhabitants };
    /// assert!(town(4_999).is_exempt_investor());
    /// assert!(!town(5_000).is_exempt_investor());
    /// ```
    pub fn is_exempt_investor(&self) -> bool {
        match self {
            EntityKind::PublicInvestmentCorporation
            | EntityKind::VentureCapital
            | EntityKind::University
            | EntityKind::InstitutionalInvestor => true,
            EntityKind::BusinessAngel { invested } => {
                *invested < Money::from_euro(BUSINESS_ANGEL_LIMIT)
            }
            EntityKind::LocalAuthority {
                annual_budget,
                inhabitants,
            } => {
                *annual_budget < Money::from_euro(LOCAL_AUTHORITY_BUDGET_LIMIT)
                    && *inhabitants < LOCAL_AUTHORITY_INHABITANTS_LIMIT
            }
            _ => false,
        }
    }

    /// Whether this counts as a public body for art. 3(4) (a local authority that is not an
    /// exempt investor is one).
    pub fn is_public_body(&self) -> bool {
        match self {
            EntityKind::PublicBody => true,
            EntityKind::LocalAuthority { .. } => !self.is_exempt_investor(),
            _ => false,
        }
    }

    /// Whether the entity is an enterprise whose figures can be added (not a person, not a
    /// public authority).
    fn is_enterprise(&self) -> bool {
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

/// A shareholding: `holder` owns `capital` % of the capital and `votes` % of the voting rights
/// of `held`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holding {
    /// Who holds.
    pub holder: String,
    /// What is held.
    pub held: String,
    /// Share of the capital, 0–100.
    pub capital: Decimal,
    /// Share of the voting rights, 0–100.
    pub votes: Decimal,
}

coded_enum!(
    /// A control right other than a majority of votes (art. 3(3)(b)–(d)).
    ControlRight, "control right", {
        /// The right to appoint or remove a majority of the board.
        BoardMajority => "board_majority",
        /// Dominant influence under a contract.
        DominantInfluenceContract => "dominant_influence_contract",
        /// Dominant influence under the memorandum or articles.
        DominantInfluenceArticles => "dominant_influence_articles",
        /// Control of a majority of votes under an agreement with other shareholders.
        VotingAgreement => "voting_agreement",
    }
);

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

/// How an entity's figures entered the total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The enterprise itself (100 %).
    Own,
    /// Linked, directly or indirectly (100 %, art. 6(2)).
    Linked,
    /// A partner, up- or downstream of the enterprise or of an enterprise linked to it
    /// (pro rata, art. 6(2)).
    Partner,
    /// Linked to a partner (100 % into the partner's figures, then pro rata, art. 6(3)).
    LinkedToPartner,
    /// Already in someone's consolidated accounts (not added again).
    Consolidated,
    /// An exempt investor holding 25–50 % (not a partner, art. 3(2)).
    ExemptInvestor,
    /// A public body (never added; art. 3(4) instead).
    PublicBody,
    /// A natural person (never added).
    NaturalPerson,
    /// Related too remotely (a partner's partner, a stake below 25 %): not added.
    NotCounted,
}

impl Relation {
    /// A stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Own => "own",
            Relation::Linked => "linked",
            Relation::Partner => "partner",
            Relation::LinkedToPartner => "linked_to_partner",
            Relation::Consolidated => "consolidated",
            Relation::ExemptInvestor => "exempt_investor",
            Relation::PublicBody => "public_body",
            Relation::NaturalPerson => "natural_person",
            Relation::NotCounted => "not_counted",
        }
    }

    /// The reference that decides it.
    pub fn reference(self) -> &'static str {
        match self {
            Relation::Own | Relation::Linked => "REC-2003/361 art. 3(3), art. 6(2)",
            Relation::Partner | Relation::NotCounted => "REC-2003/361 art. 3(2), art. 6(2)",
            Relation::LinkedToPartner => "REC-2003/361 art. 6(3)",
            Relation::Consolidated => "REC-2003/361 art. 6(2)",
            Relation::ExemptInvestor => "REC-2003/361 art. 3(2)",
            Relation::PublicBody => "REC-2003/361 art. 3(4)",
            Relation::NaturalPerson => "REC-2003/361 art. 3(3); SME-GUIDE-2020",
        }
    }
}

/// One entity's part in the total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    /// The entity.
    pub id: String,
    /// How it relates.
    pub relation: Relation,
    /// The weight applied, in percent (0 when not added).
    pub weight: Decimal,
    /// What it added.
    pub added: ExactFigures,
}

/// The result of art. 3 and 6 for one closing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aggregation {
    /// The figures to compare with the ceilings.
    pub figures: ExactFigures,
    /// Every entity's part, the enterprise first.
    pub contributions: Vec<Contribution>,
    /// The share of capital or voting rights controlled by public bodies (art. 3(4)).
    pub public_share: Decimal,
}

/// Where the parts of the graph sit in the request, for error paths.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GraphPaths {
    /// Path prefix of the entities list (`entities`).
    pub entities: String,
    /// Path prefix of the holdings list (`holdings`).
    pub holdings: String,
    /// Path prefix of the controls list (`controls`).
    pub controls: String,
}

impl GraphPaths {
    /// Paths under a prefix (`""` for the top level of the size object).
    pub fn under(prefix: &str) -> GraphPaths {
        let join = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            }
        };
        GraphPaths {
            entities: join("entities"),
            holdings: join("holdings"),
            controls: join("controls"),
        }
    }
}

const FIFTY: Decimal = Decimal::from_parts(50, 0, 0, false, 0);
const TWENTY_FIVE: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

/// A minimal union-find over node indices.
struct Groups(Vec<usize>);

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[rb] = ra;
        }
    }
}

/// Applies art. 3 and 6 to `subject` (whose own figures are in `subject.figures`) and its
/// ownership graph. Invalid graphs (unknown references, a holding of oneself, more than 100 % of
/// one enterprise's capital or votes, a cycle of control, an enterprise without figures whose
/// figures are needed) are typed input errors naming the field.
///
/// ```
/// use kmo_core::sme::relations::*;
/// use kmo_core::sme::thresholds::ExactFigures;
/// use rust_decimal::Decimal;
/// let figures = |awu: i64, t: i64, b: i64| Some(ExactFigures { staff: awu.into(), turnover: t.into(), balance_sheet: b.into() });
/// let a = Entity { figures: figures(20, 3_000_000, 2_000_000), ..Entity::new("A", EntityKind::Enterprise) };
/// let c = Entity { figures: figures(30, 9_000_000, 6_000_000), ..Entity::new("C", EntityKind::Enterprise) };
/// let graph = Ownership {
///     entities: vec![c],
///     holdings: vec![Holding { holder: "A".into(), held: "C".into(), capital: 33.into(), votes: 33.into() }],
///     controls: vec![],
/// };
/// let out = aggregate(&a, &graph, &GraphPaths::under("")).unwrap();
/// assert_eq!(out.figures.staff, Decimal::new(299, 1));             // 20 + 33 % × 30
/// assert_eq!(out.figures.turnover, Decimal::from(5_970_000));
/// assert_eq!(out.figures.class(), kmo_core::SizeClass::Small);
/// ```
pub fn aggregate(
    subject: &Entity,
    graph: &Ownership,
    paths: &GraphPaths,
) -> Result<Aggregation, InputError> {
    // Nodes: the subject first, then the entities.
    let nodes: Vec<&Entity> = core::iter::once(subject)
        .chain(graph.entities.iter())
        .collect();
    let entity_path = |i: usize| format!("{}[{}]", paths.entities, i - 1);
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if node.id.is_empty() {
            return Err(InputError::new(
                E::MissingField,
                format!("{}.id", entity_path(i)),
                "an entity needs a non-empty `id`".into(),
            ));
        }
        if index.insert(node.id.as_str(), i).is_some() {
            let path = if i == 0 {
                "id".to_string()
            } else {
                format!("{}.id", entity_path(i))
            };
            return Err(InputError::new(
                E::InconsistentInput,
                path,
                format!("the id `{}` is used twice", node.id),
            ));
        }
    }
    let lookup = |id: &str, path: String| -> Result<usize, InputError> {
        index.get(id).copied().ok_or_else(|| {
            InputError::new(
                E::UnknownCode,
                path,
                format!("no entity has the id `{}`", crate::units::clip(id)),
            )
        })
    };
    let n = nodes.len();
    for (i, node) in nodes.iter().enumerate().skip(1) {
        for (j, c) in node.consolidates.iter().enumerate() {
            lookup(c, format!("{}.consolidates[{j}]", entity_path(i)))?;
        }
    }
    for (j, c) in subject.consolidates.iter().enumerate() {
        lookup(c, format!("consolidates[{j}]"))?;
    }

    // Holdings: references, no self-holding, at most 100 % of any one enterprise.
    let mut edges: Vec<(usize, usize, Decimal, Decimal)> = Vec::with_capacity(graph.holdings.len());
    let mut capital_in = vec![Decimal::ZERO; n];
    let mut votes_in = vec![Decimal::ZERO; n];
    for (k, h) in graph.holdings.iter().enumerate() {
        let here = format!("{}[{k}]", paths.holdings);
        let holder = lookup(&h.holder, format!("{here}.holder"))?;
        let held = lookup(&h.held, format!("{here}.held"))?;
        if holder == held {
            return Err(InputError::new(
                E::InconsistentInput,
                format!("{here}.held"),
                format!("`{}` cannot hold itself", h.held),
            ));
        }
        if !nodes[held].kind.is_enterprise() && !nodes[held].kind.is_exempt_investor() {
            return Err(InputError::new(
                E::InconsistentInput,
                format!("{here}.held"),
                format!(
                    "`{}` is a {} and cannot be held",
                    h.held,
                    nodes[held].kind.code()
                ),
            ));
        }
        for (pct, field) in [(h.capital, "capital_pct"), (h.votes, "voting_pct")] {
            if pct.is_sign_negative() || pct > Decimal::ONE_HUNDRED {
                return Err(InputError::new(
                    E::PercentOutOfRange,
                    format!("{here}.{field}"),
                    format!("{pct} % is outside 0–100"),
                ));
            }
        }
        capital_in[held] += h.capital;
        votes_in[held] += h.votes;
        if capital_in[held] > Decimal::ONE_HUNDRED || votes_in[held] > Decimal::ONE_HUNDRED {
            return Err(InputError::new(
                E::InconsistentInput,
                here,
                format!("the holdings in `{}` add up to more than 100 % of its capital or voting rights", h.held),
            ));
        }
        edges.push((holder, held, h.capital, h.votes));
    }
    let mut rights: Vec<(usize, usize)> = Vec::with_capacity(graph.controls.len());
    for (k, c) in graph.controls.iter().enumerate() {
        let here = format!("{}[{k}]", paths.controls);
        let holder = lookup(&c.holder, format!("{here}.holder"))?;
        let held = lookup(&c.held, format!("{here}.held"))?;
        if holder == held {
            return Err(InputError::new(
                E::InconsistentInput,
                format!("{here}.held"),
                format!("`{}` cannot control itself", c.held),
            ));
        }
        rights.push((holder, held));
    }

    // Control (art. 3(3)): a majority of votes, or a control right.
    let mut controls = vec![Vec::<usize>::new(); n];
    for &(holder, held, _, votes) in &edges {
        if votes > FIFTY {
            controls[holder].push(held);
        }
    }
    for &(holder, held) in &rights {
        controls[holder].push(held);
    }
    check_no_control_cycle(&controls, &nodes, paths)?;

    // Linked groups: enterprises joined by control, transitively.
    let mut groups = Groups((0..n).collect());
    for (holder, held_list) in controls.iter().enumerate() {
        if nodes[holder].kind.is_enterprise() {
            for &held in held_list {
                if nodes[held].kind.is_enterprise() {
                    groups.union(holder, held);
                }
            }
        }
    }
    // Through natural persons (alone or acting jointly): only in the same or adjacent markets.
    let mut persons: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        if node.kind == EntityKind::NaturalPerson {
            persons
                .entry(node.acting_jointly.as_deref().unwrap_or(&node.id))
                .or_default()
                .push(i);
        }
    }
    for members in persons.values() {
        let controlled: Vec<usize> = (0..n)
            .filter(|&t| nodes[t].kind.is_enterprise())
            .filter(|&t| {
                let votes: Decimal = edges
                    .iter()
                    .filter(|e| e.1 == t && members.contains(&e.0))
                    .map(|e| e.3)
                    .sum();
                votes > FIFTY || rights.iter().any(|r| r.1 == t && members.contains(&r.0))
            })
            .collect();
        for (x, &a) in controlled.iter().enumerate() {
            // Every pair once: each enterprise with those before it.
            for &b in &controlled[..x] {
                if related_markets(nodes[a], nodes[b]) {
                    groups.union(a, b);
                }
            }
        }
    }

    // Public bodies (art. 3(4)): directly, or through enterprises they control, jointly or not.
    let mut public: Vec<bool> = nodes.iter().map(|e| e.kind.is_public_body()).collect();
    loop {
        let mut changed = false;
        for t in 0..n {
            if public[t] {
                continue;
            }
            let votes: Decimal = edges
                .iter()
                .filter(|e| e.1 == t && public[e.0])
                .map(|e| e.3)
                .sum();
            if votes > FIFTY || rights.iter().any(|r| r.1 == t && public[r.0]) {
                public[t] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let public_capital: Decimal = edges
        .iter()
        .filter(|e| e.1 == 0 && public[e.0])
        .map(|e| e.2)
        .sum();
    let public_votes: Decimal = edges
        .iter()
        .filter(|e| e.1 == 0 && public[e.0])
        .map(|e| e.3)
        .sum();
    let public_share = public_capital.max(public_votes);

    // Art. 6: the linked group at 100 %, partner groups pro rata, the rest not at all.
    let root: Vec<usize> = (0..n).map(|i| groups.find(i)).collect();
    let own_group: Vec<usize> = (0..n)
        .filter(|&i| root[i] == root[0] && nodes[i].kind.is_enterprise() || i == 0)
        .collect();
    let mut relation = vec![None::<(Relation, Decimal)>; n];
    for &i in &own_group {
        relation[i] = Some((
            if i == 0 {
                Relation::Own
            } else {
                Relation::Linked
            },
            Decimal::ONE_HUNDRED,
        ));
    }
    let stake = |from: &[usize], to: usize| -> Decimal {
        let capital: Decimal = edges
            .iter()
            .filter(|e| e.1 == to && from.contains(&e.0))
            .map(|e| e.2)
            .sum();
        let votes: Decimal = edges
            .iter()
            .filter(|e| e.1 == to && from.contains(&e.0))
            .map(|e| e.3)
            .sum();
        capital.max(votes)
    };
    let mut other_roots: Vec<usize> = (0..n)
        .filter(|&i| nodes[i].kind.is_enterprise() && root[i] != root[0])
        .map(|i| root[i])
        .collect();
    other_roots.sort_unstable();
    other_roots.dedup();
    let mut partner_groups: Vec<(Vec<usize>, Decimal)> = Vec::new();
    for r in other_roots {
        let members: Vec<usize> = (0..n)
            .filter(|&i| root[i] == r && nodes[i].kind.is_enterprise())
            .collect();
        let up = own_group
            .iter()
            .map(|&l| stake(&members, l))
            .max()
            .unwrap_or_default();
        let down = members
            .iter()
            .map(|&y| stake(&own_group, y))
            .max()
            .unwrap_or_default();
        let weight = up.max(down);
        let exempt = members.len() == 1
            && nodes[members[0]].kind.is_exempt_investor()
            && up <= FIFTY
            && down < TWENTY_FIVE;
        for &m in &members {
            let direct = edges.iter().any(|e| {
                (e.0 == m && own_group.contains(&e.1)) || (e.1 == m && own_group.contains(&e.0))
            });
            relation[m] = Some(match () {
                _ if weight < TWENTY_FIVE => (Relation::NotCounted, Decimal::ZERO),
                _ if exempt => (Relation::ExemptInvestor, Decimal::ZERO),
                _ if direct => (Relation::Partner, weight),
                _ => (Relation::LinkedToPartner, weight),
            });
        }
        if weight >= TWENTY_FIVE && !exempt {
            partner_groups.push((members, weight));
        }
    }

    // Consolidated accounts: what a counted member's accounts include is not added again.
    let consolidated_within = |set: &[usize], i: usize| {
        set.iter()
            .any(|&k| k != i && nodes[k].consolidates.iter().any(|c| c == &nodes[i].id))
    };
    let mut figures = ExactFigures::default();
    let mut contributions = Vec::with_capacity(n);
    let mut sets: Vec<(Vec<usize>, Decimal)> = vec![(own_group.clone(), Decimal::ONE_HUNDRED)];
    sets.extend(partner_groups);
    let mut counted = vec![false; n];
    for (set, weight) in &sets {
        for &i in set {
            counted[i] = true;
            let (rel, w) = relation[i].unwrap_or((Relation::NotCounted, Decimal::ZERO));
            if consolidated_within(set, i) {
                contributions.push(Contribution {
                    id: nodes[i].id.clone(),
                    relation: Relation::Consolidated,
                    weight: Decimal::ZERO,
                    added: ExactFigures::default(),
                });
                continue;
            }
            let own = nodes[i].figures.ok_or_else(|| {
                let path = if i == 0 { "staff_awu".to_string() } else { entity_path(i) };
                InputError::new(
                    E::MissingField,
                    path,
                    format!("`{}` is {} and its figures (staff_awu, turnover, balance_sheet) are needed", nodes[i].id, rel.as_str()),
                )
            })?;
            let mut added = ExactFigures::default();
            added.add_weighted(&own, *weight);
            figures.add_weighted(&own, *weight);
            contributions.push(Contribution {
                id: nodes[i].id.clone(),
                relation: rel,
                weight: w,
                added,
            });
        }
    }
    for i in 0..n {
        if counted[i] {
            continue;
        }
        let rel = match &nodes[i].kind {
            EntityKind::NaturalPerson => Relation::NaturalPerson,
            k if k.is_public_body() || public[i] && !k.is_enterprise() => Relation::PublicBody,
            EntityKind::LocalAuthority { .. } => Relation::ExemptInvestor,
            _ => relation[i].map_or(Relation::NotCounted, |r| r.0),
        };
        contributions.push(Contribution {
            id: nodes[i].id.clone(),
            relation: rel,
            weight: Decimal::ZERO,
            added: ExactFigures::default(),
        });
    }
    Ok(Aggregation {
        figures,
        contributions,
        public_share,
    })
}

/// Same market, or one's market adjacent to the other's (HaTeFo, C-110/13).
fn related_markets(a: &Entity, b: &Entity) -> bool {
    match (&a.market, &b.market) {
        (Some(ma), Some(mb)) => {
            ma == mb || a.adjacent_markets.contains(mb) || b.adjacent_markets.contains(ma)
        }
        _ => false,
    }
}

/// Control is a strict order: nobody controls itself, directly or through others.
fn check_no_control_cycle(
    controls: &[Vec<usize>],
    nodes: &[&Entity],
    paths: &GraphPaths,
) -> Result<(), InputError> {
    // Kahn's algorithm: what cannot be peeled off lies on a cycle.
    let n = controls.len();
    let mut indegree = vec![0usize; n];
    for targets in controls {
        for &t in targets {
            indegree[t] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut peeled = 0;
    while let Some(i) = ready.pop() {
        peeled += 1;
        for &t in &controls[i] {
            indegree[t] -= 1;
            if indegree[t] == 0 {
                ready.push(t);
            }
        }
    }
    if peeled == n {
        return Ok(());
    }
    let on_cycle: Vec<&str> = (0..n)
        .filter(|&i| indegree[i] > 0)
        .map(|i| nodes[i].id.as_str())
        .collect();
    Err(InputError::new(
        E::InconsistentInput,
        paths.holdings.clone(),
        format!(
            "control runs in a circle through {}; an enterprise cannot control itself",
            on_cycle.join(", ")
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_references_and_paths() {
        assert_eq!(EntityKind::Enterprise.code(), "enterprise");
        assert_eq!(
            EntityKind::LocalAuthority {
                annual_budget: Money::ZERO,
                inhabitants: 0
            }
            .code(),
            "local_authority"
        );
        assert_eq!(
            Relation::Partner.reference(),
            "REC-2003/361 art. 3(2), art. 6(2)"
        );
        assert_eq!(
            Relation::LinkedToPartner.reference(),
            "REC-2003/361 art. 6(3)"
        );
        assert_eq!(Relation::PublicBody.reference(), "REC-2003/361 art. 3(4)");
        let p = GraphPaths::under("periods[2]");
        assert_eq!(
            (
                p.entities.as_str(),
                p.holdings.as_str(),
                p.controls.as_str()
            ),
            (
                "periods[2].entities",
                "periods[2].holdings",
                "periods[2].controls"
            )
        );
        assert_eq!(GraphPaths::under("").holdings, "holdings");
    }

    #[test]
    fn holdings_are_checked_through_the_typed_api_too() {
        let me = Entity {
            figures: Some(ExactFigures::default()),
            ..Entity::new("A", EntityKind::Enterprise)
        };
        let hold = |held: &str, capital: i64| Ownership {
            entities: vec![
                Entity::new("P", EntityKind::NaturalPerson),
                Entity::new("G", EntityKind::PublicBody),
            ],
            holdings: vec![Holding {
                holder: "A".into(),
                held: held.into(),
                capital: Decimal::from(capital),
                votes: Decimal::ZERO,
            }],
            controls: vec![],
        };
        let paths = GraphPaths::under("");
        for held in ["P", "G"] {
            let e = aggregate(&me, &hold(held, 10), &paths).unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (E::InconsistentInput, "holdings[0].held"),
                "{held}"
            );
        }
        for capital in [101, -1] {
            let mut graph = hold("P", capital);
            graph.holdings[0].held = "A".into();
            graph.holdings[0].holder = "P".into();
            let e = aggregate(&me, &graph, &paths).unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (E::PercentOutOfRange, "holdings[0].capital_pct"),
                "{capital}"
            );
        }
    }

    /// A small graph around the enterprise `A` (market `m`): entities by id and kind, with
    /// figures of one AWU for enterprises.
    fn graph(
        entities: &[(&str, EntityKind, Option<&str>)],
        holdings: &[(&str, &str, i64, i64)],
        controls: &[(&str, &str)],
    ) -> Aggregation {
        try_graph(entities, holdings, controls).unwrap()
    }

    /// Enterprise A (market `m`) and the graph around it, aggregated.
    fn try_graph(
        entities: &[(&str, EntityKind, Option<&str>)],
        holdings: &[(&str, &str, i64, i64)],
        controls: &[(&str, &str)],
    ) -> Result<Aggregation, InputError> {
        let figures = ExactFigures {
            staff: Decimal::ONE,
            turnover: Decimal::ONE,
            balance_sheet: Decimal::ONE,
        };
        let subject = Entity {
            figures: Some(figures),
            market: Some("m".into()),
            ..Entity::new("A", EntityKind::Enterprise)
        };
        let ownership = Ownership {
            entities: entities
                .iter()
                .map(|(id, kind, market)| Entity {
                    figures: kind.is_enterprise().then_some(figures),
                    market: market.map(String::from),
                    ..Entity::new(*id, kind.clone())
                })
                .collect(),
            holdings: holdings
                .iter()
                .map(|(holder, held, capital, votes)| Holding {
                    holder: (*holder).into(),
                    held: (*held).into(),
                    capital: Decimal::from(*capital),
                    votes: Decimal::from(*votes),
                })
                .collect(),
            controls: controls
                .iter()
                .map(|(holder, held)| Control {
                    holder: (*holder).into(),
                    held: (*held).into(),
                    right: ControlRight::BoardMajority,
                })
                .collect(),
        };
        aggregate(&subject, &ownership, &GraphPaths::under(""))
    }

    fn relation(a: &Aggregation, id: &str) -> Option<Relation> {
        a.contributions
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.relation)
    }

    #[test]
    fn capital_and_votes_are_each_capped_at_100_percent() {
        let me = Entity {
            figures: Some(ExactFigures::default()),
            ..Entity::new("A", EntityKind::Enterprise)
        };
        // Two holders of A with (capital, votes) each: summed separately, each up to 100 %.
        for (capital, votes, refused) in [(60, 10, true), (10, 60, true), (50, 50, false)] {
            let graph = Ownership {
                entities: vec![
                    Entity::new("P", EntityKind::NaturalPerson),
                    Entity::new("Q", EntityKind::NaturalPerson),
                ],
                holdings: ["P", "Q"]
                    .iter()
                    .map(|holder| Holding {
                        holder: (*holder).into(),
                        held: "A".into(),
                        capital: Decimal::from(capital),
                        votes: Decimal::from(votes),
                    })
                    .collect(),
                controls: vec![],
            };
            let outcome = aggregate(&me, &graph, &GraphPaths::under(""));
            assert_eq!(
                outcome.err().map(|e| (e.code, e.path)),
                refused.then(|| (E::InconsistentInput, "holdings[1]".to_string())),
                "{capital} {votes}"
            );
        }
    }

    #[test]
    fn natural_persons_link_enterprises_they_control_in_one_market() {
        use EntityKind::{Enterprise as E_, NaturalPerson as P_};
        let people = |b_votes: i64| {
            graph(
                &[("P", P_, None), ("B", E_, Some("m"))],
                &[("P", "A", 60, 60), ("P", "B", b_votes, b_votes)],
                &[],
            )
        };
        // More than half of the votes controls (art. 3(3)(a)); exactly half does not.
        assert_eq!(relation(&people(51), "B"), Some(Relation::Linked));
        assert_ne!(relation(&people(50), "B"), Some(Relation::Linked));
        // A control right links without votes.
        let right = graph(
            &[("P", P_, None), ("B", E_, Some("m"))],
            &[("P", "A", 60, 60)],
            &[("P", "B")],
        );
        assert_eq!(relation(&right, "B"), Some(Relation::Linked));
        // Another person's majority in B does not count for P.
        let other = graph(
            &[("P", P_, None), ("Q", P_, None), ("B", E_, Some("m"))],
            &[("P", "A", 60, 60), ("Q", "B", 60, 60)],
            &[],
        );
        assert_ne!(relation(&other, "B"), Some(Relation::Linked));
        // Nor does P's control right over another enterprise.
        let right_elsewhere = graph(
            &[("P", P_, None), ("X", E_, Some("y")), ("B", E_, Some("m"))],
            &[("P", "A", 60, 60)],
            &[("P", "X")],
        );
        assert_ne!(relation(&right_elsewhere, "B"), Some(Relation::Linked));
    }

    #[test]
    fn exempt_investors_and_enterprises_linked_to_a_partner() {
        use EntityKind::{Enterprise as E_, VentureCapital as V_};
        // An exempt investor with 25–50 % is not a partner, unless the enterprise holds 25 %
        // or more of it (art. 3(2)).
        let investor = |down: i64| {
            let mut holdings = vec![("V", "A", 30, 30)];
            if down > 0 {
                holdings.push(("A", "V", down, down));
            }
            relation(&graph(&[("V", V_, Some("v"))], &holdings, &[]), "V")
        };
        assert_eq!(investor(0), Some(Relation::ExemptInvestor));
        assert_eq!(investor(24), Some(Relation::ExemptInvestor));
        assert_eq!(investor(25), Some(Relation::Partner));
        // B holds 30 % of A and controls C: B is a partner, C is linked to the partner.
        let group = graph(
            &[("B", E_, Some("z")), ("C", E_, Some("z2"))],
            &[("B", "A", 30, 30), ("B", "C", 60, 60)],
            &[],
        );
        assert_eq!(relation(&group, "B"), Some(Relation::Partner));
        assert_eq!(relation(&group, "C"), Some(Relation::LinkedToPartner));
    }

    #[test]
    fn holders_that_are_not_added_say_what_they_are() {
        use EntityKind::{NaturalPerson as P_, PublicBody as G_};
        let small_town = EntityKind::LocalAuthority {
            annual_budget: Money::from_euro(1_000_000),
            inhabitants: 4_000,
        };
        let a = graph(
            &[
                ("P", P_, None),
                ("G", G_, None),
                ("L", small_town.clone(), None),
            ],
            &[("P", "A", 20, 20), ("G", "A", 10, 10), ("L", "A", 30, 30)],
            &[],
        );
        assert_eq!(relation(&a, "P"), Some(Relation::NaturalPerson));
        assert_eq!(relation(&a, "G"), Some(Relation::PublicBody));
        assert_eq!(relation(&a, "L"), Some(Relation::ExemptInvestor));
        // A small local authority controlled by a public body counts as public.
        let b = graph(
            &[("G", G_, None), ("L", small_town, None)],
            &[("G", "L", 60, 60), ("L", "A", 30, 30)],
            &[],
        );
        assert_eq!(relation(&b, "L"), Some(Relation::PublicBody));
        assert_eq!(b.public_share, Decimal::from(30));
    }

    #[test]
    fn a_control_cycle_names_the_entities_on_it() {
        use EntityKind::Enterprise as E_;
        let e = try_graph(
            &[("B", E_, None), ("C", E_, None), ("D", E_, None)],
            &[("B", "C", 60, 60), ("C", "B", 60, 60), ("D", "A", 60, 60)],
            &[],
        )
        .unwrap_err();
        assert_eq!(e.code, E::InconsistentInput);
        assert!(e.message.contains("through B, C;"), "{}", e.message);
    }

    #[test]
    fn a_publicly_controlled_enterprise_keeps_its_own_relation() {
        use EntityKind::{Enterprise as E_, PublicBody as G_};
        let a = graph(
            &[("G", G_, None), ("C", E_, Some("x"))],
            &[("G", "C", 60, 60), ("C", "A", 10, 10)],
            &[],
        );
        assert_eq!(relation(&a, "C"), Some(Relation::NotCounted));
        assert_eq!(a.public_share, Decimal::from(10));
    }

    #[test]
    fn public_bodies_control_through_votes_rights_and_chains() {
        use EntityKind::{Enterprise as E_, NaturalPerson as P_, PublicBody as G_};
        let through_c = |g_votes: i64| {
            graph(
                &[("G", G_, None), ("C", E_, Some("x"))],
                &[("G", "C", g_votes, g_votes), ("C", "A", 30, 30)],
                &[],
            )
            .public_share
        };
        assert_eq!(through_c(51), Decimal::from(30));
        assert_eq!(through_c(50), Decimal::ZERO);
        let by_right = graph(
            &[("G", G_, None), ("C", E_, Some("x"))],
            &[("C", "A", 30, 30)],
            &[("G", "C")],
        );
        assert_eq!(by_right.public_share, Decimal::from(30));
        // A public body's majority elsewhere does not make a privately held C public.
        let elsewhere = graph(
            &[
                ("G", G_, None),
                ("X", E_, Some("y")),
                ("P", P_, None),
                ("C", E_, Some("x")),
            ],
            &[("G", "X", 60, 60), ("P", "C", 60, 60), ("C", "A", 30, 30)],
            &[],
        );
        assert_eq!(elsewhere.public_share, Decimal::ZERO);
        let right_elsewhere = graph(
            &[("G", G_, None), ("X", E_, Some("y")), ("C", E_, Some("x"))],
            &[("C", "A", 30, 30)],
            &[("G", "X")],
        );
        assert_eq!(right_elsewhere.public_share, Decimal::ZERO);
        // Indirect control through a chain listed backwards needs more than one pass.
        let chain = graph(
            &[
                ("C2", E_, Some("x")),
                ("C1", E_, Some("y")),
                ("G", G_, None),
            ],
            &[
                ("G", "C1", 60, 60),
                ("C1", "C2", 60, 60),
                ("C2", "A", 30, 30),
            ],
            &[],
        );
        assert_eq!(chain.public_share, Decimal::from(30));
        // No public body at all: no public share (and the search ends).
        let none = graph(&[("P", P_, None)], &[("P", "A", 30, 30)], &[]);
        assert_eq!(none.public_share, Decimal::ZERO);
    }
}
