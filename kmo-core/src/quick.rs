//! The quick quote: a declared size class, one service, one date, amounts in integer cents —
//! the calculator's and the invoice run's common path, without allocation.
//!
//! It applies the same rules as [`assess`](crate::assess()) for what it is given (rulebook of the date,
//! size, theme, advice scope, minimum cost, rate and uplift, ceiling, rounding) through the same
//! rulebook tables and rule predicates; what it is not given (legal form, site, de minimis, …)
//! is not checked. The property tests hold it equal to `assess` on every input.
//!
//! ```
//! use kmo_core::quick::{quick_quote, QuickQuote};
//! use kmo_core::{parse_date, ServiceKind, SizeClass, Theme};
//! let q = quick_quote(&QuickQuote {
//!     application_date: parse_date("2026-03-10").unwrap(),
//!     size_class: SizeClass::Small,
//!     kind: ServiceKind::Training,
//!     theme: Some(Theme::Personeelsmanagement),
//!     subtheme: None,
//!     start_date: parse_date("2026-03-02").ok(),
//!     cost_cents: 200_000,
//!     aid_used_cents: 720_000,
//!     vat_rate_bp: 2100,
//! });
//! assert_eq!((q.aid_cents, q.own_share_cents, q.vat_cents), (30_000, 170_000, 42_000));
//! assert!(q.capped && q.eligible());
//! ```

use time::Date;

use crate::findings::FindingCode;
use crate::kmo::aid::aid_rate;
use crate::kmo::deadlines::{deadlines, DeadlineSet, OwnShareDeadline};
use crate::kmo::eligibility::{advice_not_allowed, theme_missing, too_large};
use crate::kmo::rulebook::{ceiling_for, rulebook_for, RULEBOOKS};
use crate::kmo::service::{ServiceKind, Subtheme, Theme};
use crate::sme::SizeClass;
use crate::units::percent_of_cents;

/// A quick quote's question. Amounts in cents, the VAT rate in basis points (2100 = 21 %).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickQuote {
    /// The application date.
    pub application_date: Date,
    /// The size class (declared).
    pub size_class: SizeClass,
    /// Training or advice.
    pub kind: ServiceKind,
    /// The theme (from 2023).
    pub theme: Option<Theme>,
    /// The subtheme.
    pub subtheme: Option<Subtheme>,
    /// The start of the service, when known (the application is due 14 days after it).
    pub start_date: Option<Date>,
    /// The eligible cost excluding VAT, in cents (0 to 100 000 000 000 000).
    pub cost_cents: i64,
    /// Aid already granted in the application's calendar year, in cents.
    pub aid_used_cents: i64,
    /// The VAT rate in basis points (0 to 10 000).
    pub vat_rate_bp: u32,
}

/// The largest amount a quick quote takes, in cents: EUR 1 000 000 000 000
/// ([`MAX_MONEY`](crate::units::MAX_MONEY)), as the JSON document.
pub const MAX_CENTS: i64 = 100_000_000_000_000;

impl QuickQuote {
    /// Whether the question is one the JSON document would accept: amounts of 0 to
    /// [`MAX_CENTS`], a VAT rate of 0–100 %, a subtheme of its theme. The C and JavaScript
    /// faces refuse the others as invalid input; [`quick_quote`] clamps them.
    ///
    /// ```
    /// # use kmo_core::quick::QuickQuote;
    /// # use kmo_core::{parse_date, ServiceKind, SizeClass, Subtheme, Theme};
    /// let q = QuickQuote {
    ///     application_date: parse_date("2026-03-10").unwrap(),
    ///     size_class: SizeClass::Small, kind: ServiceKind::Advice,
    ///     theme: Some(Theme::Digitalisering), subtheme: Some(Subtheme::Cybersecurity),
    ///     start_date: None, cost_cents: 100_000, aid_used_cents: 0, vat_rate_bp: 2100,
    /// };
    /// assert!(q.is_valid());
    /// assert!(!QuickQuote { vat_rate_bp: 10_001, ..q }.is_valid());
    /// assert!(!QuickQuote { theme: Some(Theme::Innovatie), ..q }.is_valid());
    /// ```
    #[inline]
    pub fn is_valid(&self) -> bool {
        let amount = |cents: i64| (0..=MAX_CENTS).contains(&cents);
        let subtheme_of_theme = match (self.theme, self.subtheme) {
            (Some(t), Some(s)) => s.theme() == t,
            _ => true,
        };
        amount(self.cost_cents)
            && amount(self.aid_used_cents)
            && self.vat_rate_bp <= 10_000
            && subtheme_of_theme
    }
}

