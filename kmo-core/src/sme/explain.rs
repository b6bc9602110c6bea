//! Why an enterprise has its size: the SME definition explaining itself, in Dutch, French or
//! English, with the article behind every step.
//!
//! The explanation is the part of an assessment's trace that the SME definition writes — the
//! same steps, made by the same code (the size step of [`assess`](crate::assess())), not a
//! second account of the rules:
//!
//! - for each period, the aggregated figures, the class they give on their own and the status
//!   after the two-period rule (`sme_period`, REC-2003/361 art. 4(2) and 6);
//! - for each entity of the latest period's ownership graph, how it relates to the enterprise
//!   (itself, linked, partner, linked to a partner, in consolidated accounts, an exempt investor,
//!   a public body, a natural person, not counted) and the weight its figures are added at
//!   (`sme_weight`), or why they are not added (`sme_not_added`), citing art. 3(2), 3(3),
//!   3(4), 6(2) or 6(3);
//! - the class (`size_class`, art. 2), and the notices: the two-period rule kept a status, the
//!   figures are an estimate (art. 4(3)), public bodies hold 25 % or more (art. 3(4)), a small
//!   mid-cap (Recommendation (EU) 2025/1099).
//!
//! [`explain`] answers for any [`SizeInput`] (a declared class and one period's figures explain
//! themselves in one step); [`SmeDefinition::explain`] for the full definition.
//!
//! ```
//! use kmo_core::sme::explain::explain;
//! use kmo_core::{AnnualWorkUnits, Figures, Lang, Money, Percent, SizeClass, SizeInput};
//!
//! let size = SizeInput::Figures(Figures {
//!     staff: AnnualWorkUnits::whole(60)?,
//!     turnover: Money::from_euro(9_000_000),
//!     balance_sheet: Money::from_euro(4_000_000),
//! });
//! let why = explain(&size, Percent::ZERO);
//! assert_eq!(why.status.class, SizeClass::Medium);
//! let text = why.text(Lang::En);
//! assert!(text.starts_with("Size under the European SME definition: medium"));
//! assert!(text.contains("[REC-2003/361 art. 2]"));
//! # Ok::<(), kmo_core::InputError>(())
//! ```

use core::fmt;

use crate::application::SizeInput;
use crate::coded::Lang;
use crate::findings::{Explanation, Finding, TraceStep};
use crate::kmo::eligibility::private_sector;
use crate::kmo::size::classify_size;
use crate::sme::status::SmeStatus;
use crate::units::Percent;

#[cfg(feature = "full-sme")]
use crate::sme::definition::SmeDefinition;

/// The size of an enterprise and why: its [`SmeStatus`], the steps that gave it (each citing
/// its article) and the notices along the way. Its texts are written on demand in any
/// language ([`SmeExplanation::text`]); `Display` writes English.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SmeExplanation {
    /// The status: class, SME or not, the share held by public bodies, small mid-cap.
    pub status: SmeStatus,
    /// The steps, in order: each period, each entity's weight (latest period), the class.
    pub trace: Vec<TraceStep>,
    /// The notices: the two-period rule applied, an estimate, public control (REC-2003/361
    /// art. 3(4)), a small mid-cap.
    pub findings: Vec<Finding>,
}

impl SmeExplanation {
    /// The explanation in `lang`, one line per step then one per notice, each followed by its
    /// reference in brackets: `C: partner, counted at 33 %. [REC-2003/361 art. 3(2), art. 6(2)]`.
    ///
    /// ```
    /// use kmo_core::sme::explain::explain;
    /// use kmo_core::{Lang, Percent, SizeClass, SizeInput};
    /// let why = explain(&SizeInput::Declared(SizeClass::Small), Percent::parse("30")?);
    /// assert!(!why.status.is_sme);
    /// let nl = why.text(Lang::Nl);
    /// assert!(nl.contains("klein") && nl.contains("30 %") && nl.contains("[REC-2003/361 art. 3(4)]"));
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let mut out = String::with_capacity(128 * (self.trace.len() + self.findings.len()));
        let steps = self.trace.iter().map(|s| (s.text(lang), s.reference));
        let notices = self.findings.iter().map(|f| (f.message(lang), f.reference));
        for (i, (text, reference)) in steps.chain(notices).enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&text);
            out.push_str(" [");
            out.push_str(reference);
            out.push(']');
        }
        out
    }
}

