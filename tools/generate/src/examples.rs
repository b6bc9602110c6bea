//! The generated blocks of `docs/json.md` that show the engine's documents: the numbering of
//! coded values and an example of every input and answer.

use kmo_core::*;
use serde_json::{json, Value};

use crate::blocks::Render;
use crate::format::*;
use crate::read;

// ---- json.md: numbering and examples ----------------------------------------------------------

fn numbering() -> String {
    let codes: Value = serde_json::from_str(&json::codes_json()).unwrap();
    let lists = ["finding_code", "kind", "size_class", "subtheme", "theme"];
    let longest = lists
        .iter()
        .map(|l| codes[l].as_array().unwrap().len())
        .max()
        .unwrap();
    let rows = (0..longest)
        .map(|i| {
            let mut row = vec![(i + 1).to_string()];
            for l in lists {
                row.push(codes[l][i].as_str().map(code).unwrap_or_default());
            }
            row
        })
        .collect();
    let head: Vec<String> = std::iter::once("Number".to_string())
        .chain(lists.iter().map(code))
        .collect();
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    table(&head, rows)
}

fn sample_request() -> String {
    // The crate carries the same sample, for its quote example run from the .crate.
    assert_eq!(
        read("kmo-core/examples/sample.json"),
        read("examples/requests/sample.json"),
        "kmo-core/examples/sample.json must be examples/requests/sample.json"
    );
    format!(
        "```json\n{}\n```",
        read("examples/requests/sample.json").trim_end()
    )
}

fn sample_in_english() -> String {
    let mut request: Value = serde_json::from_str(&read("examples/requests/sample.json")).unwrap();
    request["lang"] = json!("en");
    request.to_string()
}

fn example_response() -> String {
    json_block(&assess_json(&sample_in_english()))
}

fn example_error() -> String {
    let mut request: Value = serde_json::from_str(&sample_in_english()).unwrap();
    request["service"]["start_date"] = json!("2026-02-30");
    json_block(&assess_json(&request.to_string()))
}

fn example_ignored_field() -> String {
    let mut request: Value = serde_json::from_str(&sample_in_english()).unwrap();
    request["service"]["title"] = json!("Leidinggeven in de praktijk");
    let v: Value = serde_json::from_str(&assess_json(&request.to_string())).unwrap();
    let warning = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "UNKNOWN_FIELD_IGNORED")
        .unwrap()
        .clone();
    json_block(&warning.to_string())
}

const FULL_SIZE: &str = r#"{
  "id": "A", "market": "62", "prior_class": "small",
  "periods": [
    { "closing_date": "2024-12-31", "staff_awu": "20", "turnover": "3000000", "balance_sheet": "2000000" },
    { "closing_date": "2025-12-31", "staff": [ { "role": "owner_manager" }, { "role": "employee", "fte": "0.5", "months": 6 } ],
      "turnover": "3200000", "balance_sheet": "2100000" }
  ],
  "entities": [
    { "id": "C", "staff_awu": "30", "turnover": "9000000", "balance_sheet": "6000000" },
    { "id": "M", "kind": "local_authority", "annual_budget": "9900000", "inhabitants": 4999 },
    { "id": "P", "kind": "natural_person" },
    { "id": "Q", "market": "62", "staff_awu": "4", "turnover": "500000", "balance_sheet": "300000" }
  ],
  "holdings": [
    { "holder": "A", "held": "C", "capital_pct": "33" },
    { "holder": "M", "held": "A", "capital_pct": "30", "voting_pct": "30" },
    { "holder": "P", "held": "A", "voting_pct": "60" },
    { "holder": "P", "held": "Q", "voting_pct": "70" }
  ]
}"#;

fn example_full_size() -> String {
    json_block(FULL_SIZE)
}

fn example_classification() -> String {
    json_block(&json::classify_json(FULL_SIZE))
}

const QUESTION: &str = r#"{"application_date": "2026-03-10", "size_class": "small", "kind": "training",
  "theme": "personeelsmanagement", "start_date": "2026-03-02", "cost": "2000", "aid_used": "7200", "lang": "en"}"#;

fn example_question() -> String {
    json_block(QUESTION)
}

fn example_quote() -> String {
    json_block(&json::quote_json(QUESTION))
}

fn example_rulebook() -> String {
    let books: Value = serde_json::from_str(&json::rulebooks_json()).unwrap();
    json_block(&books.as_array().unwrap().last().unwrap().to_string())
}

