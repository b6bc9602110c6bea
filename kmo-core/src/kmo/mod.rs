//! The kmo-portefeuille itself: services and themes, legal forms, the dated rulebooks,
//! eligibility, eligible cost, aid and ceiling, deadlines.

pub mod aid;
pub mod cost;
pub mod de_minimis;
pub mod deadlines;
pub mod eligibility;
pub mod rulebook;
pub mod size;
