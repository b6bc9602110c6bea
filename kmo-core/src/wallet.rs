//! The wallet (*kmo-portefeuille*): one enterprise's applications across a year and across
//! years.
//!
//! The seed of the product is a yearly budget: EUR 7 500 of aid (10 000 / 15 000 in 2016–2019)
//! per calendar year of the application, shared by any number of applications.
//! The [`Wallet`] keeps the history and answers for the next application:
//!
//! - [`Wallet::apply`] assesses an application against the rulebook of its date, with the aid
//!   already counted in its calendar year and the size class fixed at the year's first
//!   successful application, and records it when eligible;
//! - [`Wallet::pay`], [`Wallet::release`], [`Wallet::stop`] follow the money: the own share
//!   paid in (late payment makes the application lapse), releases to the provider never above
//!   what the wallet holds, a stop that refunds the unused own share and returns the unused aid
//!   to the year's budget only when stopped in the same calendar year;
//! - [`Wallet::plan`] quotes a list of intended services in order, with the budget left per
//!   year and a hint when starting in the next calendar year would yield more aid.
//!
//! Every operation either succeeds or leaves the wallet unchanged with a typed [`WalletError`].
//!
//! ```
//! use kmo_core::*;
//! use kmo_core::wallet::Wallet;
//!
//! let training = |date: &str, cost: u32| Application::new(
//!     parse_date(date).unwrap(),
//!     Enterprise::new(SizeInput::Declared(SizeClass::Small)),
//!     Service { theme: Some(Theme::Innovatie), start_date: Some(parse_date(date).unwrap()),
//!               ..Service::new(ServiceKind::Training, Money::from_euro(cost)) },
//! );
//! let mut wallet = Wallet::new();
//! let first = wallet.apply(&training("2026-02-02", 20_000))?;
//! assert_eq!(first.assessment.aid.to_string(), "6000.00");
//! let second = wallet.apply(&training("2026-05-04", 10_000))?;
//! assert_eq!(second.assessment.aid.to_string(), "1500.00"); // what is left of 7 500
//! assert!(second.assessment.capped);
//! assert_eq!(wallet.aid_counted(2026).to_string(), "7500.00");
//! # Ok::<(), kmo_core::wallet::WalletError>(())
//! ```

use std::collections::BTreeMap;

use rust_decimal::RoundingStrategy;
use time::Date;

use crate::application::{Application, Service};
use crate::assess::{assess_with, Assessment, Detail};
use crate::coded::coded_enum;
use crate::error::{InputError, InputErrorCode as E};
use crate::kmo::rulebook::ceiling_for;
use crate::kmo::size::wallet_class;
use crate::message::Lang;
use crate::sme::SizeClass;
use crate::units::{add_days, ymd, Money, Percent};

/// A dated amount: a payment into the wallet or a release to the provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Movement {
    /// When.
    pub date: Date,
    /// How much.
    pub amount: Money,
}

/// How a stopped or lapsed application was settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settlement {
    /// The part of the own share that was spent on releases.
    pub own_share_used: Money,
    /// The part of the aid that was spent on releases.
    pub aid_used: Money,
    /// The own share paid in and not used, refunded to the enterprise.
    pub refund: Money,
    /// The aid that went back to the year's budget (only when ended in the same calendar year).
    pub aid_returned: Money,
}

coded_enum!(
    /// The kinds of [`Status`], as the wallet document names them.
    StatusKind, "application status", {
        /// Running.
        Active => "active",
        /// Stopped.
        Stopped => "stopped",
        /// Lapsed.
        Lapsed => "lapsed",
    }
);

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Running.
    Active,
    /// Stopped (*stopgezet*) on a date.
    Stopped {
        /// The date of the stop.
        on: Date,
        /// The settlement.
        settlement: Settlement,
    },
    /// Lapsed because the own share was not paid in time.
    Lapsed {
        /// The day it lapsed.
        on: Date,
        /// The settlement.
        settlement: Settlement,
    },
}

