// A Node.js CommonJS module in TypeScript (moduleResolution "node16"): the CommonJS declarations.
import kmo = require('kmo-portefeuille');
import type { ErrorCode, FindingCode } from 'kmo-portefeuille';

export async function main(): Promise<string> {
  await kmo.init();
  const q = kmo.quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
  const blocking: FindingCode[] = q.blocking;
  try {
    kmo.checkEnterpriseNumber('0123');
  } catch (e) {
    if (e instanceof kmo.KmoError) {
      const code: ErrorCode = e.code;
      // @ts-expect-error: an error code that does not exist
      if (code === 'INVALID_ENTERPRISE') return 'never';
    }
  }
  return `${q.aid} ${blocking.length}`;
}
