//! The golden suite (`tests/vectors/*.json`), shared by every face's test run.
//!
//! Each file holds `{"vectors": [...]}`; each vector has a `request` (or a raw `request_text`),
//! an `expect` object that must be a subset of the response (objects by key, lists element by
//! element, scalars equal), and optionally `findings` (codes that must be present), `absent`
//! (codes that must not be) and `blocking` (exactly the blocking codes, in any order).

use std::path::{Path, PathBuf};

use serde_json::Value;

/// One vector, read from its file.
#[derive(Clone, Debug)]
pub struct Vector {
    /// The file it came from.
    pub file: String,
    /// Its name.
    pub name: String,
    /// The request text sent to the engine.
    pub request: String,
    /// The whole vector.
    pub spec: Value,
}

/// The `tests/vectors` folder of the repository.
pub fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../vectors")
}

/// Every vector, files in name order.
pub fn load(dir: &Path) -> Vec<Vector> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable vector file");
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for spec in doc["vectors"].as_array().expect("a `vectors` list") {
            let request = match spec.get("request_text") {
                Some(Value::String(text)) => text.clone(),
                _ => spec["request"].to_string(),
            };
            out.push(Vector {
                file: name.clone(),
                name: spec["name"].as_str().unwrap_or("?").to_string(),
                request,
                spec: spec.clone(),
            });
        }
    }
    out
}

fn mismatches(expected: &Value, actual: &Value, path: &str, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                match a.get(k) {
                    Some(av) => mismatches(ev, av, &format!("{path}.{k}"), out),
                    None => out.push(format!("{path}.{k}: missing (expected {ev})")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                mismatches(ev, av, &format!("{path}[{i}]"), out);
            }
        }
        (e, a) if e == a => {}
        (e, a) => out.push(format!("{path}: expected {e}, got {a}")),
    }
}

fn codes(response: &Value, blocking_only: bool) -> Vec<String> {
    response["findings"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter(|f| !blocking_only || f["severity"] == "blocking")
                .filter_map(|f| f["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// What is wrong with `response` for this vector (empty when it passes).
pub fn check(vector: &Vector, response: &Value) -> Vec<String> {
    let spec = &vector.spec;
    let mut problems = Vec::new();
    mismatches(&spec["expect"], response, "", &mut problems);
    let present = codes(response, false);
    for code in spec["findings"].as_array().into_iter().flatten() {
        if !present.iter().any(|c| c == code) {
            problems.push(format!("finding {code} missing (have {present:?})"));
        }
    }
    for code in spec["absent"].as_array().into_iter().flatten() {
        if present.iter().any(|c| c == code) {
            problems.push(format!("finding {code} present but should not be"));
        }
    }
    if let Some(expected) = spec["blocking"].as_array() {
        let mut want: Vec<String> = expected
            .iter()
            .filter_map(|c| c.as_str().map(str::to_string))
            .collect();
        let mut have = codes(response, true);
        want.sort();
        have.sort();
        if want != have {
            problems.push(format!("blocking codes: expected {want:?}, got {have:?}"));
        }
    }
    if response.get("error").is_none() {
        let eligible = response["eligible"].as_bool().unwrap_or(false);
        if !eligible && codes(response, true).is_empty() {
            problems.push("ineligible without a blocking reason".into());
        }
        for f in response["findings"].as_array().into_iter().flatten() {
            if f["ref"].as_str().is_none_or(str::is_empty)
                || f["message"].as_str().is_none_or(str::is_empty)
            {
                problems.push(format!("finding without ref or message: {f}"));
            }
        }
    }
    problems
}

/// Runs every vector through `engine` (request text in, response text out) and panics with a
/// report of every failure. Returns the number of vectors.
pub fn run(face: &str, engine: impl Fn(&str) -> String) -> usize {
    let vectors = load(&vectors_dir());
    let mut failures = Vec::new();
    for v in &vectors {
        let text = engine(&v.request);
        let problems = match serde_json::from_str::<Value>(&text) {
            Ok(response) => check(v, &response),
            Err(e) => vec![format!("not JSON ({e}): {text}")],
        };
        if !problems.is_empty() {
            failures.push(format!(
                "{} / {}:\n    {}",
                v.file,
                v.name,
                problems.join("\n    ")
            ));
        }
    }
    assert!(
        vectors.len() >= 120,
        "the golden suite has {} vectors; at least 120 expected",
        vectors.len()
    );
    assert!(
        failures.is_empty(),
        "{face}: {} of {} vectors failed:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
    vectors.len()
}

/// One malformed request of `tests/bad-inputs/catalogue.json`, expanded.
#[derive(Clone, Debug)]
pub struct BadCase {
    /// What is wrong.
    pub name: String,
    /// The request text.
    pub request: String,
    /// The expected error code.
    pub code: String,
    /// The expected error path.
    pub path: String,
    /// Cannot be written as a JavaScript object (duplicate keys, not an object, broken text).
    pub text_only: bool,
}

enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        out.push(Step::Key(key.to_string()));
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            out.push(Step::Index(
                index.trim_end_matches(']').parse().expect("an index"),
            ));
        }
    }
    out
}

fn slot<'a>(root: &'a mut Value, path: &str) -> &'a mut Value {
    let mut here = root;
    for step in steps(path) {
        here = match step {
            Step::Key(k) => here
                .as_object_mut()
                .expect("an object on the path")
                .entry(k)
                .or_insert(Value::Null),
            Step::Index(i) => &mut here.as_array_mut().expect("a list on the path")[i],
        };
    }
    here
}