/// One recorded (eligible) application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WalletApplication {
    /// The wallet's number for it (1, 2, …).
    pub id: u32,
    /// The application date.
    pub application_date: Date,
    /// The service (absent in a hand-written history).
    pub service: Option<Service>,
    /// The size class applied (fixed for the calendar year), when known.
    pub size_class: Option<SizeClass>,
    /// The aid percentage, when known.
    pub rate: Option<Percent>,
    /// The eligible cost.
    pub eligible_cost: Money,
    /// The aid granted.
    pub aid: Money,
    /// The own share.
    pub own_share: Money,
    /// The VAT, paid directly to the provider (not through the wallet).
    pub vat: Money,
    /// The own-share deadline, if known.
    pub pay_own_share_by: Option<Date>,
    /// Payments of the own share.
    pub payments: Vec<Movement>,
    /// Releases to the provider.
    pub releases: Vec<Movement>,
    /// Where it stands.
    pub status: Status,
}

impl Status {
    /// The kind of status.
    pub fn kind(self) -> StatusKind {
        match self {
            Status::Active => StatusKind::Active,
            Status::Stopped { .. } => StatusKind::Stopped,
            Status::Lapsed { .. } => StatusKind::Lapsed,
        }
    }

    /// The status of `kind` ended on `on` (settled when the wallet is built: see
    /// [`Wallet::from_applications`]).
    ///
    /// # Errors
    ///
    /// `MISSING_FIELD` at `ended_on` for a stopped or lapsed status without a date,
    /// `INCONSISTENT_INPUT` there for an active one with a date.
    pub fn from_kind(kind: StatusKind, on: Option<Date>) -> Result<Status, InputError> {
        let unsettled = Settlement {
            own_share_used: Money::ZERO,
            aid_used: Money::ZERO,
            refund: Money::ZERO,
            aid_returned: Money::ZERO,
        };
        match (kind, on) {
            (StatusKind::Active, None) => Ok(Status::Active),
            (StatusKind::Active, Some(_)) => Err(InputError::new(
                E::InconsistentInput,
                "ended_on",
                "err_active_ended",
                vec![],
            )),
            (_, None) => Err(InputError::new(
                E::MissingField,
                "ended_on",
                "err_ended_on_missing",
                vec![],
            )),
            (StatusKind::Stopped, Some(on)) => Ok(Status::Stopped {
                on,
                settlement: unsettled,
            }),
            (StatusKind::Lapsed, Some(on)) => Ok(Status::Lapsed {
                on,
                settlement: unsettled,
            }),
        }
    }
}

impl WalletApplication {
    /// The own share paid in so far (at most the own share: [`WalletApplication::validate`]).
    pub fn paid(&self) -> Money {
        Money::checked_sum(self.payments.iter().map(|m| m.amount)).unwrap_or(Money::MAX)
    }

    /// What was released to the provider so far (at most the eligible cost).
    pub fn released(&self) -> Money {
        Money::checked_sum(self.releases.iter().map(|m| m.amount)).unwrap_or(Money::MAX)
    }

