// `catalogue new <id>`: a plug-in that already passes the conformance suite on its synthetic
// fixture, for a contributor to turn into the real thing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseDocument, type YAMLSeq } from 'yaml';
import { join, relative } from 'node:path';
import { syncTypes } from './codegen.ts';

const files = (id: string): Record<string, string> => ({
  'dataset.yaml': `id: ${id}
title: ${id} (describe the dataset in a title)
description: What the data are, who publishes them and what a researcher would use them for.
publisher:
  name: Name of the publisher
  url: https://example.org
licence:
  id: OGL-UK-3.0
  title: Open Government Licence v3.0
  url: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
keywords: [${id}]
spatial: United Kingdom
temporal: "2025"
edition: "2025"
geography_vintage: LAD 2024
caveats: []
sources:
  - name: records
    title: The publisher's file
    files: [${id}/records.csv]
    url: https://example.org/records.csv
    format: csv
    fixture: fixtures/records.synthetic.csv
tables:
  - name: records
    title: Records by area
    primary_key: [area_code]
    filterable: [area_code, area_name, value]
    default_sort: [area_code]
`,
  'schemas/records.json': JSON.stringify(
    {
      $schema: 'http://json-schema.org/draft-07/schema#',
      description: 'One record per area.',
      type: 'object',
      additionalProperties: false,
      required: ['area_code', 'area_name', 'value'],
      properties: {
        area_code: { type: 'string', pattern: '^[A-Z][0-9]{8}$', description: 'GSS code of the area' },
        area_name: { type: 'string', description: 'Name of the area' },
        value: { type: ['number', 'null'], description: 'The measure (say its unit)' },
      },
    },
    null,
    2,
  ) + '\n',
  'migrations/20260101000000_records.ts': `import { recordTables } from '../../../core/contract.ts';

export const { up, down } = recordTables(import.meta.url, ['records']);
`,
  'importer.ts': `import { SourceError, type DatasetImporter } from '../../core/contract.ts';

const importer: DatasetImporter = async (ctx) => {
  const records = ctx.table('records');
  const [file] = ctx.sources.records;
  for await (const { values, line } of ctx.readCsv('records', { required: ['area code', 'area name', 'value'] })) {
    const value = values['value'].trim() === '' ? null : Number(values['value']);
    if (Number.isNaN(value)) throw new SourceError(\`"\${values['value']}" is not a number\`, file, line, 'value');
    await records.write({ area_code: values['area code'].trim(), area_name: values['area name'].trim(), value }, { file, line });
  }
};

export default importer;
`,
  'routes.ts': `import type { DatasetRoutes } from '../../core/contract.ts';

const routes: DatasetRoutes = (_app, ds) => {
  ds.serveTable('records');
};

export default routes;
`,
  'fixtures/records.synthetic.csv': 'Area code,Area name,Value\r\nE06999901,Synthetic Town A,1.5\r\nE06999902,Synthetic Town B,\r\n',
  'README.md': `# ${id}

Synthetic scaffold: replace this text with what the dataset is, where its sources come from, their
quirks, and how to refresh it (\`npm run catalogue -- import ${id}\`).
`,
});

export async function scaffoldDataset(root: string, id: string, catalogueFile: string): Promise<string[]> {
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(id)) throw new Error(`"${id}" is not a valid id: lower-case letters, digits and dashes`);
  const dir = join(root, 'datasets', id);
  if (existsSync(dir)) throw new Error(`${relative(root, dir)} already exists`);
  const created: string[] = [];
  for (const [path, content] of Object.entries(files(id))) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
    created.push(relative(root, full));
  }
  // parseDocument keeps the file's comments and layout.
  const doc = parseDocument(readFileSync(catalogueFile, 'utf8'));
  const datasets = doc.get('datasets') as YAMLSeq | undefined;
  if (!datasets?.items.some((item) => (item as { get?: (k: string) => unknown }).get?.('id') === id)) {
    datasets?.add(doc.createNode({ id }));
    writeFileSync(catalogueFile, doc.toString());
  }
  await syncTypes(root, false, [id]);
  return created;
}
