//! The codes of the wallet: where an application stands, and why an operation was refused.

use crate::coded::coded_enum;

coded_enum!(
    /// The kinds of [`Status`](crate::wallet::Status), as the wallet document names them.
    StatusKind, "application status", {
        /// Running.
        Active => "active",
        /// Stopped.
        Stopped => "stopped",
        /// Lapsed.
        Lapsed => "lapsed",
    }
);

coded_enum!(
    /// The code of a wallet operation the wallet refused for what it holds (the wallet is left
    /// unchanged). Each value's documentation says when, and after `Paths:` the field the
    /// refusal names.
    ///
    /// ```
    /// use kmo_core::wallet::WalletErrorCode;
    /// assert_eq!(WalletErrorCode::ZeroAmount.as_str(), "ZERO_AMOUNT");
    /// ```
    WalletErrorCode, "wallet error code", {
        /// No application with this id.
        ///
        /// Paths: `id`
        UnknownApplication => "UNKNOWN_APPLICATION",
        /// The application was already stopped or has lapsed — also when it lapses on the
        /// operation's date: a payment, release or stop after its own-share deadline (the
        /// message says when it lapsed and what is refunded).
        ///
        /// Paths: `id`
        ApplicationEnded => "APPLICATION_ENDED",
        /// The date is before the application date.
        ///
        /// Paths: `date`
        BeforeApplication => "BEFORE_APPLICATION",
        /// Applying for a date before an application already recorded in the same calendar
        /// year.
        ///
        /// Paths: `application_date`
        OutOfOrder => "OUT_OF_ORDER",
        /// A payment or release of zero.
        ///
        /// Paths: `amount`
        ZeroAmount => "ZERO_AMOUNT",
        /// More than the own share still due.
        ///
        /// Paths: `amount`
        Overpayment => "OVERPAYMENT",
        /// A release before the own share is paid in full.
        ///
        /// Paths: `id`
        OwnShareNotPaid => "OWN_SHARE_NOT_PAID",
        /// More than the wallet holds for the application.
        ///
        /// Paths: `amount`
        ReleaseExceedsBalance => "RELEASE_EXCEEDS_BALANCE",
    }
);
