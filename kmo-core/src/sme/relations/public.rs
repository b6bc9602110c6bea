//! Art. 3(4): an enterprise is not an SME, whatever its size, when 25 % or more of its capital
//! or voting rights is controlled, directly or indirectly, jointly or individually, by one or
//! more public bodies (exempt investors aside). Indirect joint control counts (NMI, C-516/19).
//!
//! Whatever a public body controls is public, an exempt investor included (a public investment
//! corporation the Region owns), and so is a local authority. The exemption of art. 3(2) second
//! subparagraph is a relation to the enterprise, not a kind, and one rule for every exempt kind
//! (a local authority must also be small, both limits, and autonomous): the investor's own stake
//! in the enterprise is left out of the public share only while the exempt investors are not
//! linked to the enterprise, individually or jointly (they do not control it, directly, with the
//! public bodies that control them, or through what they control). Their votes elsewhere count
//! like any public body's: an enterprise they control is public.

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

/// Which public nodes hold an exempt stake in the enterprise (node 0): the exempt investors of
/// art. 3(2) second subparagraph among the public nodes, one rule for every kind (a public
/// investment corporation a public body owns as much as a small local authority). A local
/// authority must also be small (both limits) and autonomous (no other public node controls
/// it). Their stakes are left out of the public share unless they are linked to the
/// enterprise: when the exempt investors, together with the public nodes that control them and
/// the enterprises they all control, control the enterprise (individually or jointly, more than
/// 50 % of the votes or a control right), none of them is exempt and their stakes count.
#[cfg(feature = "full-sme")]
pub(super) fn exempt_stakes(g: &Graph<'_>, public: &[bool]) -> Vec<bool> {
    let n = g.len();
    let exempt: Vec<bool> = (0..n)
        .map(|i| {
            let kind = &g.nodes[i].kind;
            public[i]
                && kind.is_exempt_investor()
                && (!matches!(kind, EntityKind::LocalAuthority { .. })
                    || !controlled_by(g, |k| public[k] && k != i, i))
        })
        .collect();
    if !exempt.contains(&true) {
        return exempt;
    }
    // The exempt investors' public group: the public nodes that control them (their stakes
    // are held through them), and what the group controls, until nothing more joins.
    let mut held = exempt.clone();
    let mut above = exempt.clone();
    loop {
        let mut more: Vec<usize> = Vec::new();
        let tops: Vec<usize> = (0..n).filter(|&m| above[m]).collect();
        for m in tops {
            if controlled_by(g, |k| public[k] && !held[k], m) {
                let holders = g.edges.iter().filter(|e| e.held == m).map(|e| e.holder);
                let rights = g.rights.iter().filter(|r| r.1 == m).map(|r| r.0);
                for k in holders.chain(rights).filter(|&k| public[k] && !held[k]) {
                    above[k] = true;
                    more.push(k);
                }
            }
        }
        more.extend((0..n).filter(|&t| {
            !held[t]
                && (t == 0 || g.nodes[t].kind.is_enterprise())
                && controlled_by(g, |i| held[i], t)
        }));
        if more.is_empty() {
            break;
        }
        for t in more {
            held[t] = true;
        }
    }
    if held[0] {
        vec![false; n]
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
