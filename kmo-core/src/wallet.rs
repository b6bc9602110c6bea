//! The wallet (*kmo-portefeuille*): one enterprise's applications across a year and across
//! years.
//!
//! The seed of the product is a yearly budget: EUR 7 500 of aid (10 000 / 15 000 in 2016–2019)
//! per calendar year of the application, shared by any number of applications.
//! The [`Wallet`] keeps the history and answers for the next application:
//!
//! - [`Wallet::apply`] assesses an application against the rulebook of its date, with the aid
//!   already counted in its calendar year and the size class fixed at the year's first
//!   successful application, gives it the next number (in the order of submission, eligible or
//!   not) and records it when eligible;
//! - [`Wallet::pay`], [`Wallet::release`], [`Wallet::stop`] follow the money: the own share
//!   paid in, releases to the provider never above what the wallet holds, a stop that refunds
//!   the unused own share and returns the unused aid to the year's budget only when stopped in
//!   the same calendar year;
//! - [`Wallet::plan`] quotes a list of intended services in order, with the budget left per
//!   year and a hint when starting in the next calendar year would yield more aid.
//!
//! **Lapses.** An application whose own share is not paid in full by its deadline lapses on the
//! day after ([`WalletApplication::lapses_on`], the one place this rule is written): its own
//! share paid in is refunded, and its aid returns to its year's budget when it lapsed in that
//! year. The real wallet does this by itself; so does this one: every dated operation (apply,
//! pay, release, stop, plan, [`Wallet::as_of`]) first lets lapse what is overdue on its date,
//! and lists those applications in its answer (`lapsed`). A payment, release or stop on an
//! application that has lapsed is refused with [`WalletError::Lapsed`].
//!
//! Every operation either succeeds or leaves the wallet unchanged with a typed [`WalletError`].
//!
//! ```
//! use kmo_core::*;
//! use kmo_core::wallet::{Wallet, WalletError};
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
//! // The own share (20 000 − 6 000) is paid within 14 days: the application holds.
//! wallet.pay(first.id, parse_date("2026-02-10")?, Money::from_euro(14_000))?;
//! let second = wallet.apply(&training("2026-05-04", 10_000))?;
//! assert_eq!(second.assessment.aid.to_string(), "1500.00"); // what is left of 7 500
//! assert!(second.assessment.capped);
//! assert_eq!(wallet.aid_counted(2026).to_string(), "7500.00");
//!
//! // The second own share is never paid: on 19 May (its deadline was 18 May) it has lapsed.
//! let late = wallet.pay(second.id, parse_date("2026-05-19")?, Money::from_euro(100));
//! assert!(matches!(late, Err(WalletError::Lapsed { .. })));
//! let third = wallet.apply(&training("2026-06-01", 10_000))?;
//! assert_eq!(third.lapsed, [second.id]);
//! assert_eq!(third.assessment.aid.to_string(), "1500.00"); // its aid came back to the year
//! # Ok::<(), kmo_core::wallet::WalletError>(())
//! ```

use std::collections::BTreeMap;

use rust_decimal::RoundingStrategy;
use time::Date;

