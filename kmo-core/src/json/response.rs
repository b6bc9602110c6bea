//! The response document of an assessment, written field by field in key order straight into
//! one buffer (what serde_json writes for the same document, byte for byte; the tests compare
//! both).

use super::writer::k;
use super::writer::Out;
use crate::assess::{Assessment, ENGINE};
use crate::coded::Lang;
use crate::coded::OwnershipChangePolicy;
use crate::coded::{FindingCode, Severity};
use crate::findings::{Finding, TRACE_VERSION};
use crate::message::{Arg, Rendered};
#[cfg(feature = "full-sme")]
use crate::sme::summary::SmeSummary;

/// Where the JSON document is described: the reference of the unknown-field notice.
pub(crate) const JSON_REFERENCE: &str = "KMO-JSON";

/// Writes the response document of `a`: its messages in `lang`, then a warning for each of the
/// request's unknown fields (`ignored`).
pub(crate) fn write(a: &Assessment, lang: Lang, ignored: &[String], o: &mut Out<'_>) {
    let mut doc = o.object();
    doc.key(k!("aid")).money(a.aid);
    doc.key(k!("aid_before_ceiling"))
        .money(a.aid_before_ceiling);
    doc.key(k!("capped")).bool(a.capped);
    doc.key(k!("ceiling")).money(a.ceiling);
    doc.key(k!("ceiling_left")).money(a.ceiling_left);
    doc.key(k!("cost_lines")).list(&a.cost.lines, |o, l| {
        let mut line = o.object();
        line.key(k!("amount")).money(l.amount);
        line.key(k!("eligible")).money(l.eligible);
        line.key(k!("kind")).name(l.kind.as_str());
        line.key(k!("line"))
            .int(i64::try_from(l.index).unwrap_or(i64::MAX));
        line.key(k!("not_eligible_because"))
            .opt_name(l.because.map(|b| b.as_str()));
    });
    de_minimis(doc.key(k!("de_minimis")), a);
    deadlines(doc.key(k!("deadlines")), a);
    doc.key(k!("eligible")).bool(a.eligible);
    doc.key(k!("eligible_cost")).money(a.eligible_cost);
    doc.key(k!("engine")).name(ENGINE);
    findings(doc.key(k!("findings")), &a.findings, ignored, lang);
    doc.key(k!("invoiced")).money(a.invoiced);
    doc.key(k!("is_sme")).bool(a.is_sme);
    doc.key(k!("lang")).raw(lang.json_run());
    doc.key(k!("own_share")).money(a.own_share);
    policies(doc.key(k!("policies")), a);
    procedure(doc.key(k!("procedure")), a);
    doc.key(k!("public_share")).percent(a.public_share);
    doc.key(k!("rate")).percent(a.rate);
    registration(doc.key(k!("registration")), a);
    rulebook(doc.key(k!("rulebook")), a);
    doc.key(k!("size_class")).raw(a.size_class.json_run());
    doc.key(k!("small_mid_cap")).bool(a.small_mid_cap);
    #[cfg(feature = "full-sme")]
    sme_member(doc.key(k!("sme")), a.shown.sme.as_deref());
    #[cfg(not(feature = "full-sme"))]
    doc.key(k!("sme")).raw("null");
    trace(doc.key(k!("trace")), a, lang);
    doc.key(k!("trace_version")).int(TRACE_VERSION);
    doc.key(k!("vat")).money(a.vat);
    doc.key(k!("wallet_class"))
        .opt_name(a.wallet_class.map(|c| c.as_str()));
}

