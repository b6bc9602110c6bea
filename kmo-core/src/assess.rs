//! The answer: [`assess`] runs every rule on one [`Application`] and returns an
//! [`Assessment`] with the numbers, the deadlines, the findings and the trace.

use time::Date;

use crate::application::{Application, SizeInput};
use crate::findings::{Arg, Finding, FindingCode as C, Severity, TraceStep};
use crate::kmo::aid::{aid_rate, cap_aid};
use crate::kmo::cost::{eligible_cost, CostBreakdown, NotEligibleBecause, REFERENCE as COST_REF};
use crate::kmo::de_minimis::{check_de_minimis, DeMinimisCheck};
use crate::kmo::deadlines::{deadlines, procedure, DeadlineSet, OwnShareDeadline, ProcedureStep};
use crate::kmo::eligibility as rule;
use crate::kmo::rulebook::{ceiling_for, rulebook_for, Rulebook, RULEBOOKS};
use crate::sme::{classify, SizeClass, WalletClass};
use crate::units::{Money, Percent};

/// The engine's name and version, as it appears in every result (`kmo 0.1.0`).
pub const ENGINE: &str = concat!("kmo ", env!("CARGO_PKG_VERSION"));

/// The result of assessing one application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// No blocking finding.
    pub eligible: bool,
    /// The class under the SME definition, as declared or computed (micro is not rewritten).
    pub size_class: SizeClass,
    /// Whether the enterprise is an SME: not large, and less than 25 % held by public bodies.
    pub is_sme: bool,
    /// The share held by public bodies (given, or found in the ownership graph).
    pub public_share: Percent,
    /// The class the wallet applies (micro → small; a large maatwerkbedrijf → medium).
    pub wallet_class: Option<WalletClass>,
    /// The aid percentage, uplift included (0 when none applies).
    pub rate: Percent,
    /// The eligible cost, excluding VAT.
    pub eligible_cost: Money,
    /// The amount invoiced with the service, excluding VAT.
    pub invoiced: Money,
    /// Rate × eligible cost, rounded, before the ceiling.
    pub aid_before_ceiling: Money,
    /// The aid granted (0 when not eligible).
    pub aid: Money,
    /// Eligible cost − aid: what the enterprise pays into the wallet (*eigen aandeel*).
    pub own_share: Money,
    /// VAT on the invoice, paid directly to the provider.
    pub vat: Money,
    /// The ceiling of the application's calendar year for this class.
    pub ceiling: Money,
    /// What is left of it after this application.
    pub ceiling_left: Money,
    /// Whether the ceiling cut the aid.
    pub capped: bool,
    /// The deadlines.
    pub deadlines: DeadlineSet,
    /// The procedure as dated steps.
    pub procedure: Vec<ProcedureStep>,
    /// Every finding, in the order the rules ran.
    pub findings: Vec<Finding>,
    /// The computation step by step.
    pub trace: Vec<TraceStep>,
    /// The rulebook edition applied (`None` before 1 April 2016).
    pub rulebook: Option<&'static Rulebook>,
    /// The own-share deadline policy used.
    pub own_share_deadline: OwnShareDeadline,
    /// The de minimis test, when it ran.
    pub de_minimis: Option<DeMinimisCheck>,
    /// How each invoice line was treated.
    pub cost: CostBreakdown,
}

impl Assessment {
    /// The blocking findings: why the application is not eligible.
    ///
    /// ```
    /// use kmo_core::*;
    /// let app = Application::new(
    ///     parse_date("2026-03-10").unwrap(),
    ///     Enterprise::new(SizeInput::Declared(SizeClass::Large)),
    ///     Service { theme: Some(Theme::Innovatie), ..Service::new(ServiceKind::Training, Money::from_euro(99)) },
    /// );
    /// let codes: Vec<_> = assess(&app).blocking().map(|f| f.code).collect();
    /// assert_eq!(codes, [FindingCode::EnterpriseTooLarge, FindingCode::CostBelowMinimum]);
    /// ```
    pub fn blocking(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
    }
}

