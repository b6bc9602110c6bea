//! The wallet: operations, typed errors that leave it unchanged, and properties over
//! random sequences of apply / pay / release / stop.

use kmo_core::json::{wallet_from_json, wallet_to_json};
use kmo_core::wallet::{
    counted_by_year, Applied, Payment, Status, Wallet, WalletApplication, WalletError,
};
use kmo_core::*;
use proptest::prelude::*;

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn training(date: &str, cost: &str, class: SizeClass) -> Application {
    Application::new(
        d(date),
        Enterprise::new(SizeInput::Declared(class)),
        Service {
            theme: Some(Theme::Innovatie),
            start_date: Some(d(date)),
            ..Service::new(ServiceKind::Training, Money::parse(cost).unwrap())
        },
    )
}

fn small(date: &str, cost: &str) -> Application {
    training(date, cost, SizeClass::Small)
}

/// Applies and pays the own share in full on the application day, so that the application
/// holds (an unpaid one lapses after its deadline).
fn apply_paid(w: &mut Wallet, app: &Application) -> Applied {
    let applied = w.apply(app).unwrap();
    if applied.recorded && !applied.assessment.own_share.is_zero() {
        w.pay(
            applied.id,
            app.application_date,
            applied.assessment.own_share,
        )
        .unwrap();
    }
    applied
}

#[test]
fn applications_share_the_year_and_the_last_is_partial() {
    let mut w = Wallet::new();
    for (date, aid) in [
        ("2026-01-05", "3000.00"),
        ("2026-02-05", "3000.00"),
        ("2026-03-05", "1500.00"),
    ] {
        let out = apply_paid(&mut w, &small(date, "10000"));
        assert_eq!(out.assessment.aid.to_string(), aid, "{date}");
    }
    let full = w.apply(&small("2026-04-05", "1000")).unwrap();
    assert!(!full.recorded, "nothing left: not recorded");
    assert_eq!(full.id, 4, "but numbered, in the order of submission");
    assert_eq!(w.applications().len(), 3);
    assert_eq!(
        full.assessment.blocking().next().unwrap().code,
        FindingCode::CeilingExhausted
    );
    assert_eq!(w.aid_counted(2026), Money::from_euro(7500));
    // Another year has its own budget.
    assert_eq!(
        w.apply(&small("2027-01-05", "1000"))
            .unwrap()
            .assessment
            .aid,
        Money::from_euro(300)
    );
}

#[test]
fn size_class_fixed_for_the_year() {
    let mut w = Wallet::new();
    apply_paid(&mut w, &small("2026-01-05", "1000"));
    let later = w
        .apply(&training("2026-06-05", "1000", SizeClass::Medium))
        .unwrap();
    // The class under the SME definition is shown as it is; the year's class sets the
    // wallet's class, its rate, and what the wallet records.
    assert_eq!(later.assessment.size_class, SizeClass::Medium);
    assert_eq!(later.assessment.wallet_class, Some(WalletClass::Small));
    assert_eq!(w.applications()[1].size_class, Some(SizeClass::Small));
    assert_eq!(later.assessment.rate, Percent::from_whole(30).unwrap());
    assert!(later
        .assessment
        .findings
        .iter()
        .any(|f| f.code == FindingCode::SizeClassFixedForYear));
    let next_year = w
        .apply(&training("2027-01-05", "1000", SizeClass::Medium))
        .unwrap();
    assert_eq!(next_year.assessment.size_class, SizeClass::Medium);
    // An application whose own share is never paid lapses without being granted: it fixes no
    // class (the first successful application does); until then it does, and an application
    // made meanwhile is granted under the class it fixed (recorded with it).
    let mut w = Wallet::new();
    w.apply(&training("2028-01-05", "1000", SizeClass::Medium))
        .unwrap(); // own share due by 19 January
    let before = w.clone().apply(&small("2028-01-19", "1000")).unwrap();
    assert_eq!(before.assessment.wallet_class, Some(WalletClass::Medium));
    let after = w.apply(&small("2028-01-20", "1000")).unwrap();
    assert_eq!(after.assessment.wallet_class, Some(WalletClass::Small));
    assert!(!after
        .assessment
        .findings
        .iter()
        .any(|f| f.code == FindingCode::SizeClassFixedForYear));
    assert_eq!(w.year_size_class(2028), Some(SizeClass::Small));
}

#[test]
fn stop_in_the_same_and_in_the_next_year() {
    let mut w = Wallet::new();
    let a = w.apply(&small("2025-11-03", "10000")).unwrap().id;
    let b = w.apply(&small("2025-11-10", "10000")).unwrap().id;
    w.pay(a, d("2025-11-10"), Money::from_euro(7000)).unwrap();
    w.pay(b, d("2025-11-10"), Money::from_euro(7000)).unwrap();
    w.release(a, d("2025-12-01"), Money::from_euro(4000))
        .unwrap();
    let same = w.stop(a, d("2025-12-20")).unwrap().settlement;
    // 4 000 released of 10 000: 2 800 of the own share and 1 200 of the aid were used.
    assert_eq!(same.own_share_used, Money::from_euro(2800));
    assert_eq!(same.aid_used, Money::from_euro(1200));
    assert_eq!(same.refund, Money::from_euro(4200));
    assert_eq!(same.aid_returned, Money::from_euro(1800));
    let next = w.stop(b, d("2026-01-05")).unwrap().settlement;
    assert_eq!(next.aid_returned, Money::ZERO);
    assert_eq!(w.aid_counted(2025), Money::from_euro(1200 + 3000));
    assert_eq!(
        w.stop(a, d("2026-01-06")),
        Err(WalletError::AlreadyEnded(a))
    );
}

