// The local authority district (2024) of each LSOA 2021 when the source does not give it (the
// converted CSVs carry no district columns; File 7 does). Two joins, each only where it holds:
// - by name: an LSOA 2021 name is its district's name and a number ("Bristol 001A"); where that
//   name is a district of the IoD2025 summaries file (LAD 2024), that is its district. The districts
//   merged in 2023 (Cumbria, North Yorkshire, Somerset) no longer have their old names there.
// - through the postcode directory, when `postcodes` is registered and imported: the district
//   (oslaua) of the LSOA's live postcodes, when it is a 2024 district of the summaries file.
// Where both join they are compared; where neither does, the district is null.
import type { ImportContext } from '../../core/contract.ts';

export type LadSource = 'publisher' | 'district_name' | 'postcode_directory';

export interface LadOfLsoa {
  code: string | null;
  name: string | null;
  source: LadSource | null;
}

/** "Bristol, City of" and "Bristol" alike. */
const nameKey = (name: string) => name.toLowerCase().replace(/, (city|county) of$/, '').replace(/\s+/g, ' ').trim();

/** The district part of an LSOA 2021 name ("Bristol 001A" → "Bristol"). */
const districtOfLsoaName = (name: string) => /^(.*\S) \d{3}[A-Z]$/.exec(name)?.[1];

/** LAD of each LSOA by its live postcodes in the current postcode directory (the most common one). */
async function postcodeDistricts(ctx: ImportContext): Promise<{ byLsoa: Map<string, string>; split: number } | null> {
  if (!ctx.dependencies.some((d) => d.id === 'postcodes' && d.present)) return null;
  const edition = await ctx.currentEdition('postcodes');
  if (edition === null) return null;
  const rows = await ctx.query<{ lsoa21: string; oslaua: string; n: number }>(
    `SELECT lsoa21, oslaua, count(*)::int AS n FROM "${ctx.tableName('postcodes', 'postcodes')}"
      WHERE edition_id = $1 AND doterm IS NULL AND lsoa21 LIKE 'E01%' AND oslaua IS NOT NULL GROUP BY lsoa21, oslaua`,
    [edition],
  );
  const best = new Map<string, { lad: string; n: number }>();
  const districts = new Map<string, number>();
  for (const r of rows) {
    districts.set(r.lsoa21, (districts.get(r.lsoa21) ?? 0) + 1);
    const b = best.get(r.lsoa21);
    if (!b || r.n > b.n) best.set(r.lsoa21, { lad: r.oslaua, n: r.n });
  }
  return { byLsoa: new Map([...best].map(([k, v]) => [k, v.lad])), split: [...districts.values()].filter((n) => n > 1).length };
}

/**
 * A function giving each LSOA's district, and the tally of how each was found. `districts`: LAD 2024
 * code → name, from the summaries file.
 */
export async function ladJoin(ctx: ImportContext, districts: Map<string, string>) {
  const byName = new Map<string, string | null>();
  for (const [code, name] of districts) byName.set(nameKey(name), byName.has(nameKey(name)) ? null : code); // null: ambiguous
  const directory = await postcodeDistricts(ctx);
  const tally = { publisher: 0, district_name: 0, postcode_directory: 0, not_joined: 0 };
  const unjoined = new Map<string, number>();
  const disagree: string[] = [];

  function of(lsoa: string, lsoaName: string | null, published: { code: unknown; name: unknown }): LadOfLsoa {
    if (typeof published.code === 'string') {
      tally.publisher++;
      return { code: published.code, name: typeof published.name === 'string' ? published.name : (districts.get(published.code) ?? null), source: 'publisher' };
    }
    const part = lsoaName ? districtOfLsoaName(lsoaName) : undefined;
    const named = part ? byName.get(nameKey(part)) : undefined;
    const listed = directory?.byLsoa.get(lsoa);
    const fromDirectory = listed && districts.has(listed) ? listed : undefined;
    if (named && fromDirectory && named !== fromDirectory) disagree.push(`${lsoa}: ${named} by name, ${fromDirectory} by postcodes`);
    const code = named ?? fromDirectory;
    if (!code) {
      tally.not_joined++;
      unjoined.set(part ?? '(no name)', (unjoined.get(part ?? '(no name)') ?? 0) + 1);
      return { code: null, name: null, source: null };
    }
    const source = named ? 'district_name' : 'postcode_directory';
    tally[source]++;
    return { code, name: districts.get(code) ?? null, source };
  }

  /** Records the outcome as warnings; returns it for the edition's metadata. */
  function report() {
    if (tally.not_joined)
      ctx.warn(
        'lad_not_joined',
        `${tally.not_joined} LSOAs have no LAD 2024 code: their names name no district of the summaries file and the postcode directory ${directory ? 'gives none' : 'is not imported'} ` +
          `(${[...unjoined].map(([d, n]) => `${d} ${n}`).join(', ')})`,
      );
    if (disagree.length) ctx.warn('lad_join_disagrees', `${disagree.length} LSOAs are in one district by name and another by their postcodes; the name is used`, disagree.slice(0, 20));
    if (directory?.split) ctx.warn('lad_split_postcodes', `${directory.split} LSOAs have live postcodes in more than one district; the most common is used`);
    return { ...tally, not_joined_by_district_name: Object.fromEntries(unjoined), postcode_directory_imported: directory !== null };
  }

  return { of, report };
}