/// A wallet in a few steps: an application paid, partly released and stopped; a second one
/// never paid, which has lapsed when its late payment comes, and which the next application
/// lets lapse.
fn wallet_story() -> (wallet::Wallet, Vec<(&'static str, String)>) {
    let mut w = wallet::Wallet::new();
    let request = |date: &str, cost: &str| {
        json!({
            "application_date": date, "lang": "en",
            "enterprise": { "size": { "class": "small" } },
            "service": { "kind": "training", "theme": "innovatie", "start_date": date, "cost": cost }
        })
        .to_string()
    };
    let mut steps = Vec::new();
    let shortened = |applied: String| {
        let v: Value = serde_json::from_str(&applied).unwrap();
        let a = &v["assessment"];
        let shortened = json!({ "aid": a["aid"], "eligible": a["eligible"], "own_share": a["own_share"], "…": "…" });
        json!({ "assessment": shortened, "id": v["id"], "lapsed": v["lapsed"], "recorded": v["recorded"] })
            .to_string()
    };
    steps.push((
        "apply",
        shortened(json::wallet_apply_json(
            &mut w,
            &request("2026-03-10", "2000"),
        )),
    ));
    let mut step = |what, answer: String| steps.push((what, answer));
    step(
        "pay",
        json::wallet_pay_json(&mut w, "1", "2026-03-12", "1000", Lang::En),
    );
    step(
        "pay",
        json::wallet_pay_json(&mut w, "1", "2026-03-20", "400", Lang::En),
    );
    step(
        "release",
        json::wallet_release_json(&mut w, "1", "2026-04-30", "500", Lang::En),
    );
    step(
        "stop",
        json::wallet_stop_json(&mut w, "1", "2026-05-04", Lang::En),
    );
    step(
        "pay",
        json::wallet_pay_json(&mut w, "1", "2026-05-05", "100", Lang::En),
    );
    json::wallet_apply_json(&mut w, &request("2026-06-02", "1000"));
    step(
        "pay",
        json::wallet_pay_json(&mut w, "2", "2026-06-30", "700", Lang::En),
    );
    step(
        "apply",
        shortened(json::wallet_apply_json(
            &mut w,
            &request("2026-07-01", "1000"),
        )),
    );
    (w, steps)
}

fn example_wallet() -> String {
    json_block(&json::wallet_to_json(&wallet_story().0))
}

fn example_wallet_answers() -> String {
    wallet_story()
        .1
        .iter()
        .map(|(what, text)| format!("{what}:\n\n{}", json_block(text)))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn example_plan() -> String {
    let (w, _) = wallet_story();
    let plan = json!([{
        "application_date": "2026-11-20", "lang": "en",
        "enterprise": { "size": { "class": "small" } },
        "service": { "kind": "training", "theme": "innovatie", "start_date": "2026-12-01", "cost": "30000" }
    }]);
    let mut v: Value =
        serde_json::from_str(&json::wallet_plan_json(&w, &plan.to_string())).unwrap();
    let a = v["items"][0]["assessment"].clone();
    v["items"][0]["assessment"] =
        json!({ "aid": a["aid"], "capped": a["capped"], "eligible": a["eligible"], "…": "…" });
    json_block(&v.to_string())
}

fn example_checks() -> String {
    [
        json::provider_number_json("dv o236459", Lang::En),
        json::enterprise_number_json("BE 0403 170 701", Lang::En),
        json::enterprise_number_json("0403.170.702", Lang::En),
    ]
    .iter()
    .map(|t| json_block(t))
    .collect::<Vec<_>>()
    .join("\n\n")
}

/// The example blocks of `docs/json.md`.
pub(crate) fn renderers() -> Vec<(&'static str, Render)> {
    vec![
        ("example-request", sample_request as Render),
        ("example-response", example_response),
        ("example-error", example_error),
        ("example-ignored-field", example_ignored_field),
        ("example-full-size", example_full_size),
        ("example-classification", example_classification),
        ("example-question", example_question),
        ("example-quote", example_quote),
        ("example-rulebook", example_rulebook),
        ("example-wallet", example_wallet),
        ("example-wallet-answers", example_wallet_answers),
        ("example-plan", example_plan),
        ("example-checks", example_checks),
        ("numbering", numbering),
    ]
}
