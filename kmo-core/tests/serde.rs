//! The serde forms (feature `serde`): value types as text in both directions, the same
//! refusals as the JSON document, never a float; the request, the response, the wallet and its
//! answers as their documents.

use kmo_core::json::{parse_request, request_to_json, wallet_to_json};
use kmo_core::wallet::{Applied, Payment, Plan, Settlement, Stop, Wallet, YearBudget};
use kmo_core::{
    assess, assess_json, parse_date, AnnualWorkUnits, Application, Assessment, Enterprise,
    EnterpriseNumber, FindingCode, InputErrorCode, Lang, LegalForm, Money, NaceCode, Percent,
    ProviderNumber, Service, ServiceKind, SizeClass, SizeInput, Theme,
};
use serde::{Deserialize, Serialize};

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[test]
fn money_is_a_string_with_two_decimals() {
    assert_eq!(json(&Money::parse("1400").unwrap()), r#""1400.00""#);
    assert_eq!(
        read::<Money>(r#""2000.5""#).unwrap(),
        Money::parse("2000.50").unwrap()
    );
    // Numbers from a self-describing format: integers as they are, floats by their shortest
    // round-trip text (0.1 is 0.10, not 0.1000000000000000055511151231257827).
    assert_eq!(read::<Money>("2000").unwrap(), Money::from_euro(2000));
    assert_eq!(read::<Money>("0.1").unwrap(), Money::parse("0.10").unwrap());
    assert_eq!(read::<Money>("1234.56").unwrap().cents(), 123_456);
    // Round trip at the edges.
    for text in ["0.00", "0.01", "999999999999.99", "1000000000000.00"] {
        let m = Money::parse(text).unwrap();
        assert_eq!(json(&m), format!("\"{text}\""));
        assert_eq!(read::<Money>(&json(&m)).unwrap(), m);
    }
}

#[test]
fn money_refuses_what_the_document_refuses() {
    for (text, words) in [
        (r#""-1""#, "negative"),
        (r#""1,5""#, "1,5"),
        (r#""1.001""#, "cent"),
        (r#""1000000000000.01""#, "1000000000000.01"),
        ("-3", "negative"),
        ("0.001", "cent"),
        ("true", "an amount in euro"),
        ("null", "an amount in euro"),
    ] {
        let e = read::<Money>(text).unwrap_err();
        assert!(e.to_lowercase().contains(words), "{text}: {e}");
    }
    // The message is the document's: the same words as Money::parse gives.
    let direct = Money::parse("1,5").unwrap_err().to_string();
    assert!(read::<Money>(r#""1,5""#).unwrap_err().contains(&direct));
    assert_eq!(
        Money::parse("1,5").unwrap_err().code,
        InputErrorCode::InvalidAmount
    );
}

#[test]
fn percentages_and_staff_are_strings() {
    let p: Percent = read(r#""21""#).unwrap();
    assert_eq!(read::<Percent>(&json(&p)).unwrap(), p);
    assert_eq!(
        read::<Percent>("25").unwrap(),
        Percent::parse("25").unwrap()
    );
    assert!(read::<Percent>(r#""100.01""#).is_err());
    assert!(read::<Percent>(r#""12.34567""#).is_err());
    let awu: AnnualWorkUnits = read("12.5").unwrap();
    assert_eq!(json(&awu), format!("\"{awu}\""));
    assert_eq!(read::<AnnualWorkUnits>(&json(&awu)).unwrap(), awu);
    assert!(read::<AnnualWorkUnits>(r#""-1""#).is_err());
}

#[test]
fn identifiers_are_their_canonical_text_and_never_numbers() {
    let p: ProviderNumber = read(r#""DV.O105264""#).unwrap();
    assert_eq!(json(&p), r#""DV.O105264""#);
    assert!(read::<ProviderNumber>(r#""DV.X105264""#).is_err());
    let n: NaceCode = read(r#""62.010""#).unwrap();
    assert_eq!(read::<NaceCode>(&json(&n)).unwrap(), n);
    assert!(read::<NaceCode>("62").unwrap_err().contains("NACE-BEL"));
    let e: EnterpriseNumber =
        read(&json(&EnterpriseNumber::parse("0403.199.702").unwrap())).unwrap();
    assert_eq!(e, EnterpriseNumber::parse("0403.199.702").unwrap());
    assert!(read::<EnterpriseNumber>(r#""0403.199.703""#).is_err());
}

#[test]
fn coded_values_are_their_codes() {
    assert_eq!(json(&SizeClass::Medium), r#""medium""#);
    assert_eq!(
        json(&FindingCode::CeilingExhausted),
        format!("\"{}\"", FindingCode::CeilingExhausted.as_str())
    );
    for t in Theme::ALL {
        assert_eq!(read::<Theme>(&json(t)).unwrap(), *t);
    }
    for f in LegalForm::ALL {
        assert_eq!(read::<LegalForm>(&json(f)).unwrap(), *f);
    }
    let e = read::<SizeClass>(r#""Small""#).unwrap_err();
    assert!(e.contains("Small") && e.contains("micro"), "{e}");
    assert!(
        read::<SizeClass>("1").is_err(),
        "the numbering of the C face is not the serde form"
    );
}

#[test]
fn in_a_caller_s_own_struct() {
    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Invoice {
        amount: Money,
        vat_rate: Percent,
        size: SizeClass,
    }
    let text = r#"{"amount":"1250.50","vat_rate":"21","size":"small"}"#;
    let invoice: Invoice = serde_json::from_str(text).unwrap();
    assert_eq!(invoice.amount.cents(), 125_050);
    assert_eq!(serde_json::to_string(&invoice).unwrap(), text);
}

/// A request of a group (the full SME definition), in French, with a wallet history.
const GROUP: &str = r#"{"application_date": "2026-06-10", "lang": "fr",
  "enterprise": {"legal_form": "bv", "flemish_establishment": true, "nace": "62.010",
    "size": {"id": "A", "market": "62",
      "periods": [
        {"closing_date": "2024-12-31", "staff_awu": "8", "turnover": "1500000", "balance_sheet": "900000"},
        {"closing_date": "2025-12-31", "staff": [{"role": "employee", "months": 8}, {"role": "owner_manager"}],
         "turnover": "1600000", "balance_sheet": "950000"}],
      "entities": [{"id": "C", "staff_awu": "30", "turnover": "9000000", "balance_sheet": "6000000"}],
      "holdings": [{"holder": "A", "held": "C", "capital_pct": "33"}]}},
  "service": {"kind": "training", "theme": "digitalisering", "subtheme": "cybersecurity",
    "start_date": "2026-06-01",
    "lines": [{"kind": "fee", "amount": "3000"}, {"kind": "catering", "amount": "400", "persons": 4, "days": 2}]},
  "wallet": {"applications": [{"application_date": "2026-02-01", "aid": "1500.00", "own_share": "1500.00"}]}}"#;

#[test]
fn a_request_is_an_application() {
    let app: Application = serde_json::from_str(GROUP).unwrap();
    let parsed = parse_request(GROUP).unwrap();
    // The history is the application as the wallet sees it: its aid counted this year.
    assert_eq!(
        app,
        parsed
            .wallet
            .as_ref()
            .unwrap()
            .in_context(&parsed.application)
    );
    assert_eq!(app.aid_used, Money::parse("1500").unwrap());
    assert_eq!(app.lang, Lang::Fr);
    // Written: the engine's request document, read back as the same application.
    let text = serde_json::to_string(&app).unwrap();
    assert_eq!(text, request_to_json(&app));
    assert_eq!(serde_json::from_str::<Application>(&text).unwrap(), app);
    // The staff list's figure (1 + 8/12 AWU, not a finite decimal) written exactly.
    assert!(
        text.contains(r#""staff_awu":"1.6666666666666666666666666667""#),
        "{text}"
    );
    // Money as strings, never numbers.
    let v = serde_json::to_value(&app).unwrap();
    assert_eq!(v["wallet"]["aid_used"], "1500.00");
    assert_eq!(v["service"]["lines"][1]["amount"], "400.00");
}

#[test]
fn a_request_is_refused_as_the_engine_refuses_it() {
    for (change, code, path) in [
        (
            ("\"3000\"", "\"-3000\""),
            "NEGATIVE_AMOUNT",
            "service.lines[0].amount",
        ),
        (
            ("\"bv\"", "\"llc\""),
            "UNKNOWN_CODE",
            "enterprise.legal_form",
        ),
        (
            ("\"2026-06-10\"", "\"2026-02-30\""),
            "INVALID_DATE",
            "application_date",
        ),
        (
            ("\"2026-06-01\"", "\"2026-06-31\""),
            "INVALID_DATE",
            "service.start_date",
        ),
        (
            ("\"capital_pct\": \"33\"", "\"capital_pct\": \"133\""),
            "PERCENT_OUT_OF_RANGE",
            "enterprise.size.holdings[0].capital_pct",
        ),
        (
            (r#""holder": "A""#, r#""holder": "B""#),
            "UNKNOWN_CODE",
            "enterprise.size.holdings[0].holder",
        ),
    ] {
        let request = GROUP.replacen(change.0, change.1, 1);
        let e = serde_json::from_str::<Application>(&request)
            .unwrap_err()
            .to_string();
        // The same code, path and message (in the request's language) as the error document.
        let doc: serde_json::Value = serde_json::from_str(&assess_json(&request)).unwrap();
        let expected = format!(
            "{} at {}: {}",
            doc["error"]["code"].as_str().unwrap(),
            doc["error"]["path"].as_str().unwrap(),
            doc["error"]["message"].as_str().unwrap()
        );
        assert_eq!(e, expected);
        assert!(e.starts_with(&format!("{code} at {path}: ")), "{e}");
    }
    // A key given twice: the document's check, through serde_json's reader.
    let twice = GROUP.replacen(r#""lang": "fr","#, r#""lang": "fr", "lang": "nl","#, 1);
    let e = serde_json::from_str::<Application>(&twice)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("DUPLICATE_KEY at lang: "), "{e}");
}

#[test]
fn an_assessment_is_its_response() {
    let parsed = parse_request(GROUP).unwrap();
    let answer = parsed.assess().unwrap();
    let text = serde_json::to_string(&answer).unwrap();
    assert_eq!(text, assess_json(GROUP));
    let back: Assessment = serde_json::from_str(&text).unwrap();
    assert_eq!(back, answer);
    // Its messages are kept as values, not text: any language again.
    assert_eq!(
        back.findings[0].message(Lang::Nl),
        answer.findings[0].message(Lang::Nl)
    );
    let v = serde_json::to_value(&answer).unwrap();
    assert_eq!(v["lang"], "fr");
    assert!(v["aid"].is_string() && v["own_share"].is_string() && v["rate"].is_string());
    assert_eq!(v["sme"]["periods"][1]["contributions"][1]["weight"], "33");
    // Written in another language: the same assessment, its messages in that language.
    let mut english = answer.clone();
    english.lang = Lang::En;
    let text = serde_json::to_string(&english).unwrap();
    assert!(
        text.contains(r#""lang":"en""#) && text.contains("Size under the European SME definition")
    );
    assert_eq!(serde_json::from_str::<Assessment>(&text).unwrap(), english);
}

#[test]
fn a_response_is_read_as_this_engine_wrote_it() {
    let text = assess_json(GROUP);
    let refused = |from: &str, to: &str| {
        let changed = text.replacen(from, to, 1);
        assert_ne!(changed, text, "{from}");
        serde_json::from_str::<Assessment>(&changed)
            .unwrap_err()
            .to_string()
    };
    // A message that is not the engine's text for its values.
    let e = refused("Taille selon", "Grandeur selon");
    assert!(e.starts_with("INCONSISTENT_INPUT at trace["), "{e}");
    // An amount that is not an amount, a code that is not a code, a field left out.
    assert!(refused(r#""vat":""#, r#""vat":"-"#).starts_with("NEGATIVE_AMOUNT at vat: "));
    assert!(refused(r#""size_class":"small""#, r#""size_class":"tiny""#)
        .starts_with("UNKNOWN_CODE at size_class: "));
    assert!(refused(r#""capped":false,"#, "").starts_with("MISSING_FIELD at capped: "));
    // A reference the engine does not cite.
    let e = refused(
        r#""ref":"REC-2003/361 art. 2""#,
        r#""ref":"REC-2003/361 art. 99""#,
    );
    assert!(e.contains("REC-2003/361 art. 99"), "{e}");
    // A finding of another severity than its code has.
    assert!(
        refused(r#""severity":"info""#, r#""severity":"blocking""#)
            .starts_with("INCONSISTENT_INPUT at findings[0].severity: "),
        "{}",
        refused(r#""severity":"info""#, r#""severity":"blocking""#)
    );
}

#[test]
fn a_wallet_is_its_document() {
    let mut wallet = Wallet::new();
    let mut app = Application::new(
        parse_date("2026-03-10").unwrap(),
        Enterprise::new(SizeInput::Declared(SizeClass::Small)),
        Service {
            theme: Some(Theme::Personeelsmanagement),
            start_date: Some(parse_date("2026-03-02").unwrap()),
            ..Service::new(ServiceKind::Training, Money::from_euro(4000))
        },
    );
    let applied: Applied = wallet.apply(&app).unwrap();
    let id = applied.id;
    let paid: Payment = wallet
        .pay(
            id,
            parse_date("2026-03-12").unwrap(),
            Money::from_euro(2800),
        )
        .unwrap();
    app.application_date = parse_date("2026-05-10").unwrap();
    app.service.start_date = Some(parse_date("2026-05-04").unwrap());
    wallet.apply(&app).unwrap();
    let stop: Stop = wallet.stop(id, parse_date("2026-06-01").unwrap()).unwrap();
    let stopped: Settlement = stop.settlement;

    let text = serde_json::to_string(&wallet).unwrap();
    assert_eq!(text, wallet_to_json(&wallet));
    assert_eq!(serde_json::from_str::<Wallet>(&text).unwrap(), wallet);
    // The answers of its operations, each its document.
    let v = serde_json::to_value(&applied).unwrap();
    assert_eq!(
        (v["id"].as_u64(), v["assessment"]["aid"].as_str()),
        (Some(1), Some("1200.00"))
    );
    assert_eq!(serde_json::from_value::<Applied>(v).unwrap(), applied);
    assert_eq!(
        serde_json::to_string(&paid).unwrap(),
        r#"{"due":"0.00","lapsed":[]}"#
    );
    assert_eq!(
        serde_json::from_str::<Payment>(r#"{"due":"0.00","lapsed":[]}"#).unwrap(),
        paid
    );
    assert_eq!(
        serde_json::from_value::<Stop>(serde_json::to_value(&stop).unwrap()).unwrap(),
        stop
    );
    assert_eq!(
        serde_json::from_value::<Settlement>(serde_json::to_value(stopped).unwrap()).unwrap(),
        stopped
    );
    let years: Vec<YearBudget> = wallet.years();
    let text = serde_json::to_string(&years).unwrap();
    assert_eq!(
        serde_json::from_str::<Vec<YearBudget>>(&text).unwrap(),
        years
    );
    let plan: Plan = wallet.plan(&[app]).unwrap();
    assert_eq!(
        serde_json::from_value::<Plan>(serde_json::to_value(&plan).unwrap()).unwrap(),
        plan
    );
    // A wallet document the reader refuses: the same code and path.
    let e = serde_json::from_str::<Wallet>(
        r#"{"applications":[{"application_date":"2026-02-01","aid":"-1"}]}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("NEGATIVE_AMOUNT at applications[0].aid: "),
        "{e}"
    );
}

#[test]
fn a_binary_format_carries_the_document() {
    // CBOR is not human-readable: the document travels as its JSON text, read by the same
    // reader.
    let app: Application = serde_json::from_str(GROUP).unwrap();
    let answer = assess(&app).unwrap();
    let mut bytes = Vec::new();
    ciborium::into_writer(&(&app, &answer), &mut bytes).unwrap();
    let (app_back, answer_back): (Application, Assessment) =
        ciborium::from_reader(bytes.as_slice()).unwrap();
    assert_eq!((app_back, answer_back), (app.clone(), answer));
    let text: ciborium::Value = ciborium::from_reader(bytes.as_slice()).unwrap();
    let first = &text.as_array().unwrap()[0];
    assert_eq!(first.as_text(), Some(request_to_json(&app).as_str()));
    // A refused document is refused there too.
    let mut bad = Vec::new();
    ciborium::into_writer(
        &request_to_json(&app).replace(r#""lang":"fr""#, r#""lang":"de""#),
        &mut bad,
    )
    .unwrap();
    let e = ciborium::from_reader::<Application, _>(bad.as_slice())
        .unwrap_err()
        .to_string();
    assert!(e.contains("UNKNOWN_CODE at lang: "), "{e}");
}

#[test]
fn stored_in_a_caller_s_own_record() {
    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Dossier {
        customer: String,
        question: Application,
        answer: Assessment,
        wallet: Wallet,
    }
    let question = Application {
        lang: Lang::En,
        ..Application::new(
            parse_date("2026-03-10").unwrap(),
            Enterprise {
                legal_form: Some(LegalForm::Bv),
                ..Enterprise::new(SizeInput::Declared(SizeClass::Medium))
            },
            Service {
                theme: Some(Theme::Innovatie),
                ..Service::new(ServiceKind::Training, Money::from_euro(2500))
            },
        )
    };
    let mut wallet = Wallet::new();
    let answer = wallet.apply(&question).unwrap().assessment;
    let dossier = Dossier {
        customer: "Acme".into(),
        question,
        answer,
        wallet,
    };
    let text = serde_json::to_string_pretty(&dossier).unwrap();
    assert!(text.contains(r#""aid": "500.00""#), "{text}");
    assert_eq!(serde_json::from_str::<Dossier>(&text).unwrap(), dossier);
}

/// Every date the engine writes is read back: an application on the last day it reads
/// (2199-12-31), first time on the portal, its own share counted from an approval that day,
/// has deadlines in 2200 and keeps its records until 2209; its answer reads back equal, and
/// so does the plan of a wallet for it (which has no next year to suggest).
#[test]
fn an_answer_of_the_last_day_is_read_back() {
    let mut app = Application::new(
        parse_date("2199-12-31").unwrap(),
        Enterprise::new(SizeInput::Declared(SizeClass::Small)),
        Service {
            theme: Some(Theme::Innovatie),
            start_date: Some(parse_date("2199-12-31").unwrap()),
            ..Service::new(ServiceKind::Training, Money::from_euro(2000))
        },
    );
    app.options.first_time = true;
    app.options.own_share_deadline = kmo_core::OwnShareDeadline::AfterApproval30Days;
    app.options.approval_date = Some(parse_date("2199-12-31").unwrap());
    let answer = assess(&app).unwrap();
    assert_eq!(answer.deadlines.complete_by.to_string(), "2200-12-31");
    let written = serde_json::to_string(&answer).unwrap();
    assert!(written.contains(r#""until":"2209-12-31""#), "{written}");
    assert_eq!(read::<Assessment>(&written), Ok(answer));
    // The wallet's plan of it: no better next year past 2199, and the answer reads back.
    let plan = Wallet::new().plan(std::slice::from_ref(&app)).unwrap();
    assert_eq!(plan.items[0].better_next_year, None);
    let text = serde_json::to_string(&plan).unwrap();
    assert_eq!(read::<Plan>(&text), Ok(plan));
    // Past the dates the engine writes, an answer is not this engine's.
    let e = read::<Assessment>(&written.replacen("2209-12-31", "2210-12-31", 1)).unwrap_err();
    assert!(e.contains("INVALID_DATE"), "{e}");
}
