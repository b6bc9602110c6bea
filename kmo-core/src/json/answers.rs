//! The engine's answers read back (feature `serde`): the response document as an
//! [`Assessment`], and the answers of the wallet's operations. The engine only writes these
//! documents; the serde form of an answer is its document, so reading one back is reading what
//! this writer wrote: every field present, of its type, every code known, and each message the
//! text this engine writes for its values in the document's language (read back through the
//! message's template, [`unrender`]). What the document does not carry cannot be read: an
//! assessment is read back equal to the one written, when it was written by this version of the
//! engine.

use time::Date;

use super::fields::{array, boolean, code, fiscal_year_end, money, percent, string, Obj};
use super::reader::Node;
use super::response::JSON_REFERENCE;
use crate::assess::{Assessment, Shown};
use crate::coded::Lang;
use crate::coded::{CostLineKind, NotEligibleBecause};
use crate::coded::{FindingCode, Severity, TraceStepName};
use crate::coded::{OwnShareDeadline, ProcedureStepName};
use crate::coded::{SizeClass, WalletClass};
use crate::error::{clip, InputError, InputErrorCode as E};
use crate::findings::{Finding, TraceStep, TRACE_VERSION};
use crate::kmo::cost::{CostBreakdown, LineOutcome};
use crate::kmo::de_minimis::{DeMinimisCheck, Regime, REGIMES};
use crate::kmo::deadlines::{DeadlineSet, ProcedureStep, RegistrationPlan};
use crate::kmo::rulebook::{Rulebook, RULEBOOKS};
use crate::message::{unrender, value_of, Arg, Kind};

/// A date of an answer: in the years of the dates the engine writes
/// ([`MAX_ANSWER_YEAR`](crate::units::MAX_ANSWER_YEAR)), so that a deadline counted from a
/// date of 2199 is read back.
pub(crate) fn date(v: &Node<'_>, path: &str) -> Result<Date, InputError> {
    code(v, path, crate::units::parse_answer_date)
}

/// A value this engine does not write there: `INCONSISTENT_INPUT` at `path`.
pub(crate) fn not_ours(path: impl Into<String>, value: &str) -> InputError {
    InputError::new(
        E::InconsistentInput,
        path,
        "err_not_this_engine",
        vec![clip(value).into()],
    )
}

