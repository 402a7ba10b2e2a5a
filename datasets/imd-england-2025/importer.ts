// IoD2025: the LSOA 2021 areas from either layout (the publisher's File 7, or the two CSVs converted
// from the humaniverse/IMD R package, or both, which must then agree), every ranking checked on
// import; the district summaries as reshaped long. What the source lacks is null and named in the
// edition's metadata.
import { indices, SourceError, type DatasetImporter, type ImportContext } from '../../core/contract.ts';
import { ladJoin } from './lad-join.ts';
import schema from './schemas/areas.json' with { type: 'json' };

/** LSOAs of England in the 2021 census, as MHCLG ranks them. */
const AREAS = 33755;

const FIELDS = Object.keys(schema.properties);

/** Groups of fields a source may lack, as the catalogue names them. */
const GROUPS: [string, RegExp][] = [
  ['IDACI and IDAOPI', /^ida(ci|opi)_/],
  ['sub-domains', /^(children_young_people|adult_skills|geographical_barriers|wider_barriers|indoors|outdoors)_/],
  ['population denominators', /^population_/],
];

const has = (ctx: ImportContext, s: string) => (ctx.sources[s]?.length ?? 0) > 0;

async function lsoaNames(ctx: ImportContext): Promise<Record<string, unknown>> {
  if (!has(ctx, 'lsoa21_names')) return {};
  const names = await ctx.readJson<Record<string, unknown>>('lsoa21_names');
  if (!names || typeof names !== 'object' || Array.isArray(names)) throw new SourceError('the LSOA 2021 name table is not an object of code → name', ctx.sources.lsoa21_names[0]);
  return names;
}

const importer: DatasetImporter = async (ctx) => {
  if (!has(ctx, 'file_7') && !has(ctx, 'lsoa21'))
    throw new SourceError('IoD2025 by LSOA needs File 7 (source file_7) or imd2025_england_lsoa21.csv (source lsoa21)');

  const districts = new Map<string, string>();
  const lad = ctx.table('lad_summaries');
  for await (const { record, file, line } of indices.readLadLong(ctx, 'lad_summaries')) {
    districts.set(record.lad_code as string, record.lad_name as string);
    await lad.write(record, { file, line });
  }

  const byCode = await indices.readLsoaSources(ctx, ['lsoa21', 'lsoa21_subdomains', 'file_7'], { lsoa: '2021', lad: '2024' }, { areas: AREAS });
  if (byCode.size !== AREAS) throw new SourceError(`${byCode.size} LSOAs read; IoD2025 ranks ${AREAS}`);
  const names = await lsoaNames(ctx);
  const lads = await ladJoin(ctx, districts);
  const areas = ctx.table('areas');
  const nulls = new Map<string, number>();
  const named = { source: 0, name_table: 0, none: 0 };
  for (const [code, rec] of byCode) {
    const own = typeof rec.lsoa_name === 'string' ? rec.lsoa_name : null;
    const listed = Object.hasOwn(names, code) && typeof names[code] === 'string' ? (names[code] as string) : null;
    const name = own ?? listed;
    named[own ? 'source' : name ? 'name_table' : 'none']++;
    const district = lads.of(code, name, { code: rec.lad_code, name: rec.lad_name });
    const out: Record<string, unknown> = { lsoa21_code: code, lsoa21_name: name, lad24_code: district.code, lad24_name: district.name, lad24_source: district.source };
    for (const f of FIELDS) {
      if (f in out) continue;
      const v = rec[f] ?? null;
      if (v === null) nulls.set(f, (nulls.get(f) ?? 0) + 1);
      out[f] = v;
    }
    await areas.write(out);
  }

  // what the source lacked: fields null in every area, and where names and districts came from
  const absent = [...nulls].filter(([, n]) => n === byCode.size).map(([f]) => f);
  const lacks = GROUPS.filter(([, re]) => absent.some((f) => re.test(f))).map(([g]) => `${g} not in this source`);
  if (named.source < byCode.size) {
    lacks.push(`LSOA names not in this source: ${named.name_table} from the ONS name table${named.none ? `, ${named.none} unnamed` : ''}`);
    if (named.none) ctx.warn('lsoa_unnamed', `${named.none} LSOAs have no name: the source names none and the ONS name table ${has(ctx, 'lsoa21_names') ? 'lacks them' : 'was not provided'}`);
  }
  const lad24 = lads.report();
  if (lad24.publisher < byCode.size)
    lacks.push(`LAD 2024 codes not in this source: ${lad24.district_name} joined by district name, ${lad24.postcode_directory} through the postcode directory, ${lad24.not_joined} null (lad24_source)`);
  return {
    metadata: {
      layout: [has(ctx, 'file_7') && 'File 7 (publisher)', has(ctx, 'lsoa21') && 'CSVs converted from the humaniverse/IMD R package'].filter(Boolean).join(' and '),
      fields_absent: absent.sort(),
      absent: lacks,
      lsoa21_names: named,
      lad24,
    },
  };
};

export default importer;
