// A plug-in's TypeScript names its sources and tables as strings: `validate` reads them (static
// text, no import) so that a misspelt or undeclared name is caught before an import fails on it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DatasetDefinition, Problem } from '../manifest.ts';
import { didYouMean } from '../suggest.ts';

const SOURCE_NAMES = [/\bctx\.sources\.([A-Za-z_$][\w$]*)/g, /\bctx\.sources\[\s*['"]([^'"]+)['"]\s*\]/g, /\.read(?:Csv|Json)\(\s*['"]([^'"]+)['"]/g];
const TABLE_NAMES = [/\b(?:ctx|ds)\.table\(\s*['"]([^'"]+)['"]/g, /\b(?:ctx|ds)\.tableName\(\s*['"]([^'"]+)['"]\s*\)/g, /\.serveTable\(\s*['"]([^'"]+)['"]/g];

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return ['test', 'fixtures', 'migrations', 'node_modules'].includes(f) ? [] : codeFiles(path);
    return f.endsWith('.ts') && f !== 'types.ts' && !f.endsWith('.d.ts') ? [path] : [];
  });
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

export function codeNameProblems(def: DatasetDefinition, root: string): Problem[] {
  const problems: Problem[] = [];
  const sources = def.manifest.sources.map((s) => s.name);
  const tables = def.manifest.tables.map((t) => t.name);
  for (const path of codeFiles(def.dir)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(root, path);
    const scan = (patterns: RegExp[], declared: string[], what: string, where: string) => {
      for (const re of patterns)
        for (const m of text.matchAll(re))
          if (!declared.includes(m[1]))
            problems.push({
              file,
              field: `line ${lineOf(text, m.index!)}`,
              reason: `${what} "${m[1]}" is not declared in dataset.yaml ${where}${didYouMean(m[1], declared)} (declared: ${declared.join(', ')})`,
            });
    };
    scan(SOURCE_NAMES, sources, 'source', 'sources');
    scan(TABLE_NAMES, tables, 'table', 'tables');
  }
  return problems;
}