/// The `procedure` member: the steps of the procedure and their dates. The items of the two
/// long lists (this one and the trace) are written as runs of literals between their values
/// (keys in name order, as `Fields` writes them): fewer, longer copies. An item's closing and
/// the next one's opening (with a yes/no that leads it) are one run.
fn procedure(o: &mut Out<'_>, a: &Assessment) {
    for (i, p) in a.procedure.iter().enumerate() {
        // Each run copied by a call of its own: a copy of a length known when compiled.
        match (i == 0, p.approximate) {
            (true, false) => o.raw(r#"[{"approximate":false,"date":"#),
            (true, true) => o.raw(r#"[{"approximate":true,"date":"#),
            (false, false) => o.raw(r#"},{"approximate":false,"date":"#),
            (false, true) => o.raw(r#"},{"approximate":true,"date":"#),
        }
        o.date(p.date);
        o.raw(r#","ref":""#);
        o.bare(p.reference);
        o.raw(p.step.json_run());
        o.date(p.until);
    }
    if a.procedure.is_empty() {
        o.raw("[]");
    } else {
        o.raw("}]");
    }
}

/// The `trace` member: every step of the decision, its explanation in `lang`.
fn trace(o: &mut Out<'_>, a: &Assessment, lang: Lang) {
    for (i, t) in a.trace.iter().enumerate() {
        if i == 0 {
            o.raw(r#"[{"ref":""#);
        } else {
            o.raw(r#""},{"ref":""#);
        }
        o.bare(t.reference);
        o.raw(t.step.json_run());
        o.rendered_content(t.text_in(lang));
        o.raw(r#"","value":""#);
        o.arg_content(&t.value);
    }
    if a.trace.is_empty() {
        o.raw("[]");
    } else {
        o.raw(r#""}]"#);
    }
}

/// The `de_minimis` member: the test on the aid that would be granted, or `null`.
fn de_minimis(out: &mut Out<'_>, a: &Assessment) {
    match &a.de_minimis {
        Some(d) => {
            let mut dm = out.object();
            dm.key(k!("ceiling")).money(d.regime.ceiling);
            dm.key(k!("earlier")).money(d.earlier);
            dm.key(k!("exceeded")).bool(d.exceeded);
            dm.key(k!("period_end")).iso(d.period_end);
            dm.key(k!("period_start")).iso(d.period_start);
            dm.key(k!("regime")).name(d.regime.reference);
            dm.key(k!("total")).money(d.total);
        }
        None => out.raw("null"),
    }
}

/// The `deadlines` member.
fn deadlines(out: &mut Out<'_>, a: &Assessment) {
    let d = &a.deadlines;
    let mut deadlines = out.object();
    deadlines.key(k!("apply_by")).date(d.apply_by);
    deadlines.key(k!("complete_by")).iso(d.complete_by);
    deadlines
        .key(k!("pay_own_share_by"))
        .date(d.pay_own_share_by);
}

/// The `registration` member: the first time on the portal, or `null`.
fn registration(out: &mut Out<'_>, a: &Assessment) {
    match &a.registration {
        Some(p) => {
            let mut plan = out.object();
            plan.key(k!("apply_from")).iso(p.apply_from);
            plan.key(k!("apply_until")).date(p.apply_until);
            plan.key(k!("letter_after_deadline"))
                .bool(p.letter_after_deadline);
            plan.key(k!("letter_expected")).iso(p.letter_expected);
            plan.key(k!("link_expires_first"))
                .bool(p.link_expires_first);
            plan.key(k!("link_valid_until")).iso(p.link_valid_until);
            plan.key(k!("pay_own_share_by")).date(p.pay_own_share_by);
            plan.key(k!("register_by")).date(p.register_by);
            plan.key(k!("registered")).date(p.registered);
        }
        None => out.raw("null"),
    }
}

/// The `rulebook` member: the edition in force, or `null`.
fn rulebook(out: &mut Out<'_>, a: &Assessment) {
    match a.rulebook {
        Some(b) => {
            let mut book = out.object();
            book.key(k!("id")).name(b.id);
            book.key(k!("ref")).name(b.reference);
            book.key(k!("valid_from")).iso(b.valid_from);
        }
        None => out.raw("null"),
    }
}

/// Every finding (of an assessment, or a quick quote's blocking reasons), then a warning for
/// every unknown field of the request.
pub(super) fn findings(o: &mut Out<'_>, list: &[Finding], ignored: &[String], lang: Lang) {
    /// A finding written as runs of literals between its values (keys in name order, as
    /// `Fields` writes them), its opening one run with the previous finding's closing.
    fn finding(
        o: &mut Out<'_>,
        first: bool,
        code: &'static str,
        message: Rendered<'_>,
        path: Option<&str>,
        reference: &'static str,
        severity: Severity,
    ) {
        if first {
            o.raw(r#"[{"code":""#);
        } else {
            o.raw(r#""},{"code":""#);
        }
        o.bare(code);
        o.raw(r#"","message":""#);
        o.rendered_content(message);
        if let Some(p) = path {
            o.raw(r#"","path":"#);
            o.str(p);
            o.raw(r#","ref":""#);
        } else {
            o.raw(r#"","ref":""#);
        }
        o.bare(reference);
        // `","severity":"` and the name, one run (without its closing quote).
        o.raw(severity.json_run());
    }
    for (i, f) in list.iter().enumerate() {
        finding(
            o,
            i == 0,
            f.code.as_str(),
            f.message_in(lang),
            None,
            f.reference,
            f.severity,
        );
    }
    for (i, path) in ignored.iter().enumerate() {
        let code = FindingCode::UnknownFieldIgnored.as_str();
        let args = [Arg::from(path.clone())];
        finding(
            o,
            i == 0 && list.is_empty(),
            code,
            Rendered::of_finding(FindingCode::UnknownFieldIgnored, lang, &args),
            Some(path),
            JSON_REFERENCE,
            Severity::Warning,
        );
    }
    if list.is_empty() && ignored.is_empty() {
        o.raw("[]");
    } else {
        o.raw(r#""}]"#);
    }
}

/// The choices the assessment made where the law is silent.
fn policies(o: &mut Out<'_>, a: &Assessment) {
    #[cfg(feature = "full-sme")]
    let ownership = a
        .shown
        .sme
        .as_ref()
        .map_or(OwnershipChangePolicy::default(), |s| s.policy);
    #[cfg(not(feature = "full-sme"))]
    let ownership = OwnershipChangePolicy::default();
    let mut p = o.object();
    let out = p.key(k!("fiscal_year"));
    match a.shown.fiscal_year_end {
        Some(f) => out.show(f),
        None => out.name("calendar"),
    }
    p.key(k!("own_share_deadline"))
        .name(a.own_share_deadline.as_str());
    p.key(k!("ownership_change")).name(ownership.as_str());
    p.key(k!("rounding"))
        .name("once, to the cent, half away from zero");
}

/// The `sme` member: the full definition's periods (aggregated figures, raw class, status, and
/// each entity's weight at each closing), or `null` for a declared class or one period's
/// figures.
#[cfg(feature = "full-sme")]
pub(crate) fn sme_member(o: &mut Out<'_>, sme: Option<&SmeSummary>) {
    let Some(sme) = sme else {
        o.raw("null");
        return;
    };
    let mut doc = o.object();
    doc.key(k!("ownership_change")).name(sme.policy.as_str());
    doc.key(k!("periods")).list(&sme.periods, |o, p| {
        let f = &p.figures;
        let mut period = o.object();
        period
            .key(k!("balance_sheet"))
            .exact_amount(f.balance_sheet);
        period.key(k!("closing_date")).date(p.closing_date);
        period
            .key(k!("contributions"))
            .list(&p.contributions, |o, (id, relation, weight)| {
                let mut item = o.object();
                item.key(k!("id")).str(id);
                item.key(k!("ref")).name(relation.reference());
                item.key(k!("relation")).name(relation.as_str());
                item.key(k!("weight")).decimal(*weight);
            });
        period.key(k!("estimate")).bool(p.estimate);
        period.key(k!("public_share")).percent(p.public_share);
        period.key(k!("raw_class")).name(p.raw.as_str());
        period.key(k!("staff_awu")).decimal(f.staff);
        period.key(k!("status_class")).name(p.status.as_str());
        period.key(k!("turnover")).exact_amount(f.turnover);
    });
    doc.key(k!("prior_class"))
        .opt_name(sme.prior.map(|c| c.as_str()));
}

#[cfg(test)]
mod tests {
    /// The names written without escaping (`Out::name`) need none.
    #[test]
    fn names_need_no_escaping() {
        let clean = |t: &str| !t.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
        for code in crate::coded::FindingCode::ALL {
            assert!(clean(code.as_str()));
        }
        for book in crate::kmo::rulebook::RULEBOOKS {
            assert!(clean(book.id) && clean(book.reference), "{}", book.id);
        }
        assert!(clean(crate::assess::ENGINE) && clean(super::JSON_REFERENCE));
        for class in crate::coded::WalletClass::ALL {
            assert!(clean(class.as_str()));
        }
        for class in crate::coded::SizeClass::ALL {
            assert!(clean(class.as_str()));
        }
        for because in crate::coded::NotEligibleBecause::ALL {
            assert!(clean(because.as_str()));
        }
    }

    /// The language and the size class are written as their codes, quoted; a severity's run
    /// is its key and its name.
    #[test]
    fn quoted_codes_and_severity_runs() {
        for lang in crate::coded::Lang::ALL {
            assert_eq!(lang.json_run(), format!("\"{}\"", lang.as_str()));
        }
        for class in crate::coded::SizeClass::ALL {
            assert_eq!(class.json_run(), format!("\"{}\"", class.as_str()));
        }
        for s in crate::coded::Severity::ALL {
            assert_eq!(s.json_run(), format!(r#"","severity":"{}"#, s.as_str()));
        }
    }

    /// A procedure step's run is its key, its name and the next key.
    #[test]
    fn procedure_step_runs() {
        for step in crate::coded::ProcedureStepName::ALL {
            assert_eq!(
                step.json_run(),
                format!(r#"","step":"{}","until":"#, step.as_str())
            );
        }
    }

    /// A step's run is its key, its name and the next key.
    #[test]
    fn step_runs() {
        for step in crate::coded::TraceStepName::ALL {
            assert_eq!(
                step.json_run(),
                format!(r#"","step":"{}","text":""#, step.as_str())
            );
        }
    }

    /// The findings' list opens and closes right with no finding, with only unknown fields,
    /// and with both (an item's closing is written with the next one's opening).
    #[test]
    fn findings_lists() {
        use super::{findings, Out};
        use crate::coded::Lang;
        let write = |ignored: &[String]| {
            let mut out = Vec::new();
            findings(&mut Out(&mut out), &[], ignored, Lang::Nl);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(write(&[]), "[]");
        for n in 1..=2 {
            let ignored: Vec<String> = (0..n).map(|i| format!("x{i}\"")).collect();
            let v: serde_json::Value = serde_json::from_str(&write(&ignored)).unwrap();
            let list = v.as_array().unwrap();
            assert_eq!(list.len(), n);
            for (item, path) in list.iter().zip(&ignored) {
                assert_eq!(item["code"], "UNKNOWN_FIELD_IGNORED");
                assert_eq!(item["path"], path.as_str());
                assert_eq!(item["severity"], "warning");
            }
        }
    }
}
