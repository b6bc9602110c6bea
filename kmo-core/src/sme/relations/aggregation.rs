//! Art. 6: whose figures are added to the enterprise's, and at which weight. The linked group
//! counts at 100 %; a partner (with the enterprises linked to it) at its weight; a partner's
//! partners and holdings below 25 % not at all. Consolidated accounts, where they exist, are used
//! instead of adding the consolidated enterprises again. Every entity is counted once.

use rust_decimal::Decimal;

use super::graph::{Entity, EntityKind, Graph, GraphPaths, Ownership};
use super::linked::{check_no_control_cycle, direct_control, distinct_nodes, linked_groups};
use super::partner::{other_group, BUSINESS_ANGEL_LIMIT};
use super::public::{exempt_stakes, public_nodes, public_share};
use crate::coded::Relation;
use crate::error::{clip, ErrorArg, InputError, InputErrorCode as E};
use crate::sme::thresholds::ExactFigures;
use crate::units::Percent;

impl Relation {
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

impl Relation {
    /// Why an entity of this relation is not added, as a word of the message tables (the
    /// explanation of its `sme_weight` step); `None` for the relations whose figures are added.
    pub(crate) fn not_added_why(self) -> Option<&'static str> {
        match self {
            Relation::Own | Relation::Linked | Relation::Partner | Relation::LinkedToPartner => {
                None
            }
            Relation::Consolidated => Some("not_added_consolidated"),
            Relation::ExemptInvestor => Some("not_added_exempt_investor"),
            Relation::PublicBody => Some("not_added_public_body"),
            Relation::NaturalPerson => Some("not_added_natural_person"),
            Relation::NotCounted => Some("not_added_not_counted"),
        }
    }
}

/// One entity's part in the total.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct Aggregation {
    /// The figures to compare with the ceilings.
    pub figures: ExactFigures,
    /// Every entity's part, the enterprise first.
    pub contributions: Vec<Contribution>,
    /// The share of capital or voting rights controlled by public bodies (art. 3(4)).
    pub public_share: Percent,
    /// The links through natural persons the market test could not decide (art. 3(3), HaTeFo):
    /// the persons (their ids; those acting jointly separated by `, `) who control the
    /// enterprise of the second id and another enterprise not linked to it otherwise, the
    /// market of the second not given. They are taken as not linked.
    pub markets_not_given: Vec<(String, String)>,
    /// The business angels that invested exactly [`BUSINESS_ANGEL_LIMIT`] and count as
    /// partners: where the library's reading of the limit (strictly less) decides.
    pub angels_at_limit: Vec<String>,
}

/// Applies art. 3 and 6 to `subject` (whose own figures are in `subject.figures`) and its
/// ownership graph: the checks of the graph, control and linked groups (art. 3(3)), partners
/// (art. 3(2)), public control (art. 3(4)), then the weighted sum (art. 6). Invalid graphs
/// (unknown references, a holding of oneself, more than 100 % of one enterprise's capital or
/// votes, a cycle of control, an enterprise without figures whose figures are needed) are
/// typed input errors naming the field, as are figures the document refuses (a negative or
/// out-of-range staff, turnover or balance-sheet total: the code and path of the document,
/// `entities[0].staff_awu`). The sum is checked: it never overflows.
///
/// The paths are those of the size object's top level (`entities[0]`, `holdings[1].held`);
/// [`SmeDefinition::new`](crate::sme::definition::SmeDefinition::new) places each period's
/// graph under its own (`periods[2].entities[0]`).
///
/// ```
/// use kmo_core::sme::relations::*;
/// use kmo_core::sme::thresholds::ExactFigures;
/// use kmo_core::{Decimal, InputErrorCode, Percent};
/// let figures = |awu: i64, t: i64, b: i64| Some(ExactFigures { staff: awu.into(), turnover: t.into(), balance_sheet: b.into() });
/// let a = Entity { figures: figures(20, 3_000_000, 2_000_000), ..Entity::new("A", EntityKind::Enterprise) };
/// let c = Entity { figures: figures(30, 9_000_000, 6_000_000), ..Entity::new("C", EntityKind::Enterprise) };
/// let graph = Ownership {
///     entities: vec![c],
///     holdings: vec![Holding::new("A", "C", Percent::constant::<33>())],
///     controls: vec![],
/// };
/// let out = aggregate(&a, &graph)?;
/// assert_eq!(out.figures.staff, Decimal::new(299, 1));             // 20 + 33 % × 30
/// assert_eq!(out.figures.turnover, Decimal::from(5_970_000));
/// assert_eq!(out.figures.class(), kmo_core::SizeClass::Small);
///
/// // Figures the document refuses are refused here too, at the same path.
/// let mut bad = graph.clone();
/// bad.entities[0].figures = figures(-100, -50_000_000, 0);
/// let e = aggregate(&a, &bad).unwrap_err();
/// assert_eq!((e.code, e.path.as_str()), (InputErrorCode::InvalidNumber, "entities[0].staff_awu"));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn aggregate(subject: &Entity, graph: &Ownership) -> Result<Aggregation, InputError> {
    aggregate_at(subject, graph, &GraphPaths::under(""))
}

