//! Reading the fields of a JSON document: objects with their path, and one reader per kind of
//! value (text, list, code, date, amount, percentage, number). The readers map JSON to the
//! core's types and leave every check of a value to the type that holds it (`Money::parse`,
//! `parse_date`, …); a field's path is joined only when there is an error to name it in.

use core::cell::Cell;
use std::borrow::Cow;

use time::Date;

use super::reader::{same_key, Fields, Node};
use crate::application::FiscalYearEnd;
use crate::error::{clip, join_path, ErrorArg, InputError, InputErrorCode as E};
use crate::sme::AnnualWorkUnits;
use crate::units::push_index;
use crate::units::{parse_date, parse_plain_decimal, Money, Percent};

/// Where an object sits in the document, written out only when an error names it.
enum Path<'a> {
    /// The path as text.
    Text(Cow<'a, str>),
    /// The field `key` of the object at `parent` (`enterprise.size`).
    Child(&'a str, &'a str),
    /// Item `index` of the list `key` of the object at `parent` (`enterprise.de_minimis[0]`).
    Item(&'a str, &'a str, usize),
}

/// A JSON object and its path in the request.
pub(crate) struct Obj<'a> {
    pub(crate) map: &'a Fields<'a>,
    /// Where the object sits: borrowed from the document's keys for a field of the root
    /// object and for the objects just below those (no allocation).
    path: Path<'a>,
    /// Where the next field is looked for first: after the last one found (fields are mostly
    /// read in the order a document gives them).
    next: Cell<usize>,
    /// The fields looked up so far, a bit for each of the first 64: each is a known field
    /// (see [`known_begin`](Obj::known_begin); the builds for size mark none).
    #[cfg(not(kmo_size))]
    found: Cell<u64>,
}

impl<'a> Obj<'a> {
    /// The document's root object; `what` names the document (`the request`).
    pub(crate) fn root(value: &'a Node<'a>, what: &'static str) -> Result<Obj<'a>, InputError> {
        match value {
            Node::Object(map) => Ok(Obj {
                map,
                path: Path::Text(Cow::Borrowed("")),
                next: Cell::new(0),
                #[cfg(not(kmo_size))]
                found: Cell::new(0),
            }),
            _ => Err(InputError::new(
                E::MalformedJson,
                "",
                "err_not_an_object",
                vec![ErrorArg::Word(what)],
            )),
        }
    }

    pub(crate) fn at(
        value: &'a Node<'a>,
        path: impl Into<Cow<'a, str>>,
    ) -> Result<Obj<'a>, InputError> {
        Self::placed(value, Path::Text(path.into()))
    }

    fn placed(value: &'a Node<'a>, path: Path<'a>) -> Result<Obj<'a>, InputError> {
        match value {
            Node::Object(map) => Ok(Obj {
                map,
                path,
                next: Cell::new(0),
                #[cfg(not(kmo_size))]
                found: Cell::new(0),
            }),
            other => Err(InputError::new(
                E::WrongType,
                path.text(),
                "err_wrong_type",
                vec![
                    ErrorArg::Word("an object"),
                    ErrorArg::Word(type_name(other)),
                ],
            )),
        }
    }

    /// The object's path as text.
    #[cfg(any(feature = "full-sme", feature = "wallet"))]
    pub(crate) fn path(&self) -> Cow<'a, str> {
        self.path.text()
    }

    pub(crate) fn child(&self, key: &str) -> String {
        self.path.child(key, 0)
    }

    /// The path of item `i` of the list `key` (`service.lines[2]`), written without the
    /// formatting machinery.
    pub(crate) fn item_path(&self, key: &str, i: usize) -> String {
        self.path.item(key, i)
    }