use crate::application::{Application, Service};
use crate::assess::{assess_with, Assessment, Detail};
use crate::coded::Lang;
use crate::coded::SizeClass;
pub use crate::coded::{StatusKind, WalletErrorCode};
use crate::error::{InputError, InputErrorCode, InputErrorCode as E};
use crate::kmo::rulebook::ceiling_for;
use crate::kmo::size::wallet_class_in_year;
use crate::units::{add_days, check_year_range, ymd, Money, Percent, MAX_YEAR};

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
        self.check_dates()?;
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

    /// Every date in the years 1900–2199, in the order the wallet document gives them.
    fn check_dates(&self) -> Result<(), InputError> {
        let at = |date: Date, path: &str| check_year_range(date).map_err(|e| e.at(path));
        if let Some(on) = self.ended_on() {
            at(on, "ended_on")?;
        }
        at(self.application_date, "application_date")?;
        if let Some(start) = self.service.as_ref().and_then(|s| s.start_date) {
            at(start, "service.start_date")?;
        }
        if let Some(by) = self.pay_own_share_by {
            at(by, "pay_own_share_by")?;
            check_deadline(by).map_err(|e| e.at("pay_own_share_by"))?;
        }
        for (key, list) in [("payments", &self.payments), ("releases", &self.releases)] {
            for (j, m) in list.iter().enumerate() {
                at(m.date, &format!("{key}[{j}].date"))?;
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

    /// The aid this application counts against its year's ceiling, as recorded.
    pub fn aid_counted(&self) -> Money {
        counted(self.aid, self.status)
    }

    /// The day the application lapses if its own share is still not paid in full: the day
    /// after its own-share deadline (MB-2016; [`Wallet`]: a late payment is not taken), and
    /// not before the application itself (a deadline counted from an approval given before
    /// the application can fall before it). `None` when it is not running, has no deadline,
    /// or its own share is paid in full. The one place the lapse rule is written: every
    /// operation of the wallet asks here.
    ///
    /// ```
    /// use kmo_core::*;
    /// use kmo_core::wallet::Wallet;
    /// let mut w = Wallet::new();
    /// let app = Application::new(parse_date("2026-02-09")?, Enterprise::new(SizeInput::Declared(SizeClass::Small)),
    ///     Service { theme: Some(Theme::Innovatie), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) });
    /// let id = w.apply(&app)?.id;
    /// let recorded = w.get(id).unwrap();
    /// assert_eq!(recorded.pay_own_share_by, Some(parse_date("2026-02-23")?));
    /// assert_eq!(recorded.lapses_on(), Some(parse_date("2026-02-24")?));
    /// # Ok::<(), kmo_core::wallet::WalletError>(())
    /// ```
    pub fn lapses_on(&self) -> Option<Date> {
        match (self.status, self.pay_own_share_by) {
            (Status::Active, Some(by)) if self.paid() < self.own_share => {
                Some(add_days(by, 1).max(self.application_date))
            }
            _ => None,
        }
    }

    /// Whether the application has lapsed by `date`: running, and its own share not paid in
    /// full by its deadline ([`WalletApplication::lapses_on`]).
    pub fn overdue_on(&self, date: Date) -> bool {
        self.lapses_on().is_some_and(|on| on <= date)
    }

    /// Where it stands on `date`: lapsed if it is overdue then, else as recorded.
    pub fn status_on(&self, date: Date) -> Status {
        match self.lapses_on().filter(|on| *on <= date) {
            Some(on) => Status::Lapsed {
                on,
                settlement: self.settle(on),
            },
            None => self.status,
        }
    }

    /// The aid it counts against its year's ceiling on `date` (as [`aid_counted`], lapsed if it
    /// is overdue then).
    ///
    /// [`aid_counted`]: WalletApplication::aid_counted
    pub fn aid_counted_on(&self, date: Date) -> Money {
        counted(self.aid, self.status_on(date))
    }

    /// Lets the application lapse if it is overdue on `date`: it lapses on the day after its
    /// deadline, whenever the lapse is noticed, which decides whether its aid returns to its
    /// year. Whether it lapsed.
    fn lapse_if_overdue(&mut self, date: Date) -> bool {
        let status = self.status_on(date);
        let lapsed = status != self.status;
        self.status = status;
        lapsed
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

/// The aid an application of `aid` counts in status `status`: all of it while it runs, what
/// did not return to the year once it ended.
fn counted(aid: Money, status: Status) -> Money {
    match status {
        Status::Active => aid,
        Status::Stopped { settlement, .. } | Status::Lapsed { settlement, .. } => {
            aid.saturating_sub(settlement.aid_returned)
        }
    }
}

/// The stable code of a refused wallet operation: the wallet's own ([`WalletErrorCode`]), or
/// an invalid input's ([`InputErrorCode`]). The error document's `code` is its text.
///
/// ```
/// use kmo_core::wallet::{ErrorCode, WalletError, WalletErrorCode};
/// assert_eq!(WalletError::ZeroAmount.code(), ErrorCode::Wallet(WalletErrorCode::ZeroAmount));
/// assert_eq!(WalletError::ZeroAmount.code().as_str(), "ZERO_AMOUNT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The input was invalid.
    Input(InputErrorCode),
    /// The wallet refused the operation.
    Wallet(WalletErrorCode),
}

impl ErrorCode {
    /// The stable `SCREAMING_SNAKE` code.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Input(code) => code.as_str(),
            ErrorCode::Wallet(code) => code.as_str(),
        }
    }
}

impl core::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What went wrong with a wallet operation. The wallet is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WalletError {
    /// No application with this id.
    UnknownApplication(u32),
    /// The application was already stopped.
    AlreadyEnded(u32),
    /// The application has lapsed: its own share was not paid in full by its deadline, so it
    /// lapsed on the day after (on the operation's date, if not before). Its code is that of
    /// an ended application, `APPLICATION_ENDED`; the message says when it lapsed.
    Lapsed {
        /// The application.
        id: u32,
        /// The day it lapsed.
        on: Date,
        /// How it was settled: the own share paid in is refunded, its aid returns to its year
        /// when it lapsed in that year.
        settlement: Settlement,
    },
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
    /// The stable code of the refusal (an invalid document gives its input error's code).
    ///
    /// ```
    /// use kmo_core::wallet::{WalletError, WalletErrorCode};
    /// assert_eq!(WalletError::ZeroAmount.code().as_str(), "ZERO_AMOUNT");
    /// ```
    pub fn code(&self) -> ErrorCode {
        use WalletErrorCode as W;
        ErrorCode::Wallet(match self {
            WalletError::UnknownApplication(_) => W::UnknownApplication,
            WalletError::AlreadyEnded(_) | WalletError::Lapsed { .. } => W::ApplicationEnded,
            WalletError::BeforeApplication { .. } => W::BeforeApplication,
            WalletError::OutOfOrder { .. } => W::OutOfOrder,
            WalletError::ZeroAmount => W::ZeroAmount,
            WalletError::Overpayment { .. } => W::Overpayment,
            WalletError::OwnShareNotPaid(_) => W::OwnShareNotPaid,
            WalletError::ReleaseExceedsBalance { .. } => W::ReleaseExceedsBalance,
            WalletError::Invalid(e) => return ErrorCode::Input(e.code),
        })
    }

    /// The field the refusal is about (`amount`, `date`, `id`, the application's
    /// `application_date`), or the input error's path.
    pub fn path(&self) -> &str {
        match self {
            WalletError::UnknownApplication(_)
            | WalletError::AlreadyEnded(_)
            | WalletError::Lapsed { .. }
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
            WalletError::Lapsed { id, on, settlement } => {
                return render(
                    "APPLICATION_LAPSED",
                    lang,
                    &[(*id).into(), (*on).into(), settlement.refund.into()],
                )
            }
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
        render(self.code().as_str(), lang, &args)
    }
}

/// The result of [`Wallet::apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Applied {
    /// The application's number: every application the wallet assesses gets the next one, in
    /// the order of submission, eligible or not (an ineligible one is not recorded: its
    /// number is not used again, and nothing can be paid or released on it).
    pub id: u32,
    /// Whether it was recorded (it was eligible).
    pub recorded: bool,
    /// The assessment, as for a single application.
    pub assessment: Assessment,
    /// The applications that lapsed on the application date, before it was assessed (their
    /// own share not paid in full by their deadline), in the order they were recorded.
    pub lapsed: Vec<u32>,
}

/// The result of [`Wallet::pay`]: the payment was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Payment {
    /// Own share still due.
    pub due: Money,
    /// The applications that lapsed on the payment's date, before it was taken.
    pub lapsed: Vec<u32>,
}

