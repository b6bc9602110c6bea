//! De minimis: the aid is de minimis aid; with it, the single undertaking's de minimis aid over
//! the reference period must not exceed the ceiling, or none of it may be granted (no partial
//! grant). The aid counts as granted on the application date, when the right to it is
//! conferred, whatever the payment date.
//!
//! | Applications | Period | Ceiling | Reference |
//! |---|---|---|---|
//! | before 2024-01-01 | current and two previous fiscal years | EUR 200 000 | DEMINIMIS-1407 |
//! | 2024-01-01 – 2030-12-31 | three years ending on the application date (the grant date) | EUR 300 000 | DEMINIMIS-2831 |
//!
//! Regulation 2023/2831 applies until 31 December 2030; an application after that date is
//! still measured against it, with a notice that no later regulation is encoded (a **choice**:
//! no source says what follows; the notice cites `DEMINIMIS-2831; [choice]`). The agency states
//! the de minimis rules the kmo-portefeuille applies (no partial grant, the end date, the EU
//! register), so docs/rules.md marks them \[official\].

use time::{Date, Month};

use smallvec::smallvec;

use crate::application::{Application, DeMinimisAid, FiscalYearEnd};
use crate::coded::{FindingCode as C, TraceStepName};
use crate::findings::{Sink, TraceStep};
use crate::message::Arg;
use crate::units::{add_days, add_years, eur, ymd, Money};

/// How the reference period is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// The current fiscal year and the two before it (Regulation 1407/2013).
    ThreeFiscalYears,
    /// Any three years: the three years ending on the application date (Regulation 2023/2831).
    RollingThreeYears,
}

/// One de minimis regime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Regime {
    /// First application date it governs.
    pub valid_from: Date,
    /// The last day the regulation applies, when it says so.
    pub valid_until: Option<Date>,
    /// The ceiling over the period.
    pub ceiling: Money,
    /// How the period is counted.
    pub period: Period,
    /// Where it is written.
    pub reference: &'static str,
    /// The reference of the notice after `valid_until`: applying the regulation after it has
    /// expired is the library's choice.
    pub expired_reference: &'static str,
}

/// The regimes, oldest first.
pub const REGIMES: &[Regime] = &[
    Regime {
        valid_from: ymd(2014, Month::January, 1),
        valid_until: Some(ymd(2023, Month::December, 31)),
        ceiling: eur(200_000),
        period: Period::ThreeFiscalYears,
        reference: "DEMINIMIS-1407",
        expired_reference: "DEMINIMIS-1407; [choice]",
    },
    Regime {
        valid_from: ymd(2024, Month::January, 1),
        valid_until: Some(ymd(2030, Month::December, 31)),
        ceiling: eur(300_000),
        period: Period::RollingThreeYears,
        reference: "DEMINIMIS-2831",
        expired_reference: "DEMINIMIS-2831; [choice]",
    },
];

/// The regime for an application date.
///
/// ```
/// use kmo_core::{de_minimis_regime, parse_date};
/// assert_eq!(de_minimis_regime(parse_date("2023-12-31").unwrap()).reference, "DEMINIMIS-1407");
/// assert_eq!(de_minimis_regime(parse_date("2024-01-01").unwrap()).reference, "DEMINIMIS-2831");
/// ```
#[inline]
pub fn de_minimis_regime(date: Date) -> &'static Regime {
    REGIMES
        .iter()
        .rev()
        .find(|r| r.valid_from <= date)
        .unwrap_or(&REGIMES[0])
}

impl Regime {
    /// Whether `date` is after the last day the regulation applies (no later regulation is
    /// encoded; the library keeps applying this one and says so).
    pub fn expired_on(&self, date: Date) -> bool {
        self.valid_until.is_some_and(|until| date > until)
    }
}

/// The result of the de minimis test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeMinimisCheck {
    /// The regime applied.
    pub regime: &'static Regime,
    /// First day of the reference period.
    pub period_start: Date,
    /// Last day of the reference period (the application date).
    pub period_end: Date,
    /// Earlier aid inside the period.
    pub earlier: Money,
    /// Earlier aid plus this aid.
    pub total: Money,
    /// Whether the total exceeds the ceiling (then no aid at all).
    pub exceeded: bool,
}

