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
/// library is compiled; any other brace is text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Template {
    pub(super) text: &'static str,
    pub(super) holes: [Hole; MAX_HOLES],
    pub(super) count: u8,
}

impl Template {
    /// Splits `text` at its placeholders (a compile-time error past [`MAX_HOLES`]).
    pub(crate) const fn new(text: &'static str) -> Template {
        let b = text.as_bytes();
        assert!(b.len() < u16::MAX as usize, "template too long");
        let mut holes = [Hole {
            start: 0,
            width: 0,
            arg: 0,
        }; MAX_HOLES];
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
        Template {
            text,
            holes,
            count: count as u8,
        }
    }
}
