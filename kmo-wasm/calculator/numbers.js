// Numbers, money and dates in the visitor's language: the visitor's figures parsed into the
// decimal strings the engine reads, and the engine's amounts and dates written out.

const LANGS = ['nl', 'fr', 'en'];
// Belgian conventions; English as written in Ireland (€1,400.00 — en-BE mixes 2.000,00 and €2,000.00).
const locale = (lang) => (lang === 'en' ? 'en-IE' : `${lang}-BE`);
const formats = new Map();
export function format(lang, kind) {
  const key = `${lang}:${kind}`;
  let f = formats.get(key);
  if (!f) {
    f = kind === 'money' ? new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'EUR' })
      : kind === 'amount' ? new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 20 })
        : kind === 'number' ? new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 20 })
          : new Intl.DateTimeFormat(locale(lang), { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

// Amounts are decimal strings from the engine ("1400.00"); Intl formats a string exactly.
export const money = (lang, amount) => format(lang, 'money').format(amount);
// A calendar date (YYYY-MM-DD) written out; the date is a day, not an instant, hence UTC.
export function day(lang, iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  const text = format(lang, 'date').format(Date.UTC(y, m - 1, d));
  return lang === 'fr' && d === 1 ? text.replace(/^1(?=\s)/, '1er') : text; // le 1er décembre
}
// An engine's text with its dates (2026-12-17) written out as the element writes them; a
// reference's date (VR-2026-01-23) stays as it is.
export const dated = (lang, text) => text.replace(/(?<![\w-])\d{4}-\d\d-\d\d(?![\w-])/g, (iso) => day(lang, iso));

/** Today in Brussels, `YYYY-MM-DD` (not the UTC date, which is yesterday after midnight). */
let brussels = null; // made once: a formatter with a time zone is slow to make
export function todayInBrussels(now = new Date()) {
  const parts = {};
  brussels ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
  for (const p of brussels.formatToParts(now)) {
    parts[p.type] = p.value;
  }
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * A visitor's number as a plain decimal string ("1.250,50" in Dutch → "1250.50"), or null
 * when it is not one (the raw text then goes to the engine, which names the error).
 * Accepted: a decimal comma or point; thousands separated by `.`, `,`, spaces or apostrophes
 * in groups of three; a euro sign. A single separator followed by exactly three digits is a
 * thousands separator when the language groups with it (`.` in nl and fr, `,` in en).
 */
export function parseDecimal(text, lang) {
  let s = String(text).trim().replace(/^(€|eur\b)\s*/i, '').replace(/\s*(€|eur)$/i, '');
  s = s.replace(/[\s\u00a0\u202f\u2009'’]/g, ''); // spaces and apostrophes only ever group thousands
  let sign = '';
  if (s[0] === '-' || s[0] === '−') {
    sign = '-';
    s = s.slice(1);
  }
  if (!/^[0-9.,]*[0-9][0-9.,]*$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let point = null; // the decimal separator, if any
  if (lastDot >= 0 && lastComma >= 0) {
    point = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    const groups = (lang === 'en' ? ',' : '.') === sep;
    point = count > 1 || (after === 3 && groups && s.indexOf(sep) > 0) ? null : sep;
  }
  let whole = s;
  let fraction = '';
  if (point !== null) {
    whole = s.slice(0, s.lastIndexOf(point));
    fraction = s.slice(s.lastIndexOf(point) + 1);
    if (!/^[0-9]*$/.test(fraction)) return null;
  }
  if (/[.,]/.test(whole)) {
    // Thousands separators: one kind, groups of three after the first group of one to three.
    if (!/^[0-9]{1,3}([.,][0-9]{3})+$/.test(whole) || new Set(whole.replace(/[0-9]/g, '')).size !== 1) return null;
    whole = whole.replace(/[.,]/g, '');
  }
  if (whole === '') whole = '0';
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A decimal string written for an input in the language ("1250.00" → "1.250,00"). */
export function formatInput(lang, decimal, kind) {
  if (decimal === null || decimal === '' || !/^-?[0-9]+(\.[0-9]+)?$/.test(decimal)) return decimal ?? '';
  return format(lang, kind).format(decimal);
}

export function langOf(value) {
  const l = String(value ?? '').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(l) ? l : null;
}
