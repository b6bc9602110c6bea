//! Art. 3(3): linked enterprises. An enterprise controls another by a majority of its voting
//! rights (strictly more than 50 %) or by a control right (board majority, dominant influence
//! by contract or articles, a voting agreement); linked is transitive. Through a natural person
//! or a group of persons acting jointly, enterprises are linked only when they are active in
//! the same or adjacent markets (HaTeFo, C-110/13).

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::graph::{Entity, EntityKind, Graph};
use crate::error::{InputError, InputErrorCode as E};

/// A majority of the voting rights is strictly more than this share.
pub const MAJORITY_ABOVE: Decimal = Decimal::from_parts(50, 0, 0, false, 0);

/// Whether the nodes `by` together control node `t`: more than half of its votes, or a
/// control right of one of them over it.
pub(super) fn controlled_by(g: &Graph<'_>, by: impl Fn(usize) -> bool + Copy, t: usize) -> bool {
    let (_, votes) = g.held_by(by, t);
    votes > MAJORITY_ABOVE
        || g.rights
            .iter()
            .any(|&(holder, held)| held == t && by(holder))
}

/// Who controls whom, directly: for each node, the nodes it controls on its own.
pub(super) fn direct_control(g: &Graph<'_>) -> Vec<Vec<usize>> {
    let mut controls = vec![Vec::<usize>::new(); g.len()];
    for e in &g.edges {
        if e.votes > MAJORITY_ABOVE {
            controls[e.holder].push(e.held);
        }
    }
    for &(holder, held) in &g.rights {
        controls[holder].push(held);
    }
    controls
}

/// Control is a strict order: nobody controls itself, directly or through others.
pub(super) fn check_no_control_cycle(
    g: &Graph<'_>,
    controls: &[Vec<usize>],
) -> Result<(), InputError> {
    let left = unpeeled(controls);
    if left.iter().all(|&d| d == 0) {
        return Ok(());
    }
    let on_cycle: Vec<&str> = (0..controls.len())
        .filter(|&i| left[i] > 0)
        .map(|i| g.nodes[i].id.as_str())
        .collect();
    Err(InputError::new(
        E::InconsistentInput,
        cycle_path(g),
        "err_control_cycle",
        vec![crate::error::joined(on_cycle, ", ").into()],
    ))
}

