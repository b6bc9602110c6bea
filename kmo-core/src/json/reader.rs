//! The JSON reader of requests: one pass over the text, strings without escapes borrowed,
//! numbers kept as written (a decimal is read from that text, never through binary floating
//! point), 127 levels of nesting, and an object with the same key twice refused (serde_json would
//! keep the last one silently). Held to serde_json's reader by property tests.

use core::fmt;
use std::borrow::Cow;

pub(crate) use super::lists::{Fields, Items};
use crate::error::{clip, ErrorArg, InputError, InputErrorCode as E};

/// A JSON value of a request: strings borrowed from the text where they hold no escape,
/// an object's fields in the order given (no map is built: objects are small).
#[derive(Debug, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    /// A number as written (`2000.5`, `1e3`): JavaScript writes the shortest text of a
    /// double, and a decimal is read from the text without going through binary floating
    /// point.
    Number(Cow<'a, str>),
    String(Cow<'a, str>),
    Array(Items<'a>),
    Object(Fields<'a>),
}

/// Whether two keys are the same: their lengths and first bytes first (keys of one object
/// mostly differ there), then in words of eight or four bytes (the last one overlapping the
/// one before), in line: a call to compare memory costs more than the comparison of a short
/// key.
#[inline]
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() || a.first() != b.first() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word8(a, i) != word8(b, i) {
                return false;
            }
            i += 8;
        }
        word8(a, n - 8) == word8(b, n - 8)
    } else if n >= 4 {
        word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4)
    } else {
        // At most three bytes, the first one equal.
        a.get(1) == b.get(1) && a.get(2) == b.get(2)
    }
}

/// The eight bytes of `bytes` from `at` as one word (0 past the end, never reached).
#[inline]
fn word8(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|w| <[u8; 8]>::try_from(w).ok())
        .map_or(0, u64::from_le_bytes)
}

/// The four bytes of `bytes` from `at` as one word (0 past the end, never reached).
#[inline]
fn word4(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|w| <[u8; 4]>::try_from(w).ok())
        .map_or(0, u32::from_le_bytes)
}

impl<'a> Node<'a> {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Node::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Array(items) => Some(&items.0),
            _ => None,
        }
    }

    pub(crate) fn as_bool(&self) -> Option<bool> {
        match self {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub(crate) fn is_null(&self) -> bool {
        matches!(self, Node::Null)
    }
}

/// Where a value sits, as a chain of borrowed segments (no allocation).
#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Key(&'a Seg<'a>, &'a str),
    Index(&'a Seg<'a>, usize),
}

impl fmt::Display for Seg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seg::Root => Ok(()),
            Seg::Key(Seg::Root, k) => f.write_str(k),
            Seg::Key(parent, k) => write!(f, "{parent}.{k}"),
            Seg::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// How deep arrays and objects may nest: 127 levels, as serde_json.
const MAX_DEPTH: usize = 127;

