// Types of the kmo-portefeuille package: the request and response documents as TypeScript.
// One API for every entry: `kmo-portefeuille` (Node.js ESM and CommonJS, bundlers, browsers,
// workers), `kmo-portefeuille/web`, `kmo-portefeuille/bundler` and `kmo-portefeuille/node`.

/** An amount or percentage: a decimal string ("2000", "2000.00", "12.5") or a finite number. */
export type Decimal = string | number;
/** An ISO date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** Money in responses: always two decimals ("600.00"). */
export type MoneyText = string;

export type Lang = 'nl' | 'fr' | 'en';
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';
export type ServiceKind = 'training' | 'advice';
export type LegalForm =
  | 'eenmanszaak' | 'bv' | 'nv' | 'cv' | 'vof' | 'commv' | 'se' | 'sce' | 'eesv' | 'bvba' | 'cvba'
  | 'cvoa' | 'commva' | 'esv' | 'foreign' | 'vzw' | 'ivzw' | 'stichting' | 'maatschap'
  | 'feitelijke_vereniging' | 'tijdelijke_handelsvennootschap' | 'stille_handelsvennootschap'
  | 'public' | 'in_oprichting';
export type Theme =
  | 'bedrijfsstrategie' | 'beroepsspecifieke_competenties' | 'digitalisering' | 'duurzaamheid'
  | 'financiele_geletterdheid' | 'innovatie' | 'internationalisering' | 'personeelsmanagement';
export type Subtheme = 'cybersecurity' | 'energy_efficiency';
export type ExcludedTopic =
  | 'shiatsu' | 'mindfulness' | 'nlp' | 'mbti' | 'insights_discovery' | 'hypnosis' | 'astrology'
  | 'driving_licence' | 'pilot_licence' | 'teambuilding' | 'networking' | 'study_trip' | 'exam'
  | 'exam_coaching';
export type CostLineKind = 'fee' | 'catering' | 'travel' | 'material' | 'exam' | 'advance_invoice' | 'implementation';
export type StaffRole = 'employee' | 'deemed_employee' | 'owner_manager' | 'active_partner' | 'apprentice' | 'vocational_student' | 'agency_temp';
export type EntityKind =
  | 'enterprise' | 'natural_person' | 'public_body' | 'public_investment_corporation' | 'venture_capital'
  | 'business_angel' | 'university' | 'research_centre' | 'institutional_investor'
  | 'regional_development_fund' | 'local_authority';
export type ControlRight = 'board_majority' | 'dominant_influence_contract' | 'dominant_influence_articles' | 'voting_agreement';

export interface StaffMember { role: StaffRole; fte?: Decimal; months?: number; leave_months?: number }
export interface OwnFigures { staff_awu?: Decimal; staff?: StaffMember[]; turnover: Decimal; balance_sheet: Decimal }
export interface Entity extends Partial<OwnFigures> {
  id: string;
  kind?: EntityKind;
  consolidates?: string[];
  market?: string;
  adjacent_markets?: string[];
  acting_jointly?: string;
  invested?: Decimal;
  annual_budget?: Decimal;
  inhabitants?: number;
}
export interface Holding { holder: string; held: string; capital_pct?: Decimal; voting_pct?: Decimal }
export interface Control { holder: string; held: string; right: ControlRight }
export interface Graph { entities?: Entity[]; holdings?: Holding[]; controls?: Control[] }
export interface Period extends OwnFigures, Graph {
  closing_date?: IsoDate;
  estimate?: boolean;
  ownership_changed?: boolean;
}
export interface FullSize extends Graph, Partial<OwnFigures> {
  id?: string;
  market?: string;
  adjacent_markets?: string[];
  consolidates?: string[];
  prior_class?: SizeClass;
  ownership_change?: 'immediate' | 'two_period';
  periods?: Period[];
  estimate?: boolean;
}
/** `enterprise.size`: a declared class, one period's figures, or the full definition. */
export type SizeInput = { class: SizeClass } | OwnFigures | FullSize;

