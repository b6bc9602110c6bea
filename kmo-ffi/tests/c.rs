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
        cmd.args([
            "-std=c++11",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-pedantic",
            "-Wold-style-cast",
            "-Wzero-as-null-pointer-constant",
        ]);
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
        .map(|e| e.unwrap().path())
        .filter(|path| path.is_file()) // a module's tests sit in its directory
        .map(|path| std::fs::read_to_string(path).unwrap())
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
        "kmo_severity",
        "kmo_cost_line_kind",
        "kmo_yes_no",
    ] {
        assert!(
            header.contains(&format!("typedef uint32_t {name};")),
            "{name} is not a uint32_t"
        );
        assert!(header.contains(&format!("enum {name}\n")), "enum {name}");
    }
    // Every struct with a body starts with `uint32_t struct_size`, and has an _INIT macro.
    let mut structs = 0;
    for (i, line) in lines.iter().enumerate() {
        if let Some(name) = line
            .strip_prefix("typedef struct ")
            .and_then(|rest| rest.strip_suffix(" {"))
        {
            let first = lines[i + 1..]
                .iter()
                .find(|l| !l.trim_start().starts_with('*') && !l.trim_start().starts_with("/*"))
                .unwrap();
            assert_eq!(first.trim(), "uint32_t struct_size;", "struct {name}");
            let init = format!("#define {}_INIT", name.to_uppercase());
            assert!(header.contains(&init), "{init}");
            structs += 1;
        }
    }
    assert_eq!(structs, 16, "structs with a body");
    for name in [
        "kmo_wallet",
        "kmo_error",
        "kmo_findings",
        "kmo_sme_definition",
    ] {
        assert!(
            header.contains(&format!("typedef struct {name} {name};")),
            "opaque {name}"
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

/// The first C example after `marker` in a README, compiled as it stands inside `main` and run
/// under ASan + UBSan; `main` returns whether `check` (a C expression) holds after it.
fn readme_example(name: &str, readme: &str, marker: &str, check: &str) -> Output {
    let readme = std::fs::read_to_string(manifest().join(readme)).unwrap();
    let after = &readme[readme.find(marker).unwrap()..];
    let start = after.find("```c\n").unwrap() + 5;
    let body = &after[start..start + after[start..].find("```").unwrap()];
    let program = format!(
        "#include <stdio.h>\n#include \"kmo.h\"\nint main(void) {{\n{}\nreturn {check} ? 0 : 1;\n}}\n",
        body.replace("#include <kmo.h>", "")
    );
    let dir = work_dir(name);
    std::fs::write(dir.join("readme.c"), program).unwrap();
    let exe = dir.join("readme");
    let mut cmd = Command::new("gcc");
    cmd.args(C_FLAGS)
        .args(SANITIZE)
        .arg("-I")
        .arg(manifest().join("include"))
        .arg(dir.join("readme.c"))
        .arg(library().join("libkmo.a"))
        .args(SYSTEM_LIBS)
        .arg("-o")
        .arg(&exe);
    run(&mut cmd);
    run(&mut Command::new(&exe))
}

/// The repository README's C example prints what its comment says.
#[test]
fn repository_readme_example_runs() {
    let out = readme_example(
        "readme-root",
        "../README.md",
        "\nC:\n",
        "q.aid_cents == 60000",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "aid 60000 cents\n");
}

/// The first example of this README ("Using it"), compiled as it stands and run: it prints the
/// findings in French, and the numbers its comment gives are the answer's.
#[test]
fn readme_example_runs() {
    let out = readme_example(
        "readme",
        "README.md",
        "## Using it",
        "q.aid_cents == 60000 && q.own_share_cents == 140000 && q.vat_cents == 42000 && \
         q.ceiling_left_cents == 690000 && q.apply_by == 20260316 && q.pay_own_share_by == 20260324",
    );
    // Every finding of the same question, in French, as the Rust API gives them.
    use kmo_core::*;
    let app = Application::new(
        parse_date("2026-03-10").unwrap(),
        Enterprise {
            legal_form: Some(LegalForm::Bv),
            flemish_establishment: Some(true),
            ..Enterprise::new(SizeInput::Declared(SizeClass::Small))
        },
        Service {
            theme: Some(Theme::Personeelsmanagement),
            start_date: Some(parse_date("2026-03-02").unwrap()),
            provider: Some(ProviderNumber::parse("DV.O236459").unwrap()),
            ..Service::new(ServiceKind::Training, Money::from_euro(2000))
        },
    );
    let expected: String = assess(&app)
        .unwrap()
        .findings
        .iter()
        .map(|f| f.message(Lang::Fr) + "\n")
        .collect();
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

/// The README's example of the full SME definition, compiled as it stands and run: it prints
/// the class `kmo_classify_json` gives the same size object, and quotes with it.
#[test]
fn readme_sme_definition_example_runs() {
    let out = readme_example(
        "readme-sme",
        "README.md",
        "### The full SME definition",
        "q.size_class == KMO_SIZE_SMALL && q.aid_cents == 60000",
    );
    let size = r#"{"id":"A","periods":[{"closing_date":"2025-12-31","staff_awu":"20","turnover":"3000000",
        "balance_sheet":"2000000","entities":[{"id":"C","staff_awu":"30","turnover":"9000000",
        "balance_sheet":"6000000"}],"holdings":[{"holder":"A","held":"C","capital_pct":"33"}]}]}"#;
    let answer: serde_json::Value =
        serde_json::from_str(&kmo_core::json::classify_json(size)).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}\n", answer["size_class"].as_str().unwrap())
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
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "0 600.00 1400.00 420.00", "{stdout}");
    // A large enterprise: the blocking finding's reference and its Dutch message.
    let message = kmo_core::Finding::new(
        kmo_core::FindingCode::EnterpriseTooLarge,
        kmo_core::Severity::Blocking,
        "REC-2003/361 art. 2",
        Vec::new(),
    )
    .message(kmo_core::Lang::Nl);
    assert_eq!(
        lines[1..],
        [format!("REC-2003/361 art. 2: {message}")],
        "{stdout}"
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

/// The invoice run's columns.
const COLUMNS: [&str; 11] = [
    "company",
    "lang",
    "date",
    "legal_form",
    "size_class",
    "service",
    "theme",
    "subtheme",
    "provider",
    "start_date",
    "amount",
];

/// The CSV column of a field of the request document, as the invoice run names it.
fn column_of(path: &str) -> Option<&'static str> {
    Some(match path {
        "lang" => "lang",
        "application_date" => "date",
        "enterprise.legal_form" => "legal_form",
        "enterprise.size.class" => "size_class",
        "service.kind" => "service",
        "service.theme" => "theme",
        "service.subtheme" => "subtheme",
        "service.provider" => "provider",
        "service.start_date" => "start_date",
        "service.cost" => "amount",
        _ => return None,
    })
}

