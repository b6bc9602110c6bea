import { init, quote } from 'kmo-portefeuille';

self.onmessage = async ({ data }) => {
  try {
    const start = performance.now();
    await init();
    self.postMessage({ ...quote(data), init_ms: Math.round(performance.now() - start) });
  } catch (e) {
    self.postMessage({ error: String((e && e.message) || e) });
  }
};
