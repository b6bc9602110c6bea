// The JavaScript API of kmo, shared by the Node, browser and bundler entries. It converts and
// delegates: plain objects become JSON text (numbers keep their shortest decimal text), the
// WebAssembly engine answers in JSON, and error documents become thrown KmoError objects. It
// decides nothing: defaults, checks, numbers and messages are the engine's.

/**
 * An invalid request: `code` is stable (SCREAMING_SNAKE), `path` names the field, and `message`
 * is the engine's text alone, in the request's language, fit to show a visitor next to the field.
 */
export class KmoError extends Error {
  constructor(code, path, message) {
    super(message);
    this.name = 'KmoError';
    this.code = code;
    this.path = path;
  }
}

// Non-finite numbers cannot be written as JSON numbers: they travel as text, so that the engine
// rejects them with the field's own error (INVALID_AMOUNT at service.cost, …) instead of JSON
// silently turning them into null. A BigInt travels as its exact digits.
function replacer(_key, value) {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return value;
}

// The engine judges what the text holds (an object, a list); only what cannot become JSON text
// at all (a cycle) is refused here. `undefined` becomes `null`, which the engine refuses.
function encode(value, what) {
  try {
    return JSON.stringify(value, replacer) ?? 'null';
  } catch (e) {
    throw new KmoError('MALFORMED_JSON', '', `${what} cannot be written as JSON: ${e.message}`);
  }
}

function decode(text) {
  const value = JSON.parse(text);
  if (value && typeof value === 'object' && value.error) {
    throw new KmoError(value.error.code, value.error.path, value.error.message);
  }
  return value;
}

// A value the engine reads as text (an id, a date, an amount): numbers keep their shortest
// decimal text, anything else its string form; the engine checks it.
const text = String;
// A language argument: not given is empty (the engine's default), anything else its text,
// which the engine refuses when it is not a language it knows.
const language = (value) => (value === undefined || value === null ? '' : String(value));

/** Builds the API over the wasm-bindgen module `raw`. */
export function makeApi(raw) {
  /** Assesses one application. Throws KmoError on invalid input. */
  function assess(request) {
    return decode(raw.assessJson(encode(request, 'the request')));
  }

  /** The SME size class from `enterprise.size` (declared, figures, or the full form). */
  function classify(size) {
    return decode(raw.classifyJson(encode(size, 'the size')));
  }

  /**
   * A quick quote: size class, service, theme, provider, date and cost → aid, own share, VAT,
   * ceiling, deadlines, and every blocking reason with its message (`findings`, as `assess`
   * writes them, with a warning for every unknown field). Conditions not given are not checked;
   * `assess` gives every finding and the explanation.
   */
  function quote(question) {
    return decode(raw.quoteJson(encode(question, 'the question')));
  }

  /** Every rulebook edition with its dates, rates, uplifts and references. */
  function rulebooks() {
    return JSON.parse(raw.rulebooksJson());
  }

  /** The numbering of the coded values shared with the C library (1 for the first). */
  function codes() {
    return JSON.parse(raw.codesJson());
  }

  /** Checks a provider number (tolerant); `{ canonical, service }` or throws KmoError. */
  function checkProviderNumber(value, lang) {
    return decode(raw.checkProviderNumber(text(value), language(lang)));
  }

  /** Checks a Belgian enterprise number; `{ canonical }` or throws KmoError. */
  function checkEnterpriseNumber(value, lang) {
    return decode(raw.checkEnterpriseNumber(text(value), language(lang)));
  }

  /** One enterprise's applications across a year and across years. */
  class Wallet {
    #handle;
    #lang;

    /**
     * An empty wallet, or one read from its document (object or JSON text). `options.lang`
     * chooses the language of its error messages (English by default; an applied request's
     * own `lang` wins for that request).
     */
    constructor(document, options) {
      this.#lang = language(options?.lang);
      try {
        if (document === undefined || document === null) {
          this.#handle = new raw.WalletHandle(this.#lang);
        } else {
          const json = typeof document === 'string' ? document : encode(document, 'the wallet');
          this.#handle = raw.WalletHandle.fromJson(json, this.#lang);
        }
      } catch (e) {
        if (typeof e === 'string') decode(e);
        throw e;
      }
    }

    /** Reads a wallet document. */
    static fromJSON(document, options) {
      return new Wallet(document, options);
    }

    /** The wallet document (applications and years). */
    toJSON() {
      return JSON.parse(this.#handle.toJson());
    }

    /** Assesses a request against the wallet and records it when eligible. */
    apply(request) {
      return decode(this.#handle.apply(encode(request, 'the request')));
    }

    /** Quotes intended requests in order, without recording them. */
    plan(requests) {
      return decode(this.#handle.plan(encode(requests, 'the plan')));
    }

    /**
     * Pays part of an application's own share. What is overdue on `date` lapses first (listed in
     * `lapsed`); a payment after the application's own deadline is refused (`APPLICATION_ENDED`:
     * it has lapsed, the message says when and what is refunded).
     */
    pay(id, date, amount) {
      return decode(this.#handle.pay(text(id), text(date), text(amount), this.#lang));
    }

    /** Releases an amount to the provider. */
    release(id, date, amount) {
      return decode(this.#handle.release(text(id), text(date), text(amount), this.#lang));
    }

    /** Stops an application; returns the settlement. */
    stop(id, date) {
      return decode(this.#handle.stop(text(id), text(date), this.#lang));
    }

    /** Lets lapse every application whose own share is not paid in full by its deadline, as of `date`: `{ lapsed }`. */
    lapseOverdue(date) {
      return decode(this.#handle.lapseOverdue(text(date), this.#lang));
    }

    /** The budget of `date`'s calendar year as it stands on that date (what is overdue by then lapsed; the wallet is not changed): `{ lapsed, year }`. */
    budget(date) {
      return decode(this.#handle.budget(text(date), this.#lang));
    }

    /** Frees the WebAssembly memory now (it is also freed when the wallet is collected). */
    free() {
      this.#handle.free();
    }
  }

  return { assess, classify, quote, rulebooks, codes, checkProviderNumber, checkEnterpriseNumber, Wallet, engine: () => raw.engine() };
}
