//! The engine's other answers as JSON: the rulebooks, the SME classification on its own, the
//! identifier checks, the quick quote, and the numbering of the coded values the C and
//! WebAssembly faces use.

use super::fields::Obj;
use super::reader;
use super::request::{read_quick_question, size_input};
use super::response;
use super::writer::k;
use super::writer::{document, error_json, Out};
use crate::assess::ENGINE;
use crate::coded::FindingCode;
use crate::coded::Lang;
use crate::coded::SizeClass;
use crate::coded::{ServiceKind, Subtheme, Theme};
use crate::identifiers::{EnterpriseNumber, ProviderNumber};
use crate::kmo::rulebook::RULEBOOKS;
use crate::kmo::size::classify;
use crate::message::word;
use crate::quick::{quick_quote_explained, QuickAnswer};
use crate::units::{Money, Percent};

/// Every rulebook edition as JSON: dates, rates, uplifts, minimums, themes, references, open
/// questions and, for the latest, how current it is known to be.
///
/// ```
/// let v: serde_json::Value = serde_json::from_str(&kmo_core::json::rulebooks_json()).unwrap();
/// assert_eq!(v[0]["valid_from"], "2016-04-01");
/// assert_eq!(v[0]["rates"]["small"], "40");
/// assert!(v.as_array().unwrap().last().unwrap()["status"].as_str().unwrap().contains("not re-verified"));
/// ```
pub fn rulebooks_json() -> String {
    document(8192, |o| {
        o.list(RULEBOOKS, |o, b| {
            let mut book = o.object();
            book.key(k!("advice_only_cybersecurity"))
                .opt_str(b.advice_only_cybersecurity);
            book.key(k!("excluded_topics")).opt_str(b.excluded_topics);
            book.key(k!("id")).name(b.id);
            book.key(k!("maatwerkbedrijf")).opt_str(b.maatwerkbedrijf);
            {
                let mut min = book.key(k!("minimum_cost")).object();
                min.key(k!("advice")).money(b.minimums.advice);
                min.key(k!("ref")).name(b.minimums.reference);
                min.key(k!("training")).money(b.minimums.training);
            }
            {
                let mut rates = book.key(k!("rates")).object();
                rates.key(k!("medium")).percent(b.rates.medium);
                rates.key(k!("ref")).name(b.rates.reference);
                rates.key(k!("small")).percent(b.rates.small);
            }
            book.key(k!("ref")).name(b.reference);
            book.key(k!("status"))
                .opt_str(b.status.map(|key| word(key, Lang::En)));
            book.key(k!("themes_required")).opt_str(b.themes_required);
            let uncertain: Vec<&str> = b
                .uncertain
                .iter()
                .map(|(key, _)| word(key, Lang::En))
                .collect();
            book.key(k!("uncertain")).opt_str(
                (!uncertain.is_empty())
                    .then(|| crate::error::joined(uncertain, "; "))
                    .as_deref(),
            );
            book.key(k!("uplifts")).list(b.uplifts, |o, u| {
                let mut up = o.object();
                up.key(k!("points")).int(u.points);
                up.key(k!("ref")).name(u.reference);
                up.key(k!("services"))
                    .list(u.services, |o, s| o.name(s.as_str()));
                up.key(k!("subtheme")).name(u.subtheme.as_str());
            });
            book.key(k!("valid_from")).iso(b.valid_from);
        });
    })
}

/// SME classification on its own: `size` is the `enterprise.size` object of a request
/// (declared class, one period's figures, or the full form). Returns
/// `{"engine", "is_sme", "public_share", "size_class", "small_mid_cap", "sme"}` or the error
/// document (in English: the object carries no language).
///
/// ```
/// let out = kmo_core::json::classify_json(r#"{"staff_awu":"49.99","turnover":"12000000","balance_sheet":"9000000"}"#);
/// assert!(out.contains(r#""size_class":"small""#) && out.contains(r#""small_mid_cap":false"#));
/// let big = kmo_core::json::classify_json(r#"{"staff_awu":"300","turnover":"100000000","balance_sheet":"1"}"#);
/// assert!(big.contains(r#""small_mid_cap":true"#));
/// let err = kmo_core::json::classify_json(r#"{"staff_awu":"-1","turnover":"1","balance_sheet":"1"}"#);
/// assert!(err.contains(r#""path":"staff_awu""#));
/// ```
pub fn classify_json(size: &str) -> String {
    let value = match reader::from_str(size, "the size") {
        Ok(v) => v,
        Err(e) => return error_json(&e, Lang::OF_ERRORS),
    };
    let input = match Obj::root(&value, "the size").and_then(|o| size_input(&o, &mut Vec::new())) {
        Ok(input) => input,
        Err(e) => return error_json(&e, Lang::OF_ERRORS),
    };
    let status = classify(&input, Percent::ZERO);
    document(512, |o| {
        let mut doc = o.object();
        doc.key(k!("engine")).name(ENGINE);
        doc.key(k!("is_sme")).bool(status.is_sme);
        doc.key(k!("public_share")).percent(status.public_share);
        doc.key(k!("size_class")).name(status.class.as_str());
        doc.key(k!("small_mid_cap")).bool(status.small_mid_cap);
        #[cfg(feature = "full-sme")]
        super::response::sme_member(
            doc.key(k!("sme")),
            match &input {
                crate::application::SizeInput::Full(def) => Some(&**def.summary()),
                _ => None,
            },
        );
        #[cfg(not(feature = "full-sme"))]
        doc.key(k!("sme")).raw("null");
    })
}

