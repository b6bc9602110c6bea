//! A message written out: the template of a key in a language, its placeholders replaced by
//! the values of a finding, a trace step or an error.

use core::fmt;

use super::arg::{localize_with, Arg};
use super::template::Template;
use super::texts::{finding_templates, in_lang, step_templates, templates, words, Built};
use crate::coded::{FindingCode, Lang, TraceStepName};

/// A word the templates insert, in a language.
pub(crate) fn word(key: &str, lang: Lang) -> &'static str {
    let (nl, fr, en) = words(key);
    match lang.or_built() {
        Lang::Nl => nl,
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Renders the template of `key` in `lang`, replacing `{0}`, `{1}` … with `args`; an
/// [`Arg::Word`] is translated with [`word`] first.
pub(crate) fn render(key: &str, lang: Lang, args: &[Arg]) -> String {
    let message = Rendered::new(key, lang, args);
    let mut out = String::with_capacity(message.template.text.len() + 32);
    // Writing into a String cannot fail.
    let _ = fmt::Write::write_fmt(&mut out, format_args!("{message}"));
    out
}

/// A message or explanation in one language, written on demand through `Display`.
#[derive(Clone, Copy, Debug)]
pub struct Rendered<'a> {
    template: &'static Template,
    lang: Lang,
    args: &'a [Arg],
}

