//! Generates `kmo.h` with cbindgen into `OUT_DIR` (the checked-in copy in `include/` is compared
//! with it by the tests; `KMO_UPDATE_HEADER=1 cargo build -p kmo-ffi` refreshes it), and gives
//! the shared library a soname carrying the major version.

use std::env;
use std::path::PathBuf;

fn main() {
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets it")).join("kmo.h");
    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let part = |name: &str| env::var(name).expect("cargo sets the version");
    config.after_includes = Some(format!(
        "\n/** The version of this header; kmo_version() gives the library's. */\n#define KMO_VERSION_MAJOR {}\n#define KMO_VERSION_MINOR {}\n#define KMO_VERSION_PATCH {}\n",
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
    ));
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
    let major = env::var("CARGO_PKG_VERSION_MAJOR").expect("cargo sets it");
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libkmo.so.{major}");
    }
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=KMO_UPDATE_HEADER");
}