#[test]
fn payments_releases_and_lapse() {
    let mut w = Wallet::new();
    let id = w.apply(&small("2026-03-10", "2000")).unwrap().id;
    let app = w.get(id).unwrap();
    assert_eq!(
        (app.own_share, app.vat),
        (Money::from_euro(1400), Money::from_euro(420))
    );
    assert_eq!(
        w.release(id, d("2026-03-11"), Money::from_euro(1)),
        Err(WalletError::OwnShareNotPaid(id))
    );
    assert_eq!(
        w.pay(id, d("2026-03-12"), Money::from_euro(400))
            .map(|p| p.due),
        Ok(Money::from_euro(1000))
    );
    assert!(matches!(
        w.pay(id, d("2026-03-12"), Money::from_euro(1001)),
        Err(WalletError::Overpayment { .. })
    ));
    assert_eq!(
        w.pay(id, d("2026-03-24"), Money::from_euro(1000))
            .map(|p| p.due),
        Ok(Money::ZERO)
    );
    assert_eq!(w.get(id).unwrap().available(), Money::from_euro(2000));
    assert_eq!(
        w.release(id, d("2026-05-01"), Money::from_euro(1500))
            .map(|r| r.available),
        Ok(Money::from_euro(500))
    );
    assert!(matches!(
        w.release(id, d("2026-05-02"), Money::parse("500.01").unwrap()),
        Err(WalletError::ReleaseExceedsBalance { .. })
    ));
    assert_eq!(
        w.release(id, d("2026-05-02"), Money::from_euro(500))
            .map(|r| r.available),
        Ok(Money::ZERO)
    );

    // Late payment: refused, the application has lapsed on the day after its deadline, and
    // the earlier payment is refunded. The refusal changes nothing: the next operation makes
    // the same lapse, on the same day.
    let late = w.apply(&small("2026-04-01", "2000")).unwrap().id;
    w.pay(late, d("2026-04-02"), Money::from_euro(100)).unwrap();
    let before = w.clone();
    match w.pay(late, d("2026-04-16"), Money::from_euro(100)) {
        Err(WalletError::Lapsed { id, on, settlement }) => {
            assert_eq!((id, on), (late, d("2026-04-16")));
            assert_eq!(settlement.refund, Money::from_euro(100));
            assert_eq!(settlement.aid_returned, Money::from_euro(600));
        }
        other => panic!("expected a lapse, got {other:?}"),
    }
    assert_eq!(w, before);
    let e = w
        .pay(late, d("2026-04-16"), Money::from_euro(100))
        .unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("APPLICATION_ENDED", "id"));
    assert_eq!(
        e.message(Lang::En),
        format!("Application {late} lapsed on 2026-04-16: its own share was not paid in full in time; EUR 100.00 is refunded.")
    );
    // Unpaid applications lapse when the deadline has passed.
    let unpaid = w.apply(&small("2026-06-01", "2000")).unwrap();
    assert_eq!(
        unpaid.lapsed,
        [late],
        "the application's date lapses the late one first"
    );
    assert!(matches!(w.get(late).unwrap().status, Status::Lapsed { .. }));
    assert_eq!(w.lapse_overdue(d("2026-06-15")), Ok(vec![]));
    assert_eq!(w.lapse_overdue(d("2026-06-16")), Ok(vec![unpaid.id]));
    assert!(w.lapse_overdue(Date::MAX).is_err());
}

#[test]
fn invalid_operations_leave_the_wallet_unchanged() {
    let mut w = Wallet::new();
    let id = w.apply(&small("2026-03-10", "2000")).unwrap().id;
    let before = w.clone();
    let attempts: Vec<WalletError> = vec![
        w.stop(99, d("2026-04-01")).unwrap_err(),
        w.pay(99, d("2026-04-01"), Money::from_euro(1)).unwrap_err(),
        w.pay(id, d("2026-03-01"), Money::from_euro(1)).unwrap_err(),
        w.pay(id, d("2026-03-11"), Money::ZERO).unwrap_err(),
        w.pay(id, d("2026-03-11"), Money::from_euro(1401))
            .unwrap_err(),
        w.release(id, d("2026-03-11"), Money::from_euro(1))
            .unwrap_err(),
        w.apply(&small("2026-01-01", "2000")).unwrap_err(),
        w.pay(id, Date::MAX, Money::from_euro(1)).unwrap_err(),
        w.stop(id, Date::MIN).unwrap_err(),
        w.apply(&Application {
            application_date: Date::MAX,
            ..small("2026-03-10", "2000")
        })
        .unwrap_err(),
        // Overdue on 1 April (its own share was due by 24 March): it has lapsed.
        w.stop(id, d("2026-04-01")).unwrap_err(),
    ];
    assert_eq!(w, before);
    assert!(matches!(attempts[0], WalletError::UnknownApplication(99)));
    assert!(matches!(attempts[2], WalletError::BeforeApplication { .. }));
    assert!(matches!(attempts[6], WalletError::OutOfOrder { .. }));
    for e in &attempts[7..10] {
        assert_eq!(e.code().as_str(), "INVALID_DATE", "{e:?}");
    }
    assert_eq!(
        (attempts[7].path(), attempts[8].path(), attempts[9].path()),
        ("date", "date", "application_date")
    );
    assert!(matches!(attempts[10], WalletError::Lapsed { .. }));
    w.pay(id, d("2026-03-24"), Money::from_euro(1400)).unwrap();
    w.stop(id, d("2026-04-01")).unwrap();
    let stopped = w.clone();
    assert_eq!(
        w.stop(id, d("2026-04-02")),
        Err(WalletError::AlreadyEnded(id))
    );
    assert_eq!(w, stopped);
}