/// The size class from the size input, how it was obtained, and the share held by public
/// bodies found in an ownership graph.
fn size_class(
    input: &SizeInput,
    findings: &mut Vec<Finding>,
    trace: &mut Trace,
) -> (SizeClass, &'static str, Percent) {
    match input {
        SizeInput::Declared(class) => (*class, "declared", Percent::ZERO),
        SizeInput::Figures(figures) => (classify(figures), "figures", Percent::ZERO),
        SizeInput::Full(def) => {
            for period in def.periods() {
                let f = &period.aggregation.figures;
                trace.add(|| {
                    TraceStep::new(
                        "sme_period",
                        "REC-2003/361 art. 4(2), art. 6",
                        period.status.as_str(),
                        vec![
                            period.closing_date.map_or(Arg::from("?"), Arg::from),
                            f.staff.normalize().into(),
                            f.turnover.normalize().into(),
                            f.balance_sheet.normalize().into(),
                            Arg::Word(period.raw.as_str()),
                            Arg::Word(period.status.as_str()),
                        ],
                    )
                });
            }
            if let Some(last) = def.periods().last() {
                for c in &last.aggregation.contributions {
                    trace.add(|| {
                        TraceStep::new(
                            "sme_weight",
                            c.relation.reference(),
                            c.weight.normalize(),
                            vec![
                                c.id.clone().into(),
                                Arg::Word(c.relation.as_str()),
                                c.weight.normalize().into(),
                            ],
                        )
                    });
                }
                if last.raw != last.status {
                    findings.push(Finding::new(
                        C::TwoPeriodRuleApplied,
                        Severity::Info,
                        "REC-2003/361 art. 4(2)",
                        vec![
                            Arg::Word(last.raw.as_str()),
                            Arg::Word(last.status.as_str()),
                        ],
                    ));
                }
            }
            if def.uses_estimate() {
                findings.push(Finding::new(
                    C::SizeFromEstimate,
                    Severity::Info,
                    "REC-2003/361 art. 4(3)",
                    vec![],
                ));
            }
            let public =
                Percent::from_decimal(def.public_share()).unwrap_or(Percent::from_whole(100));
            (def.class(), "definition", public)
        }
    }
}

/// Assesses one application: eligibility, aid, own share, VAT, ceiling, deadlines.
///
/// Ineligibility is a result with reasons, not an error: every blocking reason is in
/// [`Assessment::findings`], and the aid is zero.
///
/// ```
/// use kmo_core::*;
/// let app = Application {
///     aid_used: Money::parse("7200.00").unwrap(),
///     ..Application::new(
///         parse_date("2026-03-10").unwrap(),
///         Enterprise::new(SizeInput::Declared(SizeClass::Small)),
///         Service { theme: Some(Theme::Personeelsmanagement), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) },
///     )
/// };
/// let a = assess(&app);
/// assert_eq!((a.aid.to_string(), a.own_share.to_string()), ("300.00".into(), "1700.00".into()));
/// assert!(a.capped);
/// ```
pub fn assess(app: &Application) -> Assessment {
    assess_with(app, Detail::Full)
}

/// How much of the explanation to build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Detail {
    /// Everything: findings, the trace and the procedure timeline (what [`assess`] does).
    #[default]
    Full,
    /// The numbers, the deadlines and the findings; no trace and no timeline (for batch runs
    /// that only need the amounts: the same decisions, less work).
    Numbers,
}

/// Collects trace steps, or skips building them.
struct Trace {
    on: bool,
    steps: Vec<TraceStep>,
}

impl Trace {
    fn add(&mut self, step: impl FnOnce() -> TraceStep) {
        if self.on {
            self.steps.push(step());
        }
    }
}

