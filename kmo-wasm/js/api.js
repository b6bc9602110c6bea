// The JavaScript API of kmo, shared by the Node, browser and bundler entries. It converts and
// delegates: plain objects become JSON text (numbers keep their shortest decimal text), the
// WebAssembly engine answers in JSON, and error documents become thrown KmoError objects. It
// decides nothing: defaults, checks, numbers and messages are the engine's. What it refuses
// itself is only what cannot cross to the engine as it is: a value JSON cannot write (a cycle,
// a function, a symbol) and, for `quoteNumbers`, what is not whole questions of numbers, each
// with the code the engine gives the like (MALFORMED_JSON, WRONG_TYPE, MISSING_FIELD) and an
// English message.
//
// Where the question is numbers (`quote`, and `classify` from one period's figures), the common
// question crosses as numbers instead of text (the engine's typed doors, src/typed.rs): each
// value in the one plain form every face reads the same way (a date `YYYY-MM-DD`, an amount
// of digits with at most two decimals, a code of the engine's lists) is passed as its number,
// and the engine checks it with the constructor the JSON document's value goes through. Any
// other question — a field this layer does not convert, a value in another form, a value the
// engine refuses, an answer with a blocking reason (whose message the engine writes) — goes
// through the JSON door. Both doors give the same answer (tests/typed.test.js).

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

// The engine judges what the text holds (an object, a list); what cannot become JSON text at all
// (a cycle) is refused here, and so is a value JSON.stringify would leave out without a word (a
// function, a symbol: the field would read as absent, a list's item as null), at its field:
// WRONG_TYPE, as the engine refuses a value of the wrong JSON type. `undefined` is a field left
// out (in a list, `null`, which the engine refuses). JSON.stringify is about twice as fast without
// a replacer: the text is written without it first, and again with it only when the replacer
// could have changed it (a non-finite number is written `null` without it, a BigInt throws), so
// the text is always the replacer's.
function encode(value, what) {
  let text;
  let bad = null;
  try {
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    if (text === undefined || text.includes('null')) text = JSON.stringify(value, replacer);
    // Written: no cycle, so the walks end.
    if (text !== undefined && typeof value === 'object' && value !== null && !plain(value)) bad = unwritable(value, '', '');
  } catch (e) {
    throw new KmoError('MALFORMED_JSON', '', `${what} cannot be written as JSON: ${e.message}`);
  }
  if (bad !== null) throw new KmoError('WRONG_TYPE', bad.path, `expected a JSON value, found ${bad.found}`);
  return text ?? 'null';
}

// Whether JSON.stringify writes `value` and everything under it as it finds it: no function, no
// symbol, no object with a toJSON (each of them, and an inherited enumerable key, is left to
// `unwritable`, which looks as JSON.stringify does). Most requests end here: the walk costs
// about a seventh of writing the text.
function plain(value) {
  if (value.toJSON !== undefined) return false;
  for (const k in value) {
    const v = value[k];
    const type = typeof v;
    if (type === 'object' ? v !== null && !plain(v) : type === 'function' || type === 'symbol') return false;
  }
  return true;
}