#[test]
fn plan_hints_at_the_next_year() {
    let mut w = Wallet::new();
    apply_paid(&mut w, &small("2026-02-01", "23000")); // 6 900 of 7 500
    let plan = w
        .plan(&[small("2026-11-02", "5000"), small("2026-12-01", "1000")])
        .unwrap();
    assert_eq!(plan.items[0].assessment.aid, Money::from_euro(600));
    assert_eq!(
        plan.items[0].better_next_year,
        Some((d("2027-01-01"), Money::from_euro(1500)))
    );
    assert_eq!(plan.items[1].assessment.aid, Money::ZERO);
    let y2026 = plan.years.iter().find(|y| y.year == 2026).unwrap();
    assert_eq!(y2026.left, Money::ZERO);
    assert_eq!(
        w.aid_counted(2026),
        Money::from_euro(6900),
        "planning changes nothing"
    );
}

#[test]
fn wallet_2019_to_2020() {
    let mut w = Wallet::new();
    assert_eq!(
        apply_paid(&mut w, &small("2019-11-04", "20000"))
            .assessment
            .aid,
        Money::from_euro(8000)
    ); // 40 %
    assert_eq!(
        apply_paid(&mut w, &small("2019-12-02", "20000"))
            .assessment
            .aid,
        Money::from_euro(2000)
    ); // 30 %, capped at 10 000
    assert_eq!(
        apply_paid(&mut w, &small("2020-01-06", "30000"))
            .assessment
            .aid,
        Money::from_euro(7500)
    ); // new ceiling
    let years = w.years();
    assert_eq!(
        (years[0].ceiling, years[0].left),
        (Money::from_euro(10000), Money::ZERO)
    );
    assert_eq!(
        (years[1].ceiling, years[1].left),
        (Money::from_euro(7500), Money::ZERO)
    );
}

#[test]
fn edges_of_the_wallet_rules() {
    let mut w = Wallet::new();
    // Two applications on the same day are in order; paying on the application day is allowed.
    let a = w.apply(&small("2026-03-10", "2000")).unwrap().id;
    let b = w.apply(&small("2026-03-10", "2000")).unwrap().id;
    assert_eq!(
        w.get(a).unwrap().available(),
        Money::ZERO,
        "nothing to release before the own share is paid"
    );
    w.pay(a, d("2026-03-10"), Money::from_euro(1399)).unwrap();
    assert_eq!(
        w.get(a).unwrap().available(),
        Money::ZERO,
        "still not paid in full"
    );
    w.pay(a, d("2026-03-10"), Money::from_euro(1)).unwrap();
    assert_eq!(w.get(a).unwrap().available(), Money::from_euro(2000));
    w.stop(a, d("2026-03-11")).unwrap();
    assert_eq!(
        w.get(a).unwrap().available(),
        Money::ZERO,
        "nothing to release once stopped"
    );
    assert_eq!(
        counted_by_year(&w).into_iter().collect::<Vec<_>>(),
        [(2026, Money::from_euro(600))],
        "b still counts: its deadline (24 March) has not passed"
    );
    // The day after b's deadline, b has lapsed in its own year: its aid is back.
    let later = w.as_of(d("2026-03-25")).unwrap();
    assert_eq!(later.lapsed, [b]);
    assert_eq!(later.wallet.aid_counted(2026), Money::ZERO);
    // A plan item gets a next-year hint only when the next year gives strictly more aid.
    let plan = Wallet::new().plan(&[small("2026-06-01", "1000")]).unwrap();
    assert_eq!(
        plan.items[0].better_next_year, None,
        "same aid in 2027: no hint"
    );
    let mut full = Wallet::new();
    apply_paid(&mut full, &small("2026-01-05", "25000"));
    let plan = full.plan(&[small("2026-06-01", "1000")]).unwrap();
    assert_eq!(
        plan.items[0].better_next_year,
        Some((d("2027-01-01"), Money::from_euro(300)))
    );
}

