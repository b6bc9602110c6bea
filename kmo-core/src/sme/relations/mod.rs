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
//!
//! One file per article:
//!
//! - [`graph`]: the ownership graph (entities, holdings, control rights) and its checks;
//! - [`linked`]: art. 3(3), control and linked enterprises;
//! - [`partner`]: art. 3(2), partner enterprises and exempt investors;
//! - [`public`]: art. 3(4), control by public bodies;
//! - [`aggregation`]: art. 6, whose figures are added and at which weight.

#[cfg(feature = "full-sme")]
pub mod aggregation;
#[cfg(feature = "full-sme")]
pub mod graph;
#[cfg(feature = "full-sme")]
pub mod linked;
#[cfg(feature = "full-sme")]
pub mod partner;
pub mod public;

#[cfg(feature = "full-sme")]
pub use crate::coded::{ControlRight, EntityType, Relation};
#[cfg(feature = "full-sme")]
pub(crate) use aggregation::aggregate_at;
#[cfg(feature = "full-sme")]
pub use aggregation::{aggregate, Aggregation, Contribution};
#[cfg(feature = "full-sme")]
pub(crate) use graph::GraphPaths;
#[cfg(feature = "full-sme")]
pub use graph::{Control, Entity, EntityKind, Holding, Ownership};
#[cfg(feature = "full-sme")]
pub use partner::{
    BUSINESS_ANGEL_LIMIT, BUSINESS_ANGEL_LIMIT_REFERENCE, LOCAL_AUTHORITY_BUDGET_LIMIT,
    LOCAL_AUTHORITY_INHABITANTS_LIMIT,
};
pub use public::{publicly_controlled, PUBLIC_CONTROL_THRESHOLD};

#[cfg(all(test, feature = "full-sme"))]
mod tests;
