// Cross-check of the RCPCH hospital list against the boundaries: for every hospital with
// coordinates, the areas containing it against the country, NHS England region, ICB, Welsh
// health board and London borough its curated lists give it. Each disagreement is a warning of
// the edition (shown in the catalogue) and a row of hospital_checks; nothing is corrected.
//
// Input: the organisations dataset's source lists (optional source `hospitals`), classified by
// shape so that file names do not matter. Codes of the lists' vintages are matched to the
// boundary files' vintages where they differ (pre-2023 ICB codes by name).
import { readFileSync } from 'node:fs';
import type { ImportContext } from '../../core/contract.ts';
import { SourceError } from '../../core/contract.ts';
import type { SpatialIndex } from './spatial-index.ts';
import type { HospitalChecksRecord } from './types.ts';

export interface OrganisationCheck {
  status: 'checked' | 'no_hospital_list';
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

export async function crossCheckOrganisations(
  ctx: ImportContext,
  index: SpatialIndex,
  boundaryNames: { icb: Map<string, string> },
): Promise<OrganisationCheck> {
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
  const result: OrganisationCheck = { status: 'no_hospital_list', checked: 0, agree: 0, disagree: 0, not_located: 0, no_coordinates: 0 };
  if (hospitals.length === 0) return result;
  result.status = 'checked';

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

  const table = ctx.table('hospital_checks');
  const seen = new Set<string>();
  for (const h of hospitals) {
    if (!h.OrganisationCode || seen.has(h.OrganisationCode)) continue;
    seen.add(h.OrganisationCode);
    result.checked++;
    const lat = num(h.Latitude);
    const lon = num(h.Longitude);
    const la = h.LocalAuthority?.trim() || null;
    const parent = h.ParentODSCode?.trim() || null;
    const trust = parent ? byTrust.get(parent) : undefined;
    const expected = {
      country: la ? (COUNTRY_BY_PREFIX[la[0]] ?? null) : null,
      nhs_region: trust && trust.regions.size ? [...trust.regions].sort().join('|') : null,
      icb: trust && trust.icbs.size ? [...trust.icbs].sort().join('|') : null,
      health_board: parent ? (boards.get(parent) ?? null) : null,
      london_borough: la?.startsWith('E09') ? la : null,
    };
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
        `${h.OrganisationCode} ${norm(h.OrganisationName ?? '')} ${where}: ${status === 'disagrees' ? disagreements.join('; ') : status === 'not_located' ? 'in no boundary of this edition' : 'no coordinates in the list'}`,
        { ods_code: h.OrganisationCode, parent_ods_code: parent, local_authority: la, lat, lon, expected, found: foundBy },
      );
    }
    const record: HospitalChecksRecord = {
      ods_code: h.OrganisationCode,
      name: norm(h.OrganisationName ?? ''),
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
    await table.write(record as unknown as Record<string, unknown>, { file: files[0] });
  }
  return result;
}