#[derive(Clone, Debug)]
enum Op {
    Apply {
        year: i32,
        day: u16,
        cost: i64,
        medium: bool,
    },
    Pay {
        pick: usize,
        day: u16,
        cents: i64,
    },
    Release {
        pick: usize,
        day: u16,
        cents: i64,
    },
    Stop {
        pick: usize,
        day: u16,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (2019i32..=2021, 0u16..365, 100i64..40_000, any::<bool>()).prop_map(|(year, day, cost, medium)| Op::Apply { year, day, cost, medium }),
        2 => (any::<usize>(), 0u16..400, 1i64..2_000_000).prop_map(|(pick, day, cents)| Op::Pay { pick, day, cents }),
        2 => (any::<usize>(), 0u16..400, 1i64..3_000_000).prop_map(|(pick, day, cents)| Op::Release { pick, day, cents }),
        1 => (any::<usize>(), 0u16..500).prop_map(|(pick, day)| Op::Stop { pick, day }),
    ]
}

fn run(ops: &[Op]) -> Wallet {
    let mut w = Wallet::new();
    let jan1 = |y: i32| Date::from_calendar_date(y, time::Month::January, 1).unwrap();
    for op in ops {
        let ids: Vec<(u32, Date)> = w
            .applications()
            .iter()
            .map(|a| (a.id, a.application_date))
            .collect();
        let pick = |i: usize| ids.get(i % ids.len().max(1)).copied();
        let _ = match *op {
            Op::Apply {
                year,
                day,
                cost,
                medium,
            } => {
                let date = jan1(year) + time::Duration::days(i64::from(day));
                let class = if medium {
                    SizeClass::Medium
                } else {
                    SizeClass::Small
                };
                let mut app = training(&date.to_string(), &cost.to_string(), class);
                app.service.theme = None; // 2019–2021: no themes yet
                w.apply(&app).map(|_| ())
            }
            Op::Pay {
                pick: p,
                day,
                cents,
            } => match pick(p) {
                Some((id, date)) => w
                    .pay(
                        id,
                        date + time::Duration::days(i64::from(day) / 20),
                        Money::from_cents(cents).unwrap(),
                    )
                    .map(|_| ()),
                None => Ok(()),
            },
            Op::Release {
                pick: p,
                day,
                cents,
            } => match pick(p) {
                Some((id, date)) => w
                    .release(
                        id,
                        date + time::Duration::days(i64::from(day)),
                        Money::from_cents(cents).unwrap(),
                    )
                    .map(|_| ()),
                None => Ok(()),
            },
            Op::Stop { pick: p, day } => match pick(p) {
                Some((id, date)) => w
                    .stop(id, date + time::Duration::days(i64::from(day)))
                    .map(|_| ()),
                None => Ok(()),
            },
        };
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// A year's counted aid never exceeds its ceiling; refunds never exceed payments; releases
    /// never exceed what was paid in plus the aid.
    #[test]
    fn invariants(ops in prop::collection::vec(op(), 0..40)) {
        let w = run(&ops);
        for y in w.years() {
            prop_assert!(y.counted <= y.ceiling, "{:?}", y);
        }
        for a in w.applications() {
            prop_assert!(a.paid() <= a.own_share);
            prop_assert!(a.released() <= a.eligible_cost);
            if let Status::Stopped { settlement, .. } | Status::Lapsed { settlement, .. } = a.status {
                prop_assert!(settlement.refund <= a.paid());
                prop_assert_eq!(settlement.refund.checked_add(settlement.own_share_used), Some(a.paid()));
                prop_assert!(settlement.aid_returned <= a.aid);
            }
        }
    }

    /// Any wallet round-trips through its JSON document exactly.
    #[test]
    fn json_round_trip(ops in prop::collection::vec(op(), 0..40)) {
        let w = run(&ops);
        let text = wallet_to_json(&w).to_string();
        let back = wallet_from_json(&text).unwrap();
        prop_assert_eq!(&back, &w);
        prop_assert_eq!(wallet_to_json(&back).to_string(), text);
    }

    /// Applying the applications of unrelated years in another order changes nothing per year.
    #[test]
    fn order_of_unrelated_years_does_not_matter(ops in prop::collection::vec(op(), 0..30)) {
        let applies: Vec<Op> = ops.into_iter().filter(|o| matches!(o, Op::Apply { .. })).collect();
        let by_year = |y: i32| applies.iter().filter(move |o| matches!(o, Op::Apply { year, .. } if *year == y)).cloned();
        let forward: Vec<Op> = (2019..=2021).flat_map(by_year).collect();
        let backward: Vec<Op> = (2019..=2021).rev().flat_map(by_year).collect();
        // Compared on one later day: what lapses then is the same, whenever it was noticed.
        let end = d("2023-01-01");
        prop_assert_eq!(
            counted_by_year(&run(&forward).as_of(end).unwrap().wallet),
            counted_by_year(&run(&backward).as_of(end).unwrap().wallet)
        );
    }
}

/// The own-share deadline policy decides when a late payment makes an application lapse.
#[test]
fn lapsing_follows_the_own_share_policy() {
    let with = |policy: OwnShareDeadline, approval: Option<&str>| {
        let mut app = small("2026-03-10", "2000");
        app.options.own_share_deadline = policy;
        app.options.approval_date = approval.map(d);
        let mut w = Wallet::new();
        let id = w.apply(&app).unwrap().id;
        (w, id)
    };
    let own_share = Money::from_euro(1400);
    // Day 20 after the application: late under the default 14 days, in time under 30.
    let (mut w, id) = with(OwnShareDeadline::AfterApplication14Days, None);
    assert!(matches!(
        w.pay(id, d("2026-03-30"), own_share),
        Err(WalletError::Lapsed { .. })
    ));
    let (mut w, id) = with(OwnShareDeadline::AfterApplication30Days, None);
    assert_eq!(w.get(id).unwrap().pay_own_share_by, Some(d("2026-04-09")));
    assert!(matches!(
        w.pay(id, d("2026-03-30"), own_share),
        Ok(Payment { .. })
    ));
    let (mut w, id) = with(OwnShareDeadline::AfterApplication30Days, None);
    assert!(matches!(
        w.pay(id, d("2026-04-10"), own_share),
        Err(WalletError::Lapsed { .. })
    ));
    // 30 days after the approval.
    let (mut w, id) = with(OwnShareDeadline::AfterApproval30Days, Some("2026-03-20"));
    assert!(matches!(
        w.pay(id, d("2026-04-19"), own_share),
        Ok(Payment { .. })
    ));
    let (mut w, id) = with(OwnShareDeadline::AfterApproval30Days, Some("2026-03-20"));
    assert!(matches!(
        w.pay(id, d("2026-04-20"), own_share),
        Err(WalletError::Lapsed { .. })
    ));
    // Without an approval date there is no deadline to miss.
    let (mut w, id) = with(OwnShareDeadline::AfterApproval30Days, None);
    assert_eq!(w.get(id).unwrap().pay_own_share_by, None);
    assert!(matches!(
        w.pay(id, d("2026-12-30"), own_share),
        Ok(Payment { .. })
    ));
}

/// A refusal speaks the caller's language and names its field.
#[test]
fn refusals_have_codes_paths_and_messages() {
    let mut w = Wallet::new();
    let id = w.apply(&small("2026-03-10", "2000")).unwrap().id;
    let e = w
        .pay(id, d("2026-03-11"), Money::from_euro(5000))
        .unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("OVERPAYMENT", "amount"));
    assert!(
        e.message(Lang::Nl).contains("eigen aandeel"),
        "{}",
        e.message(Lang::Nl)
    );
    assert!(e.message(Lang::Fr).contains("quote-part"));
    let e = w
        .release(id, d("2026-03-11"), Money::from_euro(1))
        .unwrap_err();
    assert_eq!(e.code().as_str(), "OWN_SHARE_NOT_PAID");
    let e = w.stop(99, d("2026-03-11")).unwrap_err();
    assert_eq!((e.code().as_str(), e.path()), ("UNKNOWN_APPLICATION", "id"));
    // The error chain does not print the message twice.
    let invalid = WalletError::from(Money::from_cents(-1).unwrap_err());
    assert!(std::error::Error::source(&invalid).is_none());
    assert_eq!(
        invalid.to_string(),
        Money::from_cents(-1).unwrap_err().to_string()
    );
}