    /// Checks what the types alone cannot: aid + own share is the eligible cost, payments
    /// and releases dated from the application on, payments at most the own share, releases
    /// at most the eligible cost, an end not before the application. Error paths are relative
    /// to the application (`payments[0].date`).
    ///
    /// # Errors
    ///
    /// `INCONSISTENT_INPUT` at the field.
    pub fn validate(&self) -> Result<(), InputError> {
        let inconsistent = |path: String, key: &'static str, details: Vec<String>| {
            InputError::new(
                E::InconsistentInput,
                path,
                key,
                details.into_iter().map(Into::into).collect(),
            )
        };
        if self.aid.checked_add(self.own_share) != Some(self.eligible_cost) {
            return Err(inconsistent(
                "eligible_cost".into(),
                "err_parts_do_not_add_up",
                vec![
                    self.aid.to_string(),
                    self.own_share.to_string(),
                    self.eligible_cost.to_string(),
                ],
            ));
        }
        let day = self.application_date;
        for (key, list) in [("payments", &self.payments), ("releases", &self.releases)] {
            for (j, m) in list.iter().enumerate() {
                if m.date < day {
                    return Err(inconsistent(
                        format!("{key}[{j}].date"),
                        "err_before_application",
                        vec![m.date.to_string(), day.to_string()],
                    ));
                }
            }
        }
        let paid = Money::checked_sum(self.payments.iter().map(|m| m.amount));
        if paid.is_none_or(|p| p > self.own_share) {
            return Err(inconsistent(
                "payments".into(),
                "err_payments_exceed",
                vec![self.own_share.to_string()],
            ));
        }
        let released = Money::checked_sum(self.releases.iter().map(|m| m.amount));
        if released.is_none_or(|r| r > self.eligible_cost) {
            return Err(inconsistent(
                "releases".into(),
                "err_releases_exceed",
                vec![self.eligible_cost.to_string()],
            ));
        }
        if let Some(on) = self.ended_on() {
            if on < day {
                return Err(inconsistent(
                    "ended_on".into(),
                    "err_before_application",
                    vec![on.to_string(), day.to_string()],
                ));
            }
        }
        Ok(())
    }

    /// The day it was stopped or lapsed, if it did.
    pub fn ended_on(&self) -> Option<Date> {
        match self.status {
            Status::Active => None,
            Status::Stopped { on, .. } | Status::Lapsed { on, .. } => Some(on),
        }
    }

    /// What the wallet holds for this application and may still release: own share + aid once
    /// the own share is paid in full, minus what was released.
    pub fn available(&self) -> Money {
        if self.status != Status::Active || self.paid() < self.own_share {
            return Money::ZERO;
        }
        self.eligible_cost.saturating_sub(self.released())
    }

    /// The aid this application counts against its year's ceiling.
    pub fn aid_counted(&self) -> Money {
        match self.status {
            Status::Active => self.aid,
            Status::Stopped { settlement, .. } | Status::Lapsed { settlement, .. } => {
                self.aid.saturating_sub(settlement.aid_returned)
            }
        }
    }

    /// Lapses the application for an own share not paid by `by`: it lapses on the day after
    /// that deadline (whenever the lapse is noticed), which decides whether its aid returns to
    /// its year.
    fn lapse(&mut self, by: Date) -> Settlement {
        let on = add_days(by, 1);
        let settlement = self.settle(on);
        self.status = Status::Lapsed { on, settlement };
        settlement
    }

    /// The settlement if the application ended on `on`: releases are split between own share
    /// and aid in proportion (rounded once, to the cent); the rest of the own share paid in is
    /// refunded; the unused aid returns to the year only when `on` is in the application's
    /// calendar year.
    pub fn settle(&self, on: Date) -> Settlement {
        let released = self.released();
        let own_share_used = if self.eligible_cost.is_zero() {
            Money::ZERO
        } else {
            let exact = self.own_share.as_decimal() * released.as_decimal()
                / self.eligible_cost.as_decimal();
            let rounded = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            // own share × released / cost ≤ own share: a valid amount.
            Money::from_decimal(rounded)
                .unwrap_or(self.own_share)
                .min(self.paid())
        };
        let aid_used = released.saturating_sub(own_share_used).min(self.aid);
        let aid_returned = if on.year() == self.application_date.year() {
            self.aid.saturating_sub(aid_used)
        } else {
            Money::ZERO
        };
        Settlement {
            own_share_used,
            aid_used,
            refund: self.paid().saturating_sub(own_share_used),
            aid_returned,
        }
    }
}

/// What went wrong with a wallet operation. The wallet is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WalletError {
    /// No application with this id.
    UnknownApplication(u32),
    /// The application was already stopped or has lapsed.
    AlreadyEnded(u32),
    /// The date is before the application date.
    BeforeApplication {
        /// The application.
        id: u32,
        /// The date given.
        date: Date,
        /// Its application date.
        application_date: Date,
    },
    /// An application of a year must not come before one already recorded in that year.
    OutOfOrder {
        /// The date given.
        date: Date,
        /// The latest recorded date of that year.
        last: Date,
    },
    /// The amount is zero.
    ZeroAmount,
    /// More than the own share that is still due.
    Overpayment {
        /// The application.
        id: u32,
        /// The amount given.
        amount: Money,
        /// What is still due.
        due: Money,
    },
    /// Releases need the own share paid in full first.
    OwnShareNotPaid(u32),
    /// More than the wallet holds for the application.
    ReleaseExceedsBalance {
        /// The application.
        id: u32,
        /// The amount asked.
        amount: Money,
        /// What may still be released.
        available: Money,
    },
    /// The wallet document or the application is invalid.
    Invalid(InputError),
}

