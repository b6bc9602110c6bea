// An endpoint: the quote as JSON at request time, ?cost= choosing the price.
import { json } from '@sveltejs/kit';
import { quote, KmoError } from 'kmo-portefeuille';

export function GET({ url }) {
  const cost = url.searchParams.get('cost');
  try {
    return json(quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost }));
  } catch (e) {
    if (e instanceof KmoError) return json({ code: e.code, path: e.path, message: e.message }, { status: 400 });
    throw e;
  }
}
