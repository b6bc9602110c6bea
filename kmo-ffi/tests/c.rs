//! The C face tested from C, run by `cargo test`: the API and misuse tests (warnings as errors,
//! C99), the same under AddressSanitizer + UBSan and under Valgrind, the header as C++, the
//! header up to date with cbindgen, the golden suite through `kmo_assess_json` compared vector
//! for vector with the Rust face, and Python's ctypes. The installed library (pkg-config, CMake,
//! DESTDIR) is tested by `tests/consumer/run.sh`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const C_FLAGS: &[&str] = &["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-g"];
const SYSTEM_LIBS: &[&str] = &["-lpthread", "-ldl", "-lm"];

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `target/<profile>`: where this test binary's profile puts libkmo.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps")
        .to_path_buf()
}

/// Builds libkmo.a and libkmo.so (cargo test builds only the rlib) once per run.
fn library() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = profile_dir();
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["build", "-q", "--locked", "-p", "kmo-ffi"])
            .current_dir(manifest());
        if dir.file_name().is_some_and(|n| n == "release") {
            cmd.arg("--release");
        }
        let status = cmd.status().expect("cargo runs");
        assert!(status.success(), "building libkmo failed");
        assert!(
            dir.join("libkmo.a").exists(),
            "no libkmo.a in {}",
            dir.display()
        );
        dir
    })
}

fn work_dir(name: &str) -> PathBuf {
    let dir = profile_dir().join("c-tests").join(name);
    std::fs::create_dir_all(&dir).expect("work dir");
    dir
}

fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Compiles C (or C++) sources against the header and the static library.
fn compile(compiler: &str, source: &str, output: &Path, extra: &[&str]) {
    let lib = library().join("libkmo.a");
    let mut cmd = Command::new(compiler);
    if compiler == "gcc" {
        cmd.args(C_FLAGS);
    } else {
        cmd.args(["-std=c++11", "-Wall", "-Wextra", "-Werror", "-pedantic"]);
    }
    cmd.args(extra)
        .arg("-I")
        .arg(manifest().join("include"))
        .arg(manifest().join(source))
        .arg(&lib)
        .args(SYSTEM_LIBS)
        .arg("-o")
        .arg(output);
    run(&mut cmd);
}

fn last_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or("")
        .to_string()
}

const SANITIZE: &[&str] = &[
    "-fsanitize=address,undefined",
    "-fno-omit-frame-pointer",
    "-fno-sanitize-recover=all",
];

