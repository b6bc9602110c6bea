// A browser app's TypeScript (moduleResolution "bundler"): every entry through the package name.
import { assess, init, KmoError, quote, Wallet, type ErrorCode, type FindingCode, type Quote } from 'kmo-portefeuille';
import initWeb, { init as initWebNamed, quote as quoteWeb } from 'kmo-portefeuille/web';
import { quote as quoteBundler, init as initBundler } from 'kmo-portefeuille/bundler';
import 'kmo-portefeuille/calculator';
import type { KmoQuoteDetail } from 'kmo-portefeuille/calculator';
import type { AssessmentRequest, Theme } from 'kmo-portefeuille';

// A route handler: `Request` is still the platform's.
export async function POST(request: Request): Promise<Response> {
  return Response.json(assess((await request.json()) as AssessmentRequest));
}

// The calculator's events, typed.
document.querySelector('kmo-calculator')?.addEventListener('kmo-quote', (e) => {
  const theme: Theme | null = e.detail.theme;
  const reasons: FindingCode[] = e.detail.blocking;
  console.log(theme, reasons);
});
document.querySelector('kmo-calculator')?.addEventListener('kmo-quote-invalid', (e) => {
  const code: ErrorCode | 'ERROR' = e.detail.code;
  console.log(code, e.detail.field);
});
export const sample: Pick<KmoQuoteDetail, 'kind'> = { kind: 'advice' };

export async function main(): Promise<string> {
  await init();
  await initWeb(new URL('/assets/kmo_wasm_bg.wasm', 'https://example.invalid/'));
  await initWebNamed(fetch('/kmo_wasm_bg.wasm'));
  await initBundler();
  const q: Quote = quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
  const same: string = quoteWeb({ application_date: '2026-03-10', size_class: 'small', cost: '2000' }).aid + quoteBundler({ application_date: '2026-03-10', size_class: 'small', cost: 1 }).aid;
  const first: FindingCode | undefined = q.blocking[0];
  if (first === 'COST_BELOW_MINIMUM') console.log('too cheap');
  // @ts-expect-error: a finding code that does not exist
  if (first === 'COST_TOO_LOW') console.log('never');
  const findings = assess({ application_date: '2026-03-10', enterprise: { size: { class: 'small' } }, service: { kind: 'training', cost: 2000 } }).findings;
  const codes: FindingCode[] = findings.map((f) => f.code);
  try {
    new Wallet().pay(1, '2026-03-10', '1');
  } catch (e) {
    if (e instanceof KmoError) {
      const code: ErrorCode = e.code;
      if (code === 'UNKNOWN_APPLICATION' || code === 'NOT_INITIALIZED') console.log(e.path);
      // @ts-expect-error: an error code that does not exist
      if (e.code === 'UNKNOWN_APPLICATIONS') console.log('never');
    }
  }
  // @ts-expect-error: a size class that does not exist
  quote({ application_date: '2026-03-10', size_class: 'huge', cost: 1 });
  return `${q.aid} ${same} ${codes.length}`;
}
