//! # kmo-core
//!
//! The Flemish **kmo-portefeuille** (the "SME wallet" subsidy for training and advice) and the
//! **European SME definition** it rests on, encoded exactly, with the legal reference of every
//! rule.
//!
//! ## The model
//!
//! A company asks: *what does this training cost me?* The engine answers for one
//! [`Application`] (*aanvraag*) on one date, in the order a reader of the law would check:
//!
//! 1. **Which rules.** The [`Rulebook`] edition in force on the application date
//!    ([`rulebook_for`]): aid percentages, subtheme uplifts, minimum costs, themes. The yearly
//!    ceiling follows the calendar year of the application ([`ceiling_for`]).
//! 2. **How big.** The [`SizeClass`] under Recommendation 2003/361/EC ([`classify`], or the
//!    full definition with partner and linked enterprises and the two-period rule in
//!    [`sme`]); the class fixed for the year at its first application; micro counts as small
//!    ([`wallet_class`]).
//! 3. **Who may.** Legal form, Flemish site, public participation, main activity, related
//!    provider, registered provider, de minimis ([`rules`]). Every reason that
//!    applies is reported as a blocking [`Finding`]; ineligibility is a result, not an error.
//! 4. **How much.** The eligible cost excluding VAT ([`eligible_cost`]), the rate × cost
//!    rounded once to the cent, capped by what is left of the year's ceiling ([`cap_aid`]);
//!    the own share is cost − aid, so the parts always add up; VAT goes to the provider.
//! 5. **By when.** Apply within 14 days after the start, pay the own share, finish by 31
//!    December of the next year ([`deadlines`]), as a timeline ([`procedure`]).
//!
//! Every step is in the [`Assessment::trace`], citing its article, with an explanation in
//! Dutch, French or English ([`Lang`]). [`assess()`] runs the steps as a pipeline;
//! the quick quote ([`quick`]) runs the same pipeline for the numbers only.
//!
//! ## Invalid input is an error, ineligibility is not
//!
//! Values are checked where they are built: a [`Money`] cannot be negative or finer than a
//! cent, a [`Percent`] lies in 0–100 ([`Percent::constant`] checks a constant when the program
//! is compiled), a date exists, [`Figures::new`] takes the decimals a user has and checks them
//! once; what a type alone cannot check — a date outside the years 1900–2199, the figures of
//! an SME graph, a period closing after the application — is checked by
//! [`Application::validate`] or [`sme::definition::SmeDefinition::new`] before any rule runs.
//! The refusal is an [`InputError`] with a stable code, the path of the field and a message in
//! three languages — the same code and path the JSON document gets for the same value (a
//! property test and a fuzz target hold the two doors to each other).
//!
//! ## Example
//!
//! ```
//! use kmo_core::*;
//!
//! let app = Application::new(
//!     parse_date("2026-03-10")?,
//!     Enterprise {
//!         legal_form: Some(LegalForm::Bv),
//!         flemish_establishment: Some(true),
//!         ..Enterprise::new(SizeInput::Declared(SizeClass::Small))
//!     },
//!     Service {
//!         theme: Some(Theme::Personeelsmanagement),
//!         start_date: Some(parse_date("2026-03-02")?),
//!         ..Service::new(ServiceKind::Training, Money::parse("2000.00")?)
//!     },
//! );
//! let quote = assess(&app)?;
//! assert!(quote.eligible);
//! assert_eq!(quote.aid.to_string(), "600.00");       // 30 % of 2 000
//! assert_eq!(quote.own_share.to_string(), "1400.00"); // paid into the wallet
//! assert_eq!(quote.vat.to_string(), "420.00");        // paid to the provider
//! assert_eq!(quote.deadlines.apply_by.unwrap().to_string(), "2026-03-16");
//! # Ok::<(), kmo_core::InputError>(())
//! ```
//!
//! The same question as a JSON document (the form the JavaScript and C faces use; feature
//! `json`, on by default):
//!
//! ```
//! let response = kmo_core::assess_json(r#"{
//!   "application_date": "2026-03-10",
//!   "enterprise": { "size": { "class": "medium" } },
//!   "service": { "kind": "training", "theme": "personeelsmanagement", "cost": "2000" }
//! }"#);
//! assert!(response.contains(r#""aid":"400.00""#));
//! ```
//!
//! ## Why a group has its size
//!
//! An enterprise's size under the SME definition counts its linked enterprises in full and its
//! partners at the share held (REC-2003/361 art. 3 and 6). [`SmeDefinition::explain`] says, in
//! Dutch, French or English, which entity counted how and under which article — the same steps
//! an assessment's trace shows. Here A holds a third of C (a partner), and the person who
//! controls A also controls Q in the same market (so A and Q are linked):
//!
//! [`SmeDefinition::explain`]: sme::definition::SmeDefinition::explain
//!
//! ```
//! use kmo_core::{json::parse_request, Lang, SizeClass, SizeInput};
//!
//! let request = parse_request(r#"{"application_date": "2026-03-10",
//!   "enterprise": {"size": {"id": "A", "market": "62",
//!     "periods": [{"closing_date": "2025-12-31",
//!                  "staff_awu": "20", "turnover": "3000000", "balance_sheet": "2000000"}],
//!     "entities": [
//!       {"id": "C", "staff_awu": "30", "turnover": "9000000", "balance_sheet": "6000000"},
//!       {"id": "P", "kind": "natural_person"},
//!       {"id": "Q", "market": "62", "staff_awu": "4", "turnover": "500000", "balance_sheet": "300000"}],
//!     "holdings": [
//!       {"holder": "A", "held": "C", "capital_pct": "33"},
//!       {"holder": "P", "held": "A", "voting_pct": "60"},
//!       {"holder": "P", "held": "Q", "voting_pct": "70"}]}},
//!   "service": {"kind": "training", "cost": "1000"}}"#)?;
//! let SizeInput::Full(group) = &request.application.enterprise.size else { unreachable!() };
//!
//! let why = group.explain();
//! // 20 AWU of its own, Q's 4 in full, a third of C's 30: 33.9 AWU, a small enterprise.
//! assert_eq!(why.status.class, SizeClass::Small);
//! let text = why.text(Lang::En);
//! let lines: Vec<&str> = text.lines().collect();
//! assert!(lines[1].starts_with("A: the enterprise itself, counted at 100 %."));
//! assert!(lines[2].starts_with("Q: linked enterprise, counted at 100 %."));
//! assert!(lines[3].ends_with("C: partner enterprise, counted at 33 %. [REC-2003/361 art. 3(2), art. 6(2)]"));
//! assert!(lines[4].starts_with("P: not counted, a natural person, whose own figures are never added."));
//! assert!(why.text(Lang::Nl).contains("C: partneronderneming, telt voor 33 %."));
//! # Ok::<(), kmo_core::InputError>(())
//! ```
//!
//! [`sme::explain::explain`] explains a declared class or one period's figures the same way.
//!
//! ## Where the rules come from
//!
//! Every rule cites its instrument by a short name (BVR-2016, MB-2016, MB-2019, MB-2021,
//! BVR-2022, MB-2023, BVR-2025, VR-2026-01-23, REC-2003/361, REC-2025/1099, the de minimis
//! regulations) that the repository's `docs/references.md` explains; `docs/rules.md` says how
//! sure the project is of each rule and where the library chose because the law is silent.
//! Those choices are visible in every result and, where the sources disagree, are parameters
//! ([`Options`]).
//!
//! ## Features
//!
//! - `json` (default): the JSON document ([`assess_json`], [`json`]), read and written by the
//!   library's own reader and writer. Without it the crate is the typed API alone.
//! - `full-sme` (default): the full SME definition ([`SizeInput::Full`], `sme::definition`,
//!   `sme::relations`): periods, partner and linked enterprises, the two-period rule.
//! - `wallet` (default): the wallet across applications (`wallet::Wallet`).
//! - `lang-nl`, `lang-fr`, `lang-en` (default): the texts of each language; at least one.
//! - `serde` (off by default): `Serialize`/`Deserialize` (`serde_form`): the value types as
//!   text (money as `"1400.00"`, never a float), and the request ([`Application`]), the response
//!   ([`Assessment`]), the wallet and its answers as their JSON documents.
//!
//! A build that leaves a part out refuses what needs it with
//! [`InputErrorCode::NotInThisBuild`] at the field, rather than ignoring it.
//!
//! No I/O, no clock, no global state: every date comes from the caller.

