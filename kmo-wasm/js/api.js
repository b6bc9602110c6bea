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
  const text = (v) => (v === undefined || v === null ? '' : String(v));
  const pad2 = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
  const money = (cents) => {
    const c = cents % 100;
    return `${(cents - c) / 100}.${pad2[c]}`;
  };
  const percent = (bp) => {
    const c = bp % 100;
    if (c === 0) return String((bp - c) / 100);
    return `${(bp - c) / 100}.${c % 10 === 0 ? c / 10 : pad2[c]}`;
  };
  // Deadlines repeat from one quote to the next: their text is kept (at most 4 096 dates).
  const days = new Map();
  const day = (n) => {
    if (!n) return null;
    let text = days.get(n);
    if (text === undefined) {
      const d = n % 100;
      const m = ((n - d) / 100) % 100;
      text = `${(n - m * 100 - d) / 10000}-${pad2[m]}-${pad2[d]}`;
      if (days.size >= 4096) days.clear();
      days.set(n, text);
    }
    return text;
  };

  // The quick quote's fast lane: inputs of the plain form (YYYY-MM-DD, codes as written,
  // amounts with at most two decimals) are turned into numbers here and answered by
  // `quickQuoteCodes` in place; everything else, and every invalid value, goes through
  // `quickQuote` with the text, whose parsing is the engine's and which returns the error.
  // Both lanes give the same answer (tests/quote.test.js checks it on thousands of inputs).
  const table = JSON.parse(raw.quickQuoteCodesTable());
  const numbering = (list) => new Map(list.map((name, i) => [name, i + 1]));
  const sizeCode = numbering(table.size_class);
  const kindCode = numbering(table.kind);
  const themeCode = numbering(table.theme);
  const subthemeCode = numbering(table.subtheme);
  const outAt = raw.quickQuoteBuffer();
  let out = new Float64Array(raw.wasmMemory().buffer, outAt, 12);
  const numbered = (map, v, fallback) => (v === undefined || v === null || v === '' ? fallback : (map.get(v) ?? -1));
  // yyyymmdd from `YYYY-MM-DD`, -1 for any other form (the engine checks the calendar).
  const ymd = (v) => {
    if (typeof v !== 'string' || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return -1;
    let n = 0;
    for (let i = 0; i < 10; i++) {
      if (i === 4 || i === 7) continue;
      const d = v.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return -1;
      n = n * 10 + d;
    }
    return n;
  };
  // Hundredths from digits with at most `intDigits` before and two after the point (exact:
  // at most 15 digits), -1 for any other form. Numbers are read from their shortest text.
  const hundredths = (v, intDigits) => {
    const s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
    const n = s.length;
    let value = 0;
    let point = -1;
    for (let i = 0; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d >= 0 && d <= 9) value = value * 10 + d;
      else if (d === -2 && point < 0) point = i;
      else return -1;
    }
    const decimals = point < 0 ? 0 : n - point - 1;
    const whole = point < 0 ? n : point;
    if (whole === 0 || whole > intDigits || (point >= 0 && decimals === 0) || decimals > 2) return -1;
    return decimals === 2 ? value : decimals === 1 ? value * 10 : value * 100;
  };
  const optionalDay = (v) => (v === undefined || v === null || v === '' ? 0 : ymd(v));

  function fast(q) {
    const date = ymd(q.application_date);
    const size = numbered(sizeCode, q.size_class, -1);
    const kind = numbered(kindCode, q.kind ?? 'training', -1);
    const theme = numbered(themeCode, q.theme, 0);
    const subtheme = numbered(subthemeCode, q.subtheme, 0);
    const start = optionalDay(q.start_date);
    const cost = hundredths(q.cost, 13);
    const used = q.aid_used === undefined ? 0 : hundredths(q.aid_used, 13);
    const vat = q.vat_rate === undefined ? 2100 : hundredths(q.vat_rate, 3);
    if ((date | size | kind | theme | subtheme | start | vat) < 0 || cost < 0 || used < 0) return null;
    if (!raw.quickQuoteCodes(date, size, kind, theme, subtheme, start, cost, used, vat)) return null;
    if (out.length === 0) out = new Float64Array(raw.wasmMemory().buffer, outAt, 12); // memory grew
    return out;
  }

  function slow(q) {
    try {
      return raw.quickQuote(text(q.application_date), text(q.size_class), text(q.kind ?? 'training'), text(q.theme), text(q.subtheme),
        text(q.start_date), text(q.cost), text(q.aid_used ?? '0'), text(q.vat_rate ?? '21'));
    } catch (e) {
      if (typeof e === 'string') decode(e);
      throw e;
    }
  }

  /**
   * A quick quote: size class, service, theme, date and cost → aid, own share, VAT, ceiling,
   * deadlines, and the blocking reasons. Conditions not given are not checked; `assess` gives
   * the findings and the explanation.
   */
  function quote(q) {
    if (q === null || typeof q !== 'object') throw new KmoError('MALFORMED_JSON', '', 'the quote must be an object');
    const r = fast(q) ?? slow(q);
    const flags = r[0];
    const blocking = flags === 0 ? [] : codes.filter((_, i) => flags & (2 ** i));
    return {
      eligible: flags === 0,
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
