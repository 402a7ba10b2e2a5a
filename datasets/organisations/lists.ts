// From the raw curated lists to the records of one edition: every relationship checked.
// A broken relationship fails the import naming the offending codes; the lists' known
// inconsistencies (see README) are imported with an explicit warning instead.
import { SourceError } from '../../core/contract.ts';
import type {
  CountriesRecord,
  DiabetesNetworksRecord,
  HealthBoardsRecord,
  IcbMappingsRecord,
  IcbsRecord,
  LondonBoroughsRecord,
  OpenukNetworksRecord,
  OrganisationRecordsRecord,
  PduMembersRecord,
  PdusRecord,
  RegionsRecord,
  TrustsRecord,
} from './types.ts';

type Row = Record<string, unknown>;
export interface RawSources {
  organisations: Row[];
  trusts: Row[];
  health_boards: Row[];
  icbs: Row[];
  icb_mappings: Row[];
  regions: Row[];
  pz_codes: Row[];
  pz_networks: Row[];
  diabetes_networks: Row[];
  openuk_networks: Row[];
  openuk_trusts: Row[];
  countries: Row[];
  districts: Record<string, string> | null;
}

export interface Lists {
  organisations: OrganisationRecordsRecord[];
  trusts: TrustsRecord[];
  health_boards: HealthBoardsRecord[];
  icbs: IcbsRecord[];
  regions: RegionsRecord[];
  countries: CountriesRecord[];
  pdus: PdusRecord[];
  pdu_members: PduMembersRecord[];
  diabetes_networks: DiabetesNetworksRecord[];
  openuk_networks: OpenukNetworksRecord[];
  london_boroughs: LondonBoroughsRecord[];
  icb_mappings: IcbMappingsRecord[];
}

interface BuildOptions {
  file(source: string): string | undefined;
  warn(code: string, message: string, details?: unknown): void;
}

const ENGLAND = 'E92000001';
const WALES = 'W92000004';
const CHANNEL_ISLANDS = 'L93000001';
const ISLE_OF_MAN = 'M83000003';
const GSS_COUNTRIES: Record<string, string> = {
  E92000001: 'England',
  W92000004: 'Wales',
  S92000003: 'Scotland',
  N92000002: 'Northern Ireland',
  L93000001: 'Channel Islands',
  M83000003: 'Isle of Man',
};
const COUNTRY_BY_NAME: Record<string, string> = { ENGLAND, WALES, SCOTLAND: 'S92000003', 'NORTHERN IRELAND': 'N92000002' };

/** Name search key: lower case, letters and digits only ("St. Mary's" → "stmarys"). */
export const nameKey = (s: string) =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');

const text = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
};
const need = (row: Row, key: string, source: string, index: number, opts: BuildOptions): string => {
  const v = text(row[key]);
  if (v === null) throw new SourceError(`record ${index + 1} has no ${key}`, opts.file(source), index + 1, key);
  return v;
};
const coordinate = (v: unknown, key: string, index: number, opts: BuildOptions): number | null => {
  const s = text(v);
  if (s === null) return null;
  const n = Number(s);
  if (!Number.isFinite(n)) throw new SourceError(`"${s}" is not a number`, opts.file('organisations'), index + 1, key);
  return n;
};
const short = (codes: Iterable<string>) => [...new Set(codes)].sort().join(', ');

function fail(opts: BuildOptions, source: string, field: string, what: string, offending: string[]): never {
  throw new SourceError(`${what}: ${short(offending)}`, opts.file(source), undefined, field);
}

function unique<T>(rows: T[], key: (r: T) => string, source: string, field: string, opts: BuildOptions): Map<string, T> {
  const map = new Map<string, T>();
  const dup: string[] = [];
  for (const r of rows) {
    const k = key(r);
    if (map.has(k)) dup.push(k);
    map.set(k, r);
  }
  if (dup.length) fail(opts, source, field, `duplicate codes`, dup);
  return map;
}

