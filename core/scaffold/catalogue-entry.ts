// Registering a new plug-in in catalogue.yaml by adding one line to its `datasets` list, leaving
// every other byte of the file as it was (re-serialising the YAML would re-wrap and re-quote it).
import { isSeq, parseDocument } from 'yaml';

/** The catalogue text with one more entry, or an error when it cannot be added by a line. */
export function addCatalogueEntry(text: string, entry: { id: string; path?: string }): string {
  const doc = parseDocument(text);
  const datasets = doc.get('datasets', true);
  const item = `- ${entry.path ? `{ id: ${entry.id}, path: ${JSON.stringify(entry.path)} }` : `id: ${entry.id}`}`;
  // "datasets: []": the empty list becomes a block list of one line.
  if (isSeq(datasets) && datasets.flow && datasets.items.length === 0 && datasets.range)
    return `${text.slice(0, datasets.range[0]).trimEnd()}\n  ${item}${text.slice(datasets.range[1])}`;
  if (!isSeq(datasets) || datasets.flow || !datasets.range)
    throw new Error('catalogue.yaml: datasets must be a block list ("datasets:" then one "  - id: …" line each) to add an entry');
  const ids = datasets.items.map((item) => (item as { get?: (k: string) => unknown }).get?.('id'));
  if (ids.includes(entry.id)) throw new Error(`catalogue.yaml already registers "${entry.id}"`);
  const [start, , end] = datasets.range;
  const indent = ' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1));
  const line = `${indent}${item}\n`;
  // After the last line of the list: its range ends at the start of what follows, or within its last line.
  const at = text[end - 1] === '\n' ? end : text.indexOf('\n', end) + 1 || text.length;
  const before = text.slice(0, at);
  return (before.endsWith('\n') || before === '' ? before : `${before}\n`) + line + text.slice(at);
}
