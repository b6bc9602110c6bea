//! Every typed door as strict as the document: each item as a user met it, through
//! the typed API, and the JSON document's answer to the same question beside it — the same
//! numbers, or the same refusal (code and path).

use kmo_core::json::{classify_json, wallet_apply_json, wallet_from_json};
use kmo_core::sme::definition::{Period, SmeDefinition, Subject};
use kmo_core::sme::relations::{aggregate, Entity, Holding, Ownership};
use kmo_core::sme::thresholds::ExactFigures;
use kmo_core::wallet::{Status, Wallet, WalletApplication, WalletError};
use kmo_core::*;
use serde_json::Value;

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

/// The `error` object of a JSON answer: its code and path.
fn json_error(answer: &str) -> (String, String) {
    let v: Value = serde_json::from_str(answer).unwrap();
    let e = &v["error"];
    assert!(e.is_object(), "not an error: {answer}");
    (
        e["code"].as_str().unwrap().to_string(),
        e["path"].as_str().unwrap().to_string(),
    )
}

fn typed_error(e: &InputError) -> (String, String) {
    (e.code.as_str().to_string(), e.path.clone())
}

fn own(awu: u32, turnover: u32) -> Figures {
    Figures {
        staff: AnnualWorkUnits::whole(awu).unwrap(),
        turnover: Money::from_euro(turnover),
        balance_sheet: Money::from_euro(turnover),
    }
}

/// A company of 60 AWU with one partner at `pct` % whose figures are `partner`.
fn with_partner(partner: ExactFigures, pct: u8) -> Result<SmeDefinition, InputError> {
    let period = Period {
        ownership: Ownership {
            entities: vec![Entity::enterprise("P", partner)],
            holdings: vec![Holding::new("P", "self", Percent::from_whole(pct).unwrap())],
            controls: vec![],
        },
        ..Period::new(own(60, 5_000_000))
    };
    SmeDefinition::new(Subject::new("self"), vec![period], None, Default::default())
}

/// The same question as the document's single form.
fn with_partner_json(staff: &str, turnover: &str, balance: &str, pct: u8) -> String {
    classify_json(&format!(
        r#"{{"staff_awu":"60","turnover":"5000000","balance_sheet":"5000000",
            "entities":[{{"id":"P","staff_awu":"{staff}","turnover":"{turnover}","balance_sheet":"{balance}"}}],
            "holdings":[{{"holder":"P","held":"self","capital_pct":"{pct}"}}]}}"#
    ))
}

