//! What the faces and the docs restate of kmo-core, generated from it: one command writes it
//! all (`cargo run -p kmo-generate`), and one test (`tests/current.rs`) fails while a file is
//! not what the command would write.
//!
//! | file | what is generated | from |
//! |---|---|---|
//! | `kmo-ffi/src/enums.rs` | the C enumerations of coded values, `kmo_code_list`, `kmo_status` and its messages | [`kmo_core::catalogue`] |
//! | `kmo-ffi/include/kmo.h` | the header (cbindgen over `kmo-ffi/src`) | the C face's Rust source |
//! | `kmo-wasm/index.d.ts` | the string unions of the codes (one marked block) | the catalogue |
//! | `kmo-wasm/js/lists.js` | the lists the calculator shows, and their texts | the catalogue |
//! | `docs/schema/*.schema.json` | every `$defs` enumeration of a coded list | the catalogue |
//! | `docs/json.md` | the tables of codes, the numbering, the examples (marked blocks) | the catalogue, the engine's answers |
//! | `docs/rules.md` | the tables of dated values and the worked examples (marked blocks) | the rulebooks, the engine's answers |
//!
//! Nothing here decides: every value comes from kmo-core's public API.

use std::path::{Path, PathBuf};

mod blocks;
mod c;
mod codes;
mod examples;
mod format;
mod header;
mod js;
mod rules;
mod schema;
mod ts;

/// The command that writes every generated file.
pub const COMMAND: &str = "cargo run -p kmo-generate";

/// A generated file: where it goes, from the repository's root, and what it holds.
#[derive(Debug)]
pub struct File {
    /// The path from the repository's root.
    pub path: &'static str,
    /// The text it should hold.
    pub text: String,
}

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of a file of the repository.
fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every generated file as it should be, in the order they are written (`kmo.h` after the
/// C face's source it is generated from).
///
/// # Panics
///
/// When a file that holds a generated block cannot be read or its markers are broken.
pub fn files() -> Vec<File> {
    let mut out = vec![File {
        path: "kmo-ffi/src/enums.rs",
        text: c::enums(),
    }];
    out.push(File {
        path: "kmo-wasm/index.d.ts",
        text: blocks::replace(
            &read("kmo-wasm/index.d.ts"),
            &blocks::TS,
            &[("codes", ts::unions)],
        ),
    });
    out.push(File {
        path: "kmo-wasm/js/lists.js",
        text: js::lists(),
    });
    for path in [
        "docs/schema/request.schema.json",
        "docs/schema/response.schema.json",
    ] {
        out.push(File {
            path,
            text: schema::enums(&read(path)),
        });
    }
    out.push(File {
        path: "docs/json.md",
        text: blocks::replace(&read("docs/json.md"), &blocks::MARKDOWN, &json_md()),
    });
    out.push(File {
        path: "docs/rules.md",
        text: blocks::replace(
            &read("docs/rules.md"),
            &blocks::MARKDOWN,
            &rules::renderers(),
        ),
    });
    out
}

/// The header, generated from the C face's source as it is on disk (after [`files`] wrote
/// `kmo-ffi/src/enums.rs`).
pub fn header() -> File {
    File {
        path: "kmo-ffi/include/kmo.h",
        text: header::generate(&repo().join("kmo-ffi")),
    }
}

/// The blocks of `docs/json.md`.
fn json_md() -> Vec<(&'static str, blocks::Render)> {
    let mut all = examples::renderers();
    all.extend(codes::renderers());
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list of the catalogue reaches the TypeScript types, and every enumeration the
    /// schemas are given is a definition of one of them: a list the core adds is generated
    /// outward, or this test names it.
    #[test]
    fn every_list_is_generated() {
        for list in kmo_core::catalogue::lists() {
            assert!(
                !ts::unused(list.name),
                "{} has no TypeScript union",
                list.name
            );
        }
        let schemas = [
            read("docs/schema/request.schema.json"),
            read("docs/schema/response.schema.json"),
        ];
        for def in schema::defs() {
            let key = format!("\n    \"{def}\": {{");
            assert!(
                schemas.iter().any(|s| s.contains(&key)),
                "no schema defines {def}"
            );
        }
    }
}
