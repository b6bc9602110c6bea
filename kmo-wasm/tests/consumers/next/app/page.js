// A server component: the quote is computed on the server (at `next build`, where the page is
// prerendered, and on every request under `next dev`).
import { quote } from 'kmo-portefeuille';
import Client from './client.js';

export default function Page() {
  const q = quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
  return (
    <main>
      <p id="server">aid {q.aid}, own share {q.own_share}</p>
      <Client />
    </main>
  );
}
