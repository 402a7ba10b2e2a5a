// Runs the conformance suite for every dataset registered in catalogue.yaml.
import t from 'tap';
import { join } from 'node:path';
import { readCatalogue } from '../core/manifest.ts';
import { conformance } from './helpers/conformance.ts';
import { ROOT } from './helpers/platform.ts';

for (const d of readCatalogue(join(ROOT, 'catalogue.yaml')).datasets) {
  t.test(`conformance: ${d.id}`, (t) => conformance(t, d.id));
}
