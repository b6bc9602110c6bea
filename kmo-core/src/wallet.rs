//! The wallet (*kmo-portefeuille*): one enterprise's applications across a year and across
//! years.
//!
//! The seed of the product is a yearly budget: EUR 7 500 of aid (10 000 / 15 000 in 2016–2019)
//! per calendar year of the application, shared by any number of applications (RULES.md §4.4).
//! The [`Wallet`] keeps the history and answers for the next application:
//!
//! - [`Wallet::apply`] assesses an application against the rulebook of its date, with the aid
//!   already counted in its calendar year and the size class fixed at the year's first
//!   successful application (RULES.md §3 item 1), and records it when eligible;
//! - [`Wallet::pay`], [`Wallet::release`], [`Wallet::stop`] follow the money: the own share
//!   paid in (late payment makes the application lapse), releases to the provider never above
//!   what the wallet holds, a stop that refunds the unused own share and returns the unused aid
//!   to the year's budget only when stopped in the same calendar year (RULES.md §4.4, §5);
//! - [`Wallet::plan`] quotes a list of intended services in order, with the budget left per
//!   year and a hint when starting in the next calendar year would yield more aid.
//!
//! Every operation either succeeds or leaves the wallet unchanged with a typed [`WalletError`].
//!
//! ```
//! use kmo_core::*;
//! use kmo_core::wallet::Wallet;
//!
//! let training = |date: &str, cost: i64| Application::new(
//!     parse_date(date).unwrap(),
//!     Enterprise::new(SizeInput::Declared(SizeClass::Small)),
//!     Service { theme: Some(Theme::Innovatie), start_date: Some(parse_date(date).unwrap()),
//!               ..Service::new(ServiceKind::Training, Money::from_euro(cost)) },
//! );
//! let mut wallet = Wallet::new();
//! let first = wallet.apply(&training("2026-02-02", 20_000)).unwrap();
//! assert_eq!(first.assessment.aid.to_string(), "6000.00");
//! let second = wallet.apply(&training("2026-05-04", 10_000)).unwrap();
//! assert_eq!(second.assessment.aid.to_string(), "1500.00"); // what is left of 7 500
//! assert!(second.assessment.capped);
//! assert_eq!(wallet.aid_counted(2026).to_string(), "7500.00");
//! ```

use std::collections::BTreeMap;

use rust_decimal::RoundingStrategy;
use time::Date;

use crate::application::{Application, Service};
use crate::assess::{assess, Assessment};
use crate::kmo::rulebook::ceiling_for;
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

impl WalletApplication {
    /// The own share paid in so far.
    pub fn paid(&self) -> Money {
        self.payments.iter().map(|m| m.amount).sum()
    }