/// Why the text is refused.
enum Fail {
    /// Not JSON: what was wrong, and at which byte.
    Syntax(&'static str, usize),
    /// A key given twice in one object: its path.
    Twice(String),
}

/// A JSON reader over the request's text: one pass, strings without escapes borrowed,
/// numbers kept as written.
struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn fail<T>(&self, what: &'static str) -> Result<T, Fail> {
        Err(Fail::Syntax(what, self.at))
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The next byte after whitespace (not consumed). A run of spaces (the indentation of a
    /// document written for people) is skipped eight bytes at a time.
    #[cfg_attr(not(kmo_size), inline(always))]
    fn next_token(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        loop {
            let b = *bytes.get(self.at)?;
            // Every token's first byte is above a space: most tokens follow the one before
            // without whitespace, and are returned after one test.
            if b > b' ' {
                return Some(b);
            }
            match b {
                // One space (after `:` in a document written for people) before a token.
                b' ' if bytes.get(self.at + 1).is_some_and(|&next| next > b' ') => {
                    self.at += 1;
                    return bytes.get(self.at).copied();
                }
                b' ' => self.at += spaces(bytes, self.at),
                b'\n' => {
                    // A new line and its indentation at once.
                    self.at += 1;
                    if bytes.get(self.at) == Some(&b' ') {
                        self.at += spaces(bytes, self.at);
                    }
                }
                b'\t' | b'\r' => self.at += 1,
                other => return Some(other),
            }
        }
    }

    /// `true`, `false` or `null`, made by `node` once read (a node given made, the refusal
    /// would drop it).
    fn literal(&mut self, word: &'static str, node: fn() -> Node<'a>) -> Result<Node<'a>, Fail> {
        if self.text.as_bytes()[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(node())
        } else {
            self.fail("expected value")
        }
    }

    /// A value. Numbers and literals are read in line (most values of a request are scalars,
    /// and a field's string is read in its object's loop); a string, an object or a list
    /// through a call of its own.
    #[cfg_attr(not(kmo_size), inline(always))]
    fn value(&mut self, seg: &Seg<'_>) -> Result<Node<'a>, Fail> {
        match self.next_token() {
            None => self.fail("EOF while parsing a value"),
            // A field's string is read in its object's loop; a list's or the document's here.
            Some(b'"') => self.string_value(),
            Some(b'{' | b'[') => self.container(seg),
            Some(b't') => self.literal("true", || Node::Bool(true)),
            Some(b'f') => self.literal("false", || Node::Bool(false)),
            Some(b'n') => self.literal("null", || Node::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => self.fail("expected value"),
        }
    }

    /// A string value that is not a field's (an item of a list, the whole document).
    #[inline(never)]
    fn string_value(&mut self) -> Result<Node<'a>, Fail> {
        self.string().map(Node::String)
    }

    /// An object or a list, at `self.at`.
    #[inline(never)]
    fn container(&mut self, seg: &Seg<'_>) -> Result<Node<'a>, Fail> {
        if self.peek() == Some(b'{') {
            self.nested(|r| r.object(seg))
        } else {
            self.nested(|r| r.array(seg))
        }
    }

    fn nested(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<Node<'a>, Fail>,
    ) -> Result<Node<'a>, Fail> {
        if self.depth == MAX_DEPTH {
            return self.fail("recursion limit exceeded");
        }
        self.depth += 1;
        self.at += 1;
        let node = read(self);
        self.depth -= 1;
        node
    }

    /// A number, checked against JSON's grammar and kept as written.
    fn number(&mut self) -> Result<Node<'a>, Fail> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: usize| {
            bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let mut at = start + usize::from(bytes[start] == b'-');
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => at += digits(at),
            _ => {
                self.at = at;
                return self.fail("invalid number");
            }
        }
        if bytes.get(at) == Some(&b'.') {
            let n = digits(at + 1);
            if n == 0 {
                self.at = at + 1;
                return self.fail("invalid number");
            }
            at += 1 + n;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            let n = digits(at);
            if n == 0 {
                self.at = at;
                return self.fail("invalid number");
            }
            at += n;
        }
        self.at = at;
        // ASCII from `start` to `at`: both are char boundaries (`get`, which cannot panic,
        // keeps the slice's panic and its formatting out of the module).
        match self.text.get(start..at) {
            Some(number) => Ok(Node::Number(Cow::Borrowed(number))),
            None => self.fail("invalid number"),
        }
    }