/// Items 1 and 2: figures the document refuses are refused by the typed graph, never added
/// (no panic on `Decimal::MAX`, no class from negative figures).
#[test]
fn graph_figures_are_checked_like_the_document() {
    let max = ExactFigures {
        staff: Decimal::MAX,
        turnover: Decimal::MAX,
        balance_sheet: Decimal::MAX,
    };
    let e = with_partner(max, 60).unwrap_err();
    assert_eq!(
        typed_error(&e),
        (
            "INVALID_NUMBER".into(),
            "periods[0].entities[0].staff_awu".into()
        )
    );
    let json = with_partner_json(&Decimal::MAX.to_string(), "1", "1", 60);
    assert_eq!(
        json_error(&json),
        ("INVALID_NUMBER".into(), "entities[0].staff_awu".into())
    );

    // The issue's partner: −100 AWU and −50 000 000 would have made a company of 60 AWU small.
    let negative = ExactFigures {
        staff: Decimal::from(-100),
        turnover: Decimal::from(-50_000_000),
        balance_sheet: Decimal::ZERO,
    };
    let e = with_partner(negative, 60).unwrap_err();
    assert_eq!(e.code, InputErrorCode::InvalidNumber);
    assert_eq!(e.path, "periods[0].entities[0].staff_awu");
    let json = with_partner_json("-100", "-50000000", "0", 60);
    assert_eq!(json_error(&json).1, "entities[0].staff_awu");
    assert_eq!(
        e.message(Lang::En),
        serde_json::from_str::<Value>(&json).unwrap()["error"]["message"]
            .as_str()
            .unwrap()
    );

    // Each field with its own code: a negative turnover, a balance finer than a cent.
    let bad_turnover = ExactFigures {
        staff: Decimal::ONE,
        turnover: Decimal::from(-1),
        balance_sheet: Decimal::ZERO,
    };
    let e = with_partner(bad_turnover, 30).unwrap_err();
    assert_eq!(
        typed_error(&e),
        (
            "NEGATIVE_AMOUNT".into(),
            "periods[0].entities[0].turnover".into()
        )
    );
    assert_eq!(
        json_error(&with_partner_json("1", "-1", "0", 30)),
        ("NEGATIVE_AMOUNT".into(), "entities[0].turnover".into())
    );
    let fine = ExactFigures {
        staff: Decimal::ONE,
        turnover: Decimal::ONE,
        balance_sheet: Decimal::new(1, 3),
    };
    let e = with_partner(fine, 30).unwrap_err();
    assert_eq!(
        typed_error(&e),
        (
            "TOO_MANY_DECIMALS".into(),
            "periods[0].entities[0].balance_sheet".into()
        )
    );

    // The largest figures the document accepts add up without overflow, at any weight.
    let largest = ExactFigures {
        staff: AnnualWorkUnits::MAX,
        turnover: Money::MAX.as_decimal(),
        balance_sheet: Money::MAX.as_decimal(),
    };
    let def = with_partner(largest, 100).unwrap();
    assert_eq!(def.class(), SizeClass::Large);
    let subject = Entity::enterprise("A", largest);
    let many = Ownership {
        entities: (0..40)
            .map(|i| Entity::enterprise(format!("B{i}"), largest))
            .collect(),
        holdings: (0..40)
            .map(|i| Holding::new("A", format!("B{i}"), Percent::HUNDRED))
            .collect(),
        controls: vec![],
    };
    let sum = aggregate(&subject, &many).unwrap();
    assert_eq!(sum.figures.staff, AnnualWorkUnits::MAX * Decimal::from(41));
}

fn training(date: &str, cost: u32) -> Application {
    Application::new(
        d(date),
        Enterprise::new(SizeInput::Declared(SizeClass::Small)),
        Service {
            theme: Some(Theme::Innovatie),
            ..Service::new(ServiceKind::Training, Money::from_euro(cost))
        },
    )
}

fn request(date: &str, cost: u32) -> String {
    format!(
        r#"{{"application_date":"{date}","lang":"en","enterprise":{{"size":{{"class":"small"}}}},
            "service":{{"kind":"training","theme":"innovatie","cost":"{cost}"}}}}"#
    )
}

