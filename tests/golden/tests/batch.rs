//! The NDJSON batch (`cargo run -p kmo-core --example batch`) answers exactly what
//! `assess_json` answers: byte for byte for full responses, number for number with
//! `--numbers`, on the golden vectors and on requests carrying wallet histories (the year's
//! fixed class, stopped applications, another year). The batch and `assess_json` take the same
//! path (`kmo_core::json::respond_into`); this test runs the real binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;

/// The example's binary, brought up to date once per run (cargo does nothing when it is; a
/// binary left by an earlier build would otherwise answer for code that has changed since).
fn batch_binary() -> PathBuf {
    static BUILT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let exe = std::env::current_exe().expect("test binary");
            // target/<profile>/deps/batch-… → target/<profile>/examples/batch
            let profile = exe.parent().and_then(|d| d.parent()).expect("target dir");
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let mut build = Command::new(cargo);
            build.args([
                "build",
                "-q",
                "--locked",
                "-p",
                "kmo-core",
                "--example",
                "batch",
            ]);
            if profile.file_name().is_some_and(|n| n == "release") {
                build.arg("--release");
            }
            assert!(
                build.status().expect("cargo").success(),
                "building the batch example"
            );
            profile.join("examples").join("batch")
        })
        .clone()
}

fn run_batch(lines: &[String], numbers: bool) -> Vec<String> {
    let mut cmd = Command::new(batch_binary());
    if numbers {
        cmd.arg("--numbers");
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("batch runs");
    let input = lines.join("\n") + "\n";
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("batch output");
    writer.join().expect("writer").expect("written");
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

/// Every golden vector on one line (a request written as text with line breaks is left out:
/// NDJSON has one request per line), and wallet histories.
fn requests() -> Vec<String> {
    let mut lines: Vec<String> = kmo_golden::load(&kmo_golden::vectors_dir())
        .into_iter()
        .map(|v| v.request)
        .filter(|r| !r.contains('\n') && !r.trim().is_empty())
        .collect();
    let history = |date: &str, size: &str, apps: &str| {
        format!(
            r#"{{"application_date":"{date}","lang":"fr","enterprise":{{"size":{size}}},"service":{{"kind":"training","theme":"innovatie","start_date":"{date}","cost":"1000"}},"wallet":{{"applications":{apps}}}}}"#
        )
    };
    let medium = r#"{"staff_awu":"60","turnover":"20000000","balance_sheet":"15000000"}"#;
    lines.extend([
        history("2026-06-15", medium, r#"[{"application_date":"2026-02-10","aid":"600.00","size_class":"small"}]"#),
        history("2027-01-15", medium, r#"[{"application_date":"2026-02-10","aid":"600.00","size_class":"small"}]"#),
        history("2026-09-01", r#"{"class":"small"}"#, r#"[{"application_date":"2026-02-10","aid":"7000.00","own_share":"16333.33","status":"stopped","ended_on":"2026-05-01"}]"#),
        history("2025-12-10", r#"{"class":"small"}"#, r#"[{"application_date":"2025-03-10","aid":"7000.00","status":"stopped","ended_on":"2026-01-05"}]"#),
        history("2026-01-20", r#"{"class":"small"}"#, r#"[{"application_date":"2025-03-10","aid":"7500.00"}]"#),
        history("2026-03-01", r#"{"class":"small"}"#, r#"[{"application_date":"2026-04-10","aid":"100.00","payments":[{"date":"2026-04-01","amount":"1"}]}]"#),
    ]);
    lines
}

#[test]
fn full_responses_are_assess_json_byte_for_byte() {
    let lines = requests();
    let out = run_batch(&lines, false);
    assert_eq!(out.len(), lines.len());
    for (request, answer) in lines.iter().zip(&out) {
        assert_eq!(answer, &kmo_core::assess_json(request), "{request}");
    }
    // The issue this test guards: a wallet history's fixed class sets the wallet's class and
    // rate; `size_class` stays the class under the SME definition.
    let fixed: Value = serde_json::from_str(&out[lines.len() - 6]).unwrap();
    assert_eq!(
        (
            fixed["size_class"].as_str(),
            fixed["wallet_class"].as_str(),
            fixed["aid"].as_str()
        ),
        (Some("medium"), Some("small"), Some("300.00"))
    );
}

#[test]
fn numbers_only_are_assess_json_number_for_number() {
    let lines = requests();
    let out = run_batch(&lines, true);
    assert_eq!(out.len(), lines.len());
    for (request, answer) in lines.iter().zip(&out) {
        let lean: Value = serde_json::from_str(answer).unwrap();
        let full: Value = serde_json::from_str(&kmo_core::assess_json(request)).unwrap();
        if full.get("error").is_some() {
            assert_eq!(lean, full, "{request}");
            continue;
        }
        for key in [
            "eligible",
            "size_class",
            "small_mid_cap",
            "rate",
            "eligible_cost",
            "invoiced",
            "aid_before_ceiling",
            "aid",
            "own_share",
            "vat",
            "ceiling",
            "ceiling_left",
            "capped",
            "deadlines",
            "findings",
            "wallet_class",
            "is_sme",
            "public_share",
            "de_minimis",
            "cost_lines",
            "rulebook",
            "policies",
        ] {
            assert_eq!(lean[key], full[key], "{key} of {request}");
        }
        assert_eq!(lean["trace"], Value::Array(Vec::new()));
    }
}