/// Kahn's algorithm: each node's in-degree once every node not on or after a cycle is peeled
/// off; what is left above 0 lies on a cycle or after one (all 0: no cycle).
fn unpeeled(next: &[Vec<usize>]) -> Vec<usize> {
    let mut indegree = vec![0usize; next.len()];
    for targets in next {
        for &t in targets {
            indegree[t] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..next.len()).filter(|&i| indegree[i] == 0).collect();
    while let Some(i) = ready.pop() {
        for &t in &next[i] {
            indegree[t] -= 1;
            if indegree[t] == 0 {
                ready.push(t);
            }
        }
    }
    indegree
}

/// Where a cycle of control is reported: the holdings list when majorities of votes alone go
/// round, else the control right that closes the cycle (`controls[1]`): the first, in the
/// order given, that leads back to its holder through the majorities and the rights before it.
fn cycle_path(g: &Graph<'_>) -> String {
    let n = g.len();
    let mut next = vec![Vec::<usize>::new(); n];
    for e in g.edges.iter().filter(|e| e.votes > MAJORITY_ABOVE) {
        next[e.holder].push(e.held);
    }
    if unpeeled(&next).iter().all(|&d| d == 0) {
        // Whether `to` is reached from `from` along `next`.
        let reaches = |next: &[Vec<usize>], from: usize, to: usize| {
            let mut seen = vec![false; n];
            let mut stack = vec![from];
            while let Some(i) = stack.pop() {
                if i == to {
                    return true;
                }
                for &t in &next[i] {
                    if !core::mem::replace(&mut seen[t], true) {
                        stack.push(t);
                    }
                }
            }
            false
        };
        for (k, &(holder, held)) in g.rights.iter().enumerate() {
            if reaches(&next, held, holder) {
                return crate::units::index_path(&g.paths.controls, k);
            }
            next[holder].push(held);
        }
    }
    g.paths.holdings.clone()
}

/// A minimal union-find over node indices: the linked groups.
pub(super) struct Groups(Vec<usize>);

impl Groups {
    /// The group's representative of node `i`.
    pub(super) fn find(&mut self, mut i: usize) -> usize {
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

/// The linked groups: enterprises joined by control, transitively, and enterprises controlled
/// by the same natural person (or persons acting jointly) in related markets.
///
/// Control counts the votes a holder has through the enterprises it controls (art. 3(3):
/// "through one or more other enterprises"): the votes that a linked group holds together in
/// an enterprise are one holder's, and more than half of them links it to the group; a natural
/// person controls what its persons and the enterprises they control hold together more than
/// half of. Joined until nothing more joins.
///
/// Also gives the links through persons that the market test could not decide: two
/// enterprises the same persons control, not linked otherwise, one of them without a market
/// (the persons' ids, and the enterprise whose market is missing; each once).
pub(super) fn linked_groups(
    g: &Graph<'_>,
    controls: &[Vec<usize>],
) -> (Groups, Vec<(String, usize)>) {
    let n = g.len();
    let nodes = &g.nodes;
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
    let persons = persons(g);
    let enterprises: Vec<usize> = (0..n).filter(|&t| nodes[t].kind.is_enterprise()).collect();
    // The pairs the market test could not decide: (persons, a, b), each once, in the order
    // found (a list, not a set: there are few, and the module keeps no ordered set of them).
    let mut untested: Vec<(&str, usize, usize)> = Vec::new();
    loop {
        let mut joined = false;
        // A group's votes together: each enterprise held by an enterprise of another group.
        for &t in &enterprises {
            let root: Vec<usize> = (0..n).map(|i| groups.find(i)).collect();
            let holders = distinct_nodes(
                n,
                g.edges
                    .iter()
                    .filter(|e| e.held == t && nodes[e.holder].kind.is_enterprise())
                    .map(|e| root[e.holder])
                    .filter(|&r| r != root[t]),
            );
            let root = &root;
            let by = |r: usize| move |i: usize| nodes[i].kind.is_enterprise() && root[i] == r;
            if let Some(&r) = holders.iter().find(|&&r| controlled_by(g, by(r), t)) {
                groups.union(r, t);
                joined = true;
            }
        }
        // What the persons control, directly or through what they control.
        for (&key, members) in &persons {
            let controlled = controlled_by_persons(g, &enterprises, members);
            for (x, &a) in controlled.iter().enumerate() {
                // Every pair once: each enterprise with those before it.
                for &b in &controlled[..x] {
                    if nodes[a].market.is_none() || nodes[b].market.is_none() {
                        if !untested.contains(&(key, b, a)) {
                            untested.push((key, b, a));
                        }
                    } else if related_markets(nodes[a], nodes[b])
                        && groups.find(a) != groups.find(b)
                    {
                        groups.union(a, b);
                        joined = true;
                    }
                }
            }
        }
        if !joined {
            break;
        }
    }
    let not_given = markets_not_given(g, &mut groups, &persons, &untested);
    (groups, not_given)
}

/// The natural persons, by who acts together: a person alone under its id, persons acting
/// jointly under their shared name.
fn persons<'g>(g: &Graph<'g>) -> BTreeMap<&'g str, Vec<usize>> {
    let mut persons: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, node) in g.nodes.iter().enumerate() {
        if node.kind == EntityKind::NaturalPerson {
            persons
                .entry(node.acting_jointly.as_deref().unwrap_or(&node.id))
                .or_default()
                .push(i);
        }
    }
    persons
}

/// The enterprises that `members` (persons acting together) control, directly or through what
/// they control, in node order.
fn controlled_by_persons(g: &Graph<'_>, enterprises: &[usize], members: &[usize]) -> Vec<usize> {
    let mut held = vec![false; g.len()];
    for &m in members {
        held[m] = true;
    }
    loop {
        let more: Vec<usize> = enterprises
            .iter()
            .copied()
            .filter(|&t| !held[t] && controlled_by(g, |i| held[i], t))
            .collect();
        if more.is_empty() {
            break;
        }
        for t in more {
            held[t] = true;
        }
    }
    enterprises.iter().copied().filter(|&t| held[t]).collect()
}

/// Of the pairs the market test could not decide, those left apart: each enterprise without a
/// market, once for each persons (their ids).
fn markets_not_given(
    g: &Graph<'_>,
    groups: &mut Groups,
    persons: &BTreeMap<&str, Vec<usize>>,
    untested: &[(&str, usize, usize)],
) -> Vec<(String, usize)> {
    let nodes = &g.nodes;
    let mut not_given: Vec<(String, usize)> = Vec::new();
    for &(key, a, b) in untested {
        if groups.find(a) == groups.find(b) {
            continue;
        }
        let label =
            || crate::error::joined(persons[key].iter().map(|&m| nodes[m].id.as_str()), ", ");
        for t in [a, b] {
            if nodes[t].market.is_none() {
                let label = label();
                if !not_given.iter().any(|(l, e)| *e == t && *l == label) {
                    not_given.push((label, t));
                }
            }
        }
    }
    not_given
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

/// The distinct nodes among `nodes` (each below `n`), in increasing order: a mark for each of
/// the graph's nodes, read once in order (no sort: the module has no sort of `usize` then).
pub(super) fn distinct_nodes(n: usize, nodes: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut marked = vec![false; n];
    for i in nodes {
        if let Some(m) = marked.get_mut(i) {
            *m = true;
        }
    }
    (0..n).filter(|&i| marked.get(i) == Some(&true)).collect()
}
