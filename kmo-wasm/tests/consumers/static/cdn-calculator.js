// <kmo-calculator> from another origin, as a CDN serves it: one script tag's worth
// (`<script type="module" src="https://cdn.jsdelivr.net/npm/kmo-portefeuille@VERSION/pkg/calculator/index.js">`);
// ?cdn= gives the package's base URL on that origin. The element loads its engine from there.
const params = new URLSearchParams(location.search);
const out = document.getElementById('result');
const start = performance.now();
document.querySelector('kmo-calculator').addEventListener('kmo-quote', (e) => {
  out.dataset.initMs = String(Math.round(performance.now() - start));
  out.dataset.aid = e.detail.aid;
  out.dataset.ownShare = e.detail.own_share;
  out.textContent = `aid ${e.detail.aid}, own share ${e.detail.own_share}`;
}, { once: true });
import(`${params.get('cdn')}/pkg/calculator/index.js`).catch((e) => {
  out.dataset.error = String((e && e.message) || e);
  console.error(e);
});