    /// A string's content, after its opening quote. The common case in line: no escape,
    /// borrowed as it is; a string with an escape is read out of line.
    #[cfg_attr(not(kmo_size), inline(always))]
    fn string(&mut self) -> Result<Cow<'a, str>, Fail> {
        self.at += 1;
        let bytes = self.text.as_bytes();
        let start = self.at;
        self.at += first_special(bytes.get(start..).unwrap_or_default());
        if bytes.get(self.at) == Some(&b'"') {
            self.at += 1;
            return match self.text.get(start..self.at - 1) {
                Some(text) => Ok(Cow::Borrowed(text)),
                None => self.fail("EOF while parsing a string"),
            };
        }
        self.escaped(start)
    }

    /// The rest of a string from its first special byte (at `self.at`; its content from
    /// `start`): a backslash, a control byte or the end of the text.
    #[inline(never)]
    fn escaped(&mut self, start: usize) -> Result<Cow<'a, str>, Fail> {
        let bytes = self.text.as_bytes();
        match bytes.get(self.at) {
            None => return self.fail("EOF while parsing a string"),
            Some(b'\\') => {}
            Some(_) => return self.fail("control character found while parsing a string"),
        }
        // The string's start and its first special byte (ASCII) are char boundaries: `get`
        // never fails here, and cannot panic.
        let mut out = String::from(self.text.get(start..self.at).unwrap_or_default());
        loop {
            match bytes.get(self.at) {
                None => return self.fail("EOF while parsing a string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match bytes.get(self.at) {
                        None => return self.fail("EOF while parsing a string"),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        Some(_) => return self.fail("invalid escape"),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                Some(0..=0x1F) => {
                    return self.fail("control character found while parsing a string")
                }
                Some(_) => {
                    // Copy up to the next quote or backslash (whole UTF-8 sequences).
                    let run = first_special(bytes.get(self.at..).unwrap_or_default());
                    out.push_str(self.text.get(self.at..self.at + run).unwrap_or_default());
                    self.at += run;
                }
            }
        }
    }

    /// Four hex digits after `\u` (the `u` at `self.at`); leaves `self.at` on the last.
    fn hex4(&mut self) -> Result<u16, Fail> {
        let mut n = 0_u16;
        for _ in 0..4 {
            self.at += 1;
            let digit = match self.peek() {
                None => return self.fail("EOF while parsing a string"),
                Some(b) => (b as char).to_digit(16),
            };
            match digit {
                Some(d) => n = n * 16 + d as u16,
                None => return self.fail("invalid escape"),
            }
        }
        Ok(n)
    }

    /// `\uXXXX`, a surrogate pair written as two of them; a lone surrogate is refused.
    fn unicode_escape(&mut self) -> Result<char, Fail> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                let bytes = self.text.as_bytes();
                if bytes.get(self.at + 1) != Some(&b'\\') || bytes.get(self.at + 2) != Some(&b'u') {
                    return self.fail("lone leading surrogate in hex escape");
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.fail("lone leading surrogate in hex escape");
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.fail("lone trailing surrogate in hex escape"),
            other => u32::from(other),
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.fail("invalid unicode code point"),
        }
    }

    fn array(&mut self, seg: &Seg<'_>) -> Result<Node<'a>, Fail> {
        if self.next_token() == Some(b']') {
            self.at += 1;
            return Ok(Node::Array(Items::new(Vec::new())));
        }
        // Room for a few items (a request's lists are short) without growing from none.
        let mut items = Vec::with_capacity(4);
        loop {
            items.push(self.value(&Seg::Index(seg, items.len()))?);
            match self.next_token() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Node::Array(Items::new(items)));
                }
                None => return self.fail("EOF while parsing a list"),
                Some(_) => return self.fail("expected `,` or `]`"),
            }
        }
    }

    fn object(&mut self, seg: &Seg<'_>) -> Result<Node<'a>, Fail> {
        /// Up to this many fields, a key is checked against the others as it is read;
        /// a larger object is checked once read, through an index of its keys.
        const FEW: usize = 16;
        let twice = |key: &str| Fail::Twice(Seg::Key(seg, key).to_string());
        // Room for the objects of a request (the enterprise has twelve known fields) without
        // growing.
        let mut fields: Vec<(Cow<'a, str>, Node<'a>)> = Vec::with_capacity(16);
        if self.next_token() == Some(b'}') {
            self.at += 1;
            return Ok(Node::Object(Fields::new(fields)));
        }
        loop {
            match self.next_token() {
                Some(b'"') => {}
                None => return self.fail("EOF while parsing an object"),
                Some(_) => return self.fail("key must be a string"),
            }
            let key = self.string()?;
            match self.next_token() {
                Some(b':') => self.at += 1,
                None => return self.fail("EOF while parsing an object"),
                Some(_) => return self.fail("expected `:`"),
            }
            // A string, the most common value, is read here and pushed as it is; any other
            // value through `value`.
            let value = if self.next_token() == Some(b'"') {
                Node::String(self.string()?)
            } else {
                self.value(&Seg::Key(seg, &key))?
            };
            if fields.len() < FEW && fields.iter().any(|(k, _)| same_key(k, &key)) {
                return Err(twice(&key));
            }
            fields.push((key, value));
            match self.next_token() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    break;
                }
                None => return self.fail("EOF while parsing an object"),
                Some(_) => return self.fail("expected `,` or `}`"),
            }
        }
        if fields.len() > FEW {
            let mut index = std::collections::BTreeMap::<&str, usize>::new();
            for (i, (key, _)) in fields.iter().enumerate() {
                if index.insert(key, i).is_some() {
                    return Err(twice(key));
                }
            }
        }
        Ok(Node::Object(Fields::new(fields)))
    }
}

