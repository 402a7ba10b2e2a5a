// Cross-check of the RCPCH hospital list against the boundaries: for every hospital with
// coordinates, the areas containing it against the country, NHS England region, ICB, Welsh
// health board and London borough its curated lists give it. Each disagreement is a warning of
// the edition (shown in the catalogue) and a row of hospital_checks; nothing is corrected.
//
// Input, in order of preference: the organisations dataset's current edition (its tables, read
// inside this import's transaction, when present and of the expected shape), else the lists it is
// built from (optional source `hospitals`), classified by shape so that file names do not matter.
// Codes of the lists' vintages are matched to the boundary files' where they differ (pre-2023 ICB
// codes by name).
import { readFileSync } from 'node:fs';
import { SourceError, type ImportContext } from '../../core/contract.ts';
import type { SpatialIndex } from './spatial-index.ts';
import type { HospitalChecksRecord } from './types.ts';

export interface OrganisationCheck {
  status: 'checked' | 'no_hospital_list';
  input: 'organisations_edition' | 'hospital_lists' | 'none';
  organisations_edition: number | null;
  checked: number;
  agree: number;
  disagree: number;
  not_located: number;
  no_coordinates: number;
}

interface Hospital {
  OrganisationCode: string;
  OrganisationName?: string;
  Latitude?: string | number | null;
  Longitude?: string | number | null;
  ParentODSCode?: string | null;
  LocalAuthority?: string | null;
}
interface IcbMapping {
  'NHS England Region Code'?: string;
  'ONS ICB Boundary Code'?: string;
  'ICB Name'?: string;
  'ODS Trust Code'?: string;
}

const COUNTRY_BY_PREFIX: Record<string, string> = { E: 'E92000001', W: 'W92000004', S: 'S92000003', N: 'N92000002' };
const norm = (s: string) => s.toUpperCase().replace(/\s+/g, ' ').trim();
const num = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

interface Expectation {
  ods_code: string;
  name: string;
  parent: string | null;
  la: string | null;
  lat: number | null;
  lon: number | null;
  expected: Record<'country' | 'nhs_region' | 'icb' | 'health_board' | 'london_borough', string | null>;
}

const joinCodes = (codes: Iterable<string>) => {
  const list = [...new Set(codes)].filter(Boolean).sort();
  return list.length ? list.join('|') : null;
};

