//! Generated blocks inside hand-written files: the text between an opening and a closing
//! marker is rendered again; the rest of the file is left as it is.

use std::collections::BTreeSet;

/// How a file marks its blocks: the opening marker is `open` + name + `end`, the closing one
/// `close` + name + `end`.
pub(crate) struct Markers {
    open: &'static str,
    close: &'static str,
    end: &'static str,
    /// What goes between a marker and the block (a blank line in Markdown).
    pad: &'static str,
}

/// `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`.
pub(crate) const MARKDOWN: Markers = Markers {
    open: "<!-- generated:",
    close: "<!-- /generated:",
    end: " -->",
    pad: "\n\n",
};

/// `// <generated:NAME>` … `// </generated:NAME>`.
pub(crate) const TS: Markers = Markers {
    open: "// <generated:",
    close: "// </generated:",
    end: ">",
    pad: "\n",
};

/// A block's renderer.
pub(crate) type Render = fn() -> String;

/// `text` with every block rendered again.
///
/// # Panics
///
/// On a marker without its end, a block twice, a block without a renderer or a renderer
/// without a block.
pub(crate) fn replace(text: &str, m: &Markers, renderers: &[(&'static str, Render)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut seen = BTreeSet::new();
    while let Some(at) = rest.find(m.open) {
        let after = &rest[at + m.open.len()..];
        let name = after.split_once(m.end).expect("an unclosed marker").0;
        let open = format!("{}{name}{}", m.open, m.end);
        let close = format!("{}{name}{}", m.close, m.end);
        let body_start = at + open.len();
        let body_end = body_start
            + rest[body_start..]
                .find(&close)
                .unwrap_or_else(|| panic!("no end marker for `{name}`"));
        let render = renderers
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no renderer for `{name}`"))
            .1;
        out.push_str(&rest[..body_start]);
        out.push_str(m.pad);
        out.push_str(render().trim_end());
        out.push_str(m.pad);
        out.push_str(&close);
        rest = &rest[body_end + close.len()..];
        assert!(seen.insert(name.to_string()), "`{name}` twice");
    }
    out.push_str(rest);
    let missing: Vec<&str> = renderers
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| !seen.contains(*n))
        .collect();
    assert!(missing.is_empty(), "no block for {missing:?}");
    out
}