/// What one invoice came to, whichever face answered it.
enum Line {
    /// Answered: amount, aid, own share, VAT, ceiling left (cents); apply by, pay by, complete
    /// by (ISO dates or empty); the wallet's id; the result text.
    Answered([i64; 5], [String; 3], Option<u32>, String),
    /// Refused: the result text.
    Refused(String),
}

/// "refused: CODE at COLUMN: message".
fn refused(code: &str, path: &str, message: &str) -> String {
    match column_of(path) {
        Some(column) => format!("refused: {code} at {column}: {message}"),
        None => format!("refused: {code}: {message}"),
    }
}

/// "not eligible: CODE: message | CODE: message".
fn not_eligible<'a>(blocking: impl Iterator<Item = (&'a str, String)>) -> String {
    let reasons: Vec<String> = blocking.map(|(c, m)| format!("{c}: {m}")).collect();
    format!("not eligible: {}", reasons.join(" | "))
}

/// The invoice run's output from each line's outcome (the same format whichever face).
fn invoice_output(csv: &str, mut answer: impl FnMut(&str, &[&str]) -> Line) -> String {
    let mut companies: Vec<(String, [i64; 4], u32)> = Vec::new();
    let mut out = String::from(
        "company,date,service,amount,aid,own_share,vat,ceiling_left,apply_by,pay_own_share_by,complete_by,application,result\n",
    );
    let money = |cents: i64| kmo_core::Money::from_cents(cents).unwrap().to_string();
    for line in csv.lines().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        assert_eq!(f.len(), COLUMNS.len(), "{line}");
        let at = match companies.iter().position(|c| c.0 == f[0]) {
            Some(i) => i,
            None => {
                companies.push((f[0].to_string(), [0; 4], 0));
                companies.len() - 1
            }
        };
        let outcome = answer(f[0], &f);
        out.push_str(&format!(
            "{},{},{},",
            csv_field(f[0]),
            csv_field(f[2]),
            csv_field(f[5])
        ));
        let result = match outcome {
            Line::Answered(amounts, dates, id, result) => {
                for a in amounts {
                    out.push_str(&money(a));
                    out.push(',');
                }
                for d in dates {
                    out.push_str(&d);
                    out.push(',');
                }
                if let Some(id) = id {
                    out.push_str(&id.to_string());
                }
                let company = &mut companies[at];
                for (total, a) in company.1.iter_mut().zip(amounts) {
                    *total += a;
                }
                company.2 += 1;
                result
            }
            Line::Refused(result) => {
                out.push_str(&csv_field(f[10]));
                out.push_str(",,,,,,,,,");
                result
            }
        };
        out.push(',');
        out.push_str(&csv_field(&result));
        out.push('\n');
    }
    let mut all = [0_i64; 4];
    let mut invoices = 0;
    let mut total = |name: &str, t: [i64; 4], n: u32| {
        out.push_str(&format!(
            "{},total,,{},{},{},{},,,,,,invoices: {n}\n",
            csv_field(name),
            money(t[0]),
            money(t[1]),
            money(t[2]),
            money(t[3])
        ));
    };
    for (name, totals, n) in &companies {
        total(name, *totals, *n);
        for (a, t) in all.iter_mut().zip(totals) {
            *a += t;
        }
        invoices += n;
    }
    total("all", all, invoices);
    out
}

