//! The question: one application (*aanvraag*) of one enterprise for one service, with the
//! value types it is made of (the cost of the service, earlier de minimis aid) and their
//! checks. The rules (`kmo/`) read the question; the question knows no rule.

mod cost;
mod de_minimis;

pub use cost::{check_cost, CostInput, CostLine, MAX_COUNT};
pub use de_minimis::{check_earlier_aid, DeMinimisAid, FiscalYearEnd};

use time::Date;

use crate::coded::Lang;
use crate::coded::LegalForm;
use crate::coded::OwnShareDeadline;
use crate::coded::SizeClass;
use crate::coded::{ExcludedTopic, ServiceKind, Subtheme, Theme};
use crate::error::{InputError, InputErrorCode};
use crate::identifiers::{EnterpriseNumber, NaceCode, ProviderNumber};
#[cfg(feature = "full-sme")]
use crate::sme::definition::SmeDefinition;
use crate::sme::Figures;
use crate::units::{check_year_range, Money, Percent};

/// How the size of the enterprise is given.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SizeInput {
    /// A class the caller has already determined.
    Declared(SizeClass),
    /// One period of the enterprise's own figures (an autonomous enterprise).
    Figures(Figures),
    /// The full definition: periods, partner and linked enterprises, the two-period rule.
    #[cfg(feature = "full-sme")]
    Full(Box<SmeDefinition>),
}

/// The enterprise that applies. Conditions left `None` are not checked, and the result says so.
///
/// ```
/// use kmo_core::{Enterprise, LegalForm, SizeClass, SizeInput};
/// let e = Enterprise { legal_form: Some(LegalForm::Bv), ..Enterprise::new(SizeInput::Declared(SizeClass::Small)) };
/// assert_eq!(e.legal_form, Some(LegalForm::Bv));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Enterprise {
    /// Legal form (BVR-2016 art. 4).
    pub legal_form: Option<LegalForm>,
    /// NACE-BEL code of the main activity (MB-2016 art. 3).
    pub nace: Option<NaceCode>,
    /// Whether it has an operating site in the Flemish Region.
    pub flemish_establishment: Option<bool>,
    /// Share of capital or voting rights held by public bodies.
    pub public_bodies_pct: Percent,
    /// A recognised maatwerkbedrijf (BVR-2025).
    pub maatwerkbedrijf: bool,
    /// Whether it is related to the provider.
    pub related_to_provider: Option<bool>,
    /// Its enterprise number, checked when given.
    pub enterprise_number: Option<EnterpriseNumber>,
    /// Whether it is active in the KBO/BCE when the service starts.
    pub active_in_kbo: Option<bool>,
    /// Its size.
    pub size: SizeInput,
    /// The size class fixed at the first successful application of the calendar year, which
    /// holds for the rest of that year.
    pub year_size_class: Option<SizeClass>,
    /// Earlier de minimis aid of the single undertaking.
    pub de_minimis: Vec<DeMinimisAid>,
    /// The end of its fiscal year, when not 31 December.
    pub fiscal_year_end: Option<FiscalYearEnd>,
}

impl Enterprise {
    /// An enterprise of the given size, with every other condition unchecked.
    pub fn new(size: SizeInput) -> Enterprise {
        Enterprise {
            legal_form: None,
            nace: None,
            flemish_establishment: None,
            public_bodies_pct: Percent::ZERO,
            maatwerkbedrijf: false,
            related_to_provider: None,
            enterprise_number: None,
            active_in_kbo: None,
            size,
            year_size_class: None,
            de_minimis: Vec::new(),
            fiscal_year_end: None,
        }
    }
}

/// The service applied for.
///
/// ```
/// use kmo_core::{Money, Service, ServiceKind, Theme};
/// let s = Service { theme: Some(Theme::Personeelsmanagement), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) };
/// assert_eq!(s.vat_rate.to_string(), "21");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Service {
    /// Training or advice.
    pub kind: ServiceKind,
    /// The theme (from 2023).
    pub theme: Option<Theme>,
    /// The subtheme that may earn an uplift.
    pub subtheme: Option<Subtheme>,
    /// An excluded topic the service falls under, if any.
    pub excluded_topic: Option<ExcludedTopic>,
    /// The provider's registration number.
    pub provider: Option<ProviderNumber>,
    /// The start: first lesson for training, start of the advice.
    pub start_date: Option<Date>,
    /// The cost, excluding VAT.
    pub cost: CostInput,
    /// The VAT rate (default 21 %).
    pub vat_rate: Percent,
}

