// Content negotiation between the human pages and the JSON API on shared URLs: a client gets
// HTML only when it asks for text/html more strongly than for JSON. Browsers send
// "text/html,…,*/*;q=0.8"; curl, fetch() and HTTP libraries send "*/*" or application/json, and
// so keep getting JSON exactly as before.

/** Quality of a media type in an Accept header: its own entry, else its type/*, else (when anyRange) * / *; 0 when absent. */
function quality(accept: string, type: string, anyRange: boolean): number {
  let best = -1;
  let bestSpecificity = -1;
  const [major] = type.split('/');
  for (const part of accept.split(',')) {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : anyRange && range === '*/*' ? 0 : -1;
    if (specificity < 0 || specificity < bestSpecificity) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    if (specificity > bestSpecificity || value > best) {
      best = Number.isFinite(value) ? value : 0;
      bestSpecificity = specificity;
    }
  }
  return Math.max(best, 0);
}

/** True when the client names text/html (or text/*) and ranks it above every JSON type. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = quality(accept, 'text/html', false);
  if (html === 0) return false;
  const json = quality(accept, 'application/json', true);
  return html > json;
}
