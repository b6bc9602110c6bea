//! Every kind of document the engine reads and writes, gathered once for the documentation
//! tests: the responses to the golden vectors and to the random requests of the differential
//! test, and the engine's other answers (rulebooks, numbering, classifications, quick quotes,
//! identifier checks, wallets and their operations) with the inputs they answered.

use kmo_core::json::{
    classify_json, codes_json, enterprise_number_json, provider_number_json, quote_json,
    rulebooks_json, wallet_apply_json, wallet_budget_json, wallet_from_json,
    wallet_lapse_overdue_json, wallet_pay_json, wallet_plan_json, wallet_release_json,
    wallet_stop_json, wallet_to_json,
};
use kmo_core::wallet::Wallet;
use kmo_core::Lang;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

/// One document: which schema describes it (`request` or `response`), its `$defs` entry, and
/// its text. An answer may be the error document instead.
#[derive(Clone, Debug)]
pub struct Document {
    pub schema: &'static str,
    pub def: &'static str,
    pub text: String,
}

impl Document {
    fn new(schema: &'static str, def: &'static str, text: String) -> Document {
        Document { schema, def, text }
    }

    /// The document as a JSON value.
    pub fn value(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("{e}: {}", self.text))
    }

    /// Whether it is the error document.
    pub fn is_error(&self) -> bool {
        self.value().get("error").is_some()
    }
}

/// The request of every golden vector, in suite order.
pub fn golden_requests() -> Vec<String> {
    kmo_golden::load(&kmo_golden::vectors_dir())
        .into_iter()
        .map(|v| v.request)
        .collect()
}

/// Every request: the golden vectors', then the random ones.
pub fn all_requests() -> Vec<String> {
    let mut out = golden_requests();
    out.extend(kmo_golden::differential_requests());
    out
}

/// The quick question a request asks, when it has a single cost.
fn question(request: &Value) -> Option<Value> {
    let service = request.get("service")?;
    let mut q = Map::new();
    q.insert(
        "application_date".into(),
        request.get("application_date")?.clone(),
    );
    let class = request["enterprise"]["size"]["class"].clone();
    q.insert(
        "size_class".into(),
        if class.is_string() {
            class
        } else {
            json!("small")
        },
    );
    q.insert(
        "cost".into(),
        service.get("cost").filter(|c| !c.is_null())?.clone(),
    );
    for (from, key) in [
        (&request["lang"], "lang"),
        (&service["kind"], "kind"),
        (&service["theme"], "theme"),
        (&service["subtheme"], "subtheme"),
        (&service["start_date"], "start_date"),
        (&service["vat_rate"], "vat_rate"),
        (&request["wallet"]["aid_used"], "aid_used"),
        (&request["options"], "options"),
    ] {
        if !from.is_null() {
            q.insert(key.into(), from.clone());
        }
    }
    Some(Value::Object(q))
}

/// Every string under the key `key`, anywhere in `v`.
fn strings_under(v: &Value, key: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                match x {
                    Value::String(s) if k == key => out.push(s.clone()),
                    _ => strings_under(x, key, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|x| strings_under(x, key, out)),
        _ => {}
    }
}

const LANGS: [Lang; 3] = [Lang::Nl, Lang::Fr, Lang::En];

