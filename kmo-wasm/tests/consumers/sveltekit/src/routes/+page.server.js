// On the server: the package's Node.js entry (bundled into build/ by adapter-node).
import { quote } from 'kmo-portefeuille';

export function load() {
  const q = quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost: 2000 });
  return { aid: q.aid, own_share: q.own_share };
}
