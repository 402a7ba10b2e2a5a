// Runs the conformance suite for every dataset registered in the catalogue (CATALOGUE_FILE, default
// catalogue.yaml), or for the one `npm test -- --dataset <id>` names (CATALOGUE_TEST_DATASET).
import t from 'tap';
import { resolve } from 'node:path';
import { readCatalogue } from '../core/manifest.ts';
import { conformance } from './helpers/conformance.ts';
import { ROOT } from './helpers/platform.ts';

const catalogueFile = resolve(ROOT, process.env.CATALOGUE_FILE ?? 'catalogue.yaml');
const only = process.env.CATALOGUE_TEST_DATASET;
for (const d of readCatalogue(catalogueFile).datasets) {
  if (only && d.id !== only) continue;
  t.test(`conformance: ${d.id}`, (t) => conformance(t, d.id, catalogueFile));
}