/// Parses `text` (one JSON value, nothing after it), refusing an object with the same key
/// twice.
pub(crate) fn from_str<'a>(text: &'a str, what: &'static str) -> Result<Node<'a>, InputError> {
    let mut reader = Reader {
        text,
        at: 0,
        depth: 0,
    };
    let parsed = reader
        .value(&Seg::Root)
        .and_then(|node| match reader.next_token() {
            None => Ok(node),
            Some(_) => reader.fail("trailing characters"),
        });
    parsed.map_err(|fail| match fail {
        Fail::Twice(path) => InputError::new(
            E::DuplicateKey,
            path.as_str(),
            "err_duplicate_key",
            vec![clip(&path).into()],
        ),
        Fail::Syntax(why, at) => {
            let before = &text.as_bytes()[..at.min(text.len())];
            let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
            let column = 1 + before.iter().rev().take_while(|&&b| b != b'\n').count();
            InputError::new(
                E::MalformedJson,
                "",
                "err_json_syntax",
                vec![
                    ErrorArg::Word(what),
                    ErrorArg::Word(why),
                    line.to_string().into(),
                    column.to_string().into(),
                ],
            )
        }
    })
}

/// The reader of earlier versions, through serde_json: the tests hold [`from_str`] to it.
#[cfg(test)]
pub(super) mod reference {
    use super::{Fields, Items, Node, Seg};
    use crate::error::{InputError, InputErrorCode as E};
    use core::fmt;
    use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
    use serde_json::Number;
    use std::borrow::Cow;

    /// Marks the path of a duplicate key inside serde_json's error text.
    const MARK: char = '\u{1}';

