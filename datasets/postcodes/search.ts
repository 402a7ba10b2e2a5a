// Live postcodes starting with a text, compared without spaces ("ab1", "AB10 1", "ab101a"): one
// index range scan of the postcode area (the first two characters), in postcode order.
import type { Knex } from 'knex';
import { RECORD_FIELDS } from './lookup.ts';
import type { PostcodesRecord } from './types.ts';

export const SEARCH_MAX = 100;

/** At most `limit` live postcodes whose spaceless form starts with the text's; none for text that cannot start a postcode. */
export async function searchPostcodes(db: Knex, table: string, editionId: number, text: string, limit: number): Promise<PostcodesRecord[]> {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z][A-Z0-9]{0,6}$/.test(compact)) return [];
  // pcds compares bytewise (COLLATE "C"): "~" sorts after every letter, digit and space.
  const area = compact.slice(0, 2);
  const n = Number.isFinite(limit) ? Math.min(Math.max(1, Math.floor(limit)), SEARCH_MAX) : SEARCH_MAX;
  return (await db(table)
    .select(RECORD_FIELDS)
    .where({ edition_id: editionId })
    .where('pcds', '>=', area)
    .where('pcds', '<', `${area}~`)
    .whereNull('doterm')
    .whereRaw(`replace(pcds, ' ', '') LIKE ?`, [`${compact}%`])
    .orderBy('pcds')
    .limit(n)) as PostcodesRecord[];
}