    /// What was released to the provider so far.
    pub fn released(&self) -> Money {
        self.releases.iter().map(|m| m.amount).sum()
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

    /// The settlement if the application ended on `on`: releases are split between own share
    /// and aid in proportion (rounded once, to the cent); the rest of the own share paid in is
    /// refunded; the unused aid returns to the year only when `on` is in the application's
    /// calendar year (RULES.md §4.4).
    pub fn settle(&self, on: Date) -> Settlement {
        let released = self.released();
        let own_share_used = if self.eligible_cost.is_zero() {
            Money::ZERO
        } else {
            let exact = self.own_share.as_decimal() * released.as_decimal()
                / self.eligible_cost.as_decimal();
            let rounded = exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            Money::from_decimal(rounded)
                .unwrap_or(Money::ZERO)
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
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WalletError {
    /// No application with this id.
    #[error("no application {0} in the wallet")]
    UnknownApplication(u32),
    /// The application was already stopped or has lapsed.
    #[error("application {0} has already ended")]
    AlreadyEnded(u32),
    /// The date is before the application date.
    #[error("{date} is before the application date {application_date} of application {id}")]
    BeforeApplication {
        /// The application.
        id: u32,
        /// The date given.
        date: Date,
        /// Its application date.
        application_date: Date,
    },
    /// An application of a year must not come before one already recorded in that year.
    #[error(
        "an application of {date} comes before one of {last} already recorded in the same year"
    )]
    OutOfOrder {
        /// The date given.
        date: Date,
        /// The latest recorded date of that year.
        last: Date,
    },
    /// The amount is zero.
    #[error("the amount must be more than zero")]
    ZeroAmount,
    /// More than the own share that is still due.
    #[error("application {id}: {amount} is more than the own share still due ({due})")]
    Overpayment {
        /// The application.
        id: u32,
        /// The amount given.
        amount: Money,
        /// What is still due.
        due: Money,
    },
    /// Releases need the own share paid in full first.
    #[error("application {0}: the own share is not paid in full, nothing can be released yet")]
    OwnShareNotPaid(u32),
    /// More than the wallet holds for the application.
    #[error("application {id}: {amount} is more than the {available} the wallet holds for it")]
    ReleaseExceedsBalance {
        /// The application.
        id: u32,
        /// The amount asked.
        amount: Money,
        /// What may still be released.
        available: Money,
    },
    /// The wallet document is invalid.
    #[error("invalid wallet: {0}")]
    Invalid(#[from] crate::error::InputError),
}

/// The result of [`Wallet::apply`].
#[derive(Clone, Debug, PartialEq, Eq)]
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
pub struct Plan {
    /// Each intended service, in order.
    pub items: Vec<PlanItem>,
    /// The budget per year after the whole plan.
    pub years: Vec<YearBudget>,
}

/// One enterprise's applications. Plain data: see [`crate::json::wallet_to_json`] and
/// [`crate::json::wallet_from_json`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Wallet {
    applications: Vec<WalletApplication>,
}

impl Wallet {
    /// An empty wallet.
    pub fn new() -> Wallet {
        Wallet::default()
    }

    /// A wallet from recorded applications (ids must be unique; checked by the JSON reader).
    pub fn from_applications(applications: Vec<WalletApplication>) -> Wallet {
        Wallet { applications }
    }

    /// The recorded applications, in the order they were recorded.
    pub fn applications(&self) -> &[WalletApplication] {
        &self.applications
    }

    /// One application.
    pub fn get(&self, id: u32) -> Option<&WalletApplication> {
        self.applications.iter().find(|a| a.id == id)
    }

    /// The aid counted against the ceiling of a calendar year (RULES.md §4.4).
    pub fn aid_counted(&self, year: i32) -> Money {
        self.applications
            .iter()
            .filter(|a| a.application_date.year() == year)
            .map(WalletApplication::aid_counted)
            .sum()
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
        // A large class only records for a maatwerkbedrijf, which gets the medium ceiling.
        let wallet_class =
            size_class.map(|c| c.wallet_class().unwrap_or(crate::sme::WalletClass::Medium));
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

    /// Every year with an application, oldest first.
    pub fn years(&self) -> Vec<YearBudget> {
        let years: std::collections::BTreeSet<i32> = self
            .applications
            .iter()
            .map(|a| a.application_date.year())
            .collect();
        years.into_iter().map(|y| self.year_budget(y)).collect()
    }

    /// Assesses an application against the wallet without recording it: the aid already
    /// counted in its calendar year and the year's fixed size class are taken from the wallet.
    pub fn assess(&self, app: &Application) -> Assessment {
        let year = app.application_date.year();
        let mut app = app.clone();
        app.aid_used = self.aid_counted(year);
        if let Some(class) = self.year_size_class(year) {
            app.enterprise.year_size_class = Some(class);
        }
        assess(&app)
    }

    /// Assesses an application and records it when eligible.
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
        let assessment = self.assess(app);
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
    /// application lapses (RULES.md §5) and what was paid before is refunded.
    pub fn pay(&mut self, id: u32, date: Date, amount: Money) -> Result<Payment, WalletError> {
        let app = self.active(id, date)?;
        if amount.is_zero() {
            return Err(WalletError::ZeroAmount);
        }
        let due = app.own_share.saturating_sub(app.paid());
        if amount > due {
            return Err(WalletError::Overpayment { id, amount, due });
        }
        if app.pay_own_share_by.is_some_and(|by| date > by) {
            let settlement = app.settle(date);
            app.status = Status::Lapsed {
                on: date,
                settlement,
            };
            return Ok(Payment::Lapsed(settlement));
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
                    let on = add_days(by, 1);
                    let settlement = app.settle(on);
                    app.status = Status::Lapsed { on, settlement };
                    lapsed.push(app.id);
                }
            }
        }
        lapsed
    }

    /// Quotes intended applications in order, as if each were applied after the ones before it,
    /// and says when moving one into the next calendar year would give more aid. The wallet
    /// itself is not changed.
    pub fn plan(&self, intended: &[Application]) -> Plan {
        let mut sim = self.clone();
        let mut items = Vec::with_capacity(intended.len());
        for (index, app) in intended.iter().enumerate() {
            let assessment = sim.assess(app);
            let moved = moved_to_next_year(app);
            let later = sim.assess(&moved);
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
        Plan {
            items,
            years: sim.years(),
        }
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

/// Sums of a year, for the property tests and summaries.
pub fn counted_by_year(wallet: &Wallet) -> BTreeMap<i32, Money> {
    let mut out = BTreeMap::new();
    for app in wallet.applications() {
        let entry = out
            .entry(app.application_date.year())
            .or_insert(Money::ZERO);
        *entry = entry.saturating_add(app.aid_counted());
    }
    out
}