export interface DeMinimisAid { date: IsoDate; amount: Decimal }
export interface Enterprise {
  size: SizeInput;
  legal_form?: LegalForm | null;
  nace?: string | null;
  flemish_establishment?: boolean | null;
  public_bodies_pct?: Decimal | null;
  maatwerkbedrijf?: boolean | null;
  related_to_provider?: boolean | null;
  enterprise_number?: string | null;
  active_in_kbo?: boolean | null;
  year_size_class?: SizeClass | null;
  de_minimis?: DeMinimisAid[] | null;
  fiscal_year_end?: string | null;
}
export interface CostLine {
  kind: CostLineKind;
  amount: Decimal;
  persons?: number;
  days?: number;
  separately_invoiced?: boolean;
  exclusive_use?: boolean;
}
export interface Service {
  kind: ServiceKind;
  theme?: Theme | null;
  subtheme?: Subtheme | null;
  excluded_topic?: ExcludedTopic | null;
  provider?: string | null;
  start_date?: IsoDate | null;
  cost?: Decimal;
  lines?: CostLine[];
  vat_rate?: Decimal;
}
export interface Movement { date: IsoDate; amount: Decimal }
export interface WalletApplicationInput {
  id?: number;
  application_date: IsoDate;
  aid: Decimal;
  service?: Service | null;
  size_class?: SizeClass | null;
  rate?: Decimal | null;
  eligible_cost?: Decimal;
  own_share?: Decimal;
  vat?: Decimal;
  pay_own_share_by?: IsoDate | null;
  payments?: Movement[];
  releases?: Movement[];
  status?: 'active' | 'stopped' | 'lapsed';
  ended_on?: IsoDate | null;
}
/**
 * The question of `assess`: one application of one enterprise for one service. (Not named
 * `Request`, which is the platform's Fetch request, as in a route handler's `POST(request: Request)`.)
 */
export interface AssessmentRequest {
  application_date: IsoDate;
  lang?: Lang;
  enterprise: Enterprise;
  service: Service;
  wallet?: { aid_used?: Decimal } | { applications: WalletApplicationInput[] };
  options?: {
    own_share_deadline?: OwnShareDeadline;
    approval_date?: IsoDate | null;
    /** The day the company registers (or registered) on the portal: the answer plans the first registration from it. */
    portal_registration_date?: IsoDate | null;
    /** The company has not registered on the portal yet: the answer plans the registration (`registration`), counted from `application_date`. */
    first_time?: boolean;
  };
}

export type Severity = 'info' | 'warning' | 'blocking';
/** When the own share must be paid: 14 days after the application (the default), 30 days after it, or 30 days after the provider's approval. */
export type OwnShareDeadline = 'after_application_14_days' | 'after_approval_30_days' | 'after_application_30_days';
/** The stable code of a finding (a reason for ineligibility, a warning or a note). */
export type FindingCode =
  | 'NO_RULEBOOK_FOR_DATE' | 'ENTERPRISE_TOO_LARGE' | 'PUBLIC_PARTICIPATION' | 'NO_FLEMISH_ESTABLISHMENT'
  | 'LEGAL_FORM_NOT_ELIGIBLE' | 'MAIN_ACTIVITY_EXCLUDED' | 'RELATED_TO_PROVIDER' | 'NOT_ACTIVE_IN_KBO'
  | 'PROVIDER_NOT_REGISTERED_FOR_SERVICE' | 'THEME_REQUIRED' | 'ADVICE_ONLY_CYBERSECURITY' | 'EXCLUDED_TOPIC'
  | 'APPLICATION_TOO_LATE' | 'COST_BELOW_MINIMUM' | 'CEILING_EXHAUSTED' | 'DE_MINIMIS_EXCEEDED'
  | 'AID_CAPPED_BY_CEILING' | 'UPLIFT_APPLIED' | 'MICRO_COUNTS_AS_SMALL' | 'MAATWERKBEDRIJF_RULE_APPLIED'
  | 'SIZE_CLASS_FIXED_FOR_YEAR' | 'THEME_NOT_IN_FORCE' | 'SUBTHEME_NOT_IN_FORCE' | 'MAIN_ACTIVITY_NOT_VERIFIED'
  | 'COST_ITEM_NOT_ELIGIBLE' | 'CATERING_CAPPED' | 'RULEBOOK_UNCERTAIN' | 'LEGAL_FORM_NOT_CHECKED'
  | 'ESTABLISHMENT_NOT_CHECKED' | 'MAIN_ACTIVITY_NOT_CHECKED' | 'RELATED_PARTIES_NOT_CHECKED'
  | 'PROVIDER_NOT_CHECKED' | 'START_DATE_NOT_GIVEN' | 'APPROVAL_DATE_NOT_GIVEN' | 'SIZE_FROM_ESTIMATE'
  | 'TWO_PERIOD_RULE_APPLIED' | 'UNKNOWN_FIELD_IGNORED' | 'SMALL_MID_CAP' | 'BOUNDARY_DAY_CHOICE'
  | 'DE_MINIMIS_REGULATION_EXPIRED' | 'FIRST_TIME_REGISTRATION' | 'ACTIVATION_LETTER_AFTER_DEADLINE'
  | 'ACTIVATION_LINK_EXPIRES_FIRST';