    /// Item `i` of the list `key` of this object (`item`), as an object: its path written out
    /// only when an error names it.
    pub(crate) fn item(
        &self,
        item: &'a Node<'a>,
        key: &'static str,
        i: usize,
    ) -> Result<Obj<'a>, InputError> {
        match &self.path {
            Path::Text(Cow::Borrowed(parent)) => Self::placed(item, Path::Item(parent, key, i)),
            _ => Self::at(item, self.item_path(key, i)),
        }
    }

    /// The field `key`: tried first at the field after the last one found, then looked for
    /// from the start.
    fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        self.field(key).map(|(_, v)| v)
    }

    /// The field `key` with the document's own key (see `get`).
    #[inline]
    fn field(&self, key: &str) -> Option<(&'a str, &'a Node<'a>)> {
        let fields: &'a [(Cow<'a, str>, Node<'a>)] = &self.map.0;
        let from = self.next.get();
        let found = match fields.get(from) {
            Some((k, _)) if same_key(k, key) => from,
            _ => fields.iter().position(|(k, _)| same_key(k, key))?,
        };
        self.next.set(found + 1);
        // The builds for size mark nothing: `known_from` compares every field, as `known`.
        // (An object of more than 64 fields has its marks ignored: a field past the 64th marks
        // one of the first 64.)
        #[cfg(not(kmo_size))]
        self.found.set(self.found.get() | 1 << (found % 64));
        fields.get(found).map(|(k, v)| (k.as_ref(), v))
    }

    /// The keys of the fields given (present and not null), in the document's order.
    pub(crate) fn given(&self) -> impl Iterator<Item = &'a str> {
        let fields: &'a [(Cow<'a, str>, Node<'a>)] = &self.map.0;
        fields
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, _)| k.as_ref())
    }

    /// Present and not null.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some_and(|v| !v.is_null())
    }

    /// The field `key` read by `read`, or `None` when absent or null. `read` is given the
    /// path relative to the field (`""`; its items are `[i]`): the field's own path is joined
    /// only when there is an error to name it in.
    #[cfg_attr(kmo_size, inline(never))]
    pub(crate) fn opt<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Node<'a>, &str) -> Result<T, InputError>,
    ) -> Result<Option<T>, InputError> {
        match self.value(key) {
            None => Ok(None),
            Some(v) => match read(v, "") {
                Ok(t) => Ok(Some(t)),
                Err(e) => Err(self.field_error(key, e)),
            },
        }
    }

    /// The field `key` when present and not null. Out of line in the builds for size: every
    /// field reader (`opt`, one copy per type read) calls it instead of carrying the lookup.
    #[cfg_attr(kmo_size, inline(never))]
    fn value(&self, key: &str) -> Option<&'a Node<'a>> {
        match self.get(key) {
            None | Some(Node::Null) => None,
            v => v,
        }
    }

    /// An error of the field `key`'s value, placed under the field's path (out of line: one
    /// copy for every field reader).
    #[cold]
    #[inline(never)]
    fn field_error(&self, key: &str, e: InputError) -> InputError {
        let path = join_path(&self.child(key), &e.path);
        e.at(path)
    }

    /// A required field or object `key` that is absent or null: the message `template`.
    #[cold]
    #[inline(never)]
    fn missing(&self, key: &str, template: &'static str) -> InputError {
        InputError::new(
            E::MissingField,
            self.child(key),
            template,
            vec![key.to_string().into()],
        )
    }

    pub(crate) fn req<T>(
        &self,
        key: &str,
        read: impl Fn(&'a Node<'a>, &str) -> Result<T, InputError>,
    ) -> Result<T, InputError> {
        match self.opt(key, read)? {
            Some(t) => Ok(t),
            None => Err(InputError::required(self.child(key), key)),
        }
    }

    pub(crate) fn obj(&self, key: &str) -> Result<Obj<'a>, InputError> {
        match self.opt_obj(key)? {
            Some(o) => Ok(o),
            None => Err(self.missing(key, "err_object_required")),
        }
    }

    pub(crate) fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>, InputError> {
        match self.field(key) {
            None | Some((_, Node::Null)) => Ok(None),
            Some((k, v)) => match self.path {
                // A field of the root object: its path is its key, borrowed from the document;
                // below one of those, its parent's key and its own.
                Path::Text(Cow::Borrowed("")) => Obj::at(v, k).map(Some),
                Path::Text(Cow::Borrowed(parent)) => {
                    Obj::placed(v, Path::Child(parent, k)).map(Some)
                }
                _ => Obj::at(v, self.child(key)).map(Some),
            },
        }
    }

    /// Records the fields that are not in `keys`, in the order of their names (each unknown
    /// name put in its place in a sorted list, made only when there is an unknown field; the
    /// names of an object are distinct): called before the object's fields are read.
    #[cfg(kmo_size)]
    pub(crate) fn known(&self, keys: &[&str], ignored: &mut Vec<String>) {
        // Each field tried first against the key after the last one found: a document that
        // gives its fields in the documented order finds each at the first try.
        let mut next = 0;
        let mut unknown = Vec::<&str>::new();
        for (key, _) in self.map.0.iter() {
            let found = key_position(keys, next, key);
            match found {
                Some(at) => next = at + 1,
                // Mostly every field is known: no index then.
                None => unknown_key(&mut unknown, key),
            }
        }
        if !unknown.is_empty() {
            ignored.extend(unknown.iter().map(|key| self.child(key)));
        }
    }

    /// Records the fields that are not in `keys`, in the order of their names: called before
    /// the object's fields are read (those looked up before are of `keys`).
    #[cfg(not(kmo_size))]
    pub(crate) fn known(&self, keys: &[&str], ignored: &mut Vec<String>) {
        self.known_from(keys, ignored, ignored.len());
    }

    /// Begins the reading of an object whose fields are `keys`; ended by
    /// [`known_end`](Obj::known_end) with what this gives. The builds for size record the
    /// unknown fields here ([`known`](Obj::known)); the others once the object is read, where
    /// each field looked up (each of `keys`: an object's reader looks up no other key) was
    /// compared by its lookup and is not compared again.
    // The builds for size push into `ignored` here; the others only read its length.
    #[cfg_attr(not(kmo_size), allow(clippy::ptr_arg))]
    pub(crate) fn known_begin(&self, keys: &[&str], ignored: &mut Vec<String>) -> usize {
        #[cfg(kmo_size)]
        self.known(keys, ignored);
        #[cfg(not(kmo_size))]
        let _ = keys;
        ignored.len()
    }

    /// Ends the reading begun by [`known_begin`](Obj::known_begin) (`from`): see there.
    pub(crate) fn known_end(&self, keys: &[&str], ignored: &mut Vec<String>, from: usize) {
        // Every field looked up (mostly): nothing to compare, and no call.
        #[cfg(not(kmo_size))]
        if !self.all_found() {
            self.known_from(keys, ignored, from);
        }
        #[cfg(kmo_size)]
        let _ = (keys, ignored, from);
    }

    /// Whether every field was looked up (an object of at most 64 fields; see `field`).
    #[cfg(not(kmo_size))]
    #[inline]
    fn all_found(&self) -> bool {
        let n = self.map.0.len();
        n <= 64 && self.found.get() | u64::MAX.checked_shl(n as u32).unwrap_or(0) == u64::MAX
    }

    /// [`known`](Obj::known) for the fields not looked up, the unknown fields' paths put at
    /// `from` in `ignored` (its length when the object's reading began: where `known` would
    /// have put them, before those of the objects inside).
    #[cfg(not(kmo_size))]
    #[inline(never)]
    fn known_from(&self, keys: &[&str], ignored: &mut Vec<String>, from: usize) {
        let fields: &[(Cow<'_, str>, Node<'_>)] = &self.map.0;
        // The fields not looked up, a bit each (none, mostly: nothing to compare); in an
        // object of more than 64 fields, every field (see `field`).
        let (mut left, marked) = if fields.len() <= 64 {
            let all = u64::MAX.checked_shr(64 - fields.len() as u32).unwrap_or(0);
            (!self.found.get() & all, 64)
        } else {
            (0, 0)
        };
        let mut rest = fields.iter().skip(marked);
        if left == 0 && fields.len() <= 64 {
            return;
        }
        // Each field tried first against the key after the last one found: a document that
        // gives its fields in the documented order finds each at the first try.
        let mut next = 0;
        let mut unknown = Vec::<&str>::new();
        loop {
            let key = if left != 0 {
                let i = left.trailing_zeros() as usize;
                left &= left - 1;
                match fields.get(i) {
                    Some((key, _)) => key,
                    None => continue,
                }
            } else {
                match rest.next() {
                    Some((key, _)) => key,
                    None => break,
                }
            };
            let found = key_position(keys, next, key);
            match found {
                Some(at) => next = at + 1,
                // Mostly every field is known: no index then.
                None => unknown_key(&mut unknown, key),
            }
        }
        // Where `known` would have put them (rare: an unknown field).
        let at = from.min(ignored.len());
        for (i, key) in unknown.iter().enumerate() {
            ignored.insert(at + i, self.child(key));
        }
    }
}

