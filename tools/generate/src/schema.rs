//! The enumerations of the JSON Schemas: every `$defs` entry of a coded list has as `enum` the
//! list's codes.

use kmo_core::catalogue::{self, List};
use kmo_core::wallet::WalletErrorCode;
use kmo_core::InputErrorCode;

/// The `$defs` entries that enumerate a coded list, and the list (by the catalogue's name).
const DEFS: &[(&str, &str)] = &[
    ("lang", "Lang"),
    ("size_class", "SizeClass"),
    ("wallet_class", "WalletClass"),
    ("legal_form", "LegalForm"),
    ("service_kind", "ServiceKind"),
    ("theme", "Theme"),
    ("subtheme", "Subtheme"),
    ("excluded_topic", "ExcludedTopic"),
    ("line_kind", "CostLineKind"),
    ("staff_role", "StaffRole"),
    ("entity_kind", "EntityType"),
    ("control_right", "ControlRight"),
    ("ownership_change", "OwnershipChangePolicy"),
    ("own_share_deadline", "OwnShareDeadline"),
    ("application_status", "StatusKind"),
    ("severity", "Severity"),
    ("finding_code", "FindingCode"),
    ("trace_step", "TraceStepName"),
    ("procedure_step", "ProcedureStepName"),
    ("relation", "Relation"),
    ("not_eligible_because", "NotEligibleBecause"),
];

/// The definitions of coded lists (for the test that every one is in a schema).
#[cfg(test)]
pub(crate) fn defs() -> impl Iterator<Item = &'static str> {
    DEFS.iter().map(|(d, _)| *d).chain(["error_code"])
}

/// The codes of `$defs.name`, or `None` for a definition that is not a coded list. `error_code`
/// is the input errors' codes, then the wallet's.
fn codes(def: &str, lists: &[List]) -> Option<Vec<&'static str>> {
    if def == "error_code" {
        let input = InputErrorCode::ALL.iter().map(|c| c.as_str());
        return Some(
            input
                .chain(WalletErrorCode::ALL.iter().map(|c| c.as_str()))
                .collect(),
        );
    }
    let (_, list) = DEFS.iter().find(|(d, _)| *d == def)?;
    let list = lists
        .iter()
        .find(|l| l.name == *list)
        .unwrap_or_else(|| panic!("the catalogue has no list {list}"));
    Some(list.values.iter().map(|v| v.code).collect())
}

/// The `enum` array as the schemas write it: on one line when it fits in 110 columns, else one
/// code per line.
fn array(codes: &[&str], indent: usize) -> String {
    let quoted: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
    let one = format!("[{}]", quoted.join(", "));
    if indent + "\"enum\": ".len() + one.len() <= 110 {
        return one;
    }
    let pad = " ".repeat(indent + 2);
    format!(
        "[\n{pad}{}\n{}]",
        quoted.join(&format!(",\n{pad}")),
        " ".repeat(indent)
    )
}

/// The schema with every coded list's `enum` written again (a definition is a key indented by
/// four spaces, directly under `$defs`).
pub(crate) fn enums(text: &str) -> String {
    let lists = catalogue::lists();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\n    \"") {
        let key_start = at + 6;
        let key_end = key_start + rest[key_start..].find('"').expect("a closed key");
        let def = &rest[key_start..key_end];
        let Some(codes) = codes(def, &lists) else {
            out.push_str(&rest[..key_end]);
            rest = &rest[key_end..];
            continue;
        };
        // The `"enum": [` of this definition, before the next definition.
        let next = rest[key_end..]
            .find("\n    \"")
            .map_or(rest.len(), |n| key_end + n);
        let open = key_end
            + rest[key_end..next]
                .find("\"enum\": [")
                .unwrap_or_else(|| panic!("$defs.{def} has no enum"));
        let start = open + "\"enum\": ".len();
        let end = start + rest[start..].find(']').expect("a closed enum") + 1;
        out.push_str(&rest[..start]);
        out.push_str(&array(&codes, 6));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