/// Tests `new_aid` against the earlier de minimis aid. Fiscal year = calendar year unless
/// `fiscal_year_end` is given (a **choice**). The earlier aid is taken as checked by
/// [`check_earlier_aid`](crate::application::check_earlier_aid).
///
/// ```
/// use kmo_core::{check_de_minimis, parse_date, DeMinimisAid, Money};
/// let earlier = [DeMinimisAid { date: parse_date("2025-05-01").unwrap(), amount: Money::from_euro(299_400) }];
/// let day = parse_date("2026-03-10").unwrap();
/// assert!(!check_de_minimis(day, None, &earlier, Money::from_euro(600)).exceeded);
/// assert!(check_de_minimis(day, None, &earlier, Money::parse("600.01").unwrap()).exceeded);
/// ```
#[cfg_attr(not(kmo_size), inline(always))]
pub fn check_de_minimis(
    application_date: Date,
    fiscal_year_end: Option<FiscalYearEnd>,
    earlier: &[DeMinimisAid],
    new_aid: Money,
) -> DeMinimisCheck {
    let regime = de_minimis_regime(application_date);
    let period_start = match regime.period {
        Period::RollingThreeYears => add_days(add_years(application_date, -3), 1),
        Period::ThreeFiscalYears => {
            let end = fiscal_year_end.unwrap_or(FiscalYearEnd::CALENDAR);
            let current_end = current_fiscal_year_end(application_date, end);
            add_days(add_years(current_end, -3), 1)
        }
    };
    // All earlier aid together is at most Money::MAX (check_earlier_aid), so is a part of it.
    let earlier_total = if earlier.is_empty() {
        Money::ZERO
    } else {
        Money::checked_sum(
            earlier
                .iter()
                .filter(|a| a.date >= period_start && a.date <= application_date)
                .map(|a| a.amount),
        )
        .unwrap_or(Money::MAX)
    };
    // Above Money::MAX the total is far above any ceiling: exceeded, shown as the maximum.
    let (total, exceeded) = match earlier_total.checked_add(new_aid) {
        Some(total) => (total, total > regime.ceiling),
        None => (Money::MAX, true),
    };
    DeMinimisCheck {
        regime,
        period_start,
        period_end: application_date,
        earlier: earlier_total,
        total,
        exceeded,
    }
}

/// The de minimis test on the aid that would be granted, with its trace: when the total would
/// exceed the ceiling, none of the aid may be granted.
#[inline]
pub(crate) fn de_minimis_step(
    app: &Application,
    aid: Money,
    out: &mut impl Sink,
) -> DeMinimisCheck {
    let e = &app.enterprise;
    let check = check_de_minimis(app.application_date, e.fiscal_year_end, &e.de_minimis, aid);
    let regime = check.regime;
    out.step(|| {
        TraceStep::of(
            TraceStepName::DeMinimis,
            regime.reference,
            check.total,
            smallvec![
                Arg::from(check.period_start),
                Arg::from(check.period_end),
                check.earlier.into(),
                check.total.into(),
                regime.ceiling.into(),
            ],
        )
    });
    if check.exceeded {
        out.blocking(C::DeMinimisExceeded, regime.reference, || {
            smallvec![aid.into(), check.total.into(), regime.ceiling.into()]
        });
    }
    if regime.expired_on(app.application_date) {
        out.info(
            C::DeMinimisRegulationExpired,
            regime.expired_reference,
            || smallvec![regime.valid_until.map_or(Arg::from("?"), Arg::from)],
        );
    }
    check
}

/// The last day of the fiscal year containing `date`.
fn current_fiscal_year_end(date: Date, end: FiscalYearEnd) -> Date {
    let in_year = |year: i32| ymd(year, end.month(), end.day().min(end.month().length(year)));
    let this_year = in_year(date.year());
    if this_year >= date {
        this_year
    } else {
        in_year(date.year() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::parse_date;

    fn d(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    #[test]
    fn rolling_window_edges() {
        let app = d("2026-03-10");
        let aid = |date: &str| {
            [DeMinimisAid {
                date: d(date),
                amount: Money::from_euro(300_000),
            }]
        };
        assert!(
            check_de_minimis(app, None, &aid("2023-03-11"), Money::from_cents(1).unwrap()).exceeded
        );
        assert!(
            !check_de_minimis(app, None, &aid("2023-03-10"), Money::from_cents(1).unwrap())
                .exceeded
        );
    }

    #[test]
    fn fiscal_years_edges() {
        let app = d("2023-06-15");
        let aid = |date: &str| {
            [DeMinimisAid {
                date: d(date),
                amount: Money::from_euro(200_000),
            }]
        };
        // calendar years 2021–2023
        assert!(
            check_de_minimis(app, None, &aid("2021-01-01"), Money::from_cents(1).unwrap()).exceeded
        );
        assert!(
            !check_de_minimis(app, None, &aid("2020-12-31"), Money::from_cents(1).unwrap())
                .exceeded
        );
        // fiscal year ending 30 June: current FY ends 2023-06-30, period from 2020-07-01
        let june = Some(FiscalYearEnd::new(Month::June, 30).unwrap());
        assert!(
            check_de_minimis(app, june, &aid("2020-07-01"), Money::from_cents(1).unwrap()).exceeded
        );
        assert!(
            !check_de_minimis(app, june, &aid("2020-06-30"), Money::from_cents(1).unwrap())
                .exceeded
        );
        // After the fiscal year end, the current fiscal year ends next year: 2023-08-15 is in
        // 2023-07-01 … 2024-06-30, so the period starts on 2021-07-01.
        let august = d("2023-08-15");
        assert!(
            check_de_minimis(
                august,
                june,
                &aid("2021-07-01"),
                Money::from_cents(1).unwrap()
            )
            .exceeded
        );
        assert!(
            !check_de_minimis(
                august,
                june,
                &aid("2021-06-30"),
                Money::from_cents(1).unwrap()
            )
            .exceeded
        );
    }
}