/// Puts `key` in its place among the unknown names (sorted; out of line, being rare).
#[cold]
#[inline(never)]
fn unknown_key<'k>(unknown: &mut Vec<&'k str>, key: &'k str) {
    unknown.insert(unknown.partition_point(|k| *k < key), key);
}

impl<'a> Path<'a> {
    /// The path written out (when an error names it).
    fn text(&self) -> Cow<'a, str> {
        match *self {
            Path::Text(ref p) => p.clone(),
            Path::Child(parent, key) => Cow::Owned(Self::joined(parent, key, 0)),
            Path::Item(parent, key, i) => Cow::Owned(Self::indexed(parent, key, i)),
        }
    }

    /// `parent.key` (`key` at the root), with room for `more` bytes after it (no growing).
    fn joined(parent: &str, key: &str, more: usize) -> String {
        let mut path = String::with_capacity(parent.len() + 1 + key.len() + more);
        if !parent.is_empty() {
            path.push_str(parent);
            path.push('.');
        }
        path.push_str(key);
        path
    }

    /// The path of the field `key` of the object here, with room for `more` bytes after it.
    fn child(&self, key: &str, more: usize) -> String {
        match self {
            Path::Text(p) => Self::joined(p, key, more),
            other => Self::joined(&other.text(), key, more),
        }
    }

    /// The path of item `i` of the list `key` of the object here.
    fn item(&self, key: &str, i: usize) -> String {
        match self {
            Path::Text(p) => Self::indexed(p, key, i),
            other => Self::indexed(&other.text(), key, i),
        }
    }

    /// `parent.key[i]`, written without the formatting machinery.
    fn indexed(parent: &str, key: &str, i: usize) -> String {
        // Room for the brackets and the digits of any index.
        let mut path = Self::joined(parent, key, 22);
        push_index(&mut path, i);
        path
    }
}