#![cfg_attr(
    feature = "serde",
    doc = r##"
## Keeping questions and answers (feature `serde`)

With the feature `serde`, an [`Application`], an [`Assessment`] and a `wallet::Wallet` are
their JSON documents in whatever serde format a service already uses: the request, the response
and the wallet document, written by the library's one writer and read back, checked, by its
one reader ([`serde_form`]). Money stays a string; an assessment read back is the one written.

```
use kmo_core::wallet::Wallet;
use kmo_core::*;
use serde::{Deserialize, Serialize};

/// What a back office keeps per customer.
#[derive(Serialize, Deserialize)]
struct Dossier {
    customer: String,
    wallet: Wallet,
    last_answer: Assessment,
}

let mut wallet = Wallet::new();
let training = Application::new(
    parse_date("2026-03-10")?,
    Enterprise::new(SizeInput::Declared(SizeClass::Small)),
    Service { theme: Some(Theme::Digitalisering), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) },
);
let applied = wallet.apply(&training)?;
// The own share paid in on time: the application stays (an unpaid one lapses after its deadline).
wallet.pay(applied.id, parse_date("2026-03-12")?, applied.assessment.own_share)?;
let answer = applied.assessment;
let dossier = Dossier { customer: "Acme BV".into(), wallet, last_answer: answer };

let stored = serde_json::to_string(&dossier)?;
// The answer is the response document; amounts are strings.
assert!(stored.contains(r#""last_answer":{"aid":"600.00","aid_before_ceiling":"600.00","#));
// The wallet is its wallet document.
assert!(stored.contains(&kmo_core::json::wallet_to_json(&dossier.wallet)));

let read: Dossier = serde_json::from_str(&stored)?;
assert_eq!(read.wallet, dossier.wallet);
assert_eq!(read.last_answer, dossier.last_answer);
// The messages are kept as values: any language, again.
assert_eq!(read.last_answer.trace[0].text(Lang::En), dossier.last_answer.trace[0].text(Lang::En));
// The next application counts what the stored wallet recorded.
let next = Application { application_date: parse_date("2026-09-01")?, ..training };
assert_eq!(read.wallet.assess(&next)?.ceiling_left.to_string(), "6300.00");
# Ok::<(), Box<dyn std::error::Error>>(())
```

