//! Every conversion between C values and core types, in one place.
//!
//! C → core: integers as C passes them (cents, basis points, yyyymmdd dates, thousandths of an
//! annual work unit, the core's numbers of coded values) become core types, or the core's own
//! [`InputError`] for the value, located at the C field (`cost_cents`). The checks are the
//! core's: a face adds none of its own.
//!
//! Core → C: core types become the integers and `#[repr(C)]` structs of the header, and a
//! document its status.

use kmo_core::units::{date_from_number, yyyymmdd};
use kmo_core::wallet::{Payment, Settlement, Status, WalletApplication, YearBudget};
use kmo_core::{
    AnnualWorkUnits, Application, Assessment, CostInput, CostLine, CostLineKind, Date,
    DeMinimisAid, Enterprise, EnterpriseNumber, ExcludedTopic, Figures, FiscalYearEnd, InputError,
    InputErrorCode, LegalForm, Money, NaceCode, Options, OwnShareDeadline, Percent, ProviderNumber,
    RegistrationPlan, Rulebook, Service, ServiceKind, Severity, SizeClass, SizeInput, Subtheme,
    Theme,
};

use crate::codes::Code;
use crate::errors::Failure;
use crate::kmo_status::{self, *};
use crate::quote::{kmo_cost_line, KMO_VAT_RATE_DEFAULT};
use crate::{
    kmo_classification, kmo_payment, kmo_quote_request, kmo_quote_result, kmo_registration_plan,
    kmo_rulebook, kmo_service_kind, kmo_settlement, kmo_wallet_application, kmo_year_budget,
};

/// The `struct_size` the library writes into a result: the size of its one version.
pub(crate) fn size_of<T>() -> u32 {
    // Every struct of the header is far smaller than 4 GiB.
    u32::try_from(std::mem::size_of::<T>()).unwrap_or(u32::MAX)
}

// ---- C → core -----------------------------------------------------------------------------

/// A `yyyymmdd` date that exists in the years the engine accepts, or the core's reason why not,
/// at `path`.
pub(crate) fn date(yyyymmdd: i32, path: &str) -> Result<Date, InputError> {
    date_from_number(yyyymmdd).map_err(|e| e.at(path))
}

/// A `yyyymmdd` date, or 0 for none.
pub(crate) fn optional_date(yyyymmdd: i32, path: &str) -> Result<Option<Date>, InputError> {
    match yyyymmdd {
        0 => Ok(None),
        d => date(d, path).map(Some),
    }
}

/// An amount in cents, within the core's range.
pub(crate) fn money(cents: i64, path: &str) -> Result<Money, InputError> {
    Money::from_cents(cents).map_err(|e| e.at(path))
}

/// A percentage in basis points (2100 = 21 %).
pub(crate) fn basis_points(bp: u32, path: &str) -> Result<Percent, InputError> {
    Percent::from_basis_points(bp).map_err(|e| e.at(path))
}

/// Staff in thousandths of an annual work unit (9.99 AWU = 9990).
pub(crate) fn staff(awu_milli: i64, path: &str) -> Result<AnnualWorkUnits, InputError> {
    AnnualWorkUnits::from_milli(awu_milli).map_err(|e| e.at(path))
}

/// The coded value with the core's `number`, or the core's `UNKNOWN_CODE` error for it (its
/// message lists the codes of the list).
pub(crate) fn coded<T: Code>(number: u32, path: &str) -> Result<T, InputError> {
    match T::from_number(number) {
        Some(value) => Ok(value),
        None => number.to_string().parse::<T>().map_err(|e| e.at(path)),
    }
}

/// A coded value, or 0 for none.
pub(crate) fn optional_coded<T: Code>(number: u32, path: &str) -> Result<Option<T>, InputError> {
    match number {
        0 => Ok(None),
        n => coded(n, path).map(Some),
    }
}

/// A `kmo_yes_no` value: `None` when not given.
pub(crate) fn yes_no(value: u32, path: &str) -> Result<Option<bool>, InputError> {
    match value {
        0 => Ok(None),
        1 => Ok(Some(true)),
        2 => Ok(Some(false)),
        n => Err(InputError::unknown_code(
            "yes/no answer",
            &n.to_string(),
            &["0 (KMO_NOT_GIVEN)", "1 (KMO_YES)", "2 (KMO_NO)"],
        )
        .at(path)),
    }
}

