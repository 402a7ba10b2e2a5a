// When each kept edition took effect (this plug-in's edition_info, joined to the kept editions the
// contract lists), and which edition answers a request: as_of=, edition=, or the current one.
import type { FastifyRequest } from 'fastify';
import { Problem, notImported, badRequest, notFound, type DatasetContext, type EditionInfo } from '../../core/contract.ts';

interface Period {
  edition: EditionInfo;
  valid_from: string;
  previous_edition_id: number | null;
}

/** Kept editions with the date each took effect, in that order (valid_from, then edition id). */
export async function timeline(ds: DatasetContext): Promise<Period[]> {
  const kept = new Map((await ds.editions()).map((e) => [e.id, e]));
  const rows: { edition_id: number; valid_from: string; previous_edition_id: number | null }[] = await ds
    .db(ds.tableName('edition_info'))
    .whereIn('edition_id', [...kept.keys()])
    .orderBy([{ column: 'valid_from' }, { column: 'edition_id' }])
    .select('edition_id', 'valid_from', 'previous_edition_id');
  return rows.map((r) => ({ edition: kept.get(r.edition_id)!, valid_from: r.valid_from, previous_edition_id: r.previous_edition_id }));
}

/** A YYYY-MM-DD date that exists, or a 400 naming the parameter. */
export function checkDate(value: string, name: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString().slice(0, 10) !== value)
    throw badRequest(`${name} "${String(value).slice(0, 40)}" is not a date`, [{ name, reason: 'must be a valid date YYYY-MM-DD' }]);
  return value;
}

/** The kept edition valid on a date: the last to take effect on or before it; a 404 when none was. */
async function editionOn(ds: DatasetContext, date: string): Promise<EditionInfo> {
  const periods = await timeline(ds);
  const valid = periods.filter((p) => p.valid_from <= checkDate(date, 'as_of')).at(-1);
  if (valid) return valid.edition;
  const first = periods[0]?.valid_from;
  throw new Problem(404, 'Not found', `no edition of ${ds.id} was valid on ${date}${first ? ` (the earliest edition kept is valid from ${first})` : ''}`, { as_of: date });
}

/** The edition a request reads: `as_of=YYYY-MM-DD`, `edition=`, or the current one. */
export function requestedEdition(ds: DatasetContext, request: FastifyRequest): Promise<EditionInfo> {
  const q = (request.query ?? {}) as { as_of?: string; edition?: string };
  return q.as_of ? chosenEdition(ds, { as_of: q.as_of, edition: q.edition || undefined }) : ds.edition(request);
}

/** The same choice for a caller of the service: an edition by id or label, by date, or the current one. */
export async function chosenEdition(ds: DatasetContext, which: { edition?: string | number; as_of?: string }): Promise<EditionInfo> {
  if (which.as_of !== undefined) {
    if (which.edition !== undefined) throw badRequest('give either edition or as_of, not both', [{ name: 'as_of', reason: 'conflicts with edition' }]);
    return editionOn(ds, which.as_of);
  }
  if (which.edition !== undefined) {
    const e = await ds.findEdition(which.edition);
    if (!e) throw notFound(`${ds.id} has no kept edition "${String(which.edition).slice(0, 40)}"`);
    return e;
  }
  const current = await ds.currentEdition();
  if (!current) throw notImported(ds.id);
  return current;
}
