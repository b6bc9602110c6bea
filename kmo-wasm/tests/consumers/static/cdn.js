// The package from another origin, as a CDN serves it (https://cdn.jsdelivr.net/npm/kmo-portefeuille@VERSION/…):
// ?cdn= gives the package's base URL on that origin, ?entry= the file (browser/index.js or web/index.js).
const params = new URLSearchParams(location.search);
const out = document.getElementById('result');
async function main() {
  const { init, quote } = await import(`${params.get('cdn')}/${params.get('entry')}`);
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
