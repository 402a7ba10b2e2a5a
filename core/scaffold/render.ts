// The files of a proposed declarative plug-in: dataset.yaml (written by hand-style YAML, with the
// comments a contributor needs), the record schema, a synthetic fixture in the source's layout,
// and the READMEs.
import { basename, extname } from 'node:path';
import { stringify as csvLine } from 'csv-stringify/sync';
import { stringify } from 'yaml';
import type { CsvProfile } from './profile.ts';
import type { Proposal, ProposedField } from './propose.ts';

/** Text the scaffold cannot know; `validate` notes each one still there. */
export const PLACEHOLDER = 'To be confirmed';

export interface Described {
  id: string;
  /** The source file as the manifest names it (relative to CATALOGUE_DATA_DIR when it lies there). */
  file: string;
  /** Where it was read from, for the README. */
  readFrom: string;
  profile: CsvProfile;
  proposal: Proposal;
}

const scalar = (v: unknown) => stringify(v, { lineWidth: 0 }).trimEnd();
const flow = (list: unknown[]) => `[${list.map(scalar).join(', ')}]`;
const sourceName = (id: string) => id.replace(/-/g, '_');
export const fixturePath = (file: string) => `fixtures/${basename(file, extname(file))}.synthetic.csv`;

/** A readable title from a publisher's file name ("LSOA_2011_to_Ward_2019_Lookup" → "LSOA 2011 to Ward 2019 Lookup"). */
export const titleOf = (file: string) => basename(file, extname(file)).replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();

function columnYaml(f: ProposedField): string {
  if (typeof f.column === 'string') return scalar(f.column);
  return `{ column: ${scalar(f.column.column)}, nulls: ${flow(f.column.nulls ?? [])} }`;
}

function checkYaml(c: Proposal['checks'][number]): string {
  if (c.rows) return `      - rows: { min: ${c.rows.min}, max: ${c.rows.max} }\n        why: ${scalar(c.why)}`;
  return `      - { each: ${c.each}, has_one: ${c.has_one} }`;
}

/** What one row is ("LSOA 2011", or the key's fields). */
function rowIs(p: Proposal): string {
  const keyField = p.fields.find((f) => f.name === p.key[0])!;
  return p.key.length === 1 ? (keyField.vintage ?? keyField.name) : p.key.join(' and ');
}

export function manifestYaml(d: Described): string {
  const { proposal: p, profile } = d;
  const title = titleOf(d.file);
  const per = rowIs(p);
  const others = p.fields.filter((f) => !p.key.includes(f.name)).map((f) => f.description.replace(/ \(GSS\)$/, ''));
  const year = p.years[p.years.length - 1] ?? /(19|20)\d\d/.exec(title)?.[0] ?? String(new Date().getFullYear());
  const csv = Object.entries({ header_rows: (profile.options.headerRows ?? 1) > 1 ? profile.options.headerRows : undefined, encoding: profile.options.encoding, delimiter: profile.options.delimiter })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${scalar(v)}`);
  const lines = [
    `# Proposed by \`npm run catalogue -- new ${d.id} --from ${basename(d.file)}\`: it validates, imports and serves`,
    `# as it stands. Make it true and complete: the publisher, the licence, the download address (url),`,
    `# a description a researcher can use, and caveats (npm run catalogue -- validate ${d.id} notes what is left).`,
    `id: ${d.id}`,
    `title: ${scalar(title)}`,
    `description: ${scalar(`One row per ${per} (${profile.rows.toLocaleString('en-GB')} rows in ${basename(d.file)})${others.length ? `, with ${others.join(', ')}` : ''}.`)}`,
    `publisher:`,
    `  name: ${scalar(`${PLACEHOLDER} (who publishes the file)`)}`,
    `licence:`,
    `  id: to-be-confirmed`,
    `  title: ${scalar(`${PLACEHOLDER} (the publisher's licence, e.g. Open Government Licence v3.0)`)}`,
    `keywords: ${flow([d.id, ...p.vintages.map((v) => v.replace(/ \d{4}$/, ''))].filter((k, i, a) => a.indexOf(k) === i))}`,
    `spatial: ${scalar(p.spatial)}`,
    `temporal: ${scalar(year)}`,
    `edition: ${scalar(year)}`,
    ...(p.vintages.length ? [`geography_vintage: ${scalar(p.vintages.join(', '))}`] : []),
    ...(p.vintages.length ? ['caveats:', `  - ${scalar(`Area codes are ${p.vintages.join(', ')}: join other data by codes of the same vintage.`)}`] : ['caveats: []']),
    `sources:`,
    `  - name: ${sourceName(d.id)}`,
    `    title: ${scalar(basename(d.file))}`,
    `    files: ${flow([d.file])}`,
    `    # url: the publisher's download address`,
    `    format: csv`,
    `    fixture: ${fixturePath(d.file)}`,
    ...(csv.length ? [`    csv: { ${csv.join(', ')} }`] : []),
    `tables:`,
    `  - name: ${p.table}`,
    `    title: ${scalar(title)}`,
    `    primary_key: ${flow(p.key)}`,
    ...(p.indexes.length ? [`    indexes: [${p.indexes.map(flow).join(', ')}]`] : []),
    `    filterable: ${flow(p.fields.map((f) => f.name))}`,
    `    default_sort: ${flow(p.key)}`,
    `    source: ${sourceName(d.id)}`,
    `    columns:${p.dropped.length ? `   # left out: ${p.dropped.map((c) => c.raw).join(', ')} (row numbers)` : ''}`,
    ...p.fields.map((f) => `      ${f.name}: ${columnYaml(f)}`),
    `    checks:`,
    ...p.checks.map(checkYaml),
  ];
  return lines.join('\n') + '\n';
}

