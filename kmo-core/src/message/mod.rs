//! Messages in Dutch (the default), French and English: the text of every finding, trace step
//! and input error.
//!
//! A finding, step or error keeps a key and the values its message shows ([`Arg`]); the text is
//! written only when asked for, in the language asked for ([`Lang`]), from templates split at
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
mod lang;
mod template;
mod texts;

use core::fmt;

pub use arg::Arg;
pub use lang::Lang;
pub(crate) use template::render;
pub use template::Rendered;
#[cfg(feature = "json")]
pub(crate) use template::{word, Piece};

use crate::error::InputError;

impl InputError {
    /// The message in a language: what was wrong and what was expected.
    ///
    /// ```
    /// use kmo_core::{Lang, parse_date};
    /// let e = parse_date("2026-02-30").unwrap_err();
    /// assert_eq!(e.message(Lang::En), "`2026-02-30` does not exist in the calendar");
    /// assert_eq!(e.message(Lang::Nl), "`2026-02-30` bestaat niet in de kalender");
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<Arg> = self.details().iter().map(Arg::from).collect();
        render(self.message_key(), lang, &args)
    }
}

impl fmt::Display for InputError {
    /// `path: message`, in English (`service.cost: the amount -5 is negative; …`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message(Lang::En))
    }
}
