//! The quick quote: a declared size class, one service, one date, amounts in integer cents —
//! the calculator's and the invoice run's common path, without allocation.
//!
//! It is not a second decision path: it runs [`assess`](crate::assess())'s pipeline on the
//! application the question describes, keeping only the numbers and the blocking reasons (no
//! message is built). What the question does not give (legal form, site, de minimis, …) is not
//! checked, exactly as `assess` does not check what an application leaves out.
//!
//! A question is checked once ([`QuickQuestion::check`], the same checks and error codes as the
//! JSON document); [`quick_quote`] then trusts it. [`quick_quote_explained`] also keeps each
//! blocking reason as a [`Finding`], so that it can be written in any language with the texts
//! `assess` uses (the JSON quick quote does).
//!
//! ```
//! use kmo_core::quick::{quick_quote, QuickQuestion};
//! use kmo_core::{parse_date, Money, ServiceKind, SizeClass, Theme};
//! let q = QuickQuestion {
//!     theme: Some(Theme::Personeelsmanagement),
//!     start_date: Some(parse_date("2026-03-02")?),
//!     aid_used: Money::parse("7200")?,
//!     ..QuickQuestion::new(parse_date("2026-03-10")?, SizeClass::Small, ServiceKind::Training, Money::parse("2000")?)
//! }
//! .check()?;
//! let a = quick_quote(&q);
//! assert_eq!((a.aid_cents, a.own_share_cents, a.vat_cents), (30_000, 170_000, 42_000));
//! assert!(a.capped && a.eligible());
//! # Ok::<(), kmo_core::InputError>(())
//! ```

use time::Date;

use crate::application::{Application, Enterprise, Options, Service, SizeInput};
use crate::assess::decide;
use crate::coded::OwnShareDeadline;
use crate::coded::SizeClass;
use crate::coded::{FindingCode, Severity};
use crate::coded::{ServiceKind, Subtheme, Theme};
use crate::error::InputError;
use crate::findings::{Args, Finding, Sink, TraceStep};
use crate::identifiers::ProviderNumber;
use crate::kmo::deadlines::DeadlineSet;
use crate::units::{Money, Percent};

/// A quick quote's question, as a caller gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickQuestion {
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
    /// The provider's registration number, when known (checked against the kind of service).
    pub provider: Option<ProviderNumber>,
    /// The start of the service, when known (the application is due 14 days after it).
    pub start_date: Option<Date>,
    /// The eligible cost excluding VAT.
    pub cost: Money,
    /// Aid already granted in the application's calendar year.
    pub aid_used: Money,
    /// The VAT rate (21 % unless given).
    pub vat_rate: Percent,
    /// The own-share deadline policy.
    pub own_share_deadline: OwnShareDeadline,
    /// The day the service provider approved the application, for [`OwnShareDeadline::AfterApproval30Days`].
    pub approval_date: Option<Date>,
}

impl QuickQuestion {
    /// A question with no theme, start date or aid used, at 21 % VAT and the default
    /// own-share deadline.
    pub fn new(
        application_date: Date,
        size_class: SizeClass,
        kind: ServiceKind,
        cost: Money,
    ) -> QuickQuestion {
        QuickQuestion {
            application_date,
            size_class,
            kind,
            theme: None,
            subtheme: None,
            provider: None,
            start_date: None,
            cost,
            aid_used: Money::ZERO,
            vat_rate: Service::DEFAULT_VAT_RATE,
            own_share_deadline: OwnShareDeadline::default(),
            approval_date: None,
        }
    }

    /// The application the question describes.
    #[cfg_attr(not(kmo_size), inline(always))]
    fn application(&self) -> Application {
        Application {
            application_date: self.application_date,
            enterprise: Enterprise::new(SizeInput::Declared(self.size_class)),
            service: Service {
                theme: self.theme,
                subtheme: self.subtheme,
                provider: self.provider,
                start_date: self.start_date,
                vat_rate: self.vat_rate,
                ..Service::new(self.kind, self.cost)
            },
            aid_used: self.aid_used,
            options: Options {
                own_share_deadline: self.own_share_deadline,
                approval_date: self.approval_date,
                ..Options::default()
            },
            lang: crate::coded::Lang::default(),
        }
    }