/// The result of [`Wallet::release`]: the amount was released.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Release {
    /// What the wallet still holds for the application and may release.
    pub available: Money,
    /// The applications that lapsed on the release's date, before it was made.
    pub lapsed: Vec<u32>,
}

/// The result of [`Wallet::stop`]: the application was stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Stop {
    /// How it was settled.
    pub settlement: Settlement,
    /// The applications that lapsed on the stop's date, before it was stopped.
    pub lapsed: Vec<u32>,
}

/// The wallet as it stands on a date ([`Wallet::as_of`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AsOf {
    /// The wallet, what was overdue on the date lapsed.
    pub wallet: Wallet,
    /// The applications that lapsed by the date, in the order they were recorded.
    pub lapsed: Vec<u32>,
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
    /// The budget per year before it: the wallet on the first intended application's date
    /// (what is overdue by then lapsed), or as recorded for an empty plan.
    pub years_before: Vec<YearBudget>,
    /// The recorded applications that lapse along the plan, each on or before the date of an
    /// intended application, in the order they lapse.
    pub lapsed: Vec<u32>,
}

/// One enterprise's applications. Plain data: see `json::wallet_to_json` and
/// `json::wallet_from_json` (feature `json`).
///
/// Every dated operation (apply, pay, release, stop, plan, [`Wallet::as_of`],
/// [`Wallet::lapse_overdue`]) first lets lapse what is overdue on its date — an application
/// whose own share is not paid in full by its deadline lapses on the day after
/// ([`WalletApplication::lapses_on`]) — and its answer lists those applications (`lapsed`).
/// A refused operation leaves the wallet unchanged: the lapses its date would bring are made by
/// the next operation that is carried out, on the same day after the deadline, so the numbers
/// do not depend on when a lapse is noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wallet {
    applications: Vec<WalletApplication>,
    /// The number the next application gets (u32::MAX + 1 once every number is used).
    next_id: u64,
}

