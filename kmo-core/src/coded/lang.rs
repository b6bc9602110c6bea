//! The language of messages.

use crate::coded::coded_enum;

coded_enum!(
    /// The language of messages.
    ///
    /// ```
    /// use kmo_core::Lang;
    /// assert_eq!(Lang::parse("fr").unwrap(), Lang::Fr);
    /// assert_eq!(Lang::default(), Lang::Nl);
    /// ```
    Lang, "language", {
        /// Nederlands (default).
        Nl => "nl",
        /// Français.
        Fr => "fr",
        /// English.
        En => "en",
    },
    json_run("\"", "\"")
);

#[cfg(not(any(feature = "lang-nl", feature = "lang-fr", feature = "lang-en")))]
compile_error!(
    "kmo-core needs the texts of at least one language: the feature lang-nl, lang-fr or lang-en"
);

impl Default for Lang {
    /// Dutch; in a build without Dutch, the first language it carries.
    fn default() -> Lang {
        Lang::Nl.or_built()
    }
}

impl Lang {
    /// The language of an input error when the input's language cannot be known: a text that
    /// is not a document, or a document whose `lang` is not one of the three (or could not be
    /// read that far): English. An input that names no language is answered, errors
    /// included, in the default language, Dutch.
    pub const OF_ERRORS: Lang = Lang::En;

    /// Whether this build carries the language's texts: the features `lang-nl`, `lang-fr` and
    /// `lang-en`, all three by default. A lean build with one language (the calculator's
    /// WebAssembly modules) refuses a request in another (`NOT_IN_THIS_BUILD` at `lang`).
    ///
    /// ```
    /// assert!(kmo_core::Lang::Fr.is_built()); // the default features carry all three
    /// ```
    pub const fn is_built(self) -> bool {
        match self {
            Lang::Nl => cfg!(feature = "lang-nl"),
            Lang::Fr => cfg!(feature = "lang-fr"),
            Lang::En => cfg!(feature = "lang-en"),
        }
    }

    /// This language when the build carries it, else the first one it does (nl, fr, en):
    /// the language a message is written in.
    pub const fn or_built(self) -> Lang {
        if self.is_built() {
            self
        } else if Lang::Nl.is_built() {
            Lang::Nl
        } else if Lang::Fr.is_built() {
            Lang::Fr
        } else {
            Lang::En
        }
    }
}
