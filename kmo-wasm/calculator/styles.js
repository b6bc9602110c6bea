// Styles: everything inside the shadow root; the page themes it through custom properties
// (--kmo-*) and ::part(). A constructed sheet also passes a Content Security Policy without
// 'unsafe-inline' for styles.

const CSS = `
:host {
  display: block;
  position: relative;
  container-type: inline-size;
  background: var(--kmo-background, transparent);
  /* The text properties a page passes down by inheritance stay outside: each is set here, and
     !important in the element's own styles outranks even a page's !important on the element
     (* { font-size: 20px !important }). What a site may change is a custom property. */
  font-family: var(--kmo-font-family, inherit) !important;
  font-size: var(--kmo-font-size, 1rem) !important;
  line-height: var(--kmo-line-height, 1.5) !important;
  color: var(--kmo-text, #1a1a1a) !important;
  font-style: normal !important;
  font-weight: 400 !important;
  font-variant: normal !important;
  font-stretch: normal !important;
  font-feature-settings: normal !important;
  font-variation-settings: normal !important;
  font-kerning: auto !important;
  font-size-adjust: none !important;
  letter-spacing: var(--kmo-letter-spacing, normal) !important;
  word-spacing: normal !important;
  text-align: start !important;
  text-align-last: auto !important;
  text-indent: 0 !important;
  text-transform: none !important;
  text-shadow: none !important;
  text-rendering: auto !important;
  white-space: normal !important;
  word-break: normal !important;
  overflow-wrap: normal !important;
  hyphens: manual !important;
  line-break: auto !important;
  tab-size: 8 !important;
  writing-mode: horizontal-tb !important;
  text-orientation: mixed !important;
  cursor: auto !important;
  caret-color: auto !important;
  quotes: auto !important;
  list-style: disc outside none !important;
  -webkit-text-fill-color: currentcolor !important;
  -webkit-text-stroke-width: 0 !important;
  --_accent: var(--kmo-accent, #0b4f8a);
  --_on-accent: var(--kmo-on-accent, #ffffff);
  --_muted: var(--kmo-muted, #4d4d4d);
  --_border: var(--kmo-border, #8a8a8a);
  --_surface: var(--kmo-surface, #f4f6f8);
  --_field: var(--kmo-field-background, #ffffff);
  --_error: var(--kmo-error, #b3261e);
  --_focus: var(--kmo-focus, var(--_accent));
  --_radius: var(--kmo-radius, 0.375em);
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.layout { display: grid; gap: 1.25em; min-width: 0; }
@container (min-width: 46em) {
  .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
  .result { position: sticky; top: 1em; }
  .peek { display: none; }
}
.peek { margin: 0.5em 0 0; }
.peek:empty { display: none; }
p.peek, .register { font-weight: 700; }
.peek > p { margin: 0; }
/* The first registration: the last day to register, or the warning (its bar then red). */
div.peek, .registration { border-inline-start: 4px solid var(--_accent); padding-inline-start: 0.75em; }
div.peek:has(.warning), .registration:has(.warning) { border-color: var(--_error); }
.registration { margin: 0.75em 0 0; }
.registration p { margin: 0 0 0.5em; }
.warning { color: var(--_error); }
.chosen { font-weight: 600; }
form, .result, .status { min-width: 0; }
fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); margin: 0 0 1em; padding: 0.5em 1em 1em; min-width: 0; }
legend { font-weight: 700; padding: 0 0.25em; }
.field { margin-top: 0.875em; min-width: 0; }
.field > label { display: block; font-weight: 600; }
.help { display: block; color: var(--_muted); font-size: 0.875em; margin: 0.125em 0 0.25em; }
input[type="text"], input[type="date"], select {
  display: block; width: 100%; min-width: 0; max-width: 100%; min-height: 2.75em;
  font: inherit; color: inherit; background: var(--_field);
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.5em 0.75em;
}
input[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid var(--_error); }
.choices { border: 0; padding: 0; margin: 0.875em 0 0; }
.choices > legend { padding: 0; font-weight: 600; }
.choice { display: flex; align-items: center; gap: 0.75em; min-height: 2.75em; padding: 0.25em 0; cursor: pointer; }
.choice input { flex: none; width: 1.25em; height: 1.25em; margin: 0; accent-color: var(--_accent); }
.error { color: var(--_error); font-weight: 600; margin: 0.25em 0 0; }
.facts { color: var(--_muted); font-size: 0.875em; margin: 0.25em 0 0; overflow-wrap: anywhere; }
button {
  min-height: 2.75em; min-width: 2.75em; font: inherit; font-weight: 700; cursor: pointer;
  padding: 0.5em 1.25em; border-radius: var(--_radius);
  border: 2px solid var(--_accent); background: var(--_accent); color: var(--_on-accent);
}
button.secondary { background: transparent; color: var(--_accent); }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75em; margin-top: 1em; }
.result { background: var(--_surface); border-radius: var(--_radius); padding: 1em; overflow-wrap: anywhere; }
.result h2 { font-size: 1.25em; margin: 0 0 0.5em; }
.result h3 { font-size: 1em; margin: 1.25em 0 0.375em; }
.result h2:focus { outline: none; }
.result h2:focus-visible { outline: 3px solid var(--_focus); }
.basis { color: var(--_muted); font-size: 0.875em; margin: 0 0 0.75em; }
.headline { font-size: 1.375em; font-weight: 700; line-height: 1.3; margin: 0 0 0.25em; }
.amounts, .dates { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.375em 1em; margin: 0.75em 0 0; }
.amounts dt, .dates dt { min-width: 0; }
.amounts dd, .dates dd { margin: 0; text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 600; }
.dates dd { white-space: normal; }
@container (max-width: 24em) {
  .dates { grid-template-columns: minmax(0, 1fr); gap: 0 1em; }
  .dates dd { text-align: start; margin-bottom: 0.375em; }
}
.amounts .own { font-weight: 700; }
ol, ul { padding-inline-start: 1.25em; margin: 0.25em 0 0; }
li { margin: 0.25em 0; }
.ref { color: var(--_muted); font-size: 0.8125em; white-space: nowrap; }
.blocking { color: var(--_error); }
details { margin-top: 1em; }
summary { display: list-item; min-height: 2.75em; padding: 0.625em 0; cursor: pointer; font-weight: 600; color: var(--_accent); }
.status { padding: 1em; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
.status.failed { border: 2px solid var(--_error); }
.notice { border-inline-start: 4px solid var(--_error); padding: 0.25em 0.75em; margin: 0 0 1em; }
@media print {
  :host { color: #000 !important; background: #fff; font-size: 10pt !important; line-height: 1.35 !important; }
  form, .actions, details, .status { display: none !important; }
  .layout { display: block; }
  .result { position: static; background: none; padding: 0; }
  .result h3 { margin-top: 0.75em; break-after: avoid; }
  .amounts, .dates, li { break-inside: avoid; }
  .print-only { display: block !important; }
}
.print-only { display: none; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
`;

let sheet = null;
export function adopt(root) {
  if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
