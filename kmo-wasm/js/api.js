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

  /**
   * A quick quote: size class, service, theme, date and cost → aid, own share, VAT. Conditions
   * not given are not checked (see `findings`).
   */
  function quote(q) {
    if (q === null || typeof q !== 'object') throw new KmoError('MALFORMED_JSON', '', 'the quote must be an object');
    const request = {
      application_date: q.application_date,
      lang: q.lang,
      enterprise: { size: { class: q.size_class } },
      service: {
        kind: q.kind ?? 'training',
        theme: q.theme ?? null,
        subtheme: q.subtheme ?? null,
        start_date: q.start_date ?? null,
        cost: q.cost,
        vat_rate: q.vat_rate,
      },
      wallet: { aid_used: q.aid_used ?? '0' },
    };
    let a;
    try {
      a = assess(request);
    } catch (e) {
      // Report paths in the quote's own terms.
      if (e instanceof KmoError) {
        const map = { 'enterprise.size.class': 'size_class', 'wallet.aid_used': 'aid_used' };
        const path = map[e.path] ?? e.path.replace(/^service\./, '');
        throw new KmoError(e.code, path, e.message.replace(/^[^:]*: /, ''));
      }
      throw e;
    }
    return {
      eligible: a.eligible,
      size_class: a.size_class,
      rate: a.rate,
      eligible_cost: a.eligible_cost,
      aid: a.aid,
      own_share: a.own_share,
      vat: a.vat,
      ceiling: a.ceiling,
      ceiling_left: a.ceiling_left,
      capped: a.capped,
      deadlines: a.deadlines,
      blocking: a.findings.filter((f) => f.severity === 'blocking').map((f) => f.code),
      findings: a.findings,
      rulebook: a.rulebook,
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
