// npm run types [-- --check]: regenerates TypeScript types from the JSON Schemas.
import { relative } from 'node:path';
import { syncTypes } from '../codegen.ts';

const check = process.argv.includes('--check');
const root = process.cwd();
const stale = await syncTypes(root, check);
for (const path of stale) console.log(`${check ? 'stale' : 'wrote'}: ${relative(root, path)}`);
if (check && stale.length > 0) {
  console.error('Generated types are stale: run `npm run types` and commit the result.');
  process.exit(1);
}