/// Item 3: dates outside the document's years are refused by the typed API and the wallet.
#[test]
fn dates_outside_the_document_s_years_are_refused() {
    for date in [
        Date::MAX,
        Date::MIN,
        date(1899, 12, 31).unwrap_or(Date::MIN),
    ] {
        let app = Application {
            application_date: date,
            ..training("2026-03-10", 2000)
        };
        let e = assess(&app).unwrap_err();
        assert_eq!(
            typed_error(&e),
            ("INVALID_DATE".into(), "application_date".into())
        );
        assert!(Wallet::new().apply(&app).is_err());
    }
    let json = assess_json(&request("9999-12-31", 2000));
    assert_eq!(
        json_error(&json),
        ("INVALID_DATE".into(), "application_date".into())
    );
    assert_eq!(
        assess(&Application {
            application_date: Date::from_calendar_date(9999, Month::December, 31).unwrap(),
            ..training("2026-03-10", 2000)
        })
        .unwrap_err()
        .message(Lang::En),
        serde_json::from_str::<Value>(&json).unwrap()["error"]["message"]
            .as_str()
            .unwrap()
    );
    // A start date of Date::MAX is not recorded in a wallet.
    let mut w = Wallet::new();
    let mut app = training("2026-03-10", 2000);
    app.service.start_date = Some(Date::MAX);
    let e = w.apply(&app).unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.path()),
        ("INVALID_DATE", "service.start_date")
    );
    assert!(w.applications().is_empty());
    // Every other dated door: the de minimis aid, the options, the wallet's operations.
    let mut app = training("2026-03-10", 2000);
    app.options.approval_date = Some(Date::MIN);
    assert_eq!(
        assess(&app).unwrap_err().path,
        "options.approval_date".to_string()
    );
    let id = w.apply(&training("2026-03-10", 2000)).unwrap().id;
    for e in [
        w.pay(id, Date::MAX, Money::from_euro(1)).unwrap_err(),
        w.release(id, Date::MAX, Money::from_euro(1)).unwrap_err(),
        w.stop(id, Date::MAX).unwrap_err(),
        w.lapse_overdue(Date::MAX).unwrap_err(),
        w.as_of(Date::MIN).unwrap_err(),
    ] {
        assert_eq!((e.code().as_str(), e.path()), ("INVALID_DATE", "date"));
    }
    // The last days of 2199: an application whose own-share deadline would make it lapse
    // after 2199 is not recorded (its wallet document could not be read back); the day
    // before, it is. The document's apply says the same.
    let mut edge = Wallet::new();
    let mut doc = Wallet::new();
    assert!(edge.apply(&training("2199-12-16", 2000)).is_ok()); // due by 2199-12-30
    let e = edge.apply(&training("2199-12-17", 2000)).unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.path()),
        ("INVALID_DATE", "application_date")
    );
    wallet_apply_json(&mut doc, &request("2199-12-16", 2000));
    let answer = wallet_apply_json(&mut doc, &request("2199-12-17", 2000));
    assert_eq!(
        json_error(&answer),
        ("INVALID_DATE".into(), "application_date".into())
    );
    assert_eq!(doc, edge);
    assert_eq!(
        wallet_from_json(&kmo_core::json::wallet_to_json(&edge)).unwrap(),
        edge
    );
    // A recorded application's dates too (the wallet document refuses them at read).
    let recorded = WalletApplication {
        pay_own_share_by: Some(Date::MAX),
        ..w.applications()[0].clone()
    };
    let e = Wallet::from_applications(vec![recorded]).unwrap_err();
    assert_eq!(
        typed_error(&e),
        (
            "INVALID_DATE".into(),
            "applications[0].pay_own_share_by".into()
        )
    );
}

