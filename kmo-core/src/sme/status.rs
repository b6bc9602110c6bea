//! The SME status of an enterprise as the rest of the library uses it: its class, whether it
//! is an SME at all (art. 2 and art. 3(4)), and whether it is a small mid-cap.

use super::relations::publicly_controlled;
use super::small_mid_cap::is_small_mid_cap;
use super::thresholds::ExactFigures;
use crate::coded::SizeClass;
use crate::units::Percent;

/// The SME status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SmeStatus {
    /// The class (art. 2; after the two-period rule of art. 4 when periods were given).
    pub class: SizeClass,
    /// The share held by public bodies (art. 3(4)).
    pub public_share: Percent,
    /// An SME: not large, and not publicly controlled (less than 25 % held by public bodies).
    pub is_sme: bool,
    /// A small mid-cap (Recommendation (EU) 2025/1099), information only.
    pub small_mid_cap: bool,
}

/// An SME: not large (art. 2), and not controlled by public bodies (art. 3(4)).
pub(crate) fn is_sme(class: SizeClass, public_share: Percent) -> bool {
    class != SizeClass::Large && !publicly_controlled(public_share)
}

impl SmeStatus {
    /// The status of an enterprise of `class`, with `public_share` held by public bodies and,
    /// when known, its aggregated `figures` (for the small mid-cap test).
    pub(crate) fn new(
        class: SizeClass,
        public_share: Percent,
        figures: Option<&ExactFigures>,
    ) -> SmeStatus {
        SmeStatus {
            class,
            public_share,
            is_sme: is_sme(class, public_share),
            small_mid_cap: is_small_mid_cap(class, figures),
        }
    }
}
