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

mod applications;
mod errors;
mod operations;
mod plan;

use std::collections::BTreeMap;

use time::Date;

use crate::application::Application;
use crate::assess::{assess_with, Assessment, Detail};
use crate::coded::SizeClass;
pub use crate::coded::{StatusKind, WalletErrorCode};
use crate::error::{InputError, InputErrorCode as E};
use crate::kmo::rulebook::ceiling_for;
use crate::kmo::size::wallet_class_in_year;
use crate::units::{check_year_range, Money};
use crate::units::{index_field_path, index_path};

pub use applications::{Movement, Settlement, Status, WalletApplication};
pub use errors::{ErrorCode, WalletError};
pub use operations::{Applied, Payment, Release, Stop};
pub use plan::{Plan, PlanItem};

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
    /// The ceiling for that class; without a recorded class the ceiling whatever the class
    /// (from 2020 the one ceiling; in 2016–2019 the highest, an upper bound:
    /// [`Ceiling::for_unknown_class`](crate::rules::Ceiling::for_unknown_class)); zero
    /// before 2016 or for a large enterprise that is not a maatwerkbedrijf.
    pub ceiling: Money,
    /// The aid counted against it.
    pub counted: Money,
    /// What is left.
    pub left: Money,
}

impl YearBudget {
    /// The budget of `year` with the class fixed for it and the aid counted against it: the
    /// ceiling for that class ([`year_ceiling`]) and what is left of it.
    fn of(year: i32, size_class: Option<SizeClass>, counted: Money) -> YearBudget {
        let ceiling = year_ceiling(year, size_class);
        YearBudget {
            year,
            size_class,
            ceiling,
            counted,
            left: ceiling.saturating_sub(counted),
        }
    }
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
            let at = |e: InputError| e.under(&index_path("applications", i));
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
        if ceiling_for(year).is_none() {
            return Ok(());
        }
        let ceiling = year_ceiling(year, self.year_size_class(year));
        let in_year: Vec<((Date, u32), usize)> = self
            .applications
            .iter()
            .enumerate()
            .filter(|(_, a)| a.application_date.year() == year)
            .map(|(i, a)| ((a.application_date, a.id), i))
            .collect();
        // A wallet's ids are distinct (checked first): the keys are, and any sort gives the
        // one order. Native code sorts in place (unstable: less code than a stable sort); the
        // builds for size take a binary heap's sort (heapsort: a few hundred bytes, where the
        // slice's sort is about 3 KB of the browser module, and no other sort is left there).
        #[cfg(not(kmo_size))]
        let in_year = {
            let mut in_year = in_year;
            in_year.sort_unstable();
            in_year
        };
        #[cfg(kmo_size)]
        let in_year = std::collections::BinaryHeap::from(in_year).into_sorted_vec();
        let mut total = Money::ZERO;
        for (_, i) in in_year {
            let Some(a) = self.applications.get(i) else {
                continue;
            };
            // The year's aid is at most Money::MAX (checked before).
            total = total.checked_add(a.aid_counted()).unwrap_or(Money::MAX);
            if total > ceiling {
                return Err(InputError::new(
                    E::InconsistentInput,
                    index_field_path("applications", i, "aid"),
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

    /// The applications of `year` as the wallet stands on `date`: those dated on or before it
    /// (an application dated after `date` was not made yet). The one place the history is
    /// cut at a date; each one's status on `date` is [`WalletApplication::status_on`].
    fn applications_on(&self, year: i32, date: Date) -> impl Iterator<Item = &WalletApplication> {
        self.applications
            .iter()
            .filter(move |a| a.application_date.year() == year && a.application_date <= date)
    }

    /// The aid counted against the ceiling of `year` on `date`: the applications made by
    /// then, each as it stands then (what is overdue by then lapsed, a stop or lapse of a
    /// later day not happened yet).
    fn aid_counted_on(&self, year: i32, date: Date) -> Money {
        Money::checked_sum(
            self.applications_on(year, date)
                .map(|a| a.aid_counted_on(date)),
        )
        .unwrap_or(Money::MAX)
    }

    /// The size class fixed for `year` on `date`: that of its earliest application made by
    /// then and not lapsed by then ([`Wallet::year_size_class`] as recorded).
    fn year_size_class_on(&self, year: i32, date: Date) -> Option<SizeClass> {
        self.applications_on(year, date)
            .filter(|a| a.size_class.is_some() && !a.lapsed_on(date))
            .min_by_key(|a| (a.application_date, a.id))
            .and_then(|a| a.size_class)
    }

    /// The budget of `year` as it stands on `date` (the one an application of that date is
    /// assessed against, [`Wallet::in_context`]): only the applications made by then count
    /// and fix the class, each as it stands then — what is overdue by then lapsed, a stop or
    /// lapse recorded for a later day not happened yet.
    ///
    /// ```
    /// use kmo_core::json::wallet_from_json;
    /// use kmo_core::parse_date;
    /// let w = wallet_from_json(r#"{"applications":[{"application_date":"2026-07-10","aid":"7000.00","size_class":"medium"}]}"#)?;
    /// let june = w.year_budget_on(2026, parse_date("2026-06-01")?);
    /// assert_eq!((june.size_class, june.counted.to_string()), (None, "0.00".into()));
    /// assert_eq!(w.year_budget_on(2026, parse_date("2026-07-10")?).counted.to_string(), "7000.00");
    /// # Ok::<(), kmo_core::InputError>(())
    /// ```
    pub fn year_budget_on(&self, year: i32, date: Date) -> YearBudget {
        YearBudget::of(
            year,
            self.year_size_class_on(year, date),
            self.aid_counted_on(year, date),
        )
    }

    /// The size class fixed for a year: that of its earliest recorded application that has not
    /// lapsed. The class is fixed at the year's first *successful* application \[official\];
    /// one whose own share was never paid in full lapsed without being granted, and fixes
    /// nothing (`[choice: lapsed_fixes_no_class]`); one stopped after it was granted does.
    pub fn year_size_class(&self, year: i32) -> Option<SizeClass> {
        self.applications
            .iter()
            .filter(|a| a.application_date.year() == year)
            .filter(|a| a.size_class.is_some() && a.status.kind() != StatusKind::Lapsed)
            .min_by_key(|a| (a.application_date, a.id))
            .and_then(|a| a.size_class)
    }

    /// The budget of a year, as recorded (see [`Wallet::as_of`] for the budget on a date).
    pub fn year_budget(&self, year: i32) -> YearBudget {
        YearBudget::of(year, self.year_size_class(year), self.aid_counted(year))
    }

    /// The calendar years with an application, oldest first.
    fn years_with_applications(&self) -> std::collections::BTreeSet<i32> {
        let years = self.applications.iter().map(|a| a.application_date.year());
        // Collected, the years are sorted first (native code: the cheaper); the builds for
        // size insert them one by one, without that stable sort's code in the module.
        #[cfg(not(kmo_size))]
        return years.collect();
        #[cfg(kmo_size)]
        return years.fold(std::collections::BTreeSet::new(), |mut set, year| {
            set.insert(year);
            set
        });
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
    /// records the lapses). The budget of a year on a date, without the applications and
    /// ends recorded for later days, is [`Wallet::year_budget_on`].
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
    /// year and the year's fixed size class, both as the wallet stands on its date
    /// ([`Wallet::year_budget_on`]: applications dated after it do not count and do not fix
    /// the class, a stop or lapse of a later day has not happened yet, what is overdue by
    /// then has lapsed). The application's own `aid_used` and `year_size_class` are replaced
    /// by the wallet's.
    pub fn in_context(&self, app: &Application) -> Application {
        let (year, date) = (app.application_date.year(), app.application_date);
        let mut app = app.clone();
        app.aid_used = self.aid_counted_on(year, date);
        if let Some(class) = self.year_size_class_on(year, date) {
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
}

/// The ceiling of `year` for the size class a wallet records for it (BVR-2016 art. 18, the
/// rulebook's [`CEILINGS`](crate::rules::CEILINGS)): the class's ceiling (zero for a large
/// enterprise that is not a maatwerkbedrijf of 2026 on), or without a recorded class
/// [`Ceiling::for_unknown_class`](crate::rules::Ceiling::for_unknown_class); zero before 2016.
/// The one place the wallet's budgets and its history check take a year's ceiling.
fn year_ceiling(year: i32, class: Option<SizeClass>) -> Money {
    let Some(row) = ceiling_for(year) else {
        return Money::ZERO;
    };
    match class {
        Some(class) => wallet_class_in_year(class, year).map_or(Money::ZERO, |c| row.for_class(c)),
        None => row.for_unknown_class(),
    }
}

/// A date of a wallet operation: in the years 1900–2199, or refused at `date`.
fn check_date(date: Date) -> Result<(), WalletError> {
    check_year_range(date).map_err(|e| WalletError::Invalid(e.at("date")))
}

/// The aid counted per year, for the property tests and summaries.
pub fn counted_by_year(wallet: &Wallet) -> BTreeMap<i32, Money> {
    wallet
        .years_with_applications()
        .into_iter()
        .map(|y| (y, wallet.aid_counted(y)))
        .collect()
}

#[cfg(test)]
mod ceiling_order_tests {
    use super::*;
    use crate::units::parse_date;

    fn app(id: u32, date: &str, aid: u32) -> WalletApplication {
        WalletApplication {
            id,
            application_date: parse_date(date).unwrap(),
            service: None,
            size_class: Some(SizeClass::Small),
            rate: None,
            eligible_cost: Money::from_euro(aid),
            aid: Money::from_euro(aid),
            own_share: Money::ZERO,
            vat: Money::ZERO,
            pay_own_share_by: None,
            payments: vec![],
            releases: vec![],
            status: Status::Active,
        }
    }

    /// The application named is the one that takes the year over its ceiling in the order of
    /// dates, then ids, whatever the order of the list (the builds for size sort otherwise).
    #[test]
    fn the_year_is_counted_in_date_then_id_order() {
        // (id, application date, aid) of each application, and the path named.
        type Case<'a> = (&'a [(u32, &'a str, u32)], &'a str);
        let cases: [Case<'_>; 4] = [
            (
                &[
                    (3, "2026-05-01", 3000),
                    (1, "2026-01-10", 3000),
                    (2, "2026-03-10", 3000),
                ],
                "applications[0].aid",
            ),
            (
                &[
                    (2, "2026-03-10", 3000),
                    (3, "2026-05-01", 3000),
                    (1, "2026-01-10", 3000),
                ],
                "applications[1].aid",
            ),
            (
                &[(5, "2026-03-10", 4000), (4, "2026-03-10", 4000)],
                "applications[0].aid",
            ),
            (
                &[
                    (4, "2026-03-10", 4000),
                    (5, "2026-03-10", 4000),
                    (1, "2025-12-31", 7000),
                ],
                "applications[1].aid",
            ),
        ];
        for (list, path) in cases {
            let apps = list
                .iter()
                .map(|&(id, date, aid)| app(id, date, aid))
                .collect();
            let e = Wallet::from_applications(apps).unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str()),
                (E::InconsistentInput, path),
                "{list:?}"
            );
        }
    }
}
