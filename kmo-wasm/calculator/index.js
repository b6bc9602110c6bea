// <kmo-calculator>: the kmo-portefeuille calculator a provider embeds in its website with one
// script and one tag:
//
//   <script type="module" src="https://cdn.jsdelivr.net/npm/kmo-portefeuille/pkg/calculator/index.js"></script>
//   <kmo-calculator lang="nl" catalogue="/catalogue.json" provider="Flexorius"></kmo-calculator>
//
// The element asks what the provider's page is about (which service, its price, the start
// date, the application date, the company's size, the aid it already used this year, and
// whether it is its first application) and shows what the engine answers: the own share
// instead of the price, the aid, the VAT, what is left of the year's ceiling, the deadlines,
// the steps, the first registration's plan and the reasons with their articles. It decides
// nothing a rule decides; it parses the visitor's numbers into decimal strings and writes the
// engine's answer out in the visitor's language (dates in full). calculator/README.md documents the attributes, the
// catalogue, the kmo-quote event, the theming and the Content Security Policy.
//
// This is the source of the element; beside it, one concern a file: styles.js (its styles),
// numbers.js (the visitor's numbers and dates), engine.js (loading the language's engine, and
// the words shown before it loads or when it cannot), catalogue.js (the provider's catalogue).
// build.sh bundles them with the API layer into pkg/calculator/index.js (what the package
// exports), beside the engine: one lean WebAssembly module per language
// (engine-nl.wasm …, the texts of that language only, no wallet history, no full SME definition)
// with its own copy of the glue (engine-nl.js …), loaded when the element first needs it.
import { FINDING_GROUP, SERVICE_KINDS, SIZE_CLASSES, SUBTHEMES, THEMES } from '../js/lists.js';
import { loadCatalogue } from './catalogue.js';
import { EARLY, loadEngine } from './engine.js';
import { dated, day, format, formatInput, langOf, money, parseDecimal, todayInBrussels } from './numbers.js';
import { adopt } from './styles.js';

export { parseDecimal, todayInBrussels };

/** The engine's codes of a list, each with the calculator's word for it (the code if none). */
const labelled = (codes, words) => codes.map((c) => [c, words[c] ?? c]);

// A small element builder: h('p', { class: 'x', part: 'y' }, 'text', child…). Text is always
// text (never parsed as HTML), so catalogue titles and provider names are safe.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'text') el.textContent = v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

// The request fields and the form field that answers for each (an error's path → the field).
const FIELD_OF_PATH = [
  ['application_date', 'applied'],
  ['service.cost', 'price'],
  ['service.start_date', 'start'],
  ['service.kind', 'kind'],
  ['service.theme', 'theme'],
  ['service.subtheme', 'subtheme'],
  ['service', 'service'],
  ['enterprise.size.staff_awu', 'staff'],
  ['enterprise.size.turnover', 'turnover'],
  ['enterprise.size.balance_sheet', 'balance'],
  ['enterprise.size', 'size'],
  ['wallet', 'used'],
];
// The findings of the first registration's plan, shown with it: the warning first.
const REGISTRATION = ['ACTIVATION_LETTER_AFTER_DEADLINE', 'ACTIVATION_LINK_EXPIRES_FIRST', 'FIRST_TIME_REGISTRATION'];
const fieldOf = (path) => FIELD_OF_PATH.find(([p]) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))?.[1] ?? null;
// The form fields a chosen catalogue service fills (hidden while it is chosen).
const CATALOGUE_FIELDS = ['kind', 'theme', 'subtheme'];
const AMOUNTS = { price: 'amount', used: 'amount', turnover: 'amount', balance: 'amount', staff: 'number' };

// ---------------------------------------------------------------------------------------------
// The element.

// Where there is no DOM (a server rendering the page: Next.js, React Router, SvelteKit), the
// module still loads: the class extends a stand-in and is not registered; the page's tag is
// upgraded in the browser. Nothing else here touches the DOM before an element is made.
export class KmoCalculator extends (globalThis.HTMLElement ?? class {}) {
  static observedAttributes = ['lang', 'catalogue', 'provider'];

