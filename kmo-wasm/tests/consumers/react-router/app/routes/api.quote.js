// A resource route: the quote as JSON at request time, ?cost= choosing the price.
import { quote, KmoError } from 'kmo-portefeuille';

export function loader({ request }) {
  const cost = new URL(request.url).searchParams.get('cost');
  try {
    return Response.json(quote({ application_date: '2026-03-10', size_class: 'small', theme: 'personeelsmanagement', cost }));
  } catch (e) {
    if (e instanceof KmoError) return Response.json({ code: e.code, path: e.path, message: e.message }, { status: 400 });
    throw e;
  }
}
