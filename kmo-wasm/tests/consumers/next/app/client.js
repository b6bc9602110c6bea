'use client';
// A client component, as the package README recommends: init() in an effect, then quote().
// (Next.js also renders it on the server, where the package is the Node.js entry.)
import { useEffect, useState } from 'react';
import { init, quote } from 'kmo-portefeuille';

export default function Client() {
  const [state, setState] = useState(null);
  useEffect(() => {
    const start = performance.now();
    init()
      .then(() => {
        const initMs = Math.round(performance.now() - start);
        setState({ q: quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 }), initMs });
      })
      .catch((e) => setState({ error: String((e && e.message) || e) }));
  }, []);
  if (state === null) return <output id="result">…</output>;
  if (state.error) return <output id="result" data-error={state.error}>{state.error}</output>;
  const { q, initMs } = state;
  return (
    <output id="result" data-aid={q.aid} data-own-share={q.own_share} data-init-ms={initMs}>
      aid {q.aid}, own share {q.own_share}
    </output>
  );
}