/// Why a quick quote is not eligible, as a set of flags (no allocation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Blocking(u8);

impl Blocking {
    const CODES: [FindingCode; 7] = [
        FindingCode::NoRulebookForDate,
        FindingCode::EnterpriseTooLarge,
        FindingCode::ThemeRequired,
        FindingCode::AdviceOnlyCybersecurity,
        FindingCode::ApplicationTooLate,
        FindingCode::CostBelowMinimum,
        FindingCode::CeilingExhausted,
    ];

    fn add(&mut self, code: FindingCode) {
        if let Some(i) = Self::CODES.iter().position(|c| *c == code) {
            self.0 |= 1 << i;
        }
    }

    /// No reason: eligible.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many reasons.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The reasons, in the order `assess` reports them.
    pub fn codes(self) -> impl Iterator<Item = FindingCode> {
        Self::CODES
            .into_iter()
            .enumerate()
            .filter(move |(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, c)| c)
    }
}

/// A quick quote's answer, in cents and basis points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct QuickAnswer {
    /// The aid percentage, uplift included, in basis points (0 when none applies).
    pub rate_bp: u32,
    /// The aid (0 when not eligible).
    pub aid_cents: i64,
    /// Cost − aid.
    pub own_share_cents: i64,
    /// VAT on the cost.
    pub vat_cents: i64,
    /// The year's ceiling for the class.
    pub ceiling_cents: i64,
    /// What is left of it after this application.
    pub ceiling_left_cents: i64,
    /// Whether the ceiling cut the aid.
    pub capped: bool,
    /// The deadlines (apply, pay the own share, complete), as `assess` gives them.
    pub deadlines: Option<DeadlineSet>,
    /// Why it is not eligible.
    pub blocking: Blocking,
}

impl QuickAnswer {
    /// No blocking reason.
    pub fn eligible(&self) -> bool {
        self.blocking.is_empty()
    }
}

/// Answers one quick quote. Amounts out of range are clamped to the accepted range (0 to
/// EUR 1 000 000 000 000), as `assess` would refuse them; validate at the edge.
pub fn quick_quote(q: &QuickQuote) -> QuickAnswer {
    let cost = q.cost_cents.clamp(0, MAX_CENTS);
    let used = q.aid_used_cents.clamp(0, MAX_CENTS);
    let mut blocking = Blocking::default();
    let mut out = QuickAnswer {
        vat_cents: percent_of_cents(cost, q.vat_rate_bp.min(10_000)),
        ..QuickAnswer::default()
    };
    // Every reason that applies is reported, the size whatever the date.
    if too_large(q.size_class, false) {
        blocking.add(FindingCode::EnterpriseTooLarge);
    }
    // One lookup of the edition in force; before the first, its deadlines still date the
    // application (as in `assess`).
    let found = rulebook_for(q.application_date);
    let due = deadlines(
        found.unwrap_or(&RULEBOOKS[0]),
        q.application_date,
        q.start_date,
        OwnShareDeadline::default(),
        None,
    );
    out.deadlines = Some(due);
    if due.apply_by.is_some_and(|last| q.application_date > last) {
        blocking.add(FindingCode::ApplicationTooLate);
    }
    let Some(book) = found else {
        blocking.add(FindingCode::NoRulebookForDate);
        out.own_share_cents = cost;
        out.blocking = blocking;
        return out;
    };
    if theme_missing(book, q.theme, q.subtheme).is_some() {
        blocking.add(FindingCode::ThemeRequired);
    }
    if advice_not_allowed(book, q.kind, q.subtheme).is_some() {
        blocking.add(FindingCode::AdviceOnlyCybersecurity);
    }
    if cost < book.minimums.for_service(q.kind).cents().unwrap_or(0) {
        blocking.add(FindingCode::CostBelowMinimum);
    }
    let mut left = 0;
    if let (Some(class), Some(row)) = (
        q.size_class.wallet_class(),
        ceiling_for(q.application_date.year()),
    ) {
        let (rate, _) = aid_rate(book, class, q.kind, q.subtheme);
        out.rate_bp = rate.basis_points().unwrap_or(0);
        out.ceiling_cents = row.for_class(class).cents().unwrap_or(0);
        left = (out.ceiling_cents - used).max(0);
        if left == 0 {
            blocking.add(FindingCode::CeilingExhausted);
        }
        let raw = percent_of_cents(cost, out.rate_bp);
        out.aid_cents = raw.min(left);
        out.capped = out.aid_cents < raw;
    }
    if blocking.is_empty() {
        out.ceiling_left_cents = left - out.aid_cents;
    } else {
        out.aid_cents = 0;
        out.capped = false;
        out.ceiling_left_cents = left;
    }
    out.own_share_cents = cost - out.aid_cents;
    out.blocking = blocking;
    out
}

