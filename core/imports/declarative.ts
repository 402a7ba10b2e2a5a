// The importer the core supplies for declarative tables (dataset.yaml `tables[].source` and
// `columns`): each row of the source becomes one record through the column map, written like any
// importer's (validated against the record schema, checked, COPYed, with progress). A plug-in's
// own importer.ts, when there is one, runs after it for the tables the manifest does not map.
import type { DatasetImporter } from '../contract.ts';
import type { DatasetManifest } from '../types.ts';
import { compileColumnMap } from './columns.ts';

/** The tables of a manifest that the core imports from their column map. */
export const declarativeTables = (manifest: DatasetManifest) => manifest.tables.filter((t) => t.source !== undefined && t.columns !== undefined);

/** The core's importer for the declarative tables of a manifest, then the plug-in's own importer (either may be absent). */
export function declarativeImporter(
  manifest: DatasetManifest,
  schemas: Record<string, Record<string, unknown>>,
  own?: DatasetImporter,
): DatasetImporter | undefined {
  const tables = declarativeTables(manifest);
  if (tables.length === 0) return own;
  return async (ctx) => {
    for (const def of tables) {
      const map = compileColumnMap(def, schemas[def.name] ?? {});
      const table = ctx.table(def.name);
      for await (const row of ctx.readCsv(def.source!, { required: map.headers })) await table.write(map.record(row), row);
    }
    return own?.(ctx);
  };
}