/// A wallet followed through its operations: applications from the random requests, payments
/// (in time, in part, too late), releases, stops, and refusals.
fn wallet_story(requests: &[String], out: &mut Vec<Document>) {
    let mut wallet = Wallet::new();
    let answer = |out: &mut Vec<Document>, def, text: String| {
        out.push(Document::new("response", def, text.clone()));
        serde_json::from_str::<Value>(&text).unwrap()
    };
    for (i, request) in requests.iter().enumerate() {
        let applied = answer(out, "wallet_apply", wallet_apply_json(&mut wallet, request));
        let Some(id) = applied["id"].as_u64() else {
            continue;
        };
        let id = id.to_string();
        let a = &applied["assessment"];
        let money = |k: &str| a[k].as_str().unwrap().parse::<Decimal>().unwrap();
        let day: String = serde_json::from_str::<Value>(request).unwrap()["application_date"]
            .as_str()
            .unwrap()
            .to_string();
        let lang = LANGS[i % 3];
        let (own_share, cost) = (money("own_share"), money("eligible_cost"));
        match i % 5 {
            0 => {
                let pay = wallet_pay_json(&mut wallet, &id, &day, &own_share.to_string(), lang);
                answer(out, "wallet_pay", pay);
                let half = (cost / Decimal::TWO).round_dp(2).to_string();
                answer(
                    out,
                    "wallet_release",
                    wallet_release_json(&mut wallet, &id, &day, &half, lang),
                );
                answer(
                    out,
                    "wallet_release",
                    wallet_release_json(&mut wallet, &id, &day, &cost.to_string(), lang),
                );
                answer(
                    out,
                    "wallet_stop",
                    wallet_stop_json(&mut wallet, &id, &day, lang),
                );
            }
            1 => {
                let half = (own_share / Decimal::TWO).round_dp(2).to_string();
                answer(
                    out,
                    "wallet_pay",
                    wallet_pay_json(&mut wallet, &id, &day, &half, lang),
                );
                answer(
                    out,
                    "wallet_release",
                    wallet_release_json(&mut wallet, &id, &day, "1", lang),
                );
            }
            2 => {
                let late = format!("{}-12-31", &day[..4].parse::<i32>().unwrap() + 1);
                answer(
                    out,
                    "wallet_pay",
                    wallet_pay_json(&mut wallet, &id, &late, "0.01", lang),
                );
                answer(
                    out,
                    "wallet_stop",
                    wallet_stop_json(&mut wallet, &id, &late, lang),
                );
            }
            3 => {
                answer(
                    out,
                    "wallet_pay",
                    wallet_pay_json(&mut wallet, &id, &day, "0", lang),
                );
                answer(
                    out,
                    "wallet_pay",
                    wallet_pay_json(&mut wallet, &id, "1999-01-01", "1", lang),
                );
                answer(
                    out,
                    "wallet_stop",
                    wallet_stop_json(&mut wallet, "4000000000", &day, lang),
                );
                answer(
                    out,
                    "wallet_stop",
                    wallet_stop_json(&mut wallet, "x", &day, lang),
                );
            }
            _ => {}
        }
    }
    // The year's budget on a date and the lapse of what is overdue: before and after the
    // deadlines of the applications left unpaid, and a date the wallet does not take.
    for (i, day) in [
        "2026-01-01",
        "2026-12-31",
        "2027-12-31",
        "2199-12-31",
        "2200-01-01",
    ]
    .iter()
    .enumerate()
    {
        let lang = LANGS[i % 3];
        answer(out, "wallet_budget", wallet_budget_json(&wallet, day, lang));
        answer(
            out,
            "wallet_lapse",
            wallet_lapse_overdue_json(&mut wallet, day, lang),
        );
    }
    let document = wallet_to_json(&wallet);
    out.push(Document::new(
        "request",
        "wallet_document",
        document.clone(),
    ));
    out.push(Document::new("response", "wallet", document));
    let plan = format!("[{}]", requests[..12].join(","));
    let planned = wallet_plan_json(&wallet, &plan);
    if !planned.contains(r#"{"error":"#) {
        out.push(Document::new("request", "request_list", plan));
    }
    out.push(Document::new("response", "wallet_plan", planned));
    out.push(Document::new(
        "response",
        "wallet_plan",
        wallet_plan_json(&wallet, "{}"),
    ));
}

/// Every document the documentation tests look at. Requests that the engine refused are not
/// listed as inputs.
pub fn documents() -> Vec<Document> {
    let requests = all_requests();
    let mut out = Vec::new();
    let input = |out: &mut Vec<Document>, def, text: String, answer: Document| {
        if !answer.is_error() {
            out.push(Document::new("request", def, text));
        }
        out.push(answer);
    };
    for request in &requests {
        out.push(Document::new(
            "response",
            "response",
            kmo_core::assess_json(request),
        ));
        let Ok(value) = serde_json::from_str::<Value>(request) else {
            continue;
        };
        let size = &value["enterprise"]["size"];
        if size.is_object() {
            let text = size.to_string();
            let answer = Document::new("response", "classification", classify_json(&text));
            input(&mut out, "size", text, answer);
        }
        if let Some(q) = question(&value) {
            let text = q.to_string();
            let answer = Document::new("response", "quote", quote_json(&text));
            input(&mut out, "quick_question", text, answer);
        }
        if let Some(apps) = value["wallet"].get("applications") {
            let text = json!({ "applications": apps }).to_string();
            let answer = match wallet_from_json(&text) {
                Ok(w) => wallet_to_json(&w),
                Err(e) => kmo_core::json::error_json(&e, Lang::En),
            };
            input(
                &mut out,
                "wallet_document",
                text,
                Document::new("response", "wallet", answer),
            );
        }
    }
    out.push(Document::new("response", "rulebooks", rulebooks_json()));
    out.push(Document::new("response", "codes", codes_json()));
    let mut providers = vec![
        "dvo236459".to_string(),
        "DV A236460".into(),
        "DV.X236459".into(),
        String::new(),
    ];
    let mut numbers = vec![
        "BE 0403 170 701".to_string(),
        "0403170702".into(),
        "2403.170.701".into(),
        "04031707".into(),
    ];
    for request in &requests {
        if let Ok(v) = serde_json::from_str::<Value>(request) {
            strings_under(&v, "provider", &mut providers);
            strings_under(&v, "enterprise_number", &mut numbers);
        }
    }
    for (i, p) in providers.iter().enumerate() {
        out.push(Document::new(
            "response",
            "provider_check",
            provider_number_json(p, LANGS[i % 3]),
        ));
    }
    for (i, n) in numbers.iter().enumerate() {
        out.push(Document::new(
            "response",
            "enterprise_number_check",
            enterprise_number_json(n, LANGS[i % 3]),
        ));
    }
    let random = kmo_golden::differential_requests();
    wallet_story(&random[..400], &mut out);
    // A value that is not an object, for each answer that reads one.
    out.push(Document::new(
        "response",
        "classification",
        classify_json("[]"),
    ));
    out.push(Document::new(
        "response",
        "quote",
        quote_json("{\"application_date\":\"2026-03-10\"}"),
    ));
    out
}
