//! The code held to its layout.
//!
//! - **The arrows.** `docs/architecture.md` draws, for kmo-core and for kmo-ffi, the whiteboard
//!   of their files from the top down. This test reads every `use` line (and every path written
//!   out in the code, `crate::…`, `super::…`) of every source file, follows re-exports to the
//!   file that declares the item, and fails on an arrow that goes up the whiteboard, on a
//!   circle, and on a file the whiteboard does not place.
//! - **Small files, short functions.** No source file over 1 000 lines, no function over 80,
//!   except a function or a file marked as a table of data (`// table of data: …` on the line
//!   before the function, or in the file's first lines).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `.rs` file under `dir`, as (module path `a::b`, "" for the crate root, file).
fn modules(dir: &Path) -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files
        .into_iter()
        .map(|file| {
            let relative = file.strip_prefix(dir).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            (parts.join("::"), file)
        })
        .collect()
}

// ---- reading the code ----------------------------------------------------------------------

/// The code without comments, the contents of strings and characters, and the `#[cfg(test)]`
/// modules written inside a file (a test may use what it tests from above).
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied().unwrap_or('\0');
        if c == '/' && next == '/' {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == '*' {
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == '"' || next == '#') && !ident(b.get(i.wrapping_sub(1))) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character ('x', '\n', '\'') or a lifetime ('a).
            if next == '\\' {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    without_test_modules(&out)
}

fn ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// `code` without the bodies of `#[cfg(test)] mod x { … }` (and `#[cfg(all(test, …))]`).
fn without_test_modules(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(") {
        let attr_end = rest[at..].find(']').map_or(rest.len(), |e| at + e + 1);
        let attr = &rest[at..attr_end];
        let after = rest[attr_end..].trim_start();
        let is_test = attr.contains("(test") || attr.contains(" test");
        if is_test
            && after.starts_with("mod ")
            && after.split('{').next().is_some_and(|h| !h.contains(';'))
        {
            out.push_str(&rest[..at]);
            let open = attr_end + rest[attr_end..].find('{').unwrap();
            let mut depth = 0;
            let mut end = open;
            for (k, ch) in rest[open..].char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + k + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            rest = &rest[end..];
        } else {
            out.push_str(&rest[..attr_end]);
            rest = &rest[attr_end..];
        }
    }
    out.push_str(rest);
    out
}

/// The `use` statements of `code`: (re-exported, the tree after `use`), and the code without
/// them.
fn use_statements(code: &str) -> (Vec<(bool, String)>, String) {
    let mut uses = Vec::new();
    let mut body = String::new();
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        let end = rest[at..].find(';').map_or(rest.len(), |e| at + e);
        let before = rest[..at].trim_end();
        let public = before.ends_with("pub") || (before.ends_with(')') && before.contains("pub("));
        uses.push((public, rest[at + 3..end].trim().to_string()));
        body.push_str(&rest[..at]);
        rest = &rest[(end + 1).min(rest.len())..];
    }
    body.push_str(rest);
    (uses, body)
}

/// Where `word` stands alone in `text`, followed by a space.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(k) = text[from..].find(word) {
        let at = from + k;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !ident(before.as_ref()) && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The paths a use tree names, each with the name it is known by (`a::{b, c as d}`).
fn expand(tree: &str) -> Vec<(String, String)> {
    fn go(prefix: &str, tree: &str, out: &mut Vec<(String, String)>) {
        let tree = tree.trim();
        if tree.is_empty() {
            return;
        }
        if let Some(open) = tree.find('{') {
            let head = tree[..open].trim().trim_end_matches("::");
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let prefix = join(prefix, head);
            let (mut depth, mut start) = (0, 0);
            for (k, ch) in inner.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        go(&prefix, &inner[start..k], out);
                        start = k + 1;
                    }
                    _ => {}
                }
            }
            go(&prefix, &inner[start..], out);
        } else {
            let (path, alias) = match tree.split_once(" as ") {
                Some((p, a)) => (p.trim(), a.trim().to_string()),
                None => (tree, tree.rsplit("::").next().unwrap_or(tree).to_string()),
            };
            out.push((join(prefix, path), alias));
        }
    }
    let mut out = Vec::new();
    go("", tree, &mut out);
    out
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}::{b}"),
    }
}

