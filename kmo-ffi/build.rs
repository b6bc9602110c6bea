//! Generates `kmo.h` with cbindgen into `OUT_DIR` (the checked-in copy in `include/` is compared
//! with it by the tests; `KMO_UPDATE_HEADER=1 cargo build -p kmo-ffi` refreshes it), and gives
//! the shared library its soname.

use std::env;
use std::path::PathBuf;

/// What the header defines before its declarations: the export macro and the version macros.
fn preamble(major: u32, minor: u32, patch: u32) -> String {
    format!(
        r#"
/*
 * KMO_API marks every function of the library: exported from the shared library, imported by
 * its users (dllimport on Windows unless KMO_STATIC is defined for a static link).
 */
#ifndef KMO_API
#  if defined(_WIN32) || defined(__CYGWIN__)
#    if defined(KMO_STATIC)
#      define KMO_API
#    else
#      define KMO_API __declspec(dllimport)
#    endif
#  elif defined(__GNUC__) || defined(__clang__)
#    define KMO_API __attribute__((visibility("default")))
#  else
#    define KMO_API
#  endif
#endif

/*
 * The version of this header; kmo_version() and kmo_version_number() give the library's.
 * KMO_VERSION_NUMBER is major * 10000 + minor * 100 + patch.
 */
#define KMO_VERSION_MAJOR {major}
#define KMO_VERSION_MINOR {minor}
#define KMO_VERSION_PATCH {patch}
#define KMO_VERSION_NUMBER {number}
#define KMO_VERSION_STRING "{major}.{minor}.{patch}"

/*
 * KMO_QUOTE_REQUEST_INIT initialises a kmo_quote_request: struct_size set to the size this
 * header gives it, the engine's default VAT rate (KMO_VAT_RATE_DEFAULT), every other field 0
 * (none, or the engine's default). Set the fields you know after it:
 *
 *     kmo_quote_request r = KMO_QUOTE_REQUEST_INIT;
 *     r.application_date = 20260310;
 *
 * A zero-initialised request (struct_size 0) is refused with KMO_STATUS_INVALID_STRUCT_SIZE.
 */
#define KMO_QUOTE_REQUEST_INIT \
  {{ (uint32_t)sizeof(kmo_quote_request), 0, 0, 0, 0, 0, 0, KMO_VAT_RATE_DEFAULT, 0, 0, 0, 0 }}
"#,
        number = major * 10_000 + minor * 100 + patch,
    )
}

/// The shared library's soname: it changes with every breaking release, which under 0.x is
/// every minor release (`libkmo.so.0.1` for 0.1.x) and from 1.0 every major one.
fn soname(major: u32, minor: u32) -> String {
    if major == 0 {
        format!("libkmo.so.0.{minor}")
    } else {
        format!("libkmo.so.{major}")
    }
}

fn main() {
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it")).join("kmo.h");
    let part = |name: &str| -> u32 {
        let text = env::var(name).expect("cargo sets the version");
        text.parse().expect("a version part is a number")
    };
    let (major, minor, patch) = (
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
    );
    assert!(
        minor < 100 && patch < 100,
        "KMO_VERSION_NUMBER needs minor and patch below 100"
    );

    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes = Some(preamble(major, minor, patch));
    match cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
    {
        Ok(bindings) => {
            bindings.write_to_file(&out);
            if env::var_os("KMO_UPDATE_HEADER").is_some() {
                bindings.write_to_file(crate_dir.join("include/kmo.h"));
            }
        }
        Err(e) => panic!("cbindgen failed: {e}"),
    }
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!(
            "cargo:rustc-cdylib-link-arg=-Wl,-soname,{}",
            soname(major, minor)
        );
    }
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=KMO_UPDATE_HEADER");
}