/** The code of an invalid request. */
export type InputErrorCode =
  | 'MALFORMED_JSON' | 'DUPLICATE_KEY' | 'MISSING_FIELD' | 'WRONG_TYPE' | 'INVALID_AMOUNT' | 'NEGATIVE_AMOUNT'
  | 'AMOUNT_OUT_OF_RANGE' | 'TOO_MANY_DECIMALS' | 'INVALID_PERCENT' | 'PERCENT_OUT_OF_RANGE' | 'INVALID_NUMBER'
  | 'INVALID_DATE' | 'UNKNOWN_CODE' | 'INVALID_PROVIDER_NUMBER' | 'INVALID_ENTERPRISE_NUMBER'
  | 'INVALID_NACE_CODE' | 'INCONSISTENT_INPUT'
  /** Only from a lean build (the calculator's engines): the request needs what it leaves out. */
  | 'NOT_IN_THIS_BUILD';
/** The code of a wallet operation that was refused (the wallet is left unchanged). */
export type WalletErrorCode =
  | 'UNKNOWN_APPLICATION' | 'APPLICATION_ENDED' | 'BEFORE_APPLICATION' | 'OUT_OF_ORDER' | 'ZERO_AMOUNT'
  | 'OVERPAYMENT' | 'OWN_SHARE_NOT_PAID' | 'RELEASE_EXCEEDS_BALANCE';
/**
 * The code of a KmoError: an invalid request, a refused wallet operation, a call before
 * `await init()` (NOT_INITIALIZED), or a JavaScript environment the default browser entry cannot
 * load in (UNSUPPORTED_ENVIRONMENT).
 */
export type ErrorCode = InputErrorCode | WalletErrorCode | 'NOT_INITIALIZED' | 'UNSUPPORTED_ENVIRONMENT';
export interface Finding { code: FindingCode; severity: Severity; ref: string; message: string; path?: string }
export interface TraceStep { step: string; ref: string; value: string; text: string }
export interface ProcedureStep { step: string; date: IsoDate | null; until: IsoDate | null; approximate: boolean; ref: string }
/** `pay_own_share_by` is null when not eligible (nothing is paid into the wallet) or when it counts from an approval date not given. */
export interface Deadlines { apply_by: IsoDate | null; pay_own_share_by: IsoDate | null; complete_by: IsoDate }
/**
 * The first registration on the portal, planned (`options.first_time` or
 * `options.portal_registration_date`, and eligible). The letter's dates are estimates: it comes
 * by post about 10 days after the registration, and its one-time link is valid one month.
 */