impl Default for Wallet {
    fn default() -> Wallet {
        Wallet {
            applications: Vec::new(),
            next_id: 1,
        }
    }
}

impl Wallet {
    /// An empty wallet.
    pub fn new() -> Wallet {
        Wallet::default()
    }

    /// A wallet from recorded applications: ids unique, each application valid
    /// ([`WalletApplication::validate`]: among others every date in the years 1900–2199), the
    /// aid counted in a year at most that year's ceiling. The settlement of a stopped or
    /// lapsed application is derived again from its facts. The next application gets the
    /// number after the highest id ([`Wallet::with_next_id`] to say otherwise).
    ///
    /// A history whose aid counted in one calendar year exceeds that year's ceiling is
    /// **refused**: no enterprise can have been granted it, so the history is wrong (a typo, a
    /// stop or a lapse left out), and every answer on it would rest on a wrong remaining
    /// budget. The ceiling is that of the class recorded for the year (its earliest
    /// application's `size_class`; a large maatwerkbedrijf counts as medium from 2026), or,
    /// when the history records no class for the year, the highest ceiling of that year.
    ///
    /// # Errors
    ///
    /// The first problem, its path from the wallet document's root
    /// (`applications[1].payments`); for a year over its ceiling `INCONSISTENT_INPUT` at the
    /// `aid` of the application (in date order) that takes the year over it.
    ///
    /// ```
    /// use kmo_core::wallet::{Wallet, WalletApplication, Status};
    /// use kmo_core::{parse_date, InputErrorCode, Money, SizeClass};
    /// let app = |id, date: &str, aid: u32| WalletApplication {
    ///     id, application_date: parse_date(date).unwrap(), service: None, size_class: Some(SizeClass::Small),
    ///     rate: None, eligible_cost: Money::from_euro(aid), aid: Money::from_euro(aid), own_share: Money::ZERO,
    ///     vat: Money::ZERO, pay_own_share_by: None, payments: vec![], releases: vec![], status: Status::Active,
    /// };
    /// let e = Wallet::from_applications(vec![app(1, "2026-01-10", 4500), app(2, "2026-03-10", 4500)]).unwrap_err();
    /// assert_eq!((e.code, e.path.as_str()), (InputErrorCode::InconsistentInput, "applications[1].aid"));
    /// ```
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
        let next_id = applications
            .iter()
            .map(|a| u64::from(a.id) + 1)
            .max()
            .unwrap_or(1);
        let wallet = Wallet {
            applications,
            next_id,
        };
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
            wallet.check_year_ceiling(year)?;
        }
        Ok(wallet)
    }

    /// Refuses a year whose counted aid exceeds its ceiling (see
    /// [`Wallet::from_applications`]).
    fn check_year_ceiling(&self, year: i32) -> Result<(), InputError> {
        let Some(row) = ceiling_for(year) else {
            return Ok(());
        };
        let ceiling = match self.year_size_class(year) {
            Some(class) => {
                wallet_class_in_year(class, year).map_or(Money::ZERO, |c| row.for_class(c))
            }
            None => row.small.max(row.medium),
        };
        let mut in_year: Vec<(usize, &WalletApplication)> = self
            .applications
            .iter()
            .enumerate()
            .filter(|(_, a)| a.application_date.year() == year)
            .collect();
        in_year.sort_by_key(|(_, a)| (a.application_date, a.id));
        let mut total = Money::ZERO;
        for (i, a) in in_year {
            // The year's aid is at most Money::MAX (checked before).
            total = total.checked_add(a.aid_counted()).unwrap_or(Money::MAX);
            if total > ceiling {
                return Err(InputError::new(
                    E::InconsistentInput,
                    format!("applications[{i}].aid"),
                    "err_year_over_ceiling",
                    vec![
                        year.to_string().into(),
                        total.to_string().into(),
                        ceiling.to_string().into(),
                    ],
                ));
            }
        }
        Ok(())
    }

    /// The same wallet, its next application numbered `next_id` (the wallet document's
    /// `next_id`: numbers already given to applications that were not recorded are not given
    /// again).
    ///
    /// # Errors
    ///
    /// `INCONSISTENT_INPUT` at `next_id` when it is not above every recorded id.
    ///
    /// ```
    /// use kmo_core::wallet::Wallet;
    /// let w = Wallet::new().with_next_id(4)?;
    /// assert_eq!(w.next_id(), Some(4));
    /// assert!(Wallet::new().with_next_id(0).is_err());
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn with_next_id(mut self, next_id: u32) -> Result<Wallet, InputError> {
        let after = self.applications.iter().map(|a| a.id).max().unwrap_or(0);
        if next_id <= after {
            return Err(InputError::new(
                E::InconsistentInput,
                "next_id",
                "err_next_id",
                vec![next_id.to_string().into(), after.to_string().into()],
            ));
        }
        self.next_id = u64::from(next_id);
        Ok(self)
    }

    /// The number the next application will get, or `None` once every number up to
    /// `u32::MAX` was given.
    pub fn next_id(&self) -> Option<u32> {
        u32::try_from(self.next_id).ok()
    }

    /// The recorded applications, in the order they were recorded.
    pub fn applications(&self) -> &[WalletApplication] {
        &self.applications
    }

    /// One application.
    pub fn get(&self, id: u32) -> Option<&WalletApplication> {
        self.applications.iter().find(|a| a.id == id)
    }

    /// The aid counted against the ceiling of a calendar year, as recorded (see
    /// [`Wallet::as_of`] for a date).
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

    /// The aid counted against the ceiling of `year` on `date`: what is overdue by then counts
    /// as lapsed.
    fn aid_counted_on(&self, year: i32, date: Date) -> Money {
        Money::checked_sum(
            self.applications
                .iter()
                .filter(|a| a.application_date.year() == year)
                .map(|a| a.aid_counted_on(date)),
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

    /// The budget of a year, as recorded (see [`Wallet::as_of`] for the budget on a date).
    pub fn year_budget(&self, year: i32) -> YearBudget {
        let size_class = self.year_size_class(year);
        let ceiling = match (
            size_class.and_then(|c| wallet_class_in_year(c, year)),
            ceiling_for(year),
        ) {
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

    /// Every year with an application, oldest first, as recorded.
    pub fn years(&self) -> Vec<YearBudget> {
        self.years_with_applications()
            .into_iter()
            .map(|y| self.year_budget(y))
            .collect()
    }

    /// The wallet as it stands on `date`: every application overdue by then lapsed, the
    /// ids of those in `lapsed`. The wallet itself is not changed ([`Wallet::lapse_overdue`]
    /// records the lapses). The budget of a year on a date is
    /// `wallet.as_of(date)?.wallet.year_budget(year)`.
    ///
    /// # Errors
    ///
    /// `INVALID_DATE` at `date` outside the years 1900–2199.
    ///
    /// ```
    /// use kmo_core::*;
    /// use kmo_core::wallet::Wallet;
    /// let mut w = Wallet::new();
    /// let app = Application::new(parse_date("2026-02-09")?, Enterprise::new(SizeInput::Declared(SizeClass::Small)),
    ///     Service { theme: Some(Theme::Innovatie), ..Service::new(ServiceKind::Training, Money::from_euro(20_000)) });
    /// w.apply(&app)?; // 6 000 of aid, own share 14 000 due by 23 February
    /// assert_eq!(w.as_of(parse_date("2026-02-23")?)?.wallet.year_budget(2026).left.to_string(), "1500.00");
    /// let later = w.as_of(parse_date("2026-02-24")?)?;
    /// assert_eq!(later.lapsed, [1]);
    /// assert_eq!(later.wallet.year_budget(2026).left.to_string(), "7500.00");
    /// # Ok::<(), kmo_core::wallet::WalletError>(())
    /// ```
    pub fn as_of(&self, date: Date) -> Result<AsOf, WalletError> {
        check_date(date)?;
        let mut wallet = self.clone();
        let lapsed = wallet.lapse_due(date);
        Ok(AsOf { wallet, lapsed })
    }

    /// The application as the wallet sees it: with the aid already counted in its calendar
    /// year on its date (what is overdue by then lapsed) and the year's fixed size class (the
    /// application's own `aid_used` and `year_size_class` are replaced by the wallet's).
    pub fn in_context(&self, app: &Application) -> Application {
        let year = app.application_date.year();
        let mut app = app.clone();
        app.aid_used = self.aid_counted_on(year, app.application_date);
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
        // `assess_with` validates first: an application dated outside 1900–2199 is refused
        // whatever the lapses counted on its date.
        assess_with(&self.in_context(app), detail)
    }

    /// Assesses an application against the wallet ([`Wallet::in_context`]: the application's
    /// own `aid_used` is ignored), after letting lapse what is overdue on its date; gives it
    /// the next number, and records it when eligible.
    ///
    /// # Errors
    ///
    /// [`WalletError::Invalid`] for an invalid application (its dates among others, checked
    /// first); [`WalletError::OutOfOrder`] for an application dated before one already
    /// recorded in its year; `INVALID_DATE` at `application_date` for an eligible application
    /// whose own-share deadline falls after 30 December 2199 (it would lapse after the last
    /// day the wallet document holds).
    pub fn apply(&mut self, app: &Application) -> Result<Applied, WalletError> {
        app.validate()?;
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
        let id = self.next_id().ok_or_else(|| {
            InputError::new(
                E::InvalidNumber,
                "next_id",
                "err_ids_used_up",
                vec![u32::MAX.to_string().into()],
            )
        })?;
        // Validated above: assess cannot refuse it. It counts the lapses on the application
        // date; they are made only once the application is taken.
        let assessment = self.assess(app)?;
        if let Some(by) = assessment
            .deadlines
            .pay_own_share_by
            .filter(|_| assessment.eligible)
        {
            check_deadline(by).map_err(|e| e.at("application_date"))?;
        }
        let lapsed = self.lapse_due(date);
        self.next_id += 1;
        if assessment.eligible {
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
        }
        Ok(Applied {
            id,
            recorded: assessment.eligible,
            assessment,
            lapsed,
        })
    }

    /// The running application `id` on `date` (not before its application date, not ended,
    /// not overdue then), for an operation on it.
    fn running(&self, id: u32, date: Date) -> Result<usize, WalletError> {
        check_date(date)?;
        let index = self
            .applications
            .iter()
            .position(|a| a.id == id)
            .ok_or(WalletError::UnknownApplication(id))?;
        let app = &self.applications[index];
        match app.status {
            Status::Active => {}
            Status::Stopped { .. } => return Err(WalletError::AlreadyEnded(id)),
            Status::Lapsed { on, settlement } => {
                return Err(WalletError::Lapsed { id, on, settlement })
            }
        }
        if date < app.application_date {
            return Err(WalletError::BeforeApplication {
                id,
                date,
                application_date: app.application_date,
            });
        }
        if let Status::Lapsed { on, settlement } = app.status_on(date) {
            return Err(WalletError::Lapsed { id, on, settlement });
        }
        Ok(index)
    }

    /// Records a payment of the own share, after letting lapse what is overdue on its date.
    /// A payment after the deadline is not taken: the application has lapsed (on the day
    /// after its deadline), which is the refusal [`WalletError::Lapsed`], with the refund of
    /// what was paid before.
    ///
    /// # Errors
    ///
    /// [`WalletError::Invalid`] for a date outside 1900–2199, then
    /// [`WalletError::UnknownApplication`], [`WalletError::AlreadyEnded`],
    /// [`WalletError::Lapsed`], [`WalletError::BeforeApplication`], [`WalletError::ZeroAmount`],
    /// [`WalletError::Overpayment`]. The wallet is unchanged.
    pub fn pay(&mut self, id: u32, date: Date, amount: Money) -> Result<Payment, WalletError> {
        let index = self.running(id, date)?;
        let app = &self.applications[index];
        if amount.is_zero() {
            return Err(WalletError::ZeroAmount);
        }
        let due = app.own_share.saturating_sub(app.paid());
        if amount > due {
            return Err(WalletError::Overpayment { id, amount, due });
        }
        let lapsed = self.lapse_due(date);
        self.applications[index]
            .payments
            .push(Movement { date, amount });
        Ok(Payment {
            due: due.saturating_sub(amount),
            lapsed,
        })
    }

    /// Releases (*vrijgeven*) an amount to the provider, after letting lapse what is overdue on
    /// its date: only once the own share is paid in full, and never more than the wallet holds
    /// for the application.
    ///
    /// # Errors
    ///
    /// As [`Wallet::pay`] up to [`WalletError::ZeroAmount`], then
    /// [`WalletError::OwnShareNotPaid`], [`WalletError::ReleaseExceedsBalance`]. The wallet is
    /// unchanged.
    pub fn release(&mut self, id: u32, date: Date, amount: Money) -> Result<Release, WalletError> {
        let index = self.running(id, date)?;
        let app = &self.applications[index];
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
        let lapsed = self.lapse_due(date);
        self.applications[index]
            .releases
            .push(Movement { date, amount });
        Ok(Release {
            available: available.saturating_sub(amount),
            lapsed,
        })
    }

    /// Stops (*stopzetten*) an application, after letting lapse what is overdue on its date:
    /// the unused own share is refunded; the unused aid returns to the year's budget only when
    /// stopped in the application's calendar year.
    ///
    /// # Errors
    ///
    /// As [`Wallet::pay`] up to [`WalletError::BeforeApplication`] (an application that has
    /// lapsed cannot be stopped). The wallet is unchanged.
    pub fn stop(&mut self, id: u32, date: Date) -> Result<Stop, WalletError> {
        let index = self.running(id, date)?;
        let lapsed = self.lapse_due(date);
        let app = &mut self.applications[index];
        let settlement = app.settle(date);
        app.status = Status::Stopped {
            on: date,
            settlement,
        };
        Ok(Stop { settlement, lapsed })
    }

    /// Lets every application whose own share is not paid in full by its deadline lapse, as of
    /// `today` (each on the day after its deadline); returns their ids, in the order they were
    /// recorded.
    ///
    /// # Errors
    ///
    /// `INVALID_DATE` at `date` outside the years 1900–2199; the wallet is unchanged.
    pub fn lapse_overdue(&mut self, today: Date) -> Result<Vec<u32>, WalletError> {
        check_date(today)?;
        Ok(self.lapse_due(today))
    }

    /// Lets lapse what is overdue on `date`; the ids.
    fn lapse_due(&mut self, date: Date) -> Vec<u32> {
        self.applications
            .iter_mut()
            .filter_map(|app| app.lapse_if_overdue(date).then_some(app.id))
            .collect()
    }

    /// Quotes intended applications in order, as if each were applied after the ones before it
    /// and carried out (its own share paid on time), what is overdue on each one's date among
    /// the recorded applications lapsed first; and says when moving one into the next calendar
    /// year would give more aid. The wallet itself is not changed.
    ///
    /// # Errors
    ///
    /// The first invalid application (its path under `[index]`).
    pub fn plan(&self, intended: &[Application]) -> Result<Plan, InputError> {
        let mut sim = self.clone();
        let mut items = Vec::with_capacity(intended.len());
        let mut lapsed = Vec::new();
        let mut years_before = None;
        for (index, app) in intended.iter().enumerate() {
            let at = |e: InputError| e.under(&format!("[{index}]"));
            app.validate().map_err(at)?;
            lapsed.extend(sim.lapse_due(app.application_date));
            if years_before.is_none() {
                years_before = Some(sim.years());
            }
            let assessment = sim.assess(app).map_err(at)?;
            let moved = moved_to_next_year(app);
            let later = sim.assess(&moved).map_err(at)?;
            let better_next_year = (later.eligible && later.aid > assessment.aid)
                .then_some((moved.application_date, later.aid));
            if assessment.eligible {
                // Out-of-order entries in a plan are quoted but not recorded. An intended
                // application is taken as carried out: its own share paid on time, so it does
                // not lapse within the plan.
                if let Ok(applied) = sim.apply(app) {
                    let own_share = applied.assessment.own_share;
                    if applied.recorded && !own_share.is_zero() {
                        let _ = sim.pay(applied.id, app.application_date, own_share);
                    }
                }
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
            years_before: years_before.unwrap_or_else(|| self.years()),
            lapsed,
        })
    }
}

/// The last own-share deadline a wallet can record: an application lapses the day after its
/// deadline, and that day must still be a date of the wallet document (1900–2199).
const LAST_DEADLINE: Date = ymd(MAX_YEAR, time::Month::December, 30);

/// An own-share deadline whose lapse the wallet document can hold (see [`LAST_DEADLINE`]).
fn check_deadline(by: Date) -> Result<(), InputError> {
    if by > LAST_DEADLINE {
        return Err(InputError::new(
            E::InvalidDate,
            "",
            "err_deadline_years",
            vec![by.to_string().into()],
        ));
    }
    Ok(())
}

/// A date of a wallet operation: in the years 1900–2199, or refused at `date`.
fn check_date(date: Date) -> Result<(), WalletError> {
    check_year_range(date).map_err(|e| WalletError::Invalid(e.at("date")))
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