/// The kinds of the values each message shows, by key (a finding code or a trace step): how
/// its text is read back. A key not listed is read by the shape of its values
/// ([`Kind::Any`]); the golden suite holds the list to what the engine writes.
const SHOWS: &[(&str, &[Kind])] = {
    use Kind::*;
    &[
        ("NO_RULEBOOK_FOR_DATE", &[Date]),
        ("PUBLIC_PARTICIPATION", &[Percent]),
        ("LEGAL_FORM_NOT_ELIGIBLE", &[Text]),
        ("MAIN_ACTIVITY_EXCLUDED", &[Nace]),
        ("PROVIDER_NOT_REGISTERED_FOR_SERVICE", &[Text, Word, Word]),
        ("EXCLUDED_TOPIC", &[Text]),
        ("APPLICATION_TOO_LATE", &[Date, Date]),
        ("COST_BELOW_MINIMUM", &[Money, Money]),
        ("CEILING_EXHAUSTED", &[Money, Int]),
        ("DE_MINIMIS_EXCEEDED", &[Money, Money, Money]),
        ("AID_CAPPED_BY_CEILING", &[Money, Money, Money]),
        ("UPLIFT_APPLIED", &[Word, Int]),
        ("SIZE_CLASS_FIXED_FOR_YEAR", &[Int, Word, Word]),
        ("THEME_NOT_IN_FORCE", &[Text, Date]),
        ("SUBTHEME_NOT_IN_FORCE", &[Word, Date]),
        ("SUBTHEME_OF_OTHER_THEME", &[Word, Word, Word]),
        ("EXCLUDED_TOPIC_NOT_IN_FORCE", &[Text, Date]),
        ("SERVICE_STARTS_AFTER_COMPLETION_DEADLINE", &[Date, Date]),
        ("MAIN_ACTIVITY_NOT_VERIFIED", &[Nace]),
        ("COST_ITEM_NOT_ELIGIBLE", &[Int, Word, Money, Money, Word]),
        ("CATERING_CAPPED", &[Int, Money]),
        ("RULEBOOK_UNCERTAIN", &[Word]),
        ("TWO_PERIOD_RULE_APPLIED", &[Word, Word]),
        ("UNKNOWN_FIELD_IGNORED", &[Text]),
        ("BOUNDARY_DAY_CHOICE", &[Date, Word]),
        ("DE_MINIMIS_REGULATION_EXPIRED", &[Date]),
        // The last day to register, or a word where there is no start date.
        ("FIRST_TIME_REGISTRATION", &[Any, Date, Date]),
        (
            "ACTIVATION_LETTER_AFTER_DEADLINE",
            &[Date, Date, Date, Date],
        ),
        ("ACTIVATION_LINK_EXPIRES_FIRST", &[Date, Date]),
        ("MARKET_NOT_GIVEN", &[Text, Text]),
        ("BUSINESS_ANGEL_AT_LIMIT", &[Text, Money]),
        ("rulebook", &[Date, Text, Text]),
        ("size_class", &[Word, Word]),
        (
            "sme_period",
            &[DateOrText, Decimal, Decimal, Decimal, Word, Word],
        ),
        ("sme_weight", &[Text, Word, Decimal]),
        ("sme_not_added", &[Text, Word]),
        ("wallet_class", &[Word]),
        ("eligible_cost", &[Money, Money]),
        ("minimum_cost", &[Money]),
        ("rate", &[Percent, Percent, Int]),
        ("aid_before_ceiling", &[Percent, Money, Decimal, Money]),
        ("ceiling", &[Int, Money, Money, Money]),
        ("aid", &[Money]),
        ("own_share", &[Money, Money, Money, Word]),
        ("vat", &[Percent, Money, Money]),
        ("de_minimis", &[Date, Date, Money, Money, Money]),
        ("apply_by", &[Date, Date]),
        ("register_by", &[Date, Date]),
        ("pay_own_share_by", &[Date, Word]),
        ("complete_by", &[Date]),
        ("eligibility", &[Word]),
    ]
};

/// The kind of each trace step's `value`.
const VALUES: &[(&str, Kind)] = &[
    ("rulebook", Kind::Text),
    ("size_class", Kind::Text),
    ("sme_period", Kind::Text),
    ("sme_weight", Kind::Decimal),
    ("sme_not_added", Kind::Decimal),
    ("wallet_class", Kind::Text),
    ("eligible_cost", Kind::Money),
    ("minimum_cost", Kind::Money),
    ("rate", Kind::Percent),
    ("aid_before_ceiling", Kind::Money),
    ("ceiling", Kind::Money),
    ("aid", Kind::Money),
    ("own_share", Kind::Money),
    ("vat", Kind::Money),
    ("de_minimis", Kind::Money),
    ("apply_by", Kind::Date),
    ("register_by", Kind::Date),
    ("pay_own_share_by", Kind::Date),
    ("complete_by", Kind::Date),
    ("eligibility", Kind::Text),
];

/// The values of message `key` written as `text` in `lang`: as many as its template shows, of
/// the kinds [`SHOWS`] lists.
fn message_args(key: &str, lang: Lang, text: &str) -> Option<Vec<Arg>> {
    match SHOWS.iter().find(|(k, _)| *k == key) {
        Some((_, kinds)) => unrender(key, lang, text, kinds),
        // A message without values, or one not listed: as many values as it shows, read by
        // their shape.
        None => (0..=6).find_map(|n| unrender(key, lang, text, &vec![Kind::Any; n])),
    }
}