/// The paths written out in `body` (`crate::a::b`, `super::c`, `child::d`).
fn inline_paths(body: &str) -> Vec<String> {
    let chars: Vec<char> = body.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = (chars[i].is_ascii_lowercase() || chars[i] == '_')
            && !(i > 0 && (ident(Some(&chars[i - 1])) || matches!(chars[i - 1], '$' | ':')));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut path = String::new();
        loop {
            let s = j;
            while j < chars.len() && ident(Some(&chars[j])) {
                j += 1;
            }
            path.extend(&chars[s..j]);
            if chars.get(j) == Some(&':')
                && chars.get(j + 1) == Some(&':')
                && ident(chars.get(j + 2))
            {
                path.push_str("::");
                j += 2;
            } else {
                break;
            }
        }
        if path.contains("::") {
            out.push(path);
        }
        i = j.max(i + 1);
    }
    out
}

// ---- the arrows ------------------------------------------------------------------------------

/// The arrows between the files of one crate: (from, to) as module paths.
fn arrows(dir: &Path) -> (BTreeSet<String>, BTreeSet<(String, String)>) {
    let mods = modules(dir);
    let names: BTreeSet<String> = mods.keys().cloned().collect();
    let segments = |m: &str| -> Vec<String> {
        if m.is_empty() {
            vec![]
        } else {
            m.split("::").map(String::from).collect()
        }
    };
    // A path as written in module `m`, made absolute (None: another crate's).
    let absolute = |m: &str, path: &str| -> Option<Vec<String>> {
        let segs: Vec<&str> = path.split("::").collect();
        let mut base = segments(m);
        match segs[0] {
            "crate" => Some(segs[1..].iter().map(|s| s.to_string()).collect()),
            "super" => {
                let mut k = 0;
                while segs.get(k) == Some(&"super") {
                    base.pop();
                    k += 1;
                }
                base.extend(segs[k..].iter().map(|s| s.to_string()));
                Some(base)
            }
            "self" => {
                base.extend(segs[1..].iter().map(|s| s.to_string()));
                Some(base)
            }
            first if names.contains(&join(m, first)) => {
                base.extend(segs.iter().map(|s| s.to_string()));
                Some(base)
            }
            _ => None,
        }
    };
    let mut reexports: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let mut uses: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for (m, file) in &mods {
        let (statements, body) = use_statements(&code_only(&read(file)));
        for (public, tree) in statements {
            for (path, alias) in expand(&tree) {
                let Some(abs) = absolute(m, &path) else {
                    continue;
                };
                if public {
                    reexports.entry(m.clone()).or_default().insert(alias, abs);
                } else {
                    uses.entry(m.clone()).or_default().push(abs);
                }
            }
        }
        for path in inline_paths(&body) {
            if let Some(abs) = absolute(m, &path) {
                uses.entry(m.clone()).or_default().push(abs);
            }
        }
    }
    // The file that declares what a path names, through re-exports.
    fn target(
        path: &[String],
        names: &BTreeSet<String>,
        reexports: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
        depth: usize,
    ) -> String {
        for k in (0..=path.len()).rev() {
            let module = path[..k].join("::");
            if names.contains(&module) {
                if let Some(next) = path
                    .get(k)
                    .and_then(|item| reexports.get(&module)?.get(item))
                {
                    if depth < 16 {
                        let mut followed = next.clone();
                        followed.extend(path[k + 1..].iter().cloned());
                        return target(&followed, names, reexports, depth + 1);
                    }
                }
                return module;
            }
        }
        String::new()
    }
    let mut edges = BTreeSet::new();
    for (m, paths) in &uses {
        for path in paths {
            let t = target(path, &names, &reexports, 0);
            // A file may use its own module's common ground (its ancestors' files).
            let ancestor = t.is_empty() || *m == t || m.starts_with(&format!("{t}::"));
            if !ancestor {
                edges.insert((m.clone(), t));
            }
        }
    }
    (names, edges)
}

