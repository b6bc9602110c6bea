// The page asks a Web Worker for the quote; the worker runs the engine.
const out = document.getElementById('result');
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => {
  if (data.error) {
    out.dataset.error = data.error;
    console.error(data.error);
    return;
  }
  out.dataset.initMs = String(data.init_ms);
  out.dataset.aid = data.aid;
  out.dataset.ownShare = data.own_share;
  out.textContent = `aid ${data.aid}, own share ${data.own_share} (from the worker)`;
  console.log(out.textContent);
};
worker.onerror = (e) => {
  out.dataset.error = e.message || 'worker error';
};
worker.postMessage({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