/// The references the engine cites outside its tables (the rulebooks, the de minimis regimes
/// and the relations of the SME definition are searched too).
const REFERENCES: &[&str] = &[
    "BVR-2016",
    "BVR-2016 art. 4",
    "BVR-2016 art. 9",
    "BVR-2016 art. 16",
    "BVR-2016 art. 18",
    "BVR-2016 art. 18; MB-2019",
    "BVR-2022",
    "BVR-2025",
    "BVR-2025; BVR-2016 art. 4, art. 7",
    "BVR-2026",
    "MB-2016",
    "MB-2016 art. 1",
    "MB-2016 art. 3",
    "MB-2019",
    "MB-2021",
    "MB-2023",
    "MB-2023; VR-2026-01-23",
    "VR-2026-01-23",
    "REC-2003/361 art. 2",
    "REC-2003/361 art. 2(1)",
    "REC-2003/361 art. 2(2)",
    "REC-2003/361 art. 2(3)",
    "REC-2003/361 art. 3(4)",
    "REC-2003/361 art. 4(2)",
    "REC-2003/361 art. 4(2), art. 6",
    "REC-2003/361 art. 4(3)",
    crate::sme::small_mid_cap::REFERENCE,
    crate::kmo::cost::REFERENCE,
    JSON_REFERENCE,
    "[3p]",
    "BVR-2016 art. 16; [choice]",
    "BVR-2016 art. 18; [choice]",
    "BVR-2016 art. 18; [official]",
    "DEMINIMIS-1407",
    "DEMINIMIS-1407; [choice]",
    "DEMINIMIS-2831",
    "DEMINIMIS-2831; [choice]",
    "MB-2016 art. 1; [choice]",
    "MB-2016 art. 3; [3p]",
    "MB-2016 art. 3; [choice]",
    "MB-2021; [choice]",
    "MB-2023; [choice]",
    "REC-2003/361 art. 3(2)",
    "REC-2003/361 art. 3(2), art. 6(2)",
    "REC-2003/361 art. 3(3), art. 6(2)",
    "REC-2003/361 art. 3(3); SME-GUIDE-2020",
    "REC-2003/361 art. 3(2); [choice]",
    "REC-2003/361 art. 3(4); [choice]",
    "REC-2003/361 art. 6(2)",
    "REC-2003/361 art. 6(3)",
    "REC-2025/1099",
    "[3p]; [choice]",
    "[choice]",
    "[official]",
    crate::kmo::deadlines::APPLY_BY_REFERENCE,
    crate::kmo::eligibility::SUBTHEME_OF_OTHER_THEME_REFERENCE,
];

/// The engine's own text of a reference (references are `&'static str`).
fn reference(text: &str, path: String) -> Result<&'static str, InputError> {
    let books = RULEBOOKS.iter().flat_map(|b| {
        [
            Some(b.reference),
            Some(b.rates.reference),
            Some(b.minimums.reference),
            b.themes_required,
            b.excluded_topics,
            b.maatwerkbedrijf,
            b.advice_only_cybersecurity,
        ]
        .into_iter()
        .flatten()
        .chain(b.uplifts.iter().map(|u| u.reference))
    });
    let regimes = REGIMES.iter().map(|r| r.reference);
    let relations = relations::Known::ALL.iter().map(|r| r.reference());
    books
        .chain(regimes)
        .chain(relations)
        .chain(REFERENCES.iter().copied())
        .find(|r| *r == text)
        .ok_or_else(|| not_ours(path, text))
}

/// The relations of the SME definition.
#[cfg(feature = "full-sme")]
mod relations {
    pub(super) use crate::coded::Relation as Known;
}

#[cfg(not(feature = "full-sme"))]
mod relations {
    /// No relations without the full SME definition.
    pub(super) enum Known {}

    impl Known {
        pub(super) const ALL: &'static [Known] = &[];

        pub(super) fn reference(&self) -> &'static str {
            match *self {}
        }
    }
}