/// Item 4, as the issue met it: two 2026 applications whose own shares were never paid
/// (deadlines 23 February and 16 March), then a new application on 6 April for EUR 20 000.
#[test]
fn the_wallet_lapses_what_is_overdue_before_it_answers() {
    let mut w = Wallet::new();
    let first = w.apply(&training("2026-02-09", 10_000)).unwrap();
    let second = w.apply(&training("2026-03-02", 10_000)).unwrap();
    assert_eq!(
        w.get(first.id).unwrap().pay_own_share_by,
        Some(d("2026-02-23"))
    );
    assert_eq!(
        w.get(second.id).unwrap().pay_own_share_by,
        Some(d("2026-03-16"))
    );
    // Seen from 6 April without recording anything: both have lapsed in their year.
    assert_eq!(
        w.assess(&training("2026-04-06", 20_000)).unwrap().aid,
        Money::from_euro(6000)
    );
    let mut json_wallet = w.clone();
    let third = w.apply(&training("2026-04-06", 20_000)).unwrap();
    assert_eq!(third.assessment.aid, Money::from_euro(6000));
    // The second application (2 March) came after the first one's deadline: it let the
    // first lapse; the third lets the second lapse. Each answer says so.
    assert_eq!(second.lapsed, [first.id]);
    assert_eq!(third.lapsed, [second.id]);
    for id in [first.id, second.id] {
        assert!(matches!(w.get(id).unwrap().status, Status::Lapsed { .. }));
    }
    // The JSON wallet gives the same numbers and says the same.
    let answer: Value = serde_json::from_str(&wallet_apply_json(
        &mut json_wallet,
        &request("2026-04-06", 20_000),
    ))
    .unwrap();
    assert_eq!(answer["assessment"]["aid"], "6000.00");
    assert_eq!(answer["lapsed"], serde_json::json!([2]));
    assert_eq!(json_wallet, w);
    // And so does a request that carries the same history.
    let history = kmo_core::json::wallet_to_json(&{
        let mut before = Wallet::new();
        before.apply(&training("2026-02-09", 10_000)).unwrap();
        before.apply(&training("2026-03-02", 10_000)).unwrap();
        before
    });
    let with_history = format!(
        r#"{{"application_date":"2026-04-06","lang":"en","enterprise":{{"size":{{"class":"small"}}}},
            "service":{{"kind":"training","theme":"innovatie","cost":"20000"}},"wallet":{history}}}"#
    );
    let answer: Value = serde_json::from_str(&assess_json(&with_history)).unwrap();
    assert_eq!(answer["aid"], "6000.00");
    // A late payment is an error a `?` sees, and it changes nothing.
    let mut late = Wallet::new();
    let id = late.apply(&training("2026-02-09", 10_000)).unwrap().id;
    let before = late.clone();
    let e = late
        .pay(id, d("2026-02-24"), Money::from_euro(7000))
        .unwrap_err();
    assert!(matches!(e, WalletError::Lapsed { on, .. } if on == d("2026-02-24")));
    assert_eq!(late, before);
    // Paid on the deadline itself: in time.
    assert!(late
        .pay(id, d("2026-02-23"), Money::from_euro(7000))
        .is_ok());
}

/// Item 5: approved accounts cannot close after the application.
#[test]
fn a_period_closing_after_the_application_is_refused_unless_an_estimate() {
    let period = |closing: &str, estimate: bool| Period {
        closing_date: Some(d(closing)),
        estimate,
        ..Period::new(own(12, 1_000_000))
    };
    let app = |estimate: bool| {
        let def = SmeDefinition::new(
            Subject::new("self"),
            vec![period("2024-12-31", false), period("2026-12-31", estimate)],
            None,
            Default::default(),
        )
        .unwrap();
        Application {
            enterprise: Enterprise::new(SizeInput::Full(Box::new(def))),
            ..training("2026-03-10", 2000)
        }
    };
    let e = assess(&app(false)).unwrap_err();
    assert_eq!(
        typed_error(&e),
        (
            "INCONSISTENT_INPUT".into(),
            "enterprise.size.periods[1].closing_date".into()
        )
    );
    assert!(assess(&app(true)).is_ok());
    let json = |estimate: bool| {
        assess_json(&format!(
            r#"{{"application_date":"2026-03-10","lang":"en","enterprise":{{"size":{{"periods":[
                {{"closing_date":"2024-12-31","staff_awu":"12","turnover":"1000000","balance_sheet":"1000000"}},
                {{"closing_date":"2026-12-31","estimate":{estimate},"staff_awu":"12","turnover":"1000000","balance_sheet":"1000000"}}]}}}},
                "service":{{"kind":"training","theme":"innovatie","cost":"2000"}}}}"#
        ))
    };
    assert_eq!(json_error(&json(false)), typed_error(&e));
    assert!(!json(true).contains(r#""error""#));
    // The single form names its own closing date.
    let single = assess_json(
        r#"{"application_date":"2026-03-10","enterprise":{"size":{"closing_date":"2026-06-30",
            "staff_awu":"12","turnover":"1000000","balance_sheet":"1000000","entities":[]}},
            "service":{"kind":"training","theme":"innovatie","cost":"2000"}}"#,
    );
    assert_eq!(
        json_error(&single),
        (
            "INCONSISTENT_INPUT".into(),
            "enterprise.size.closing_date".into()
        )
    );
}