// The first value JSON cannot write (a function, a symbol) in `v`, the value at `key` whose
// document path is `path`, visited as JSON.stringify visits them (what toJSON gives, a list's
// items, own enumerable keys in their order): `{ found, path }`, or null.
function unwritable(v, key, path) {
  if (typeof v?.toJSON === 'function') v = v.toJSON(key);
  const type = typeof v;
  if (type === 'function' || type === 'symbol') return { found: `a ${type}`, path };
  if (type !== 'object' || v === null) return null;
  const list = Array.isArray(v);
  for (const k of list ? v.keys() : Object.keys(v)) {
    const found = unwritable(v[k], String(k), list ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`);
    if (found !== null) return found;
  }
  return null;
}

/** What a value is, in the words of the engine's WRONG_TYPE messages ("expected …, found a string"). */
function typeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  const type = typeof v;
  return type === 'object' ? 'an object' : type === 'undefined' ? 'undefined' : type === 'bigint' ? 'a BigInt' : `a ${type}`;
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

// ---- Values as numbers (the typed doors) --------------------------------------------------
// Each returns -1 for a value not in its plain form: the question then goes as JSON text.

const POW10 = [1, 10, 100, 1000];

/**
 * A plain decimal (digits, no leading zero, at most `places` decimals and `digits` digits before
 * the point) as a whole number of its `places`-th parts: '2000.5' → 200050 for cents. A number
 * is read as the text JSON writes for it (its shortest round-trip form, what the JSON door
 * reads).
 */
function scaled(value, places, digits) {
  let text;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value < 10 ** digits) return value * POW10[places];
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return -1;
  }
  const n = text.length;
  let i = 0;
  let whole = 0;
  if (text.charCodeAt(0) === 48) {
    i = 1; // '0' or '0.…'; '01' is not plain: it stops at the next character
  } else {
    for (; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      whole = whole * 10 + c;
    }
    if (i === 0 || i > digits) return -1;
  }
  let part = 0;
  let decimals = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46 || i === n - 1) return -1;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9 || decimals === places) return -1;
      part = part * 10 + c;
      decimals++;
    }
  }
  return whole * POW10[places] + part * POW10[places - decimals];
}

/** 'YYYY-MM-DD' → yyyymmdd (whether it is a date is the engine's check). */
function dayNumber(value) {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

// Two digits after a separator, for 0–99: '.05', '-03' (a table: no number written per call).
const twoDigits = (separator) => Array.from({ length: 100 }, (_, i) => `${separator}${i < 10 ? '0' : ''}${i}`);
const CENTS = /* @__PURE__ */ twoDigits('.');
const DAY = /* @__PURE__ */ twoDigits('-');

/** Whole cents as the engine writes an amount: '600.00'. */
function moneyText(cents) {
  const r = cents % 100;
  return String((cents - r) / 100) + CENTS[r];
}

/** yyyymmdd as the engine writes a date: '2026-03-24'; 0 is none (null). */
function isoDate(n) {
  if (n === 0) return null;
  const d = n % 100;
  const m = ((n - d) / 100) % 100;
  return String((n - m * 100 - d) / 10000) + DAY[m] + DAY[d];
}

/** Basis points as the engine writes a percentage, without trailing zeros: 3000 → '30'. */
const percentText = (bp) => String(bp / 100);

/** A plain object JSON.stringify writes as its own fields (no array, no toJSON). */
const plainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && typeof value.toJSON !== 'function';

/**
 * The typed doors of an engine that has them (the full build), with the numbering they use.
 * Given to `makeApi` by the package's entries; the calculator, whose lean engine has none,
 * leaves it out, and its bundle with it.
 */
export function typedDoors(raw) {
  if (typeof raw.quoteFigures !== 'function') return null;
  let numbering = null;
  let view = null;
  // The code names of the engine's lists, by number and by name (the core's numbering).
  function names() {
    if (numbering === null) {
      const lists = { ...JSON.parse(raw.codesJson()), ...JSON.parse(raw.typedCodes()) };
      const number = {};
      for (const key of ['kind', 'lang', 'size_class', 'subtheme', 'theme']) {
        number[key] = new Map(lists[key].map((name, i) => [name, i + 1]));
      }
      numbering = { lists, number, engine: raw.engine() };
    }
    return numbering;
  }
  // The answer of the last quoteFigures, in the module's memory (a new view after it grows).
  function answer() {
    if (view === null || view.byteLength === 0) view = new Float64Array(raw.wasmMemory().buffer, raw.answerAddress(), 17);
    return view;
  }
  const code = (list, value) => (typeof value === 'string' ? list.get(value) ?? -1 : -1);
  // Each slot of the answer written as the engine writes it, its last text remembered: most of
  // a quote (its dates, its ceiling, its rate) stays the same from one question to the next, as
  // a page asks again with one field changed, and writing numbers is most of the cost of an
  // answer on this side.
  const lastNumber = new Float64Array(17).fill(Number.NaN);
  const lastText = new Array(17).fill(null);
  function written(a, i, write) {
    const n = a[i];
    if (n !== lastNumber[i]) {
      lastText[i] = write(n);
      lastNumber[i] = n;
    }
    return lastText[i];
  }
  let sizeClasses = null;

  /** The quote's answer from numbers, or undefined when the question goes as JSON text. */
  function quote(question) {
    if (!plainObject(question)) return undefined;
    let date = -1;
    let size = -1;
    let kind = 0;
    let theme = 0;
    let subtheme = 0;
    let start = 0;
    let cost = -1;
    let used = Number.NaN;
    let vat = Number.NaN;
    let lang = 0;
    let provider;
    const numbers = names().number;
    for (const key in question) {
      if (!Object.hasOwn(question, key)) continue;
      const value = question[key];
      if (value === undefined) continue; // JSON leaves it out
      let n;
      switch (key) {
        case 'application_date': n = date = dayNumber(value); break;
        case 'start_date': n = start = dayNumber(value); break;
        case 'size_class': n = size = code(numbers.size_class, value); break;
        case 'kind': n = kind = code(numbers.kind, value); break;
        case 'theme': n = theme = code(numbers.theme, value); break;
        case 'subtheme': n = subtheme = code(numbers.subtheme, value); break;
        case 'lang': n = lang = code(numbers.lang, value); break;
        case 'cost': n = cost = scaled(value, 2, 13); break;
        case 'aid_used': n = used = scaled(value, 2, 13); break;
        case 'vat_rate': n = vat = scaled(value, 2, 3); break;
        case 'provider':
          if (typeof value !== 'string') return undefined;
          provider = value;
          n = 0;
          break;
        default:
          return undefined; // options, a field the question does not know, …: the JSON door
      }
      if (n < 0) return undefined;
    }
    if (date < 0 || size < 0 || cost < 0) return undefined; // a field missing: the JSON door says which
    if (raw.quoteFigures(date, size, kind, theme, subtheme, start, cost, used, vat, 0, 0, lang, provider) !== 0) return undefined;
    sizeClasses ??= names().lists.size_class;
    const a = answer();
    if (a[15] !== 0 || a[16] !== 0) return undefined; // blocking reasons: their messages are the engine's
    return {
      aid: written(a, 6, moneyText),
      blocking: [],
      capped: a[11] === 1,
      ceiling: written(a, 9, moneyText),
      ceiling_left: written(a, 10, moneyText),
      deadlines: { apply_by: written(a, 12, isoDate), complete_by: written(a, 14, isoDate), pay_own_share_by: written(a, 13, isoDate) },
      eligible: true,
      eligible_cost: written(a, 5, moneyText),
      findings: [],
      own_share: written(a, 7, moneyText),
      rate: written(a, 4, percentText),
      size_class: sizeClasses[a[3] - 1],
      vat: written(a, 8, moneyText),
    };
  }

  /** The classification of one period's figures from numbers, or undefined (then as JSON text). */
  function classify(size) {
    if (!plainObject(size)) return undefined;
    let staff = -1;
    let turnover = -1;
    let balance = -1;
    for (const key in size) {
      if (!Object.hasOwn(size, key)) continue;
      const value = size[key];
      if (value === undefined) continue;
      let n;
      switch (key) {
        case 'staff_awu': n = staff = scaled(value, 3, 9); break;
        case 'turnover': n = turnover = scaled(value, 2, 13); break;
        case 'balance_sheet': n = balance = scaled(value, 2, 13); break;
        default: return undefined;
      }
      if (n < 0) return undefined;
    }
    if (staff < 0 || turnover < 0 || balance < 0) return undefined;
    const r = raw.classifyFigures(staff, turnover, balance);
    if (r >>> 20 !== 0) return undefined; // refused: the JSON door gives the error
    const n = names();
    return {
      engine: n.engine,
      is_sme: (r & 8) !== 0,
      public_share: percentText((r >>> 5) & 0x3fff),
      size_class: n.lists.size_class[(r & 7) - 1],
      small_mid_cap: (r & 16) !== 0,
      sme: null,
    };
  }

  /**
   * Many quick quotes from numbers in one call (see `quoteNumbers` in index.d.ts). What is not a
   * list of numbers, or not whole questions, is refused here, as the JSON door refuses a value of
   * the wrong type or a field left out (path `questions`, `questions[i]`); what a question's
   * numbers say, the engine answers in its status.
   */
  function quoteNumbers(questions) {
    let numbers = questions;
    if (!(questions instanceof Float64Array)) {
      const n = typeof questions === 'object' && questions !== null ? questions.length : undefined;
      if (!Number.isSafeInteger(n) || n < 0) throw new KmoError('WRONG_TYPE', 'questions', `expected a list of numbers, found ${typeName(questions)}`);
      numbers = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = questions[i];
        if (typeof v !== 'number') throw new KmoError('WRONG_TYPE', `questions[${i}]`, `expected a number, found ${typeName(v)}`);
        numbers[i] = v;
      }
    }
    const slots = names().lists.question;
    const left = numbers.length % slots.length;
    if (left !== 0) {
      throw new KmoError('MISSING_FIELD', `questions[${numbers.length}]`,
        `a question is ${slots.length} numbers; the last one has ${left}, without its \`${slots[left]}\``);
    }
    return raw.quoteNumbers(numbers);
  }

  return { quote, classify, quoteNumbers, numbering: () => names().lists };
}