impl From<InputError> for WalletError {
    fn from(e: InputError) -> WalletError {
        WalletError::Invalid(e)
    }
}

impl core::fmt::Display for WalletError {
    /// The message in English ([`WalletError::message`]); an invalid input shows its error.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            WalletError::Invalid(e) => e.fmt(f),
            other => f.write_str(&other.message(Lang::En)),
        }
    }
}

impl std::error::Error for WalletError {}

impl WalletError {
    /// The stable `SCREAMING_SNAKE` code of the refusal (an invalid document gives its input
    /// error's code).
    ///
    /// ```
    /// use kmo_core::wallet::WalletError;
    /// assert_eq!(WalletError::ZeroAmount.code(), "ZERO_AMOUNT");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            WalletError::UnknownApplication(_) => "UNKNOWN_APPLICATION",
            WalletError::AlreadyEnded(_) => "APPLICATION_ENDED",
            WalletError::BeforeApplication { .. } => "BEFORE_APPLICATION",
            WalletError::OutOfOrder { .. } => "OUT_OF_ORDER",
            WalletError::ZeroAmount => "ZERO_AMOUNT",
            WalletError::Overpayment { .. } => "OVERPAYMENT",
            WalletError::OwnShareNotPaid(_) => "OWN_SHARE_NOT_PAID",
            WalletError::ReleaseExceedsBalance { .. } => "RELEASE_EXCEEDS_BALANCE",
            WalletError::Invalid(e) => e.code.as_str(),
        }
    }

    /// Every code [`WalletError::code`] gives besides an input error's.
    pub const CODES: &'static [&'static str] = &[
        "UNKNOWN_APPLICATION",
        "APPLICATION_ENDED",
        "BEFORE_APPLICATION",
        "OUT_OF_ORDER",
        "ZERO_AMOUNT",
        "OVERPAYMENT",
        "OWN_SHARE_NOT_PAID",
        "RELEASE_EXCEEDS_BALANCE",
    ];

    /// The field the refusal is about (`amount`, `date`, `id`, the application's
    /// `application_date`), or the input error's path.
    pub fn path(&self) -> &str {
        match self {
            WalletError::UnknownApplication(_)
            | WalletError::AlreadyEnded(_)
            | WalletError::OwnShareNotPaid(_) => "id",
            WalletError::BeforeApplication { .. } => "date",
            WalletError::OutOfOrder { .. } => "application_date",
            WalletError::ZeroAmount
            | WalletError::Overpayment { .. }
            | WalletError::ReleaseExceedsBalance { .. } => "amount",
            WalletError::Invalid(e) => &e.path,
        }
    }

    /// The message in a language.
    ///
    /// ```
    /// use kmo_core::{wallet::WalletError, Lang};
    /// assert!(WalletError::ZeroAmount.message(Lang::Nl).contains("nul"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        use crate::message::{render, Arg};
        let args: Vec<Arg> = match self {
            WalletError::UnknownApplication(id)
            | WalletError::AlreadyEnded(id)
            | WalletError::OwnShareNotPaid(id) => vec![(*id).into()],
            WalletError::BeforeApplication {
                id,
                date,
                application_date,
            } => vec![(*date).into(), (*application_date).into(), (*id).into()],
            WalletError::OutOfOrder { date, last } => vec![(*date).into(), (*last).into()],
            WalletError::ZeroAmount => vec![],
            WalletError::Overpayment { id, amount, due } => {
                vec![(*id).into(), (*amount).into(), (*due).into()]
            }
            WalletError::ReleaseExceedsBalance {
                id,
                amount,
                available,
            } => vec![(*id).into(), (*amount).into(), (*available).into()],
            WalletError::Invalid(e) => return e.message(lang),
        };
        render(self.code(), lang, &args)
    }
}

/// The result of [`Wallet::apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Applied {
    /// The new application's id, when it was eligible and recorded.
    pub id: Option<u32>,
    /// The assessment, as for a single application.
    pub assessment: Assessment,
}

/// The result of [`Wallet::pay`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payment {
    /// The payment was taken; what is still due.
    Accepted {
        /// Own share still due.
        due: Money,
    },
    /// The payment came after the deadline: the application lapsed instead.
    Lapsed(Settlement),
}

