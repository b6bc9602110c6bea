//! The European SME definition: Commission Recommendation 2003/361/EC, Annex (`REC-2003/361`).
//!
//! - [`thresholds`]: art. 2, the staff and financial ceilings of each class.
//!
//! The size class of one enterprise from its own figures for one period is
//! [`classify`]; the kmo-portefeuille then treats micro as small
//! ([`SizeClass::wallet_class`]).

pub mod thresholds;

pub use thresholds::{classify, AnnualWorkUnits, Figures, SizeClass, WalletClass};