export interface Registration {
  /** The registration date given, or null: not registered yet (the plan counts from `application_date`). */
  registered: IsoDate | null;
  /** The last day to register so that the activation letter is expected by the deadline to apply; null without a start date. */
  register_by: IsoDate | null;
  /** When the activation letter is expected (an estimate). */
  letter_expected: IsoDate;
  /** Until when its one-time link is valid (an estimate). */
  link_valid_until: IsoDate;
  /** The first day the company can apply: the later of `application_date` and the letter. */
  apply_from: IsoDate;
  /** The last day to apply: the deadline, or the link's expiry when that comes first; null without a start date. */
  apply_until: IsoDate | null;
  /** The own share due when applying on `apply_from`. */
  pay_own_share_by: IsoDate | null;
  /** The letter is expected after the deadline to apply (the warning `ACTIVATION_LETTER_AFTER_DEADLINE`). */
  letter_after_deadline: boolean;
  /** The link expires before the deadline to apply (`ACTIVATION_LINK_EXPIRES_FIRST`): apply by `link_valid_until`. */
  link_expires_first: boolean;
}
export interface Contribution { id: string; relation: string; weight: string; ref: string }
export interface SmePeriod {
  closing_date: IsoDate | null;
  estimate: boolean;
  staff_awu: string;
  turnover: string;
  balance_sheet: string;
  raw_class: SizeClass;
  status_class: SizeClass;
  public_share: string;
  contributions: Contribution[];
}
export interface SmeDetail { prior_class: SizeClass | null; ownership_change: 'immediate' | 'two_period'; periods: SmePeriod[] }

/** The answer of `assess`. */
export interface Assessment {
  eligible: boolean;
  size_class: SizeClass;
  is_sme: boolean;
  /** A small mid-cap (Recommendation (EU) 2025/1099): information only. */
  small_mid_cap: boolean;
  public_share: string;
  sme: SmeDetail | null;
  wallet_class: 'small' | 'medium' | null;
  /** Percent without trailing zeros: "30", "45". */
  rate: string;
  eligible_cost: MoneyText;
  invoiced: MoneyText;
  aid_before_ceiling: MoneyText;
  aid: MoneyText;
  own_share: MoneyText;
  vat: MoneyText;
  ceiling: MoneyText;
  ceiling_left: MoneyText;
  capped: boolean;
  deadlines: Deadlines;
  /** The first registration, planned; null without `options.first_time` or `options.portal_registration_date`, and when not eligible. */
  registration: Registration | null;
  /** The steps to take; empty when not eligible. */
  procedure: ProcedureStep[];
  findings: Finding[];
  trace_version: number;
  trace: TraceStep[];
  rulebook: { id: string; valid_from: IsoDate; ref: string } | null;
  policies: { own_share_deadline: string; ownership_change: string; fiscal_year: string; rounding: string };
  de_minimis: {
    regime: string; period_start: IsoDate; period_end: IsoDate; earlier: MoneyText; total: MoneyText;
    ceiling: MoneyText; exceeded: boolean;
  } | null;
  cost_lines: { line: number; kind: CostLineKind; amount: MoneyText; eligible: MoneyText; not_eligible_because: string | null }[];
  lang: Lang;
  engine: string;
}

export interface Classification { size_class: SizeClass; is_sme: boolean; small_mid_cap: boolean; public_share: string; sme: SmeDetail | null; engine: string }

export interface QuoteInput {
  application_date: IsoDate;
  size_class: SizeClass;
  kind?: ServiceKind;
  theme?: Theme | null;
  subtheme?: Subtheme | null;
  /** The provider's registration number (`DV.O…` for training, `DV.A…` for advice); not checked when absent. */
  provider?: string | null;
  start_date?: IsoDate | null;
  cost: Decimal;
  aid_used?: Decimal;
  vat_rate?: Decimal;
  /** The language of the reasons' messages (Dutch when not given) and of error messages (English when not given). */
  lang?: Lang;
  /** `portal_registration_date` and `first_time` are read and have no effect: the quick quote has no timeline. */
  options?: { own_share_deadline?: OwnShareDeadline; approval_date?: IsoDate | null; portal_registration_date?: IsoDate | null; first_time?: boolean };
}
export interface Quote {
  eligible: boolean;
  size_class: SizeClass;
  rate: string;
  eligible_cost: MoneyText;
  aid: MoneyText;
  own_share: MoneyText;
  vat: MoneyText;
  ceiling: MoneyText;
  ceiling_left: MoneyText;
  capped: boolean;
  deadlines: Deadlines;
  /** The codes of the blocking reasons (empty when eligible). */
  blocking: FindingCode[];
  /**
   * Each blocking reason as `assess` gives it (its message in `lang`), then an
   * `UNKNOWN_FIELD_IGNORED` warning, with its `path`, for every field the question does not know.
   */
  findings: Finding[];
}

