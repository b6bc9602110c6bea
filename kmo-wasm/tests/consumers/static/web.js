// A page without a bundler: the import map in the page maps the package name to its file.
import { init, quote } from 'kmo-portefeuille/web';

const out = document.getElementById('result');
async function main() {
  const start = performance.now();
  await init();
  out.dataset.initMs = String(Math.round(performance.now() - start));
  const q = quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
  out.dataset.aid = q.aid;
  out.dataset.ownShare = q.own_share;
  out.textContent = `aid ${q.aid}, own share ${q.own_share}`;
  console.log(out.textContent);
}
main().catch((e) => {
  out.dataset.error = String((e && e.message) || e);
  console.error(e);
});
