// A postcode's answer from the deprivation service, with the Census Platform's `year` (England and
// Wales: the edition of that year, 2019 by default; Scotland and Northern Ireland: their one index
// whatever it says), and every way of not answering as the status clients treat as "no value":
// never a 200 without a quantile.
import { Problem, notImported, badRequest, notFound, type DeprivationAnswer, type DeprivationServices, type Nation, type PluginContext } from '../../../core/contract.ts';
import { yearOfLabel, type IndexEditions } from './indices.ts';

/** The year the Census Platform answers with when none is given (IoD2019, WIMD 2019). */
export const DEFAULT_YEAR = 2019;

/** Nations whose edition `year` chooses. */
const BY_YEAR: readonly Nation[] = ['England', 'Wales'];

export type Answered = DeprivationAnswer & { deprivation: NonNullable<DeprivationAnswer['deprivation']> };

/** `country` as the Census Platform names a nation. */
export const COUNTRY: Record<Nation, string> = { England: 'england', Wales: 'wales', Scotland: 'scotland', 'Northern Ireland': 'northern_ireland' };

/** The index editions `year` asks for (one per nation that has one of that year); a 400 for a year no edition has. */
function editionsOfYear(editions: IndexEditions, year: number | undefined): string | undefined {
  if (year !== undefined && !editions.all.some((e) => e.year === year))
    throw badRequest(`unknown year ${year}: the index editions here are ${editions.describe(editions.all)}`, [{ name: 'year', reason: 'no index edition of that year' }]);
  const wanted = year ?? DEFAULT_YEAR;
  const labels = BY_YEAR.map((n) => editions.ofNation(n).find((e) => e.year === wanted)?.label).filter(Boolean);
  return labels.length ? labels.join(',') : undefined;
}

function refusal(a: DeprivationAnswer, editions: IndexEditions, year: number | undefined): Problem | null {
  const nation = a.nation as Nation | null;
  const wanted = year ?? DEFAULT_YEAR;
  switch (a.status) {
    case 'invalid':
      return badRequest('the postcode is not a valid UK postcode format', [{ name: 'postcode', reason: 'not a valid UK postcode format' }]);
    case 'not_found':
      return notFound('the postcode is not in the postcode directory');
    case 'outside_indices':
      return badRequest(a.message, [{ name: 'postcode', reason: 'outside the four UK indices' }]);
    case 'index_absent':
      return notFound(a.message);
  }
  if (a.terminated) return new Problem(410, 'Gone', `the postcode was terminated${a.doterm ? ` (${a.doterm.slice(0, 4)}-${a.doterm.slice(4, 6)})` : ''}; use its current replacement`, { doterm: a.doterm });
  if (nation && BY_YEAR.includes(nation) && yearOfLabel(a.index_edition ?? '') !== wanted)
    return badRequest(
      `year ${wanted}${year === undefined ? ' (the default)' : ''}: no ${nation} index edition of that year is loaded here; ${nation} has ${editions.describe(editions.ofNation(nation))}`,
      [{ name: 'year', reason: `no ${nation} index edition of that year` }],
    );
  switch (a.status) {
    case 'index_edition_unavailable':
      return badRequest(a.message, [{ name: 'year', reason: 'edition published here without small areas' }]);
    case 'index_not_loaded':
      return notImported('deprivation', a.message, { retry_after: 60 });
    case 'no_small_area':
    case 'area_not_in_index':
      return notFound(a.message);
  }
  return a.deprivation ? null : notFound(a.message);
}

/** The deprivation of one postcode, or the problem that says why there is none. */
export async function answerPostcode(ctx: PluginContext, editions: IndexEditions, postcode: string, year?: number, quantile?: number): Promise<Answered> {
  const edition = editionsOfYear(editions, year);
  const [a] = await ctx.service<DeprivationServices>('deprivation').deprivation([postcode], { edition, quantile });
  const problem = refusal(a, editions, year);
  if (problem) throw problem;
  return a as Answered;
}