    /// Checks the question as the JSON document would be checked ([`Application::validate`]).
    ///
    /// # Errors
    ///
    /// The problem found, with its code and the path of the question's field (`subtheme`: the
    /// question's fields sit at its root, where an application has them under `service`).
    pub fn check(&self) -> Result<QuickQuote, InputError> {
        // Checked as built from the question (what it leaves out is known absent, and those
        // checks fold away), then kept with it.
        match self.application().checked() {
            Ok(()) => Ok(QuickQuote {
                question: *self,
                app: self.application(),
            }),
            Err(e) => Err(question_error(e)),
        }
    }
}

/// An application's error at the question's path (its fields sit at the root).
#[cold]
fn question_error(e: InputError) -> InputError {
    // Every leading `service.` off (as `trim_start_matches`, without its pattern searcher).
    let mut path = e.path.as_str();
    while let Some(rest) = path.strip_prefix("service.") {
        path = rest;
    }
    let path = path.to_string();
    e.at(path)
}

/// A checked quick question ([`QuickQuestion::check`]): the question and the application it
/// describes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickQuote {
    question: QuickQuestion,
    app: Application,
}

impl QuickQuote {
    /// The application the question describes.
    pub fn application(&self) -> &Application {
        &self.app
    }

    /// The declared size class.
    pub fn size_class(&self) -> SizeClass {
        self.question.size_class
    }
}

/// Why a quick quote is not eligible, as a set of finding codes (no allocation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Blocking(u64);

// One bit per finding code: a 65th code does not compile until the set is wider.
const _: () = assert!(
    FindingCode::ALL.len() <= u64::BITS as usize,
    "quick::Blocking holds a bit per finding code: widen it"
);

impl Blocking {
    /// The bit of a code: its position in [`FindingCode::ALL`].
    fn bit(code: FindingCode) -> u64 {
        1 << (code.number() - 1)
    }

    /// No reason: eligible.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many reasons.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether `code` is one of the reasons.
    pub fn contains(self, code: FindingCode) -> bool {
        self.0 & Blocking::bit(code) != 0
    }

    /// The reasons as bits: bit `n − 1` for the code numbered `n` ([`FindingCode::number`]).
    pub fn bits(self) -> u64 {
        self.0
    }

    /// The reasons, in the order of [`FindingCode::ALL`].
    pub fn codes(self) -> impl Iterator<Item = FindingCode> {
        FindingCode::ALL
            .iter()
            .copied()
            .filter(move |c| self.contains(*c))
    }
}

impl FromIterator<FindingCode> for Blocking {
    /// The set of `codes` (an assessment's blocking findings, for one).
    ///
    /// ```
    /// use kmo_core::{quick::Blocking, FindingCode};
    /// let b: Blocking = [FindingCode::CostBelowMinimum, FindingCode::NoRulebookForDate].into_iter().collect();
    /// assert_eq!(b.codes().collect::<Vec<_>>(), [FindingCode::NoRulebookForDate, FindingCode::CostBelowMinimum]);
    /// assert_eq!(b.bits(), 1 | 1 << (FindingCode::CostBelowMinimum.number() - 1));
    /// ```
    fn from_iter<I: IntoIterator<Item = FindingCode>>(codes: I) -> Blocking {
        Blocking(codes.into_iter().fold(0, |bits, c| bits | Blocking::bit(c)))
    }
}

impl Sink for Blocking {
    fn finding(
        &mut self,
        code: FindingCode,
        _reference: &'static str,
        _args: impl FnOnce() -> Args,
    ) {
        if code.severity() == Severity::Blocking {
            self.0 |= Blocking::bit(code);
        }
    }

