//! A message read back into its values (feature `serde`): the response document writes each
//! finding and trace step as text in one language, and the serde form of an assessment, which
//! is that document, reads them back. The text is matched against the message's own template
//! in that language, each placeholder's text read as the kind of value it shows, and the
//! message rendered again from the values read must give the same text — so what is read back
//! is what the engine wrote, never a guess.

use std::borrow::Cow;

use super::arg::{plain_number, Arg};
use super::render::render;
use super::template::Template;
#[cfg(test)]
use super::texts::ALL_TEMPLATES;
use super::texts::{in_lang, templates, ALL_WORDS};
use crate::coded::Lang;
use crate::identifiers::NaceCode;
use crate::units::{parse_answer_date, Money, Percent};

/// The kind of value a message shows at a placeholder: which [`Arg`] its text is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text as it is ([`Arg::Text`]).
    Text,
    /// A word of the message tables, in the message's language ([`Arg::Word`]).
    Word,
    /// An amount ([`Arg::Money`]).
    Money,
    /// A percentage ([`Arg::Percent`]).
    Percent,
    /// A figure ([`Arg::Decimal`]).
    Decimal,
    /// A date ([`Arg::Date`]).
    Date,
    /// A date, or text where there is none (`?`).
    DateOrText,
    /// A whole number ([`Arg::Int`]).
    Int,
    /// A NACE-BEL code ([`Arg::Nace`]).
    Nace,
    /// Not known: read as the first of a date, an amount (two decimals), a whole number, a
    /// word, text that gives the same text again (a message this table does not list yet).
    Any,
}

/// The word of the message tables that `lang` (a language the build carries) writes as
/// `text`.
fn word_key(text: &str, lang: Lang) -> Option<&'static str> {
    ALL_WORDS
        .iter()
        .find(|(_, nl, fr, en)| {
            *match lang.or_built() {
                Lang::Nl => nl,
                Lang::Fr => fr,
                Lang::En => en,
            } == text
        })
        .map(|(k, ..)| *k)
}

/// Every key of the message tables, with the number of values its message shows (the most any
/// language's template uses), for the tests of the readers that list them.
#[cfg(test)]
pub(crate) fn message_keys() -> impl Iterator<Item = (&'static str, usize)> {
    ALL_TEMPLATES.iter().map(|(key, ..)| {
        let shows = templates(key)
            .iter()
            .flat_map(|t| t.holes.iter().map(|h| usize::from(h.arg) + 1))
            .max()
            .unwrap_or(0);
        (*key, shows)
    })
}

/// A decimal as the engine writes it (plain digits, up to the 28 decimals of a staff count),
/// read exactly.
pub(crate) fn exact_decimal(text: &str) -> Option<rust_decimal::Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let plain = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|b| *b == b'.').count() <= 1
        && !digits.starts_with('.')
        && !digits.ends_with('.');
    plain
        .then(|| rust_decimal::Decimal::from_str_exact(text).ok())
        .flatten()
}

/// A trace step's `value`, written plain (`1700000.00`, not as a language writes it in a text).
pub(crate) fn value_of(kind: Kind, text: &str) -> Option<Arg> {
    Some(match kind {
        Kind::Money => Arg::Money(Money::parse(text).ok()?),
        Kind::Percent => Arg::Percent(Percent::parse(text).ok()?),
        Kind::Decimal => Arg::Decimal(exact_decimal(text)?),
        _ => return arg_of(kind, text, Lang::En),
    })
}

/// The value of `kind` that a message in `lang` writes as `text`.
pub(crate) fn arg_of(kind: Kind, text: &str, lang: Lang) -> Option<Arg> {
    let owned = || Arg::Text(Cow::Owned(text.to_string()));
    Some(match kind {
        Kind::Text => owned(),
        Kind::Word => Arg::Word(word_key(text, lang)?),
        Kind::Money => Arg::Money(Money::parse(&plain_number(text, lang)?).ok()?),
        Kind::Percent => Arg::Percent(Percent::parse(&plain_number(text, lang)?).ok()?),
        Kind::Decimal => Arg::Decimal(exact_decimal(&plain_number(text, lang)?)?),
        Kind::Date => Arg::Date(parse_answer_date(text).ok()?),
        Kind::DateOrText => parse_answer_date(text).map_or_else(|_| owned(), Arg::Date),
        Kind::Int => Arg::Int(text.parse().ok()?),
        Kind::Nace => Arg::Nace(NaceCode::parse(text).ok()?),
        Kind::Any => {
            let two_decimals = plain_number(text, lang)
                .is_some_and(|n| n.split_once('.').is_some_and(|(_, d)| d.len() == 2));
            [Kind::Date, Kind::Int]
                .into_iter()
                .chain(two_decimals.then_some(Kind::Money))
                .chain([Kind::Word, Kind::Text])
                .find_map(|k| arg_of(k, text, lang))?
        }
    })
}

