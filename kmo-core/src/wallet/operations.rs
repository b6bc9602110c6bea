//! The wallet's operations: apply, pay, release, stop, and the lapse of what is overdue;
//! and their answers.

use time::Date;

use super::applications::check_deadline;
use super::*;
use crate::application::Application;
use crate::assess::{assess_with, Assessment, Detail};
use crate::error::{InputError, InputErrorCode as E};
use crate::kmo::size::class_of_year;
use crate::units::Money;

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

impl Wallet {
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
        let context = self.in_context(app);
        let assessment = assess_with(&context, Detail::Full)?;
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
                // The class that holds for the year, which the first application fixes;
                // `size_class` of the assessment is the class under the SME definition.
                size_class: Some(class_of_year(
                    context.enterprise.year_size_class,
                    assessment.size_class,
                )),
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
        if !app.own_share_paid() {
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
    pub(super) fn lapse_due(&mut self, date: Date) -> Vec<u32> {
        self.applications
            .iter_mut()
            .filter_map(|app| app.lapse_if_overdue(date).then_some(app.id))
            .collect()
    }
}
