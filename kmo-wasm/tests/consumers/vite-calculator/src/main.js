// The calculator through a bundler: Vite copies the element's engine (the .wasm and its glue,
// loaded with `new URL(…, import.meta.url)` and `import()`) into the build.
import 'kmo-portefeuille/calculator';

const out = document.getElementById('result');
const start = performance.now();
document.querySelector('kmo-calculator').addEventListener('kmo-quote', (e) => {
  out.dataset.initMs = String(Math.round(performance.now() - start));
  out.dataset.aid = e.detail.aid;
  out.dataset.ownShare = e.detail.own_share;
  out.textContent = `aid ${e.detail.aid}, own share ${e.detail.own_share}`;
}, { once: true });
