// The provider's catalogue of services: from the `catalogue` attribute's URL, or inline in the
// element (<script type="application/json">).

import { SERVICE_KINDS } from '../js/lists.js';

export async function loadCatalogue(element) {
  const url = element.getAttribute('catalogue');
  let text;
  if (url) {
    const response = await fetch(new URL(url, document.baseURI));
    if (!response.ok) throw new Error(`catalogue: HTTP ${response.status}`);
    text = await response.text();
  } else {
    const inline = element.querySelector(':scope > script[type="application/json"]');
    if (!inline) return { provider: {}, services: [] };
    text = inline.textContent;
  }
  const data = JSON.parse(text);
  if (!data || !Array.isArray(data.services)) throw new Error('catalogue: no services list');
  const provider = typeof data.provider === 'string' ? { name: data.provider } : (data.provider ?? {});
  const services = data.services.filter((s) => s && typeof s.id === 'string' && SERVICE_KINDS.includes(s.kind));
  return { provider, services };
}
