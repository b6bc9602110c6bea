//! `kmo-ffi/src/enums.rs`: the C enumerations of coded values (their numbers are the core's),
//! the lists `kmo_code_text` knows, and `kmo_status` with its messages, as plain Rust enums for
//! cbindgen to write into `kmo.h`.

use std::fmt::Write;

use kmo_core::catalogue::{self, List};

use crate::format::{rustfmt, summary, wrap};

/// A coded list the C face names as an enumeration.
struct CEnum {
    /// The catalogue's list.
    list: &'static str,
    /// The C type.
    c: &'static str,
    /// The prefix of its constants.
    prefix: &'static str,
    /// Its documentation in the header.
    doc: &'static str,
    /// The constant for 0 ("none", "the default"), when the list has one.
    zero: Option<(&'static str, &'static str)>,
}

const ENUMS: &[CEnum] = &[
    CEnum {
        list: "SizeClass",
        c: "kmo_size_class",
        prefix: "KMO_SIZE_",
        doc: "The size class under the SME definition.",
        zero: Some(("NONE", "None given or known.")),
    },
    CEnum {
        list: "ServiceKind",
        c: "kmo_service_kind",
        prefix: "KMO_SERVICE_",
        doc: "The service: training (opleiding) or advice (advies).",
        zero: Some(("NONE", "None given or known.")),
    },
    CEnum {
        list: "Theme",
        c: "kmo_theme",
        prefix: "KMO_THEME_",
        doc: "Themes (from 2023). `KMO_THEME_NONE` before themes existed.",
        zero: Some(("NONE", "No theme.")),
    },
    CEnum {
        list: "Subtheme",
        c: "kmo_subtheme",
        prefix: "KMO_SUBTHEME_",
        doc: "Subthemes with an uplift.",
        zero: Some(("NONE", "No subtheme.")),
    },
    CEnum {
        list: "FindingCode",
        c: "kmo_finding_code",
        prefix: "KMO_FINDING_",
        doc:
            "The code of a finding: a blocking reason, a warning or a notice (`kmo_finding.code`, \
              `kmo_quote_result.first_blocking`). The numbers are the core's.",
        zero: Some(("NONE", "No finding.")),
    },
    CEnum {
        list: "OwnShareDeadline",
        c: "kmo_own_share_deadline",
        prefix: "KMO_OWN_SHARE_",
        doc: "When the own share must be paid into the wallet. The sources disagree; the default \
              is the provider's guidance, 14 days after the application.",
        zero: Some((
            "DEFAULT",
            "The engine's default (`KMO_OWN_SHARE_AFTER_APPLICATION_14_DAYS`).",
        )),
    },
    CEnum {
        list: "Lang",
        c: "kmo_lang",
        prefix: "KMO_LANG_",
        doc: "The language of a message.",
        zero: Some((
            "DEFAULT",
            "The default: Dutch, for an answer's texts (findings) and errors alike, as in a JSON document without `lang`.",
        )),
    },
    CEnum {
        list: "StatusKind",
        c: "kmo_application_status",
        prefix: "KMO_APPLICATION_",
        doc: "Where an application in a wallet stands.",
        zero: None,
    },
    CEnum {
        list: "Severity",
        c: "kmo_severity",
        prefix: "KMO_SEVERITY_",
        doc: "How much a finding matters.",
        zero: None,
    },
    CEnum {
        list: "CostLineKind",
        c: "kmo_cost_line_kind",
        prefix: "KMO_COST_LINE_",
        doc: "What an invoice line (`kmo_cost_line`) is for.",
        zero: None,
    },
];

/// A list `kmo_code_text` and `kmo_code_number` know, by its number (never reused).
struct CodeList {
    number: u32,
    /// The constant after `KMO_CODES_`.
    name: &'static str,
    /// The catalogue's list.
    list: &'static str,
    /// What the list is, before its codes in the header.
    doc: &'static str,
}

