//! The texts in Dutch, French and English, one file per family: the messages of findings, of
//! wallet refusals, of input errors and of the trace's steps (templates), and the words the
//! templates insert. `{0}`, `{1}` … are replaced by the values the finding, step or error
//! carries. Wording is for a Flemish entrepreneur, not a lawyer.
//!
//! Each family is a table of `(nl, fr, en)` texts by key ([`texts!`]); a key is in one table
//! only (tested), and the lookups below ask the tables in turn.

mod errors;
mod findings;
mod trace;
mod wallet;
mod words;

use super::template::{split_template, Template};
use crate::coded::{FindingCode, Lang, TraceStepName};

/// How many languages the build carries (at least one: `coded/lang.rs`).
const BUILT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < Lang::ALL.len() {
        n += Lang::ALL[i].is_built() as usize;
        i += 1;
    }
    n
};

/// A key's templates in the languages the build carries, in the order nl, fr, en: a lean
/// build (the calculator's modules, one language) keeps one template per key, not three.
pub(super) type Built = [Template; BUILT];

/// The templates (or words) of the languages the build carries, of a key's three (nl, fr, en).
const fn built_only<T: Copy>(all: [T; 3]) -> [T; BUILT] {
    let mut out = [all[0]; BUILT];
    let (mut i, mut at) = (0, 0);
    while i < 3 {
        if Lang::ALL[i].is_built() {
            out[at] = all[i];
            at += 1;
        }
        i += 1;
    }
    out
}