/** The organisations dataset's current edition, when its tables have the shape this check reads. */
async function readOrganisations(ctx: ImportContext, editionId: number): Promise<Expectation[] | undefined> {
  const needed: Record<string, string[]> = {
    organisations_organisation_records: ['ods_code', 'name', 'parent_code', 'local_authority_code', 'latitude', 'longitude', 'country_code', 'london_borough_code', 'health_board_code', 'icb_code', 'icb_candidates', 'region_code'],
    organisations_icbs: ['ods_code', 'gss_code'],
    organisations_regions: ['code', 'gss_code'],
    organisations_health_boards: ['ods_code', 'gss_code'],
  };
  const cols = await ctx.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1)`,
    [Object.keys(needed)],
  );
  const missing = Object.entries(needed).flatMap(([t, cs]) => cs.filter((c) => !cols.some((x) => x.table_name === t && x.column_name === c)).map((c) => `${t}.${c}`));
  if (missing.length) {
    ctx.warn('boundaries.organisations_shape', `the organisations edition ${editionId} lacks ${missing.slice(0, 5).join(', ')}; the cross-check reads the hospital lists instead`);
    return undefined;
  }
  const map = async (table: string, key: string) =>
    new Map((await ctx.query<{ k: string; v: string }>(`SELECT ${key} AS k, gss_code AS v FROM ${table} WHERE edition_id = $1`, [editionId])).map((r) => [r.k, r.v]));
  const icbs = await map('organisations_icbs', 'ods_code');
  const regions = await map('organisations_regions', 'code');
  const boards = await map('organisations_health_boards', 'ods_code');
  const rows = await ctx.query<Record<string, string | number | null>>(
    `SELECT ods_code, name, parent_code, local_authority_code, latitude, longitude, country_code, london_borough_code, health_board_code, icb_code, icb_candidates, region_code
       FROM organisations_organisation_records WHERE edition_id = $1 ORDER BY ods_code`,
    [editionId],
  );
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return rows.map((r) => {
    const icbOds = [str(r.icb_code), ...(str(r.icb_candidates)?.split(',') ?? [])].filter((x): x is string => !!x).map((x) => x.trim());
    return {
      ods_code: String(r.ods_code),
      name: norm(String(r.name ?? '')),
      parent: str(r.parent_code),
      la: str(r.local_authority_code),
      lat: num(r.latitude),
      lon: num(r.longitude),
      expected: {
        country: str(r.country_code),
        nhs_region: str(r.region_code) ? (regions.get(String(r.region_code)) ?? null) : null,
        icb: joinCodes(icbOds.map((c) => icbs.get(c) ?? '')),
        health_board: str(r.health_board_code) ? (boards.get(String(r.health_board_code)) ?? null) : null,
        london_borough: str(r.london_borough_code),
      },
    };
  });
}

export async function crossCheckOrganisations(
  ctx: ImportContext,
  index: SpatialIndex,
  boundaryNames: { icb: Map<string, string> },
): Promise<OrganisationCheck> {
  const result: OrganisationCheck = { status: 'no_hospital_list', input: 'none', organisations_edition: null, checked: 0, agree: 0, disagree: 0, not_located: 0, no_coordinates: 0 };
  const organisations = await ctx.currentEdition('organisations');
  let list = organisations === null ? undefined : await readOrganisations(ctx, organisations);
  if (list) {
    result.input = 'organisations_edition';
    result.organisations_edition = organisations;
  } else {
    list = readLists(ctx, boundaryNames);
    if (list) result.input = 'hospital_lists';
  }
  if (!list) return result;
  result.status = 'checked';
  return evaluate(ctx, index, list, result);
}

function readLists(ctx: ImportContext, boundaryNames: { icb: Map<string, string> }): Expectation[] | undefined {
  const files = [...new Set(ctx.sources.hospitals ?? [])];
  let hospitals: Hospital[] = [];
  let mapping: IcbMapping[] = [];
  const boards = new Map<string, string>(); // health board ODS code → GSS code
  const regions = new Map<string, string>(); // NHS England region Y-code → ONS code
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (err) {
      throw new SourceError(`not valid JSON: ${(err as Error).message}`, file);
    }
    if (!Array.isArray(data) || data.length === 0 || typeof data[0] !== 'object') continue;
    const first = data[0] as Record<string, unknown>;
    if ('OrganisationCode' in first) hospitals = data as Hospital[];
    else if ('ONS ICB Boundary Code' in first) mapping = data as IcbMapping[];
    else if ('health_board' in first && 'gss_code' in first) for (const b of data as { ods_code: string; gss_code: string }[]) boards.set(b.ods_code, b.gss_code);
    else if ('NHS_ENGLAND_REGION_ONS_CODE' in first)
      for (const r of data as { NHS_ENGLAND_REGION_CODE: string; NHS_ENGLAND_REGION_ONS_CODE: string }[]) regions.set(r.NHS_ENGLAND_REGION_CODE, r.NHS_ENGLAND_REGION_ONS_CODE);
  }
  if (hospitals.length === 0) return undefined;

  // ICB codes of the boundary file; a code of another vintage is matched by name.
  const icbByName = new Map([...boundaryNames.icb].map(([code, name]) => [norm(name), code]));
  const remapped = new Map<string, string>();
  const icbCode = (row: IcbMapping): string | undefined => {
    const code = row['ONS ICB Boundary Code'];
    if (!code) return undefined;
    if (boundaryNames.icb.size === 0 || boundaryNames.icb.has(code)) return code;
    const byName = row['ICB Name'] ? icbByName.get(norm(row['ICB Name'])) : undefined;
    if (byName && !remapped.has(code)) {
      remapped.set(code, byName);
      ctx.warn('boundaries.icb_code_vintage', `the ICB mapping uses ${code} (${row['ICB Name']}), not a code of the ICB boundary file; matched by name to ${byName}`, { listed: code, boundary: byName });
    }
    return byName ?? code;
  };
  const byTrust = new Map<string, { icbs: Set<string>; regions: Set<string> }>();
  for (const row of mapping) {
    const trust = row['ODS Trust Code'];
    if (!trust) continue;
    let t = byTrust.get(trust);
    if (!t) byTrust.set(trust, (t = { icbs: new Set(), regions: new Set() }));
    const icb = icbCode(row);
    if (icb) t.icbs.add(icb);
    const region = row['NHS England Region Code'] ? regions.get(row['NHS England Region Code']) : undefined;
    if (region) t.regions.add(region);
  }

  const out: Expectation[] = [];
  const seen = new Set<string>();
  for (const h of hospitals) {
    if (!h.OrganisationCode || seen.has(h.OrganisationCode)) continue;
    seen.add(h.OrganisationCode);
    const la = h.LocalAuthority?.trim() || null;
    const parent = h.ParentODSCode?.trim() || null;
    const trust = parent ? byTrust.get(parent) : undefined;
    out.push({
      ods_code: h.OrganisationCode,
      name: norm(h.OrganisationName ?? ''),
      parent,
      la,
      lat: num(h.Latitude),
      lon: num(h.Longitude),
      expected: {
        country: la ? (COUNTRY_BY_PREFIX[la[0]] ?? null) : null,
        nhs_region: trust ? joinCodes(trust.regions) : null,
        icb: trust ? joinCodes(trust.icbs) : null,
        health_board: parent ? (boards.get(parent) ?? null) : null,
        london_borough: la?.startsWith('E09') ? la : null,
      },
    });
  }
  return out;
}

async function evaluate(ctx: ImportContext, index: SpatialIndex, list: Expectation[], result: OrganisationCheck): Promise<OrganisationCheck> {
  const table = ctx.table('hospital_checks');
  for (const h of list) {
    result.checked++;
    const { lat, lon, la, parent, expected } = h;
    const valid = lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    const areas = valid ? index.locate(lon!, lat!) : [];
    const found = (level: string) => areas.find((a) => a.level === level)?.code ?? null;
    const foundBy = { country: found('country'), nhs_region: found('nhs_region'), icb: found('icb'), health_board: found('health_board'), london_borough: found('london_borough') };
    const disagreements: string[] = [];
    for (const level of ['country', 'nhs_region', 'icb', 'health_board', 'london_borough'] as const) {
      const want = expected[level];
      if (want === null) continue;
      const got = foundBy[level];
      if (got === null || !want.split('|').includes(got)) disagreements.push(`${level}: found ${got ?? 'none'}, listed ${want}`);
    }
    const status: HospitalChecksRecord['status'] = !valid ? 'no_coordinates' : areas.length === 0 ? 'not_located' : disagreements.length ? 'disagrees' : 'agrees';
    if (status === 'agrees') result.agree++;
    else if (status === 'disagrees') result.disagree++;
    else if (status === 'not_located') result.not_located++;
    else result.no_coordinates++;
    if (status !== 'agrees') {
      const where = valid ? `(${lat}, ${lon})` : '(no coordinates)';
      ctx.warn(
        `boundaries.hospital_${status}`,
        `${h.ods_code} ${h.name} ${where}: ${status === 'disagrees' ? disagreements.join('; ') : status === 'not_located' ? 'in no boundary of this edition' : 'no coordinates in the list'}`,
        { ods_code: h.ods_code, parent_ods_code: parent, local_authority: la, lat, lon, expected, found: foundBy },
      );
    }
    const record: HospitalChecksRecord = {
      ods_code: h.ods_code,
      name: h.name,
      parent_ods_code: parent,
      local_authority: la,
      lat: valid ? lat : null,
      lon: valid ? lon : null,
      country_expected: expected.country,
      country_found: foundBy.country,
      nhs_region_expected: expected.nhs_region,
      nhs_region_found: foundBy.nhs_region,
      icb_expected: expected.icb,
      icb_found: foundBy.icb,
      health_board_expected: expected.health_board,
      health_board_found: foundBy.health_board,
      london_borough_expected: expected.london_borough,
      london_borough_found: foundBy.london_borough,
      status,
      disagreements: disagreements.length ? disagreements.join('; ') : null,
    };
    await table.write(record as unknown as Record<string, unknown>);
  }
  return result;
}
