//! The tables of codes of `docs/json.md`: every finding code, input error code and wallet error
//! code, from the documentation written beside each in the core.

use kmo_core::catalogue::Coded;
use kmo_core::wallet::WalletErrorCode;
use kmo_core::{FindingCode, InputErrorCode};

use crate::blocks::Render;
use crate::format::{code, field, summary, table};

/// The code tables of `docs/json.md`.
pub(crate) fn renderers() -> Vec<(&'static str, Render)> {
    vec![
        ("finding-codes", finding_codes as Render),
        ("input-error-codes", error_codes::<InputErrorCode>),
        ("wallet-error-codes", error_codes::<WalletErrorCode>),
    ]
}

/// A documented field of a value, or a panic naming what is missing.
fn documented<T: Coded>(value: T, label: &str) -> String {
    field(value.doc(), label)
        .unwrap_or_else(|| panic!("{}::{value:?} has no `{label}:` paragraph", T::NAME))
}

fn finding_codes() -> String {
    let rows = FindingCode::ALL
        .iter()
        .map(|c| {
            vec![
                code(c.as_str()),
                c.severity().to_string(),
                c.group().to_string(),
                documented(*c, "Ref"),
                summary(Coded::doc(*c)),
            ]
        })
        .collect();
    table(&["Code", "Severity", "Group", "`ref`", "When"], rows)
}

fn error_codes<T: Coded>() -> String {
    let rows = T::ALL
        .iter()
        .map(|c| vec![code(c.as_str()), documented(*c, "Paths"), summary(c.doc())])
        .collect();
    table(&["Code", "Paths it names", "Meaning"], rows)
}
