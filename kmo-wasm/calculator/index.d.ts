// Types of `kmo-portefeuille/calculator`: the <kmo-calculator> element and its kmo-quote event.

/** The detail of a `kmo-quote` event: the quote the element shows (money as decimal strings). */
export interface KmoQuoteDetail {
  /** The catalogue service, or null for a price the visitor typed. */
  service: { id: string; title: string } | null;
  kind: 'training' | 'advice';
  theme: string | null;
  subtheme: 'cybersecurity' | 'energy_efficiency' | null;
  lang: 'nl' | 'fr' | 'en';
  /** Today in Brussels, `YYYY-MM-DD`. */
  application_date: string;
  start_date: string | null;
  /** The visitor said it is their first application (registration steps shown). */
  first_time: boolean;
  size_class: 'micro' | 'small' | 'medium' | 'large';
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
  deadlines: { apply_by: string | null; pay_own_share_by: string | null; complete_by: string };
  /** The codes of the reasons it is not eligible (empty when eligible). */
  blocking: string[];
  /** The engine and its version, "kmo 0.1.0". */
  engine: string;
}

/** <kmo-calculator lang="nl|fr|en" catalogue="URL" provider="Name">. */
export declare class KmoCalculator extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The detail of the quote shown, or null. */
  readonly quote: KmoQuoteDetail | null;
}

/** A visitor's number as a decimal string ("1.250,50" in Dutch → "1250.50"), or null. */
export declare function parseDecimal(text: string, lang: 'nl' | 'fr' | 'en'): string | null;

/** Today in Europe/Brussels, `YYYY-MM-DD`. */
export declare function todayInBrussels(now?: Date): string;

declare global {
  interface HTMLElementTagNameMap {
    'kmo-calculator': KmoCalculator;
  }
  interface HTMLElementEventMap {
    'kmo-quote': CustomEvent<KmoQuoteDetail>;
  }
}