/// An optional string field read by the core's parser, at `path`.
fn optional_text<T>(
    text: Option<&str>,
    path: &str,
    parse: impl Fn(&str) -> Result<T, InputError>,
) -> Result<Option<T>, InputError> {
    text.map(|t| parse(t).map_err(|e| e.at(path))).transpose()
}

/// A count of persons or days, 0 for none.
fn optional_count(n: u32) -> Option<u32> {
    (n != 0).then_some(n)
}

/// The application a request describes, each value through the core's constructor and
/// located at its C field.
/// The C field names are the document's, with the unit where the document has none
/// (`cost_cents` for `service.cost`), and without the object they sit in (`subtheme` for
/// `service.subtheme`).
///
/// # Safety
/// The request's strings and lists must be readable during the call (the exported function's
/// contract).
pub(crate) unsafe fn application(r: &kmo_quote_request) -> Result<Application, Failure> {
    let application_date = date(r.application_date, "application_date")?;
    let declared = optional_coded::<SizeClass>(r.size_class, "size_class")?;
    let kind = coded::<ServiceKind>(r.service_kind, "service_kind")?;
    let size = match (declared, yes_no(r.size_from_figures, "size_from_figures")?) {
        (Some(_), Some(true)) => {
            return Err(InputError::new(
                InputErrorCode::InconsistentInput,
                "size_from_figures",
                "err_class_or_figures",
                vec![],
            )
            .into())
        }
        (None, Some(true)) => SizeInput::Figures(Figures {
            staff: staff(r.staff_awu_milli, "staff_awu_milli")?,
            turnover: money(r.turnover_cents, "turnover_cents")?,
            balance_sheet: money(r.balance_sheet_cents, "balance_sheet_cents")?,
        }),
        (Some(class), _) => SizeInput::Declared(class),
        // Neither: the class is required, and refused as the document refuses an unknown one.
        (None, _) => SizeInput::Declared(coded::<SizeClass>(r.size_class, "size_class")?),
    };
    let lines = try_list!(r.lines, r.line_count);
    let cost = if r.line_count == 0 {
        CostInput::Amount(money(r.cost_cents, "cost_cents")?)
    } else if r.cost_cents != 0 {
        return Err(InputError::new(
            InputErrorCode::InconsistentInput,
            "lines",
            "err_cost_or_lines",
            vec![],
        )
        .into());
    } else {
        CostInput::Lines(
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| cost_line(l, &format!("lines[{i}]")))
                .collect::<Result<_, InputError>>()?,
        )
    };
    let mut service = Service {
        theme: optional_coded::<Theme>(r.theme, "theme")?,
        subtheme: optional_coded::<Subtheme>(r.subtheme, "subtheme")?,
        excluded_topic: optional_coded::<ExcludedTopic>(r.excluded_topic, "excluded_topic")?,
        start_date: optional_date(r.start_date, "start_date")?,
        cost,
        ..Service::new(kind, Money::ZERO)
    };
    if r.vat_rate_bp != KMO_VAT_RATE_DEFAULT {
        service.vat_rate = basis_points(r.vat_rate_bp, "vat_rate_bp")?;
    }
    let aid_used = money(r.aid_used_cents, "aid_used_cents")?;
    let own_share_deadline =
        optional_coded::<OwnShareDeadline>(r.own_share_deadline, "own_share_deadline")?
            .unwrap_or_default();
    let approval_date = optional_date(r.approval_date, "approval_date")?;
    service.provider = optional_text(try_c_str!(r.provider), "provider", ProviderNumber::parse)?;
    let earlier = try_list!(r.de_minimis, r.de_minimis_count);
    let de_minimis = earlier
        .iter()
        .enumerate()
        .map(|(i, a)| {
            Ok(DeMinimisAid {
                date: date(a.date, &format!("de_minimis[{i}].date"))?,
                amount: money(a.amount_cents, &format!("de_minimis[{i}].amount_cents"))?,
            })
        })
        .collect::<Result<Vec<_>, InputError>>()?;
    let enterprise = Enterprise {
        legal_form: optional_coded::<LegalForm>(r.legal_form, "legal_form")?,
        nace: optional_text(try_c_str!(r.nace), "nace", NaceCode::parse)?,
        flemish_establishment: yes_no(r.flemish_establishment, "flemish_establishment")?,
        public_bodies_pct: basis_points(r.public_bodies_bp, "public_bodies_bp")?,
        maatwerkbedrijf: yes_no(r.maatwerkbedrijf, "maatwerkbedrijf")?.unwrap_or(false),
        related_to_provider: yes_no(r.related_to_provider, "related_to_provider")?,
        enterprise_number: optional_text(
            try_c_str!(r.enterprise_number),
            "enterprise_number",
            EnterpriseNumber::parse,
        )?,
        active_in_kbo: yes_no(r.active_in_kbo, "active_in_kbo")?,
        year_size_class: optional_coded::<SizeClass>(r.year_size_class, "year_size_class")?,
        de_minimis,
        fiscal_year_end: fiscal_year_end(r.fiscal_year_end)?,
        ..Enterprise::new(size)
    };
    let app = Application {
        aid_used,
        options: Options {
            own_share_deadline,
            approval_date,
            portal_registration_date: optional_date(
                r.portal_registration_date,
                "portal_registration_date",
            )?,
            first_time: yes_no(r.first_time, "first_time")?.unwrap_or(false),
        },
        ..Application::new(application_date, enterprise, service)
    };
    // What the types alone cannot check (`Application::validate`) is checked where the
    // document's request is: by the assessment (after a wallet's order, as for the document),
    // its errors located at the C fields by `c_error`.
    Ok(app)
}