/**
 * `assess` over the wasm-bindgen module `raw`: the one function the calculator's lean engine
 * serves (its bundle takes this, not the whole API).
 */
export function makeAssess(raw) {
  /** Assesses one application. Throws KmoError on invalid input. */
  return function assess(request) {
    return decode(raw.assessJson(encode(request, 'the request')));
  };
}

/** Builds the API over the wasm-bindgen module `raw`, with its typed doors when given `doors`. */
export function makeApi(raw, doors) {
  const typed = doors?.(raw) ?? null;
  const assess = makeAssess(raw);

  /** The SME size class from `enterprise.size` (declared, figures, or the full form). */
  function classify(size) {
    return typed?.classify(size) ?? decode(raw.classifyJson(encode(size, 'the size')));
  }

  /**
   * A quick quote: size class, service, theme, provider, date and cost → aid, own share, VAT,
   * ceiling, deadlines, and every blocking reason with its message (`findings`, as `assess`
   * writes them, with a warning for every unknown field). Conditions not given are not checked;
   * `assess` gives every finding and the explanation.
   */
  function quote(question) {
    return typed?.quote(question) ?? decode(raw.quoteJson(encode(question, 'the question')));
  }

  /**
   * Many quick quotes in one call, as numbers: `questions` holds `codes().quote_question.length`
   * numbers per question, the answer `codes().quote_answer.length` per question.
   */
  function quoteNumbers(questions) {
    return typed.quoteNumbers(questions);
  }

  /** Every rulebook edition with its dates, rates, uplifts and references. */
  function rulebooks() {
    return JSON.parse(raw.rulebooksJson());
  }

  /** The numbering of the coded values shared with the C library (1 for the first). */
  function codes() {
    const lists = { ...JSON.parse(raw.codesJson()) };
    if (typed !== null) {
      const more = typed.numbering();
      for (const key of ['error', 'lang', 'own_share_deadline']) lists[key] = [...more[key]];
      lists.quote_question = [...more.question];
      lists.quote_answer = [...more.answer];
    }
    return lists;
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
     * chooses the language of its error messages (Dutch by default; an applied request's
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

  return { assess, classify, quote, quoteNumbers, rulebooks, codes, checkProviderNumber, checkEnterpriseNumber, Wallet, engine: () => raw.engine() };
}