  #root;
  #api = null; // the engine's API, once loaded
  #apiLang = null; // the language of that engine (each module carries one language's texts)
  #words = null; // the words of that language (#t)
  #catalogue = { provider: {}, services: [] };
  #catalogueFailed = false;
  #state = null; // 'loading' | 'failed' | 'ready'
  #lang = 'nl';
  #values = null;
  #touched = new Set();
  #nodes = {};
  #last = null; // the last quote's detail (JSON) sent with kmo-quote
  #htmlObserver = null;
  #loadId = 0;
  #internals = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    adopt(this.#root);
    // The state for the page's styles as well: :state(eligible) where custom states exist.
    try {
      this.#internals = this.attachInternals();
      if (!this.#internals.states) this.#internals = null;
    } catch {
      this.#internals = null;
    }
  }

  /** The detail of the quote shown; null while none is shown (an entry to correct, loading). */
  get quote() {
    return this.#last ? JSON.parse(this.#last) : null;
  }

  // What the element shows, on the element itself for the page: the attribute data-state
  // (loading, failed, eligible, not-eligible, error) and the custom state of the same name.
  #setState(state) {
    if (this.dataset.state !== state) this.dataset.state = state;
    if (this.#internals) {
      for (const s of ['loading', 'failed', 'eligible', 'not-eligible', 'error']) {
        try {
          if (s === state) this.#internals.states.add(s);
          else this.#internals.states.delete(s);
        } catch {
          // an engine that only knows the older --dashed custom states
          this.#internals = null;
          break;
        }
      }
    }
  }

  connectedCallback() {
    if (!this.#htmlObserver) {
      // Without a lang attribute the element follows the page's <html lang>.
      this.#htmlObserver = new MutationObserver(() => this.#relang());
      this.#htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
    if (this.#state === null) {
      this.#lang = this.#pickLang();
      this.#load();
    } else {
      this.#relang();
    }
  }

  disconnectedCallback() {
    this.#htmlObserver?.disconnect();
    this.#htmlObserver = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || this.#state === null) return;
    if (name === 'catalogue') this.#load();
    else if (name === 'lang') this.#relang();
    else if (this.#state === 'ready') this.#render();
    else if (this.#state === 'failed') this.#renderFailure();
  }

  #pickLang() {
    return langOf(this.getAttribute('lang')) ?? langOf(document.documentElement.lang)
      ?? (navigator.languages ?? [navigator.language]).map(langOf).find(Boolean) ?? 'nl';
  }

  #relang() {
    const lang = this.#pickLang();
    if (lang === this.#lang) return;
    if (this.#values) {
      // Amounts keep their value, not their text ("1.250" is 1250 in Dutch, 1.25 in English).
      for (const [field, kind] of Object.entries(AMOUNTS)) {
        const d = parseDecimal(this.#values[field], this.#lang);
        if (d !== null) this.#values[field] = formatInput(lang, d, kind);
      }
    }
    this.#lang = lang;
    if (this.#state === 'ready') {
      if (this.#apiLang === lang) this.#render();
      else this.#switchEngine();
    } else if (this.#state === 'failed') this.#renderFailure();
    else this.#renderLoading();
  }

  // Another language needs its own module: a short loading state, then the form as it was.
  async #switchEngine() {
    const id = ++this.#loadId;
    const lang = this.#lang;
    this.#state = 'loading';
    this.#renderLoading();
    let api;
    try {
      api = await loadEngine(lang);
    } catch (e) {
      if (id !== this.#loadId) return;
      this.#state = 'failed';
      console.warn('<kmo-calculator>: the WebAssembly engine could not load:', e);
      this.#renderFailure();
      return;
    }
    if (id !== this.#loadId) return;
    this.#api = api;
    this.#apiLang = lang;
    this.#words = null;
    this.#state = 'ready';
    this.#render();
  }

  // The words in the element's language: the early ones, and the rest once that language's
  // engine (which brings them) is loaded.
  get #t() {
    const lang = this.#lang;
    if (this.#apiLang !== lang) return EARLY[lang];
    this.#words ??= { ...EARLY[lang], ...this.#api.texts };
    return this.#words;
  }

  get #provider() {
    return this.getAttribute('provider') || this.#catalogue.provider.name || '';
  }

  async #load() {
    const id = ++this.#loadId;
    this.#state = 'loading';
    this.#renderLoading();
    const lang = this.#lang;
    const loading = Promise.allSettled([loadEngine(lang), loadCatalogue(this)]);
    // While the engine downloads: the formatters the first answer needs, slow to make on a phone.
    for (const kind of ['money', 'amount', 'date']) format(lang, kind);
    todayInBrussels();
    const [api, catalogue] = await loading;
    if (id !== this.#loadId) return;
    if (api.status === 'rejected') {
      this.#state = 'failed';
      console.warn('<kmo-calculator>: the WebAssembly engine could not load:', api.reason);
      this.#renderFailure();
      return;
    }
    this.#api = api.value;
    this.#apiLang = lang;
    this.#words = null;
    this.#catalogueFailed = catalogue.status === 'rejected';
    this.#catalogue = catalogue.status === 'fulfilled' ? catalogue.value : { provider: {}, services: [] };
    this.#values ??= this.#defaults();
    if (this.#values.service && !this.#catalogue.services.some((s) => s.id === this.#values.service)) this.#values = this.#defaults();
    this.#state = 'ready';
    if (this.#lang !== lang) this.#switchEngine(); // the language changed while loading
    else this.#render();
  }

  #defaults() {
    const first = this.#catalogue.services[0];
    const today = todayInBrussels();
    return {
      service: first?.id ?? '',
      kind: 'training',
      theme: 'personeelsmanagement',
      subtheme: '',
      price: first ? formatInput(this.#lang, String(first.price), 'amount') : '',
      start: today,
      applied: today,
      size: 'small',
      staff: '',
      turnover: '',
      balance: '',
      used: '',
      first: false,
    };
  }

  #renderLoading() {
    const t = this.#t;
    this.#setState('loading');
    this.#root.replaceChildren(h('div', { class: 'status', part: 'status', role: 'status', 'aria-busy': 'true' }, t.loading));
  }

  #renderFailure() {
    const t = this.#t;
    const retry = h('button', { type: 'button', class: 'secondary', part: 'button' }, t.retry);
    retry.addEventListener('click', () => this.#load());
    this.#setState('failed');
    this.#root.replaceChildren(
      h('div', { class: 'status failed', part: 'status failure', role: 'alert', 'data-state': 'failed' },
        h('p', { text: t.engineFailed }),
        h('p', { text: t.contact(this.#provider) }),
        retry),
    );
  }

  // The form and the result, built once per language; input keeps the values in #values.
  #render() {
    const t = this.#t;
    const v = this.#values;
    const n = {};
    this.#nodes = n;
    const help = (id, text) => h('span', { class: 'help', part: 'help', id: `${id}-help`, text });
    const error = (id) => (n[`${id}Error`] = h('p', { class: 'error', part: 'error', id: `${id}-error`, hidden: true }));
    // A labelled input with its help and its error (type text unless `extra` says otherwise).
    const textField = (id, label, helpText, extra = {}) => {
      n[id] = h('input', {
        type: 'text', id, name: id, value: v[id], part: 'input', autocomplete: 'off',
        'aria-describedby': helpText ? `${id}-help` : null, ...extra,
      });
      return (n[`${id}Field`] = h('div', { class: 'field', part: 'field' },
        h('label', { for: id, part: 'label', text: label }), helpText ? help(id, helpText) : null, n[id], error(id)));
    };
    const select = (id, label, options, value) => {
      n[id] = h('select', { id, name: id, part: 'select' }, options.map(([val, text]) => h('option', { value: val, text, selected: val === value })));
      return (n[`${id}Field`] = h('div', { class: 'field', part: 'field' }, h('label', { for: id, part: 'label', text: label }), n[id], error(id)));
    };
    const amount = { inputmode: 'decimal', enterkeyhint: 'done', spellcheck: 'false' };

    // The price as the quote reads it: a decimal string formatted, anything else shown as given
    // (never `€NaN` beside a price the quote reads).
    const services = this.#catalogue.services.map((s) => [s.id, `${this.#title(s)} — ${formatInput(this.#lang, String(s.price), 'money')}`]);
    n.facts = h('p', { class: 'facts', part: 'help', id: 'service-help' });
    const serviceField = select('service', t.service, [...services, ['', t.other]], v.service);
    n.service.setAttribute('aria-describedby', 'service-help');
    serviceField.insertBefore(n.facts, n.serviceError);
    n.free = h('div', { part: 'free' },
      // The codes are the engine's lists (js/lists.js); the words, the calculator's.
      select('kind', t.kind, labelled(SERVICE_KINDS, t.kinds), v.kind),
      select('theme', t.theme, labelled(THEMES, t.themes), v.theme),
      select('subtheme', t.subtheme, labelled(['', ...SUBTHEMES], t.subthemes), v.subtheme));

    const sizes = [...SIZE_CLASSES, 'figures'];
    n.sizes = sizes.map((s) => h('input', { type: 'radio', name: 'size', value: s, checked: v.size === s, id: `size-${s}` }));
    n.sizeError = h('p', { class: 'error', part: 'error', id: 'size-error', hidden: true });
    n.sizeGroup = h('fieldset', { class: 'choices', part: 'choices', 'aria-describedby': 'size-help' },
      h('legend', { text: t.size }),
      help('size', t.sizeHelp),
      sizes.map((s, i) => h('label', { class: 'choice', part: 'choice', for: `size-${s}` }, n.sizes[i], h('span', { text: t.sizes[s] }))),
      n.sizeError);
    n.figures = h('div', { part: 'figures' },
      textField('staff', t.staff, t.staffHelp, amount),
      textField('turnover', t.turnover, t.turnoverHelp, amount),
      textField('balance', t.balance, t.balanceHelp, amount),
      h('p', { class: 'help', part: 'help', text: t.groupHelp }));
    n.first = h('input', { type: 'checkbox', id: 'first', name: 'first', checked: v.first });

    n.form = h('form', { part: 'form', novalidate: true, 'aria-label': t.form },
      this.#catalogueFailed ? h('p', { class: 'notice', part: 'notice', role: 'alert', text: t.catalogueFailed }) : null,
      h('fieldset', { part: 'fieldset' },
        h('legend', { text: t.serviceLegend }),
        serviceField,
        n.free,
        textField('price', t.price, t.priceHelp, amount),
        // On a phone the result comes after the form: what it costs, next to the choice; for a
        // first application, under its box, the last day to register or the warning.
        (n.peek = h('p', { class: 'peek', part: 'peek', 'aria-hidden': 'true' })),
        h('label', { class: 'choice', part: 'choice', for: 'first' }, n.first, h('span', { text: t.first })),
        (n.peekFirst = h('div', { class: 'peek', part: 'peek', 'aria-hidden': 'true' })),
        textField('start', t.start, t.startHelp.training, { type: 'date', autocomplete: null }),
        textField('applied', t.applied, t.appliedHelp, { type: 'date', autocomplete: null })),
      h('fieldset', { part: 'fieldset' },
        h('legend', { text: t.companyLegend }),
        n.sizeGroup,
        n.figures,
        textField('used', t.used, t.usedHelp, amount)),
      h('div', { class: 'actions' }, h('button', { type: 'submit', part: 'button submit', text: t.submit })));

    n.result = h('section', { class: 'result', part: 'result', 'aria-labelledby': 'result-title' });
    n.live = h('p', { class: 'headline', part: 'headline' });
    // One polite status region for the whole element: the headline of each new quote, or what
    // to fill in. It stays in the document so that screen readers announce its changes.
    n.announce = h('p', { class: 'sr-only', role: 'status' });
    this.#root.replaceChildren(h('div', { class: 'layout', part: 'layout' }, n.form, n.result), n.announce);

    n.form.addEventListener('input', (e) => this.#onInput(e));
    n.form.addEventListener('submit', (e) => {
      e.preventDefault();
      for (const f of ['price', 'start', 'applied', 'staff', 'turnover', 'balance', 'used', 'service', 'size']) this.#touched.add(f);
      this.#update(true);
    });
    this.#update(false);
  }

  #title(s) {
    const title = s.title;
    if (typeof title === 'string') return title;
    return title?.[this.#lang] ?? title?.nl ?? title?.en ?? Object.values(title ?? {})[0] ?? s.id;
  }

  #onInput(e) {
    const target = e.target;
    const n = this.#nodes;
    const v = this.#values;
    if (target.name === 'size') {
      v.size = target.value;
    } else if (target === n.first) {
      v.first = target.checked;
    } else if (target.name in v) {
      v[target.name] = target.value;
      this.#touched.add(target.name);
      if (target === n.service) {
        const s = this.#catalogue.services.find((x) => x.id === target.value);
        if (s) {
          v.price = formatInput(this.#lang, String(s.price), 'amount');
          n.price.value = v.price;
        }
      }
    }
    this.#update(false);
  }

  // The engine request from the form: amounts as decimal strings, nothing decided here.
  #request() {
    const v = this.#values;
    const applied = v.applied.trim();
    const amount = (field) => {
      const text = v[field].trim();
      if (text === '') return undefined;
      return parseDecimal(text, this.#lang) ?? text;
    };
    const s = this.#catalogue.services.find((x) => x.id === v.service);
    const kind = s ? s.kind : v.kind;
    const provider = this.#catalogue.provider;
    const number = kind === 'advice' ? provider.advice_number : provider.training_number;
    const size = v.size === 'figures'
      ? { staff_awu: amount('staff'), turnover: amount('turnover'), balance_sheet: amount('balance') }
      : { class: v.size };
    const request = {
      application_date: applied === '' ? undefined : applied,
      lang: this.#lang,
      enterprise: { size },
      service: {
        kind,
        theme: s ? (s.theme ?? null) : v.theme,
        subtheme: (s ? s.subtheme : v.subtheme) || null,
        start_date: v.start || null,
        cost: amount('price'),
      },
    };
    if (number) request.service.provider = number;
    if (s?.vat_rate !== undefined) request.service.vat_rate = String(s.vat_rate);
    const used = amount('used');
    if (used !== undefined) request.wallet = { aid_used: used };
    // A first application: the engine plans the registration from the application date.
    if (v.first) request.options = { first_time: true };
    return request;
  }

  #update(submitted) {
    const n = this.#nodes;
    const v = this.#values;
    const t = this.#t;
    const s = this.#catalogue.services.find((x) => x.id === v.service);
    n.free.hidden = Boolean(s);
    n.figures.hidden = v.size !== 'figures';
    // The chosen service in full (a select cuts a long title on a phone), then its kind and theme.
    n.facts.replaceChildren(...(s ? [h('span', { class: 'chosen', text: this.#title(s) }), h('br'),
      [t.kinds[s.kind], t.themes[s.theme], s.subtheme ? t.subthemes[s.subtheme] : null].filter(Boolean).join(' · ')] : []));
    n.facts.hidden = !s;
    const kind = s ? s.kind : v.kind;
    n.startField.querySelector('.help').textContent = t.startHelp[kind] ?? t.startHelp.training;
    // For a first application the date is the day of the registration, which the plan counts from.
    n.appliedField.querySelector('.help').textContent = v.first ? t.appliedHelpFirst : t.appliedHelp;

    const request = this.#request();
    let answer;
    let failure;
    try {
      answer = this.#api.assess(request);
    } catch (e) {
      failure = e;
    }
    this.#clearErrors();
    if (failure) {
      this.#showError(failure, request, submitted);
      return;
    }
    this.#showResult(answer, request);
    if (submitted) n.resultTitle.focus();
  }

  #clearErrors() {
    const n = this.#nodes;
    for (const f of ['service', 'kind', 'theme', 'subtheme', 'price', 'start', 'applied', 'staff', 'turnover', 'balance', 'used', 'size']) {
      const err = n[`${f}Error`];
      if (err) {
        err.hidden = true;
        err.textContent = '';
      }
      const input = f === 'size' ? n.sizeGroup : n[f];
      if (!input) continue;
      input.removeAttribute('aria-invalid');
      const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== `${f}-error`);
      if (described.length) input.setAttribute('aria-describedby', described.join(' '));
      else input.removeAttribute('aria-describedby');
    }
  }

  // The element's own words for the error codes a visitor meets (they speak of the form, not of
  // the JSON document), in the visitor's language; for any other code the engine's message,
  // which comes in the request's language too.
  #errorMessage(e) {
    const words = this.#t.errors[e.code];
    if (words) return words;
    const own = e.message;
    return own ? (own.charAt(0).toUpperCase() + own.slice(1)).replace(/`([^`]*)`/g, '“$1”') : this.#t.errors.default;
  }

  #showError(e, request, submitted) {
    const n = this.#nodes;
    const t = this.#t;
    const isKmo = e instanceof this.#api.KmoError;
    // No figure at all reads as "no size given"; the figure to fill in first is the staff.
    const path = isKmo && e.path === 'enterprise.size.class' && this.#values.size === 'figures' ? 'enterprise.size.staff_awu' : e.path;
    // A catalogue service's kind and themes have no field of their own while it is chosen (the
    // free fields are hidden): its error is the service's.
    const chosen = this.#catalogue.services.some((x) => x.id === this.#values.service);
    const own = isKmo ? fieldOf(path ?? '') : null;
    const field = chosen && CATALOGUE_FIELDS.includes(own) ? 'service' : own;
    const label = field ? this.#labelOf(field) : null;
    const quiet = field && !submitted && !this.#touched.has(field) && e.code === 'MISSING_FIELD';
    this.#result(null, { code: isKmo ? e.code : 'ERROR', path: isKmo ? e.path : '', field });
    const message = h('p', { part: 'message', 'data-code': isKmo ? e.code : 'ERROR', text: !label ? t.general : quiet ? t.fill(label) : t.fix(label) });
    n.result.replaceChildren(n.resultTitle = h('h2', { id: 'result-title', tabindex: '-1', text: t.resultTitle }), message);
    n.result.dataset.state = 'error';
    n.result.setAttribute('part', 'result error');
    n.peek.textContent = '';
    n.peekFirst.textContent = '';
    this.#setState('error');
    n.announce.textContent = message.textContent;
    if (!field || quiet) {
      if (!field) {
        message.setAttribute('role', 'alert');
        if (isKmo) message.append(' ', h('span', { class: 'ref', text: `(${e.code})` }));
      }
      return;
    }
    const input = field === 'size' ? n.sizeGroup : n[field];
    const err = n[`${field}Error`];
    err.textContent = isKmo ? this.#errorMessage(e) : t.general;
    err.hidden = false;
    err.dataset.code = e.code;
    err.dataset.path = e.path;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), `${field}-error`].filter(Boolean).join(' '));
    if (submitted) (field === 'size' ? n.sizes.find((r) => r.checked) ?? n.sizes[0] : input).focus();
  }

  #labelOf(field) {
    const t = this.#t;
    return field === 'size' ? t.size : field === 'service' ? t.service : t[field];
  }

  // The answer, written out: every number, date, reason and explanation is the engine's.
  #showResult(a, request) {
    const n = this.#nodes;
    const t = this.#t;
    const lang = this.#lang;
    const v = this.#values;
    const s = this.#catalogue.services.find((x) => x.id === v.service);
    const provider = this.#provider || t.providerFallback;
    const eur = (x) => money(lang, x);
    const title = s ? this.#title(s) : t.kinds[request.service.kind];

    const basis = [title, `${eur(a.invoiced)} ${t.exclVat}`, t.sizeClass[a.size_class], request.service.start_date ? t.startsOn(day(lang, request.service.start_date)) : null]
      .filter(Boolean).join(' · ');
    n.resultTitle = h('h2', { id: 'result-title', tabindex: '-1', text: t.resultTitle });
    const parts = [n.resultTitle, h('p', { class: 'basis', part: 'basis', text: `${t.basedOn} ${basis}` })];
    const blocking = a.findings.filter((f) => f.severity === 'blocking');
    // A bracketed reference ("[3p]") is a confidence mark, not an article: not shown.
    const ref = (r) => (/^\[.*\]$/.test(r) ? null : [' ', h('span', { class: 'ref', text: `(${r})` })]);
    const finding = (f, tag = 'li') => h(tag, { class: f.severity, 'data-code': f.code }, dated(lang, f.message), ref(f.ref));
    // A first application: the engine's plan of the registration (null under a refusal), and its
    // findings, shown with the plan (the warning first) rather than among the notes.
    const reg = a.registration;
    const planned = a.findings.filter((f) => REGISTRATION.includes(f.code)).sort((x, y) => REGISTRATION.indexOf(x.code) - REGISTRATION.indexOf(y.code));
    const late = planned.find((f) => f.code === REGISTRATION[0]);
    const registerBy = () => (reg?.register_by ? h('p', { class: 'register' }, `${t.registerBy} `, h('strong', { 'data-field': 'register_by', text: day(lang, reg.register_by) })) : null);
    // What a phone shows under the price with the headline: the warning, else the last day to register.
    const peek = !a.eligible ? null : late ? finding(late, 'p') : registerBy();

    // The deadlines the element shows, and sends in kmo-quote: under a quote that stands, the
    // procedure's (for a first application, not before the activation letter: the engine's
    // plan); under a refusal none is shown, and the engine's deadlines are sent.
    const step = (name) => a.procedure.find((p) => p.step === name) ?? {};
    const [apply, pay] = [step('apply'), step('pay_own_share')];
    const deadlines = a.eligible ? { apply_by: apply.until ?? null, pay_own_share_by: pay.until ?? null, complete_by: a.deadlines.complete_by } : { ...a.deadlines };

    if (a.eligible) {
      n.live.textContent = `${t.youPay(eur(a.own_share), eur(a.invoiced))} (${t.exclVat}).`;
      parts.push(n.live, h('p', { part: 'vat', text: t.plusVat(eur(a.vat), provider) }));
      if (reg) parts.push(h('div', { class: 'registration', part: 'registration' }, registerBy(), planned.map((f) => finding(f, 'p'))));
      parts.push(h('dl', { class: 'amounts', part: 'amounts' },
        h('dt', { text: t.priceRow }), h('dd', { 'data-field': 'price', text: eur(a.invoiced) }),
        h('dt', { text: t.aidRow(a.rate) }), h('dd', { 'data-field': 'aid', text: eur(a.aid) }),
        h('dt', { class: 'own', text: t.ownRow }), h('dd', { class: 'own', 'data-field': 'own_share', text: eur(a.own_share) }),
        h('dt', { text: t.vatRow(provider) }), h('dd', { 'data-field': 'vat', text: eur(a.vat) }),
        h('dt', { text: t.leftRow(eur(a.ceiling)) }), h('dd', { 'data-field': 'ceiling_left', text: eur(a.ceiling_left) })));
      // The dates of the procedure: counted from the activation letter, they are estimates
      // ("about"). The application ends at its deadline, or at the link's expiry when that
      // comes first (an estimate too).
      const when = (d, about) => (about ? t.about(day(lang, d)) : day(lang, d));
      const aboutUntil = (p) => (p.step === 'apply' ? Boolean(reg?.link_expires_first) : p.approximate);
      const dates = [[t.applyBy, deadlines.apply_by, 'apply_by', aboutUntil(apply)], [t.payBy, deadlines.pay_own_share_by, 'pay_own_share_by', pay.approximate], [t.finishBy, deadlines.complete_by, 'complete_by']]
        .filter(([, d]) => d);
      parts.push(h('h3', { text: t.datesTitle }), h('dl', { class: 'dates', part: 'dates' },
        dates.map(([label, d, key, about]) => [h('dt', { text: label }), h('dd', { 'data-field': key, text: when(d, about) })])));
      const ctx = (p) => {
        const date = p.date ? when(p.date, p.approximate) : '';
        const until = p.until ? when(p.until, aboutUntil(p)) : '';
        return {
          on: date && t.on(date), from: date && (p.approximate ? t.from : t.on)(date), until, by: until && t.by(until),
          own: eur(a.own_share), vat: eur(a.vat), provider, kind: request.service.kind,
        };
      };
      parts.push(h('h3', { text: t.stepsTitle }), h('ol', { class: 'steps', part: 'steps' },
        inDateOrder(a.procedure.filter((p) => t.steps[p.step])).map((p) => h('li', { 'data-step': p.step, 'data-date': stepDate(p) ?? '' }, t.steps[p.step](ctx(p)), ref(p.ref)))));
    } else {
      n.live.textContent = t.notEligible;
      parts.push(n.live, h('h3', { text: t.whyNot }), h('ul', { class: 'findings', part: 'findings' }, blocking.map((f) => finding(f))));
    }
    // Where a finding goes is the engine's (its catalogue's group), not read from its code.
    const unchecked = a.findings.filter((f) => f.severity !== 'blocking' && FINDING_GROUP[f.code] === 'not_checked');
    const notes = a.findings.filter((f) => f.severity !== 'blocking' && FINDING_GROUP[f.code] !== 'not_checked' && !planned.includes(f))
      .sort((x, y) => (x.severity === 'warning' ? 0 : 1) - (y.severity === 'warning' ? 0 : 1));
    if (notes.length) parts.push(h('h3', { text: t.notesTitle }), h('ul', { class: 'findings', part: 'findings' }, notes.map((f) => finding(f))));
    // What the visitor did not tell: folded away, and only under a quote that stands.
    if (unchecked.length && a.eligible) {
      parts.push(h('details', { class: 'unchecked', part: 'unchecked' }, h('summary', { text: t.checkTitle(unchecked.length) }),
        h('ul', { class: 'findings', part: 'findings' }, unchecked.map((f) => finding(f)))));
    }
    parts.push(h('details', { part: 'why' }, h('summary', { text: t.why }),
      h('ol', { class: 'trace' }, a.trace.map((step) => h('li', { 'data-step': step.step }, dated(lang, step.text), ' ', h('span', { class: 'ref', text: `[${step.ref}]` }))))));
    const print = h('button', { type: 'button', class: 'secondary', part: 'button print', text: t.print });
    print.addEventListener('click', () => window.print());
    parts.push(h('div', { class: 'actions' }, print));
    parts.push(h('p', { class: 'print-only basis', text: `${provider} · ${a.engine} · ${day(lang, request.application_date)}` }));

    n.result.replaceChildren(...parts);
    const state = a.eligible ? 'eligible' : 'not-eligible';
    n.result.dataset.state = state;
    n.result.setAttribute('part', `result ${state}`);
    n.peek.textContent = n.live.textContent;
    n.peekFirst.replaceChildren(peek ?? '');
    this.#setState(state);
    // Read out: the headline, and for a first application the warning or the last day to register.
    const said = [n.live.textContent, peek?.textContent].filter(Boolean).join(' ');
    if (n.announce.textContent !== said) n.announce.textContent = said;
    this.#result({
      service: s ? { id: s.id, title: title } : null,
      kind: request.service.kind,
      theme: request.service.theme,
      subtheme: request.service.subtheme,
      lang,
      application_date: request.application_date,
      start_date: request.service.start_date,
      first_time: Boolean(v.first),
      size_class: a.size_class,
      eligible: a.eligible,
      price: a.invoiced,
      eligible_cost: a.eligible_cost,
      rate: a.rate,
      aid: a.aid,
      own_share: a.own_share,
      vat: a.vat,
      ceiling: a.ceiling,
      ceiling_left: a.ceiling_left,
      capped: a.capped,
      deadlines,
      registration: a.registration ? { ...a.registration } : null,
      blocking: blocking.map((f) => f.code),
      engine: a.engine,
    });
  }

  // Sends kmo-quote when the quote shown changes; kmo-quote-invalid when a quote was shown and
  // none is any more (an entry to correct): a form filled from kmo-quote must not keep old numbers.
  #result(detail, why = null) {
    const text = detail === null ? null : JSON.stringify(detail);
    if (text === this.#last) return;
    const had = this.#last !== null;
    this.#last = text;
    if (detail !== null) this.dispatchEvent(new CustomEvent('kmo-quote', { detail, bubbles: true, composed: true }));
    else if (had) this.dispatchEvent(new CustomEvent('kmo-quote-invalid', { detail: why, bubbles: true, composed: true }));
  }
}

// The steps of the procedure in the order of their dates: a step that shows a deadline ("by …")
// by that deadline, any other by its own date; a step without a date stays after the one before
// it. (The engine lists them by the procedure's logic; with the start months after the
// application, "pay by" comes before the start.)
const BY_DEADLINE = new Set(['pay_own_share', 'complete_service', 'keep_records']);
const stepDate = (p) => (BY_DEADLINE.has(p.step) ? p.until ?? p.date : p.date ?? p.until);
function inDateOrder(steps) {
  let previous = '';
  const keyed = steps.map((p, i) => ({ p, i, key: (previous = stepDate(p) ?? previous) }));
  return keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.i - y.i)).map((x) => x.p);
}

if (globalThis.customElements && !customElements.get('kmo-calculator')) customElements.define('kmo-calculator', KmoCalculator);