/// One calendar year of the wallet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct YearBudget {
    /// The calendar year.
    pub year: i32,
    /// The size class fixed for the year (the first recorded application's).
    pub size_class: Option<SizeClass>,
    /// The ceiling for that class (zero when no class is known or no ceiling applies).
    pub ceiling: Money,
    /// The aid counted against it.
    pub counted: Money,
    /// What is left.
    pub left: Money,
}

/// One intended service in a [`Wallet::plan`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PlanItem {
    /// Its position in the plan.
    pub index: usize,
    /// The assessment in that order.
    pub assessment: Assessment,
    /// When starting (and applying) on 1 January of the next year would give more aid: that
    /// date and that aid.
    pub better_next_year: Option<(Date, Money)>,
}

/// The outcome of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Plan {
    /// Each intended service, in order.
    pub items: Vec<PlanItem>,
    /// The budget per year after the whole plan.
    pub years: Vec<YearBudget>,
    /// The budget per year before it (the wallet's own).
    pub years_before: Vec<YearBudget>,
}

/// One enterprise's applications. Plain data: see `json::wallet_to_json` and
/// `json::wallet_from_json` (feature `json`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wallet {
    applications: Vec<WalletApplication>,
}

impl Wallet {
    /// An empty wallet.
    pub fn new() -> Wallet {
        Wallet::default()
    }

    /// A wallet from recorded applications: ids unique, each application valid
    /// ([`WalletApplication::validate`]), the aid of a year at most [`Money::MAX`]. The
    /// settlement of a stopped or lapsed application is derived again from its facts.
    ///
    /// # Errors
    ///
    /// The first problem, its path from the wallet document's root
    /// (`applications[1].payments`).
    pub fn from_applications(
        mut applications: Vec<WalletApplication>,
    ) -> Result<Wallet, InputError> {
        for i in 0..applications.len() {
            let at = |e: InputError| e.under(&format!("applications[{i}]"));
            let id = applications[i].id;
            if applications[..i].iter().any(|a| a.id == id) {
                return Err(at(InputError::new(
                    E::InconsistentInput,
                    "id",
                    "err_id_twice",
                    vec![id.to_string().into()],
                )));
            }
            applications[i].validate().map_err(at)?;
            let app = &mut applications[i];
            app.status = match app.status {
                Status::Active => Status::Active,
                Status::Stopped { on, .. } => Status::Stopped {
                    on,
                    settlement: app.settle(on),
                },
                Status::Lapsed { on, .. } => Status::Lapsed {
                    on,
                    settlement: app.settle(on),
                },
            };
        }
        let wallet = Wallet { applications };
        for year in wallet.years_with_applications() {
            let aids = wallet
                .applications
                .iter()
                .filter(|a| a.application_date.year() == year)
                .map(|a| a.aid);
            if Money::checked_sum(aids).is_none() {
                return Err(InputError::new(
                    E::AmountOutOfRange,
                    "applications",
                    "err_total_too_large",
                    vec![],
                ));
            }
        }
        Ok(wallet)
    }

    /// The recorded applications, in the order they were recorded.
    pub fn applications(&self) -> &[WalletApplication] {
        &self.applications
    }

    /// One application.
    pub fn get(&self, id: u32) -> Option<&WalletApplication> {
        self.applications.iter().find(|a| a.id == id)
    }

    /// The aid counted against the ceiling of a calendar year.
    pub fn aid_counted(&self, year: i32) -> Money {
        // A year's aid is at most Money::MAX (from_applications, apply).
        Money::checked_sum(
            self.applications
                .iter()
                .filter(|a| a.application_date.year() == year)
                .map(WalletApplication::aid_counted),
        )
        .unwrap_or(Money::MAX)
    }

    /// The size class fixed for a year: that of its earliest recorded application.
    pub fn year_size_class(&self, year: i32) -> Option<SizeClass> {
        self.applications
            .iter()
            .filter(|a| a.application_date.year() == year)
            .filter(|a| a.size_class.is_some())
            .min_by_key(|a| (a.application_date, a.id))
            .and_then(|a| a.size_class)
    }

