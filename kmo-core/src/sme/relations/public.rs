//! Art. 3(4): an enterprise is not an SME, whatever its size, when 25 % or more of its capital
//! or voting rights is controlled, directly or indirectly, jointly or individually, by one or
//! more public bodies (exempt investors aside). Indirect joint control counts (NMI, C-516/19).

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
    /// Whether this counts as a public body for art. 3(4) (a local authority that is not an
    /// exempt investor is one).
    pub fn is_public_body(&self) -> bool {
        match self {
            EntityKind::PublicBody => true,
            EntityKind::LocalAuthority { .. } => !self.is_exempt_investor(),
            _ => false,
        }
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

/// The share of the enterprise (node 0) the public nodes hold: the greater of capital and
/// votes.
#[cfg(feature = "full-sme")]
pub(super) fn public_share(g: &Graph<'_>, public: &[bool]) -> Percent {
    let (capital, votes) = g.held_by(|i| public[i], 0);
    // The holdings into one node are at most 100 % each (Graph::new).
    Percent::from_decimal(capital.max(votes)).unwrap_or(Percent::HUNDRED)
}