impl Service {
    /// A service of `kind` for a single amount excluding VAT, at 21 % VAT.
    pub fn new(kind: ServiceKind, cost: Money) -> Service {
        Service {
            kind,
            theme: None,
            subtheme: None,
            excluded_topic: None,
            provider: None,
            start_date: None,
            cost: CostInput::Amount(cost),
            vat_rate: Service::DEFAULT_VAT_RATE,
        }
    }

    /// The VAT rate when none is given: 21 %, the Belgian standard rate for training and
    /// advice.
    pub const DEFAULT_VAT_RATE: Percent = Percent::whole(21);

    /// Checks what the types alone cannot: the cost lines ([`check_cost`]). Error paths are
    /// relative to the service (`lines[0].persons`). A subtheme given with a theme it does not
    /// belong to is not an input error: the answer reads it with its own theme and warns
    /// (`SUBTHEME_OF_OTHER_THEME`).
    ///
    /// # Errors
    ///
    /// The first problem found, with its code and path.
    #[inline]
    pub fn validate(&self) -> Result<(), InputError> {
        check_cost(self.kind, &self.cost)
    }
}

/// Parameters where the law is silent or the sources disagree.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The own-share payment deadline.
    pub own_share_deadline: OwnShareDeadline,
    /// The day the service provider approved the application, for [`OwnShareDeadline::AfterApproval30Days`].
    pub approval_date: Option<Date>,
    /// The day of the first-time registration on the portal: the answer plans the
    /// registration from it ([`RegistrationPlan`](crate::kmo::deadlines::RegistrationPlan)).
    pub portal_registration_date: Option<Date>,
    /// The company has not registered on the portal yet: the answer plans the registration,
    /// counted from the application date when no registration date is given.
    pub first_time: bool,
}

/// One application: the full question the engine answers.
///
/// ```
/// use kmo_core::*;
/// let app = Application::new(
///     parse_date("2026-03-10").unwrap(),
///     Enterprise::new(SizeInput::Declared(SizeClass::Small)),
///     Service { theme: Some(Theme::Personeelsmanagement), ..Service::new(ServiceKind::Training, Money::from_euro(2000)) },
/// );
/// assert_eq!(assess(&app)?.aid.to_string(), "600.00");
/// # Ok::<(), InputError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    /// The date the application is submitted; every dated rule follows it.
    pub application_date: Date,
    /// Who applies.
    pub enterprise: Enterprise,
    /// For what.
    pub service: Service,
    /// Aid already granted in the application's calendar year (*wallet.aid_used*).
    pub aid_used: Money,
    /// Parameters.
    pub options: Options,
    /// The language of the answer (the request's `lang`; Dutch unless given): the response
    /// document and the serde form of the [`Assessment`](crate::Assessment) write every message
    /// in it. The messages themselves are kept as keys and values, so
    /// [`Finding::message`](crate::Finding::message) gives any language.
    pub lang: Lang,
}

impl Application {
    /// An application with no aid used yet this year, default options, answered in Dutch.
    pub fn new(application_date: Date, enterprise: Enterprise, service: Service) -> Application {
        Application {
            application_date,
            enterprise,
            service,
            aid_used: Money::ZERO,
            options: Options::default(),
            lang: Lang::default(),
        }
    }

    /// Checks what the types alone cannot, with the code and the path the JSON document
    /// gets for the same value: every date in the years 1900–2199 (a [`Date`] reaches further),
    /// a provider's approval dated before the application,
    /// a period of the size that closes after the application without being an estimate,
    /// earlier de minimis aid dated after the application or totalling more than
    /// [`Money::MAX`], invoice lines (none, a catering line
    /// without persons or days, counts or a total out of range).
    /// [`assess`](crate::assess()) runs it first.
    ///
    /// # Errors
    ///
    /// The first problem found, its path from the request's root
    /// (`enterprise.de_minimis[0].date`, `service.lines[1].persons`). The dates are checked
    /// first, in the order the document gives them.
    ///
    /// ```
    /// use kmo_core::*;
    /// let mut app = Application::new(
    ///     parse_date("2026-03-10")?,
    ///     Enterprise::new(SizeInput::Declared(SizeClass::Small)),
    ///     Service::new(ServiceKind::Training, Money::from_euro(2000)),
    /// );
    /// assert!(app.validate().is_ok());
    /// app.enterprise.de_minimis.push(DeMinimisAid { date: parse_date("2026-04-01")?, amount: Money::from_euro(10) });
    /// let err = app.validate().unwrap_err();
    /// assert_eq!((err.code, err.path.as_str()), (InputErrorCode::InconsistentInput, "enterprise.de_minimis[0].date"));
    /// app.service.start_date = Some(Date::MAX);
    /// let err = app.validate().unwrap_err();
    /// assert_eq!((err.code, err.path.as_str()), (InputErrorCode::InvalidDate, "service.start_date"));
    /// # Ok::<(), InputError>(())
    /// ```
    pub fn validate(&self) -> Result<(), InputError> {
        self.checked()
    }