    /// The budget of a year.
    pub fn year_budget(&self, year: i32) -> YearBudget {
        let size_class = self.year_size_class(year);
        // A large class is only recorded for a maatwerkbedrijf (which assess let through).
        let wallet_class = size_class.and_then(|c| wallet_class(c, c == SizeClass::Large));
        let ceiling = match (wallet_class, ceiling_for(year)) {
            (Some(class), Some(row)) => row.for_class(class),
            _ => Money::ZERO,
        };
        let counted = self.aid_counted(year);
        YearBudget {
            year,
            size_class,
            ceiling,
            counted,
            left: ceiling.saturating_sub(counted),
        }
    }

    /// The calendar years with an application, oldest first.
    fn years_with_applications(&self) -> std::collections::BTreeSet<i32> {
        self.applications
            .iter()
            .map(|a| a.application_date.year())
            .collect()
    }

    /// Every year with an application, oldest first.
    pub fn years(&self) -> Vec<YearBudget> {
        self.years_with_applications()
            .into_iter()
            .map(|y| self.year_budget(y))
            .collect()
    }

    /// The application as the wallet sees it: with the aid already counted in its calendar
    /// year and the year's fixed size class (the application's own `aid_used` and
    /// `year_size_class` are replaced by the wallet's).
    pub fn in_context(&self, app: &Application) -> Application {
        let year = app.application_date.year();
        let mut app = app.clone();
        app.aid_used = self.aid_counted(year);
        if let Some(class) = self.year_size_class(year) {
            app.enterprise.year_size_class = Some(class);
        }
        app
    }

    /// Assesses an application against the wallet without recording it ([`Wallet::in_context`]).
    ///
    /// # Errors
    ///
    /// As [`assess`](crate::assess()).
    pub fn assess(&self, app: &Application) -> Result<Assessment, InputError> {
        self.assess_with(app, Detail::Full)
    }

    /// [`Wallet::assess`] with a choice of [`Detail`].
    ///
    /// # Errors
    ///
    /// As [`assess`](crate::assess()).
    pub fn assess_with(&self, app: &Application, detail: Detail) -> Result<Assessment, InputError> {
        assess_with(&self.in_context(app), detail)
    }

    /// Assesses an application against the wallet ([`Wallet::in_context`]: the application's
    /// own `aid_used` is ignored) and records it when eligible.
    ///
    /// # Errors
    ///
    /// [`WalletError::OutOfOrder`] for an application dated before one already recorded in its
    /// year; [`WalletError::Invalid`] for an invalid application.
    pub fn apply(&mut self, app: &Application) -> Result<Applied, WalletError> {
        let date = app.application_date;
        if let Some(last) = self
            .applications
            .iter()
            .filter(|a| a.application_date.year() == date.year())
            .map(|a| a.application_date)
            .max()
            .filter(|last| *last > date)
        {
            return Err(WalletError::OutOfOrder { date, last });
        }
        let assessment = self.assess(app)?;
        let id = if assessment.eligible {
            let id = self.applications.iter().map(|a| a.id).max().unwrap_or(0) + 1;
            self.applications.push(WalletApplication {
                id,
                application_date: date,
                service: Some(app.service.clone()),
                size_class: Some(assessment.size_class),
                rate: Some(assessment.rate),
                eligible_cost: assessment.eligible_cost,
                aid: assessment.aid,
                own_share: assessment.own_share,
                vat: assessment.vat,
                pay_own_share_by: assessment.deadlines.pay_own_share_by,
                payments: Vec::new(),
                releases: Vec::new(),
                status: Status::Active,
            });
            Some(id)
        } else {
            None
        };
        Ok(Applied { id, assessment })
    }

    fn active(&mut self, id: u32, date: Date) -> Result<&mut WalletApplication, WalletError> {
        let app = self
            .applications
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(WalletError::UnknownApplication(id))?;
        if app.status != Status::Active {
            return Err(WalletError::AlreadyEnded(id));
        }
        if date < app.application_date {
            return Err(WalletError::BeforeApplication {
                id,
                date,
                application_date: app.application_date,
            });
        }
        Ok(app)
    }