const CODE_LISTS: &[CodeList] = &[
    CodeList {
        number: 1,
        name: "SIZE_CLASS",
        list: "SizeClass",
        doc: "`kmo_size_class`",
    },
    CodeList {
        number: 2,
        name: "SERVICE_KIND",
        list: "ServiceKind",
        doc: "`kmo_service_kind`",
    },
    CodeList {
        number: 3,
        name: "THEME",
        list: "Theme",
        doc: "`kmo_theme`",
    },
    CodeList {
        number: 4,
        name: "SUBTHEME",
        list: "Subtheme",
        doc: "`kmo_subtheme`",
    },
    CodeList {
        number: 5,
        name: "FINDING",
        list: "FindingCode",
        doc: "`kmo_finding_code`",
    },
    CodeList {
        number: 6,
        name: "OWN_SHARE_DEADLINE",
        list: "OwnShareDeadline",
        doc: "`kmo_own_share_deadline`",
    },
    CodeList {
        number: 7,
        name: "LANG",
        list: "Lang",
        doc: "`kmo_lang`",
    },
    CodeList {
        number: 8,
        name: "APPLICATION_STATUS",
        list: "StatusKind",
        doc: "`kmo_application_status`",
    },
    CodeList {
        number: 9,
        name: "LEGAL_FORM",
        list: "LegalForm",
        doc: "Legal forms, for `kmo_quote_request.legal_form` (numbered from 1 in the engine's \
              order; `kmo_code_number` gives a form's number)",
    },
    CodeList {
        number: 10,
        name: "EXCLUDED_TOPIC",
        list: "ExcludedTopic",
        doc: "Excluded topics, for `kmo_quote_request.excluded_topic` (numbered from 1 in the \
              engine's order)",
    },
    CodeList {
        number: 11,
        name: "COST_LINE_KIND",
        list: "CostLineKind",
        doc: "`kmo_cost_line_kind`",
    },
    CodeList {
        number: 12,
        name: "SEVERITY",
        list: "Severity",
        doc: "`kmo_severity`",
    },
];

/// The path of a list's type in kmo-core's public API.
fn core_path(list: &str) -> String {
    match list {
        "StatusKind" | "WalletErrorCode" => format!("kmo_core::wallet::{list}"),
        _ => format!("kmo_core::{list}"),
    }
}

/// The catalogue's list `name`.
fn list(name: &str) -> List {
    catalogue::lists()
        .into_iter()
        .find(|l| l.name == name)
        .unwrap_or_else(|| panic!("the catalogue has no list {name}"))
}

/// Doc comment lines, indented, wrapped at 100 columns.
fn doc(out: &mut String, indent: &str, text: &str) {
    for line in wrap(text, 96 - indent.len()) {
        let _ = writeln!(out, "{indent}/// {line}");
    }
}

fn c_enum(out: &mut String, e: &CEnum) {
    let list = list(e.list);
    doc(out, "", e.doc);
    out.push_str("#[repr(u32)]\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\n");
    let _ = writeln!(out, "pub enum {} {{", e.c);
    if let Some((name, text)) = e.zero {
        doc(out, "    ", text);
        let _ = writeln!(out, "    {}{name} = 0,", e.prefix);
    }
    for v in &list.values {
        doc(out, "    ", &summary(v.doc));
        let _ = writeln!(
            out,
            "    {}{} = {},",
            e.prefix,
            v.code.to_uppercase(),
            v.number
        );
    }
    out.push_str("}\n\n");
}

/// The codes of a list as its header doc shows them: all of them up to four, else the first
/// two, …, the last.
fn codes_shown(list: &List) -> String {
    let codes: Vec<String> = list
        .values
        .iter()
        .map(|v| format!("`{}`", v.code))
        .collect();
    if codes.len() <= 4 {
        codes.join(", ")
    } else {
        format!("{}, {}, …, {}", codes[0], codes[1], codes[codes.len() - 1])
    }
}

