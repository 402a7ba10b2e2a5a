// The conformance suite: what every registered dataset must satisfy, with no per-dataset code.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { createKnex } from '../../core/db/connection.ts';
import { migrateCore, migrateDataset, rollbackDataset } from '../../core/db/migrate.ts';
import { inspectCatalogue, dependencyOrder, dependenciesOf } from '../../core/manifest.ts';
import { runImport } from '../../core/imports/run.ts';
import { ajv } from '../../core/schema.ts';
import { parse } from 'csv-parse/sync';
import { tableName } from '../../core/tables.ts';
import { createTestDatabase } from './database.ts';
import { verifyDeclaredChecks } from './declared-checks.ts';
import { testPlatform, ROOT } from './platform.ts';

export async function conformance(t: Test, id: string, catalogueFile = join(ROOT, 'catalogue.yaml')): Promise<void> {
  const { definition, problems } = inspectCatalogue(catalogueFile);
  const def = definition?.datasets.find((d) => d.id === id);

  t.test('manifest and schemas are valid', async (t) => {
    t.same(problems.filter((p) => p.file.includes(`datasets/${id}/`) || p.file.includes(`/${id}/`)), [], 'no problems');
    t.ok(def, `${id} is registered`);
  });
  if (!def) return;

  t.test('migrations run up, down and up again', async (t) => {
    const knex = createKnex(await createTestDatabase(t, `mig_${id}`));
    t.teardown(() => knex.destroy());
    await migrateCore(knex, ROOT);
    await migrateDataset(knex, id, def.dir);
    for (const table of def.manifest.tables) t.ok(await knex.schema.hasTable(tableName(id, table.name)), `${table.name} created`);
    await rollbackDataset(knex, id, def.dir);
    for (const table of def.manifest.tables) t.notOk(await knex.schema.hasTable(tableName(id, table.name)), `${table.name} dropped`);
    await migrateDataset(knex, id, def.dir);
    for (const table of def.manifest.tables) t.ok(await knex.schema.hasTable(tableName(id, table.name)), `${table.name} created again`);
  });

  t.test('imports its sources, documents and validates every route', async (t) => {
    const byId = new Map(definition!.datasets.map((d) => [d.id, d]));
    const needed = new Set<string>();
    const add = (x: string) => {
      needed.add(x);
      for (const dep of dependenciesOf(byId.get(x)!.manifest)) if (byId.has(dep.id)) add(dep.id);
    };
    add(id);
    const order = dependencyOrder([...needed].map((x) => byId.get(x)!)).map((d) => d.id);
    const { platform, app } = await testPlatform(t, { extraDatasets: order.map((x) => ({ id: x, path: byId.get(x)!.dir })) });
    const checked = def.manifest.tables.some((tb) => tb.checks?.length);
    let imported: Record<string, number> = {};
    for (const x of order) {
      // The declared checks hold on the synthetic fixture as well as on the real source.
      if (x === id && checked && def.manifest.sources.some((s) => s.fixture)) {
        const fixture = await runImport(platform, { datasetId: x, trigger: 'test', preferFixtures: true });
        await verifyDeclaredChecks(t, platform.knex, def, fixture, 'fixture');
      }
      const result = await runImport(platform, { datasetId: x, trigger: 'test', allowFixtures: true });
      if (x !== id) continue;
      imported = result.rowCounts;
      for (const table of def.manifest.tables) t.ok(result.rowCounts[table.name] > 0, `${table.name}: ${result.rowCounts[table.name]} rows imported`);
      if (checked) await verifyDeclaredChecks(t, platform.knex, def, result, 'source');
    }
    // Without routes.ts the core serves each table whole: its CSV must have every imported row.
    const standardRoutes = !existsSync(join(def.dir, 'routes.ts'));
    const spec = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.keys(spec.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1')));
    const endpoints: string[] = ((await app.inject(`/catalogue/${id}`)).json() as { endpoints: string[] }).endpoints;
    t.ok(endpoints.length > 0, 'the dataset registers routes');
    for (const e of endpoints) t.ok(documented.has(new URL(e).pathname), `${new URL(e).pathname} is in the OpenAPI document`);
    for (const table of def.manifest.tables) {
      const schema = def.schemas[table.name];
      const { required: _r, ...optional } = schema;
      const validate = ajv.compile(table.heavy?.length ? optional : schema);
      const res = await app.inject(`/v1/${id}/${table.name}?limit=50`);
      if (res.statusCode === 404) continue; // a table not served by the standard routes
      t.equal(res.statusCode, 200, `GET /v1/${id}/${table.name}`);
      const body = res.json() as { items: Record<string, unknown>[]; dataset: string; edition: { id: number } };
      t.equal(body.dataset, id, 'the answer names its dataset');
      t.ok(body.edition?.id, 'the answer names its edition');
      const invalid = body.items.filter((item) => !validate(item));
      t.same(invalid.slice(0, 3), [], `${body.items.length} ${table.name} records validate against schemas/${table.name}.json`);
      // A CSV without limit= is the whole table, however many pages its JSON list has.
      const { total } = (await app.inject(`/v1/${id}/${table.name}`)).json() as { total: number };
      const csv = await app.inject(`/v1/${id}/${table.name}.csv`);
      t.equal(csv.statusCode, 200, `GET /v1/${id}/${table.name}.csv`);
      t.equal(csvRecords(csv.body), total, `${table.name}.csv has all ${total} rows`);
      if (standardRoutes) t.equal(total, imported[table.name], `${table.name}: the list counts every imported row`);
    }
  });
}

/** Data rows of a CSV answer (its header aside). */
export function csvRecords(body: string): number {
  return (parse(body, { bom: true }) as string[][]).length - 1;
}