/// A whole number (`line`, `id`, `year`, `trace_version`) as the writer writes it.
fn int(v: &Node<'_>, path: &str) -> Result<i64, InputError> {
    match v {
        Node::Number(n) => n.parse().map_err(|_| not_ours(path, n)),
        other => Err(super::fields::wrong(other, path, "a whole number")),
    }
}

/// A figure (a decimal string without trailing zeros).
#[cfg(feature = "full-sme")]
fn decimal(v: &Node<'_>, path: &str) -> Result<rust_decimal::Decimal, InputError> {
    let text = string(v, path)?;
    crate::message::exact_decimal(text).ok_or_else(|| not_ours(path, text))
}

/// The first registration on the portal, planned (`registration`).
fn registration(v: &Node<'_>, path: &str) -> Result<RegistrationPlan, InputError> {
    let p = Obj::at(v, path.to_string())?;
    Ok(RegistrationPlan {
        registered: p.opt("registered", date)?,
        register_by: p.opt("register_by", date)?,
        letter_expected: p.req("letter_expected", date)?,
        link_valid_until: p.req("link_valid_until", date)?,
        apply_from: p.req("apply_from", date)?,
        apply_until: p.opt("apply_until", date)?,
        pay_own_share_by: p.opt("pay_own_share_by", date)?,
        letter_after_deadline: p.req("letter_after_deadline", boolean)?,
        link_expires_first: p.req("link_expires_first", boolean)?,
    })
}

/// Reads the response document into the assessment it was written from.
pub(crate) fn assessment(value: &Node<'_>) -> Result<Assessment, InputError> {
    let o = Obj::root(value, "the response")?;
    assessment_at(&o)
}

/// The assessment of a response object (also inside a wallet's answers).
pub(crate) fn assessment_at(o: &Obj<'_>) -> Result<Assessment, InputError> {
    let lang = o.req("lang", |v, p| code(v, p, Lang::parse))?;
    let version = o.req("trace_version", int)?;
    if version != i64::from(TRACE_VERSION) {
        return Err(not_ours(o.child("trace_version"), &version.to_string()));
    }
    o.req("engine", |v, p| string(v, p).map(str::to_string))?;
    let (findings, ignored) = findings(o, lang)?;
    let policies = o.obj("policies")?;
    let deadlines = o.obj("deadlines")?;
    let eligible_cost = o.req("eligible_cost", money)?;
    let invoiced = o.req("invoiced", money)?;
    let shown = Shown {
        ignored,
        fiscal_year_end: policies.req("fiscal_year", |v, p| match v.as_str() {
            Some("calendar") => Ok(None),
            _ => fiscal_year_end(v, p).map(Some),
        })?,
        #[cfg(feature = "full-sme")]
        sme: o.opt("sme", |v, p| sme::summary(v, p).map(std::sync::Arc::new))?,
        owners: Default::default(),
    };
    #[cfg(not(feature = "full-sme"))]
    if o.has("sme") {
        return Err(not_ours(o.child("sme"), "sme"));
    }
    #[cfg(feature = "full-sme")]
    let ownership = shown.sme.as_ref().map(|s| s.policy).unwrap_or_default();
    #[cfg(not(feature = "full-sme"))]
    let ownership = crate::sme::periods::OwnershipChangePolicy::default();
    let written = policies.req("ownership_change", |v, p| {
        code(v, p, crate::coded::OwnershipChangePolicy::parse)
    })?;
    if written != ownership {
        return Err(not_ours(
            policies.child("ownership_change"),
            written.as_str(),
        ));
    }
    Ok(Assessment {
        eligible: o.req("eligible", boolean)?,
        size_class: o.req("size_class", |v, p| code(v, p, SizeClass::parse))?,
        is_sme: o.req("is_sme", boolean)?,
        small_mid_cap: o.req("small_mid_cap", boolean)?,
        public_share: o.req("public_share", percent)?,
        wallet_class: o.opt("wallet_class", |v, p| code(v, p, WalletClass::parse))?,
        rate: o.req("rate", percent)?,
        eligible_cost,
        invoiced,
        aid_before_ceiling: o.req("aid_before_ceiling", money)?,
        aid: o.req("aid", money)?,
        own_share: o.req("own_share", money)?,
        vat: o.req("vat", money)?,
        ceiling: o.req("ceiling", money)?,
        ceiling_left: o.req("ceiling_left", money)?,
        capped: o.req("capped", boolean)?,
        deadlines: DeadlineSet {
            apply_by: deadlines.opt("apply_by", date)?,
            pay_own_share_by: deadlines.opt("pay_own_share_by", date)?,
            complete_by: deadlines.req("complete_by", date)?,
        },
        procedure: procedure_steps(o)?,
        registration: o.opt("registration", registration)?,
        findings,
        trace: trace(o, lang)?,
        rulebook: o.opt("rulebook", rulebook)?,
        own_share_deadline: policies.req("own_share_deadline", |v, p| {
            code(v, p, OwnShareDeadline::parse)
        })?,
        de_minimis: o.opt("de_minimis", de_minimis)?,
        cost: CostBreakdown {
            eligible: eligible_cost,
            invoiced,
            lines: cost_lines(o)?,
        },
        lang,
        shown,
    })
}

