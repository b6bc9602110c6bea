//! Why a wallet operation was refused: the refusal and its code.

use time::Date;

use super::Settlement;
use crate::coded::Lang;
use crate::coded::WalletErrorCode;
use crate::error::{InputError, InputErrorCode};
use crate::units::Money;

/// The stable code of a refused wallet operation: the wallet's own ([`WalletErrorCode`]), or
/// an invalid input's ([`InputErrorCode`]). The error document's `code` is its text.
///
/// ```
/// use kmo_core::wallet::{ErrorCode, WalletError, WalletErrorCode};
/// assert_eq!(WalletError::ZeroAmount.code(), ErrorCode::Wallet(WalletErrorCode::ZeroAmount));
/// assert_eq!(WalletError::ZeroAmount.code().as_str(), "ZERO_AMOUNT");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// The input was invalid.
    Input(InputErrorCode),
    /// The wallet refused the operation.
    Wallet(WalletErrorCode),
}

impl ErrorCode {
    /// The stable `SCREAMING_SNAKE` code.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Input(code) => code.as_str(),
            ErrorCode::Wallet(code) => code.as_str(),
        }
    }
}

impl core::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What went wrong with a wallet operation. The wallet is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WalletError {
    /// No application with this id.
    UnknownApplication(u32),
    /// The application was already stopped.
    AlreadyEnded(u32),
    /// The application has lapsed: its own share was not paid in full by its deadline, so it
    /// lapsed on the day after (on the operation's date, if not before). Its code is that of
    /// an ended application, `APPLICATION_ENDED`; the message says when it lapsed.
    Lapsed {
        /// The application.
        id: u32,
        /// The day it lapsed.
        on: Date,
        /// How it was settled: the own share paid in is refunded, its aid returns to its year
        /// when it lapsed in that year.
        settlement: Settlement,
    },
    /// The date is before the application date.
    BeforeApplication {
        /// The application.
        id: u32,
        /// The date given.
        date: Date,
        /// Its application date.
        application_date: Date,
    },
    /// An application of a year must not come before one already recorded in that year.
    OutOfOrder {
        /// The date given.
        date: Date,
        /// The latest recorded date of that year.
        last: Date,
    },
    /// The amount is zero.
    ZeroAmount,
    /// More than the own share that is still due.
    Overpayment {
        /// The application.
        id: u32,
        /// The amount given.
        amount: Money,
        /// What is still due.
        due: Money,
    },
    /// Releases need the own share paid in full first.
    OwnShareNotPaid(u32),
    /// More than the wallet holds for the application.
    ReleaseExceedsBalance {
        /// The application.
        id: u32,
        /// The amount asked.
        amount: Money,
        /// What may still be released.
        available: Money,
    },
    /// The wallet document or the application is invalid.
    Invalid(InputError),
}

impl From<InputError> for WalletError {
    fn from(e: InputError) -> WalletError {
        WalletError::Invalid(e)
    }
}

impl core::fmt::Display for WalletError {
    /// The message in English ([`WalletError::message`]); an invalid input shows its error.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            WalletError::Invalid(e) => e.fmt(f),
            other => f.write_str(&other.message(Lang::En)),
        }
    }
}

impl std::error::Error for WalletError {}

impl WalletError {
    /// The stable code of the refusal (an invalid document gives its input error's code).
    ///
    /// ```
    /// use kmo_core::wallet::{WalletError, WalletErrorCode};
    /// assert_eq!(WalletError::ZeroAmount.code().as_str(), "ZERO_AMOUNT");
    /// ```
    pub fn code(&self) -> ErrorCode {
        use WalletErrorCode as W;
        ErrorCode::Wallet(match self {
            WalletError::UnknownApplication(_) => W::UnknownApplication,
            WalletError::AlreadyEnded(_) | WalletError::Lapsed { .. } => W::ApplicationEnded,
            WalletError::BeforeApplication { .. } => W::BeforeApplication,
            WalletError::OutOfOrder { .. } => W::OutOfOrder,
            WalletError::ZeroAmount => W::ZeroAmount,
            WalletError::Overpayment { .. } => W::Overpayment,
            WalletError::OwnShareNotPaid(_) => W::OwnShareNotPaid,
            WalletError::ReleaseExceedsBalance { .. } => W::ReleaseExceedsBalance,
            WalletError::Invalid(e) => return ErrorCode::Input(e.code),
        })
    }

    /// The field the refusal is about (`amount`, `date`, `id`, the application's
    /// `application_date`), or the input error's path.
    pub fn path(&self) -> &str {
        match self {
            WalletError::UnknownApplication(_)
            | WalletError::AlreadyEnded(_)
            | WalletError::Lapsed { .. }
            | WalletError::OwnShareNotPaid(_) => "id",
            WalletError::BeforeApplication { .. } => "date",
            WalletError::OutOfOrder { .. } => "application_date",
            WalletError::ZeroAmount
            | WalletError::Overpayment { .. }
            | WalletError::ReleaseExceedsBalance { .. } => "amount",
            WalletError::Invalid(e) => &e.path,
        }
    }

    /// The message in a language.
    ///
    /// ```
    /// use kmo_core::{wallet::WalletError, Lang};
    /// assert!(WalletError::ZeroAmount.message(Lang::Nl).contains("nul"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        use crate::message::{render, Arg};
        let args: Vec<Arg> = match self {
            WalletError::UnknownApplication(id)
            | WalletError::AlreadyEnded(id)
            | WalletError::OwnShareNotPaid(id) => vec![(*id).into()],
            WalletError::BeforeApplication {
                id,
                date,
                application_date,
            } => vec![(*date).into(), (*application_date).into(), (*id).into()],
            WalletError::Lapsed { id, on, settlement } => {
                return render(
                    "APPLICATION_LAPSED",
                    lang,
                    &[(*id).into(), (*on).into(), settlement.refund.into()],
                )
            }
            WalletError::OutOfOrder { date, last } => vec![(*date).into(), (*last).into()],
            WalletError::ZeroAmount => vec![],
            WalletError::Overpayment { id, amount, due } => {
                vec![(*id).into(), (*amount).into(), (*due).into()]
            }
            WalletError::ReleaseExceedsBalance {
                id,
                amount,
                available,
            } => vec![(*id).into(), (*amount).into(), (*available).into()],
            WalletError::Invalid(e) => return e.message(lang),
        };
        render(self.code().as_str(), lang, &args)
    }
}