/// The whiteboard of one crate: its lines from the top down, each a label and its patterns
/// (`json/*`: every file under json/; `lib`: the crate root).
fn whiteboard(doc: &str, krate: &str) -> Vec<(String, Vec<String>)> {
    let header = format!("{krate}, from the top down");
    let mut lines = doc.lines().skip_while(|l| l.trim() != header).skip(1);
    let mut out = Vec::new();
    for line in lines.by_ref() {
        if !line.starts_with("  ") || line.trim().is_empty() {
            break;
        }
        let mut words = line.split_whitespace();
        let label = words.next().unwrap().to_string();
        out.push((label, words.map(String::from).collect()));
    }
    assert!(
        !out.is_empty(),
        "docs/architecture.md has no whiteboard for {krate}"
    );
    out
}

/// The line of the whiteboard a module is on: an exact name before a directory's `*`.
fn line_of(module: &str, board: &[(String, Vec<String>)]) -> Option<usize> {
    let file = if module.is_empty() {
        "lib".to_string()
    } else {
        module.replace("::", "/")
    };
    let exact = board.iter().position(|(_, p)| p.contains(&file));
    exact.or_else(|| {
        board
            .iter()
            .enumerate()
            .filter_map(|(i, (_, p))| {
                let best = p
                    .iter()
                    .filter_map(|p| p.strip_suffix("/*"))
                    .filter(|dir| file.starts_with(&format!("{dir}/")))
                    .map(str::len)
                    .max()?;
                Some((best, i))
            })
            .max()
            .map(|(_, i)| i)
    })
}

fn check_arrows(krate: &str) -> Vec<String> {
    let doc = read(&repo().join("docs/architecture.md"));
    let board = whiteboard(&doc, krate);
    let (modules, edges) = arrows(&repo().join(krate));
    let show = |m: &str| {
        if m.is_empty() {
            "lib".to_string()
        } else {
            m.replace("::", "/")
        }
    };
    let mut problems = Vec::new();
    // The reader must see the code: a crate has arrows, and the pipeline's are among them.
    assert!(
        edges.len() > 20,
        "{krate}: only {} arrows read",
        edges.len()
    );
    for m in &modules {
        if line_of(m, &board).is_none() {
            problems.push(format!("{krate}: `{}` is not on the whiteboard", show(m)));
        }
    }
    for (from, to) in &edges {
        if let (Some(a), Some(b)) = (line_of(from, &board), line_of(to, &board)) {
            if b < a {
                problems.push(format!(
                    "{krate}: `{}` ({}) uses `{}` ({}), an arrow up the whiteboard",
                    show(from),
                    board[a].0,
                    show(to),
                    board[b].0
                ));
            }
        }
    }
    for circle in circles(&edges) {
        let names: Vec<String> = circle.iter().map(|m| show(m)).collect();
        problems.push(format!("{krate}: a circle: {}", names.join(" → ")));
    }
    for (label, patterns) in &board {
        for p in patterns {
            let dir = p.strip_suffix("/*");
            let found = modules.iter().any(|m| {
                let f = show(m);
                dir.map_or(f == *p, |d| f.starts_with(&format!("{d}/")))
            });
            if !found {
                problems.push(format!(
                    "{krate}: the whiteboard's `{p}` ({label}) names no file"
                ));
            }
        }
    }
    problems
}

/// The circles among `edges` (each strongly connected set of more than one file).
fn circles(edges: &BTreeSet<(String, String)>) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    let reach = |from: &str| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(v) = stack.pop() {
            for w in next.get(v.as_str()).into_iter().flatten() {
                if seen.insert(w.to_string()) {
                    stack.push(w.to_string());
                }
            }
        }
        seen
    };
    let mut out: Vec<Vec<String>> = Vec::new();
    for v in next.keys() {
        let mine = reach(v);
        if mine.contains(*v) && !out.iter().any(|c| c.contains(&v.to_string())) {
            let circle: Vec<String> = mine
                .iter()
                .filter(|w| reach(w).contains(*v))
                .cloned()
                .collect();
            out.push(circle);
        }
    }
    out
}

