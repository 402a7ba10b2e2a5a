// geometry is jsonb (no PostGIS needed); the bbox columns let a bbox= query use an index.
import { recordTables } from '../../../core/contract.ts';

export const { up, down } = recordTables(import.meta.url, ['sets', 'areas']);
