// The JavaScript API of kmo, shared by the Node, browser and bundler entries. It converts and
// delegates: plain objects become JSON text (numbers keep their shortest decimal text), the
// WebAssembly engine answers in JSON, and error documents become thrown KmoError objects.

/** An invalid request: `code` is stable (SCREAMING_SNAKE), `path` names the field. */
export class KmoError extends Error {
  constructor(code, path, message) {
    super(path ? `${path}: ${message}` : message);
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

function encode(value, what) {
  if (value === null || typeof value !== 'object') {
    throw new KmoError('MALFORMED_JSON', '', `${what} must be an object`);
  }
  try {
    return JSON.stringify(value, replacer);
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

/** Builds the API over the wasm-bindgen module `raw`. */
export function makeApi(raw) {
  /** Assesses one application (CONTRACT.md §1). Throws KmoError on invalid input. */
  function assess(request) {
    return decode(raw.assessJson(encode(request, 'the request')));
  }

  /** The SME size class from `enterprise.size` (declared, figures, or the full form). */
  function classify(size) {
    return decode(raw.classifyJson(encode(size, 'the size')));
  }

  const codes = JSON.parse(raw.findingCodes());
  const text = (v) => (v === undefined || v === null ? '' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : String(v));
  const money = (cents) => `${(cents - (cents % 100)) / 100}.${String(cents % 100).padStart(2, '0')}`;
  const percent = (bp) => (bp % 100 === 0 ? String((bp - (bp % 100)) / 100) : `${(bp - (bp % 100)) / 100}.${String(bp % 100).padStart(2, '0')}`.replace(/0$/, ''));
  const day = (n) => (n ? `${(n - (n % 10000)) / 10000}-${String(((n % 10000) - (n % 100)) / 100).padStart(2, '0')}-${String(n % 100).padStart(2, '0')}` : null);

  /**
   * A quick quote: size class, service, theme, date and cost → aid, own share, VAT, ceiling,
   * deadlines, and the blocking reasons. Conditions not given are not checked; `assess` gives
   * the findings and the explanation.
   */
  function quote(q) {
    if (q === null || typeof q !== 'object') throw new KmoError('MALFORMED_JSON', '', 'the quote must be an object');
    let r;
    try {
      r = raw.quickQuote(text(q.application_date), text(q.size_class), text(q.kind ?? 'training'), text(q.theme), text(q.subtheme),
        text(q.start_date), text(q.cost), text(q.aid_used ?? '0'), text(q.vat_rate ?? '21'));
    } catch (e) {
      if (typeof e === 'string') decode(e);
      throw e;
    }
    const blocking = codes.filter((_, i) => r[0] & (2 ** i));
    return {
      eligible: blocking.length === 0,
      size_class: q.size_class,
      rate: percent(r[1]),
      eligible_cost: money(r[11]),
      aid: money(r[2]),
      own_share: money(r[3]),
      vat: money(r[4]),
      ceiling: money(r[5]),
      ceiling_left: money(r[6]),
      capped: r[7] === 1,
      deadlines: { apply_by: day(r[8]), pay_own_share_by: day(r[9]), complete_by: day(r[10]) },
      blocking,
    };
  }

  /** Every rulebook edition with its dates, rates, uplifts and references. */
  function rulebooks() {
    return JSON.parse(raw.rulebooksJson());
  }

  /** Checks a provider number (tolerant); `{ canonical, service }` or throws KmoError. */
  function checkProviderNumber(text) {
    return decode(raw.checkProviderNumber(String(text)));
  }

  /** Checks a Belgian enterprise number; `{ canonical }` or throws KmoError. */
  function checkEnterpriseNumber(text) {
    return decode(raw.checkEnterpriseNumber(String(text)));
  }

  /** One enterprise's applications across a year and across years. */
  class Wallet {
    #handle;

    /** An empty wallet, or one read from its document (object or JSON text). */
    constructor(document) {
      if (document === undefined) {
        this.#handle = new raw.WalletHandle();
      } else {
        const text = typeof document === 'string' ? document : encode(document, 'the wallet');
        try {
          this.#handle = raw.WalletHandle.fromJson(text);
        } catch (e) {
          if (typeof e === 'string') decode(e);
          throw e;
        }
      }
    }

    /** Reads a wallet document. */
    static fromJSON(document) {
      return new Wallet(document);
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
      if (!Array.isArray(requests)) throw new KmoError('MALFORMED_JSON', '', 'the plan must be a list of requests');
      return decode(this.#handle.plan(JSON.stringify(requests, replacer)));
    }

    /** Pays part of an application's own share (a late payment makes it lapse). */
    pay(id, date, amount) {
      return decode(this.#handle.pay(id, String(date), String(amount)));
    }

    /** Releases an amount to the provider. */
    release(id, date, amount) {
      return decode(this.#handle.release(id, String(date), String(amount)));
    }

    /** Stops an application; returns the settlement. */
    stop(id, date) {
      return decode(this.#handle.stop(id, String(date)));
    }

    /** Frees the WebAssembly memory now (it is also freed when the wallet is collected). */
    free() {
      this.#handle.free();
    }
  }

  return { assess, classify, quote, rulebooks, checkProviderNumber, checkEnterpriseNumber, Wallet, engine: () => raw.engine() };
}
