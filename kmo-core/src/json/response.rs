//! The response document of an assessment, written field by field in key order straight into
//! one buffer (what serde_json writes for the same document, byte for byte; the tests compare
//! both).

use super::request::ParsedRequest;
use super::writer::Out;
use crate::application::SizeInput;
use crate::assess::{Assessment, ENGINE};
use crate::findings::{FindingCode, Severity, TRACE_VERSION};
use crate::message::{Arg, Lang, Rendered};
use crate::sme::definition::SmeDefinition;
use crate::sme::periods::OwnershipChangePolicy;

/// Where the JSON document is described: the reference of the unknown-field notice.
pub(crate) const JSON_REFERENCE: &str = "KMO-JSON";

/// Writes the response document of `a`, assessed for `request`.
pub(crate) fn write(a: &Assessment, request: &ParsedRequest, o: &mut Out<'_>) {
    let lang = request.lang;
    let mut doc = o.object();
    doc.key("aid").money(a.aid);
    doc.key("aid_before_ceiling").money(a.aid_before_ceiling);
    doc.key("capped").bool(a.capped);
    doc.key("ceiling").money(a.ceiling);
    doc.key("ceiling_left").money(a.ceiling_left);
    doc.key("cost_lines").list(&a.cost.lines, |o, l| {
        let mut line = o.object();
        line.key("amount").money(l.amount);
        line.key("eligible").money(l.eligible);
        line.key("kind").name(l.kind.as_str());
        line.key("line")
            .int(i64::try_from(l.index).unwrap_or(i64::MAX));
        line.key("not_eligible_because")
            .opt_str(l.because.map(|b| b.as_str()));
    });
    let out = doc.key("de_minimis");
    match &a.de_minimis {
        Some(d) => {
            let mut dm = out.object();
            dm.key("ceiling").money(d.regime.ceiling);
            dm.key("earlier").money(d.earlier);
            dm.key("exceeded").bool(d.exceeded);
            dm.key("period_end").iso(d.period_end);
            dm.key("period_start").iso(d.period_start);
            dm.key("regime").name(d.regime.reference);
            dm.key("total").money(d.total);
        }
        None => out.raw("null"),
    }
    {
        let d = &a.deadlines;
        let mut deadlines = doc.key("deadlines").object();
        deadlines.key("apply_by").date(d.apply_by);
        deadlines.key("complete_by").iso(d.complete_by);
        deadlines.key("pay_own_share_by").date(d.pay_own_share_by);
    }
    doc.key("eligible").bool(a.eligible);
    doc.key("eligible_cost").money(a.eligible_cost);
    doc.key("engine").name(ENGINE);
    findings(doc.key("findings"), a, request, lang);
    doc.key("invoiced").money(a.invoiced);
    doc.key("is_sme").bool(a.is_sme);
    doc.key("lang").name(lang.as_str());
    doc.key("own_share").money(a.own_share);
    policies(doc.key("policies"), a, request);
    doc.key("procedure").list(&a.procedure, |o, p| {
        let mut step = o.object();
        step.key("approximate").bool(p.approximate);
        step.key("date").date(p.date);
        step.key("ref").name(p.reference);
        step.key("step").name(p.step);
        step.key("until").date(p.until);
    });
    doc.key("public_share").percent(a.public_share);
    doc.key("rate").percent(a.rate);
    let out = doc.key("rulebook");
    match a.rulebook {
        Some(b) => {
            let mut book = out.object();
            book.key("id").name(b.id);
            book.key("ref").name(b.reference);
            book.key("valid_from").iso(b.valid_from);
        }
        None => out.raw("null"),
    }
    doc.key("size_class").name(a.size_class.as_str());
    doc.key("small_mid_cap").bool(a.small_mid_cap);
    let out = doc.key("sme");
    match &request.application.enterprise.size {
        SizeInput::Full(def) => sme(out, def),
        _ => out.raw("null"),
    }
    doc.key("trace").list(&a.trace, |o, t| {
        let mut step = o.object();
        step.key("ref").name(t.reference);
        step.key("step").name(t.step);
        step.key("text").rendered(t.text_in(lang));
        step.key("value").arg(&t.value);
    });
    doc.key("trace_version").int(TRACE_VERSION);
    doc.key("vat").money(a.vat);
    doc.key("wallet_class")
        .opt_str(a.wallet_class.map(|c| c.as_str()));
}

