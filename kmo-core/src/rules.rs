//! The kmo-portefeuille's rules one by one, and the dated data they read.
//!
//! [`assess`](crate::assess()) runs every rule in order; this module is for a caller that shows
//! or checks one rule alone: a table of the yearly ceilings, the deadline of an own share, the
//! plan of a first registration, the de minimis regimes, the choices the library made where the
//! law is silent. The most used of them are also at the crate root.
//!
//! ```
//! use kmo_core::rules::{ceiling_for, year_ceiling, CEILINGS};
//! use kmo_core::SizeClass;
//!
//! // A small enterprise's ceiling of 2026 is the small column of the row in force that year.
//! let row = ceiling_for(2026).unwrap();
//! assert!(CEILINGS.contains(row));
//! assert_eq!(year_ceiling(2026, SizeClass::Small, false), Some(row.small));
//! ```

pub use crate::application::{
    check_approval_date, check_cost, check_earlier_aid, CostInput, CostLine, DeMinimisAid,
    FiscalYearEnd, MAX_COUNT as MAX_COST_COUNT,
};
pub use crate::kmo::aid::{aid_rate, cap_aid, year_ceiling, CappedAid};
pub use crate::kmo::cost::{
    eligible_cost, CostBreakdown, LineOutcome, CATERING_CAP_PER_PERSON_PER_DAY,
    REFERENCE as COST_REFERENCE,
};
pub use crate::kmo::de_minimis::{
    check_de_minimis, de_minimis_regime, DeMinimisCheck, Period as DeMinimisPeriod,
    Regime as DeMinimisRegime, REGIMES as DE_MINIMIS_REGIMES,
};
pub use crate::kmo::deadlines::{
    deadlines, own_share_due, plan_registration, procedure, DeadlineSet, ProcedureStep,
    RegistrationPlan, LETTER_AFTER_DAYS, LINK_VALID_MONTHS,
};
pub use crate::kmo::eligibility::{maatwerkbedrijf_applies, too_large, EXCLUDED_DIVISIONS};
pub use crate::kmo::rulebook::{
    boundary_choice, ceiling_for, rulebook_for, BoundaryChoice, Ceiling, Choice, Deadlines,
    Minimums, Rates, Rulebook, Uplift, BOUNDARY_CHOICES, CEILINGS, CHOICES, RULEBOOKS,
};
pub use crate::kmo::size::{classify, wallet_class, wallet_class_in_year};