    fn step(&mut self, _step: impl FnOnce() -> TraceStep) {}

    fn blocked(&self) -> bool {
        !self.is_empty()
    }
}

/// The blocking reasons of a quick quote with their message arguments: the [`Blocking`] set,
/// and each reason as the [`Finding`] `assess` records for it (in the order the rules ran).
#[derive(Debug, Default)]
struct Reasons {
    blocking: Blocking,
    findings: Vec<Finding>,
}

impl Reasons {
    /// Records a blocking finding whose arguments are built. Out of line in the builds for
    /// size: one copy of the push for every rule's finding (`finding` is generic over its
    /// arguments).
    #[cfg_attr(kmo_size, inline(never))]
    fn push_blocking(&mut self, code: FindingCode, reference: &'static str, args: Args) {
        self.blocking.0 |= Blocking::bit(code);
        self.findings.push(Finding {
            code,
            severity: Severity::Blocking,
            reference,
            args,
        });
    }
}

impl Sink for Reasons {
    fn finding(&mut self, code: FindingCode, reference: &'static str, args: impl FnOnce() -> Args) {
        if code.severity() == Severity::Blocking {
            self.push_blocking(code, reference, args());
        }
    }

    fn step(&mut self, _step: impl FnOnce() -> TraceStep) {}

    fn blocked(&self) -> bool {
        !self.blocking.is_empty()
    }
}

/// A quick quote's answer, in cents and basis points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuickAnswer {
    /// The aid percentage, uplift included, in basis points (as `assess` gives it).
    pub rate_bp: u32,
    /// The eligible cost.
    pub eligible_cost_cents: i64,
    /// The aid (0 when not eligible).
    pub aid_cents: i64,
    /// Cost − aid.
    pub own_share_cents: i64,
    /// VAT on the cost.
    pub vat_cents: i64,
    /// The year's ceiling for the class.
    pub ceiling_cents: i64,
    /// What is left of it after this application (before it, when not eligible).
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

/// Answers one checked quick quote.
pub fn quick_quote(q: &QuickQuote) -> QuickAnswer {
    let mut blocking = Blocking::default();
    answer(q, &mut blocking, |b| *b)
}

/// [`quick_quote`], with every blocking reason as the [`Finding`] `assess` gives for it (its
/// code, reference and message arguments; [`Finding::message`] writes it in a language), in
/// the order the rules ran. The same pipeline: only the reasons are kept as well as counted.
///
/// ```
/// use kmo_core::quick::{quick_quote_explained, QuickQuestion};
/// use kmo_core::{parse_date, FindingCode, Lang, Money, ServiceKind, SizeClass};
/// let q = QuickQuestion::new(parse_date("2026-03-10")?, SizeClass::Small, ServiceKind::Training, Money::parse("2000")?)
///     .check()?;
/// let (answer, reasons) = quick_quote_explained(&q);
/// assert!(!answer.eligible());
/// assert_eq!(reasons[0].code, FindingCode::ThemeRequired);
/// assert!(reasons[0].message(Lang::En).contains("theme"));
/// # Ok::<(), kmo_core::InputError>(())
/// ```
pub fn quick_quote_explained(q: &QuickQuote) -> (QuickAnswer, Vec<Finding>) {
    let mut reasons = Reasons::default();
    let a = answer(q, &mut reasons, |r| r.blocking);
    (a, reasons.findings)
}