/// One invoice line, at `path` (`lines[2]`).
fn cost_line(l: &kmo_cost_line, path: &str) -> Result<CostLine, InputError> {
    let at = |field: &str| format!("{path}.{field}");
    Ok(CostLine {
        persons: optional_count(l.persons),
        days: optional_count(l.days),
        separately_invoiced: yes_no(l.separately_invoiced, &at("separately_invoiced"))?
            .unwrap_or(false),
        exclusive_use: yes_no(l.exclusive_use, &at("exclusive_use"))?.unwrap_or(true),
        ..CostLine::new(
            coded::<CostLineKind>(l.kind, &at("kind"))?,
            money(l.amount_cents, &at("amount_cents"))?,
        )
    })
}

/// The end of the fiscal year as mmdd, 0 for none (31 December), read as the document reads
/// `MM-DD`.
fn fiscal_year_end(mmdd: u32) -> Result<Option<FiscalYearEnd>, InputError> {
    if mmdd == 0 {
        return Ok(None);
    }
    format!("{:02}-{:02}", mmdd / 100, mmdd % 100)
        .parse::<FiscalYearEnd>()
        .map(Some)
        .map_err(|e| e.at("fiscal_year_end"))
}

/// An error of the core located at the document's path, located at the C field instead:
/// the object a field sits in goes (`service.subtheme` → `subtheme`,
/// `enterprise.de_minimis[0].date` → `de_minimis[0].date`), and a field whose C name carries
/// its unit gets it (`lines[0].amount` → `lines[0].amount_cents`).
pub(crate) fn c_error(e: InputError) -> InputError {
    let path = c_path(&e.path);
    e.at(path)
}

/// The C name of a document path (see [`c_error`]).
pub(crate) fn c_path(path: &str) -> String {
    let rest = ["service.", "enterprise.", "options.", "wallet."]
        .iter()
        .find_map(|p| path.strip_prefix(p))
        .unwrap_or(path);
    let (head, last) = match rest.rfind('.') {
        Some(i) => (&rest[..=i], &rest[i + 1..]),
        None => ("", rest),
    };
    let renamed = match last {
        "cost" => "cost_cents",
        "amount" => "amount_cents",
        "aid_used" => "aid_used_cents",
        "vat_rate" => "vat_rate_bp",
        "public_bodies_pct" => "public_bodies_bp",
        "kind" if head.is_empty() => "service_kind",
        "staff_awu" => "staff_awu_milli",
        "turnover" => "turnover_cents",
        "balance_sheet" => "balance_sheet_cents",
        other => other,
    };
    let head = head.strip_prefix("size.").unwrap_or(head);
    format!("{head}{renamed}")
}