/// The findings, and the request's unknown fields (the warnings with a `path`).
fn findings(o: &Obj<'_>, lang: Lang) -> Result<(Vec<Finding>, Vec<String>), InputError> {
    let mut findings = Vec::new();
    let mut ignored = Vec::new();
    for (i, item) in o.req("findings", array)?.iter().enumerate() {
        let f = Obj::at(item, o.item_path("findings", i))?;
        let finding_code = f.req("code", |v, p| code(v, p, FindingCode::parse))?;
        let severity = f.req("severity", |v, p| code(v, p, Severity::parse))?;
        // Every finding of a code has the severity the catalogue declares for it.
        if severity != finding_code.severity() {
            return Err(not_ours(f.child("severity"), severity.as_str()));
        }
        let message = f.req("message", |v, p| string(v, p).map(str::to_string))?;
        let path = f.opt("path", |v, p| string(v, p).map(str::to_string))?;
        let cited = f.req("ref", |v, p| string(v, p).map(str::to_string))?;
        let reference = reference(&cited, f.child("ref"))?;
        let args = message_args(finding_code.as_str(), lang, &message)
            .ok_or_else(|| not_ours(f.child("message"), &message))?;
        match path {
            Some(path) => {
                let expected = [Arg::from(path.clone())];
                if finding_code != FindingCode::UnknownFieldIgnored
                    || reference != JSON_REFERENCE
                    || args != expected
                {
                    return Err(not_ours(f.child("path"), &path));
                }
                ignored.push(path);
            }
            None => findings.push(Finding::new(finding_code, severity, reference, args)),
        }
    }
    Ok((findings, ignored))
}

fn trace(o: &Obj<'_>, lang: Lang) -> Result<Vec<TraceStep>, InputError> {
    o.req("trace", array)?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let s = Obj::at(item, o.item_path("trace", i))?;
            let name = s.req("step", |v, p| string(v, p).map(str::to_string))?;
            let step = TraceStepName::parse(&name).map_err(|_| not_ours(s.child("step"), &name))?;
            let cited = s.req("ref", |v, p| string(v, p).map(str::to_string))?;
            let reference = reference(&cited, s.child("ref"))?;
            let text = s.req("text", |v, p| string(v, p).map(str::to_string))?;
            let args = message_args(step.as_str(), lang, &text)
                .ok_or_else(|| not_ours(s.child("text"), &text))?;
            let written = s.req("value", |v, p| string(v, p).map(str::to_string))?;
            let kind = VALUES
                .iter()
                .find(|(k, _)| *k == step.as_str())
                .map_or(Kind::Any, |(_, kind)| *kind);
            // A value is written as it is: a word as its key.
            let value = value_of(kind, &written)
                .filter(|v| v.to_string() == written)
                .ok_or_else(|| not_ours(s.child("value"), &written))?;
            Ok(TraceStep {
                step,
                reference,
                value,
                args: args.into(),
            })
        })
        .collect()
}

