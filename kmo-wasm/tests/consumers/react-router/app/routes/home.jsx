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
  const [q, setQuote] = useState(null);
  useEffect(() => {
    init().then(() => setQuote(quote(question)));
  }, []);
  return (
    <main>
      <p id="server">aid {server.aid}, own share {server.own_share}</p>
      <p id="client">{q ? `aid ${q.aid}, own share ${q.own_share}` : '…'}</p>
    </main>
  );
}
