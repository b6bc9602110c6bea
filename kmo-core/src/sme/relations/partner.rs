//! Art. 3(2): partner enterprises. An enterprise holding, alone or with its linked
//! enterprises, 25 % or more of the capital or voting rights of another (or held so by it) is
//! its partner, weighted at the greater of the two shares. Exempt investors may hold 25–50 %
//! without making a partnership, unless the enterprise holds 25 % or more of them; the
//! enterprises the investor controls do not take its exemption away.

use rust_decimal::Decimal;

use super::graph::{EntityKind, Graph};
use super::linked::MAJORITY_ABOVE;
use crate::units::Money;

/// A partnership starts at this share (inclusive: 24.99 % is nothing, 25 % is a partner).
pub const PARTNER_FROM: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

/// The business-angel limit: strictly below EUR 1 250 000.
pub const BUSINESS_ANGEL_LIMIT: Money = Money::from_euro(1_250_000);
/// Where the limit is written, and the library's reading of it (strictly less, where the German
/// text says "not exceeding"): cited when a business angel is exactly at the limit
/// (`BUSINESS_ANGEL_AT_LIMIT`).
pub const BUSINESS_ANGEL_LIMIT_REFERENCE: &str = "REC-2003/361 art. 3(2); [choice]";
/// The local-authority budget limit: strictly below EUR 10 000 000.
pub const LOCAL_AUTHORITY_BUDGET_LIMIT: Money = Money::from_euro(10_000_000);
/// The local-authority population limit: fewer than 5 000 inhabitants.
pub const LOCAL_AUTHORITY_INHABITANTS_LIMIT: u32 = 5_000;

impl EntityKind {
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
            EntityKind::BusinessAngel { invested } => *invested < BUSINESS_ANGEL_LIMIT,
            EntityKind::LocalAuthority {
                annual_budget,
                inhabitants,
            } => {
                *annual_budget < LOCAL_AUTHORITY_BUDGET_LIMIT
                    && *inhabitants < LOCAL_AUTHORITY_INHABITANTS_LIMIT
            }
            _ => false,
        }
    }
}

/// A group of linked enterprises outside the enterprise's own group, as art. 3(2) sees it.
pub(super) struct OtherGroup {
    /// Its members.
    pub(super) members: Vec<usize>,
    /// The greater of the shares it holds in the own group or the own group holds in it.
    pub(super) weight: Decimal,
    /// Each member's weight, once the group is a partner (art. 6(2), 6(3)).
    pub(super) weights: Vec<Decimal>,
    /// Whether each member is a partner in its own right (not only linked to one).
    pub(super) partner: Vec<bool>,
    /// Exempt investors holding at most 50 %, of which the enterprise holds less than 25 %,
    /// with the enterprises linked to them holding nothing in the enterprise's group (nor held
    /// by it).
    pub(super) exempt: bool,
}

impl OtherGroup {
    /// Whether the group is a partner of the enterprise: 25 % or more, not exempt.
    pub(super) fn is_partner(&self) -> bool {
        self.weight >= PARTNER_FROM && !self.exempt
    }
}

/// The greater of capital and votes that the nodes `from` hold together in `to`.
fn stake(g: &Graph<'_>, from: &[usize], to: usize) -> Decimal {
    let (capital, votes) = g.held_by(|i| from.contains(&i), to);
    capital.max(votes)
}