    struct Strict<'a>(Seg<'a>);

    impl<'de> DeserializeSeed<'de> for Strict<'_> {
        type Value = Node<'de>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
            d.deserialize_any(self)
        }
    }

    /// A key, borrowed from the text when it holds no escape.
    struct Key;

    impl<'de> DeserializeSeed<'de> for Key {
        type Value = Cow<'de, str>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
            d.deserialize_str(self)
        }
    }

    impl<'de> Visitor<'de> for Key {
        type Value = Cow<'de, str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a key")
        }
        fn visit_borrowed_str<Er>(self, v: &'de str) -> Result<Cow<'de, str>, Er> {
            Ok(Cow::Borrowed(v))
        }
        fn visit_str<Er>(self, v: &str) -> Result<Cow<'de, str>, Er> {
            Ok(Cow::Owned(v.to_string()))
        }
        fn visit_string<Er>(self, v: String) -> Result<Cow<'de, str>, Er> {
            Ok(Cow::Owned(v))
        }
    }

    impl<'de> Visitor<'de> for Strict<'_> {
        type Value = Node<'de>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<Er>(self, v: bool) -> Result<Node<'de>, Er> {
            Ok(Node::Bool(v))
        }
        fn visit_i64<Er>(self, v: i64) -> Result<Node<'de>, Er> {
            Ok(Node::Number(Cow::Owned(v.to_string())))
        }
        fn visit_u64<Er>(self, v: u64) -> Result<Node<'de>, Er> {
            Ok(Node::Number(Cow::Owned(v.to_string())))
        }
        fn visit_f64<Er>(self, v: f64) -> Result<Node<'de>, Er> {
            Ok(Number::from_f64(v).map_or(Node::Null, |n| Node::Number(Cow::Owned(n.to_string()))))
        }
        fn visit_borrowed_str<Er>(self, v: &'de str) -> Result<Node<'de>, Er> {
            Ok(Node::String(Cow::Borrowed(v)))
        }
        fn visit_str<Er>(self, v: &str) -> Result<Node<'de>, Er> {
            Ok(Node::String(Cow::Owned(v.to_string())))
        }
        fn visit_string<Er>(self, v: String) -> Result<Node<'de>, Er> {
            Ok(Node::String(Cow::Owned(v)))
        }
        fn visit_unit<Er>(self) -> Result<Node<'de>, Er> {
            Ok(Node::Null)
        }
        fn visit_none<Er>(self) -> Result<Node<'de>, Er> {
            Ok(Node::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
            let mut out = Vec::new();
            while let Some(v) = seq.next_element_seed(Strict(Seg::Index(&self.0, out.len())))? {
                out.push(v);
            }
            Ok(Node::Array(Items::new(out)))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
            /// Up to this many fields, a key is checked against the others as it is read;
            /// a larger object is checked once read, through an index of its keys.
            const FEW: usize = 16;
            let twice = |parent: &Seg<'_>, key: &str| {
                let path = Seg::Key(parent, key);
                de::Error::custom(format_args!("{MARK}{path}{MARK}"))
            };
            let mut out: Vec<(Cow<'de, str>, Node<'de>)> = Vec::new();
            while let Some(key) = map.next_key_seed(Key)? {
                let value = map.next_value_seed(Strict(Seg::Key(&self.0, &key)))?;
                if out.len() < FEW && out.iter().any(|(k, _)| *k == key) {
                    return Err(twice(&self.0, &key));
                }
                out.push((key, value));
            }
            if out.len() > FEW {
                let mut index = std::collections::BTreeMap::<&str, usize>::new();
                for (i, (key, _)) in out.iter().enumerate() {
                    if index.insert(key, i).is_some() {
                        return Err(twice(&self.0, key));
                    }
                }
            }
            Ok(Node::Object(Fields::new(out)))
        }
    }

    /// Parses `text` (one JSON value, nothing after it) with serde_json: the reference the
    /// reader is held to in the tests.
    pub(super) fn from_str<'a>(text: &'a str, what: &'static str) -> Result<Node<'a>, InputError> {
        let mut de = serde_json::Deserializer::from_str(text);
        let parsed = Strict(Seg::Root)
            .deserialize(&mut de)
            .and_then(|v| de.end().map(|()| v));
        parsed.map_err(|e| {
            let message = e.to_string();
            let mut parts = message.split(MARK);
            match (parts.next(), parts.next()) {
                (Some(""), Some(path)) => InputError::new(
                    E::DuplicateKey,
                    path,
                    "err_duplicate_key",
                    vec![path.to_string().into()],
                ),
                _ => InputError::new(
                    E::MalformedJson,
                    "",
                    "err_json_syntax",
                    vec![what.into(), message.into(), "?".into(), "?".into()],
                ),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The same tree; numbers the same double (the reference holds serde_json's reading,
    /// which without its `float_roundtrip` feature may be a few units in the last place
    /// from the nearest, and the reader the text itself).
    fn same(a: &super::Node<'_>, b: &super::Node<'_>) -> bool {
        use super::Node;
        match (a, b) {
            (Node::Number(x), Node::Number(y)) => match (x.parse::<f64>(), y.parse::<f64>()) {
                (Ok(x), Ok(y)) => x == y || x.to_bits().abs_diff(y.to_bits()) <= 4,
                _ => false,
            },
            (Node::Array(x), Node::Array(y)) => {
                x.0.len() == y.0.len() && x.0.iter().zip(y.0.iter()).all(|(x, y)| same(x, y))
            }
            (Node::Object(x), Node::Object(y)) => {
                x.0.len() == y.0.len()
                    && x.0
                        .iter()
                        .zip(y.0.iter())
                        .all(|((k, x), (l, y))| k == l && same(x, y))
            }
            _ => a == b,
        }
    }

    /// The same answer as the serde_json reader: the same tree, or an error of the same
    /// code (and path, for a repeated key). One difference: a number beyond a double's
    /// range is read (as its text, which the field's own check then refuses).
    fn agree(text: &str) -> Result<(), TestCaseError> {
        let ours = super::from_str(text, "x");
        let reference = super::reference::from_str(text, "x");
        match (&ours, &reference) {
            (Ok(a), Ok(b)) => prop_assert!(same(a, b), "{:?}: {:?} vs {:?}", text, a, b),
            (Err(a), Err(b)) => {
                prop_assert_eq!((a.code, &a.path), (b.code, &b.path), "{:?}", text)
            }
            (Ok(_), Err(b)) if b.to_string().contains("number out of range") => {}
            _ => prop_assert!(false, "{:?}: {:?} vs {:?}", text, ours, reference),
        }
        Ok(())
    }

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "[a-z\"\\\\/\u{0}-\u{1f}é€😀]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[a-c]{1,2}", inner), 0..20)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Valid documents, compact or pretty, and the same cut or with a byte changed.
        #[test]
        fn reads_as_serde_json_does(
            value in json_value(),
            pretty in any::<bool>(),
            cut in any::<prop::sample::Index>(),
            at in any::<prop::sample::Index>(),
            byte in prop::sample::select(b"{}[]:,\"\\ 0-1e.+tfnu\x01x".to_vec()),
            how in 0..4_u8,
        ) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            agree(&text)?;
            let mut bytes = text.clone().into_bytes();
            match how {
                0 => bytes.truncate(cut.index(bytes.len() + 1)),
                1 => bytes.insert(at.index(bytes.len() + 1), byte),
                2 if !bytes.is_empty() => { bytes.remove(at.index(bytes.len())); }
                _ if !bytes.is_empty() => { let i = at.index(bytes.len()); bytes[i] = byte; }
                _ => {}
            }
            if let Ok(mutated) = String::from_utf8(bytes) {
                agree(&mutated)?;
            }
        }

        /// Any short text of JSON's characters.
        #[test]
        fn any_text_as_serde_json(text in "[{}\\[\\]:,\" \\\\0-9a-z.+\\-é\u{1}]{0,24}") {
            agree(&text)?;
        }
    }

    /// A number is kept as written, and read as a decimal from that text.
    #[test]
    fn numbers_as_written() {
        for text in [
            "-1.9816394567246282e-63",
            "0.1",
            "2000.50",
            "1e+30",
            "-0",
            "1e400",
        ] {
            match super::from_str(text, "x") {
                Ok(super::Node::Number(n)) => assert_eq!(n, text),
                other => panic!("{text}: {other:?}"),
            }
        }
        let request = |cost: &str| {
            format!(
                r#"{{"application_date":"2026-03-10","enterprise":{{"size":{{"class":"small"}}}},
                   "service":{{"kind":"training","theme":"innovatie","cost":{cost}}}}}"#
            )
        };
        let parsed = crate::json::parse_request(&request("2000.50")).unwrap();
        assert_eq!(
            parsed.application.service.cost,
            crate::application::CostInput::Amount(
                crate::units::Money::from_cents(200_050).unwrap()
            )
        );
        let e = crate::json::parse_request(&request("1e400")).unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (super::E::AmountOutOfRange, "service.cost")
        );
    }

    #[test]
    fn edges_as_serde_json() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let objects = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
        for text in [
            "",
            " ",
            "{}",
            "[]",
            "null",
            "true",
            "false",
            "nul",
            "tru",
            "-",
            "-0",
            "0",
            "01",
            "1.",
            ".5",
            "1e",
            "1e+",
            "1E-2",
            "-0.0",
            "1e400",
            "-1e400",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "0.1",
            "2000.50",
            "123456789012345678901234567890",
            "1.7976931348623157e309",
            "\"a\\u00e9\\u20AC\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ud83dx\"",
            "\"\\u12\"",
            "\"\\uZZZZ\"",
            "\"\\x\"",
            "\"a\u{1}b\"",
            "\"\\\"",
            "\"\\/\\b\\f\\n\\r\\t\"",
            "\u{feff}{}",
            "{} x",
            "{}}",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1 \"b\":2}",
            "\t\n\r {\"a\" : [ 1 , 2 ] }\n",
            "{\"a\":1,\"a\":2}",
            "[{\"b\":1,\"b\":2}]",
        ] {
            agree(text).unwrap();
        }
        for n in [1, 127, 128, 129, 500] {
            agree(&deep(n)).unwrap();
            agree(&objects(n)).unwrap();
        }
    }

    #[test]
    fn duplicates_are_refused_with_their_path() {
        let e = super::from_str(
            r#"{"service":{"cost":"1","kind":"training","cost":"2"}}"#,
            "x",
        )
        .unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (super::E::DuplicateKey, "service.cost")
        );
        let e = super::from_str(r#"{"a":[{"b":1},{"b":1,"b":2}]}"#, "x").unwrap_err();
        assert_eq!(e.path, "a[1].b");
        assert!(super::from_str(r#"{"a":1,"b":{"a":1}}"#, "x").is_ok());
        // A key written with an escape is the same key.
        let e = super::from_str(r#"{"cost":1,"c\u006fst":2}"#, "x").unwrap_err();
        assert_eq!(e.path, "cost");
        // Past sixteen fields the check is by set; the first repeat is named either way.
        for n in [3, 16, 17, 40] {
            let fields: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
            let once = format!("{{{}}}", fields.join(","));
            assert!(super::from_str(&once, "x").is_ok(), "{n}");
            let twice = format!("{{{},\"k{}\":0,\"k0\":0}}", fields.join(","), n - 2);
            let e = super::from_str(&twice, "x").unwrap_err();
            assert_eq!(e.path, format!("k{}", n - 2), "{n}");
        }
        assert_eq!(
            super::from_str("{} x", "x").unwrap_err().code,
            super::E::MalformedJson
        );
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(
            super::from_str(&deep, "x").unwrap_err().code,
            super::E::MalformedJson
        );
    }
}

/// How many spaces `bytes` holds from `at` (a space at `at`), counted eight bytes at a time
/// (at least one).
#[cfg_attr(not(kmo_size), inline(always))]
fn spaces(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..at + 8) {
        Some(chunk) => {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            let others = u64::from_le_bytes(word) ^ 0x2020_2020_2020_2020;
            // The first byte that is not a space ends the run (eight when all are).
            (others.trailing_zeros() / 8) as usize
        }
        None => 1,
    }
    .max(1)
}

/// The position of the first byte a JSON string cannot hold as it is (`"`, `\`, below
/// 0x20), or the length. Byte by byte through a table: the strings of a request and the
/// arguments of a message are short, and a wider scan costs more than it saves on them
/// (measured: eight bytes at a time was slower on the batch's requests).
#[inline]
pub(crate) fn first_special(bytes: &[u8]) -> usize {
    /// The special bytes, by value.
    const SPECIAL: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 0x20 {
            table[b] = true;
            b += 1;
        }
        table[b'"' as usize] = true;
        table[b'\\' as usize] = true;
        table
    };
    // Eight bytes at a time: a word holds a special byte when one of its bytes is below 0x20,
    // a quote or a backslash. Each test marks the high bit of the bytes it finds (and none
    // before the first: borrows only run upwards), so the lowest mark is the first special byte.
    // The three tests share their last step: a quote and a backslash are below 0x80, so a
    // byte of the word xored with either has its high bit where the byte has it.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0_u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let found = (w.wrapping_sub(ONES * 0x20)
            | (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES)
            | (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES))
            & !w
            & HIGH;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|&b| SPECIAL[usize::from(b)])
        .map_or(bytes.len(), |i| at + i)
}