#[test]
fn the_arrows_follow_the_whiteboard() {
    let mut problems = check_arrows("kmo-core/src");
    problems.extend(check_arrows("kmo-ffi/src"));
    assert!(
        problems.is_empty(),
        "docs/architecture.md, the arrows:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_reader_sees_what_an_arrow_is() {
    let (_, edges) = arrows(&repo().join("kmo-core/src"));
    let has = |a: &str, b: &str| edges.contains(&(a.to_string(), b.to_string()));
    // Through a `use` line, a re-export followed to the file that declares the item.
    assert!(has("assess", "kmo::aid"));
    assert!(has("application", "coded::service"));
    // A part may use its module's common ground; that is no arrow.
    assert!(!edges
        .iter()
        .any(|(a, b)| a == "message::texts::findings" && b == "message::texts"));
    // An arrow up, or a circle, is found.
    let mut up = edges.clone();
    up.insert(("units::money".into(), "assess".into()));
    assert!(!circles(&up).is_empty());
    let board = whiteboard(&read(&repo().join("docs/architecture.md")), "kmo-core/src");
    assert!(line_of("units::money", &board) > line_of("assess", &board));
}

// ---- small files, short functions ------------------------------------------------------------

const MAX_FILE_LINES: usize = 1000;
const MAX_FUNCTION_LINES: usize = 80;
const TABLE: &str = "// table of data:";

/// The functions of `src` longer than the limit: (name, first line, lines).
fn long_functions(src: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = src.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let Some(at) = find_word(trimmed, "fn") else {
            continue;
        };
        let head = &trimmed[..at];
        let is_item = head.split_whitespace().all(|w| {
            matches!(
                w,
                "pub"
                    | "pub(crate)"
                    | "pub(super)"
                    | "const"
                    | "unsafe"
                    | "async"
                    | "extern"
                    | "\"C\""
            )
        });
        if !is_item || trimmed.starts_with("//") {
            continue;
        }
        let name: String = trimmed[at + 3..]
            .chars()
            .take_while(|c| ident(Some(c)))
            .collect();
        // The body ends at the first `}` back at the function's indentation.
        let Some(open) = (i..lines.len()).find(|&k| {
            let l = lines[k].trim_end();
            l.ends_with('{') || l.ends_with(';')
        }) else {
            continue;
        };
        if lines[open].trim_end().ends_with(';') {
            continue;
        }
        let close = (open + 1..lines.len()).find(|&k| {
            lines[k].len() > indent
                && lines[k][..indent].trim().is_empty()
                && lines[k][indent..].starts_with('}')
        });
        let Some(close) = close else { continue };
        let length = close - i + 1;
        let marked = (0..i)
            .rev()
            .take_while(|&k| {
                let l = lines[k].trim_start();
                l.starts_with("//") || l.starts_with("#[")
            })
            .any(|k| lines[k].trim_start().starts_with(TABLE));
        if length > MAX_FUNCTION_LINES && !marked {
            out.push((name, i + 1, length));
        }
    }
    out
}

#[test]
fn files_are_small_and_functions_short() {
    let mut problems = Vec::new();
    for krate in ["kmo-core/src", "kmo-ffi/src", "kmo-wasm/src"] {
        for file in modules(&repo().join(krate)).values() {
            let src = read(file);
            let shown = file
                .strip_prefix(repo())
                .unwrap_or(file)
                .display()
                .to_string();
            let table = src
                .lines()
                .take(20)
                .any(|l| l.trim_start().starts_with(TABLE));
            let count = src.lines().count();
            if count > MAX_FILE_LINES && !table {
                problems.push(format!("{shown}: {count} lines (at most {MAX_FILE_LINES})"));
            }
            for (name, line, length) in long_functions(&src) {
                problems.push(format!(
                    "{shown}:{line}: fn {name} has {length} lines (at most {MAX_FUNCTION_LINES})"
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "split by concern:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_long_function_is_seen() {
    let body = "    x();\n".repeat(MAX_FUNCTION_LINES);
    let src = format!(
        "pub fn long() {{\n{body}}}\n\n// {} the rates\nfn table() {{\n{body}}}\n",
        &TABLE[3..]
    );
    assert_eq!(
        long_functions(&src),
        [("long".to_string(), 1, MAX_FUNCTION_LINES + 2)]
    );
}