/// A word's texts in nl, fr and en, of those the build carries (`""` for a language it does
/// not carry).
fn all_langs(texts: &[&'static str; BUILT]) -> (&'static str, &'static str, &'static str) {
    // The place of each language among those the build carries: known when compiled.
    const FR: usize = Lang::Nl.is_built() as usize;
    const EN: usize = FR + Lang::Fr.is_built() as usize;
    let text = |built: bool, at: usize| match texts.get(at) {
        Some(text) if built => *text,
        _ => "",
    };
    (
        text(Lang::Nl.is_built(), 0),
        text(Lang::Fr.is_built(), FR),
        text(Lang::En.is_built(), EN),
    )
}

/// The template of `lang` among a key's, or of the language the build writes instead
/// ([`Lang::or_built`]).
pub(super) fn in_lang(templates: &'static Built, lang: Lang) -> &'static Template {
    // The place of the language among those the build carries (known when compiled for a
    // build of one language).
    let at = match lang.or_built() {
        Lang::Nl => 0,
        Lang::Fr => Lang::Nl.is_built() as usize,
        Lang::En => Lang::Nl.is_built() as usize + Lang::Fr.is_built() as usize,
    };
    templates.get(at).unwrap_or(&templates[0])
}

/// The texts of a key's templates in nl, fr and en; `""` for a language the build does not carry.
pub(super) fn texts_of(templates: &'static Built) -> [&'static str; 3] {
    [Lang::Nl, Lang::Fr, Lang::En].map(|lang| {
        if lang.is_built() {
            in_lang(templates, lang).text
        } else {
            ""
        }
    })
}

/// One entry of a table: key, nl, fr, en.
#[cfg(any(test, feature = "serde"))]
type Entry = (&'static str, &'static str, &'static str, &'static str);

/// A text of a language the build carries; `""` for another (features `lang-nl`, `lang-fr`,
/// `lang-en`), so that a lean build leaves the other languages' texts out.
macro_rules! built {
    ($feature:literal, $text:expr) => {
        if cfg!(feature = $feature) {
            $text
        } else {
            ""
        }
    };
}
use built;

/// Declares one family's table of `(nl, fr, en)` texts by key: its lookup `find` and `ALL`, the
/// list of every entry. A lookup gives the key's place in the table's `KEYS` (a `words` table:
/// a `match` on the key, whose arms are places only, the texts in one array beside it; a `split`
/// table: its keys compared in turn, in one loop). A `split` table gives the texts as [`Template`]s, split
/// at their placeholders when the library is compiled, in one array (`TEMPLATES`, beside its
/// `KEYS`) that the lookups by key and by code point into; a `words` table gives them as they are.
/// An entry may carry `#[cfg(…)]`: the texts of a part a lean build leaves out (the features
/// `full-sme` and `wallet`); the list of every entry keeps it.
macro_rules! texts {
    (words {
        $($(#[cfg($only:meta)])? $key:literal => ($nl:expr, $fr:expr, $en:expr $(,)?),)*
    }) => {
        /// Every key of the table the build carries, in the order of [`TEXTS`].
        pub(super) const KEYS: &[&str] = &[$($(#[cfg($only)])? $key,)*];

        /// The texts of every key of [`KEYS`], in its order: those of the languages the build
        /// carries (a lean build keeps one text per key, not three).
        pub(super) static TEXTS: [[&str; super::BUILT]; KEYS.len()] = [$(
            $(#[cfg($only)])?
            super::built_only([$nl, $fr, $en]),
        )*];

        /// The entry of `key`, if the table has one: found by a `match` in native code (the
        /// cheapest there), by one loop over [`KEYS`] in the builds for size (a `match` of
        /// strings is a comparison and a branch per key: about 1.5 KB of code). The same
        /// place either way (tested).
        pub(super) fn find(key: &str) -> Option<(&'static str, &'static str, &'static str)> {
            #[cfg(not(kmo_size))]
            let at = match key {
                $($(#[cfg($only)])? $key => const { super::place(KEYS, $key) },)*
                _ => return None,
            };
            #[cfg(kmo_size)]
            let at = super::place_of(KEYS, key)?;
            TEXTS.get(at).map(super::all_langs)
        }

        /// Every entry: key, nl, fr, en.
        #[cfg(any(test, feature = "serde"))]
        pub(super) const ALL: &[super::Entry] = &[$(($key, $nl, $fr, $en),)*];
    };
    (split {
        $($(#[cfg($only:meta)])? $key:literal => ($nl:expr, $fr:expr, $en:expr $(,)?),)*
    }) => {
        /// Every key of the table the build carries (an entry of a part a lean build leaves
        /// out is left out here too), in the order of [`TEMPLATES`].
        pub(super) const KEYS: &[&str] = &[$($(#[cfg($only)])? $key,)*];

        /// The templates of every key of [`KEYS`], in its order, split when the library is
        /// compiled: the one copy that both lookups (by key, by code) point into.
        pub(super) static TEMPLATES: [super::Built; KEYS.len()] = [$(
            $(#[cfg($only)])?
            super::built_only([
                super::split_template!(super::built!("lang-nl", $nl)),
                super::split_template!(super::built!("lang-fr", $fr)),
                super::split_template!(super::built!("lang-en", $en)),
            ]),
        )*];

        /// The entry of `key`, if the table has one.
        pub(super) fn find(key: &str) -> Option<&'static super::Built> {
            super::place_of(KEYS, key).and_then(|at| TEMPLATES.get(at))
        }

        /// Every entry: key, nl, fr, en.
        #[cfg(test)]
        pub(super) const ALL: &[super::Entry] = &[$(($key, $nl, $fr, $en),)*];
    };
}
use texts;

/// `(nl, fr, en)` templates for a key (a finding code, a wallet refusal, an input error's key
/// or a trace step name), if a table has them.
pub(super) fn find_templates(key: &str) -> Option<&'static Built> {
    findings::find(key)
        .or_else(|| trace::find(key))
        .or_else(|| errors::find(key))
        .or_else(|| wallet::find(key))
}

/// `{0}` (the first value as it is): the templates of a key no table has.
static DEFAULT: Built = [split_template!("{0}"); BUILT];

/// [`find_templates`], or `{0}` (the first value as it is) for a key no table has.
pub(super) fn templates(key: &str) -> &'static Built {
    find_templates(key).unwrap_or(&DEFAULT)
}

/// Whether two texts are the same, when the library is compiled.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The place of `key` in a table's keys (a key the table does not have does not compile): the
/// words' `match` of native code.
#[cfg(not(kmo_size))]
const fn place(keys: &[&str], key: &str) -> usize {
    let mut i = 0;
    while i < keys.len() {
        if same(keys[i], key) {
            return i;
        }
        i += 1;
    }
    panic!("a key of the table")
}

/// The place of `key` in a table's keys, if it is there: the keys compared in order, as a
/// `match` on the key would compare them, from one loop over the table instead of the code of
/// one comparison per key (a few kilobytes of the WebAssembly modules).
fn place_of(keys: &[&str], key: &str) -> Option<usize> {
    keys.iter().position(|k| *k == key)
}

/// What [`templates`] gives for `key`, found when the library is compiled: the tables asked
/// in the same order, an entry the build leaves out not found (it is not in the tables).
const fn templates_of(key: &str) -> &'static Built {
    macro_rules! ask {
        ($($table:ident),*) => {
            $(
                let mut i = 0;
                while i < $table::KEYS.len() {
                    if same($table::KEYS[i], key) {
                        return &$table::TEMPLATES[i];
                    }
                    i += 1;
                }
            )*
        };
    }
    ask!(findings, trace, errors, wallet);
    &DEFAULT
}

/// The templates of every value of a closed list, in the order of its values, looked up by
/// its text once, when the library is compiled.
macro_rules! by_number {
    ($list:ty) => {{
        let mut out = [&DEFAULT; <$list>::ALL.len()];
        let mut i = 0;
        while i < out.len() {
            out[i] = templates_of(<$list>::ALL[i].as_str());
            i += 1;
        }
        out
    }};
}

/// The templates of every finding code: a code's message found by its number, not by its text.
static BY_FINDING: [&Built; FindingCode::ALL.len()] = by_number!(FindingCode);

/// The templates of every trace step, in the order of its values.
static BY_STEP: [&Built; TraceStepName::ALL.len()] = by_number!(TraceStepName);

/// [`templates`] of a finding code's text, without looking the text up.
pub(super) fn finding_templates(code: FindingCode) -> &'static Built {
    // `number` counts the values from 1, in the order of `ALL`.
    BY_FINDING
        .get(code.number() as usize - 1)
        .copied()
        .unwrap_or(&DEFAULT)
}

/// [`templates`] of a trace step's name, without looking the name up.
pub(super) fn step_templates(step: TraceStepName) -> &'static Built {
    BY_STEP
        .get(step.number() as usize - 1)
        .copied()
        .unwrap_or(&DEFAULT)
}

/// `(nl, fr, en)` of a word the templates insert (class names, services, yes/no), if the table
/// has it.
pub(super) fn find_words(key: &str) -> Option<(&'static str, &'static str, &'static str)> {
    words::find(key)
}

/// [`find_words`], or `?` for a word the table does not have.
pub(super) fn words(key: &str) -> (&'static str, &'static str, &'static str) {
    find_words(key).unwrap_or(("?", "?", "?"))
}

/// Every template entry, all families, for the tests that review every text.
#[cfg(test)]
pub(super) const ALL_TEMPLATES: &[Entry] =
    &concat::<{ findings::ALL.len() + trace::ALL.len() + errors::ALL.len() + wallet::ALL.len() }>(
        &[findings::ALL, trace::ALL, errors::ALL, wallet::ALL],
    );

/// Every word entry (the serde form reads messages back through them).
#[cfg(any(test, feature = "serde"))]
pub(super) const ALL_WORDS: &[Entry] = words::ALL;

/// The tables one after the other, when the library is compiled.
#[cfg(test)]
const fn concat<const N: usize>(tables: &[&[Entry]]) -> [Entry; N] {
    let mut out = [("", "", "", ""); N];
    let (mut t, mut at) = (0, 0);
    while t < tables.len() {
        let mut i = 0;
        while i < tables[t].len() {
            out[at] = tables[t][i];
            at += 1;
            i += 1;
        }
        t += 1;
    }
    assert!(at == N, "the tables hold N entries");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coded::FindingCode;

    /// The words' two lookups (the `match` of native code, the loop of the builds for size)
    /// find every key of the table at the same place, and nothing else.
    #[test]
    fn word_lookups_agree() {
        for (i, key) in words::KEYS.iter().enumerate() {
            assert_eq!(place_of(words::KEYS, key), Some(i), "{key}");
            assert_eq!(
                words::find(key),
                words::TEXTS.get(i).map(all_langs),
                "{key}"
            );
        }
        for other in ["", "Micro", "micro ", "unknown word"] {
            assert_eq!(place_of(words::KEYS, other), None);
            assert_eq!(words::find(other), None);
        }
    }

    /// Every word a message inserts has its three texts: the lists' names, the JSON types,
    /// the documents, the themes, the rulebooks' open questions and choices.
    #[cfg(all(
        feature = "full-sme",
        feature = "wallet",
        feature = "lang-nl",
        feature = "lang-fr",
        feature = "lang-en"
    ))]
    #[test]
    fn every_word_has_its_texts() {
        let known = |key: &str| words(key).0 != "?";
        for key in [
            "language",
            "code list",
            "yes/no answer",
            "severity",
            "finding code",
            "legal form",
            "cost line kind",
            "service kind",
            "theme",
            "subtheme",
            "excluded topic",
            "staff role",
            "ownership-change policy",
            "control right",
            "size class",
            "wallet class",
            "own-share deadline policy",
            "entity kind",
            "application status",
            "the request",
            "the requests",
            "the wallet",
            "the size",
            "the question",
            "null",
            "a boolean",
            "a number",
            "a string",
            "a list",
            "an object",
            "true or false",
            "an amount",
            "a percentage",
            "a number of annual work units",
            "a whole number",
            "a fraction",
            "local_authority",
            "business_angel",
            "natural_person",
            "public_body",
            "after_application",
            "after_application_30",
            "after_approval",
        ] {
            assert!(known(key), "{key}");
        }
        for theme in crate::Theme::ALL {
            assert!(known(theme.as_str()), "{theme}");
        }
        for book in crate::RULEBOOKS {
            let questions = book.uncertain.iter().map(|(key, _)| key);
            for key in questions.chain(&book.status) {
                assert!(known(key), "{key}");
            }
        }
        for kind in crate::CostLineKind::ALL {
            assert!(known(kind.as_str()), "{kind}");
        }
        for why in [
            "exam_costs",
            "separately_invoiced",
            "not_exclusive_material",
            "catering_cap",
            "advance_invoice",
            "implementation",
            "catering_with_advice",
        ] {
            assert!(known(why), "{why}");
        }
        for choice in crate::kmo::rulebook::BOUNDARY_CHOICES {
            assert!(known(choice.choice), "{}", choice.choice);
        }
        for class in crate::SizeClass::ALL {
            assert!(known(class.as_str()));
        }
    }

    /// A code's or step's templates found by its number are those found by its text.
    #[test]
    fn by_number_as_by_text() {
        for code in FindingCode::ALL {
            assert!(
                core::ptr::eq(finding_templates(*code), templates(code.as_str())),
                "{code}"
            );
        }
        for step in TraceStepName::ALL {
            assert!(
                core::ptr::eq(step_templates(*step), templates(step.as_str())),
                "{step}"
            );
        }
        assert!(core::ptr::eq(templates("no such key"), &DEFAULT));
        for table in [findings::KEYS, trace::KEYS, errors::KEYS, wallet::KEYS] {
            for key in table {
                assert!(core::ptr::eq(templates(key), templates_of(key)), "{key}");
            }
        }
    }

    #[cfg(all(
        feature = "full-sme",
        feature = "wallet",
        feature = "lang-nl",
        feature = "lang-fr",
        feature = "lang-en"
    ))]
    #[test]
    fn every_finding_has_three_real_messages() {
        for code in FindingCode::ALL {
            let [nl, fr, en] = templates(code.as_str()).map(|t| t.text);
            assert_ne!(nl, "{0}", "{code}");
            assert!(nl != fr && fr != en, "{code}");
        }
    }

    /// The response writer copies template text and words into JSON strings as they are.
    #[test]
    fn templates_and_words_hold_nothing_json_escapes() {
        let mut keys = std::collections::HashSet::new();
        for (key, nl, fr, en) in ALL_TEMPLATES.iter().chain(ALL_WORDS) {
            assert!(keys.insert(*key), "{key} twice");
            for text in [key, nl, fr, en] {
                assert!(
                    !text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'),
                    "{key}: {text}"
                );
            }
        }
        assert!(ALL_TEMPLATES.len() > FindingCode::ALL.len());
        // Every placeholder of every template is found, none of them past the arguments
        // `{0}`…`{7}` a message can carry.
        for (key, nl, fr, en) in ALL_TEMPLATES {
            for text in [nl, fr, en] {
                let holes = crate::message::template::holes_of(text);
                assert_eq!(holes.len(), text.matches('{').count(), "{key}");
                assert!(holes.iter().all(|h| h.arg < 8), "{key}");
            }
        }
        assert!(ALL_WORDS.iter().any(|(key, ..)| *key == "small"));
    }
}