/// The values of the message `key` (a finding code or a trace step) that `lang` writes as
/// `text`, placeholder `{i}` read as `kinds[i]`; `None` when the text is not that message.
pub(crate) fn unrender(key: &str, lang: Lang, text: &str, kinds: &[Kind]) -> Option<Vec<Arg>> {
    let lang = lang.or_built();
    let template = in_lang(templates(key), lang);
    let mut args = vec![None; kinds.len()];
    let rest = text.strip_prefix(before_first(template))?;
    if !read_holes(template, 0, rest, kinds, lang, &mut args) {
        return None;
    }
    let args: Vec<Arg> = args.into_iter().collect::<Option<_>>()?;
    (render(key, lang, &args) == text).then_some(args)
}

/// The template's text before its first placeholder.
fn before_first(t: &Template) -> &'static str {
    let end = t
        .holes
        .first()
        .map_or(t.text.len(), |h| usize::from(h.start));
    &t.text[..end]
}

/// Reads placeholders `i..` from `text` (the message after the template text before
/// placeholder `i`), trying every place the next template text can start; a value read twice
/// must be the same.
fn read_holes(
    t: &Template,
    i: usize,
    text: &str,
    kinds: &[Kind],
    lang: Lang,
    args: &mut [Option<Arg>],
) -> bool {
    let holes = t.holes;
    let Some(hole) = holes.get(i) else {
        return text.is_empty();
    };
    let after = hole.end();
    let next = holes
        .get(i + 1)
        .map_or(t.text.len(), |h| usize::from(h.start));
    let between = &t.text[after..next];
    let slot = usize::from(hole.arg);
    let Some(&kind) = kinds.get(slot) else {
        return false;
    };
    for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let (value, rest) = text.split_at(end);
        let Some(rest) = rest.strip_prefix(between) else {
            continue;
        };
        if i + 1 == holes.len() && !rest.is_empty() {
            continue;
        }
        let Some(arg) = arg_of(kind, value, lang) else {
            continue;
        };
        let before = args[slot].clone();
        if before.as_ref().is_some_and(|b| *b != arg) {
            continue;
        }
        args[slot] = Some(arg);
        if read_holes(t, i + 1, rest, kinds, lang, args) {
            return true;
        }
        args[slot] = before;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reads_back_as_its_values() {
        let args = vec![
            Arg::Int(2),
            Arg::Word("catering"),
            Arg::Money(Money::from_euro(300)),
            Arg::Money(Money::from_euro(250)),
            Arg::Word("catering_cap"),
        ];
        let kinds = [Kind::Int, Kind::Word, Kind::Money, Kind::Money, Kind::Word];
        for lang in Lang::ALL {
            let text = render("COST_ITEM_NOT_ELIGIBLE", *lang, &args);
            assert_eq!(
                unrender("COST_ITEM_NOT_ELIGIBLE", *lang, &text, &kinds).as_ref(),
                Some(&args),
                "{text}"
            );
            // Another text, or the right text read as other kinds: not this message.
            assert_eq!(
                unrender("COST_ITEM_NOT_ELIGIBLE", *lang, &format!("{text} "), &kinds),
                None
            );
            let wrong = [Kind::Int, Kind::Word, Kind::Date, Kind::Money, Kind::Word];
            assert_eq!(
                unrender("COST_ITEM_NOT_ELIGIBLE", *lang, &text, &wrong),
                None
            );
        }
        // Text that holds the template's own words is still read where it belongs.
        let args = vec![
            Arg::Text("A: B, telt voor".into()),
            Arg::Word("partner"),
            Arg::Decimal(33.into()),
        ];
        let text = render("sme_weight", Lang::Nl, &args);
        let read = unrender(
            "sme_weight",
            Lang::Nl,
            &text,
            &[Kind::Text, Kind::Word, Kind::Decimal],
        );
        assert_eq!(read.map(|a| render("sme_weight", Lang::Nl, &a)), Some(text));
    }

    #[test]
    fn unknown_kinds_are_read_by_their_shape() {
        assert_eq!(
            arg_of(Kind::Any, "2026-03-10", Lang::En),
            Some(Arg::Date(crate::units::parse_date("2026-03-10").unwrap()))
        );
        assert_eq!(
            arg_of(Kind::Any, "12.50", Lang::En),
            Some(Arg::Money(Money::from_cents(1250).unwrap()))
        );
        assert_eq!(arg_of(Kind::Any, "7", Lang::En), Some(Arg::Int(7)));
        assert_eq!(
            arg_of(Kind::Any, "klein", Lang::Nl),
            Some(Arg::Word("small"))
        );
        assert_eq!(
            arg_of(Kind::Any, "A", Lang::Nl),
            Some(Arg::Text("A".into()))
        );
    }
}
