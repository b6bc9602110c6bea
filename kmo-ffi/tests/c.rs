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
        "kmo_rulebook",
        "kmo_payment",
        "kmo_settlement",
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

/// Random valid requests (the same generator and seed as kmo-core's differential test): the C
/// face answers byte for byte as the Rust face.
#[test]
fn differential_random_requests_through_c() {
    let requests = kmo_golden::random_requests(20_260_310, 2000);
    let responses = through_c("differential", &requests, &[]);
    for (request, c_text) in requests.iter().zip(&responses) {
        assert_eq!(
            *c_text,
            kmo_core::assess_json(request),
            "C and Rust differ for {request}"
        );
    }
}