/// Every finding of the assessment, then a warning for every unknown field of the request.
fn findings(o: &mut Out<'_>, a: &Assessment, request: &ParsedRequest, lang: Lang) {
    fn finding(
        o: &mut Out<'_>,
        code: &'static str,
        message: Rendered<'_>,
        path: Option<&str>,
        reference: &'static str,
        severity: Severity,
    ) {
        let mut f = o.object();
        f.key("code").name(code);
        f.key("message").rendered(message);
        if let Some(p) = path {
            f.key("path").str(p);
        }
        f.key("ref").name(reference);
        f.key("severity").name(severity.as_str());
    }
    o.raw("[");
    let mut first = true;
    let mut comma = |o: &mut Out<'_>| {
        if !first {
            o.raw(",");
        }
        first = false;
    };
    for f in &a.findings {
        comma(o);
        finding(
            o,
            f.code.as_str(),
            f.message_in(lang),
            None,
            f.reference,
            f.severity,
        );
    }
    for path in &request.ignored {
        comma(o);
        let code = FindingCode::UnknownFieldIgnored.as_str();
        let args = [Arg::from(path.clone())];
        finding(
            o,
            code,
            Rendered::new(code, lang, &args),
            Some(path),
            JSON_REFERENCE,
            Severity::Warning,
        );
    }
    o.raw("]");
}

/// The choices the assessment made where the law is silent.
fn policies(o: &mut Out<'_>, a: &Assessment, request: &ParsedRequest) {
    let enterprise = &request.application.enterprise;
    let ownership = match &enterprise.size {
        SizeInput::Full(def) => def.policy(),
        _ => OwnershipChangePolicy::default(),
    };
    let mut p = o.object();
    let out = p.key("fiscal_year");
    match enterprise.fiscal_year_end {
        Some(f) => out.show(f),
        None => out.name("calendar"),
    }
    p.key("own_share_deadline")
        .name(a.own_share_deadline.as_str());
    p.key("ownership_change").name(ownership.as_str());
    p.key("rounding")
        .name("once, to the cent, half away from zero");
}

/// The periods of the full SME definition: aggregated figures, raw class, status, and each
/// entity's weight at each closing.
pub(crate) fn sme(o: &mut Out<'_>, def: &SmeDefinition) {
    let mut doc = o.object();
    doc.key("ownership_change").name(def.policy().as_str());
    doc.key("periods").list(def.periods(), |o, p| {
        let f = &p.aggregation.figures;
        let mut period = o.object();
        period.key("balance_sheet").decimal(f.balance_sheet);
        period.key("closing_date").date(p.closing_date);
        period
            .key("contributions")
            .list(&p.aggregation.contributions, |o, c| {
                let mut item = o.object();
                item.key("id").str(&c.id);
                item.key("ref").name(c.relation.reference());
                item.key("relation").name(c.relation.as_str());
                item.key("weight").decimal(c.weight);
            });
        period.key("estimate").bool(p.estimate);
        period
            .key("public_share")
            .percent(p.aggregation.public_share);
        period.key("raw_class").name(p.raw.as_str());
        period.key("staff_awu").decimal(f.staff);
        period.key("status_class").name(p.status.as_str());
        period.key("turnover").decimal(f.turnover);
    });
    doc.key("prior_class")
        .opt_str(def.prior().map(|c| c.as_str()));
}

#[cfg(test)]
mod tests {
    /// The names written without escaping (`Out::name`) need none.
    #[test]
    fn names_need_no_escaping() {
        let clean = |t: &str| !t.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
        for code in crate::findings::FindingCode::ALL {
            assert!(clean(code.as_str()));
        }
        for book in crate::kmo::rulebook::RULEBOOKS {
            assert!(clean(book.id) && clean(book.reference), "{}", book.id);
        }
        assert!(clean(crate::assess::ENGINE) && clean(super::JSON_REFERENCE));
    }
}