/// Hand-written histories are checked by the core, whatever built them.
#[test]
fn a_history_is_checked_when_built() {
    let app = |aid: u32, own: u32, cost: u32| WalletApplication {
        id: 1,
        application_date: d("2026-03-10"),
        service: None,
        size_class: None,
        rate: None,
        eligible_cost: Money::from_euro(cost),
        aid: Money::from_euro(aid),
        own_share: Money::from_euro(own),
        vat: Money::ZERO,
        pay_own_share_by: None,
        payments: Vec::new(),
        releases: Vec::new(),
        status: Status::Active,
    };
    assert!(Wallet::from_applications(vec![app(600, 1400, 2000)]).is_ok());
    let e = Wallet::from_applications(vec![app(600, 1400, 2001)]).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (
            InputErrorCode::InconsistentInput,
            "applications[0].eligible_cost"
        )
    );
    let e = Wallet::from_applications(vec![app(600, 1400, 2000), app(1, 1, 2)]).unwrap_err();
    assert_eq!(e.path, "applications[1].id");
    // The document refuses the same, with the same code and path.
    let doc = r#"{"applications":[{"application_date":"2026-03-10","aid":"600","own_share":"1400","eligible_cost":"2001"}]}"#;
    let e = wallet_from_json(doc).unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (
            InputErrorCode::InconsistentInput,
            "applications[0].eligible_cost"
        )
    );
}