/// How another group relates to the own group: its weight (the greater stake, either way),
/// each member's weight and whether it is a partner in its own right, and whether the group
/// is an exempt investor.
///
/// Art. 6(2) and 6(3), every enterprise once at its highest applicable weight: a member that
/// holds 25 % or more in the own group (alone or with the members linked to it) or of which the
/// own group holds 25 % or more is a partner in its own right, at that stake; the partner's
/// figures include those of the enterprises it controls (its subsidiaries, directly or
/// through others), so a member counts at the greatest weight of itself and the partners that
/// control it. A member that neither is a partner nor is controlled by one (a parent or a
/// sister of a partner) is linked to the partners of its group and counts at the greatest of
/// their weights.
pub(super) fn other_group(g: &Graph<'_>, own_group: &[usize], members: Vec<usize>) -> OtherGroup {
    let up_into: Vec<Decimal> = own_group.iter().map(|&l| stake(g, &members, l)).collect();
    let up = up_into.iter().copied().max().unwrap_or_default();
    let down = members
        .iter()
        .map(|&y| stake(g, own_group, y))
        .max()
        .unwrap_or_default();
    let (weights, partner) = member_weights(g, own_group, &members, &up_into);
    // Art. 3(2) second subparagraph: the investor must not be linked to the enterprise; the
    // enterprises linked to the investor (its own subsidiaries) do not matter, unless they
    // hold in the enterprise's group or are held by it themselves.
    let exempt_investor = |m: usize| g.nodes[m].kind.is_exempt_investor();
    let touches = |m: usize| {
        g.edges.iter().any(|e| {
            (e.holder == m && own_group.contains(&e.held))
                || (e.held == m && own_group.contains(&e.holder))
        }) || g.rights.iter().any(|&(holder, held)| {
            (holder == m && own_group.contains(&held)) || (held == m && own_group.contains(&holder))
        })
    };
    let exempt = members.iter().any(|&m| exempt_investor(m))
        && members.iter().all(|&m| exempt_investor(m) || !touches(m))
        && up <= MAJORITY_ABOVE
        && down < PARTNER_FROM;
    OtherGroup {
        weight: up.max(down),
        weights,
        partner,
        exempt,
        members,
    }
}

/// Each member's weight and whether it is a partner in its own right (see [`other_group`]);
/// `up_into` is what the whole group holds in each enterprise of the own group.
fn member_weights(
    g: &Graph<'_>,
    own_group: &[usize],
    members: &[usize],
    up_into: &[Decimal],
) -> (Vec<Decimal>, Vec<bool>) {
    // Each member's own stake: what its group holds in an own enterprise it holds directly,
    // and what the own group holds of it.
    let own_weight: Vec<Decimal> = members
        .iter()
        .map(|&m| {
            let up_m = own_group
                .iter()
                .zip(up_into)
                .filter(|(&l, _)| g.edges.iter().any(|e| e.holder == m && e.held == l))
                .map(|(_, &w)| w)
                .max()
                .unwrap_or_default();
            up_m.max(stake(g, own_group, m))
        })
        .collect();
    let partner: Vec<bool> = own_weight.iter().map(|&w| w >= PARTNER_FROM).collect();
    // Who controls whom inside the group, directly or through others.
    let k = members.len();
    let controls = |p: usize, m: usize| {
        p != m
            && (g.edges.iter().any(|e| {
                e.holder == members[p] && e.held == members[m] && e.votes > MAJORITY_ABOVE
            }) || g.rights.contains(&(members[p], members[m])))
    };
    // under[a][b]: member a controls member b, directly or through other members.
    let under: Vec<Vec<bool>> = (0..k)
        .map(|a| {
            let mut seen = vec![false; k];
            let mut stack = vec![a];
            while let Some(c) = stack.pop() {
                for (b, seen_b) in seen.iter_mut().enumerate() {
                    if !*seen_b && controls(c, b) {
                        *seen_b = true;
                        stack.push(b);
                    }
                }
            }
            seen
        })
        .collect();
    let highest = |from: &mut dyn Iterator<Item = usize>| {
        from.filter(|&p| partner[p]).map(|p| own_weight[p]).max()
    };
    let weights: Vec<Decimal> = (0..k)
        .map(|b| {
            let own_or_above = highest(&mut (0..k).filter(|&a| a == b || under[a][b]));
            own_or_above
                .or_else(|| highest(&mut (0..k)))
                .unwrap_or_default()
        })
        .collect();
    (weights, partner)
}