/// The invoice run through the Rust API (one `Wallet` per company), independently of the C
/// library and of the C program.
fn invoice_run_in_rust(csv: &str) -> String {
    use kmo_core::wallet::Wallet;
    use kmo_core::{
        parse_date, Application, Enterprise, InputError, Lang, LegalForm, Money, ProviderNumber,
        Service, ServiceKind, SizeClass, SizeInput, Subtheme, Theme,
    };
    fn optional<T>(
        text: &str,
        read: impl Fn(&str) -> Result<T, InputError>,
    ) -> Result<Option<T>, InputError> {
        (!text.is_empty()).then(|| read(text)).transpose()
    }
    let mut wallets: Vec<(String, Wallet)> = Vec::new();
    invoice_output(csv, |company, f| {
        let at = match wallets.iter().position(|w| w.0 == company) {
            Some(i) => i,
            None => {
                wallets.push((company.to_string(), Wallet::new()));
                wallets.len() - 1
            }
        };
        let lang = match Lang::parse(f[1]) {
            Ok(l) => l,
            Err(e) => return Line::Refused(refused(e.code.as_str(), "lang", &e.message(Lang::En))),
        };
        let at_path = |path: &'static str| move |e: InputError| e.at(path);
        let app = (|| -> Result<Application, InputError> {
            let date = parse_date(f[2]).map_err(at_path("application_date"))?;
            let legal_form =
                optional(f[3], LegalForm::parse).map_err(at_path("enterprise.legal_form"))?;
            let class = SizeClass::parse(f[4]).map_err(at_path("enterprise.size.class"))?;
            let kind = ServiceKind::parse(f[5]).map_err(at_path("service.kind"))?;
            let cost = Money::parse(f[10]).map_err(at_path("service.cost"))?;
            let theme = optional(f[6], Theme::parse).map_err(at_path("service.theme"))?;
            let subtheme = optional(f[7], Subtheme::parse).map_err(at_path("service.subtheme"))?;
            let provider =
                optional(f[8], ProviderNumber::parse).map_err(at_path("service.provider"))?;
            let start_date = optional(f[9], parse_date).map_err(at_path("service.start_date"))?;
            Ok(Application::new(
                date,
                Enterprise {
                    legal_form,
                    ..Enterprise::new(SizeInput::Declared(class))
                },
                Service {
                    theme,
                    subtheme,
                    provider,
                    start_date,
                    ..Service::new(kind, cost)
                },
            ))
        })();
        let app = match app {
            Ok(app) => app,
            Err(e) => return Line::Refused(refused(e.code.as_str(), &e.path, &e.message(lang))),
        };
        let wallet = &mut wallets[at].1;
        match wallet.apply(&app) {
            Err(e) => Line::Refused(refused(e.code().as_str(), e.path(), &e.message(lang))),
            Ok(applied) => {
                let a = &applied.assessment;
                // An invoice is sent once the own share is in the wallet: the run pays it in on
                // the application date, as the C program does.
                if applied.recorded && !a.own_share.is_zero() {
                    if let Err(e) = wallet.pay(applied.id, app.application_date, a.own_share) {
                        return Line::Refused(refused(
                            e.code().as_str(),
                            e.path(),
                            &e.message(lang),
                        ));
                    }
                }
                let date = |d: Option<kmo_core::Date>| d.map_or(String::new(), |d| d.to_string());
                let result = if a.eligible {
                    (if a.capped { "capped" } else { "eligible" }).to_string()
                } else {
                    not_eligible(a.blocking().map(|b| (b.code.as_str(), b.message(lang))))
                };
                let cost = match &app.service.cost {
                    kmo_core::CostInput::Amount(m) => m.cents(),
                    _ => unreachable!(),
                };
                Line::Answered(
                    [
                        cost,
                        a.aid.cents(),
                        a.own_share.cents(),
                        a.vat.cents(),
                        a.ceiling_left.cents(),
                    ],
                    [
                        date(a.deadlines.apply_by),
                        date(a.deadlines.pay_own_share_by),
                        date(Some(a.deadlines.complete_by)),
                    ],
                    applied.recorded.then_some(applied.id),
                    result,
                )
            }
        }
    })
}

