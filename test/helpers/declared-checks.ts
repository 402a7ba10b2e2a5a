// The conformance suite's own reading of a dataset's declared checks (dataset.yaml
// `tables[].checks`): it queries the edition's rows in the database, apart from the checks the
// import applies while writing, and compares with what the import did (failed, or warned).
import type { Test } from 'tap';
import type { Knex } from 'knex';
import type { DatasetDefinition } from '../../core/manifest.ts';
import type { ImportResult } from '../../core/imports/run.ts';
import { tableName } from '../../core/tables.ts';
import type { Check } from '../../core/types.ts';
import { describeCheck } from '../../core/imports/checks.ts';

const levelOf = (c: Check) => c.level ?? (c.each ? 'warning' : 'error');

/** How many rows (or values of `each`) of one edition break one check. */
async function violations(knex: Knex, table: string, editionId: number, c: Check, fixture: boolean): Promise<number | undefined> {
  const rows = () => knex(table).where('edition_id', editionId);
  const distinct = async (field: string) => (await rows().whereNotNull(field).distinct(field)).map((r) => String(r[field]));
  if (c.not_null) {
    let n = 0;
    for (const f of c.not_null) n += Number((await rows().where((q) => q.whereNull(f).orWhereRaw('??::text = \'\'', [f])).count({ n: '*' }))[0].n);
    return n;
  }
  if (c.pattern !== undefined) {
    const re = new RegExp(c.pattern, 'u');
    return (await distinct(c.field!)).filter((v) => !re.test(v)).length;
  }
  if (c.values) {
    const allowed = new Set(c.values.map(String));
    return (await distinct(c.field!)).filter((v) => !allowed.has(v)).length;
  }
  if (c.rows) {
    if (fixture) return undefined;
    const n = Number((await rows().count({ n: '*' }))[0].n);
    return n >= (c.rows.min ?? 0) && n <= (c.rows.max ?? Infinity) ? 0 : 1;
  }
  const { rows: broken } = await knex.raw(
    `SELECT ?? FROM ?? WHERE edition_id = ? AND ?? IS NOT NULL AND ?? IS NOT NULL GROUP BY ?? HAVING count(DISTINCT ??) > 1`,
    [c.each!, table, editionId, c.each!, c.has_one!, c.each!, c.has_one!],
  );
  return broken.length;
}

export async function verifyDeclaredChecks(t: Test, knex: Knex, def: DatasetDefinition, result: ImportResult, read: 'fixture' | 'source'): Promise<void> {
  // Where the rows came from, as the edition records it (without the real file, the source is its fixture).
  const { sources } = await knex('catalogue.editions').where({ id: result.editionId }).first('sources');
  const fixtures = new Set((sources as { source: string; origin: string }[]).filter((s) => s.origin === 'fixture').map((s) => s.source));
  for (const [k, table] of def.manifest.tables.entries()) {
    const fromFixture = table.source ? fixtures.has(table.source) : fixtures.size > 0;
    for (const [i, check] of (table.checks ?? []).entries()) {
      const where = `tables[${k}].checks[${i}]`;
      const n = await violations(knex, tableName(def.id, table.name), result.editionId, check, fromFixture);
      if (n === undefined) continue;
      const warned = result.warnings.some((w) => (w as { details?: { check?: string } }).details?.check === `dataset.yaml ${where}`);
      const what = `${read}${fromFixture && read === 'source' ? ' (its fixture: the real file is absent)' : ''}: ${table.name} ${where} (${describeCheck(check)})`;
      if (levelOf(check) === 'error') t.equal(n, 0, `${what} holds`);
      else t.equal(warned, n > 0, `${what} ${n > 0 ? `is broken ${n} time(s), and the edition warns` : 'holds, and the edition does not warn'}`);
    }
  }
}