fn code_lists(out: &mut String) {
    out.push_str("/// The lists `kmo_code_text` and `kmo_code_number` know.\n");
    out.push_str("#[repr(u32)]\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\n");
    out.push_str("pub enum kmo_code_list {\n");
    for l in CODE_LISTS {
        doc(
            out,
            "    ",
            &format!("{}: {}.", l.doc, codes_shown(&list(l.list))),
        );
        let _ = writeln!(out, "    KMO_CODES_{} = {},", l.name, l.number);
    }
    out.push_str("}\n\n");
    out.push_str(
        "/// Every list of `kmo_code_list`, by number and name: the accepted values an unknown \
         list's\n/// error names.\n",
    );
    let _ = writeln!(
        out,
        "pub(crate) const LISTS: [&str; {}] = [",
        CODE_LISTS.len()
    );
    for l in CODE_LISTS {
        let _ = writeln!(out, "    \"{} (KMO_CODES_{})\",", l.number, l.name);
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// Calls `$f::<T>` with the core type of a `kmo_code_list` value, or evaluates \
         `$unknown`.\nmacro_rules! for_list {\n    ($list:expr, $f:ident($($arg:expr),*), \
         $unknown:expr) => {\n        match $list {\n",
    );
    for l in CODE_LISTS {
        let _ = writeln!(
            out,
            "            {} => $f::<{}>($($arg),*),",
            l.number,
            core_path(l.list)
        );
    }
    out.push_str("            _ => $unknown,\n        }\n    };\n}\npub(crate) use for_list;\n\n");
}

fn statuses(out: &mut String) {
    let all = catalogue::STATUSES;
    out.push_str(
        "/// The outcome of a call: `KMO_STATUS_OK` (0) or why it failed. In C a `kmo_status` is \
         a\n/// `uint32_t`; the enumerators name its values.\n///\n/// A value never changes \
         meaning. Values are added over time, so treat a non-zero value you do\n/// not know as \
         a failure and show its `kmo_status_message`. Each refusal of the wallet has its\n/// \
         own status (named after the refusal's code, `KMO_STATUS_OVERPAYMENT` for \
         `OVERPAYMENT`);\n/// every other refusal of input is `KMO_STATUS_INVALID_INPUT`, whose \
         `kmo_error` (or error\n/// document) gives the code, the field and the message.\n",
    );
    out.push_str(
        "#[repr(u32)]\n#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum kmo_status {\n",
    );
    for s in all {
        doc(out, "    ", s.doc);
        let _ = writeln!(out, "    KMO_STATUS_{} = {},", s.name, s.number);
    }
    out.push_str("}\n\nimpl kmo_status {\n");
    out.push_str("    /// Every status, for looking one up by value.\n");
    let _ = writeln!(
        out,
        "    pub(crate) const ALL: [kmo_status; {}] = [",
        all.len()
    );
    for s in all {
        let _ = writeln!(out, "        kmo_status::KMO_STATUS_{},", s.name);
    }
    out.push_str("    ];\n\n");
    out.push_str("    /// An English description of the status, without a final full stop.\n");
    out.push_str("    pub(crate) fn message(self) -> &'static CStr {\n        match self {\n");
    for s in all {
        let _ = writeln!(
            out,
            "            kmo_status::KMO_STATUS_{} => c{:?},",
            s.name, s.message
        );
    }
    out.push_str("        }\n    }\n\n");
    out.push_str("    /// The status of a refusal of the wallet.\n");
    out.push_str("    pub(crate) fn of_refusal(code: WalletErrorCode) -> kmo_status {\n        match code {\n");
    for s in all {
        if let Some(code) = s.refusal {
            let _ = writeln!(
                out,
                "            WalletErrorCode::{code:?} => kmo_status::KMO_STATUS_{},",
                s.name
            );
        }
    }
    out.push_str("            _ => kmo_status::KMO_STATUS_INVALID_INPUT,\n        }\n    }\n}\n");
}

/// The text of `kmo-ffi/src/enums.rs`.
pub(crate) fn enums() -> String {
    let mut out = String::from(
        "//! The C enumerations of the engine's coded values, the lists `kmo_code_text` knows, \
         and\n//! `kmo_status`: generated by `cargo run -p kmo-generate` from kmo-core's \
         catalogue (`kmo_core::catalogue`);\n//! do not edit. The numbers are the core's (1 for \
         the first value of a list, 0 for none or\n//! the default), so the header and the \
         core cannot drift. They are `uint32_t` in C; coming\n//! *from* C they are taken as \
         `uint32_t` fields and checked, so an out-of-range value is\n//! invalid input.\n\n\
         use std::ffi::CStr;\n\nuse kmo_core::wallet::WalletErrorCode;\n\n",
    );
    for e in ENUMS {
        c_enum(&mut out, e);
    }
    code_lists(&mut out);
    statuses(&mut out);
    rustfmt(&out)
}
