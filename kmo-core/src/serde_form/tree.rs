//! A document through serde, both ways: the one writer writes it, its tree goes out as the
//! format's own values (objects, lists, strings, whole numbers, booleans, `null`); what comes in
//! is taken into a tree and given to the one reader, which checks it as it checks the JSON text.
//! A format that is not self-describing (not human-readable, such as bincode) carries the
//! document's text as one string instead, read back through the same reader.

use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::coded::Lang;
use crate::error::{clip, ErrorArg, InputError, InputErrorCode};
use crate::json::documents::{tree, Document};
use crate::json::reader::{Fields, Items, Node};

/// The refusal as serde's error text: the code, the path and the message, in the document's
/// language (`UNKNOWN_CODE at service.kind: unknown service kind …`).
pub(crate) fn describe(e: &InputError, lang: Lang) -> String {
    if e.path.is_empty() {
        format!("{}: {}", e.code, e.message(lang))
    } else {
        format!("{} at {}: {}", e.code, e.path, e.message(lang))
    }
}

/// Serializes `value` as its document.
pub(crate) fn serialize<T: Document, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    let text = value.text();
    if !s.is_human_readable() {
        return s.serialize_str(&text);
    }
    // The writer's own text: the reader takes it (a refusal would be a bug of the writer).
    let node =
        tree(&text, T::WHAT).map_err(|e| ser::Error::custom(describe(&e, Lang::OF_ERRORS)))?;
    Tree(&node).serialize(s)
}

/// Deserializes a `T` from its document, with the document's checks.
pub(crate) fn deserialize<'de, T: Document, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    let read = if d.is_human_readable() {
        let node = d.deserialize_any(Seed {
            path: String::new(),
            depth: 0,
            what: T::WHAT,
        })?;
        T::read(&node)
    } else {
        let text = d.deserialize_string(Text)?;
        T::from_text(&text)
    };
    read.map_err(|(e, lang)| de::Error::custom(describe(&e, lang)))
}

/// A tree written as the format's values.
struct Tree<'n, 'a>(&'n Node<'a>);

impl Serialize for Tree<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            // Absent and null are the same in every document.
            Node::Null => s.serialize_none(),
            Node::Bool(b) => s.serialize_bool(*b),
            // The writer writes whole numbers only (ids, lines, years, counts).
            Node::Number(n) => match (n.parse::<u64>(), n.parse::<i64>()) {
                (Ok(u), _) => s.serialize_u64(u),
                (_, Ok(i)) => s.serialize_i64(i),
                _ => s.serialize_str(n),
            },
            Node::String(t) => s.serialize_str(t),
            Node::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.0.len()))?;
                for item in items.0.iter() {
                    seq.serialize_element(&Tree(item))?;
                }
                seq.end()
            }
            Node::Object(fields) => {
                let mut map = s.serialize_map(Some(fields.0.len()))?;
                for (key, value) in fields.0.iter() {
                    map.serialize_entry(key.as_ref(), &Tree(value))?;
                }
                map.end()
            }
        }
    }
}

/// A document's text, as one string.
struct Text;

impl Visitor<'_> for Text {
    type Value = String;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a document as JSON text")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

/// How deep a document may nest, as the JSON reader.
const MAX_DEPTH: usize = 127;

/// Reads one value of a document into a tree: `path` is where it sits (for a key given twice),
/// `what` names the document.
struct Seed {
    path: String,
    depth: usize,
    what: &'static str,
}

impl Seed {
    fn child(&self, segment: core::fmt::Arguments<'_>) -> Seed {
        let path = if self.path.is_empty() {
            segment.to_string()
        } else {
            format!("{}{segment}", self.path)
        };
        Seed {
            path,
            depth: self.depth + 1,
            what: self.what,
        }
    }

    fn refuse<E: de::Error>(e: InputError) -> E {
        E::custom(describe(&e, Lang::OF_ERRORS))
    }

    fn deeper<Er: de::Error>(&self) -> Result<(), Er> {
        if self.depth < MAX_DEPTH {
            return Ok(());
        }
        Err(Self::refuse(InputError::new(
            InputErrorCode::MalformedJson,
            self.path.as_str(),
            "err_json_syntax",
            vec![
                ErrorArg::Word(self.what),
                ErrorArg::Word("recursion limit exceeded"),
                "-".into(),
                "-".into(),
            ],
        )))
    }
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Node<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Cow::Owned(v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(Cow::Owned(v.to_string())))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node<'de>, E> {
        Ok(Node::Number(Cow::Owned(v.to_string())))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node<'de>, E> {
        Ok(Node::Number(Cow::Owned(v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node<'de>, E> {
        // The shortest text that reads back as the same float (what JavaScript writes), read
        // as a decimal from that text by the field that takes it; never used as a float.
        Ok(Node::Number(Cow::Owned(v.to_string())))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(v.to_string())))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(v.to_string())))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Borrowed(v)))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(v)))
    }

    fn visit_none<E: de::Error>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        self.deeper()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
        while let Some(item) =
            seq.next_element_seed(self.child(format_args!("[{}]", items.len())))?
        {
            items.push(item);
        }
        Ok(Node::Array(Items::new(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        self.deeper()?;
        /// Up to this many fields, a key is checked against the others; past them, through
        /// an index of the keys.
        const FEW: usize = 16;
        let mut fields: Vec<(Cow<'de, str>, Node<'de>)> = Vec::new();
        let mut index = std::collections::BTreeSet::<String>::new();
        while let Some(key) = map.next_key_seed(Key)? {
            let dot = if self.path.is_empty() { "" } else { "." };
            let seed = self.child(format_args!("{dot}{key}"));
            let twice = if fields.len() < FEW {
                fields.iter().any(|(k, _)| *k == key)
            } else {
                if index.is_empty() {
                    index.extend(fields.iter().map(|(k, _)| k.to_string()));
                }
                !index.insert(key.to_string())
            };
            if twice {
                // The document's check: an object with the same key twice.
                return Err(Self::refuse(InputError::new(
                    InputErrorCode::DuplicateKey,
                    seed.path.as_str(),
                    "err_duplicate_key",
                    vec![clip(&seed.path).into()],
                )));
            }
            let value = map.next_value_seed(seed)?;
            fields.push((key, value));
        }
        Ok(Node::Object(Fields::new(fields)))
    }
}

/// An object's key: a string (a format with other keys, such as YAML's numbers, gives their
/// text).
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }
}
