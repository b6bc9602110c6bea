// A Node.js ESM module in TypeScript (moduleResolution "node16").
import { init, KmoError, quote, type ErrorCode, type FindingCode } from 'kmo-portefeuille';

await init();
const q = quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
const own: string = q.own_share;
const blocking: FindingCode[] = q.blocking;
export function codeOf(e: unknown): ErrorCode | null {
  return e instanceof KmoError ? e.code : null;
}
// @ts-expect-error: a finding code that does not exist
export const wrong: FindingCode = 'NOT_A_FINDING';
export { own, blocking };