/// The items of a list read one by one into a `Vec` (`read` gets each item's index): a plain
/// loop, where a `collect` into `Result<Vec<_>, _>` brings four functions of the iterator
/// machinery into the module for every list.
pub(crate) fn items<'n, 'v, T>(
    list: &'n [Node<'v>],
    mut read: impl FnMut(usize, &'n Node<'v>) -> Result<T, InputError>,
) -> Result<Vec<T>, InputError> {
    let mut out = Vec::with_capacity(list.len());
    for (i, item) in list.iter().enumerate() {
        out.push(read(i, item)?);
    }
    Ok(out)
}

pub(crate) fn type_name(v: &Node<'_>) -> &'static str {
    match v {
        Node::Null => "null",
        Node::Bool(_) => "a boolean",
        Node::Number(_) => "a number",
        Node::String(_) => "a string",
        Node::Array(_) => "a list",
        Node::Object(_) => "an object",
    }
}

/// A value of the wrong JSON type: what was expected (a word of the message tables), what was
/// found.
#[cold]
#[inline(never)]
pub(crate) fn wrong(v: &Node<'_>, path: &str, expected: &'static str) -> InputError {
    InputError::new(
        E::WrongType,
        path,
        "err_wrong_type",
        vec![ErrorArg::Word(expected), ErrorArg::Word(type_name(v))],
    )
}

pub(crate) fn string<'v>(v: &'v Node<'_>, path: &str) -> Result<&'v str, InputError> {
    v.as_str().ok_or_else(|| wrong(v, path, "a string"))
}

pub(crate) fn array<'v>(v: &'v Node<'_>, path: &str) -> Result<&'v [Node<'v>], InputError> {
    v.as_array().ok_or_else(|| wrong(v, path, "a list"))
}

pub(crate) fn boolean(v: &Node<'_>, path: &str) -> Result<bool, InputError> {
    v.as_bool().ok_or_else(|| wrong(v, path, "true or false"))
}

pub(crate) fn code<T>(
    v: &Node<'_>,
    path: &str,
    parse: impl Fn(&str) -> Result<T, InputError>,
) -> Result<T, InputError> {
    parse(string(v, path)?).map_err(|e| at(e, path))
}

/// A value's error placed at `path` (out of line: one copy for every reader).
#[cold]
#[inline(never)]
fn at(e: InputError, path: &str) -> InputError {
    e.at(path)
}

pub(crate) fn date(v: &Node<'_>, path: &str) -> Result<Date, InputError> {
    code(v, path, parse_date)
}

/// The decimal text of a string or a finite JSON number (shortest round-trip form).
pub(crate) fn decimal_text<'v>(
    v: &'v Node<'_>,
    path: &str,
    expected: &'static str,
) -> Result<Cow<'v, str>, InputError> {
    match v {
        Node::String(s) => Ok(Cow::Borrowed(s)),
        // A number as written: JavaScript writes the shortest text that reads back as the
        // same double ("0.1", "2000.5", "1e+30"); an exponent is expanded into plain digits.
        Node::Number(n) if !n.bytes().any(|b| b == b'e' || b == b'E') => Ok(Cow::Borrowed(n)),
        Node::Number(n) => Ok(Cow::Owned(plain_digits(n))),
        other => Err(wrong(other, path, expected)),
    }
}