/// The invoice run through the C library's JSON calls (`kmo_wallet_apply_json`, one wallet
/// handle per company): each invoice as a request document, each answer read from the
/// response document or the error document.
fn invoice_run_through_json(csv: &str) -> String {
    use serde_json::{json, Map, Value};
    let mut wallets: Vec<(String, *mut kmo::kmo_wallet)> = Vec::new();
    let out = invoice_output(csv, |company, f| {
        let wallet = match wallets.iter().find(|w| w.0 == company) {
            Some(w) => w.1,
            None => {
                wallets.push((company.to_string(), kmo::kmo_wallet_new()));
                wallets.last().unwrap().1
            }
        };
        let mut enterprise = Map::new();
        if !f[3].is_empty() {
            enterprise.insert("legal_form".into(), json!(f[3]));
        }
        enterprise.insert("size".into(), json!({ "class": f[4] }));
        let mut service = Map::new();
        service.insert("kind".into(), json!(f[5]));
        service.insert("cost".into(), json!(f[10]));
        for (i, key) in [
            (6, "theme"),
            (7, "subtheme"),
            (8, "provider"),
            (9, "start_date"),
        ] {
            if !f[i].is_empty() {
                service.insert(key.into(), json!(f[i]));
            }
        }
        let request = json!({
            "application_date": f[2],
            "lang": f[1],
            "enterprise": enterprise,
            "service": service,
        })
        .to_string();
        let (mut id, mut text, mut len) = (0_u32, std::ptr::null_mut(), 0_usize);
        // SAFETY: a live wallet, `len` readable bytes, writable outputs; the document is freed
        // once after it is read.
        let (status, document) = unsafe {
            let status = kmo::kmo_wallet_apply_json(
                wallet,
                request.as_ptr().cast(),
                request.len(),
                &mut id,
                &mut text,
                &mut len,
            );
            let bytes = std::slice::from_raw_parts(text.cast::<u8>(), len);
            let document: Value = serde_json::from_slice(bytes).unwrap();
            kmo::kmo_string_free(text);
            (status, document)
        };
        if status != kmo::kmo_status::KMO_STATUS_OK {
            let e = &document["error"];
            let text = |k: &str| e[k].as_str().unwrap().to_string();
            return Line::Refused(refused(&text("code"), &text("path"), &text("message")));
        }
        let a = &document["assessment"];
        let cents = |k: &str| {
            kmo_core::Money::parse(a[k].as_str().unwrap())
                .unwrap()
                .cents()
        };
        let date = |k: &str| a["deadlines"][k].as_str().unwrap_or("").to_string();
        // The own share paid in on the application date, as the other runs do (the library's
        // JSON calls have no payment: the typed one, on the same handle).
        if id != 0 && cents("own_share") > 0 {
            let day = kmo_core::parse_date(f[2]).unwrap();
            let yyyymmdd = i32::try_from(kmo_core::units::yyyymmdd(day)).unwrap();
            let mut paid = kmo::kmo_payment {
                struct_size: std::mem::size_of::<kmo::kmo_payment>() as u32,
                due_cents: -1,
            };
            let mut error = std::ptr::null_mut();
            // SAFETY: a live wallet and writable outputs; the error is freed once.
            let status = unsafe {
                kmo::kmo_wallet_pay(
                    wallet,
                    id,
                    yyyymmdd,
                    cents("own_share"),
                    &mut paid,
                    &mut error,
                )
            };
            assert_eq!(status, kmo::kmo_status::KMO_STATUS_OK, "paying {id}");
            assert_eq!(paid.due_cents, 0);
            // SAFETY: NULL after success.
            unsafe { kmo::kmo_error_free(error) };
        }
        let result = if a["eligible"] == json!(true) {
            (if a["capped"] == json!(true) {
                "capped"
            } else {
                "eligible"
            })
            .to_string()
        } else {
            let findings = a["findings"].as_array().unwrap();
            not_eligible(
                findings
                    .iter()
                    .filter(|f| f["severity"] == json!("blocking"))
                    .map(|f| {
                        (
                            f["code"].as_str().unwrap(),
                            f["message"].as_str().unwrap().to_string(),
                        )
                    }),
            )
        };
        let cost = kmo_core::Money::parse(f[10]).unwrap().cents();
        Line::Answered(
            [
                cost,
                cents("aid"),
                cents("own_share"),
                cents("vat"),
                cents("ceiling_left"),
            ],
            [
                date("apply_by"),
                date("pay_own_share_by"),
                date("complete_by"),
            ],
            (id != 0).then_some(id),
            result,
        )
    });
    for (_, w) in wallets {
        // SAFETY: each wallet is freed once.
        unsafe { kmo::kmo_wallet_free(w) };
    }
    out
}

