//! Numbers, money, tables and JSON as the docs write them.

use std::fmt::Display;

use kmo_core::Money;
use serde_json::Value;

/// `10000` → `10 000`.
pub(crate) fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `EUR 10 000`, `EUR 99.99`.
pub(crate) fn eur(m: Money) -> String {
    let text = m.to_string();
    let (int, cents) = text.split_once('.').unwrap_or((&text, "00"));
    match cents {
        "00" => format!("EUR {}", grouped(int)),
        _ => format!("EUR {}.{cents}", grouped(int)),
    }
}

pub(crate) fn eur_whole(n: i64) -> String {
    format!("EUR {}", grouped(&n.to_string()))
}

pub(crate) fn pct(p: impl Display) -> String {
    format!("{p} %")
}

pub(crate) fn code(text: impl Display) -> String {
    format!("`{text}`")
}

/// A Markdown table.
pub(crate) fn table(head: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = format!(
        "| {} |\n|{}|\n",
        head.join(" | "),
        vec!["---"; head.len()].join("|")
    );
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    out.trim_end().to_string()
}

/// JSON on one line with a space after `:` and `,`.
pub(crate) fn one_line(v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(one_line).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, x)| format!("{}: {}", Value::from(k.as_str()), one_line(x)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        other => other.to_string(),
    }
}

/// JSON indented by two spaces, a value on one line when it fits in 100 columns.
pub(crate) fn pretty(v: &Value, depth: usize, column: usize) -> String {
    let line = one_line(v);
    let empty = match v {
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => true,
    };
    if column + line.len() <= 100 || empty {
        return line;
    }
    let pad = "  ".repeat(depth + 1);
    let end = "  ".repeat(depth);
    match v {
        Value::Array(items) => {
            let inner: Vec<String> = items
                .iter()
                .map(|x| format!("{pad}{}", pretty(x, depth + 1, pad.len())))
                .collect();
            format!("[\n{}\n{end}]", inner.join(",\n"))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, x)| {
                    let key = format!("{pad}{}: ", Value::from(k.as_str()));
                    let value = pretty(x, depth + 1, key.len());
                    format!("{key}{value}")
                })
                .collect();
            format!("{{\n{}\n{end}}}", inner.join(",\n"))
        }
        _ => line,
    }
}

pub(crate) fn json_block(text: &str) -> String {
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    format!("```json\n{}\n```", pretty(&v, 0, 0))
}

// ---- the catalogue's documentation ---------------------------------------------------------------

/// The paragraphs of a value's documentation ([`kmo_core::catalogue::Value::doc`]), each on
/// one line.
pub(crate) fn paragraphs(doc: &str) -> Vec<String> {
    doc.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The first paragraph: what the value means.
pub(crate) fn summary(doc: &str) -> String {
    paragraphs(doc).into_iter().next().unwrap_or_default()
}

/// The paragraph that starts with `label` and a colon (`Ref:`, `Paths:`), without them.
pub(crate) fn field(doc: &str, label: &str) -> Option<String> {
    let head = format!("{label}: ");
    paragraphs(doc)
        .into_iter()
        .find_map(|p| p.strip_prefix(&head).map(str::to_string))
}

/// `text` in lines of at most `width` characters (a longer word on a line of its own).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Rust source as `cargo fmt` writes it (rustfmt, edition 2021).
///
/// # Panics
///
/// When rustfmt cannot be run or refuses the source.
pub(crate) fn rustfmt(source: &str) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into()))
        .args(["--edition", "2021", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rustfmt (rustup component add rustfmt)");
    child
        .stdin
        .take()
        .expect("rustfmt's stdin")
        .write_all(source.as_bytes())
        .expect("source written to rustfmt");
    let output = child.wait_with_output().expect("rustfmt ran");
    assert!(
        output.status.success(),
        "rustfmt refused the generated source:\n{source}"
    );
    String::from_utf8(output.stdout).expect("rustfmt writes UTF-8")
}
