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
//!    ([`SizeClass::wallet_class`]).
//! 3. **Who may.** Legal form, Flemish site, public participation, main activity, related
//!    provider, registered provider, de minimis ([`kmo::eligibility`]). Every reason that
//!    applies is reported as a blocking [`Finding`]; ineligibility is a result, not an error.
//! 4. **How much.** The eligible cost excluding VAT ([`eligible_cost`]), the rate × cost
//!    rounded once to the cent, capped by what is left of the year's ceiling ([`cap_aid`]);
//!    the own share is cost − aid, so the parts always add up; VAT goes to the provider.
//! 5. **By when.** Apply within 14 days after the start, pay the own share, finish by 31
//!    December of the next year ([`deadlines`]), as a timeline ([`procedure`]).
//!
//! Every step is in the [`Assessment::trace`], citing its article, with an explanation in
//! Dutch, French or English ([`Lang`]). [`assess()`] runs the steps as a pipeline
//! ([`mod@assess`]); the quick quote ([`quick`]) runs the same pipeline for the numbers only.
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
//! - `serde` (off by default): `Serialize`/`Deserialize` for the value types, as text
//!   (`serde_form`): money as `"1400.00"`, never a float.
//!
//! A build that leaves a part out refuses what needs it with
//! [`InputErrorCode::NotInThisBuild`] at the field, rather than ignoring it.
//!
//! No I/O, no clock, no global state: every date comes from the caller.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod application;
pub mod assess;
mod coded;
pub mod error;
pub mod findings;
pub mod identifiers;
#[cfg(feature = "json")]
pub mod json;
pub mod kmo;
pub mod message;
pub mod quick;
#[cfg(feature = "serde")]
pub mod serde_form;
pub mod sme;
pub mod units;
#[cfg(feature = "wallet")]
pub mod wallet;

pub use application::{Application, Enterprise, Options, Service, SizeInput};
pub use assess::{assess, assess_with, Assessment, Detail, ENGINE};
pub use error::{InputError, InputErrorCode};
pub use findings::{Finding, FindingCode, Severity, TraceStep, TRACE_VERSION};
pub use identifiers::{EnterpriseNumber, NaceCode, ProviderNumber};
#[cfg(feature = "json")]
pub use json::assess_json;
pub use kmo::aid::{aid_rate, cap_aid, CappedAid};
pub use kmo::cost::{eligible_cost, CostBreakdown, CostInput, CostLine, CostLineKind};
pub use kmo::de_minimis::{check_de_minimis, de_minimis_regime, DeMinimisAid, FiscalYearEnd};
pub use kmo::deadlines::{deadlines, procedure, DeadlineSet, OwnShareDeadline, ProcedureStep};
pub use kmo::legal_form::LegalForm;
pub use kmo::rulebook::{ceiling_for, rulebook_for, Rulebook, RULEBOOKS};
pub use kmo::service::{ExcludedTopic, ServiceKind, Subtheme, Theme};
pub use message::{Arg, Lang, Rendered};
/// The exact decimal of `rust_decimal`, which the figures of the SME graph
/// ([`sme::thresholds::ExactFigures`]) and [`Figures::new`] take; the crate itself is
/// re-exported too, so that a user's version always matches this one.
pub use rust_decimal::{self, Decimal};
pub use sme::{classify, AnnualWorkUnits, Figures, SizeClass, SmeStatus, WalletClass};
pub use time::{Date, Month};
pub use units::{date, parse_date, Money, Percent};

/// The crate README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