/// [`aggregate`], the graph's lists sitting at `paths` in the request.
pub(crate) fn aggregate_at(
    subject: &Entity,
    graph: &Ownership,
    paths: &GraphPaths,
) -> Result<Aggregation, InputError> {
    let g = Graph::new(subject, graph, paths)?;
    let n = g.len();

    // Art. 3(3): control and the linked groups.
    let controls = direct_control(&g);
    check_no_control_cycle(&g, &controls)?;
    let (mut groups, not_given) = linked_groups(&g, &controls);
    let root: Vec<usize> = (0..n).map(|i| groups.find(i)).collect();

    // Art. 3(4): public control.
    let public = public_nodes(&g);
    let exempt = exempt_stakes(&g, &public);
    let public_share = public_share(&g, &public, &exempt);

    // Art. 3(2): the own group at 100 %, every other group of enterprises partner or not.
    let (relation, sets) = relations(&g, &root);

    // Art. 3(2): a business angel at the limit, a partner by the library's reading.
    let angels_at_limit = (0..n)
        .filter(|&i| {
            matches!(g.nodes[i].kind, EntityKind::BusinessAngel { invested } if invested == BUSINESS_ANGEL_LIMIT)
                && matches!(relation[i], Some((Relation::Partner, _)))
        })
        .map(|i| g.nodes[i].id.clone())
        .collect();

    // Art. 6: the weighted sum.
    let mut counted = vec![false; n];
    let (figures, mut contributions) = weighted_sum(&g, &sets, &relation, &mut counted)?;
    for i in (0..n).filter(|&i| !counted[i]) {
        let rel = match &g.nodes[i].kind {
            EntityKind::NaturalPerson => Relation::NaturalPerson,
            _ if exempt[i] => Relation::ExemptInvestor,
            k if k.is_public_body() || public[i] && !k.is_enterprise() => Relation::PublicBody,
            _ => relation[i].map_or(Relation::NotCounted, |r| r.0),
        };
        contributions.push(Contribution {
            id: g.nodes[i].id.clone(),
            relation: rel,
            weight: Decimal::ZERO,
            added: ExactFigures::default(),
        });
    }
    Ok(Aggregation {
        figures,
        contributions,
        public_share,
        markets_not_given: not_given
            .into_iter()
            .map(|(persons, t)| (persons, g.nodes[t].id.clone()))
            .collect(),
        angels_at_limit,
    })
}