export interface Rulebook {
  id: string;
  valid_from: IsoDate;
  ref: string;
  rates: { small: string; medium: string; ref: string };
  uplifts: { subtheme: Subtheme; points: number; services: ServiceKind[]; ref: string }[];
  minimum_cost: { training: MoneyText; advice: MoneyText; ref: string };
  themes_required: string | null;
  excluded_topics: string | null;
  maatwerkbedrijf: string | null;
  advice_only_cybersecurity: string | null;
  /** An open question about the edition, when there is one. */
  uncertain: string | null;
  /** How current the latest edition is known to be ("in force since …, not re-verified since"). */
  status: string | null;
}

/** The numbering of the coded values shared with the C library: the code numbered n at index n − 1. */
export interface Codes {
  finding_code: FindingCode[]; kind: ServiceKind[]; size_class: SizeClass[]; subtheme: Subtheme[]; theme: Theme[];
  /** The numbering `quoteNumbers` also uses: languages, own-share deadlines, and the input errors of its `status`. */
  lang: Lang[]; own_share_deadline: OwnShareDeadline[]; error: InputErrorCode[];
  /** The slots of one question of `quoteNumbers`, in order. */
  quote_question: QuoteQuestionSlot[];
  /** The slots of one answer of `quoteNumbers`, in order. */
  quote_answer: QuoteAnswerSlot[];
}
/** A slot of a `quoteNumbers` question: dates yyyymmdd (0: none), codes by number (0: none), whole cents and basis points (NaN: the engine's default). */
export type QuoteQuestionSlot = 'application_date' | 'size_class' | 'kind' | 'theme' | 'subtheme' | 'start_date' | 'cost' | 'aid_used' | 'vat_rate' | 'own_share_deadline' | 'approval_date' | 'lang';
/**
 * A slot of a `quoteNumbers` answer. `status`: 0 for an answer, else the number of the input error
 * (`codes().error[status - 1]`), `field` the refused slot's position plus one. Amounts in cents, `rate` in
 * basis points, dates yyyymmdd (0: none), `eligible` and `capped` 1 or 0, and the blocking reasons as
 * bits: bit n − 1 for the finding code numbered n (1–32 in `blocking_low`, 33–64 in `blocking_high`).
 */
export type QuoteAnswerSlot = 'status' | 'field' | 'eligible' | 'size_class' | 'rate' | 'eligible_cost' | 'aid' | 'own_share' | 'vat' | 'ceiling' | 'ceiling_left' | 'capped' | 'apply_by' | 'pay_own_share_by' | 'complete_by' | 'blocking_low' | 'blocking_high';
/** Options of a wallet. */
export interface WalletOptions { /** The language of its error messages (English by default). */ lang?: Lang }

export interface Settlement { own_share_used: MoneyText; aid_used: MoneyText; refund: MoneyText; aid_returned: MoneyText }
export interface YearBudget { year: number; size_class: SizeClass | null; ceiling: MoneyText; counted: MoneyText; left: MoneyText }
export interface WalletApplication {
  id: number;
  application_date: IsoDate;
  service: Service | null;
  size_class: SizeClass | null;
  rate: string | null;
  eligible_cost: MoneyText;
  aid: MoneyText;
  own_share: MoneyText;
  vat: MoneyText;
  pay_own_share_by: IsoDate | null;
  payments: { date: IsoDate; amount: MoneyText }[];
  releases: { date: IsoDate; amount: MoneyText }[];
  status: 'active' | 'stopped' | 'lapsed';
  ended_on: IsoDate | null;
  settlement: Settlement | null;
  aid_counted: MoneyText;
}
export interface WalletDocument { applications: WalletApplication[]; next_id: number | null; years: YearBudget[] }
export interface PlanResult {
  items: { assessment: Assessment; better_next_year: { application_date: IsoDate; aid: MoneyText } | null }[];
  /** Recorded applications that lapse along the plan's dates (own share not paid by the deadline). */
  lapsed: number[];
  years: YearBudget[];
  years_before: YearBudget[];
}