/// Runs requests (one per line) through `tests/c/golden.c`, which calls `kmo_assess_json` for
/// each, and returns the responses in order.
fn through_c(name: &str, requests: &[String], flags: &[&str]) -> Vec<String> {
    let dir = work_dir(name);
    let exe = dir.join("golden");
    compile("gcc", "tests/c/golden.c", &exe, flags);
    let mut text = String::new();
    for r in requests {
        assert!(!r.contains('\n'), "a request must fit on one line: {r}");
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(dir.join("requests.ndjson"), text).unwrap();
    run(Command::new(&exe)
        .arg(dir.join("requests.ndjson"))
        .arg(dir.join("responses.ndjson"))
        .env("ASAN_OPTIONS", "detect_leaks=1"));
    let responses: Vec<String> = std::fs::read_to_string(dir.join("responses.ndjson"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(responses.len(), requests.len());
    responses
}

#[test]
fn header_is_up_to_date() {
    let generated =
        std::fs::read_to_string(concat!(env!("OUT_DIR"), "/kmo.h")).expect("generated header");
    let checked_in =
        std::fs::read_to_string(manifest().join("include/kmo.h")).expect("include/kmo.h");
    assert!(
        generated == checked_in,
        "kmo-ffi/include/kmo.h is out of date: run `KMO_UPDATE_HEADER=1 cargo build -p kmo-ffi` and commit it"
    );
}

#[test]
fn version_macros_match_the_crate() {
    let header = std::fs::read_to_string(manifest().join("include/kmo.h")).unwrap();
    let part = |text: &str| -> u32 { text.parse().unwrap() };
    let (major, minor, patch) = (
        part(env!("CARGO_PKG_VERSION_MAJOR")),
        part(env!("CARGO_PKG_VERSION_MINOR")),
        part(env!("CARGO_PKG_VERSION_PATCH")),
    );
    for (name, value) in [
        ("MAJOR", major.to_string()),
        ("MINOR", minor.to_string()),
        ("PATCH", patch.to_string()),
        ("NUMBER", (major * 10_000 + minor * 100 + patch).to_string()),
        ("STRING", format!("\"{}\"", env!("CARGO_PKG_VERSION"))),
    ] {
        assert!(
            header.contains(&format!("#define KMO_VERSION_{name} {value}\n")),
            "KMO_VERSION_{name}"
        );
    }
    assert_eq!(
        kmo::kmo_version_number(),
        major * 10_000 + minor * 100 + patch
    );
}

/// Every function declaration carries the export macro, and every enumeration is a `uint32_t`
/// typedef in C.
#[test]
fn header_declarations_are_exported_and_fixed_width() {
    let header = std::fs::read_to_string(manifest().join("include/kmo.h")).unwrap();
    let lines: Vec<&str> = header.lines().collect();
    let mut declared = 0;
    for (i, line) in lines.iter().enumerate() {
        // A declaration starts in column 0 (comments start with a space, directives with #).
        let starts = line.starts_with(|c: char| c.is_ascii_lowercase() || c == 'K');
        if starts && line.contains("kmo_") && line.contains('(') {
            assert!(
                line.starts_with("KMO_API ") || (i > 0 && lines[i - 1] == "KMO_API"),
                "declared without KMO_API: {line}"
            );
            declared += 1;
        }
    }
    let exported: usize = std::fs::read_dir(manifest().join("src"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .map(|text| text.matches("#[no_mangle]").count())
        .sum();
    assert_eq!(declared, exported, "every exported function is declared");
    for name in [
        "kmo_status",
        "kmo_size_class",
        "kmo_service_kind",
        "kmo_theme",
        "kmo_subtheme",
        "kmo_finding_code",
        "kmo_own_share_deadline",
        "kmo_lang",
        "kmo_application_status",
        "kmo_code_list",
    ] {
        assert!(
            header.contains(&format!("typedef uint32_t {name};")),
            "{name} is not a uint32_t"
        );
        assert!(header.contains(&format!("enum {name}\n")), "enum {name}");
    }
    for name in [
        "kmo_quote_request",
        "kmo_quote_result",
        "kmo_classification",
        "kmo_rulebook",
        "kmo_payment",
        "kmo_settlement",
        "kmo_wallet_application",
        "kmo_year_budget",
    ] {
        assert!(
            header.contains(&format!("typedef struct {name} {{")),
            "struct {name} has no tag"
        );
    }
}

#[test]
fn c_api() {
    let exe = work_dir("api").join("api");
    compile("gcc", "tests/c/api.c", &exe, &[]);
    let out = run(&mut Command::new(&exe));
    assert!(
        last_line(&out).ends_with(" passed, 0 failed"),
        "{}",
        last_line(&out)
    );
}

#[test]
fn c_api_under_address_and_undefined_behaviour_sanitizers() {
    let exe = work_dir("api-asan").join("api");
    compile(
        "gcc",
        "tests/c/api.c",
        &exe,
        &[
            "-fsanitize=address,undefined",
            "-fno-omit-frame-pointer",
            "-fno-sanitize-recover=all",
        ],
    );
    let out = run(Command::new(&exe).env("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1"));
    assert!(last_line(&out).ends_with(" passed, 0 failed"));
}

#[test]
fn c_api_under_valgrind() {
    let exe = work_dir("api-valgrind").join("api");
    compile("gcc", "tests/c/api.c", &exe, &[]);
    let out = run(Command::new("valgrind")
        .args([
            "--error-exitcode=3",
            "--leak-check=full",
            "--show-leak-kinds=all",
            "--errors-for-leak-kinds=all",
            "--quiet",
        ])
        .arg(&exe));
    assert!(last_line(&out).ends_with(" passed, 0 failed"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("ERROR SUMMARY: ") || stderr.contains("ERROR SUMMARY: 0 errors"),
        "{stderr}"
    );
}

#[test]
fn header_compiles_as_cpp() {
    let exe = work_dir("cpp").join("header");
    compile("g++", "tests/c/header.cpp", &exe, &[]);
    run(&mut Command::new(&exe));
}

/// The golden suite through `kmo_assess_json`, under ASan + UBSan: the same bytes as the Rust
/// face for every vector, and every vector's expectations met.
#[test]
fn golden_suite_through_c() {
    let vectors = kmo_golden::load(&kmo_golden::vectors_dir());
    let requests: Vec<String> = vectors.iter().map(|v| v.request.clone()).collect();
    let responses = through_c("golden", &requests, SANITIZE);
    let mut failures = Vec::new();
    for (v, c_text) in vectors.iter().zip(&responses) {
        let rust_text = kmo_core::assess_json(&v.request);
        if *c_text != rust_text {
            failures.push(format!(
                "{} / {}: the C face differs from the Rust face",
                v.file, v.name
            ));
            continue;
        }
        let response: serde_json::Value = serde_json::from_str(c_text).unwrap();
        let problems = kmo_golden::check(v, &response);
        if !problems.is_empty() {
            failures.push(format!("{} / {}: {}", v.file, v.name, problems.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed through C:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
    println!("{} golden vectors passed through the C face", vectors.len());
}

#[test]
fn python_ctypes_example() {
    let lib = library().join("libkmo.so");
    let out = run(Command::new("python3")
        .arg(manifest().join("../examples/c/quote.py"))
        .env("KMO_LIB", lib));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "0 600.00 1400.00 420.00"
    );
}

/// The bad-input catalogue through `kmo_assess_json` under ASan + UBSan: every case gives a
/// non-zero status and the error document with its code and field. (NULL pointers, invalid
/// UTF-8, zero and short lengths are in tests/c/api.c.)
#[test]
fn bad_inputs_through_c() {
    let cases = kmo_golden::bad_inputs();
    let requests: Vec<String> = cases.iter().map(|c| c.request.clone()).collect();
    let responses = through_c("bad-inputs", &requests, SANITIZE);
    let failures: Vec<String> = cases
        .iter()
        .zip(&responses)
        .filter_map(|(c, r)| kmo_golden::check_bad(c, r))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs failed through C:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// The differential requests (as the golden crate's differential test): the C face answers byte
/// for byte as the Rust face.
#[test]
fn differential_random_requests_through_c() {
    let requests = kmo_golden::differential_requests();
    let responses = through_c("differential", &requests, &[]);
    for (request, c_text) in requests.iter().zip(&responses) {
        assert_eq!(
            *c_text,
            kmo_core::assess_json(request),
            "C and Rust differ for {request}"
        );
    }
}

// ---- the invoice run (examples/c/invoices.c) ------------------------------------------------

/// A CSV field as the invoice run writes it: quoted when it holds a comma, a quote or a line
/// break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The invoice run's output for a CSV, computed with the Rust API (one `Wallet` per company),
/// independently of the C library and of the C program.
fn invoice_run_in_rust(csv: &str) -> String {
    use kmo_core::quick::QuickQuestion;
    use kmo_core::wallet::Wallet;
    use kmo_core::{parse_date, InputError, Lang, Money, ServiceKind, SizeClass, Subtheme, Theme};

    struct Company {
        name: String,
        wallet: Wallet,
        totals: [i64; 4],
        invoices: u32,
    }
    fn optional<T>(
        text: &str,
        read: impl Fn(&str) -> Result<T, InputError>,
    ) -> Result<Option<T>, InputError> {
        if text.is_empty() {
            Ok(None)
        } else {
            read(text).map(Some)
        }
    }
    let mut companies: Vec<Company> = Vec::new();
    let mut out =
        String::from("company,date,service,amount,aid,own_share,vat,application,result\n");
    for line in csv.lines().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), 8, "{line}");
        let at = match companies.iter().position(|c| c.name == f[0]) {
            Some(i) => i,
            None => {
                companies.push(Company {
                    name: f[0].to_string(),
                    wallet: Wallet::new(),
                    totals: [0; 4],
                    invoices: 0,
                });
                companies.len() - 1
            }
        };
        let company = &mut companies[at];
        let column = |name: &'static str| move |e: InputError| (e, name);
        let question = (|| -> Result<QuickQuestion, (InputError, &'static str)> {
            let date = parse_date(f[1]).map_err(column("date"))?;
            let class = SizeClass::parse(f[2]).map_err(column("size_class"))?;
            let kind = ServiceKind::parse(f[3]).map_err(column("service"))?;
            let theme = optional(f[4], Theme::parse).map_err(column("theme"))?;
            let subtheme = optional(f[5], Subtheme::parse).map_err(column("subtheme"))?;
            let start_date = optional(f[6], parse_date).map_err(column("start_date"))?;
            let cost = Money::parse(f[7]).map_err(column("amount"))?;
            Ok(QuickQuestion {
                theme,
                subtheme,
                start_date,
                ..QuickQuestion::new(date, class, kind, cost)
            })
        })();
        let refused = |code: &str, message: String| format!("refused: {code}: {message}");
        let (numbers, result) = match question {
            Err((e, col)) => (
                None,
                format!("refused: {} at {col}: {}", e.code, e.message(Lang::En)),
            ),
            Ok(q) => match q.check() {
                Err(e) => (None, refused(e.code.as_str(), e.message(Lang::En))),
                Ok(checked) => match company.wallet.apply(checked.application()) {
                    Err(e) => (None, refused(e.code(), e.message(Lang::En))),
                    Ok(applied) => {
                        // An invoice is sent once the own share is in the wallet: the run
                        // records its payment on the application date (an unpaid application
                        // would lapse after its deadline), as the C program does.
                        if applied.recorded && !applied.assessment.own_share.is_zero() {
                            let date = checked.application().application_date;
                            if let Err(e) =
                                company
                                    .wallet
                                    .pay(applied.id, date, applied.assessment.own_share)
                            {
                                panic!("the own share of {} cannot be paid: {e}", applied.id);
                            }
                        }
                        let a = &applied.assessment;
                        let result = if a.eligible {
                            (if a.capped { "capped" } else { "eligible" }).to_string()
                        } else {
                            let codes: Vec<&str> = a.blocking().map(|b| b.code.as_str()).collect();
                            format!("not eligible: {}", codes.join(" "))
                        };
                        (
                            Some((
                                q.cost,
                                a.aid,
                                a.own_share,
                                a.vat,
                                applied.recorded.then_some(applied.id),
                            )),
                            result,
                        )
                    }
                },
            },
        };
        match numbers {
            Some((cost, aid, own_share, vat, id)) => {
                out.push_str(&format!(
                    "{},{},{},{cost},{aid},{own_share},{vat},{},",
                    csv_field(f[0]),
                    csv_field(f[1]),
                    csv_field(f[3]),
                    id.map_or(String::new(), |id| id.to_string())
                ));
                for (total, amount) in company.totals.iter_mut().zip([cost, aid, own_share, vat]) {
                    *total += amount.cents();
                }
                company.invoices += 1;
            }
            None => out.push_str(&format!(
                "{},{},{},{},,,,,",
                csv_field(f[0]),
                csv_field(f[1]),
                csv_field(f[3]),
                csv_field(f[7])
            )),
        }
        out.push_str(&csv_field(&result));
        out.push('\n');
    }
    let money = |cents: i64| Money::from_cents(cents).unwrap().to_string();
    let mut all = [0_i64; 4];
    let mut invoices = 0;
    let mut total = |name: &str, t: [i64; 4], n: u32| {
        out.push_str(&format!(
            "{},total,,{},{},{},{},,invoices: {n}\n",
            csv_field(name),
            money(t[0]),
            money(t[1]),
            money(t[2]),
            money(t[3])
        ));
    };
    for c in &companies {
        total(&c.name, c.totals, c.invoices);
        for (a, t) in all.iter_mut().zip(c.totals) {
            *a += t;
        }
        invoices += c.invoices;
    }
    total("all", all, invoices);
    out
}

/// Invoices for many companies over three years: mostly in date order per company (some out
/// of order), every size class, service, theme and subtheme (some of another theme), starts
/// before the application (some too early), amounts with 0–2 decimals, a few unreadable
/// values. Deterministic.
fn random_invoices(seed: u64, count: usize) -> String {
    let mut state = seed;
    let mut next = |n: u64| -> u64 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let day = |jd: i32| {
        let d = kmo_core::Date::from_julian_day(jd).unwrap();
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    };
    let start = kmo_core::date(2025, 1, 1).unwrap().to_julian_day();
    let sizes = ["micro", "small", "medium", "large"];
    let themes = [
        "",
        "bedrijfsstrategie",
        "beroepsspecifieke_competenties",
        "digitalisering",
        "duurzaamheid",
        "financiele_geletterdheid",
        "innovatie",
        "internationalisering",
        "personeelsmanagement",
    ];
    let mut current: Vec<i32> = (0..60).map(|_| start).collect();
    let mut csv =
        String::from("company,date,size_class,service,theme,subtheme,start_date,amount\n");
    for _ in 0..count {
        let c = next(60) as usize;
        current[c] += next(30) as i32;
        let date = if next(20) == 0 {
            current[c] - 40
        } else {
            current[c]
        };
        let size = if next(50) == 0 {
            "tiny"
        } else {
            sizes[next(4) as usize]
        };
        let service = if next(3) == 0 { "advice" } else { "training" };
        let (mut theme, subtheme) = (
            themes[next(9) as usize],
            match next(10) {
                0 => "cybersecurity",
                1 => "energy_efficiency",
                _ => "",
            },
        );
        // Mostly the subtheme's own theme; sometimes another (refused).
        if next(5) != 0 {
            match subtheme {
                "cybersecurity" => theme = "digitalisering",
                "energy_efficiency" => theme = "duurzaamheid",
                _ => {}
            }
        }
        let start_date = match next(5) {
            0 => String::new(),
            _ => day(date - next(20) as i32),
        };
        let cents = 5_000 + next(400_000) as i64;
        let amount = match next(60) {
            0 => "1 234.56".to_string(),
            1 => format!("-{}", cents / 100),
            _ => match next(3) {
                0 => format!("{}", cents / 100),
                1 => format!("{}.{}", cents / 100, cents % 100 / 10),
                _ => format!("{}.{:02}", cents / 100, cents % 100),
            },
        };
        csv.push_str(&format!(
            "company-{c},{},{size},{service},{theme},{subtheme},{start_date},{amount}\n",
            day(date)
        ));
    }
    csv
}

/// Runs the invoice run (examples/c/invoices.c, warnings as errors) on a CSV file.
fn invoice_run_in_c(name: &str, csv: &str, flags: &[&str]) -> String {
    let dir = work_dir(name);
    let exe = dir.join("invoices");
    compile("gcc", "../examples/c/invoices.c", &exe, flags);
    std::fs::write(dir.join("invoices.csv"), csv).unwrap();
    let out = run(Command::new(&exe)
        .arg(dir.join("invoices.csv"))
        .env("ASAN_OPTIONS", "detect_leaks=1"));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The sample invoices: the C program's output equals the Rust API's, and the expected output
/// checked in beside the sample (whose numbers were checked by hand: 30 % of 20 000.00, the
/// ceiling of 7 500.00 shared by a company's invoices, 1 234.56 × 30 % = 370.368 → 370.37).
#[test]
fn invoice_run_sample() {
    let examples = manifest().join("../examples/c");
    let csv = std::fs::read_to_string(examples.join("invoices.csv")).unwrap();
    let expected = std::fs::read_to_string(examples.join("invoices.expected.csv")).unwrap();
    assert_eq!(
        invoice_run_in_rust(&csv),
        expected,
        "the Rust API disagrees with invoices.expected.csv"
    );
    assert_eq!(
        invoice_run_in_c("invoices-sample", &csv, SANITIZE),
        expected
    );
    for line in [
        "acme,total,,26500.00,7500.00,19000.00,5565.00,,invoices: 4",
        "delta,2026-06-15,training,1234.56,370.37,864.19,259.26,1,eligible",
        "all,total,,44135.05,11230.47,32904.58,9268.37,,invoices: 10",
    ] {
        assert!(expected.lines().any(|l| l == line), "{line}");
    }
}

/// 3 000 random invoices of 60 companies over three years, under ASan + UBSan: the C program
/// agrees with the Rust API byte for byte, exact to the cent.
#[test]
fn invoice_run_random() {
    let csv = random_invoices(20_260_310, 3000);
    let expected = invoice_run_in_rust(&csv);
    let got = invoice_run_in_c("invoices-random", &csv, SANITIZE);
    for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
        assert_eq!(g, e, "line {}", i + 1);
    }
    assert_eq!(got, expected);
    // The run covers every kind of line.
    for kind in [
        ",eligible\n",
        ",capped\n",
        "not eligible: ",
        "refused: OUT_OF_ORDER",
        "refused: INVALID_AMOUNT at amount",
        "refused: UNKNOWN_CODE at size_class",
        "refused: INCONSISTENT_INPUT",
    ] {
        assert!(expected.contains(kind), "no line with {kind}");
    }
}

/// The C example of the repository's README, taken from the Markdown: compiled (C99, warnings as
/// errors) inside a `main` and run; it prints what its comment says.
#[test]
fn the_readme_c_example_prints_what_it_says() {
    let readme = std::fs::read_to_string(manifest().join("../README.md")).expect("README.md");
    let block = readme
        .split("```c\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("a ```c block in README.md");
    // `printf("aid %lld cents\n", …);   /* 60000 */`: the value the README says is printed.
    let said = block
        .lines()
        .find(|l| l.contains("printf("))
        .and_then(|l| l.rsplit("/*").next())
        .map(|c| c.trim_end_matches("*/").trim().to_string())
        .expect("a printf with its value in a comment");
    let body: String = block.lines().map(|l| format!("    {l}\n")).collect();
    let dir = work_dir("readme");
    let source = dir.join("readme.c");
    std::fs::write(
        &source,
        format!("#include <stdio.h>\n#include \"kmo.h\"\n\nint main(void) {{\n{body}    return 0;\n}}\n"),
    )
    .expect("write readme.c");
    let exe = dir.join("readme");
    compile("gcc", source.to_str().expect("utf-8 path"), &exe, &[]);
    let out = run(&mut Command::new(&exe));
    assert_eq!(last_line(&out), format!("aid {said} cents"));
}