/// Each node's relation and weight, and the sets counted with their weight: the own group
/// (the subject and its linked enterprises) at 100 %, then each other group of enterprises
/// that is a partner at its weight (art. 3(2)).
#[allow(clippy::type_complexity)]
fn relations(g: &Graph<'_>, root: &[usize]) -> (Vec<Option<(Relation, Decimal)>>, Vec<Vec<usize>>) {
    let n = g.len();
    let nodes = &g.nodes;
    let own_group: Vec<usize> = (0..n)
        .filter(|&i| root[i] == root[0] && nodes[i].kind.is_enterprise() || i == 0)
        .collect();
    let mut relation = vec![None::<(Relation, Decimal)>; n];
    for &i in &own_group {
        let r = if i == 0 {
            Relation::Own
        } else {
            Relation::Linked
        };
        relation[i] = Some((r, Decimal::ONE_HUNDRED));
    }
    let other_roots = distinct_nodes(
        n,
        (0..n)
            .filter(|&i| nodes[i].kind.is_enterprise() && root[i] != root[0])
            .map(|i| root[i]),
    );
    let mut sets: Vec<Vec<usize>> = vec![own_group.clone()];
    for r in other_roots {
        let members: Vec<usize> = (0..n)
            .filter(|&i| root[i] == r && nodes[i].kind.is_enterprise())
            .collect();
        let group = other_group(g, &own_group, members);
        for (x, &m) in group.members.iter().enumerate() {
            relation[m] = Some(match () {
                _ if group.weight < super::partner::PARTNER_FROM => {
                    (Relation::NotCounted, Decimal::ZERO)
                }
                _ if group.exempt && g.nodes[m].kind.is_exempt_investor() => {
                    (Relation::ExemptInvestor, Decimal::ZERO)
                }
                _ if group.exempt => (Relation::NotCounted, Decimal::ZERO),
                _ if group.partner[x] => (Relation::Partner, group.weights[x]),
                _ => (Relation::LinkedToPartner, group.weights[x]),
            });
        }
        if group.is_partner() {
            sets.push(group.members);
        }
    }
    (relation, sets)
}

/// Art. 6: the figures of every counted set at its weight, and each member's contribution;
/// what a counted enterprise's consolidated accounts include is not added again, whatever its
/// set. Marks the nodes
/// counted.
fn weighted_sum(
    g: &Graph<'_>,
    sets: &[Vec<usize>],
    relation: &[Option<(Relation, Decimal)>],
    counted: &mut [bool],
) -> Result<(ExactFigures, Vec<Contribution>), InputError> {
    let nodes = &g.nodes;
    // Art. 6(2), 6(3): consolidated accounts are used instead of adding the enterprises they
    // include again, whichever counted set the consolidating enterprise is in (the enterprise
    // consolidating a partner, a partner consolidating its subsidiary).
    let mut in_a_set = vec![false; g.len()];
    for &i in sets.iter().flatten() {
        in_a_set[i] = true;
    }
    let consolidated = |i: usize| {
        (0..g.len()).any(|k| {
            k != i && in_a_set[k] && nodes[k].consolidates.iter().any(|c| c == &nodes[i].id)
        })
    };
    let at = |i: usize| {
        if i == 0 {
            String::new()
        } else {
            g.entity_path(i)
        }
    };
    let mut figures = ExactFigures::default();
    let mut contributions = Vec::with_capacity(g.len());
    for set in sets {
        for &i in set {
            counted[i] = true;
            let (rel, w) = relation[i].unwrap_or((Relation::NotCounted, Decimal::ZERO));
            if consolidated(i) {
                contributions.push(Contribution {
                    id: nodes[i].id.clone(),
                    relation: Relation::Consolidated,
                    weight: Decimal::ZERO,
                    added: ExactFigures::default(),
                });
                continue;
            }
            let own = nodes[i].figures.ok_or_else(|| {
                let path = if i == 0 {
                    "staff_awu".to_string()
                } else {
                    at(i)
                };
                InputError::new(
                    E::MissingField,
                    path,
                    "err_figures_needed",
                    vec![clip(&nodes[i].id).into(), ErrorArg::Word(rel.as_str())],
                )
            })?;
            // Checked figures (at most 10 000 000 AWU and EUR 10^12 each) at a weight of at
            // most 100 % cannot overflow in any graph that fits in memory; the check keeps
            // it a typed error rather than a panic all the same.
            let too_large =
                || InputError::new(E::AmountOutOfRange, at(i), "err_total_too_large", vec![]);
            let added = ExactFigures::default()
                .checked_add_weighted(&own, w)
                .ok_or_else(too_large)?;
            figures = figures
                .checked_add_weighted(&own, w)
                .ok_or_else(too_large)?;
            contributions.push(Contribution {
                id: nodes[i].id.clone(),
                relation: rel,
                weight: w,
                added,
            });
        }
    }
    Ok((figures, contributions))
}