    /// Records a payment of the own share. A payment after the deadline is not taken: the
    /// application lapses (on the day after its deadline) and what was paid before is refunded.
    pub fn pay(&mut self, id: u32, date: Date, amount: Money) -> Result<Payment, WalletError> {
        let app = self.active(id, date)?;
        if amount.is_zero() {
            return Err(WalletError::ZeroAmount);
        }
        let due = app.own_share.saturating_sub(app.paid());
        if amount > due {
            return Err(WalletError::Overpayment { id, amount, due });
        }
        if let Some(by) = app.pay_own_share_by.filter(|by| date > *by) {
            return Ok(Payment::Lapsed(app.lapse(by)));
        }
        app.payments.push(Movement { date, amount });
        Ok(Payment::Accepted {
            due: due.saturating_sub(amount),
        })
    }

    /// Releases (*vrijgeven*) an amount to the provider: only once the own share is paid in
    /// full, and never more than the wallet holds for the application.
    pub fn release(&mut self, id: u32, date: Date, amount: Money) -> Result<Money, WalletError> {
        let app = self.active(id, date)?;
        if amount.is_zero() {
            return Err(WalletError::ZeroAmount);
        }
        if app.paid() < app.own_share {
            return Err(WalletError::OwnShareNotPaid(id));
        }
        let available = app.available();
        if amount > available {
            return Err(WalletError::ReleaseExceedsBalance {
                id,
                amount,
                available,
            });
        }
        app.releases.push(Movement { date, amount });
        Ok(available.saturating_sub(amount))
    }

    /// Stops (*stopzetten*) an application: the unused own share is refunded; the unused aid
    /// returns to the year's budget only when stopped in the application's calendar year.
    pub fn stop(&mut self, id: u32, date: Date) -> Result<Settlement, WalletError> {
        let app = self.active(id, date)?;
        let settlement = app.settle(date);
        app.status = Status::Stopped {
            on: date,
            settlement,
        };
        Ok(settlement)
    }

    /// Lets every application whose own share is not paid in full by its deadline lapse, as of
    /// `today`; returns their ids.
    pub fn lapse_overdue(&mut self, today: Date) -> Vec<u32> {
        let mut lapsed = Vec::new();
        for app in &mut self.applications {
            if let (Status::Active, Some(by)) = (app.status, app.pay_own_share_by) {
                if today > by && app.paid() < app.own_share {
                    app.lapse(by);
                    lapsed.push(app.id);
                }
            }
        }
        lapsed
    }

    /// Quotes intended applications in order, as if each were applied after the ones before it,
    /// and says when moving one into the next calendar year would give more aid. The wallet
    /// itself is not changed.
    ///
    /// # Errors
    ///
    /// The first invalid application (its path under `[index]`).
    pub fn plan(&self, intended: &[Application]) -> Result<Plan, InputError> {
        let mut sim = self.clone();
        let mut items = Vec::with_capacity(intended.len());
        for (index, app) in intended.iter().enumerate() {
            let assessment = sim
                .assess(app)
                .map_err(|e| e.under(&format!("[{index}]")))?;
            let moved = moved_to_next_year(app);
            let later = sim
                .assess(&moved)
                .map_err(|e| e.under(&format!("[{index}]")))?;
            let better_next_year = (later.eligible && later.aid > assessment.aid)
                .then_some((moved.application_date, later.aid));
            if assessment.eligible {
                // Out-of-order entries in a plan are quoted but not recorded.
                let _ = sim.apply(app);
            }
            items.push(PlanItem {
                index,
                assessment,
                better_next_year,
            });
        }
        Ok(Plan {
            items,
            years: sim.years(),
            years_before: self.years(),
        })
    }
}

/// The same application with its start and application on 1 January of the next year (the
/// start keeps its distance after the application date).
fn moved_to_next_year(app: &Application) -> Application {
    let next = ymd(app.application_date.year() + 1, time::Month::January, 1);
    let mut moved = app.clone();
    moved.application_date = next;
    if let Some(start) = app.service.start_date {
        let after = (start - app.application_date).whole_days().max(0);
        moved.service.start_date = Some(add_days(next, after));
    }
    moved
}

/// The aid counted per year, for the property tests and summaries.
pub fn counted_by_year(wallet: &Wallet) -> BTreeMap<i32, Money> {
    wallet
        .years_with_applications()
        .into_iter()
        .map(|y| (y, wallet.aid_counted(y)))
        .collect()
}