/// The JSON wallet's lapse of what is overdue and its year's budget on a date are the typed
/// wallet's `lapse_overdue` and `as_of(date)?.wallet.year_budget(year)`, number for number;
/// a date the wallet does not take is refused at `date`, the wallet unchanged.
#[test]
fn the_document_lapses_and_budgets_as_the_typed_wallet() {
    use kmo_core::json::{wallet_budget_json, wallet_lapse_overdue_json};
    let mut typed = Wallet::new();
    typed.apply(&small("2026-02-09", "20000")).unwrap(); // own share due by 23 February
    typed.apply(&small("2026-02-10", "5000")).unwrap(); // due by 24 February
    let mut doc = typed.clone();
    let value = |text: String| serde_json::from_str::<serde_json::Value>(&text).unwrap();
    for day in ["2026-02-23", "2026-02-24", "2026-02-25", "2027-01-01"] {
        let as_of = typed.as_of(d(day)).unwrap();
        let year = as_of.wallet.year_budget(d(day).year());
        let budget = value(wallet_budget_json(&doc, day, Lang::En));
        assert_eq!(budget["lapsed"], serde_json::json!(as_of.lapsed), "{day}");
        assert_eq!(budget["year"]["left"], year.left.to_string(), "{day}");
        assert_eq!(budget["year"]["counted"], year.counted.to_string(), "{day}");
        assert_eq!(budget["year"]["year"], year.year, "{day}");
        assert_eq!(doc, typed, "the budget changes nothing");
    }
    assert_eq!(
        wallet_budget_json(&doc, "2026-02-25", Lang::En),
        // Both lapsed: neither was granted, so neither fixes the year's class.
        r#"{"lapsed":[1,2],"year":{"ceiling":"7500.00","counted":"0.00","left":"7500.00","size_class":null,"year":2026}}"#
    );
    let lapsed = typed.lapse_overdue(d("2026-02-24")).unwrap();
    assert_eq!(lapsed, [1]);
    assert_eq!(
        wallet_lapse_overdue_json(&mut doc, "2026-02-24", Lang::En),
        r#"{"lapsed":[1]}"#
    );
    assert_eq!(doc, typed);
    assert_eq!(
        wallet_lapse_overdue_json(&mut doc, "2026-02-24", Lang::En),
        r#"{"lapsed":[]}"#
    );
    for bad in ["2200-01-01", "24/02/2026"] {
        for answer in [
            wallet_lapse_overdue_json(&mut doc, bad, Lang::Fr),
            wallet_budget_json(&doc, bad, Lang::Fr),
        ] {
            let e = value(answer);
            assert_eq!(e["error"]["code"], "INVALID_DATE");
            assert_eq!(e["error"]["path"], "date");
            assert_eq!(
                e["error"]["message"],
                parse_date(bad).unwrap_err().message(Lang::Fr)
            );
        }
    }
    assert_eq!(doc, typed);
}

