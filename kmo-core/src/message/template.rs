//! Templates split at their placeholders when the library is compiled (the texts' tables hold
//! them split; `render.rs` writes them out).

/// The most placeholders a template holds (one with more does not compile).
const MAX_HOLES: usize = 6;

/// A placeholder: where `{n}` starts in the template, its length and `n` (four bytes a
/// placeholder in the texts' tables).
#[derive(Clone, Copy, Debug)]
pub(super) struct Hole {
    pub(super) start: u16,
    pub(super) width: u8,
    pub(super) arg: u8,
}

impl Hole {
    /// Where `{n}` ends in the template.
    pub(super) fn end(self) -> usize {
        usize::from(self.start) + usize::from(self.width)
    }
}

/// A template and its placeholders (`{` then one to three digits then `}`), found when the
/// library is compiled ([`split_template!`]); any other brace is text. The placeholders sit in
/// a list of their own, as many as the template has: sixteen bytes a template in the texts'
/// tables, and four a placeholder.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Template {
    pub(super) text: &'static str,
    pub(super) holes: &'static [Hole],
}

/// An unused slot of a list of placeholders.
const NO_HOLE: Hole = Hole {
    start: 0,
    width: 0,
    arg: 0,
};

/// The placeholders of `text` in order, and how many (a compile-time error past
/// [`MAX_HOLES`] when evaluated in a constant, as [`split_template!`] does).
pub(super) const fn scan(text: &str) -> ([Hole; MAX_HOLES], usize) {
    let b = text.as_bytes();
    assert!(b.len() < u16::MAX as usize, "template too long");
    let mut holes = [NO_HOLE; MAX_HOLES];
    let mut count = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            let mut j = i + 1;
            let mut arg = 0;
            while j < b.len() && j - i <= 3 && b[j].is_ascii_digit() {
                arg = 10 * arg + (b[j] - b'0') as u16;
                j += 1;
            }
            if j > i + 1 && j < b.len() && b[j] == b'}' {
                assert!(count < MAX_HOLES, "too many placeholders in a template");
                assert!(arg <= u8::MAX as u16, "a placeholder's number above 255");
                holes[count] = Hole {
                    start: i as u16,
                    width: (j + 1 - i) as u8,
                    arg: arg as u8,
                };
                count += 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    (holes, count)
}

/// The first `N` placeholders of `text` (`N` its count: [`split_template!`]).
pub(super) const fn first_holes<const N: usize>(text: &str) -> [Hole; N] {
    let (all, _) = scan(text);
    let mut out = [NO_HOLE; N];
    let mut i = 0;
    while i < N {
        out[i] = all[i];
        i += 1;
    }
    out
}

/// The placeholders of a template's text given when the program runs (the tests').
#[cfg(test)]
pub(super) fn holes_of(text: &str) -> Vec<Hole> {
    let (holes, count) = scan(text);
    holes[..count].to_vec()
}

/// A [`Template`] of a constant text, split when the library is compiled: its placeholders a
/// constant list of their length.
macro_rules! split_template {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const HOLES: [$crate::message::template::Hole; $crate::message::template::scan(TEXT).1] =
            $crate::message::template::first_holes(TEXT);
        $crate::message::template::Template {
            text: TEXT,
            holes: &HOLES,
        }
    }};
}
pub(super) use split_template;
