//! Messages in Dutch (the default), French and English: the text of every finding, trace step
//! and input error.
//!
//! A finding, step or error keeps a key and the values its message shows ([`Arg`]); the text is
//! written only when asked for, in the language asked for ([`Lang`](crate::Lang)), from templates split at
//! their placeholders when the library is compiled.
//!
//! ```
//! use kmo_core::{Lang, Money};
//! let e = Money::parse("-5").unwrap_err().at("service.cost");
//! assert!(e.message(Lang::En).contains("negative"));
//! assert!(e.message(Lang::Nl).contains("negatief"));
//! assert!(e.message(Lang::Fr).contains("négatif"));
//! ```

mod arg;
mod error_text;
#[cfg(test)]
mod grammar;
mod render;
mod template;
mod texts;
#[cfg(feature = "serde")]
mod unrender;

pub use arg::Arg;
pub(crate) use render::render;

/// The word `key` in Dutch, French and English, if the tables have it.
pub(crate) fn find_word(key: &str) -> Option<(&'static str, &'static str, &'static str)> {
    texts::find_words(key)
}

/// The template of the message `key` (a finding code, a trace step, an error's key) in Dutch,
/// French and English, if the tables have it.
pub(crate) fn find_template(key: &str) -> Option<[&'static str; 3]> {
    texts::find_templates(key).map(texts::texts_of)
}
#[cfg(feature = "json")]
pub(crate) use render::word;
pub use render::Rendered;
#[cfg(all(feature = "serde", feature = "full-sme"))]
pub(crate) use unrender::exact_decimal;
#[cfg(all(test, feature = "serde"))]
pub(crate) use unrender::message_keys;
#[cfg(feature = "serde")]
pub(crate) use unrender::{unrender, value_of, Kind};
