// Types of `kmo-portefeuille/calculator`: the <kmo-calculator> element and its events.
import type { Deadlines, ErrorCode, FindingCode, Lang, Registration, ServiceKind, SizeClass, Subtheme, Theme } from '../index.js';

export type { Deadlines, ErrorCode, FindingCode, Lang, Registration, ServiceKind, SizeClass, Subtheme, Theme };

/** The detail of a `kmo-quote` event: the quote the element shows (money as decimal strings). */
export interface KmoQuoteDetail {
  /** The catalogue service, or null for a price the visitor typed. */
  service: { id: string; title: string } | null;
  kind: ServiceKind;
  theme: Theme | null;
  subtheme: Subtheme | null;
  lang: Lang;
  /** The application date of the form (today in Brussels unless the visitor chose another), `YYYY-MM-DD`. */
  application_date: string;
  start_date: string | null;
  /** The visitor said it is their first application: the engine plans the registration (`registration`). */
  first_time: boolean;
  size_class: SizeClass;
  eligible: boolean;
  /** The price excl. VAT, "2000.00". */
  price: string;
  eligible_cost: string;
  /** Percent, "30". */
  rate: string;
  aid: string;
  own_share: string;
  vat: string;
  ceiling: string;
  ceiling_left: string;
  capped: boolean;
  /**
   * The deadlines the element shows: the procedure's, counted from `application_date` (for a first
   * application, the engine's plan: not before the activation letter, as in `registration`).
   * When not eligible none is shown: the engine's deadlines, `pay_own_share_by` null.
   */
  deadlines: Deadlines;
  /**
   * The engine's plan of the first registration on the platform (`register_by`, the activation
   * letter's expected day, the link's expiry, when the company can apply and pay its own
   * share), for a first application that is eligible; null otherwise.
   */
  registration: Registration | null;
  /** The codes of the reasons it is not eligible (empty when eligible). */
  blocking: FindingCode[];
  /** The engine and its version, "kmo 0.1.0". */
  engine: string;
}

/** The form fields an error can point at (the element's ids). */
export type KmoCalculatorField =
  | 'service' | 'kind' | 'theme' | 'subtheme' | 'price' | 'start' | 'applied' | 'size' | 'staff' | 'turnover' | 'balance' | 'used';

/**
 * The detail of a `kmo-quote-invalid` event: a quote was shown and no longer is, because of an
 * entry the visitor must correct (`field`, null when the engine's error is about no one field;
 * `code` `ERROR` for a failure that is not the engine's).
 */
export interface KmoQuoteInvalidDetail {
  code: ErrorCode | 'ERROR';
  /** The request's path of the field (`service.cost`), or "". */
  path: string;
  field: KmoCalculatorField | null;
}

/** What the element shows: its `data-state` attribute, and the custom state (`:state(eligible)`) of the same name. */
export type KmoCalculatorState = 'loading' | 'failed' | 'eligible' | 'not-eligible' | 'error';

/** <kmo-calculator lang="nl|fr|en" catalogue="URL" provider="Name">. */
export declare class KmoCalculator extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The detail of the quote shown; null while none is (loading, or an entry to correct). */
  readonly quote: KmoQuoteDetail | null;
}

/** A visitor's number as a decimal string ("1.250,50" in Dutch → "1250.50"), or null. */
export declare function parseDecimal(text: string, lang: Lang): string | null;

/** Today in Europe/Brussels, `YYYY-MM-DD`. */
export declare function todayInBrussels(now?: Date): string;

declare global {
  interface HTMLElementTagNameMap {
    'kmo-calculator': KmoCalculator;
  }
  interface HTMLElementEventMap {
    'kmo-quote': CustomEvent<KmoQuoteDetail>;
    'kmo-quote-invalid': CustomEvent<KmoQuoteInvalidDetail>;
  }
}