/// `1.5e-7` → `0.00000015`, `1e30` → `1000000000000000000000000000000`; other text unchanged.
/// The digits are capped (a number of a thousand digits is out of every range anyway). Out of
/// line and cold: JSON numbers with an exponent are rare, and its reading is most of
/// `decimal_text`'s code.
#[cold]
#[inline(never)]
pub(crate) fn plain_digits(text: &str) -> String {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return text.to_string();
    };
    let Ok(exponent) = exponent.parse::<i32>() else {
        return text.to_string();
    };
    let exponent = exponent.clamp(-1000, 1000);
    let (sign, mantissa) = mantissa
        .strip_prefix('-')
        .map_or(("", mantissa), |m| ("-", m));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // Written with pushes (no formatting machinery, no slicing that could panic).
    let mut digits = String::with_capacity(int.len() + frac.len());
    digits.push_str(int);
    digits.push_str(frac);
    let point = int.len() as i32 + exponent; // where the decimal point goes in `digits`
    let mut out = String::with_capacity(digits.len() + 2 + point.unsigned_abs() as usize);
    out.push_str(sign);
    if point <= 0 {
        out.push_str("0.");
        out.extend((0..point.unsigned_abs()).map(|_| '0'));
        out.push_str(&digits);
    } else if point as usize >= digits.len() {
        out.push_str(&digits);
        out.extend((digits.len()..point as usize).map(|_| '0'));
    } else {
        // The digits of a JSON number are ASCII: any place is a char boundary.
        let point = point as usize;
        out.push_str(digits.get(..point).unwrap_or_default());
        out.push('.');
        out.push_str(digits.get(point..).unwrap_or_default());
    }
    out
}

pub(crate) fn money(v: &Node<'_>, path: &str) -> Result<Money, InputError> {
    Money::parse(&decimal_text(v, path, "an amount")?).map_err(|e| at(e, path))
}

pub(crate) fn percent(v: &Node<'_>, path: &str) -> Result<Percent, InputError> {
    Percent::parse(&decimal_text(v, path, "a percentage")?).map_err(|e| at(e, path))
}

pub(crate) fn awu(v: &Node<'_>, path: &str) -> Result<AnnualWorkUnits, InputError> {
    AnnualWorkUnits::parse(&decimal_text(v, path, "a number of annual work units")?)
        .map_err(|e| at(e, path))
}

#[cfg(feature = "wallet")]
pub(crate) fn whole_number(v: &Node<'_>, path: &str) -> Result<u32, InputError> {
    bounded_number(v, path, 1_000_000)
}

/// A whole number 0–`max` (a number or its text).
pub(crate) fn bounded_number(v: &Node<'_>, path: &str, max: u32) -> Result<u32, InputError> {
    bounded_number_shown(v, path, max, max)
}

