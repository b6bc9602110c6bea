//! Every closed list of the engine in one place: each value's stable code, its number in the C
//! and WebAssembly faces, its documentation and its texts in Dutch, French and English.
//!
//! Each list is declared once with `coded_enum!`, in the crate's file of coded values for its
//! family (`FindingCode` with the explanation's codes, `Theme` with the services, …); the input
//! error codes with the input error. This module names them all ([`lists`]),
//! and what the faces restate of them is generated from here: the C enumerations and statuses
//! of `kmo.h`, the TypeScript unions of the npm package, the JSON Schemas' enumerations, the
//! tables of `docs/json.md` and the lists the calculator shows (the workspace's `kmo-generate`
//! writes them; a test fails while one is not current). Adding a finding code is one edit in
//! its list plus its texts.
//!
//! ```
//! use kmo_core::catalogue::{self, Coded};
//! use kmo_core::{FindingCode, FindingGroup, Severity, Theme};
//!
//! let themes = catalogue::list::<Theme>();
//! assert_eq!(themes.name, "Theme");
//! assert_eq!(themes.values[5].code, "innovatie");
//! assert_eq!(themes.values[5].number, 6);
//! assert_eq!(themes.values[5].texts, Some(["innovatie", "innovation", "innovation"]));
//!
//! let late = FindingCode::ApplicationTooLate;
//! assert_eq!((late.severity(), late.group()), (Severity::Blocking, FindingGroup::Blocking));
//! assert!(late.doc().contains("14 days"));
//! assert!(catalogue::lists().iter().any(|l| l.name == "FindingCode"));
//! ```

#[cfg(feature = "wallet")]
mod statuses;

pub use crate::coded::Coded;
#[cfg(feature = "wallet")]
pub use statuses::{Status, STATUSES};

use crate::message::{find_template, find_word};

/// One value of a closed list, as the faces see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Value {
    /// The stable code (`"innovatie"`, `"COST_BELOW_MINIMUM"`).
    pub code: &'static str,
    /// The number in the C and WebAssembly faces (1 for the first value).
    pub number: u32,
    /// The documentation written beside it ([`Coded::doc`]).
    pub doc: &'static str,
    /// Its text in Dutch, French and English, for a list the engine writes out: the word a
    /// message inserts for it (a theme, a size class, a procedure step), or the template of its
    /// message (a finding code, a trace step, a wallet refusal: `{0}`, `{1}` … are its values).
    /// A language the build leaves out is `""`.
    pub texts: Option<[&'static str; 3]>,
}

/// One closed list.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct List {
    /// Its Rust type (`"Theme"`).
    pub name: &'static str,
    /// Every value, in the order of their numbers.
    pub values: Vec<Value>,
}

/// Where the texts of a list's values are.
#[derive(Clone, Copy)]
enum Texts {
    /// The words the messages insert.
    Words,
    /// The templates of the messages.
    Templates,
    /// None: the list is not written out in a language.
    None,
}

fn with_texts<T: Coded>(texts: Texts) -> List {
    let values = T::ALL
        .iter()
        .map(|v| Value {
            code: v.as_str(),
            number: v.number(),
            doc: v.doc(),
            texts: match texts {
                Texts::Words => find_word(v.as_str()).map(|(nl, fr, en)| [nl, fr, en]),
                Texts::Templates => find_template(v.as_str()),
                Texts::None => None,
            },
        })
        .collect();
    List {
        name: T::NAME,
        values,
    }
}

/// One list, with its texts when it has them.
pub fn list<T: Coded>() -> List {
    lists()
        .into_iter()
        .find(|l| l.name == T::NAME)
        .unwrap_or_else(|| with_texts::<T>(Texts::None))
}

/// Every closed list of the engine (of this build: the wallet's with the feature `wallet`).
pub fn lists() -> Vec<List> {
    use crate::coded::NotEligibleBecause;
    use crate::coded::OwnershipChangePolicy;
    use crate::coded::StaffRole;
    use crate::*;
    use Texts::{None as Plain, Templates, Words};
    #[allow(unused_mut)] // the features `full-sme` and `wallet` add lists
    let mut all = vec![
        with_texts::<Lang>(Plain),
        with_texts::<Severity>(Plain),
        with_texts::<FindingGroup>(Words),
        with_texts::<FindingCode>(Templates),
        with_texts::<TraceStepName>(Templates),
        with_texts::<ProcedureStepName>(Words),
        with_texts::<InputErrorCode>(Plain),
        with_texts::<SizeClass>(Words),
        with_texts::<WalletClass>(Words),
        with_texts::<ServiceKind>(Words),
        with_texts::<Theme>(Words),
        with_texts::<Subtheme>(Words),
        with_texts::<ExcludedTopic>(Plain),
        with_texts::<LegalForm>(Plain),
        with_texts::<CostLineKind>(Words),
        with_texts::<NotEligibleBecause>(Words),
        with_texts::<OwnShareDeadline>(Plain),
        with_texts::<StaffRole>(Plain),
        with_texts::<OwnershipChangePolicy>(Plain),
    ];
    #[cfg(feature = "full-sme")]
    {
        use crate::coded::{ControlRight, EntityType, Relation};
        all.extend([
            with_texts::<EntityType>(Plain),
            with_texts::<ControlRight>(Plain),
            with_texts::<Relation>(Words),
        ]);
    }
    #[cfg(feature = "wallet")]
    all.extend([
        with_texts::<crate::coded::WalletErrorCode>(Templates),
        with_texts::<crate::coded::StatusKind>(Plain),
    ]);
    all
}

#[cfg(all(test, feature = "full-sme", feature = "wallet"))]
mod tests {
    use super::*;

    /// Every list's codes are distinct and numbered 1, 2, …; every value is documented; a list
    /// with texts has them for every value, in every language.
    #[test]
    fn every_list_is_whole() {
        for list in lists() {
            let mut codes: Vec<&str> = list.values.iter().map(|v| v.code).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), list.values.len(), "{}", list.name);
            for (i, v) in list.values.iter().enumerate() {
                assert_eq!(v.number as usize, i + 1, "{}::{}", list.name, v.code);
                assert!(
                    !v.doc.trim().is_empty(),
                    "{}::{} has no doc",
                    list.name,
                    v.code
                );
            }
            let with = list.values.iter().filter(|v| v.texts.is_some()).count();
            assert!(
                with == 0 || with == list.values.len(),
                "{}: {with} of {} values have texts",
                list.name,
                list.values.len()
            );
        }
    }
}
