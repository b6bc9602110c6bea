//! One recorded application: where it stands, what was paid and released, how it was
//! settled, the aid it counts.

use rust_decimal::RoundingStrategy;
use time::Date;

use crate::application::Service;
use crate::coded::SizeClass;
use crate::coded::StatusKind;
use crate::error::{InputError, InputErrorCode as E};
use crate::units::index_field_path;
use crate::units::{check_year_range, day_after, ymd, Money, Percent, MAX_YEAR};

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
    /// [`Wallet::from_applications`](super::Wallet::from_applications)).
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
    /// at most the eligible cost, an end not before the application; and what the wallet's
    /// operations refuse: releases only once the own share is paid in full
    /// ([`WalletApplication::own_share_paid`]), a lapse only of an application whose own share
    /// was not paid in full by its deadline (when the deadline is recorded). Error paths are
    /// relative to the application (`payments[0].date`).
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
                        index_field_path(key, j, "date"),
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
        // What the wallet's operations refuse, a history cannot hold: a release before the
        // own share is paid in full (Wallet::release), a lapse of an application whose own
        // share was paid in full by its deadline (the lapse rule, lapse_day).
        if !self.releases.is_empty() && !self.own_share_paid() {
            return Err(inconsistent(
                "releases[0]".into(),
                "err_release_before_own_share",
                vec![self.own_share.to_string(), self.paid().to_string()],
            ));
        }
        if let (Status::Lapsed { .. }, Some(by)) = (self.status, self.pay_own_share_by) {
            if self.lapse_day().is_none() {
                return Err(inconsistent(
                    "status".into(),
                    "err_lapsed_paid_in_time",
                    vec![self.own_share.to_string(), by.to_string()],
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
                at(m.date, &index_field_path(key, j, "date"))?;
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
        if self.status != Status::Active || !self.own_share_paid() {
            return Money::ZERO;
        }
        self.eligible_cost.saturating_sub(self.released())
    }

    /// The aid this application counts against its year's ceiling, as recorded.
    pub fn aid_counted(&self) -> Money {
        counted(self.aid, self.status)
    }

    /// The day the application lapses if its own share is still not paid in full: the day
    /// after its own-share deadline (MB-2016; [`Wallet`](super::Wallet): a late payment is not taken), and
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
        match self.status {
            Status::Active => self.lapse_day(),
            _ => None,
        }
    }

    /// The day it lapses while it runs ([`WalletApplication::lapses_on`]), whatever its
    /// recorded status: the day after the deadline (not before the application), unless the
    /// payments dated before that day pay the own share in full. A payment dated on or after
    /// it is not taken — the wallet's [`pay`](super::Wallet::pay) refuses it, the application
    /// having lapsed — so it does not keep the application: a wallet document that records
    /// one reads the application as lapsed, the payment refunded by its settlement.
    fn lapse_day(&self) -> Option<Date> {
        let by = self.pay_own_share_by?;
        // No payment is dated before the application (validate, pay): those dated by the
        // deadline are those before the lapse day.
        let in_time = Money::checked_sum(
            self.payments
                .iter()
                .filter(|m| m.date <= by)
                .map(|m| m.amount),
        )
        .unwrap_or(Money::MAX);
        (in_time < self.own_share).then(|| day_after(by).max(self.application_date))
    }

    /// Whether the own share is paid in full: the condition of every release (the procedure's
    /// release step, \[official\]: the wallet pays the provider from the own share and the aid
    /// together), asked by
    /// [`Wallet::release`](super::Wallet::release) and by [`WalletApplication::validate`].
    pub fn own_share_paid(&self) -> bool {
        self.paid() >= self.own_share
    }

    /// Whether the application has lapsed by `date`: running, and its own share not paid in
    /// full by its deadline ([`WalletApplication::lapses_on`]).
    pub fn overdue_on(&self, date: Date) -> bool {
        self.lapses_on().is_some_and(|on| on <= date)
    }

    /// Where it stands on `date`: a stop or a lapse recorded for a later day has not happened
    /// yet (it was running then); running on `date`, it has lapsed if it is overdue then
    /// ([`WalletApplication::lapses_on`]); else as recorded.
    ///
    /// ```
    /// use kmo_core::wallet::{Status, StatusKind, WalletApplication};
    /// use kmo_core::{parse_date, Money};
    /// let d = |s| parse_date(s).unwrap();
    /// let app = WalletApplication {
    ///     id: 1, application_date: d("2026-03-10"), service: None, size_class: None, rate: None,
    ///     eligible_cost: Money::from_euro(7000), aid: Money::from_euro(7000), own_share: Money::ZERO,
    ///     vat: Money::ZERO, pay_own_share_by: None, payments: vec![], releases: vec![],
    ///     status: Status::from_kind(StatusKind::Stopped, Some(d("2026-08-01")))?,
    /// };
    /// assert_eq!(app.status_on(d("2026-06-01")), Status::Active);
    /// assert_eq!(app.status_on(d("2026-08-01")).kind(), StatusKind::Stopped);
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn status_on(&self, date: Date) -> Status {
        if self.ended_on().is_some_and(|on| on <= date) {
            return self.status;
        }
        match self.lapse_day().filter(|on| *on <= date) {
            Some(on) => Status::Lapsed {
                on,
                settlement: self.settle(on),
            },
            None => Status::Active,
        }
    }

    /// Whether it has lapsed by `date`, as [`status_on`](WalletApplication::status_on) says,
    /// without settling it: a lapse recorded by then, or, running then, overdue.
    pub fn lapsed_on(&self, date: Date) -> bool {
        match self.ended_on() {
            Some(on) if on <= date => self.status.kind() == StatusKind::Lapsed,
            _ => self.lapse_day().is_some_and(|on| on <= date),
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
    pub(super) fn lapse_if_overdue(&mut self, date: Date) -> bool {
        match self.lapses_on().filter(|on| *on <= date) {
            Some(on) => {
                self.status = Status::Lapsed {
                    on,
                    settlement: self.settle(on),
                };
                true
            }
            None => false,
        }
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

/// The last own-share deadline a wallet can record: an application lapses the day after its
/// deadline, and that day must still be a date of the wallet document (1900–2199).
const LAST_DEADLINE: Date = ymd(MAX_YEAR, time::Month::December, 30);

/// An own-share deadline whose lapse the wallet document can hold (see [`LAST_DEADLINE`]).
pub(super) fn check_deadline(by: Date) -> Result<(), InputError> {
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
