//! Gives the shared library its soname. The header, `include/kmo.h`, is generated with the other
//! files that restate the core (`cargo run -p kmo-generate`, which runs cbindgen over this
//! crate's source; a test of the workspace fails while it is not current).

use std::env;

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
    let part = |name: &str| -> u32 {
        let text = env::var(name).expect("cargo sets the version");
        text.parse().expect("a version part is a number")
    };
    let (major, minor) = (
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
    );
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!(
            "cargo:rustc-cdylib-link-arg=-Wl,-soname,{}",
            soname(major, minor)
        );
    }
    println!("cargo:rerun-if-changed=build.rs");
}