/// Item 6: a history above its year's ceiling is refused, in one place for both doors.
#[test]
fn a_history_above_its_year_s_ceiling_is_refused() {
    let doc = r#"{"applications":[
        {"application_date":"2026-01-10","aid":"4500.00"},
        {"application_date":"2026-03-10","aid":"4500.00"}]}"#;
    let e = wallet_from_json(doc).unwrap_err();
    // No class recorded: the year's highest ceiling, 7 500 in 2026.
    assert_eq!(
        typed_error(&e),
        ("INCONSISTENT_INPUT".into(), "applications[1].aid".into())
    );
    assert!(e.message(Lang::En).contains("9000.00"));
    // The same history in a request.
    let json = assess_json(&format!(
        r#"{{"application_date":"2026-06-01","enterprise":{{"size":{{"class":"small"}}}},
            "service":{{"kind":"training","theme":"innovatie","cost":"2000"}},"wallet":{doc}}}"#
    ));
    assert_eq!(
        json_error(&json),
        (
            "INCONSISTENT_INPUT".into(),
            "wallet.applications[1].aid".into()
        )
    );
    // 2019, medium: a ceiling of 15 000, so 9 000 is a valid history; small: 10 000.
    let year = |class: &str, aid: &str| {
        wallet_from_json(&format!(
            r#"{{"applications":[{{"application_date":"2019-02-01","aid":"{aid}","size_class":"{class}"}}]}}"#
        ))
    };
    assert!(year("medium", "15000").is_ok());
    assert!(year("medium", "15000.01").is_err());
    assert!(year("small", "10000").is_ok());
    assert!(year("small", "10000.01").is_err());
    // A large class before 2026 has no ceiling: no aid can be recorded for it.
    assert!(year("large", "0").is_ok());
    assert!(year("large", "1").is_err());
    // Stopped in its own year: what returned does not count.
    let stopped = r#"{"applications":[
        {"application_date":"2026-01-10","aid":"4500.00","status":"stopped","ended_on":"2026-02-01"},
        {"application_date":"2026-03-10","aid":"4500.00"}]}"#;
    assert!(wallet_from_json(stopped).is_ok());
}

/// Issue 28: ids in the order of submission, ineligible applications included, kept across a
/// round trip of the wallet document.
#[test]
fn ids_follow_the_order_of_submission() {
    let mut w = Wallet::new();
    let a = w.apply(&training("2026-03-10", 2000)).unwrap();
    let refused = w.apply(&training("2026-03-11", 10)).unwrap(); // below the minimum
    assert!(!refused.recorded);
    assert_eq!((a.id, refused.id), (1, 2));
    let back = wallet_from_json(&kmo_core::json::wallet_to_json(&w)).unwrap();
    assert_eq!(back, w);
    assert_eq!(back.next_id(), Some(3));
    let mut back = back;
    assert_eq!(back.apply(&training("2026-03-12", 2000)).unwrap().id, 3);
    // next_id must be above every id.
    let e = wallet_from_json(
        r#"{"applications":[{"id":5,"application_date":"2026-01-10","aid":"1"}],"next_id":5}"#,
    )
    .unwrap_err();
    assert_eq!(
        typed_error(&e),
        ("INCONSISTENT_INPUT".into(), "next_id".into())
    );
}