    /// [`Application::validate`], inlined where the application is built (the quick question's
    /// check): what the caller leaves out is then known absent, and its checks fold away.
    #[cfg_attr(not(kmo_size), inline(always))]
    pub(crate) fn checked(&self) -> Result<(), InputError> {
        self.check_dates()?;
        check_approval_date(self.application_date, self.options.approval_date)
            .map_err(|e| e.at("options.approval_date"))?;
        #[cfg(feature = "full-sme")]
        if let SizeInput::Full(def) = &self.enterprise.size {
            def.check_against(self.application_date)
                .map_err(|e| e.under("enterprise.size"))?;
        }
        // Nothing to check without earlier aid (no call).
        if !self.enterprise.de_minimis.is_empty() {
            check_earlier_aid(self.application_date, &self.enterprise.de_minimis)
                .map_err(|e| e.under("enterprise.de_minimis"))?;
        }
        self.service.validate().map_err(|e| e.under("service"))
    }

    /// Every date of the application in the years 1900–2199, in the order the document gives
    /// them (the closing dates of the size are checked by
    /// [`SmeDefinition::new`](crate::sme::definition::SmeDefinition::new)).
    #[cfg_attr(not(kmo_size), inline(always))]
    fn check_dates(&self) -> Result<(), InputError> {
        let at = |date: Date, path: &str| check_year_range(date).map_err(|e| e.at(path));
        at(self.application_date, "application_date")?;
        for (i, aid) in self.enterprise.de_minimis.iter().enumerate() {
            // The path is written only for the error.
            check_year_range(aid.date)
                .map_err(|e| e.at(format!("enterprise.de_minimis[{i}].date")))?;
        }
        if let Some(start) = self.service.start_date {
            at(start, "service.start_date")?;
        }
        if let Some(d) = self.options.approval_date {
            at(d, "options.approval_date")?;
        }
        if let Some(d) = self.options.portal_registration_date {
            at(d, "options.portal_registration_date")?;
        }
        Ok(())
    }
}

/// Checks the provider's approval date against the application: the provider approves an
/// application once it is submitted, so an approval before the application date is refused
/// (`INCONSISTENT_INPUT`, the error naming no field: the caller adds the path). Counted from
/// such a day, the own share would be due before the application
/// ([`OwnShareDeadline::AfterApproval30Days`](crate::OwnShareDeadline::AfterApproval30Days)). [`Application::validate`] asks here, so every
/// door refuses it alike.
///
/// # Errors
///
/// `INCONSISTENT_INPUT` when `approval_date` is before `application_date`.
///
/// ```
/// use kmo_core::{parse_date, InputErrorCode};
/// use kmo_core::rules::check_approval_date;
/// let day = parse_date("2026-03-10")?;
/// assert!(check_approval_date(day, Some(day)).is_ok() && check_approval_date(day, None).is_ok());
/// let e = check_approval_date(day, Some(parse_date("2026-03-09")?)).unwrap_err();
/// assert_eq!(e.code, InputErrorCode::InconsistentInput);
/// # Ok::<(), kmo_core::InputError>(())
/// ```
#[inline]
pub fn check_approval_date(
    application_date: Date,
    approval_date: Option<Date>,
) -> Result<(), InputError> {
    match approval_date {
        Some(approved) if approved < application_date => {
            Err(approval_before(approved, application_date))
        }
        _ => Ok(()),
    }
}

/// [`check_approval_date`]'s refusal, built only then.
#[cold]
#[inline(never)]
fn approval_before(approved: Date, application_date: Date) -> InputError {
    InputError::new(
        InputErrorCode::InconsistentInput,
        "",
        "err_approval_before_application",
        vec![
            approved.to_string().into(),
            application_date.to_string().into(),
        ],
    )
}
