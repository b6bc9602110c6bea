//! The documents that are the serde forms (feature `serde`): for each type, its document as
//! the one writer writes it and the one reader reads it. `serde_form` carries them through any
//! serde format.

use super::reader::{self, Node};
use super::request::request_from;
use super::request_writer::write_request;
use super::response;
use super::writer::{document, Out};
use crate::application::Application;
use crate::assess::Assessment;
use crate::coded::Lang;
use crate::error::InputError;

/// A type whose serde form is a document of the engine.
pub(crate) trait Document: Sized {
    /// What the document is called in messages (a word of the message tables).
    const WHAT: &'static str;

    /// Writes the document.
    fn write(&self, o: &mut Out<'_>);

    /// Reads the document; a refusal comes with the language of its message (a request's
    /// `lang` once read, English otherwise).
    fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)>;

    /// The document as text.
    fn text(&self) -> String {
        document(1024, |o| self.write(o))
    }

    /// Reads the document from its text (a format that carries it as one string).
    fn from_text(text: &str) -> Result<Self, (InputError, Lang)> {
        let value = reader::from_str(text, Self::WHAT).map_err(|e| (e, Lang::OF_ERRORS))?;
        Self::read(&value)
    }
}

/// The tree of a document, for the serde form.
pub(crate) fn tree<'a>(text: &'a str, what: &'static str) -> Result<Node<'a>, InputError> {
    reader::from_str(text, what)
}

/// Errors in English, for the answers (they carry no language of their own).
fn english<T>(read: Result<T, InputError>) -> Result<T, (InputError, Lang)> {
    read.map_err(|e| (e, Lang::OF_ERRORS))
}

impl Document for Application {
    const WHAT: &'static str = "the request";

    fn write(&self, o: &mut Out<'_>) {
        write_request(o, self);
    }

    /// The request document, with every check the engine makes before it answers
    /// ([`Application::validate`] too); a history (`wallet.applications`) becomes the
    /// application as that wallet sees it
    /// ([`Wallet::in_context`](crate::wallet::Wallet::in_context)), the unknown fields are left
    /// out.
    fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
        let parsed = request_from(value)?;
        #[cfg(feature = "wallet")]
        let app = match &parsed.wallet {
            Some(w) => w.in_context(&parsed.application),
            None => parsed.application.clone(),
        };
        #[cfg(not(feature = "wallet"))]
        let app = parsed.application.clone();
        app.validate().map_err(|e| (e, parsed.error_lang()))?;
        Ok(app)
    }
}

impl Document for Assessment {
    const WHAT: &'static str = "the response";

    fn write(&self, o: &mut Out<'_>) {
        response::write(self, self.lang, &self.shown.ignored, o);
    }

    fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
        english(super::answers::assessment(value))
    }

    fn text(&self) -> String {
        document(2048 + 256 * (self.trace.len() + self.findings.len()), |o| {
            self.write(o)
        })
    }
}

#[cfg(feature = "wallet")]
mod wallet {
    use super::super::answers::wallet as read;
    use super::super::fields::Obj;
    use super::super::wallet::{
        settlement_document, wallet_from_value, wallet_to_json, year_document,
    };
    use super::super::wallet_ops::{
        write_applied, write_payment, write_plan, write_release, write_stop,
    };
    use super::{english, Document, Node, Out};
    use crate::coded::Lang;
    use crate::error::InputError;
    use crate::wallet::{Applied, Payment, Plan, Release, Settlement, Stop, Wallet, YearBudget};

    impl Document for Wallet {
        const WHAT: &'static str = "the wallet";

        fn write(&self, o: &mut Out<'_>) {
            o.raw(&wallet_to_json(self));
        }

        /// As [`wallet_from_json`](crate::json::wallet_from_json): unknown fields ignored.
        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(Obj::root(value, Self::WHAT).and_then(|root| {
                let mut ignored = Vec::new();
                root.known(&["applications", "next_id", "years"], &mut ignored);
                wallet_from_value(&root, &mut ignored)
            }))
        }
    }

    impl Document for Applied {
        const WHAT: &'static str = "the response";

        fn write(&self, o: &mut Out<'_>) {
            write_applied(o, self);
        }

        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(read::applied(value))
        }
    }

    impl Document for Plan {
        const WHAT: &'static str = "the response";

        fn write(&self, o: &mut Out<'_>) {
            write_plan(o, self);
        }

        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(read::plan(value))
        }
    }

    impl Document for Payment {
        const WHAT: &'static str = "the response";

        fn write(&self, o: &mut Out<'_>) {
            write_payment(o, self);
        }

        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(read::payment(value))
        }
    }

    impl Document for Release {
        const WHAT: &'static str = "the response";

        fn write(&self, o: &mut Out<'_>) {
            write_release(o, self);
        }

        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(read::release(value))
        }
    }

    impl Document for Stop {
        const WHAT: &'static str = "the response";

        fn write(&self, o: &mut Out<'_>) {
            write_stop(o, self);
        }

        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(read::stop(value))
        }
    }

    impl Document for Settlement {
        const WHAT: &'static str = "the response";

        fn write(&self, o: &mut Out<'_>) {
            settlement_document(o, *self, None);
        }

        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(read::settlement(value))
        }
    }

    impl Document for YearBudget {
        const WHAT: &'static str = "the response";

        fn write(&self, o: &mut Out<'_>) {
            year_document(o, self);
        }

        fn read(value: &Node<'_>) -> Result<Self, (InputError, Lang)> {
            english(read::year(value))
        }
    }
}
