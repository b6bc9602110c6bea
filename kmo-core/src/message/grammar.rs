//! The texts reviewed per language, as tests: every template and every word of `texts/`, in
//! Dutch, French and English, against the rules a reader notices first — the same placeholders
//! in every language, sentences and fragments written as such, each language's punctuation, no
//! "inconnu(e)"-style hedges, no word that agrees in gender with a value it cannot know.

use super::render::render;
use super::template::holes_of;
use super::texts::{ALL_TEMPLATES, ALL_WORDS};
use super::Arg;
use crate::coded::Lang;

/// `(language, text)` for the three texts of an entry.
fn by_language<'a>(nl: &'a str, fr: &'a str, en: &'a str) -> [(Lang, &'a str); 3] {
    [(Lang::Nl, nl), (Lang::Fr, fr), (Lang::En, en)]
}

/// The text outside code spans (`` `…` ``): what the language's rules apply to.
fn prose(text: &str) -> String {
    text.split('`').step_by(2).collect::<Vec<_>>().join("`…`")
}

/// The placeholders of a template, sorted.
fn holes(text: &'static str) -> Vec<u16> {
    let mut h: Vec<u16> = holes_of(text).iter().map(|h| u16::from(h.arg)).collect();
    h.sort_unstable();
    h
}

/// Whether a template is an input error's message (a fragment that follows a field), not a
/// finding, a trace step or a wallet refusal (a sentence).
fn is_fragment(key: &str) -> bool {
    key.starts_with("err_")
}

#[test]
fn every_language_has_the_same_placeholders() {
    for (key, nl, fr, en) in ALL_TEMPLATES {
        assert_eq!(holes(nl), holes(en), "{key}: nl and en");
        assert_eq!(holes(fr), holes(en), "{key}: fr and en");
    }
}

#[test]
fn spaces_are_where_the_language_puts_them() {
    for (key, nl, fr, en) in ALL_TEMPLATES.iter().chain(ALL_WORDS) {
        for (lang, text) in by_language(nl, fr, en) {
            let p = prose(text);
            assert_eq!(text.trim(), text, "{key} ({lang}): spaces at an end");
            assert!(!text.contains("  "), "{key} ({lang}): two spaces");
            for mark in [" ,", " .", "( ", " )"] {
                assert!(!p.contains(mark), "{key} ({lang}): `{mark}` in {text}");
            }
            for (i, c) in p.char_indices() {
                if !matches!(c, ':' | ';' | '?' | '!') {
                    continue;
                }
                let before = p[..i].chars().next_back();
                let after = p[i + c.len_utf8()..].chars().next();
                // French puts a space before the high marks; Dutch and English do not.
                if lang == Lang::Fr {
                    assert!(
                        matches!(before, Some(' ' | '\u{a0}' | '\u{202f}')),
                        "{key} (fr): no space before `{c}` in {text}"
                    );
                } else {
                    assert!(
                        !matches!(before, Some(' ')),
                        "{key} ({lang}): a space before `{c}` in {text}"
                    );
                }
                // A question may close a parenthesis: `(… missing?)`.
                assert!(
                    matches!(after, None | Some(' ' | ')')),
                    "{key} ({lang}): no space after `{c}` in {text}"
                );
            }
        }
    }
}

#[test]
fn sentences_and_fragments_are_written_as_such() {
    for (key, nl, fr, en) in ALL_TEMPLATES {
        for (lang, text) in by_language(nl, fr, en) {
            let first = text.chars().next().unwrap_or(' ');
            if is_fragment(key) {
                // An input error's message: lower case, no final full stop (the caller may put
                // it after a field's name or in a sentence of its own).
                assert!(
                    !first.is_uppercase() && !text.ends_with('.'),
                    "{key} ({lang}): {text}"
                );
            } else if text != "{0}" {
                // A finding, a step, a wallet refusal: a sentence.
                assert!(
                    first.is_uppercase() || first == '{',
                    "{key} ({lang}): begins with {first:?}: {text}"
                );
                assert!(text.ends_with('.'), "{key} ({lang}): no full stop: {text}");
            }
        }
    }
}

#[test]
fn no_hedged_agreement() {
    // "inconnu(e)", "accepté(s)", "medewerker(s)": a text is written for the value it shows.
    for (key, nl, fr, en) in ALL_TEMPLATES.iter().chain(ALL_WORDS) {
        for (lang, text) in by_language(nl, fr, en) {
            for hedge in ["(e)", "(s)", "(es)", "(n)", "(en)", "/e ", "(ne)"] {
                assert!(!text.contains(hedge), "{key} ({lang}): {hedge} in {text}");
            }
        }
    }
}

/// The templates that insert a noun of the word lists (a list's name, a JSON type) where the
/// words around it would have to agree with its gender: neither a Dutch inflected adjective or
/// article, nor a French article, adjective or participle next to the placeholder.
#[test]
fn no_word_agrees_with_a_noun_it_cannot_know() {
    let nouns = [
        ("err_unknown_code", 0),
        ("err_wrong_type", 0),
        ("err_wrong_type", 1),
    ];
    for (key, arg) in nouns {
        let (_, nl, fr, _) = ALL_TEMPLATES
            .iter()
            .find(|(k, ..)| *k == key)
            .copied()
            .unwrap_or_else(|| panic!("{key}"));
        let hole = format!("{{{arg}}}");
        let word_before = |text: &str| {
            text.split(&hole)
                .next()
                .and_then(|b| b.split_whitespace().next_back())
                .map(str::to_string)
        };
        let word_after = |text: &str| {
            text.split(&hole)
                .nth(1)
                .and_then(|a| a.split_whitespace().next())
                .map(str::to_string)
        };
        if let Some(w) = word_before(nl) {
            assert!(
                !(w.ends_with('e') || w == "het"),
                "{key} (nl): `{w} {hole}` agrees with the noun"
            );
        }
        if let Some(w) = word_before(fr) {
            assert!(
                !["un", "une", "le", "la", "du", "de", "l'"].contains(&w.as_str()),
                "{key} (fr): `{w} {hole}`"
            );
        }
        if let Some(w) = word_after(fr) {
            assert!(
                !(w.ends_with('é') || w.ends_with("u") || w.ends_with("ue") || w.ends_with('e')),
                "{key} (fr): `{hole} {w}` agrees with the noun"
            );
        }
    }
    // And as read: the unknown-code message for a Dutch het-word and a French feminine noun.
    let unknown = |lang, what| {
        render(
            "err_unknown_code",
            lang,
            &[Arg::Word(what), Arg::from("x"), Arg::from("a, b")],
        )
    };
    if cfg!(all(feature = "lang-nl", feature = "lang-fr")) {
        assert_eq!(
            unknown(Lang::Nl, "theme"),
            "thema `x` is onbekend; aanvaard: a, b"
        );
        assert_eq!(
            unknown(Lang::Fr, "language"),
            "langue : `x` n'est pas une valeur connue ; valeurs acceptées : a, b"
        );
    }
}

#[test]
fn every_text_is_in_its_language() {
    // Words that give away an untranslated text (English in Dutch or French, Dutch in French).
    let foreign: [(Lang, &[&str]); 2] = [
        (
            Lang::Nl,
            &[" the ", " is not ", " must ", " and ", " with ", " not "],
        ),
        (
            Lang::Fr,
            &[
                " the ", " is not ", " must ", " het ", " niet ", " and ", " with ",
            ],
        ),
    ];
    for (key, nl, fr, en) in ALL_TEMPLATES {
        for (lang, words) in foreign {
            let text = format!(" {} ", prose(if lang == Lang::Nl { nl } else { fr }));
            for w in words {
                assert!(
                    !text.contains(w),
                    "{key} ({lang}): `{}` in {text}",
                    w.trim()
                );
            }
        }
        assert!(nl != en && fr != en, "{key}: a text not translated");
    }
}