export function buildLists(raw: RawSources, opts: BuildOptions): Lists {
  // Countries: Jersey's listed E92000003 is not a GSS code; served as L93000001 (ONSPD "Channel Islands").
  const countries: CountriesRecord[] = raw.countries.map((c, i) => {
    const listed = need(c, 'country_ons_code', 'countries', i, opts);
    const name = need(c, 'country_ons_name', 'countries', i, opts);
    let code = listed;
    if (!(listed in GSS_COUNTRIES)) {
      code = /jersey|guernsey|channel/i.test(name) ? CHANNEL_ISLANDS : /isle of man/i.test(name) ? ISLE_OF_MAN : listed;
      opts.warn('country-code-not-gss', `${name}'s country code ${listed} in the country list is not a GSS code; served as ${code}${code === listed ? '' : ` (${GSS_COUNTRIES[code]}, as in the ONSPD)`}`, { listed, served: code });
    }
    return { code, name, listed_code: listed };
  });
  unique(countries, (c) => c.code, 'countries', 'country_ons_code', opts);
  const countryCodes = new Set(countries.map((c) => c.code));

  const regions: RegionsRecord[] = raw.regions.map((r, i) => ({
    code: need(r, 'NHS_ENGLAND_REGION_CODE', 'regions', i, opts),
    gss_code: need(r, 'NHS_ENGLAND_REGION_ONS_CODE', 'regions', i, opts),
    name: need(r, 'NHS_ENGLAND_REGION_NAME', 'regions', i, opts),
  }));
  const regionByCode = unique(regions, (r) => r.code, 'regions', 'NHS_ENGLAND_REGION_CODE', opts);

  const icbs: IcbsRecord[] = raw.icbs.map((r, i) => ({
    ods_code: need(r, 'ods_code', 'icbs', i, opts),
    gss_code: need(r, 'gss_code', 'icbs', i, opts),
    name: need(r, 'name', 'icbs', i, opts),
    region_code: null,
    mapping_gss_code: null,
  }));
  const icbByCode = unique(icbs, (r) => r.ods_code, 'icbs', 'ods_code', opts);

  const health_boards: HealthBoardsRecord[] = raw.health_boards.map((r, i) => ({
    ods_code: need(r, 'ods_code', 'health_boards', i, opts),
    gss_code: need(r, 'gss_code', 'health_boards', i, opts),
    name: need(r, 'health_board', 'health_boards', i, opts),
    openuk_network_code: null,
  }));
  const boardByCode = unique(health_boards, (r) => r.ods_code, 'health_boards', 'ods_code', opts);

  const badCountry: string[] = [];
  const trusts: TrustsRecord[] = raw.trusts.map((r, i) => {
    const country = text(r.country);
    const country_code = country === null ? null : (COUNTRY_BY_NAME[country.toUpperCase()] ?? null);
    if (country !== null && country_code === null) badCountry.push(`${text(r.ods_code)} (${country})`);
    return {
      ods_code: need(r, 'ods_code', 'trusts', i, opts),
      name: need(r, 'trust_name', 'trusts', i, opts),
      address_line_1: text(r.address_line_1),
      address_line_2: text(r.address_line_2),
      town: text(r.town),
      postcode: text(r.postcode),
      country_code,
      openuk_network_code: null,
    };
  });
  if (badCountry.length) fail(opts, 'trusts', 'country', 'trusts with an unknown country', badCountry);
  const trustByCode = unique(trusts, (r) => r.ods_code, 'trusts', 'ods_code', opts);
  const welshTrusts = trusts.filter((t) => t.country_code === WALES).map((t) => t.ods_code);
  if (welshTrusts.length)
    opts.warn('welsh-bodies-in-trusts', `the trust list includes ${welshTrusts.length} Welsh bodies (${short(welshTrusts)}) although it is meant to cover England only`, welshTrusts);
  const alsoBoards = trusts.filter((t) => boardByCode.has(t.ods_code)).map((t) => t.ods_code);
  if (alsoBoards.length) opts.warn('trust-also-health-board', `${short(alsoBoards)} listed both as a trust and as a local health board; served as a health board for organisations`, alsoBoards);

  // ICB / local authority / trust mapping.
  const icb_mappings: IcbMappingsRecord[] = raw.icb_mappings.map((r, i) => ({
    row: i + 1,
    region_name: need(r, 'NHS England Region', 'icb_mappings', i, opts),
    region_code: need(r, 'NHS England Region Code', 'icb_mappings', i, opts),
    icb_code: need(r, 'ODS ICB Code', 'icb_mappings', i, opts),
    icb_gss_code: need(r, 'ONS ICB Boundary Code', 'icb_mappings', i, opts),
    icb_name: need(r, 'ICB Name', 'icb_mappings', i, opts),
    sub_icb_name: text(r['Sub ICB Locations (formerly CCGs)']),
    sub_icb_code: text(r['ODS Sub ICB Code']),
    local_authority_name: text(r['Local Authority']),
    la_ods_code: text(r['ODS LA Code']),
    trust_name: text(r['NHS Trusts']),
    trust_code: text(r['ODS Trust Code']),
  }));
  const missingIcb = icb_mappings.filter((m) => !icbByCode.has(m.icb_code)).map((m) => m.icb_code);
  if (missingIcb.length) fail(opts, 'icb_mappings', 'ODS ICB Code', 'ICB codes in the mapping that are not in the ICB list', missingIcb);
  const missingRegion = icb_mappings.filter((m) => !regionByCode.has(m.region_code)).map((m) => m.region_code);
  if (missingRegion.length) fail(opts, 'icb_mappings', 'NHS England Region Code', 'region codes in the mapping that are not in the region list', missingRegion);
  const missingTrust = icb_mappings.filter((m) => m.trust_code && !trustByCode.has(m.trust_code)).map((m) => m.trust_code!);
  if (missingTrust.length) fail(opts, 'icb_mappings', 'ODS Trust Code', 'trust codes in the mapping that are not in the trust list', missingTrust);
  const supersededGss = new Map<string, string>();
  const regionNames = new Map<string, string>();
  const icbRegions = new Map<string, Set<string>>();
  const trustIcbs = new Map<string, Set<string>>();
  for (const m of icb_mappings) {
    const icb = icbByCode.get(m.icb_code)!;
    if (icb.gss_code !== m.icb_gss_code) supersededGss.set(m.icb_code, m.icb_gss_code!);
    const region = regionByCode.get(m.region_code)!;
    if (region.name !== m.region_name) regionNames.set(m.region_name!, region.name!);
    (icbRegions.get(m.icb_code) ?? icbRegions.set(m.icb_code, new Set()).get(m.icb_code)!).add(m.region_code);
    if (m.trust_code) (trustIcbs.get(m.trust_code) ?? trustIcbs.set(m.trust_code, new Set()).get(m.trust_code)!).add(m.icb_code);
  }
  for (const [icbCode, gss] of supersededGss) {
    const icb = icbByCode.get(icbCode)!;
    icb.mapping_gss_code = gss;
    opts.warn('icb-superseded-code', `the ICB mapping gives ${icb.name} (${icbCode}) the code ${gss} where the ICB list and boundaries use ${icb.gss_code}; served with ${icb.gss_code}`, { icb: icbCode, mapping: gss, list: icb.gss_code });
  }
  for (const [given, name] of regionNames) opts.warn('region-name-differs', `the ICB mapping names a region "${given}" where the region list says "${name}"`, { mapping: given, list: name });
  const multiRegion: string[] = [];
  for (const icb of icbs) {
    const rs = [...(icbRegions.get(icb.ods_code) ?? [])];
    if (rs.length === 1) icb.region_code = rs[0];
    else if (rs.length > 1) multiRegion.push(icb.ods_code);
  }
  if (multiRegion.length) fail(opts, 'icb_mappings', 'NHS England Region Code', 'ICBs mapped to more than one region', multiRegion);
  const unmappedIcbs = icbs.filter((i) => !icbRegions.has(i.ods_code)).map((i) => i.ods_code);
  if (unmappedIcbs.length) opts.warn('icb-without-mapping', `${unmappedIcbs.length} ICBs appear in no mapping row (no region): ${short(unmappedIcbs)}`, unmappedIcbs);
  const unmappedTrusts = trusts.filter((t) => !trustIcbs.has(t.ods_code)).map((t) => t.ods_code).sort();
  const unmappedWelsh = trusts.filter((t) => t.country_code !== ENGLAND && !trustIcbs.has(t.ods_code)).length;
  if (unmappedTrusts.length)
    opts.warn(
      'trusts-without-icb',
      `${unmappedTrusts.length} trusts appear in no ICB mapping row (${unmappedTrusts.length - unmappedWelsh} English, mostly ambulance, mental-health and community trusts; ${unmappedWelsh} Welsh bodies of the trust list): ${short(unmappedTrusts)}`,
      unmappedTrusts,
    );

  // Networks.
  const diabetes_networks: DiabetesNetworksRecord[] = raw.diabetes_networks.map((r, i) => ({
    code: need(r, 'id', 'diabetes_networks', i, opts),
    name: need(r, 'name', 'diabetes_networks', i, opts),
  }));
  const dnByCode = unique(diabetes_networks, (r) => r.code, 'diabetes_networks', 'id', opts);
  const openuk_networks: OpenukNetworksRecord[] = raw.openuk_networks.map((r, i) => ({
    code: need(r, 'OPEN_UK_Network_Code', 'openuk_networks', i, opts),
    name: need(r, 'OPEN_UK_Network_Name', 'openuk_networks', i, opts),
    country: need(r, 'country', 'openuk_networks', i, opts),
  }));
  const onByCode = unique(openuk_networks, (r) => r.code, 'openuk_networks', 'OPEN_UK_Network_Code', opts);
  const openukOf = new Map<string, string>();
  const badOu: string[] = [];
  const badOuNet: string[] = [];
  const twoOu: string[] = [];
  raw.openuk_trusts.forEach((r, i) => {
    const code = need(r, 'ods trust code', 'openuk_trusts', i, opts);
    const net = need(r, 'OPEN UK Network Code', 'openuk_trusts', i, opts);
    if (!trustByCode.has(code) && !boardByCode.has(code)) badOu.push(code);
    if (!onByCode.has(net)) badOuNet.push(net);
    if (openukOf.has(code) && openukOf.get(code) !== net) twoOu.push(`${code} (${openukOf.get(code)}, ${net})`);
    else openukOf.set(code, net);
  });
  if (badOu.length) fail(opts, 'openuk_trusts', 'ods trust code', 'OPEN UK network members that are neither trusts nor health boards', badOu);
  if (badOuNet.length) fail(opts, 'openuk_trusts', 'OPEN UK Network Code', 'OPEN UK network codes not in the network list', badOuNet);
  if (twoOu.length)
    opts.warn('openuk-member-in-two-networks', `${twoOu.length} trust(s)/board(s) are assigned to two OPEN UK networks; the first listed is served: ${twoOu.join('; ')}`, twoOu);
  for (const t of trusts) t.openuk_network_code = openukOf.get(t.ods_code) ?? null;
  for (const b of health_boards) b.openuk_network_code = openukOf.get(b.ods_code) ?? null;

  // Organisations.
  const organisations: OrganisationRecordsRecord[] = raw.organisations.map((r, i) => {
    const parent = text(r.ParentODSCode);
    const parent_type = parent === null ? null : boardByCode.has(parent) ? 'health_board' : trustByCode.has(parent) ? 'trust' : null;
    return {
      ods_code: need(r, 'OrganisationCode', 'organisations', i, opts),
      name: need(r, 'OrganisationName', 'organisations', i, opts),
      name_key: nameKey(need(r, 'OrganisationName', 'organisations', i, opts)),
      organisation_type: text(r.OrganisationType),
      sub_type: text(r.SubType),
      sector: text(r.Sector),
      address_line_1: text(r.Address1),
      address_line_2: text(r.Address2),
      address_line_3: text(r.Address3),
      city: text(r.City),
      county: text(r.County),
      postcode: text(r.Postcode),
      latitude: coordinate(r.Latitude, 'Latitude', i, opts),
      longitude: coordinate(r.Longitude, 'Longitude', i, opts),
      phone: text(r.Phone),
      email: text(r.Email),
      website: text(r.Website),
      parent_code: parent,
      parent_name: text(r.ParentName),
      parent_type,
      trust_code: parent_type === 'trust' ? parent : null,
      health_board_code: parent_type === 'health_board' ? parent : null,
      icb_code: null,
      icb_candidates: null,
      region_code: null,
      country_code: null,
      local_authority_code: text(r.LocalAuthority),
      london_borough_code: null,
      pdu_code: null,
      pdu_attribution: null,
      diabetes_network_code: null,
      openuk_network_code: parent ? (openukOf.get(parent) ?? null) : null,
    };
  });
  const orgByCode = unique(organisations, (o) => o.ods_code, 'organisations', 'OrganisationCode', opts);
  const badParents = organisations.filter((o) => o.parent_code !== null && o.parent_type === null).map((o) => `${o.ods_code} → ${o.parent_code}`);
  if (badParents.length) fail(opts, 'organisations', 'ParentODSCode', 'organisations whose parent is neither a trust nor a health board', badParents);
  const noParent = organisations.filter((o) => o.parent_code === null).map((o) => o.ods_code);
  if (noParent.length) opts.warn('organisation-without-parent', `${noParent.length} organisation(s) have no parent trust or board: ${short(noParent)}`, noParent);
  const noLa = organisations.filter((o) => o.local_authority_code === null).map((o) => o.ods_code);
  if (noLa.length) opts.warn('organisation-without-local-authority', `${noLa.length} organisation(s) have no local authority: ${short(noLa)}`, noLa);
  const noCoords = organisations.filter((o) => o.latitude === null || o.longitude === null).map((o) => o.ods_code);
  if (noCoords.length) opts.warn('organisation-without-coordinates', `${noCoords.length} organisation(s) have no latitude/longitude (never returned by nearest): ${short(noCoords)}`, noCoords);
  const badCoords = organisations.filter((o) => o.latitude != null && o.longitude != null && (o.latitude < 49 || o.latitude > 61 || o.longitude < -9 || o.longitude > 2.5)).map((o) => o.ods_code);
  if (badCoords.length) fail(opts, 'organisations', 'Latitude', 'organisations with coordinates outside the British Isles', badCoords);

  const ambiguousIcb: string[] = [];
  const noOpenuk: string[] = [];
  for (const o of organisations) {
    // Country: from the local authority code, else the postcode (Channel Islands, Isle of Man), else the parent.
    const la = o.local_authority_code ?? '';
    const pc = (o.postcode ?? '').toUpperCase();
    o.country_code = la.startsWith('W')
      ? WALES
      : la.startsWith('E')
        ? ENGLAND
        : /^(JE|GY)\d/.test(pc)
          ? CHANNEL_ISLANDS
          : /^IM\d/.test(pc)
            ? ISLE_OF_MAN
            : o.health_board_code
              ? WALES
              : o.trust_code
                ? trustByCode.get(o.trust_code)!.country_code
                : pc
                  ? ENGLAND
                  : null;
    if (la.startsWith('E09')) o.london_borough_code = la;
    if (o.trust_code && o.country_code === ENGLAND) {
      const cands = [...(trustIcbs.get(o.trust_code) ?? [])].sort();
      if (cands.length === 1) o.icb_code = cands[0];
      else if (cands.length > 1) {
        o.icb_candidates = cands.join(',');
        ambiguousIcb.push(o.ods_code);
      }
      const rs = new Set(cands.map((c) => icbByCode.get(c)!.region_code).filter(Boolean));
      if (rs.size === 1) o.region_code = [...rs][0]!;
    }
    if (o.parent_code && !o.openuk_network_code) noOpenuk.push(o.ods_code);
  }
  if (ambiguousIcb.length)
    opts.warn(
      'organisation-icb-ambiguous',
      `${ambiguousIcb.length} organisations belong to trusts that the ICB mapping places in several ICBs; their icb_code is left null and icb_candidates lists the ICBs: ${short(ambiguousIcb)}`,
      ambiguousIcb,
    );
  if (noOpenuk.length) opts.warn('organisation-without-openuk-network', `${noOpenuk.length} organisation(s) whose trust/board is in no OPEN UK network: ${short(noOpenuk)}`, noOpenuk);
  const orgCountries = organisations.filter((o) => o.country_code && !countryCodes.has(o.country_code)).map((o) => `${o.ods_code} (${o.country_code})`);
  if (orgCountries.length) fail(opts, 'organisations', 'LocalAuthority', 'organisations in a country not in the country list', orgCountries);

  // Paediatric diabetes units.
  const pduNetwork = new Map<string, { code: string | null; name: string | null }>();
  const badNet: string[] = [];
  const pdu_members: PduMembersRecord[] = [];
  const memberKey = new Set<string>();
  raw.pz_networks.forEach((r, i) => {
    const npda = need(r, 'npda_code', 'pz_networks', i, opts);
    const code = text(r.network_code);
    const name = text(r.network_name);
    if (code !== null && !dnByCode.has(code)) badNet.push(`${npda} → ${code}`);
    const prev = pduNetwork.get(npda);
    if (prev && prev.code !== code) badNet.push(`${npda} → ${prev.code} and ${code}`);
    pduNetwork.set(npda, { code, name: code ? dnByCode.get(code)?.name ?? name : name });
  });
  if (badNet.length) fail(opts, 'pz_networks', 'network_code', 'paediatric diabetes units with a network not in the network list', badNet);
  const pzPairs = new Set(raw.pz_codes.map((r, i) => `${need(r, 'ods_code', 'pz_codes', i, opts)}|${need(r, 'npda_code', 'pz_codes', i, opts)}`));
  const netPairs = new Set(raw.pz_networks.map((r, i) => `${need(r, 'ods_code', 'pz_networks', i, opts)}|${need(r, 'npda_code', 'pz_networks', i, opts)}`));
  const onlyOne = [...pzPairs].filter((p) => !netPairs.has(p)).concat([...netPairs].filter((p) => !pzPairs.has(p)));
  if (onlyOne.length) opts.warn('pdu-lists-differ', `the PDU list and the PDU network list differ on ${onlyOne.length} pairs: ${short(onlyOne.map((p) => p.replace('|', '→')))}`, onlyOne);
  const pdus: PdusRecord[] = [];
  const pduCodes = new Map<string, string[]>();
  const pdusOfCode = new Map<string, string[]>();
  for (const pair of new Set([...pzPairs, ...netPairs])) {
    const [ods, npda] = pair.split('|');
    if (memberKey.has(pair)) continue;
    memberKey.add(pair);
    const member_type = orgByCode.has(ods) ? 'organisation' : boardByCode.has(ods) ? 'health_board' : trustByCode.has(ods) ? 'trust' : 'unlisted';
    pdu_members.push({ npda_code: npda, ods_code: ods, member_type });
    (pduCodes.get(npda) ?? pduCodes.set(npda, []).get(npda)!).push(ods);
    (pdusOfCode.get(ods) ?? pdusOfCode.set(ods, []).get(ods)!).push(npda);
  }
  for (const npda of [...pduCodes.keys()].sort()) {
    const net = pduNetwork.get(npda) ?? { code: null, name: null };
    pdus.push({ npda_code: npda, network_code: net.code, network_name: net.name });
  }
  const shared = [...pduCodes].filter(([, codes]) => codes.length > 1).map(([npda, codes]) => `${npda} (${codes.join(', ')})`);
  if (shared.length) opts.warn('pdu-code-shared', `${shared.length} PZ code(s) are assigned to more than one ODS code: ${shared.join('; ')}`, shared);
  const twoPdus = [...pdusOfCode].filter(([, n]) => n.length > 1).map(([ods, n]) => `${ods} (${n.join(', ')})`);
  if (twoPdus.length) opts.warn('code-in-two-pdus', `${twoPdus.length} ODS code(s) are assigned to more than one PDU: ${twoPdus.join('; ')}`, twoPdus);
  const notSites = pdu_members.filter((m) => m.member_type !== 'organisation').map((m) => `${m.ods_code} (${m.npda_code}, ${m.member_type})`);
  if (notSites.length)
    opts.warn('pdu-code-not-a-site', `${notSites.length} PDU entries point at a trust or health-board code, or at a site not in the organisation list, rather than at a listed site: ${notSites.join('; ')}`, notSites);
  const noNet = pdus.filter((p) => p.network_code === null).map((p) => p.npda_code);
  if (noNet.length) opts.warn('pdu-without-network', `${noNet.length} PDU(s) have no diabetes network ("Unknown"): ${short(noNet)}`, noNet);
  for (const o of organisations) {
    const own = pdusOfCode.get(o.ods_code);
    const viaParent = o.parent_code ? pdusOfCode.get(o.parent_code) : undefined;
    if (own?.length) {
      o.pdu_code = own.sort()[0];
      o.pdu_attribution = 'site';
    } else if (viaParent?.length === 1) {
      o.pdu_code = viaParent[0];
      o.pdu_attribution = 'parent';
    }
    if (o.pdu_code) o.diabetes_network_code = pduNetwork.get(o.pdu_code)?.code ?? null;
  }

  // London boroughs where present.
  const boroughs = [...new Set(organisations.map((o) => o.london_borough_code).filter((c): c is string => !!c))].sort();
  const london_boroughs: LondonBoroughsRecord[] = boroughs.map((gss_code) => ({ gss_code, name: raw.districts?.[gss_code] ?? null }));
  if (raw.districts) {
    const unknownLa = organisations.filter((o) => o.local_authority_code && !(o.local_authority_code in raw.districts!)).map((o) => `${o.ods_code} (${o.local_authority_code})`);
    if (unknownLa.length) opts.warn('local-authority-not-current', `${unknownLa.length} organisation(s) have a local authority code not among the current ONS district codes (older vintage?): ${unknownLa.join('; ')}`, unknownLa);
  }
  const doubleSpaces = [...organisations.map((o) => o.name), ...trusts.map((t) => t.name), ...icb_mappings.map((m) => m.sub_icb_name ?? '')].filter((n) => /\s{2,}/.test(n));
  if (doubleSpaces.length) opts.warn('names-with-double-spaces', `${doubleSpaces.length} names contain double spaces (kept as listed)`, [...new Set(doubleSpaces)].slice(0, 20));

  return { organisations, trusts, health_boards, icbs, regions, countries, pdus, pdu_members, diabetes_networks, openuk_networks, london_boroughs, icb_mappings };
}