/// An approval before the application (the own share would be due before the application)
/// is refused by the typed API, the wallet, the quick quote and the document alike; an
/// approval on the application day is taken.
#[test]
fn an_approval_before_the_application_is_refused_everywhere() {
    let mut app = training("2026-03-10", 2000);
    app.options.own_share_deadline = OwnShareDeadline::AfterApproval30Days;
    app.options.approval_date = Some(d("2026-03-09"));
    let e = assess(&app).unwrap_err();
    let expected = (
        "INCONSISTENT_INPUT".to_string(),
        "options.approval_date".to_string(),
    );
    assert_eq!(typed_error(&e), expected);
    let wallet = Wallet::new().apply(&app).unwrap_err();
    assert_eq!(
        (wallet.code().as_str(), wallet.path()),
        ("INCONSISTENT_INPUT", "options.approval_date")
    );
    let with_options = |approval: &str| {
        request("2026-03-10", 2000).replacen(
            r#""lang":"en","#,
            &format!(
                r#""lang":"en","options":{{"own_share_deadline":"after_approval_30_days","approval_date":"{approval}"}},"#
            ),
            1,
        )
    };
    let json = assess_json(&with_options("2026-03-09"));
    assert_eq!(json_error(&json), expected);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["error"]["message"].as_str(),
        Some(e.message(Lang::En).as_str())
    );
    let quick = kmo_core::json::quote_json(
        r#"{"application_date":"2026-03-10","size_class":"small","kind":"training","cost":"2000",
            "options":{"own_share_deadline":"after_approval_30_days","approval_date":"2026-03-09"}}"#,
    );
    assert_eq!(json_error(&quick), expected);
    // Whatever the policy: an approval cannot come before what it approves.
    app.options.own_share_deadline = OwnShareDeadline::AfterApplication14Days;
    assert_eq!(typed_error(&assess(&app).unwrap_err()), expected);
    app.options.own_share_deadline = OwnShareDeadline::AfterApproval30Days;
    app.options.approval_date = Some(d("2026-03-10"));
    let due = assess(&app).unwrap().deadlines.pay_own_share_by;
    assert_eq!(due, Some(d("2026-04-09")));
    let answer: Value = serde_json::from_str(&assess_json(&with_options("2026-03-10"))).unwrap();
    assert_eq!(answer["deadlines"]["pay_own_share_by"], "2026-04-09");
}

#[test]
fn an_estimate_in_the_simple_figures_form_is_the_one_period_of_the_full_form() {
    let doc = |estimate: &str| {
        assess_json(&format!(
            r#"{{"application_date":"2026-03-10","lang":"en","enterprise":{{"size":{{
                "staff_awu":"12","turnover":"1000000","balance_sheet":"1000000"{estimate}}}}},
                "service":{{"kind":"training","theme":"innovatie","cost":"2000"}}}}"#
        ))
    };
    let codes = |answer: &str| -> Vec<String> {
        let v: Value = serde_json::from_str(answer).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap().to_string())
            .collect()
    };
    // `estimate: true` is read, not ignored: the size rests on an estimate (art. 4(3)), as
    // the typed one-period definition with `estimate` says.
    let estimate = doc(r#","estimate":true"#);
    assert!(codes(&estimate).contains(&"SIZE_FROM_ESTIMATE".to_string()));
    assert!(!codes(&estimate).contains(&"UNKNOWN_FIELD_IGNORED".to_string()));
    let def = SmeDefinition::new(
        Subject::new("self"),
        vec![Period {
            estimate: true,
            ..Period::new(own(12, 1_000_000))
        }],
        None,
        Default::default(),
    )
    .unwrap();
    let typed = assess(&Application {
        enterprise: Enterprise::new(SizeInput::Full(Box::new(def))),
        ..training("2026-03-10", 2000)
    })
    .unwrap();
    assert!(typed
        .findings
        .iter()
        .any(|f| f.code == FindingCode::SizeFromEstimate));
    // `estimate: false` is the plain figures, without a word.
    for plain in [doc(r#","estimate":false"#), doc("")] {
        assert!(!codes(&plain).contains(&"SIZE_FROM_ESTIMATE".to_string()));
        assert!(!codes(&plain).contains(&"UNKNOWN_FIELD_IGNORED".to_string()));
    }
    assert_eq!(
        json_error(&doc(r#","estimate":"yes""#)),
        ("WRONG_TYPE".into(), "enterprise.size.estimate".into())
    );
}

#[test]
fn a_period_without_a_closing_date_is_named_by_its_place() {
    let answer = assess_json(
        r#"{"application_date":"2026-03-10","lang":"en","enterprise":{"size":{"periods":[
            {"staff_awu":"12","turnover":"1000000","balance_sheet":"1000000"},
            {"closing_date":"2025-12-31","staff_awu":"12","turnover":"1000000","balance_sheet":"1000000"}]}},
            "service":{"kind":"training","theme":"innovatie","cost":"2000"}}"#,
    );
    let v: Value = serde_json::from_str(&answer).unwrap();
    let texts: Vec<&str> = v["trace"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["step"] == "sme_period")
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(texts[0].starts_with("Period 1: 12 AWU"), "{}", texts[0]);
    assert!(
        texts[1].starts_with("Period 2025-12-31: 12 AWU"),
        "{}",
        texts[1]
    );
}