/// Checks a service-provider number (tolerant: `DVO236459`, `dv o236459`): `{"canonical",
/// "service"}` or the error document at `provider`.
///
/// ```
/// assert_eq!(kmo_core::json::provider_number_json("dvo236459", kmo_core::Lang::En),
///            r#"{"canonical":"DV.O236459","service":"training"}"#);
/// ```
pub fn provider_number_json(text: &str, lang: Lang) -> String {
    match ProviderNumber::parse(text) {
        Ok(p) => document(64, |o| {
            let mut doc = o.object();
            doc.key(k!("canonical")).show(p);
            doc.key(k!("service")).name(p.service().as_str());
        }),
        Err(e) => error_json(&e.at("provider"), lang),
    }
}

/// Checks a Belgian enterprise number: `{"canonical"}` or the error document at
/// `enterprise_number`.
///
/// ```
/// assert_eq!(kmo_core::json::enterprise_number_json("BE0403170701", kmo_core::Lang::En),
///            r#"{"canonical":"0403.170.701"}"#);
/// ```
pub fn enterprise_number_json(text: &str, lang: Lang) -> String {
    match EnterpriseNumber::parse(text) {
        Ok(n) => document(48, |o| {
            o.object().key(k!("canonical")).show(n);
        }),
        Err(e) => error_json(&e.at("enterprise_number"), lang),
    }
}

/// A quick quote from its JSON question (see [`crate::quick`]: `application_date`,
/// `size_class`, `kind`, `theme`, `subtheme`, `provider`, `start_date`, `cost`, `aid_used`,
/// `vat_rate`, `lang`, `options`): `{"aid", "blocking", "capped", "ceiling", "ceiling_left",
/// "deadlines", "eligible", "eligible_cost", "findings", "own_share", "rate", "size_class",
/// "vat"}`, or the error document in the question's language. `findings` holds every
/// blocking reason with its message in `lang` (`nl` unless given), as `assess` writes it, then
/// an `UNKNOWN_FIELD_IGNORED` warning for every field the question does not know.
///
/// ```
/// let out = kmo_core::json::quote_json(r#"{"application_date":"2026-03-10","size_class":"small",
///   "theme":"personeelsmanagement","cost":2000}"#);
/// assert!(out.contains(r#""aid":"600.00""#) && out.contains(r#""own_share":"1400.00""#));
/// let odd = kmo_core::json::quote_json(r#"{"application_date":"2026-03-10","size_class":"small",
///   "cost":2000,"aidUsed":7200,"lang":"en"}"#);
/// assert!(odd.contains(r#""blocking":["THEME_REQUIRED"]"#));
/// assert!(odd.contains(r#""message":"The field aidUsed is unknown and was ignored.","path":"aidUsed""#));
/// ```
pub fn quote_json(question: &str) -> String {
    let q = match read_quick_question(question) {
        Ok(q) => q,
        Err((e, lang)) => return error_json(&e, lang),
    };
    let (a, reasons) = quick_quote_explained(&q.quote);
    document(1024, |o| {
        quote_document(o, &a, q.quote.size_class(), |o| {
            response::findings(o, &reasons, &q.ignored, q.lang)
        })
    })
}

/// The answer of a quick quote as JSON; `findings` writes its findings.
fn quote_document(
    o: &mut Out<'_>,
    a: &QuickAnswer,
    class: SizeClass,
    findings: impl FnOnce(&mut Out<'_>),
) {
    let cents = |c: i64| Money::from_cents(c).unwrap_or(Money::MAX);
    let mut doc = o.object();
    doc.key(k!("aid")).money(cents(a.aid_cents));
    doc.key(k!("blocking"))
        .list(a.blocking.codes(), |o, c| o.name(c.as_str()));
    doc.key(k!("capped")).bool(a.capped);
    doc.key(k!("ceiling")).money(cents(a.ceiling_cents));
    doc.key(k!("ceiling_left"))
        .money(cents(a.ceiling_left_cents));
    {
        let mut d = doc.key(k!("deadlines")).object();
        let due = a.deadlines;
        d.key(k!("apply_by")).date(due.and_then(|d| d.apply_by));
        d.key(k!("complete_by")).date(due.map(|d| d.complete_by));
        d.key(k!("pay_own_share_by"))
            .date(due.and_then(|d| d.pay_own_share_by));
    }
    doc.key(k!("eligible")).bool(a.eligible());
    doc.key(k!("eligible_cost"))
        .money(cents(a.eligible_cost_cents));
    findings(doc.key(k!("findings")));
    doc.key(k!("own_share")).money(cents(a.own_share_cents));
    doc.key(k!("rate"))
        .percent(Percent::from_basis_points(a.rate_bp).unwrap_or(Percent::ZERO));
    doc.key(k!("size_class")).name(class.as_str());
    doc.key(k!("vat")).money(cents(a.vat_cents));
}

/// The numbering of the coded values in the C and WebAssembly faces (1 for the first value, 0
/// for none): `{"finding_code": [...], "kind": [...], "size_class": [...], "subtheme": [...],
/// "theme": [...]}`, the code numbered `n` at index `n − 1`.
pub fn codes_json() -> String {
    document(2048, |o| {
        let mut doc = o.object();
        doc.key(k!("finding_code"))
            .list(FindingCode::ALL, |o, c| o.name(c.as_str()));
        doc.key(k!("kind"))
            .list(ServiceKind::ALL, |o, c| o.name(c.as_str()));
        doc.key(k!("size_class"))
            .list(SizeClass::ALL, |o, c| o.name(c.as_str()));
        doc.key(k!("subtheme"))
            .list(Subtheme::ALL, |o, c| o.name(c.as_str()));
        doc.key(k!("theme"))
            .list(Theme::ALL, |o, c| o.name(c.as_str()));
    })
}