/// The pipeline on the question's application, into `sink`; `blocking` reads the set of
/// blocking codes back from it.
#[cfg_attr(not(kmo_size), inline(always))]
fn answer<S: Sink>(q: &QuickQuote, sink: &mut S, blocking: impl Fn(&S) -> Blocking) -> QuickAnswer {
    // The checked application, built again here from the question by the same function: what
    // a quick question leaves out (legal form, site, de minimis, …) is then known to the
    // compiler as absent, and the pipeline's steps on it fold away, while every step still
    // runs on the same application (`QuickQuote::application`).
    let app = q.question.application();
    let d = decide(&app, sink);
    let blocking = blocking(sink);
    QuickAnswer {
        // Every rate of a rulebook is a whole number of basis points.
        rate_bp: d.aid.rate.basis_points().unwrap_or(0),
        eligible_cost_cents: d.cost.eligible.cents(),
        aid_cents: d.granted.cents(),
        own_share_cents: d.own_share.cents(),
        vat_cents: d.vat.cents(),
        ceiling_cents: d.aid.ceiling.cents(),
        ceiling_left_cents: d.ceiling_left.cents(),
        capped: d.capped,
        deadlines: Some(d.deadlines),
        blocking,
    }
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

    fn q(cost: &str, kind: ServiceKind) -> QuickQuestion {
        QuickQuestion {
            theme: Some(Theme::Digitalisering),
            subtheme: Some(Subtheme::Cybersecurity),
            ..QuickQuestion::new(
                parse_date("2026-03-10").unwrap(),
                SizeClass::Small,
                kind,
                Money::parse(cost).unwrap(),
            )
        }
    }

    #[test]
    fn a_subtheme_of_another_theme_is_read_with_its_own_theme_as_in_the_document() {
        let base = q("1000", ServiceKind::Training);
        let other = QuickQuestion {
            theme: Some(Theme::Duurzaamheid),
            ..base
        };
        let (a, b) = (
            quick_quote(&base.check().unwrap()),
            quick_quote(&other.check().unwrap()),
        );
        assert!(b.eligible());
        assert_eq!((b.rate_bp, b.aid_cents), (a.rate_bp, a.aid_cents));
        assert_eq!(b.rate_bp, 4500);
        let document = crate::json::quote_json(
            r#"{"application_date":"2026-03-10","size_class":"small","kind":"training",
            "theme":"duurzaamheid","subtheme":"cybersecurity","cost":"1000"}"#,
        );
        assert!(document.contains(r#""aid":"450.00""#), "{document}");
    }

    /// The JSON quick quote's reasons are `assess`'s blocking findings, message for message,
    /// in every language; its unknown fields are reported as `assess` reports them.
    #[cfg(all(
        feature = "json",
        feature = "full-sme",
        feature = "wallet",
        feature = "lang-fr",
        feature = "lang-en"
    ))]
    #[test]
    fn the_reasons_and_unknown_fields_are_those_of_assess() {
        use serde_json::{json, Value};
        let blocking = |v: &Value| -> Vec<Value> {
            v["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["severity"] == "blocking")
                .cloned()
                .collect()
        };
        let cases = [
            json!({"application_date": "2026-03-10", "size_class": "large", "kind": "advice",
                   "start_date": "2026-01-02", "cost": "499", "provider": "DV.O236459"}),
            json!({"application_date": "2015-03-10", "size_class": "small", "cost": "99"}),
            json!({"application_date": "2026-03-10", "size_class": "medium", "theme": "innovatie",
                   "cost": "2000", "provider": "DV.O236459"}),
        ];
        for lang in ["nl", "fr", "en"] {
            for case in &cases {
                let mut q = case.clone();
                q["lang"] = json!(lang);
                let quote: Value =
                    serde_json::from_str(&crate::json::quote_json(&q.to_string())).unwrap();
                let mut service =
                    json!({"kind": q.get("kind").cloned().unwrap_or(json!("training"))});
                for key in ["theme", "provider", "start_date", "cost"] {
                    if let Some(v) = q.get(key) {
                        service[key] = v.clone();
                    }
                }
                let request = json!({"application_date": q["application_date"], "lang": lang,
                    "enterprise": {"size": {"class": q["size_class"]}}, "service": service});
                let full: Value =
                    serde_json::from_str(&crate::assess_json(&request.to_string())).unwrap();
                assert_eq!(quote["eligible"], full["eligible"], "{q}");
                assert_eq!(
                    quote["findings"].as_array().unwrap(),
                    &blocking(&full),
                    "{q}"
                );
                assert_eq!(
                    quote["findings"].as_array().unwrap().len(),
                    quote["blocking"].as_array().unwrap().len()
                );
            }
            let first: Value = serde_json::from_str(&crate::json::quote_json(
                &json!({"lang": lang, "size_class": "small", "kind": "advice", "subtheme": "cybersecurity",
                        "application_date": "2026-03-10", "cost": "600", "provider": "DV.O236459"}).to_string(),
            ))
            .unwrap();
            assert_eq!(
                first["blocking"],
                json!(["PROVIDER_NOT_REGISTERED_FOR_SERVICE"])
            );
            assert!(first["findings"][0]["message"]
                .as_str()
                .unwrap()
                .contains("DV.O236459"));
            let q = json!({"application_date": "2026-03-10", "size_class": "small", "lang": lang,
                "theme": "innovatie", "cost": 2000, "aidUsed": 7200});
            let quote: Value =
                serde_json::from_str(&crate::json::quote_json(&q.to_string())).unwrap();
            let request = json!({"application_date": "2026-03-10", "lang": lang, "aidUsed": 7200,
                "enterprise": {"size": {"class": "small"}},
                "service": {"kind": "training", "theme": "innovatie", "cost": 2000}});
            let full: Value =
                serde_json::from_str(&crate::assess_json(&request.to_string())).unwrap();
            let warning = |v: &Value| v["findings"].as_array().unwrap().last().cloned().unwrap();
            assert_eq!(warning(&quote), warning(&full));
            assert_eq!(warning(&quote)["code"], "UNKNOWN_FIELD_IGNORED");
            assert_eq!(quote["ceiling_left"], "6900.00", "aidUsed is not aid_used");
        }
    }

    /// The quote answers on the application it was checked with: the one built again from
    /// the question is that one, field for field.
    #[test]
    fn the_answer_runs_on_the_checked_application() {
        let question = QuickQuestion {
            provider: Some(ProviderNumber::parse("DV.O236459").unwrap()),
            start_date: Some(parse_date("2026-03-02").unwrap()),
            aid_used: Money::parse("7200").unwrap(),
            own_share_deadline: OwnShareDeadline::AfterApproval30Days,
            approval_date: Some(parse_date("2026-03-12").unwrap()),
            ..q("2000", ServiceKind::Training)
        };
        let quote = question.check().unwrap();
        assert_eq!(quote.application(), &question.application());
        let a = crate::assess(quote.application()).unwrap();
        let quick = quick_quote(&quote);
        assert_eq!(
            (quick.aid_cents, quick.deadlines),
            (a.aid.cents(), Some(a.deadlines))
        );
        assert_eq!(quote.size_class(), SizeClass::Small);
    }

    #[test]
    fn minimum_cost_edges() {
        let answer = |cost, kind| quick_quote(&q(cost, kind).check().unwrap());
        assert!(answer("100.00", ServiceKind::Training).eligible());
        assert!(!answer("99.99", ServiceKind::Training).eligible());
        assert!(answer("500.00", ServiceKind::Advice).eligible());
        let below = answer("499.99", ServiceKind::Advice);
        assert!(below.blocking.contains(FindingCode::CostBelowMinimum));
        assert_eq!(below.blocking.len(), 1);
    }

    #[test]
    fn batch_answers_every_question() {
        let questions: Vec<QuickQuote> = ["100", "2000", "99.99"]
            .iter()
            .map(|c| q(c, ServiceKind::Training).check().unwrap())
            .collect();
        let mut answers = [QuickAnswer::default(); 3];
        quick_quotes(&questions, &mut answers);
        for (question, answer) in questions.iter().zip(&answers) {
            assert_eq!(*answer, quick_quote(question));
        }
        assert_eq!(answers[1].aid_cents, 90_000);
    }
}