impl<'a> Rendered<'a> {
    pub(crate) fn new(key: &str, lang: Lang, args: &'a [Arg]) -> Rendered<'a> {
        Rendered::from_templates(templates(key), lang, args)
    }

    /// The message of a finding code: [`new`](Rendered::new) with the code's text, its
    /// templates found by the code's number instead.
    pub(crate) fn of_finding(code: FindingCode, lang: Lang, args: &'a [Arg]) -> Rendered<'a> {
        Rendered::from_templates(finding_templates(code), lang, args)
    }

    /// The explanation of a trace step: [`new`](Rendered::new) with the step's name, its
    /// templates found by the step's number instead.
    pub(crate) fn of_step(step: TraceStepName, lang: Lang, args: &'a [Arg]) -> Rendered<'a> {
        Rendered::from_templates(step_templates(step), lang, args)
    }

    fn from_templates(templates: &'static Built, lang: Lang, args: &'a [Arg]) -> Rendered<'a> {
        Rendered {
            template: in_lang(templates, lang),
            lang: lang.or_built(),
            args,
        }
    }
}

/// One piece of a rendered text: template text or a translated word (from this module's
/// tables, which hold no character JSON escapes — tested), a number as the language writes it,
/// or another argument as it is.
enum Piece<'a> {
    /// Text of the template or a word in the message's language.
    Fixed(&'static str),
    /// An amount, a percentage or a figure, in the message's language
    /// ([`Arg::push_number_in`]: `10.500.000,00`, `10 500 000,00`, `10,500,000.00`).
    Number(&'a Arg, Lang),
    /// Any other argument.
    Arg(&'a Arg),
}

impl<'a> Rendered<'a> {
    /// Calls `each` with the pieces of the text in order: the template between placeholders,
    /// `{0}`, `{1}` … replaced by the arguments (words translated; a missing one left out; a
    /// brace that opens no placeholder kept as it is).
    fn pieces(&self, mut each: impl FnMut(Piece<'a>)) {
        let Template { text, holes } = self.template;
        let mut at = 0;
        for hole in *holes {
            let (start, end) = (usize::from(hole.start), hole.end());
            if start > at {
                // A placeholder's braces are ASCII: char boundaries (`get` cannot panic).
                each(Piece::Fixed(text.get(at..start).unwrap_or_default()));
            }
            match self.args.get(usize::from(hole.arg)) {
                Some(Arg::Word(w)) => each(Piece::Fixed(word(w, self.lang))),
                Some(arg @ (Arg::Money(_) | Arg::Percent(_) | Arg::Decimal(_))) => {
                    each(Piece::Number(arg, self.lang))
                }
                Some(arg) => each(Piece::Arg(arg)),
                None => {}
            }
            at = end;
        }
        if at < text.len() {
            each(Piece::Fixed(text.get(at..).unwrap_or_default()));
        }
    }
}

impl Rendered<'_> {
    /// Appends the text to `out` as [`pieces`](Rendered::pieces) gives it, in one loop: the
    /// template's text and the words as they are (short pieces copied as a window of a fixed
    /// size), the numbers as the language writes them, any other argument through `other`
    /// (the JSON writer escapes text there).
    #[cfg(feature = "json")]
    pub(crate) fn write_into(&self, out: &mut Vec<u8>, other: fn(&mut Vec<u8>, &Arg)) {
        let Template { text, holes } = self.template;
        let mut at = 0;
        for hole in *holes {
            let (start, end) = (usize::from(hole.start), hole.end());
            if start > at {
                push_text(out, text.as_bytes(), at, start - at);
            }
            match self.args.get(usize::from(hole.arg)) {
                Some(Arg::Word(w)) => out.extend_from_slice(word(w, self.lang).as_bytes()),
                Some(arg @ (Arg::Money(_) | Arg::Percent(_) | Arg::Decimal(_))) => {
                    arg.push_number_in(self.lang, out);
                }
                Some(arg) => other(out, arg),
                None => {}
            }
            at = end;
        }
        if at < text.len() {
            push_text(out, text.as_bytes(), at, text.len() - at);
        }
    }
}

/// `text[at..at + len]` appended: a short piece as a window of 32 bytes (a copy of a size
/// known when compiled), a long one or one near the end of the template as it is.
#[cfg(feature = "json")]
#[inline]
fn push_text(out: &mut Vec<u8>, text: &[u8], at: usize, len: usize) {
    crate::units::extend_window::<32>(out, text, at, len);
}

impl fmt::Display for Rendered<'_> {
    /// The template with `{0}`, `{1}`, … replaced by the arguments (words translated).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut result = Ok(());
        self.pieces(|piece| {
            if result.is_ok() {
                result = match piece {
                    Piece::Fixed(text) => f.write_str(text),
                    Piece::Number(arg, lang) => {
                        let mut written = Ok(());
                        arg.number_in(lang, |plain| {
                            localize_with(plain, lang, |piece| {
                                // Digits, signs, marks and separators: whole characters.
                                if written.is_ok() {
                                    written =
                                        f.write_str(core::str::from_utf8(piece).unwrap_or(""));
                                }
                            });
                        });
                        written
                    }
                    Piece::Arg(arg) => fmt::Display::fmt(arg, f),
                };
            }
        });
        result
    }
}

#[cfg(all(
    test,
    feature = "full-sme",
    feature = "wallet",
    feature = "lang-fr",
    feature = "lang-en"
))]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_words() {
        let args = vec![Arg::Word("small"), Arg::from(30)];
        assert_eq!(
            render("wallet_class", Lang::Nl, &args),
            "Voor de kmo-portefeuille geldt de categorie klein."
        );
        assert_eq!(
            render("eligibility", Lang::En, &[Arg::Word("eligible")]),
            "Conclusion: eligible."
        );
        // A word is translated; the same text given as text is not.
        assert_eq!(
            render("eligibility", Lang::Nl, &[Arg::from("eligible")]),
            render("eligibility", Lang::Nl, &[Arg::Text("eligible".into())])
        );
        assert_ne!(
            render("eligibility", Lang::Nl, &[Arg::Word("eligible")]),
            render("eligibility", Lang::Nl, &[Arg::from("eligible")])
        );
        // Braces that open no placeholder stay; placeholders past the eighth byte are found.
        const ODD: Template = super::super::template::split_template!(
            "a {x} {} {1 {12 {+0} {1234} {0}{1}, long enough to scan: {1}"
        );
        let odd = Rendered {
            template: &ODD,
            lang: Lang::Fr,
            args: &[Arg::Word("small"), Arg::from(7)],
        };
        assert_eq!(
            odd.to_string(),
            "a {x} {} {1 {12 {+0} {1234} petite7, long enough to scan: 7"
        );
        // A missing argument is left empty.
        assert_eq!(
            Rendered::new("eligibility", Lang::En, &[]).to_string(),
            "Conclusion: ."
        );
    }
}