/// Answers a slice of quick quotes into `out` (the shorter of the two lengths), for year-end
/// runs over every invoice.
pub fn quick_quotes(questions: &[QuickQuote], out: &mut [QuickAnswer]) {
    for (q, a) in questions.iter().zip(out.iter_mut()) {
        *a = quick_quote(q);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::parse_date;

    fn q(cost_cents: i64, kind: ServiceKind) -> QuickQuote {
        QuickQuote {
            application_date: parse_date("2026-03-10").unwrap(),
            size_class: SizeClass::Small,
            kind,
            theme: Some(Theme::Digitalisering),
            subtheme: Some(Subtheme::Cybersecurity),
            start_date: None,
            cost_cents,
            aid_used_cents: 0,
            vat_rate_bp: 2100,
        }
    }

    /// The ranges of the JSON document, at their edges.
    #[test]
    fn validity_at_the_edges() {
        let base = q(100_000, ServiceKind::Training);
        assert!(base.is_valid());
        for (cents, valid) in [
            (-1, false),
            (0, true),
            (MAX_CENTS, true),
            (MAX_CENTS + 1, false),
        ] {
            assert_eq!(
                QuickQuote {
                    cost_cents: cents,
                    ..base
                }
                .is_valid(),
                valid,
                "{cents}"
            );
            let used = QuickQuote {
                aid_used_cents: cents,
                ..base
            };
            assert_eq!(used.is_valid(), valid, "{cents}");
        }
        assert!(QuickQuote {
            vat_rate_bp: 10_000,
            ..base
        }
        .is_valid());
        assert!(!QuickQuote {
            vat_rate_bp: 10_001,
            ..base
        }
        .is_valid());
        // A subtheme without a theme is accepted (as in the document); of another theme, not.
        assert!(QuickQuote {
            theme: None,
            ..base
        }
        .is_valid());
        assert!(!QuickQuote {
            theme: Some(Theme::Duurzaamheid),
            ..base
        }
        .is_valid());
        let energy = Some(Subtheme::EnergyEfficiency);
        assert!(QuickQuote {
            theme: Some(Theme::Duurzaamheid),
            subtheme: energy,
            ..base
        }
        .is_valid());
    }

    #[test]
    fn minimum_cost_edges() {
        assert!(
            quick_quote(&q(10_000, ServiceKind::Training)).eligible(),
            "EUR 100.00 is enough"
        );
        assert!(!quick_quote(&q(9_999, ServiceKind::Training)).eligible());
        assert!(
            quick_quote(&q(50_000, ServiceKind::Advice)).eligible(),
            "EUR 500.00 is enough"
        );
        assert!(!quick_quote(&q(49_999, ServiceKind::Advice)).eligible());
    }

    #[test]
    fn batch_answers_every_question() {
        let questions = [
            q(10_000, ServiceKind::Training),
            q(200_000, ServiceKind::Training),
            q(9_999, ServiceKind::Training),
        ];
        let mut answers = [QuickAnswer::default(); 3];
        quick_quotes(&questions, &mut answers);
        for (question, answer) in questions.iter().zip(&answers) {
            assert_eq!(*answer, quick_quote(question));
        }
        assert_eq!(answers[1].aid_cents, 90_000);
    }
}