#[test]
fn a_staff_member_s_months_are_refused_naming_their_range() {
    let answer = |months: &str| {
        let v: Value = serde_json::from_str(&assess_json(&format!(
            r#"{{"application_date":"2026-03-10","lang":"en","enterprise":{{"size":{{
                "staff":[{{"role":"employee","months":{months}}}],"turnover":"1","balance_sheet":"1"}}}},
                "service":{{"kind":"training","theme":"innovatie","cost":"2000"}}}}"#
        )))
        .unwrap();
        let e = &v["error"];
        (
            e["code"].as_str().unwrap().to_string(),
            e["path"].as_str().unwrap().to_string(),
            e["message"].as_str().unwrap().to_string(),
        )
    };
    for months in ["6.5", "300", "-1"] {
        let (code, path, message) = answer(months);
        assert_eq!(
            (code.as_str(), path.as_str()),
            ("INVALID_NUMBER", "enterprise.size.staff[0].months")
        );
        assert!(message.contains("0–12"), "{months}: {message}");
        assert!(!message.contains("255"), "{months}: {message}");
    }
    // A whole number above 12 is the staff member's own check, as in the typed door.
    let (code, _, message) = answer("13");
    assert_eq!(code, "INVALID_NUMBER");
    assert!(message.contains("more than a year"), "{message}");
}