fn procedure_steps(o: &Obj<'_>) -> Result<Vec<ProcedureStep>, InputError> {
    o.req("procedure", array)?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let s = Obj::at(item, o.item_path("procedure", i))?;
            let name = s.req("step", |v, p| string(v, p).map(str::to_string))?;
            let cited = s.req("ref", |v, p| string(v, p).map(str::to_string))?;
            let step =
                ProcedureStepName::parse(&name).map_err(|_| not_ours(s.child("step"), &name))?;
            Ok(ProcedureStep {
                step,
                date: s.opt("date", date)?,
                until: s.opt("until", date)?,
                approximate: s.req("approximate", boolean)?,
                reference: reference(&cited, s.child("ref"))?,
            })
        })
        .collect()
}

fn rulebook(v: &Node<'_>, path: &str) -> Result<&'static Rulebook, InputError> {
    let o = Obj::at(v, path.to_string())?;
    let id = o.req("id", |v, p| string(v, p).map(str::to_string))?;
    let book = RULEBOOKS
        .iter()
        .find(|b| b.id == id)
        .ok_or_else(|| not_ours(o.child("id"), &id))?;
    let cited = o.req("ref", |v, p| string(v, p).map(str::to_string))?;
    if cited != book.reference {
        return Err(not_ours(o.child("ref"), &cited));
    }
    let from: Date = o.req("valid_from", date)?;
    if from != book.valid_from {
        return Err(not_ours(o.child("valid_from"), &from.to_string()));
    }
    Ok(book)
}

fn de_minimis(v: &Node<'_>, path: &str) -> Result<DeMinimisCheck, InputError> {
    let o = Obj::at(v, path.to_string())?;
    let cited = o.req("regime", |v, p| string(v, p).map(str::to_string))?;
    let ceiling = o.req("ceiling", money)?;
    let regime: &'static Regime = REGIMES
        .iter()
        .find(|r| r.reference == cited && r.ceiling == ceiling)
        .ok_or_else(|| not_ours(o.child("regime"), &cited))?;
    Ok(DeMinimisCheck {
        regime,
        period_start: o.req("period_start", date)?,
        period_end: o.req("period_end", date)?,
        earlier: o.req("earlier", money)?,
        total: o.req("total", money)?,
        exceeded: o.req("exceeded", boolean)?,
    })
}

fn cost_lines(o: &Obj<'_>) -> Result<Vec<LineOutcome>, InputError> {
    o.req("cost_lines", array)?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let l = Obj::at(item, o.item_path("cost_lines", i))?;
            let index = l.req("line", int)?;
            Ok(LineOutcome {
                index: usize::try_from(index)
                    .map_err(|_| not_ours(l.child("line"), &index.to_string()))?,
                kind: l.req("kind", |v, p| code(v, p, CostLineKind::parse))?,
                amount: l.req("amount", money)?,
                eligible: l.req("eligible", money)?,
                because: l.opt("not_eligible_because", |v, p| {
                    let text = string(v, p)?;
                    NotEligibleBecause::parse(text).map_err(|_| not_ours(p, text))
                })?,
            })
        })
        .collect()
}

/// The `sme` member: the full definition's periods.
#[cfg(feature = "full-sme")]
mod sme {
    use super::{array, boolean, code, date, decimal, not_ours, percent, string, Node, Obj};
    use crate::coded::OwnershipChangePolicy;
    use crate::coded::SizeClass;
    use crate::error::InputError;
    use crate::sme::summary::{PeriodSummary, SmeSummary};
    use crate::sme::thresholds::ExactFigures;

