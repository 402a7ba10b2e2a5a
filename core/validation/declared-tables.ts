// What `validate` checks in a manifest's column maps and checks (dataset.yaml `tables[].source`,
// `columns`, `checks`) before any import: each mistake named by field, with the fix.
import type { DatasetDefinition, Problem } from '../manifest.ts';
import { columnSpec } from '../imports/columns.ts';
import { checkFields, checkKind } from '../imports/checks.ts';
import { describeErrors, explainingAjv } from '../schema.ts';
import { didYouMean } from '../suggest.ts';

const KINDS = ['not_null', 'pattern', 'values', 'rows', 'each'] as const;

export function declaredTableProblems(def: DatasetDefinition, file: string): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ file, field, reason });
  const sourceNames = def.manifest.sources.map((s) => s.name);
  def.manifest.tables.forEach((t, i) => {
    const schema = def.schemas[t.name];
    if (!schema) return; // reported with the table's name
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    const fields = Object.keys(props);
    const at = `/tables/${i}`;
    if (t.columns && t.source === undefined) add(`${at}/source`, `is required with columns: name the source (of ${sourceNames.join(', ')}) whose rows become ${t.name}`);
    if (t.source !== undefined && !t.columns) add(`${at}/columns`, `is required with source: map each field of schemas/${t.name}.json to a column of ${t.source}`);
    if (t.source !== undefined) {
      const source = def.manifest.sources.find((s) => s.name === t.source);
      if (!source) add(`${at}/source`, `"${t.source}" is not a source declared in /sources${didYouMean(t.source, sourceNames)} (declared: ${sourceNames.join(', ')})`);
      else if (source.format !== 'csv') add(`${at}/source`, `"${t.source}" is a ${source.format} source: a column map reads CSV only (write importer.ts for ${source.format})`);
    }
    for (const [field, raw] of Object.entries(t.columns ?? {})) {
      const spec = columnSpec(raw);
      const where = `${at}/columns/${field}`;
      if (!(field in props)) add(where, `"${field}" is not a property of schemas/${t.name}.json${didYouMean(field, fields)}`);
      if (spec.column === undefined && !('value' in spec)) add(where, 'needs column (a header of the source) or value (the same value on every row)');
      if (spec.column !== undefined && 'value' in spec) add(where, 'has both column and value: keep one');
      if ('value' in spec && field in props && !explainingAjv.validate(props[field], spec.value ?? null))
        for (const e of describeErrors(explainingAjv.errors)) add(`${where}/value`, `${e.reason} (schemas/${t.name}.json${e.field === '/' ? '' : e.field} for ${field})`);
    }
    if (t.columns)
      for (const field of fields.filter((f) => !(f in t.columns!)))
        add(`${at}/columns`, `has no entry for "${field}" of schemas/${t.name}.json: map it to a column, or give it a fixed value ({ value: … })`);
    (t.checks ?? []).forEach((c, j) => {
      const where = `${at}/checks/${j}`;
      const kinds = KINDS.filter((k) => c[k] !== undefined);
      if (kinds.length > 1) add(where, `one check per item: this one has ${kinds.join(' and ')} (split it into ${kinds.length} items)`);
      if (!checkKind(c)) add(where, `says nothing to check: give one of ${KINDS.join(', ')}`);
      for (const f of checkFields(c)) if (!(f in props)) add(where, `"${f}" is not a property of schemas/${t.name}.json${didYouMean(f, fields)}`);
      if (c.pattern !== undefined)
        try {
          new RegExp(c.pattern, 'u');
        } catch (err) {
          add(`${where}/pattern`, `not a regular expression: ${(err as Error).message}`);
        }
      if (c.rows && c.rows.min !== undefined && c.rows.max !== undefined && c.rows.min > c.rows.max) add(`${where}/rows`, `min (${c.rows.min}) is more than max (${c.rows.max})`);
    });
  });
  return problems;
}
