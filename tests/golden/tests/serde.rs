//! The serde forms (kmo-core's feature `serde`) over the golden suite, the bad-input catalogue
//! and the 2 000 random requests: the serde form of every request and every answer is the
//! engine's own document, byte for byte through serde_json (keys in name order, as the writer
//! writes them), and reads back as the same value; a request the engine refuses is refused by
//! serde with the same code, path and message. The wallet's operations are run both ways on a
//! wallet built from the random requests, their typed answers' serde forms held to the JSON
//! answers.

use kmo_core::json::{
    parse_request, request_to_json, wallet_apply_json, wallet_pay_json, wallet_plan_json,
    wallet_stop_json, wallet_to_json,
};
use kmo_core::wallet::{Applied, Payment, Plan, Stop, Wallet, YearBudget};
use kmo_core::{assess_json, Application, Assessment, Lang};
use serde_json::Value;

/// The serde error text of the error document `answer`: `CODE at path: message`.
fn refusal(answer: &str) -> Option<String> {
    let v: Value = serde_json::from_str(answer).ok()?;
    let e = v.get("error")?;
    let (code, path, message) = (
        e["code"].as_str()?,
        e["path"].as_str()?,
        e["message"].as_str()?,
    );
    Some(if path.is_empty() {
        format!("{code}: {message}")
    } else {
        format!("{code} at {path}: {message}")
    })
}