/**
 * An invalid request or operation. `code` is stable, `path` names the field (`service.cost`;
 * empty for the whole document), and `message` is the engine's text alone (no path in front), in
 * the request's language (English when it gives none): fit to show a visitor beside the field.
 */
export declare class KmoError extends Error {
  readonly name: 'KmoError';
  readonly code: ErrorCode;
  readonly path: string;
  constructor(code: ErrorCode, path: string, message: string);
}

/**
 * Makes the engine ready; call it once (`await init()`) before the first call. In the browser
 * entries it loads the WebAssembly module (concurrent calls share one load); in Node.js, and with a
 * bundler's own WebAssembly loading, the module is ready on import and it resolves at once.
 */
export declare function init(): Promise<void>;

/** One enterprise's applications across a year and across years. */
export declare class Wallet {
  constructor(document?: WalletDocument | { applications: WalletApplicationInput[] } | string | null, options?: WalletOptions);
  static fromJSON(document: WalletDocument | { applications: WalletApplicationInput[] } | string, options?: WalletOptions): Wallet;
  toJSON(): WalletDocument;
  /** Every assessed request gets the next `id`, eligible or not; `recorded` says whether it was kept. */
  apply(request: AssessmentRequest): { assessment: Assessment; id: number; lapsed: number[]; recorded: boolean };
  plan(requests: AssessmentRequest[]): PlanResult;
  /** A payment after the deadline throws `APPLICATION_ENDED`: the application has lapsed. */
  pay(id: number, date: IsoDate, amount: Decimal): { due: MoneyText; lapsed: number[] };
  release(id: number, date: IsoDate, amount: Decimal): { available: MoneyText; lapsed: number[] };
  stop(id: number, date: IsoDate): Settlement & { lapsed: number[] };
  /** Lets lapse what is overdue on `date` (own share not paid in full by its deadline): their ids. */
  lapseOverdue(date: IsoDate): { lapsed: number[] };
  /** The budget of `date`'s calendar year on that date, what is overdue by then lapsed (the wallet is not changed). */
  budget(date: IsoDate): { lapsed: number[]; year: YearBudget };
  free(): void;
}

/** Assesses one application. Throws KmoError on invalid input. */
export declare function assess(request: AssessmentRequest): Assessment;
/** The SME size class on its own. */
export declare function classify(size: SizeInput): Classification;
/** A quick quote from a size class, a service and a cost. */
export declare function quote(input: QuoteInput): Quote;
/**
 * Many quick quotes in one call, as numbers (a year-end run over every invoice): `questions` holds
 * `codes().quote_question.length` numbers per question, in that order; the answer holds
 * `codes().quote_answer.length` numbers per question. No provider number is checked. The same
 * engine and checks as `quote`, without its texts.
 */
export declare function quoteNumbers(questions: Float64Array | ArrayLike<number>): Float64Array;
/** Every rulebook edition. */
export declare function rulebooks(): Rulebook[];
/** The numbering of the coded values shared with the C library. */
export declare function codes(): Codes;
/** Checks a provider number: canonical form and service (error messages in `lang`, English by default). */
export declare function checkProviderNumber(text: string, lang?: Lang): { canonical: string; service: ServiceKind };
/** Checks a Belgian enterprise number (check digits): canonical form (error messages in `lang`). */
export declare function checkEnterpriseNumber(text: string, lang?: Lang): { canonical: string };
/** The engine and its version, "kmo 0.1.0". */
export declare function engine(): string;