/// [`bounded_number`], the refusal naming the range `0–shown`: a field whose own check keeps
/// it to a narrower range than its type (a staff member's months, 0–12 in a byte) states that
/// range, not the type's.
pub(crate) fn bounded_number_shown(
    v: &Node<'_>,
    path: &str,
    max: u32,
    shown: u32,
) -> Result<u32, InputError> {
    let text = decimal_text(v, path, "a whole number")?;
    parse_plain_decimal(&text)
        .filter(|d| d.fract().is_zero() && !d.is_sign_negative())
        .and_then(|d| u32::try_from(d).ok())
        .filter(|n| *n <= max)
        .ok_or_else(|| {
            InputError::new(
                E::InvalidNumber,
                path,
                "err_whole_number_range",
                vec![clip(&text).into(), shown.to_string().into()],
            )
        })
}

pub(crate) fn fiscal_year_end(v: &Node<'_>, path: &str) -> Result<FiscalYearEnd, InputError> {
    code(v, path, str::parse::<FiscalYearEnd>)
}

/// Where `key` is in `keys`, tried first at `next` (the key after the last one found: a document
/// that gives its fields in the documented order finds each at the first try), then after it,
/// then from the start.
#[inline]
fn key_position(keys: &[&str], next: usize, key: &str) -> Option<usize> {
    match keys.get(next..) {
        Some([k, ..]) if same_key(k, key) => Some(next),
        Some(after) => after
            .iter()
            .position(|k| same_key(k, key))
            .map(|i| next + i)
            .or_else(|| keys.iter().position(|k| same_key(k, key))),
        None => keys.iter().position(|k| same_key(k, key)),
    }
}

#[cfg(test)]
mod tests {
    use super::plain_digits;

    /// The unknown fields of each object in the order of their names, an object's before those
    /// of the objects inside it and those of an object read earlier first, whether its fields
    /// are checked before they are read (`known`) or once they were looked up (`known_from`).
    #[test]
    fn unknown_fields_in_the_order_of_their_objects() {
        let text = r#"{"zz":1,"application_date":"2026-03-10","aa":1,
            "enterprise":{"size":{"b":1,"staff_awu":"1","turnover":"1","balance_sheet":"1","a":2},
                "q":1,"de_minimis":[{"date":"2025-01-01","x":1,"amount":"1"}],"nace":"62.010","c":3},
            "service":{"kind":"training","lines":[{"kind":"fee","amount":"1","y":1}],"m":1},
            "wallet":{"aid_used":"0","w":1},"options":{"o":1,"first_time":true}}"#;
        let parsed = crate::json::parse_request(text).unwrap();
        assert_eq!(
            parsed.ignored,
            [
                "aa",
                "zz",
                "enterprise.c",
                "enterprise.q",
                "enterprise.de_minimis[0].x",
                "enterprise.size.a",
                "enterprise.size.b",
                "service.m",
                "service.lines[0].y",
                "wallet.w",
                "options.o",
            ]
        );
        // Past 64 fields, each is compared (`field` marks only the first 64).
        for n in [63, 64, 65, 130] {
            let unknown: Vec<String> = (0..n).map(|i| format!("\"u{i:03}\":{i}")).collect();
            let text = format!(
                r#"{{"application_date":"2026-03-10","enterprise":{{{},"size":{{"class":"small"}}}},
                    "service":{{"kind":"training","theme":"innovatie","cost":"2000"}}}}"#,
                unknown.join(",")
            );
            let parsed = crate::json::parse_request(&text).unwrap();
            let expected: Vec<String> = (0..n).map(|i| format!("enterprise.u{i:03}")).collect();
            assert_eq!(parsed.ignored, expected, "{n}");
        }
    }

    #[test]
    fn exponents_become_plain_digits() {
        assert_eq!(plain_digits("1e30"), format!("1{}", "0".repeat(30)));
        assert_eq!(plain_digits("1.5e-7"), "0.00000015");
        assert_eq!(plain_digits("-2.5e2"), "-250");
        assert_eq!(plain_digits("1.25e1"), "12.5");
        assert_eq!(plain_digits("2000.5"), "2000.5");
        assert_eq!(plain_digits("5e-324"), format!("0.{}5", "0".repeat(323)));
    }
}