A request given as text is read as an `Application` with the engine's checks, each refusal
naming its code and field:

```
let e = serde_json::from_str::<kmo_core::Application>(r#"{"application_date": "2026-03-10",
  "enterprise": {"size": {"class": "small"}}, "service": {"kind": "training", "cost": "12.345"}}"#)
    .unwrap_err();
assert!(e.to_string().starts_with("TOO_MANY_DECIMALS at service.cost: "), "{e}");
```
"##
)]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod application;
mod assess;
pub mod catalogue;
mod coded;
mod error;
mod findings;
mod identifiers;
#[cfg(feature = "json")]
pub mod json;
mod kmo;
mod message;
pub mod quick;
pub mod rules;
#[cfg(feature = "serde")]
pub mod serde_form;
pub mod sme;
pub mod units;
#[cfg(feature = "wallet")]
pub mod wallet;

pub use application::{
    Application, CostInput, CostLine, DeMinimisAid, Enterprise, FiscalYearEnd, Options, Service,
    SizeInput,
};
pub use assess::{assess, assess_counted, assess_with, Assessment, Counted, Detail, ENGINE};
pub use coded::{
    CostLineKind, ExcludedTopic, FindingCode, FindingGroup, Lang, LegalForm, NotEligibleBecause,
    OwnShareDeadline, ProcedureStepName, ServiceKind, Severity, SizeClass, Subtheme, Theme,
    TraceStepName, WalletClass,
};
pub use error::{ErrorArg, InputError, InputErrorCode};
pub use findings::{Args, Finding, TraceStep, TRACE_VERSION};
pub use identifiers::{EnterpriseNumber, NaceCode, ProviderNumber};
#[cfg(feature = "json")]
pub use json::assess_json;
pub use kmo::aid::{aid_rate, cap_aid, CappedAid};
pub use kmo::cost::{eligible_cost, CostBreakdown};
pub use kmo::de_minimis::{check_de_minimis, de_minimis_regime};
pub use kmo::deadlines::{deadlines, procedure, DeadlineSet, ProcedureStep, RegistrationPlan};
pub use kmo::rulebook::{ceiling_for, rulebook_for, Rulebook, RULEBOOKS};
pub use kmo::size::{classify, wallet_class};
pub use message::{Arg, Rendered};
/// The exact decimal of `rust_decimal`, which the figures of the SME graph
/// ([`sme::thresholds::ExactFigures`]) and [`Figures::new`] take; the crate itself is
/// re-exported too, so that a user's version always matches this one.
pub use rust_decimal::{self, Decimal};
pub use sme::{AnnualWorkUnits, Figures, SmeStatus};
pub use time::{Date, Month};
pub use units::{date, parse_date, Money, Percent};

/// The crate README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