/// Staff is never rounded (REC-2003/361 art. 2): a figure with many decimals is taken exactly
/// by every door, the document and every typed constructor alike, and classified exactly
/// (9.9999999 AWU is micro, 10 is not); negative staff is refused alike.
#[test]
fn staff_with_many_decimals_is_taken_exactly_by_every_door() {
    let document = |staff: &str| {
        assess_json(&format!(
            r#"{{"application_date":"2026-03-10","lang":"en","enterprise":{{"size":{{
                "staff_awu":{staff},"turnover":"0","balance_sheet":"0"}}}},
                "service":{{"kind":"training","theme":"personeelsmanagement","cost":"2000"}}}}"#
        ))
    };
    let class = |answer: &str| {
        serde_json::from_str::<Value>(answer).unwrap()["size_class"]
            .as_str()
            .map(str::to_string)
    };
    // The document: strings and JSON numbers with more decimals than six, up to 28 digits.
    assert_eq!(class(&document(r#""9.9999999""#)).as_deref(), Some("micro"));
    assert_eq!(
        class(&document("9.916666666666666")).as_deref(),
        Some("micro")
    );
    assert_eq!(
        class(&document(r#""9.999999999999999999999999999""#)).as_deref(),
        Some("micro")
    );
    assert_eq!(
        class(&document(r#""10.0000000""#)).as_deref(),
        Some("small")
    );
    assert_eq!(
        class(&document(r#""49.99999999999999""#)).as_deref(),
        Some("small")
    );
    // More than `Decimal` holds is refused, not rounded.
    let (code, path) = json_error(&document(&format!(r#""9.{}""#, "9".repeat(40))));
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("INVALID_NUMBER", "enterprise.size.staff_awu")
    );

    // The typed constructors take the same figures.
    let seven = Decimal::new(99_999_999, 7); // 9.9999999
    let f = Figures::new(seven, Decimal::ZERO, Decimal::ZERO).unwrap();
    assert_eq!(f.class(), SizeClass::Micro);
    assert_eq!(
        AnnualWorkUnits::from_exact(seven).unwrap().as_decimal(),
        seven
    );
    assert_eq!(
        AnnualWorkUnits::from_decimal(seven).unwrap().as_decimal(),
        seven
    );
    assert!(with_partner(
        ExactFigures {
            staff: Decimal::new(12_345_678, 7),
            turnover: Decimal::ZERO,
            balance_sheet: Decimal::ZERO,
        },
        30
    )
    .is_ok());
    assert!(!json_error_or_none(&with_partner_json(
        "1.2345678",
        "0",
        "0",
        30
    )));

    // Negative with many decimals: the document's reason, as for any negative staff.
    let negative =
        Figures::new(Decimal::new(-12_345_678, 7), Decimal::ZERO, Decimal::ZERO).unwrap_err();
    let (code, path) = json_error(&document(r#""-1.2345678""#));
    assert_eq!(
        (negative.code.as_str(), negative.path.as_str()),
        (code.as_str(), "staff_awu")
    );
    assert_eq!(
        negative.message(Lang::En),
        serde_json::from_str::<Value>(&document(r#""-1.2345678""#)).unwrap()["error"]["message"]
            .as_str()
            .unwrap()
    );
    assert_eq!(path, "enterprise.size.staff_awu");

    // A staff list's count (two thirds of a year: 0.666…7) is taken as it is.
    let eight_months = sme::headcount::annual_work_units(&[sme::headcount::StaffMember {
        months: 8,
        ..sme::headcount::StaffMember::full_time(sme::headcount::StaffRole::Employee)
    }])
    .unwrap();
    assert_eq!(
        eight_months.as_decimal(),
        Decimal::from(8) / Decimal::from(12)
    );
    assert_eq!(
        AnnualWorkUnits::from_exact(eight_months.as_decimal()),
        Ok(eight_months)
    );
}

/// Whether an answer is an error document.
fn json_error_or_none(answer: &str) -> bool {
    serde_json::from_str::<Value>(answer)
        .unwrap()
        .get("error")
        .is_some()
}

/// A cycle of control rights is refused at the right that closes it, in the typed door as in
/// the document; a cycle of majorities of votes at the holdings.
#[test]
fn a_control_cycle_is_refused_where_it_closes() {
    use kmo_core::sme::relations::{Control, ControlRight};
    let fig = ExactFigures {
        staff: Decimal::ONE,
        turnover: Decimal::ONE,
        balance_sheet: Decimal::ONE,
    };
    let right = |holder: &str, held: &str| Control {
        holder: holder.into(),
        held: held.into(),
        right: ControlRight::BoardMajority,
    };
    let define = |holdings: Vec<Holding>, controls: Vec<Control>| {
        let period = Period {
            ownership: Ownership {
                entities: vec![Entity::enterprise("X", fig)],
                holdings,
                controls,
            },
            ..Period::new(own(20, 1))
        };
        SmeDefinition::new(Subject::new("self"), vec![period], None, Default::default())
    };
    let e = define(vec![], vec![right("X", "self"), right("self", "X")]).unwrap_err();
    assert_eq!(
        typed_error(&e),
        ("INCONSISTENT_INPUT".into(), "periods[0].controls[1]".into())
    );
    let json = classify_json(
        r#"{"staff_awu":"20","turnover":"1","balance_sheet":"1",
            "entities":[{"id":"X","staff_awu":"1","turnover":"1","balance_sheet":"1"}],
            "controls":[{"holder":"X","held":"self","right":"board_majority"},
                        {"holder":"self","held":"X","right":"board_majority"}]}"#,
    );
    assert_eq!(
        json_error(&json),
        ("INCONSISTENT_INPUT".into(), "controls[1]".into())
    );
    let sixty = Percent::from_whole(60).unwrap();
    let e = define(
        vec![
            Holding::new("X", "self", sixty),
            Holding::new("self", "X", sixty),
        ],
        vec![],
    )
    .unwrap_err();
    assert_eq!(e.path, "periods[0].holdings");
}