    pub(super) fn summary(v: &Node<'_>, path: &str) -> Result<SmeSummary, InputError> {
        let o = Obj::at(v, path.to_string())?;
        let periods = o
            .req("periods", array)?
            .iter()
            .enumerate()
            .map(|(i, item)| period(item, o.item_path("periods", i)))
            .collect::<Result<_, _>>()?;
        Ok(SmeSummary {
            policy: o.req("ownership_change", |v, p| {
                code(v, p, OwnershipChangePolicy::parse)
            })?,
            prior: o.opt("prior_class", |v, p| code(v, p, SizeClass::parse))?,
            periods,
        })
    }

    fn period(v: &Node<'_>, path: String) -> Result<PeriodSummary, InputError> {
        let p = Obj::at(v, path)?;
        let contributions = p
            .req("contributions", array)?
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let c = Obj::at(item, p.item_path("contributions", i))?;
                let written = c.req("relation", |v, p| string(v, p).map(str::to_string))?;
                let relation = crate::sme::relations::Relation::parse(&written)
                    .map_err(|_| not_ours(c.child("relation"), &written))?;
                let cited = c.req("ref", |v, p| string(v, p).map(str::to_string))?;
                if cited != relation.reference() {
                    return Err(not_ours(c.child("ref"), &cited));
                }
                Ok((
                    c.req("id", |v, p| string(v, p).map(str::to_string))?,
                    relation,
                    c.req("weight", decimal)?,
                ))
            })
            .collect::<Result<_, InputError>>()?;
        Ok(PeriodSummary {
            closing_date: p.opt("closing_date", date)?,
            estimate: p.req("estimate", boolean)?,
            raw: p.req("raw_class", |v, p| code(v, p, SizeClass::parse))?,
            status: p.req("status_class", |v, p| code(v, p, SizeClass::parse))?,
            figures: ExactFigures {
                staff: p.req("staff_awu", decimal)?,
                turnover: p.req("turnover", decimal)?,
                balance_sheet: p.req("balance_sheet", decimal)?,
            },
            public_share: p.req("public_share", percent)?,
            contributions,
        })
    }
}

/// The wallet's answers.
#[cfg(feature = "wallet")]
pub(crate) mod wallet {
    use super::{array, assessment_at, boolean, date, int, money, not_ours, Node, Obj};
    use crate::coded::SizeClass;
    use crate::error::InputError;
    use crate::json::fields::code;
    use crate::units::Money;
    use crate::wallet::{Applied, Payment, Plan, PlanItem, Release, Settlement, Stop, YearBudget};

    /// An application's number (`id`, an item of `lapsed`).
    fn id(v: &Node<'_>, path: &str) -> Result<u32, InputError> {
        let id = int(v, path)?;
        u32::try_from(id).map_err(|_| not_ours(path, &id.to_string()))
    }

    /// The applications an operation let lapse first: `[2, 5]`.
    fn lapsed(o: &Obj<'_>) -> Result<Vec<u32>, InputError> {
        o.req("lapsed", array)?
            .iter()
            .enumerate()
            .map(|(i, item)| id(item, &o.item_path("lapsed", i)))
            .collect()
    }

    /// `{"assessment", "id", "lapsed", "recorded"}`.
    pub(crate) fn applied(v: &Node<'_>) -> Result<Applied, InputError> {
        let o = Obj::root(v, "the response")?;
        Ok(Applied {
            id: o.req("id", id)?,
            recorded: o.req("recorded", boolean)?,
            assessment: assessment_at(&o.obj("assessment")?)?,
            lapsed: lapsed(&o)?,
        })
    }