impl fmt::Display for SmeExplanation {
    /// [`SmeExplanation::text`] in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// The status of an enterprise of `size`, with `public_bodies` of its capital or votes held
/// by public bodies (the share found in a full definition's graph counts when it is greater),
/// and why: the steps an assessment's trace shows for the size, and the notices.
///
/// ```
/// use kmo_core::sme::explain::explain;
/// use kmo_core::{Lang, Percent, SizeClass, SizeInput};
/// let why = explain(&SizeInput::Declared(SizeClass::Micro), Percent::ZERO);
/// assert_eq!(why.trace[0].step.as_str(), "size_class");
/// assert_eq!(why.text(Lang::Fr), "Taille selon la définition européenne des PME : micro (déclarée). [REC-2003/361 art. 2]");
/// ```
pub fn explain(size: &SizeInput, public_bodies: Percent) -> SmeExplanation {
    let mut out = Explanation::new(true);
    let status = classify_size(size, public_bodies, &mut out);
    // The SME definition knows no maatwerkbedrijf: art. 3(4) as written.
    private_sector(status.public_share, false, &mut out);
    SmeExplanation {
        status,
        trace: out.trace,
        findings: out.findings,
    }
}

#[cfg(feature = "full-sme")]
impl SmeDefinition {
    /// The status this definition gives (no public body share declared besides the graph's).
    ///
    /// ```
    /// # let request = kmo_core::json::parse_request(r#"{"application_date":"2026-03-10",
    /// #   "enterprise":{"size":{"periods":[{"staff_awu":"9","turnover":"1000000","balance_sheet":"1000000"}]}},
    /// #   "service":{"kind":"training","cost":"1000"}}"#)?;
    /// # let kmo_core::SizeInput::Full(def) = &request.application.enterprise.size else { unreachable!() };
    /// assert_eq!(def.status().class, kmo_core::SizeClass::Micro);
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn status(&self) -> SmeStatus {
        SmeStatus::new(self.class(), self.public_share(), Some(&self.figures()))
    }

    /// The status this definition gives, and why ([`explain`]): each period's aggregated
    /// figures and status, each entity of the latest period with its relation, its weight and
    /// the article that decides it, the class, the notices.
    ///
    /// A group explains its class (the example of `docs/json.md`, section 2.3): A's own
    /// figures, a third of C's (a partner: A holds 33 %), all of Q's (linked: the person who
    /// controls A also controls Q, in the same market), and neither the person nor the
    /// municipality M (an autonomous local authority below EUR 10 million and 5 000
    /// inhabitants: an exempt investor).
    ///
    /// ```
    /// use kmo_core::{json::parse_request, Lang, SizeClass, SizeInput};
    ///
    /// let request = parse_request(r#"{"application_date": "2026-03-10",
    ///   "enterprise": {"size": {
    ///     "id": "A", "market": "62",
    ///     "periods": [{"closing_date": "2025-12-31",
    ///                  "staff_awu": "20", "turnover": "3000000", "balance_sheet": "2000000"}],
    ///     "entities": [
    ///       {"id": "C", "staff_awu": "30", "turnover": "9000000", "balance_sheet": "6000000"},
    ///       {"id": "M", "kind": "local_authority", "annual_budget": "9900000", "inhabitants": 4999},
    ///       {"id": "P", "kind": "natural_person"},
    ///       {"id": "Q", "market": "62", "staff_awu": "4", "turnover": "500000", "balance_sheet": "300000"}],
    ///     "holdings": [
    ///       {"holder": "A", "held": "C", "capital_pct": "33"},
    ///       {"holder": "M", "held": "A", "capital_pct": "30"},
    ///       {"holder": "P", "held": "A", "voting_pct": "60"},
    ///       {"holder": "P", "held": "Q", "voting_pct": "70"}]}},
    ///   "service": {"kind": "training", "cost": "1000"}}"#)?;
    /// let SizeInput::Full(group) = &request.application.enterprise.size else { unreachable!() };
    ///
    /// let why = group.explain();
    /// assert_eq!(why.status.class, SizeClass::Small); // 20 + 9.9 + 4 = 33.9 AWU
    /// // One step per entity: its relation, its weight (or why it is not added), its article.
    /// let weights: Vec<String> = why.trace.iter()
    ///     .filter(|s| ["sme_weight", "sme_not_added"].contains(&s.step.as_str()))
    ///     .map(|s| format!("{} {} ({})", s.args[0], s.value, s.reference))
    ///     .collect();
    /// assert_eq!(weights, [
    ///     "A 100 (REC-2003/361 art. 3(3), art. 6(2))",
    ///     "Q 100 (REC-2003/361 art. 3(3), art. 6(2))",
    ///     "C 33 (REC-2003/361 art. 3(2), art. 6(2))",
    ///     "M 0 (REC-2003/361 art. 3(2))",
    ///     "P 0 (REC-2003/361 art. 3(3); SME-GUIDE-2020)",
    /// ]);
    /// // The same explanation in three languages.
    /// let en = why.text(Lang::En);
    /// assert!(en.contains("C: partner") && en.contains("Q: linked"));
    /// println!("{en}");
    /// assert!(why.text(Lang::Nl).contains("C: partneronderneming"));
    /// assert!(why.text(Lang::Fr).contains("C : entreprise partenaire"));
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn explain(&self) -> SmeExplanation {
        explain(&SizeInput::Full(Box::new(self.clone())), Percent::ZERO)
    }
}