// ---- core → C -----------------------------------------------------------------------------

/// A date as `yyyymmdd`.
pub(crate) fn c_date(date: Date) -> i32 {
    // Years 1900–2199 (and the deadlines a few years after): far inside an i32.
    i32::try_from(yyyymmdd(date)).unwrap_or(i32::MAX)
}

/// An optional date as `yyyymmdd`, 0 for none.
pub(crate) fn c_optional_date(date: Option<Date>) -> i32 {
    date.map_or(0, c_date)
}

/// An amount in cents.
pub(crate) fn c_cents(m: Money) -> i64 {
    m.cents()
}

/// A percentage in basis points (every rate of the engine is a whole number of them).
pub(crate) fn c_basis_points(p: Percent) -> u32 {
    p.basis_points().unwrap_or(0)
}

/// A coded value's number, 0 for none.
pub(crate) fn c_number<T: Code>(value: Option<T>) -> u32 {
    value.map_or(0, T::number)
}

/// A service kind, for a `kmo_service_kind` out-parameter.
pub(crate) fn c_service_kind(k: ServiceKind) -> kmo_service_kind {
    [
        kmo_service_kind::KMO_SERVICE_TRAINING,
        kmo_service_kind::KMO_SERVICE_ADVICE,
    ]
    .into_iter()
    .find(|c| *c as u32 == k.number())
    .unwrap_or(kmo_service_kind::KMO_SERVICE_NONE)
}