/// [`assess`] with a choice of [`Detail`]: `Detail::Numbers` gives the same numbers, deadlines
/// and findings without the trace and the procedure timeline.
///
/// ```
/// use kmo_core::*;
/// let app = kmo_core::json::parse_request(include_str!("../../examples/requests/sample.json")).unwrap().application;
/// let full = assess(&app);
/// let quick = assess_with(&app, Detail::Numbers);
/// assert_eq!((quick.aid, quick.own_share, quick.vat), (full.aid, full.own_share, full.vat));
/// assert_eq!(quick.findings, full.findings);
/// assert!(quick.trace.is_empty() && !full.trace.is_empty());
/// ```
pub fn assess_with(app: &Application, detail: Detail) -> Assessment {
    let date = app.application_date;
    let enterprise = &app.enterprise;
    let service = &app.service;
    // Room for the usual answer (a few findings, about twenty steps): one allocation each.
    let mut findings: Vec<Finding> = Vec::with_capacity(8);
    let mut trace = Trace {
        on: detail == Detail::Full,
        steps: if detail == Detail::Full {
            Vec::with_capacity(24)
        } else {
            Vec::new()
        },
    };

    // Which rules: the edition in force on the application date.
    let book = rulebook_for(date);
    match book {
        Some(b) => {
            trace.add(|| {
                TraceStep::new(
                    "rulebook",
                    b.reference,
                    b.id,
                    vec![Arg::from(date), b.id.into(), b.reference.into()],
                )
            });
            if let Some(why) = b.uncertain {
                findings.push(Finding::new(
                    C::RulebookUncertain,
                    Severity::Info,
                    b.reference,
                    vec![why.into()],
                ));
            }
        }
        None => findings.push(Finding::new(
            C::NoRulebookForDate,
            Severity::Blocking,
            "BVR-2016",
            vec![Arg::from(date)],
        )),
    }
    // The deadline rules are stable since 2016; before that, show them as a guide.
    let deadline_book = book.unwrap_or(&RULEBOOKS[0]);

    // Size (REC-2003/361 art. 2), then the year's fixed class (§3 item 1).
    let (computed, source, graph_public) = size_class(&enterprise.size, &mut findings, &mut trace);
    let public_pct = enterprise.public_bodies_pct.max(graph_public);
    trace.add(|| {
        TraceStep::new(
            "size_class",
            "REC-2003/361 art. 2",
            computed.as_str(),
            vec![Arg::Word(computed.as_str()), Arg::Word(source)],
        )
    });
    let class = match enterprise.year_size_class {
        Some(fixed) => {
            if fixed != computed {
                findings.push(Finding::new(
                    C::SizeClassFixedForYear,
                    Severity::Info,
                    "BVR-2016",
                    vec![
                        date.year().into(),
                        Arg::Word(fixed.as_str()),
                        Arg::Word(computed.as_str()),
                    ],
                ));
            }
            fixed
        }
        None => computed,
    };
    let maatwerk = rule::maatwerkbedrijf_applies(book, enterprise);
    let wallet_class = match class.wallet_class() {
        Some(c) => Some(c),
        None if maatwerk => Some(WalletClass::Medium),
        None => None,
    };
    if maatwerk {
        findings.push(Finding::new(
            C::MaatwerkbedrijfRuleApplied,
            Severity::Info,
            "BVR-2025",
            vec![],
        ));
    }
    if class == SizeClass::Micro {
        findings.push(Finding::new(
            C::MicroCountsAsSmall,
            Severity::Info,
            "BVR-2016 art. 18",
            vec![],
        ));
    }
    if let Some(wc) = wallet_class {
        trace.add(|| {
            TraceStep::new(
                "wallet_class",
                "BVR-2016 art. 18",
                wc.as_str(),
                vec![Arg::Word(wc.as_str())],
            )
        });
    }

    // Who may use the wallet (§3).
    rule::size(class, maatwerk, &mut findings);
    rule::private_sector(public_pct, &mut findings);
    rule::establishment(enterprise.flemish_establishment, &mut findings);
    rule::legal_form(enterprise, maatwerk, &mut findings);
    rule::main_activity(enterprise, &mut findings);
    rule::related_parties(enterprise.related_to_provider, &mut findings);
    rule::registered(enterprise.active_in_kbo, &mut findings);
    rule::provider(service, &mut findings);
    if let Some(b) = book {
        rule::service_scope(app, b, &mut findings);
    }

    // Deadlines (§5).
    let deadline_set = deadlines(
        deadline_book,
        date,
        service.start_date,
        app.options.own_share_deadline,
        app.options.approval_date,
    );
    rule::on_time(
        app,
        deadline_set.apply_by,
        deadline_book.deadlines.reference,
        &mut findings,
    );

    // Eligible cost (§4.2).
    let cost = eligible_cost(service.kind, &service.cost);
    for line in &cost.lines {
        let cut = line.amount.saturating_sub(line.eligible);
        let finding = match line.because {
            None => continue,
            Some(NotEligibleBecause::CateringCap) => Finding::new(
                C::CateringCapped,
                Severity::Info,
                COST_REF,
                vec![(line.index + 1).into(), line.eligible.into()],
            ),
            Some(because) => Finding::new(
                C::CostItemNotEligible,
                Severity::Info,
                COST_REF,
                vec![
                    (line.index + 1).into(),
                    line.kind.as_str().into(),
                    line.amount.into(),
                    cut.into(),
                    because.as_str().into(),
                ],
            ),
        };
        findings.push(finding);
    }
    trace.add(|| {
        TraceStep::new(
            "eligible_cost",
            COST_REF,
            cost.eligible,
            vec![cost.eligible.into(), cost.invoiced.into()],
        )
    });
    if let Some(b) = book {
        let minimum = b.minimums.for_service(service.kind);
        trace.add(|| {
            TraceStep::new(
                "minimum_cost",
                b.minimums.reference,
                minimum,
                vec![minimum.into()],
            )
        });
        if cost.eligible < minimum {
            findings.push(Finding::new(
                C::CostBelowMinimum,
                Severity::Blocking,
                b.minimums.reference,
                vec![cost.eligible.into(), minimum.into()],
            ));
        }
    }

    // Rate (§4.3), aid and ceiling (§4.4–4.5).
    let mut rate = Percent::ZERO;
    let mut ceiling = Money::ZERO;
    let mut capped_aid = cap_aid(Money::ZERO, Percent::ZERO, Money::ZERO, Money::ZERO);
    let ceiling_row = ceiling_for(date.year());
    if let (Some(b), Some(wc), Some(row)) = (book, wallet_class, ceiling_row) {
        let (r, uplift) = aid_rate(b, wc, service.kind, service.subtheme);
        rate = r;
        let base = b.rates.for_class(wc);
        let points = uplift.map_or(0, |u| u.points);
        trace.add(|| {
            TraceStep::new(
                "rate",
                uplift.map_or(b.rates.reference, |u| u.reference),
                rate,
                vec![rate.into(), base.into(), points.into()],
            )
        });
        if let (Some(u), Some(sub)) = (uplift, service.subtheme) {
            findings.push(Finding::new(
                C::UpliftApplied,
                Severity::Info,
                u.reference,
                vec![Arg::Word(sub.as_str()), u.points.into()],
            ));
        }
        ceiling = row.for_class(wc);
        capped_aid = cap_aid(cost.eligible, rate, ceiling, app.aid_used);
        let exact =
            cost.eligible.as_decimal() * rate.as_decimal() / rust_decimal::Decimal::ONE_HUNDRED;
        trace.add(|| {
            TraceStep::new(
                "aid_before_ceiling",
                b.rates.reference,
                capped_aid.before_ceiling,
                vec![
                    rate.into(),
                    cost.eligible.into(),
                    exact.normalize().into(),
                    capped_aid.before_ceiling.into(),
                ],
            )
        });
        trace.add(|| {
            TraceStep::new(
                "ceiling",
                row.reference,
                capped_aid.left_before,
                vec![
                    date.year().into(),
                    ceiling.into(),
                    app.aid_used.into(),
                    capped_aid.left_before.into(),
                ],
            )
        });
        if capped_aid.left_before.is_zero() {
            findings.push(Finding::new(
                C::CeilingExhausted,
                Severity::Blocking,
                row.reference,
                vec![ceiling.into(), date.year().into()],
            ));
        } else if capped_aid.capped {
            findings.push(Finding::new(
                C::AidCappedByCeiling,
                Severity::Info,
                row.reference,
                vec![
                    capped_aid.aid.into(),
                    ceiling.into(),
                    capped_aid.before_ceiling.into(),
                ],
            ));
        }
    }

    // De minimis (§3 item 7): on the aid that would be granted.
    let de_minimis = if book.is_some() && wallet_class.is_some() {
        let check = check_de_minimis(
            date,
            enterprise.fiscal_year_end,
            &enterprise.de_minimis,
            capped_aid.aid,
        );
        trace.add(|| {
            TraceStep::new(
                "de_minimis",
                check.regime.reference,
                check.total,
                vec![
                    Arg::from(check.period_start),
                    Arg::from(check.period_end),
                    check.earlier.into(),
                    check.total.into(),
                    check.regime.ceiling.into(),
                ],
            )
        });
        if check.exceeded {
            findings.push(Finding::new(
                C::DeMinimisExceeded,
                Severity::Blocking,
                check.regime.reference,
                vec![
                    capped_aid.aid.into(),
                    check.total.into(),
                    check.regime.ceiling.into(),
                ],
            ));
        }
        Some(check)
    } else {
        None
    };

    let eligible = !findings.iter().any(|f| f.severity == Severity::Blocking);
    let (aid, ceiling_left, capped) = if eligible {
        (capped_aid.aid, capped_aid.left_after, capped_aid.capped)
    } else {
        (Money::ZERO, capped_aid.left_before, false)
    };
    let own_share = cost.eligible.saturating_sub(aid);
    let vat = cost.invoiced.percent(service.vat_rate);
    let ref_aid = book.map_or("BVR-2016 art. 18", |b| b.rates.reference);
    trace.add(|| TraceStep::new("aid", ref_aid, aid, vec![aid.into()]));
    trace.add(|| {
        TraceStep::new(
            "own_share",
            "MB-2016 art. 1",
            own_share,
            vec![cost.eligible.into(), aid.into(), own_share.into()],
        )
    });
    trace.add(|| {
        TraceStep::new(
            "vat",
            COST_REF,
            vat,
            vec![service.vat_rate.into(), cost.invoiced.into(), vat.into()],
        )
    });
    push_deadline_trace(
        &mut trace,
        &deadline_set,
        service.start_date,
        app.options.own_share_deadline,
        deadline_book,
    );
    if app.options.own_share_deadline == OwnShareDeadline::AfterApproval30Days
        && app.options.approval_date.is_none()
    {
        findings.push(Finding::new(
            C::ApprovalDateNotGiven,
            Severity::Info,
            "MB-2016",
            vec![],
        ));
    }
    trace.add(|| {
        TraceStep::new(
            "eligibility",
            "BVR-2016",
            if eligible { "eligible" } else { "not_eligible" },
            vec![Arg::Word(if eligible {
                "eligible"
            } else {
                "not_eligible"
            })],
        )
    });

    let steps = if detail == Detail::Numbers {
        Vec::new()
    } else {
        procedure(
            date,
            service.start_date,
            &deadline_set,
            app.options.portal_registration_date,
        )
    };
    Assessment {
        eligible,
        size_class: class,
        is_sme: class != SizeClass::Large && public_pct < Percent::from_whole(25),
        public_share: public_pct,
        wallet_class,
        rate,
        eligible_cost: cost.eligible,
        invoiced: cost.invoiced,
        aid_before_ceiling: capped_aid.before_ceiling,
        aid,
        own_share,
        vat,
        ceiling,
        ceiling_left,
        capped,
        deadlines: deadline_set,
        procedure: steps,
        findings,
        trace: trace.steps,
        rulebook: book,
        own_share_deadline: app.options.own_share_deadline,
        de_minimis,
        cost,
    }
}

fn push_deadline_trace(
    trace: &mut Trace,
    d: &DeadlineSet,
    start: Option<Date>,
    policy: OwnShareDeadline,
    book: &Rulebook,
) {
    let reference = book.deadlines.reference;
    if let (Some(by), Some(start)) = (d.apply_by, start) {
        trace.add(|| {
            TraceStep::new(
                "apply_by",
                reference,
                Arg::from(by),
                vec![Arg::from(by), Arg::from(start)],
            )
        });
    }
    if let Some(by) = d.pay_own_share_by {
        let how = match policy {
            OwnShareDeadline::AfterApplication14Days => Arg::Word("after_application"),
            OwnShareDeadline::AfterApproval30Days => Arg::Word("after_approval"),
        };
        trace.add(|| {
            TraceStep::new(
                "pay_own_share_by",
                reference,
                Arg::from(by),
                vec![Arg::from(by), how.clone()],
            )
        });
    }
    trace.add(|| {
        TraceStep::new(
            "complete_by",
            reference,
            Arg::from(d.complete_by),
            vec![Arg::from(d.complete_by)],
        )
    });
}