export function schemaJson(d: Described): string {
  const { proposal: p } = d;
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: titleOf(d.file),
    description: `One row of ${basename(d.file)}.`,
    type: 'object',
    additionalProperties: false,
    required: p.fields.map((f) => f.name),
    properties: Object.fromEntries(p.fields.map((f) => [f.name, f.property])),
  };
  return JSON.stringify(schema, null, 2) + '\n';
}

/** A value of the fixture: row 1 and 2 share every value but the key's (a parent with two children), row 3 differs. */
function syntheticValue(f: ProposedField | undefined, column: CsvProfile['columns'][number], row: number, key: boolean): string {
  if (column.rowNumber) return String(row);
  // Key columns, and columns unique in the source (names of the key's areas), differ on every row.
  const n = key || column.unique ? row : row === 3 ? 2 : 1;
  if (!f) return '';
  const type = (Array.isArray(f.property.type) ? f.property.type[0] : f.property.type) as string;
  const nullable = Array.isArray(f.property.type);
  if (nullable && row === 3 && !key) return '';
  if (column.gss) return `${[...column.gss.keys()].sort()[0]}${999900 + n}`;
  if (type === 'integer') return String(n * 10);
  if (type === 'number') return String(n + 0.5);
  if (type === 'boolean') return n === 1 ? 'true' : 'false';
  return `Synthetic ${f.name.replace(/_/g, ' ')} ${n}${n === 2 ? ', with a comma' : ''}`;
}

export function fixtureCsv(d: Described): string {
  const { profile, proposal: p } = d;
  const byHeader = new Map(p.fields.map((f) => [f.profile.header, f]));
  const keyHeaders = new Set(p.fields.filter((f) => p.key.includes(f.name)).map((f) => f.profile.header));
  const width = Math.max(...profile.headerRows.map((r) => r.length));
  const pad = (r: string[]) => Array.from({ length: width }, (_, i) => r[i] ?? '');
  const rows = [1, 2, 3].map((row) => profile.columns.map((c) => syntheticValue(byHeader.get(c.header), c, row, keyHeaders.has(c.header))));
  return csvLine([...profile.headerRows.map(pad), ...rows.map(pad)], { delimiter: profile.options.delimiter ?? ',', record_delimiter: '\r\n' });
}

export function readme(d: Described): string {
  const { profile, proposal: p } = d;
  const quirks = [
    profile.bom && 'it starts with a byte-order mark (removed when read)',
    p.dropped.length && `${p.dropped.map((c) => c.raw).join(', ')} only numbers the rows: left out of the table`,
    profile.quoted && 'some fields are quoted (names containing commas)',
    profile.options.encoding && `it is encoded in ${profile.options.encoding}, not UTF-8`,
    profile.options.delimiter && `fields are separated by ${JSON.stringify(profile.options.delimiter)}`,
    ...p.fields.filter((f) => typeof f.column !== 'string').map((f) => `${f.profile.raw} writes "no value" as ${(f.column as { nulls?: string[] }).nulls!.filter(Boolean).join(', ')}`),
  ].filter(Boolean);
  return `# ${d.id} — ${titleOf(d.file)}

A declarative dataset: \`dataset.yaml\` maps the columns of the source to the fields of
\`schemas/${p.table}.json\`, and the catalogue's core imports, checks and serves it (no TypeScript).

## The source

\`${d.file}\` (under \`CATALOGUE_DATA_DIR\`): ${profile.rows.toLocaleString('en-GB')} rows, one per ${rowIs(p)}.
${quirks.length ? `Quirks: ${quirks.join('; ')}.` : ''}

Still to say (reviewers ask for it): who publishes it and under which licence, the publisher's
download address (\`url\` in \`dataset.yaml\`), and what a researcher should know (caveats).

## Routes

- \`GET /v1/${d.id}/${p.table}\`: every row, with filters on each field (\`${p.fields[0].name}=…\`, \`__in\`,
  \`__contains\` …), \`sort\`, \`fields\`, \`limit\` and the \`next\` cursor; \`.csv\` for the whole table as CSV.
${p.key.length === 1 ? `- \`GET /v1/${d.id}/${p.table}/{${p.key[0]}}\`: one row.\n` : ''}
## Refresh

\`npm run catalogue -- import ${d.id}\` (or \`--source path/to/file.csv\`); \`npm test -- --dataset ${d.id}\`
tests it. \`fixtures/\` holds invented rows in the layout of the source, used by the conformance suite.
`;
}

export function fixtureReadme(d: Described): string {
  return `# Synthetic fixture

\`${basename(fixturePath(d.file))}\`: three invented rows in the layout of
\`${basename(d.file)}\` (the same header; codes ending in 9999xx, names "Synthetic …").
They are not real data: the conformance suite imports them to check the column map and the
declared checks, and in place of the real file when that is not at hand.
`;
}

