// Node.js, ESM: the package through its name, `init()` as shared code would call it.
import { init, quote, KmoError } from 'kmo-portefeuille';

await init();
const q = quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
try {
  quote({ application_date: '2026-03-10', size_class: 'small', cost: '-1' });
} catch (e) {
  if (!(e instanceof KmoError) || e.code !== 'NEGATIVE_AMOUNT') throw e;
}
console.log(`aid ${q.aid}, own share ${q.own_share}`);