/// One request both ways; what is wrong (empty when nothing).
fn check_request(name: &str, request: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{name}: {what}"));
    let answer = assess_json(request);
    let read = serde_json::from_str::<Application>(request);
    let parsed = match parse_request(request) {
        Ok(parsed) if !answer.starts_with(r#"{"error""#) => parsed,
        _ => {
            // Refused: by serde with the document's code, path and message — unless the text
            // is not JSON at all, which serde_json says in its own words.
            let expected = refusal(&answer).expect("an error document");
            match read {
                Ok(app) => fail(format!("serde read a refused request: {app:?}")),
                Err(e) if expected.starts_with("MALFORMED_JSON") => {
                    if !e.is_syntax() && !e.is_eof() && e.to_string() != expected {
                        fail(format!("{e} is not a syntax error ({expected})"));
                    }
                }
                // A key given twice is found while the text is read: serde_json adds where.
                Err(e)
                    if e.to_string() != expected
                        && !(expected.starts_with("DUPLICATE_KEY")
                            && e.to_string().starts_with(&format!("{expected} at line "))) =>
                {
                    fail(format!("serde said `{e}`, the document `{expected}`"))
                }
                Err(_) => {}
            }
            return problems;
        }
    };
    // The request: read as the application (in the wallet's context when it carries one).
    let app = match &parsed.wallet {
        Some(w) => w.in_context(&parsed.application),
        None => parsed.application.clone(),
    };
    match read {
        Ok(read) if read == app => {}
        Ok(read) => fail(format!("serde read {read:?}, the reader {app:?}")),
        Err(e) => fail(format!("serde refused a request the engine takes: {e}")),
    }
    // Its serde form is its request document, which gives the same answer.
    let written = serde_json::to_string(&app).unwrap();
    if written != request_to_json(&app) {
        fail(format!("serde wrote {written}"));
    }
    match parse_request(&written) {
        Ok(again) if again.application == app => {}
        other => fail(format!("{written} reads back as {other:?}")),
    }
    if parsed.ignored.is_empty() && parsed.wallet.is_none() && assess_json(&written) != answer {
        fail(format!("{written} is answered otherwise than {request}"));
    }
    // The answer: its serde form is the response, byte for byte, and reads back as itself.
    let assessment = parsed.assess().unwrap();
    let form = serde_json::to_string(&assessment).unwrap();
    if form != answer {
        fail(format!("serde form\n{form}\nthe engine's\n{answer}"));
    }
    match serde_json::from_str::<Assessment>(&answer) {
        Ok(back) if back == assessment => {}
        Ok(back) => fail(format!(
            "the response reads back as\n{back:?}\nnot\n{assessment:?}"
        )),
        Err(e) => fail(format!("the response does not read back: {e}")),
    }
    // Any self-describing format: the same value through serde_json's own tree.
    let value = serde_json::to_value(&assessment).unwrap();
    if value != serde_json::from_str::<Value>(&answer).unwrap()
        || serde_json::from_value::<Assessment>(value).ok().as_ref() != Some(&assessment)
    {
        fail("through serde_json::Value the answer is not the same".into());
    }
    // The wallet a request carries: its serde form is its document.
    if let Some(w) = &parsed.wallet {
        let form = serde_json::to_string(w).unwrap();
        if form != wallet_to_json(w) {
            fail(format!("the wallet's serde form {form}"));
        }
        if serde_json::from_str::<Wallet>(&form).ok().as_ref() != Some(w) {
            fail("the wallet does not read back".into());
        }
    }
    problems
}

fn assert_none(problems: Vec<String>, of: usize, what: &str) {
    assert!(
        problems.is_empty(),
        "{} problems over {of} {what}:\n{}",
        problems.len(),
        problems
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_golden_request_and_answer() {
    let vectors = kmo_golden::load(&kmo_golden::vectors_dir());
    let problems: Vec<String> = vectors
        .iter()
        .flat_map(|v| check_request(&format!("{} / {}", v.file, v.name), &v.request))
        .collect();
    assert_none(problems, vectors.len(), "vectors");
}

#[test]
fn every_bad_input_is_refused_alike() {
    let cases = kmo_golden::bad_inputs();
    let problems: Vec<String> = cases
        .iter()
        .flat_map(|c| check_request(&c.name, &c.request))
        .collect();
    assert_none(problems, cases.len(), "bad inputs");
}

#[test]
fn every_random_request_and_answer() {
    let requests = kmo_golden::differential_requests();
    let problems: Vec<String> = requests
        .iter()
        .enumerate()
        .flat_map(|(i, r)| check_request(&format!("request {i}"), r))
        .collect();
    assert_none(problems, requests.len(), "random requests");
}

/// The serde form of `typed` is the JSON answer, and reads back as `typed`.
fn same<T>(typed: &T, answer: &str, what: &str)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + core::fmt::Debug,
{
    assert_eq!(serde_json::to_string(typed).unwrap(), answer, "{what}");
    assert_eq!(&serde_json::from_str::<T>(answer).unwrap(), typed, "{what}");
}

#[test]
fn the_wallet_operations_answer_alike() {
    // Eligible random requests without unknown fields, in date order: a wallet's history.
    let mut requests: Vec<(Application, String)> = kmo_golden::differential_requests()
        .into_iter()
        .filter_map(|r| {
            let p = parse_request(&r).ok()?;
            (p.ignored.is_empty() && p.wallet.is_none()).then_some((p.application, r))
        })
        .take(400)
        .collect();
    requests.sort_by_key(|(a, _)| a.application_date);
    let (mut typed, mut json) = (Wallet::new(), Wallet::new());
    let mut applied = 0;
    for (app, request) in &requests {
        let answer = wallet_apply_json(&mut json, request);
        match typed.apply(app) {
            Ok(a) => {
                same::<Applied>(&a, &answer, request);
                applied += usize::from(a.recorded);
            }
            Err(_) => assert!(answer.contains(r#""error""#), "{answer}"),
        }
        assert_eq!(typed, json);
    }
    assert!(applied > 20, "{applied} recorded");
    same::<Wallet>(&typed, &wallet_to_json(&typed), "the wallet");
    // Pay, and stop every third application; a lapse or an error alike.
    let ids: Vec<(u32, kmo_core::Date, kmo_core::Money)> = typed
        .applications()
        .iter()
        .map(|a| (a.id, a.application_date, a.own_share))
        .collect();
    for (n, (id, date, own_share)) in ids.into_iter().enumerate() {
        let answer = wallet_pay_json(
            &mut json,
            &id.to_string(),
            &date.to_string(),
            &own_share.to_string(),
            Lang::En,
        );
        match typed.pay(id, date, own_share) {
            Ok(p) => same::<Payment>(&p, &answer, "pay"),
            Err(_) => assert!(answer.contains(r#""error""#), "{answer}"),
        }
        if n % 3 == 0 {
            let answer = wallet_stop_json(&mut json, &id.to_string(), &date.to_string(), Lang::En);
            match typed.stop(id, date) {
                Ok(s) => same::<Stop>(&s, &answer, "stop"),
                Err(_) => assert!(answer.contains(r#""error""#), "{answer}"),
            }
        }
        assert_eq!(typed, json);
    }
    for year in typed.years() {
        let v = serde_json::to_value(year).unwrap();
        assert_eq!(serde_json::from_value::<YearBudget>(v).unwrap(), year);
    }
    // A plan of the last requests, again.
    let tail: Vec<&(Application, String)> = requests.iter().rev().take(5).collect();
    let list = format!(
        "[{}]",
        tail.iter()
            .map(|(_, r)| r.as_str())
            .collect::<Vec<_>>()
            .join(",")
    );
    let apps: Vec<Application> = tail.iter().map(|(a, _)| a.clone()).collect();
    same::<Plan>(
        &typed.plan(&apps).unwrap(),
        &wallet_plan_json(&typed, &list),
        "plan",
    );
}
