//! Art. 3(4): an enterprise is not an SME, whatever its size, when 25 % or more of its capital
//! or voting rights is controlled, directly or indirectly, jointly or individually, by one or
//! more public bodies (exempt investors aside). Indirect joint control counts (NMI, C-516/19).
//!
//! A local authority is a public body. The exemption of a small autonomous one (art. 3(2)
//! second subparagraph: budget below EUR 10 million and fewer than 5 000 inhabitants) is a relation to
//! the enterprise, not a kind: its own stake in the enterprise is left out of the public share
//! only while the exempt authorities are not linked to the enterprise, individually or jointly
//! (they do not control it, directly or through what they control). Its votes elsewhere count
//! like any public body's: an enterprise it controls is public.

#[cfg(feature = "full-sme")]
use super::graph::{EntityKind, Graph};
#[cfg(feature = "full-sme")]
use super::linked::controlled_by;
use crate::units::Percent;

/// Public control starts at this share (inclusive).
pub const PUBLIC_CONTROL_THRESHOLD: Percent = Percent::whole(25);

/// Whether a share held by public bodies makes the enterprise not an SME (art. 3(4)):
/// 25 % or more. The one place the threshold is compared; assess, the classification and
/// the eligibility rule all ask here.
///
/// ```
/// use kmo_core::Percent;
/// use kmo_core::sme::relations::publicly_controlled;
/// assert!(!publicly_controlled(Percent::parse("24.99")?));
/// assert!(publicly_controlled(Percent::parse("25")?));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn publicly_controlled(public_share: Percent) -> bool {
    public_share >= PUBLIC_CONTROL_THRESHOLD
}

#[cfg(feature = "full-sme")]
impl EntityKind {
    /// Whether this is a public body for art. 3(4): a public body, or a local authority of
    /// any size (a small one's stake in the enterprise may still be exempt: [`Aggregation`]'s
    /// public share leaves it out while the authority is not linked to the enterprise).
    ///
    /// [`Aggregation`]: super::Aggregation
    pub fn is_public_body(&self) -> bool {
        matches!(
            self,
            EntityKind::PublicBody | EntityKind::LocalAuthority { .. }
        )
    }

    /// Whether this is a local authority small enough to be an exempt investor (art. 3(2)
    /// second subparagraph).
    pub(super) fn is_exempt_local_authority(&self) -> bool {
        matches!(self, EntityKind::LocalAuthority { .. }) && self.is_exempt_investor()
    }
}

/// Which nodes are public: public bodies, and whatever public nodes control, jointly or not,
/// through any chain.
#[cfg(feature = "full-sme")]
pub(super) fn public_nodes(g: &Graph<'_>) -> Vec<bool> {
    let n = g.len();
    let mut public: Vec<bool> = g.nodes.iter().map(|e| e.kind.is_public_body()).collect();
    loop {
        let mut changed = false;
        for t in 0..n {
            if !public[t] && controlled_by(g, |i| public[i], t) {
                public[t] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    public
}

/// Which nodes hold an exempt stake in the enterprise (node 0): the small local authorities
/// that are autonomous (no other public node controls them), unless they control the
/// enterprise, individually or jointly, directly or through the enterprises they control (then
/// they are linked to it, and not exempt).
#[cfg(feature = "full-sme")]
pub(super) fn exempt_stakes(g: &Graph<'_>, public: &[bool]) -> Vec<bool> {
    let exempt: Vec<bool> = (0..g.len())
        .map(|i| {
            g.nodes[i].kind.is_exempt_local_authority()
                && !controlled_by(g, |k| public[k] && k != i, i)
        })
        .collect();
    if !exempt.contains(&true) {
        return exempt;
    }
    // What the exempt authorities control together, until nothing more joins.
    let mut held = exempt.clone();
    loop {
        let more: Vec<usize> = (0..g.len())
            .filter(|&t| {
                !held[t]
                    && (t == 0 || g.nodes[t].kind.is_enterprise())
                    && controlled_by(g, |i| held[i], t)
            })
            .collect();
        if more.is_empty() {
            break;
        }
        for t in more {
            held[t] = true;
        }
    }
    if held[0] {
        vec![false; g.len()]
    } else {
        exempt
    }
}

/// The share of the enterprise (node 0) the public nodes hold, exempt stakes aside: the
/// greater of capital and votes.
#[cfg(feature = "full-sme")]
pub(super) fn public_share(g: &Graph<'_>, public: &[bool], exempt: &[bool]) -> Percent {
    let (capital, votes) = g.held_by(|i| public[i] && !exempt[i], 0);
    // The holdings into one node are at most 100 % each (Graph::new).
    Percent::from_decimal(capital.max(votes)).unwrap_or(Percent::HUNDRED)
}