/// An assessment's answer: its numbers and deadlines, and the counts of its findings.
pub(crate) fn c_assessment(a: &Assessment) -> kmo_quote_result {
    let blocking = || {
        a.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    kmo_quote_result {
        struct_size: size_of::<kmo_quote_result>(),
        eligible: a.eligible,
        capped: a.capped,
        is_sme: a.is_sme,
        small_mid_cap: a.small_mid_cap,
        size_class: a.size_class.number(),
        wallet_class: c_number(
            a.wallet_class
                .and_then(|c| SizeClass::parse(c.as_str()).ok()),
        ),
        rate_bp: c_basis_points(a.rate),
        public_share_bp: c_basis_points(a.public_share),
        blocking_count: count(blocking().count()),
        first_blocking: c_number(blocking().next().map(|f| f.code)),
        finding_count: count(a.findings.len()),
        apply_by: c_optional_date(a.deadlines.apply_by),
        pay_own_share_by: c_optional_date(a.deadlines.pay_own_share_by),
        complete_by: c_date(a.deadlines.complete_by),
        rulebook_valid_from: c_optional_date(a.rulebook.map(|b| b.valid_from)),
        own_share_deadline: a.own_share_deadline.number(),
        eligible_cost_cents: c_cents(a.eligible_cost),
        invoiced_cents: c_cents(a.invoiced),
        aid_before_ceiling_cents: c_cents(a.aid_before_ceiling),
        aid_cents: c_cents(a.aid),
        own_share_cents: c_cents(a.own_share),
        vat_cents: c_cents(a.vat),
        ceiling_cents: c_cents(a.ceiling),
        ceiling_left_cents: c_cents(a.ceiling_left),
        registration: c_registration(a.registration.as_ref()),
    }
}

/// The registration plan of an answer, `planned` false and zeros when there is none.
fn c_registration(plan: Option<&RegistrationPlan>) -> kmo_registration_plan {
    let none = kmo_registration_plan {
        struct_size: size_of::<kmo_registration_plan>(),
        planned: false,
        letter_after_deadline: false,
        link_expires_first: false,
        registered: 0,
        register_by: 0,
        letter_expected: 0,
        link_valid_until: 0,
        apply_from: 0,
        apply_until: 0,
        pay_own_share_by: 0,
    };
    plan.map_or(none, |p| kmo_registration_plan {
        planned: true,
        letter_after_deadline: p.letter_after_deadline,
        link_expires_first: p.link_expires_first,
        registered: c_optional_date(p.registered),
        register_by: c_optional_date(p.register_by),
        letter_expected: c_date(p.letter_expected),
        link_valid_until: c_date(p.link_valid_until),
        apply_from: c_date(p.apply_from),
        apply_until: c_optional_date(p.apply_until),
        pay_own_share_by: c_optional_date(p.pay_own_share_by),
        ..none
    })
}

/// The SME status of one period's figures.
pub(crate) fn c_classification(s: &kmo_core::SmeStatus) -> kmo_classification {
    kmo_classification {
        struct_size: size_of::<kmo_classification>(),
        size_class: s.class.number(),
        is_sme: s.is_sme,
        small_mid_cap: s.small_mid_cap,
    }
}

/// A rulebook edition, numerically.
pub(crate) fn c_rulebook(b: &Rulebook) -> kmo_rulebook {
    let uplift = |s, k| b.uplift(s, k).map_or(0, |u| u32::from(u.points) * 100);
    kmo_rulebook {
        struct_size: size_of::<kmo_rulebook>(),
        valid_from: c_date(b.valid_from),
        small_rate_bp: c_basis_points(b.rates.small),
        medium_rate_bp: c_basis_points(b.rates.medium),
        cybersecurity_training_uplift_bp: uplift(Subtheme::Cybersecurity, ServiceKind::Training),
        cybersecurity_advice_uplift_bp: uplift(Subtheme::Cybersecurity, ServiceKind::Advice),
        energy_training_uplift_bp: uplift(Subtheme::EnergyEfficiency, ServiceKind::Training),
        energy_advice_uplift_bp: uplift(Subtheme::EnergyEfficiency, ServiceKind::Advice),
        minimum_training_cents: c_cents(b.minimums.training),
        minimum_advice_cents: c_cents(b.minimums.advice),
        themes_required: b.themes_required.is_some(),
        advice_only_cybersecurity: b.advice_only_cybersecurity.is_some(),
    }
}

/// A settlement.
pub(crate) fn c_settlement(s: Settlement) -> kmo_settlement {
    kmo_settlement {
        struct_size: size_of::<kmo_settlement>(),
        own_share_used_cents: c_cents(s.own_share_used),
        aid_used_cents: c_cents(s.aid_used),
        refund_cents: c_cents(s.refund),
        aid_returned_cents: c_cents(s.aid_returned),
    }
}

/// A payment's outcome (a payment after the deadline is refused with
/// `KMO_STATUS_APPLICATION_ENDED`: the application has lapsed).
pub(crate) fn c_payment(p: &Payment) -> kmo_payment {
    kmo_payment {
        struct_size: size_of::<kmo_payment>(),
        due_cents: c_cents(p.due),
    }
}

/// What the wallet holds for one application.
pub(crate) fn c_wallet_application(a: &WalletApplication) -> kmo_wallet_application {
    let (ended_on, settlement) = match a.status {
        Status::Active => (None, None),
        Status::Stopped { on, settlement } | Status::Lapsed { on, settlement } => {
            (Some(on), Some(settlement))
        }
    };
    kmo_wallet_application {
        struct_size: size_of::<kmo_wallet_application>(),
        id: a.id,
        application_date: c_date(a.application_date),
        status: a.status.kind().number(),
        ended_on: c_optional_date(ended_on),
        size_class: c_number(a.size_class),
        service_kind: c_number(a.service.as_ref().map(|s| s.kind)),
        rate_bp: a.rate.map_or(0, c_basis_points),
        pay_own_share_by: c_optional_date(a.pay_own_share_by),
        eligible_cost_cents: c_cents(a.eligible_cost),
        aid_cents: c_cents(a.aid),
        own_share_cents: c_cents(a.own_share),
        vat_cents: c_cents(a.vat),
        paid_cents: c_cents(a.paid()),
        released_cents: c_cents(a.released()),
        available_cents: c_cents(a.available()),
        aid_counted_cents: c_cents(a.aid_counted()),
        settlement: settlement.map_or(
            kmo_settlement {
                struct_size: size_of::<kmo_settlement>(),
                own_share_used_cents: 0,
                aid_used_cents: 0,
                refund_cents: 0,
                aid_returned_cents: 0,
            },
            c_settlement,
        ),
    }
}

/// A year of the wallet.
pub(crate) fn c_year_budget(y: YearBudget) -> kmo_year_budget {
    kmo_year_budget {
        struct_size: size_of::<kmo_year_budget>(),
        year: y.year,
        size_class: c_number(y.size_class),
        ceiling_cents: c_cents(y.ceiling),
        counted_cents: c_cents(y.counted),
        left_cents: c_cents(y.left),
    }
}

/// The status of a document the core wrote: `KMO_STATUS_OK` for an answer, the status of the
/// error's code for the error document `{"error":{"code":"…",…}}` (the core writes the code
/// first).
pub(crate) fn document_status(document: &str) -> kmo_status {
    const ERROR: &str = "{\"error\":{\"code\":\"";
    match document.strip_prefix(ERROR) {
        None => KMO_STATUS_OK,
        Some(rest) => kmo_status::of_code(rest.split('"').next().unwrap_or("")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kmo_core::InputErrorCode;

    #[test]
    fn dates_are_refused_with_the_cores_reason() {
        assert_eq!(c_date(date(20260310, "d").unwrap()), 20260310);
        for (n, key) in [
            (20260230, "err_date_missing"),
            (22000101, "err_date_years"),
            (18991231, "err_date_years"),
            (20261301, "err_date_month"),
            (0, "err_date_years"),
            (-20260310, "err_date_shape"),
            (i32::MAX, "err_date_shape"),
            (i32::MIN, "err_date_shape"),
        ] {
            let e = date(n, "start_date").unwrap_err();
            assert_eq!(
                (e.code, e.path.as_str(), e.message_key()),
                (InputErrorCode::InvalidDate, "start_date", key),
                "{n}"
            );
        }
    }

    #[test]
    fn unknown_numbers_are_unknown_codes() {
        assert_eq!(
            coded::<SizeClass>(2, "size_class").unwrap(),
            SizeClass::Small
        );
        let e = coded::<SizeClass>(0, "size_class").unwrap_err();
        assert_eq!(
            (e.code, e.path.as_str()),
            (InputErrorCode::UnknownCode, "size_class")
        );
        assert!(e.message(kmo_core::Lang::En).contains("medium"));
        assert_eq!(optional_coded::<Theme>(0, "theme").unwrap(), None);
        assert!(optional_coded::<Theme>(9, "theme").is_err());
    }

    #[test]
    fn core_paths_become_c_fields() {
        for (core, c) in [
            ("service.subtheme", "subtheme"),
            ("service.cost", "cost_cents"),
            ("service.kind", "service_kind"),
            ("service.lines", "lines"),
            ("service.lines[1].persons", "lines[1].persons"),
            ("service.lines[0].amount", "lines[0].amount_cents"),
            ("service.lines[0].kind", "lines[0].kind"),
            ("enterprise.de_minimis[0].date", "de_minimis[0].date"),
            ("enterprise.public_bodies_pct", "public_bodies_bp"),
            ("enterprise.size.staff_awu", "staff_awu_milli"),
            ("options.approval_date", "approval_date"),
            ("application_date", "application_date"),
            ("", ""),
        ] {
            assert_eq!(c_path(core), c, "{core}");
        }
    }

    #[test]
    fn documents_give_their_status() {
        assert_eq!(document_status("{\"aid\":\"1.00\"}"), KMO_STATUS_OK);
        assert_eq!(
            document_status(r#"{"error":{"code":"OUT_OF_ORDER","message":"x","path":"date"}}"#),
            KMO_STATUS_OUT_OF_ORDER
        );
        assert_eq!(
            document_status(r#"{"error":{"code":"NEGATIVE_AMOUNT","message":"x","path":""}}"#),
            KMO_STATUS_INVALID_INPUT
        );
    }
}
