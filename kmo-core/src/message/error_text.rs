//! The message of an input error, in a language; `Display` writes it in English.

use core::fmt;

use super::{render, Arg};
use crate::coded::Lang;
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
        let args: Vec<Arg> = self.args().iter().map(Arg::from).collect();
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
