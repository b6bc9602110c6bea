//! `kmo-wasm/js/lists.js`: the engine's lists the calculator shows, and their texts in each
//! language, so that the element restates none of them.

use kmo_core::catalogue::{self, List};
use kmo_core::{FindingCode, Subtheme};

/// The lists the calculator shows: the export's name, and the catalogue's list.
const LISTS: &[(&str, &str)] = &[
    ("SIZE_CLASSES", "SizeClass"),
    ("SERVICE_KINDS", "ServiceKind"),
    ("THEMES", "Theme"),
    ("SUBTHEMES", "Subtheme"),
    ("FINDING_GROUPS", "FindingGroup"),
    ("PROCEDURE_STEPS", "ProcedureStepName"),
];

/// The texts of each language: the key of a list in `TEXTS_<LANG>`, and the catalogue's list.
const TEXTS: &[(&str, &str)] = &[
    ("size_class", "SizeClass"),
    ("service_kind", "ServiceKind"),
    ("theme", "Theme"),
    ("subtheme", "Subtheme"),
    ("finding_group", "FindingGroup"),
    ("procedure_step", "ProcedureStepName"),
];

fn find<'a>(lists: &'a [List], name: &str) -> &'a List {
    lists
        .iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("the catalogue has no list {name}"))
}

/// A JavaScript string literal in single quotes.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// `['a', 'b']`, wrapped at 100 columns after `lead` characters.
fn array(codes: &[&str], lead: usize) -> String {
    let quoted: Vec<String> = codes.iter().map(|c| quote(c)).collect();
    let one = format!("[{}]", quoted.join(", "));
    if lead + one.len() < 100 {
        return one;
    }
    let lines = crate::format::wrap(&quoted.join(", "), 96);
    format!("[\n  {},\n]", lines.join("\n  ").trim_end_matches(','))
}

/// `{ KEY: value, … }`, one entry per line, in the given order.
fn object(entries: &[(String, String)], indent: usize) -> String {
    let pad = " ".repeat(indent + 2);
    let lines: Vec<String> = entries
        .iter()
        .map(|(k, v)| {
            let key = if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                k.clone()
            } else {
                quote(k)
            };
            format!("{pad}{key}: {v},")
        })
        .collect();
    format!("{{\n{}\n{}}}", lines.join("\n"), " ".repeat(indent))
}

/// `{ code: 'text', … }` of a list in language `lang` (0 Dutch, 1 French, 2 English).
fn texts(list: &List, lang: usize) -> String {
    let entries: Vec<(String, String)> = list
        .values
        .iter()
        .map(|v| {
            let texts = v
                .texts
                .unwrap_or_else(|| panic!("{}::{} has no texts", list.name, v.code));
            (v.code.to_string(), quote(texts[lang]))
        })
        .collect();
    object(&entries, 2)
}

/// The text of `kmo-wasm/js/lists.js`.
pub(crate) fn lists() -> String {
    let lists = catalogue::lists();
    let mut out = String::from(
        "// The engine's lists the calculator shows, with their texts in each language: generated \
         by\n// `cargo run -p kmo-generate` from kmo-core's catalogue; do not edit. The codes are \
         the ones the\n// engine reads and writes; FINDING_GROUP says where a finding goes (why \
         not eligible, not\n// checked, good to know), SUBTHEME_THEME the theme a subtheme \
         belongs to.\n\n",
    );
    for (name, list) in LISTS {
        let codes: Vec<&str> = find(&lists, list).values.iter().map(|v| v.code).collect();
        let lead = format!("export const {name} = ");
        out.push_str(&format!("{lead}{};\n", array(&codes, lead.len())));
    }
    let groups: Vec<(String, String)> = FindingCode::ALL
        .iter()
        .map(|c| (c.as_str().to_string(), quote(c.group().as_str())))
        .collect();
    out.push_str(&format!(
        "export const FINDING_GROUP = {};\n",
        object(&groups, 0)
    ));
    let themes: Vec<(String, String)> = Subtheme::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), quote(s.theme().as_str())))
        .collect();
    out.push_str(&format!(
        "export const SUBTHEME_THEME = {};\n",
        object(&themes, 0)
    ));
    for (lang, suffix) in ["NL", "FR", "EN"].into_iter().enumerate() {
        let entries: Vec<(String, String)> = TEXTS
            .iter()
            .map(|(key, list)| ((*key).to_string(), texts(find(&lists, list), lang)))
            .collect();
        out.push_str(&format!(
            "\nexport const TEXTS_{suffix} = {};\n",
            object(&entries, 0)
        ));
    }
    out
}