/// Invoices for many companies over three years, in the customer's language: mostly in date
/// order per company (some out of order), every size class, service, theme and subtheme (some
/// of another theme), legal forms (some not admitted), providers (some registered for the
/// other service), starts before the application (some too early), amounts with 0–2
/// decimals, and now and then one unreadable value in a line. Deterministic.
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
    let langs = ["nl", "fr", "en"];
    let forms = ["", "bv", "nv", "eenmanszaak", "vzw", "cv"];
    let providers = ["", "DV.O236459", "DV.A236460"];
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
    let mut csv = format!("{}\n", COLUMNS.join(","));
    for _ in 0..count {
        let c = next(60) as usize;
        current[c] += next(30) as i32;
        let date = if next(20) == 0 {
            current[c] - 40
        } else {
            current[c]
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
        // Mostly the subtheme's own theme; sometimes another (read with its own, and noted).
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
        let amount = match next(3) {
            0 => format!("{}", cents / 100),
            1 => format!("{}.{}", cents / 100, cents % 100 / 10),
            _ => format!("{}.{:02}", cents / 100, cents % 100),
        };
        let mut f: Vec<String> = vec![
            format!("company-{c}"),
            langs[c % 3].to_string(),
            day(date),
            forms[next(6) as usize].to_string(),
            sizes[next(4) as usize].to_string(),
            service.to_string(),
            theme.to_string(),
            subtheme.to_string(),
            providers[next(3) as usize].to_string(),
            start_date,
            amount,
        ];
        // Now and then one value the engine cannot read.
        match next(40) {
            0 => f[10] = "1 234.56".to_string(),
            1 => f[10] = format!("-{}", cents / 100),
            2 => f[4] = "tiny".to_string(),
            3 => f[3] = "ltd".to_string(),
            4 => f[8] = "DV.X12".to_string(),
            5 => f[1] = "de".to_string(),
            6 => f[9] = "2026-02-30".to_string(),
            _ => {}
        }
        csv.push_str(&f.join(","));
        csv.push('\n');
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

/// The three runs agree line by line.
fn assert_same(what: &str, expected: &str, got: &str) {
    for (i, (e, g)) in expected.lines().zip(got.lines()).enumerate() {
        assert_eq!(g, e, "{what}, line {}", i + 1);
    }
    assert_eq!(got, expected, "{what}");
}

/// The sample invoices: the C program (typed calls only), the Rust API and the JSON calls
/// write the same bytes, and the expected output checked in beside the sample (whose numbers
/// were checked by hand: 30 % of 20 000.00, the ceiling of 7 500.00 shared by a company's
/// invoices, 1 234.56 × 30 % = 370.368 → 370.37).
#[test]
fn invoice_run_sample() {
    let examples = manifest().join("../examples/c");
    let csv = std::fs::read_to_string(examples.join("invoices.csv")).unwrap();
    let expected = std::fs::read_to_string(examples.join("invoices.expected.csv")).unwrap();
    assert_same(
        "the Rust API against invoices.expected.csv",
        &expected,
        &invoice_run_in_rust(&csv),
    );
    assert_same("the JSON calls", &expected, &invoice_run_through_json(&csv));
    assert_same(
        "the C program",
        &expected,
        &invoice_run_in_c("invoices-sample", &csv, SANITIZE),
    );
    for line in [
        "acme,total,,26500.00,7500.00,19000.00,5565.00,,,,,,invoices: 4",
        "delta,2026-06-15,training,1234.56,370.37,864.19,259.26,7129.63,2026-06-15,2026-06-29,2027-12-31,1,eligible",
        // Not eligible: no own share to pay into the wallet, so no date to pay it by; the
        // amount in the message as Dutch writes it.
        "acme,2026-06-10,training,1000.00,0.00,1000.00,210.00,0.00,2026-06-24,,2027-12-31,,\"not eligible: CEILING_EXHAUSTED: Het plafond van 7.500,00 euro steun voor 2026 is al volledig gebruikt.\"",
    ] {
        assert!(expected.lines().any(|l| l == line), "{line}");
    }
}

/// 3 000 random invoices of 60 companies over three years, under ASan + UBSan: the C program
/// agrees with the Rust API and with the JSON calls byte for byte, exact to the cent, every
/// text in the customer's language.
#[test]
fn invoice_run_random() {
    let csv = random_invoices(20_260_310, 3000);
    let expected = invoice_run_in_rust(&csv);
    assert_same("the JSON calls", &expected, &invoice_run_through_json(&csv));
    assert_same(
        "the C program",
        &expected,
        &invoice_run_in_c("invoices-random", &csv, SANITIZE),
    );
    // The run covers every kind of line.
    for kind in [
        ",eligible\n",
        ",capped\n",
        "not eligible: ",
        "PROVIDER_NOT_REGISTERED_FOR_SERVICE: ",
        "LEGAL_FORM_NOT_ELIGIBLE: ",
        "refused: OUT_OF_ORDER at date",
        "refused: INVALID_AMOUNT at amount",
        "refused: NEGATIVE_AMOUNT at amount",
        "refused: UNKNOWN_CODE at size_class",
        "refused: UNKNOWN_CODE at legal_form",
        "refused: UNKNOWN_CODE at lang",
        "refused: INVALID_PROVIDER_NUMBER at provider",
        "refused: INVALID_DATE at start_date",
    ] {
        assert!(expected.contains(kind), "no line with {kind}");
    }
}
