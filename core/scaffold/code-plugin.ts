// `catalogue new <id>` without --from: a plug-in with its own importer.ts, for sources a column
// map cannot read (JSON, spreadsheets, reshaping). It passes the conformance suite on its synthetic
// fixture as created; the core supplies its migration and routes until it writes its own.
/** `contract`: the path of core/contract.ts from the plug-in's folder (the one module it may import). */
export const codePlugin = (id: string, contract: string): Record<string, string> => ({
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
  'schemas/records.json':
    JSON.stringify(
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
  'importer.ts': `import { SourceError, type DatasetImporter } from '${contract}';

const importer: DatasetImporter = async (ctx) => {
  const records = ctx.table('records');
  for await (const row of ctx.readCsv('records', { required: ['area code', 'area name', 'value'] })) {
    const { values } = row;
    const value = values['value'].trim() === '' ? null : Number(values['value']);
    if (Number.isNaN(value)) throw new SourceError(\`"\${values['value']}" is not a number\`, row.file, row.line, 'value');
    await records.write({ area_code: values['area code'].trim(), area_name: values['area name'].trim(), value }, row);
  }
};

export default importer;
`,
  'fixtures/records.synthetic.csv': 'Area code,Area name,Value\r\nE06999901,Synthetic Town A,1.5\r\nE06999902,Synthetic Town B,\r\n',
  'README.md': `# ${id}

Synthetic scaffold: replace this text with what the dataset is, where its sources come from, their
quirks, and how to refresh it (\`npm run catalogue -- import ${id}\`). The core lays out its table from
\`schemas/records.json\` and serves the standard routes; add \`routes.ts\` for routes of your own.
`,
});
