//! The European SME definition: Commission Recommendation 2003/361/EC, Annex (`REC-2003/361`).
//!
//! - [`thresholds`]: art. 2, the staff and financial ceilings of each class.
//! - [`headcount`]: art. 5, staff in annual work units from a staff list.
//! - [`periods`]: art. 4, the reference period and the two-period rule.
//! - [`relations`]: art. 3 and 6, partner and linked enterprises, public bodies, aggregation.
//! - [`definition`]: all of it together, for a series of periods.
//! - [`explain`]: why an enterprise has its size, step by step, in three languages.
//! - [`status`]: what the rest of the library asks: the class, SME or not, small mid-cap.
//! - [`small_mid_cap`]: Recommendation (EU) 2025/1099 (information only).
//!
//! The SME status of an enterprise, whatever it gives ([`SizeInput`](crate::SizeInput)), is
//! [`classify`](crate::classify()); the kmo-portefeuille then treats micro as small
//! ([`wallet_class`](crate::wallet_class)).

#[cfg(feature = "full-sme")]
pub mod definition;
pub mod explain;
pub mod headcount;
pub mod periods;
pub mod relations;
pub mod small_mid_cap;
pub mod status;
#[cfg(feature = "full-sme")]
pub(crate) mod summary;
pub mod thresholds;

pub use crate::coded::{SizeClass, WalletClass};
pub use status::SmeStatus;
pub use thresholds::{AnnualWorkUnits, Figures};