/// Every case of the bad-input catalogue, expanded.
pub fn bad_inputs() -> Vec<BadCase> {
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bad-inputs/catalogue.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).expect("the catalogue"))
        .expect("JSON");
    let text = |v: &Value| v.as_str().map(str::to_string);
    doc["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .map(|c| {
            let request = match text(&c["text"]) {
                Some(t) => t,
                None => {
                    let mut req = doc["base"].clone();
                    for field in c["unset"].as_array().into_iter().flatten() {
                        let path = field.as_str().unwrap();
                        let (parent, key) = path.rsplit_once('.').unwrap_or(("", path));
                        let holder = if parent.is_empty() {
                            &mut req
                        } else {
                            slot(&mut req, parent)
                        };
                        holder.as_object_mut().unwrap().remove(key);
                    }
                    for (field, value) in c["set"].as_object().into_iter().flatten() {
                        *slot(&mut req, field) = value.clone();
                    }
                    if let Some(n) = c.get("nest") {
                        let target = slot(&mut req, n["field"].as_str().unwrap());
                        for _ in 0..n["depth"].as_u64().unwrap() {
                            *target = Value::Array(vec![target.take()]);
                        }
                    }
                    if let Some(l) = c.get("long") {
                        let unit = l["char"].as_str().unwrap();
                        *slot(&mut req, l["field"].as_str().unwrap()) =
                            Value::String(unit.repeat(l["length"].as_u64().unwrap() as usize));
                    }
                    req.to_string()
                }
            };
            BadCase {
                name: text(&c["name"]).unwrap_or_default(),
                request,
                code: text(&c["code"]).unwrap_or_default(),
                path: text(&c["path"]).unwrap_or_default(),
                text_only: c["text_only"].as_bool().unwrap_or(false),
            }
        })
        .collect()
}

/// What is wrong with an error document for a case (empty when it matches).
pub fn check_bad(case: &BadCase, response: &str) -> Option<String> {
    let v: Value = match serde_json::from_str(response) {
        Ok(v) => v,
        Err(e) => return Some(format!("{}: not JSON ({e})", case.name)),
    };
    let (code, path) = (v["error"]["code"].as_str(), v["error"]["path"].as_str());
    (code != Some(&case.code) || path != Some(&case.path)).then(|| {
        format!(
            "{}: expected {} at `{}`, got {:?} at {:?}",
            case.name, case.code, case.path, code, path
        )
    })
}

/// A small deterministic generator (xorshift64*), so that every face draws the same requests.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The seed and the number of the differential requests, which every face answers.
pub const DIFFERENTIAL_SEED: u64 = 20_260_310;
pub const DIFFERENTIAL_COUNT: usize = 2000;

/// The differential requests: [`random_requests`] of [`DIFFERENTIAL_SEED`], [`DIFFERENTIAL_COUNT`]
/// of them.
pub fn differential_requests() -> Vec<String> {
    random_requests(DIFFERENTIAL_SEED, DIFFERENTIAL_COUNT)
}