#[cfg(test)]
mod special_tests {
    proptest::proptest! {
        /// Keys compare as strings compare.
        #[test]
        fn same_key_is_equality(a in "[a-c_]{0,20}", b in "[a-c_]{0,20}") {
            proptest::prop_assert_eq!(super::same_key(&a, &b), a == b);
            proptest::prop_assert!(super::same_key(&a, &a.clone()));
        }

        /// A key and the same key with one byte changed, whatever the length and the place.
        #[test]
        fn one_byte_apart(a in "[a-c_]{1,40}", at in 0_usize..40) {
            let at = at % a.len();
            let mut b = a.clone().into_bytes();
            b[at] = b'x';
            let b = String::from_utf8(b).unwrap();
            proptest::prop_assert!(!super::same_key(&a, &b));
            proptest::prop_assert!(super::same_key(&a, &a.clone()));
        }

        /// The table holds exactly the bytes a JSON string must escape.
        #[test]
        fn first_special_is_the_first(text in "[ -~\"\\\\\\x00-\\x1f\\x7fé😀\u{80}-\u{7ff}]{0,80}") {
            let naive = text.bytes().position(|b| b == b'"' || b == b'\\' || b < 0x20);
            proptest::prop_assert_eq!(super::first_special(text.as_bytes()), naive.unwrap_or(text.len()));
        }
    }
}