/// A year the history records no class for: from 2020 its ceiling is the one ceiling of both
/// classes, known without the class; in 2016–2019 the highest, the bound the history check
/// holds. The budget and an assessment against the wallet agree.
#[test]
fn a_year_without_a_recorded_class_has_its_ceiling() {
    use kmo_core::json::wallet_budget_json;
    let w =
        wallet_from_json(r#"{"applications":[{"application_date":"2026-03-10","aid":"7000.00"}]}"#)
            .unwrap();
    let year = w.year_budget(2026);
    assert_eq!(year.size_class, None);
    assert_eq!(
        (year.ceiling, year.counted, year.left),
        (
            Money::from_euro(7500),
            Money::from_euro(7000),
            Money::from_euro(500)
        )
    );
    let quote = w.assess(&small("2026-06-01", "2000")).unwrap();
    assert_eq!(
        (quote.aid, quote.ceiling),
        (Money::from_euro(500), year.ceiling)
    );
    assert!(wallet_to_json(&w).contains(
        r#""years":[{"ceiling":"7500.00","counted":"7000.00","left":"500.00","size_class":null,"year":2026}]"#
    ));
    // An empty wallet: the whole ceiling of the year is left.
    assert_eq!(
        wallet_budget_json(&Wallet::new(), "2027-01-02", Lang::En),
        r#"{"lapsed":[],"year":{"ceiling":"7500.00","counted":"0.00","left":"7500.00","size_class":null,"year":2027}}"#
    );
    // 2019, no class recorded: the medium ceiling, an upper bound; a medium enterprise's
    // assessment finds it, a small one's its own (lower) ceiling.
    let w =
        wallet_from_json(r#"{"applications":[{"application_date":"2019-03-11","aid":"9000.00"}]}"#)
            .unwrap();
    let year = w.year_budget(2019);
    assert_eq!(
        (year.ceiling, year.left),
        (Money::from_euro(15_000), Money::from_euro(6000))
    );
    let medium = w
        .assess(&training("2019-06-03", "20000", SizeClass::Medium))
        .unwrap();
    assert_eq!(
        (medium.ceiling, medium.aid),
        (year.ceiling, Money::from_euro(6000))
    );
    let small = w.assess(&small("2019-06-03", "20000")).unwrap();
    assert_eq!(
        (small.ceiling, small.aid),
        (Money::from_euro(10_000), Money::from_euro(1000))
    );
    // Before 2016 no ceiling applies.
    assert_eq!(Wallet::new().year_budget(2015).ceiling, Money::ZERO);
}

/// The history counts as it stands on the application date: an application dated after it does
/// not count and does not fix the year's class; a stop recorded for a later day has not happened
/// yet. The typed wallet, the request's `wallet` member and the budget on the date agree.
#[test]
fn the_history_counts_as_it_stands_on_the_application_date() {
    use kmo_core::json::{assess_json, wallet_budget_json};
    let request = |history: &str| {
        format!(
            r#"{{"application_date":"2026-06-01","lang":"en","enterprise":{{"size":{{"class":"small"}}}},
            "service":{{"kind":"training","theme":"innovatie","cost":"2000"}},"wallet":{{"applications":{history}}}}}"#
        )
    };
    let field = |doc: &str, key: &str| {
        let v: serde_json::Value = serde_json::from_str(doc).unwrap();
        v[key].clone()
    };
    // A later application (10 July, medium, 7 000): on 1 June it was not made yet.
    let later = r#"[{"application_date":"2026-07-10","aid":"7000.00","size_class":"medium"}]"#;
    let w = wallet_from_json(&format!(r#"{{"applications":{later}}}"#)).unwrap();
    let quote = w.assess(&small("2026-06-01", "2000")).unwrap();
    assert_eq!(quote.size_class, SizeClass::Small);
    assert_eq!(quote.rate.to_string(), "30");
    assert_eq!(
        (quote.aid, quote.ceiling_left),
        (Money::from_euro(600), Money::from_euro(6900))
    );
    let doc = assess_json(&request(later));
    assert_eq!(field(&doc, "size_class"), "small");
    assert_eq!(field(&doc, "aid"), "600.00");
    assert_eq!(field(&doc, "ceiling_left"), "6900.00");
    assert!(!doc.contains("SIZE_CLASS_FIXED_FOR_YEAR"));
    assert_eq!(
        wallet_budget_json(&w, "2026-06-01", Lang::En),
        r#"{"lapsed":[],"year":{"ceiling":"7500.00","counted":"0.00","left":"7500.00","size_class":null,"year":2026}}"#
    );
    // Recording it is another matter: the later application's answer would change.
    let mut typed = w.clone();
    assert!(matches!(
        typed.apply(&small("2026-06-01", "2000")),
        Err(WalletError::OutOfOrder { .. })
    ));
    // From its own date on, it counts and fixes the class.
    let july = w.assess(&small("2026-07-10", "2000")).unwrap();
    assert_eq!(
        (july.size_class, july.wallet_class, july.aid),
        (
            SizeClass::Small,
            Some(WalletClass::Medium),
            Money::from_euro(400)
        )
    );

    // A stop on 1 August has not happened on 1 June: the 7 000 still counts.
    let stopped = r#"[{"application_date":"2026-03-10","aid":"7000.00","size_class":"small","status":"stopped","ended_on":"2026-08-01"}]"#;
    let w = wallet_from_json(&format!(r#"{{"applications":{stopped}}}"#)).unwrap();
    let quote = w.assess(&small("2026-06-01", "2000")).unwrap();
    assert_eq!(
        (quote.aid, quote.ceiling_left),
        (Money::from_euro(500), Money::ZERO)
    );
    assert!(quote.capped);
    let doc = assess_json(&request(stopped));
    assert_eq!(field(&doc, "aid"), "500.00");
    assert_eq!(
        wallet_budget_json(&w, "2026-06-01", Lang::En),
        r#"{"lapsed":[],"year":{"ceiling":"7500.00","counted":"7000.00","left":"500.00","size_class":"small","year":2026}}"#
    );
    let app = &w.applications()[0];
    assert_eq!(app.status_on(d("2026-07-31")), Status::Active);
    assert_eq!(app.status_on(d("2026-08-01")), app.status);
    // On and after the stop its unused aid is back.
    assert_eq!(
        w.assess(&small("2026-08-01", "2000")).unwrap().aid,
        Money::from_euro(600)
    );
    // Letting lapse what is overdue does not undo a stop of a later day.
    let mut typed = w.clone();
    assert_eq!(
        typed.lapse_overdue(d("2026-06-01")).unwrap(),
        Vec::<u32>::new()
    );
    assert_eq!(typed, w);
    // A plan quotes on the same footing.
    let plan = w.plan(&[small("2026-06-01", "2000")]).unwrap();
    assert_eq!(plan.items[0].assessment.aid, Money::from_euro(500));
}

/// A wallet document is read as strictly as the typed operations act: a payment after the
/// own-share deadline, which `pay` refuses (the application has lapsed), does not keep the
/// application — the document reads it as lapsed on the day after the deadline, the payment
/// refunded; a lapse of an application whose own share was paid in full by its deadline, and a
/// release before the own share is paid in full, are refused.
#[test]
fn a_wallet_document_is_read_as_the_typed_operations_act() {
    use kmo_core::json::assess_json;
    let history = |payment: &str| {
        format!(
            r#"{{"applications":[{{"application_date":"2026-03-10","aid":"7000.00","own_share":"700.00",
            "pay_own_share_by":"2026-03-24","payments":[{{"date":"{payment}","amount":"700.00"}}],"size_class":"small"}}]}}"#
        )
    };
    // The typed door: the late payment is refused, the application has lapsed on 25 March.
    let mut typed = wallet_from_json(
        r#"{"applications":[{"application_date":"2026-03-10","aid":"7000.00","own_share":"700.00",
        "pay_own_share_by":"2026-03-24","size_class":"small"}]}"#,
    )
    .unwrap();
    let refused = typed.pay(1, d("2026-03-30"), Money::from_euro(700));
    assert!(matches!(refused, Err(WalletError::Lapsed { on, .. }) if on == d("2026-03-25")));
    // The document with that payment: lapsed on the same day, its aid back in 2026.
    let late = wallet_from_json(&history("2026-03-30")).unwrap();
    let app = &late.applications()[0];
    assert_eq!(app.lapses_on(), Some(d("2026-03-25")));
    match app.status_on(d("2026-06-01")) {
        Status::Lapsed { on, settlement } => {
            assert_eq!(on, d("2026-03-25"));
            assert_eq!(settlement.aid_returned, Money::from_euro(7000));
            assert_eq!(settlement.refund, Money::from_euro(700)); // the late payment, refunded
        }
        other => panic!("{other:?}"),
    }
    let on_june = late.as_of(d("2026-06-01")).unwrap();
    assert_eq!(on_june.lapsed, [1]);
    assert_eq!(
        late.year_budget_on(2026, d("2026-06-01")),
        typed.year_budget_on(2026, d("2026-06-01"))
    );
    assert_eq!(
        late.year_budget_on(2026, d("2026-06-01")).counted,
        Money::ZERO
    );
    assert_eq!(
        late.assess(&small("2026-06-01", "2000")).unwrap().aid,
        Money::from_euro(600)
    );
    let request = format!(
        r#"{{"application_date":"2026-06-01","lang":"en","enterprise":{{"size":{{"class":"small"}}}},
        "service":{{"kind":"training","theme":"innovatie","cost":"2000"}},"wallet":{}}}"#,
        history("2026-03-30")
    );
    assert!(assess_json(&request).contains(r#""ceiling_left":"6900.00""#));
    // Paid on the deadline itself, it holds: the 7 000 counts.
    let in_time = wallet_from_json(&history("2026-03-24")).unwrap();
    assert_eq!(
        in_time.as_of(d("2026-06-01")).unwrap().lapsed,
        Vec::<u32>::new()
    );
    assert_eq!(
        in_time.year_budget_on(2026, d("2026-06-01")).counted,
        Money::from_euro(7000)
    );

    // A lapse of an application paid in full by its deadline cannot have happened.
    let e = wallet_from_json(
        r#"{"applications":[{"application_date":"2026-03-10","aid":"7000.00","own_share":"700.00",
        "pay_own_share_by":"2026-03-24","payments":[{"date":"2026-03-20","amount":"700.00"}],
        "status":"lapsed","ended_on":"2026-03-25"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (InputErrorCode::InconsistentInput, "applications[0].status")
    );
    assert_eq!(
        e.message(Lang::En),
        "lapsed, but the own share 700.00 was paid in full by its deadline 2026-03-24"
    );
    // Without a recorded deadline a lapse is taken as written.
    assert!(wallet_from_json(
        r#"{"applications":[{"application_date":"2026-03-10","aid":"7000.00","own_share":"700.00",
        "status":"lapsed","ended_on":"2026-03-25"}]}"#
    )
    .is_ok());

    // A release before the own share is paid in full: `release` refuses it, so does the reader.
    let e = wallet_from_json(
        r#"{"applications":[{"application_date":"2026-03-10","aid":"600.00","own_share":"1400.00",
        "payments":[{"date":"2026-03-11","amount":"400.00"}],"releases":[{"date":"2026-03-12","amount":"500.00"}]}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (
            InputErrorCode::InconsistentInput,
            "applications[0].releases[0]"
        )
    );
    let mut typed = wallet_from_json(
        r#"{"applications":[{"application_date":"2026-03-10","aid":"600.00","own_share":"1400.00",
        "payments":[{"date":"2026-03-11","amount":"400.00"}]}]}"#,
    )
    .unwrap();
    assert_eq!(
        typed.release(1, d("2026-03-12"), Money::from_euro(500)),
        Err(WalletError::OwnShareNotPaid(1))
    );
    // Paid in full, a release is read as the typed wallet records it.
    let paid = r#"{"applications":[{"application_date":"2026-03-10","aid":"600.00","own_share":"1400.00",
        "payments":[{"date":"2026-03-11","amount":"1400.00"}],"releases":[{"date":"2026-03-12","amount":"500.00"}]}]}"#;
    assert!(wallet_from_json(paid).is_ok());
}

/// `lapsed_on` says what `status_on` says, without settling: for a running application, one
/// paid in time, one paid late, one stopped, one lapsed and recorded, on every day around them.
#[test]
fn lapsed_on_is_status_on_without_the_settlement() {
    let mut w = Wallet::new();
    w.apply(&small("2026-02-09", "20000")).unwrap(); // due by 23 February, never paid
    apply_paid(&mut w, &small("2026-02-10", "2000"));
    let stopped = w.apply(&small("2026-02-11", "2000")).unwrap().id;
    w.stop(stopped, d("2026-02-20")).unwrap();
    w.apply(&small("2026-03-01", "2000")).unwrap(); // due by 15 March
    let mut lapsed = w.clone();
    lapsed.lapse_overdue(d("2026-03-20")).unwrap();
    for wallet in [&w, &lapsed] {
        let mut day = d("2026-02-01");
        while day <= d("2026-04-01") {
            for a in wallet.applications() {
                assert_eq!(
                    a.lapsed_on(day),
                    a.status_on(day).kind() == kmo_core::wallet::StatusKind::Lapsed,
                    "{} on {day}",
                    a.id
                );
            }
            day = day.next_day().unwrap();
        }
    }
}