/// `n` random valid requests (every field well-formed, all combinations of dates from 2015 to
/// 2028, classes, figures, services, themes, lines, wallets, languages) for the differential
/// tests across faces.
pub fn random_requests(seed: u64, n: usize) -> Vec<String> {
    let mut r = Rng::new(seed);
    (0..n)
        .map(|_| {
            let year = 2015 + r.below(14);
            let date = format!("{year}-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28));
            let cents = |r: &mut Rng, max: u64| {
                let c = r.below(max);
                format!("{}.{:02}", c / 100, c % 100)
            };
            let size = match r.below(3) {
                0 => serde_json::json!({ "class": r.pick(&["micro", "small", "medium", "large"]) }),
                1 => serde_json::json!({
                    "staff_awu": format!("{}.{}", r.below(300), r.below(100)),
                    "turnover": cents(&mut r, 6_000_000_000),
                    "balance_sheet": cents(&mut r, 5_000_000_000),
                }),
                _ => serde_json::json!({
                    "id": "A", "staff_awu": format!("{}", r.below(120)), "turnover": cents(&mut r, 2_000_000_000), "balance_sheet": "1000000",
                    "entities": [{ "id": "P", "staff_awu": format!("{}", r.below(200)), "turnover": "5000000", "balance_sheet": "5000000" }],
                    "holdings": [{ "holder": "P", "held": "A", "capital_pct": format!("{}", r.below(80)), "voting_pct": format!("{}", r.below(80)) }],
                }),
            };
            let kind = r.pick(&["training", "advice"]);
            let subtheme = r.pick(&["", "", "cybersecurity", "energy_efficiency"]);
            let theme = match subtheme {
                "cybersecurity" => "digitalisering",
                "energy_efficiency" => "duurzaamheid",
                _ => r.pick(&["", "innovatie", "personeelsmanagement", "bedrijfsstrategie"]),
            };
            let mut service = serde_json::json!({
                "kind": kind,
                "theme": if theme.is_empty() { Value::Null } else { theme.into() },
                "subtheme": if subtheme.is_empty() { Value::Null } else { subtheme.into() },
                "start_date": date,
                "vat_rate": r.pick(&["21", "6", "0", "12"]),
            });
            if r.below(4) == 0 {
                service["lines"] = serde_json::json!([
                    { "kind": "fee", "amount": cents(&mut r, 3_000_000) },
                    { "kind": "catering", "amount": cents(&mut r, 50_000), "persons": r.below(10), "days": r.below(4) },
                    { "kind": r.pick(&["exam", "travel", "material", "advance_invoice"]), "amount": cents(&mut r, 40_000) },
                ]);
            } else {
                service["cost"] = cents(&mut r, 4_000_000).into();
            }
            // A history is at most its year's ceiling (7 500 from 2020): a wallet over it is
            // refused.
            let wallet = if r.below(3) == 0 {
                serde_json::json!({ "applications": [{ "application_date": format!("{year}-01-01"), "aid": cents(&mut r, 750_000), "size_class": r.pick(&["small", "medium"]) }] })
            } else {
                serde_json::json!({ "aid_used": cents(&mut r, 900_000) })
            };
            serde_json::json!({
                "application_date": date,
                "lang": r.pick(&["nl", "fr", "en"]),
                "enterprise": {
                    "legal_form": r.pick(&["bv", "nv", "bv", "eenmanszaak", "vzw"]),
                    "flemish_establishment": r.below(10) > 0,
                    "public_bodies_pct": format!("{}", r.below(28)),
                    "maatwerkbedrijf": r.below(8) == 0,
                    "size": size,
                    "de_minimis": [{ "date": format!("{}-06-01", year - 1), "amount": cents(&mut r, 30_000_000) }],
                },
                "service": service,
                "wallet": wallet,
            })
            .to_string()
        })
        .collect()
}

/// The repository's README, whose Rust example runs as a doc test of this crate (`cargo test -p
/// kmo-golden --doc`), so that it compiles and asserts what the README says. Its other blocks
/// (JavaScript, C, shell) are not Rust: the JavaScript runs in `kmo-wasm/tests/readme.test.js`,
/// the C in `kmo-ffi/tests/c.rs`.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct Readme;