    /// `{"items": [{"assessment", "better_next_year"}], "years", "years_before"}`.
    pub(crate) fn plan(v: &Node<'_>) -> Result<Plan, InputError> {
        let o = Obj::root(v, "the response")?;
        let items = o
            .req("items", array)?
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let it = Obj::at(item, o.item_path("items", index))?;
                let better = match it.opt_obj("better_next_year")? {
                    Some(b) => Some((b.req("application_date", date)?, b.req("aid", money)?)),
                    None => None,
                };
                Ok(PlanItem {
                    index,
                    assessment: assessment_at(&it.obj("assessment")?)?,
                    better_next_year: better,
                })
            })
            .collect::<Result<_, InputError>>()?;
        Ok(Plan {
            items,
            years: years(&o, "years")?,
            years_before: years(&o, "years_before")?,
            lapsed: lapsed(&o)?,
        })
    }

    fn years(o: &Obj<'_>, key: &str) -> Result<Vec<YearBudget>, InputError> {
        o.req(key, array)?
            .iter()
            .enumerate()
            .map(|(i, item)| year_at(item, o.item_path(key, i)))
            .collect()
    }

    /// `{"ceiling", "counted", "left", "size_class", "year"}`.
    pub(crate) fn year(v: &Node<'_>) -> Result<YearBudget, InputError> {
        year_at(v, String::new())
    }

    fn year_at(v: &Node<'_>, path: String) -> Result<YearBudget, InputError> {
        let y = Obj::at(v, path)?;
        let year = y.req("year", int)?;
        Ok(YearBudget {
            year: i32::try_from(year).map_err(|_| not_ours(y.child("year"), &year.to_string()))?,
            size_class: y.opt("size_class", |v, p| code(v, p, SizeClass::parse))?,
            ceiling: y.req("ceiling", money)?,
            counted: y.req("counted", money)?,
            left: y.req("left", money)?,
        })
    }

    /// `{"due", "lapsed"}`.
    pub(crate) fn payment(v: &Node<'_>) -> Result<Payment, InputError> {
        let o = Obj::root(v, "the response")?;
        Ok(Payment {
            due: o.req("due", money)?,
            lapsed: lapsed(&o)?,
        })
    }

    /// `{"available", "lapsed"}`.
    pub(crate) fn release(v: &Node<'_>) -> Result<Release, InputError> {
        let o = Obj::root(v, "the response")?;
        Ok(Release {
            available: o.req("available", money)?,
            lapsed: lapsed(&o)?,
        })
    }

    /// A settlement with `lapsed`.
    pub(crate) fn stop(v: &Node<'_>) -> Result<Stop, InputError> {
        let o = Obj::root(v, "the response")?;
        Ok(Stop {
            settlement: settlement_at(&o)?,
            lapsed: lapsed(&o)?,
        })
    }

    /// `{"aid_returned", "aid_used", "own_share_used", "refund"}`.
    pub(crate) fn settlement(v: &Node<'_>) -> Result<Settlement, InputError> {
        settlement_at(&Obj::root(v, "the response")?)
    }

    fn settlement_at(o: &Obj<'_>) -> Result<Settlement, InputError> {
        let amount = |key: &str| -> Result<Money, InputError> { o.req(key, money) };
        Ok(Settlement {
            own_share_used: amount("own_share_used")?,
            aid_used: amount("aid_used")?,
            refund: amount("refund")?,
            aid_returned: amount("aid_returned")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{SHOWS, VALUES};
    use crate::coded::FindingCode;
    use crate::message::message_keys;

    /// Every finding and trace step that shows values says how they are read back, as many as
    /// its message shows: a new one is added to `SHOWS` (and a step to `VALUES`).
    #[test]
    fn every_message_with_values_is_listed() {
        for (key, shows) in message_keys() {
            let finding = FindingCode::parse(key).is_ok();
            let step = key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                && !key.starts_with("err_");
            if !finding && !step {
                continue;
            }
            let listed = SHOWS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, kinds)| kinds.len());
            assert_eq!(
                listed.unwrap_or(0),
                shows,
                "{key}: list the kinds of its {shows} values in SHOWS"
            );
            if step {
                assert!(
                    VALUES.iter().any(|(k, _)| *k == key),
                    "{key}: list the kind of its value in VALUES"
                );
            }
        }
        let listed = SHOWS
            .iter()
            .map(|(k, _)| *k)
            .chain(VALUES.iter().map(|(k, _)| *k));
        for key in listed {
            assert!(
                message_keys().any(|(k, _)| k == key),
                "{key} is not a message"
            );
        }
    }
}
