// The loader runs on the server (the package's Node.js entry); the effect in the browser (its
// default entry, init() first).
import { useEffect, useState } from 'react';
import { useLoaderData } from 'react-router';
import { init, quote } from 'kmo-portefeuille';

const question = { application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 };

export function loader() {
  const q = quote(question);
  return { aid: q.aid, own_share: q.own_share };
}

export default function Home() {
  const server = useLoaderData();
  const [state, setState] = useState(null);
  useEffect(() => {
    const start = performance.now();
    init()
      .then(() => setState({ q: quote(question), initMs: Math.round(performance.now() - start) }))
      .catch((e) => setState({ error: String((e && e.message) || e) }));
  }, []);
  return (
    <main>
      <p id="server">aid {server.aid}, own share {server.own_share}</p>
      {state === null ? (
        <output id="result">…</output>
      ) : state.error ? (
        <output id="result" data-error={state.error}>{state.error}</output>
      ) : (
        <output id="result" data-aid={state.q.aid} data-own-share={state.q.own_share} data-init-ms={state.initMs}>
          aid {state.q.aid}, own share {state.q.own_share}
        </output>
      )}
    </main>
  );
}
