// The records of the organisations service (and the boundaries service's reference points) in the
// shapes the RCPCH NHS Organisations API answers in: field names, nesting and nulls as its clients
// read them. Pure functions of one edition of the lists.
import type {
  AreaDetails,
  CountryRecord,
  HealthBoardRecord,
  IcbRecord,
  LondonBoroughRecord,
  OpenukNetworkRecord,
  OrganisationEdition,
  OrganisationRecord,
  PduView,
  RegionRecord,
  TrustRecord,
} from '../../core/contract.ts';
import type {
  Country,
  IntegratedCareBoard,
  LocalHealthBoard,
  LocalHealthBoardRef,
  LondonBorough,
  NhsEnglandRegion,
  OpenukNetwork,
  Organisation,
  OrganisationRef,
  PaediatricDiabetesUnit,
  PduParent,
  SiblingOrganisation,
  Snapshot,
  Trust,
} from './types.ts';

/** The boundaries of an edition of the boundaries dataset by GSS code (empty without the dataset). */
export type Areas = ReadonlyMap<string, AreaDetails>;

/** What every shape of one edition is made from. */
export interface Source {
  lists: OrganisationEdition;
  areas: Areas;
}

/** An organisation as {ods_code, name}, exactly. */
export const organisationRef = (o: Pick<OrganisationRecord, 'ods_code' | 'name'>): OrganisationRef => ({ ods_code: o.ods_code, name: o.name });
const boardRef = (b: HealthBoardRecord): LocalHealthBoardRef => ({ ods_code: b.ods_code, boundary_identifier: b.gss_code, name: b.name });

/** The label point and GlobalID of an area, null where the boundaries dataset has none. */
function boundary(areas: Areas, code: string) {
  const a = areas.get(code);
  // clients read the grid reference as whole metres (int())
  const metres = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));
  return { bng_e: metres(a?.bng_e), bng_n: metres(a?.bng_n), long: a?.long ?? null, lat: a?.lat ?? null, globalid: a?.globalid ?? null };
}

export function trust(s: Source, t: TrustRecord): Trust {
  const country = t.country_code ? s.lists.structure('country', t.country_code) : null;
  return {
    ods_code: t.ods_code,
    name: t.name,
    address_line_1: t.address_line_1,
    address_line_2: t.address_line_2,
    town: t.town,
    postcode: t.postcode,
    // the curated trust list writes ENGLAND / WALES
    country: country ? country.name.toUpperCase() : null,
    telephone: null,
    website: null,
    active: true,
    published_at: null,
  };
}

export function healthBoard(s: Source, b: HealthBoardRecord): LocalHealthBoard {
  return { ods_code: b.ods_code, publication_date: s.lists.valid_from, boundary_identifier: b.gss_code, name: b.name, welsh_name: s.areas.get(b.gss_code)?.name_welsh ?? null, ...boundary(s.areas, b.gss_code) };
}

export function icb(s: Source, i: IcbRecord): IntegratedCareBoard {
  return { boundary_identifier: i.gss_code, name: i.name, ...boundary(s.areas, i.gss_code), ods_code: i.ods_code, publication_date: s.lists.valid_from };
}

export function region(s: Source, r: RegionRecord): NhsEnglandRegion {
  return { region_code: r.code, publication_date: s.lists.valid_from, boundary_identifier: r.gss_code, name: r.name, ...boundary(s.areas, r.gss_code) };
}

export function londonBorough(s: Source, b: LondonBoroughRecord): LondonBorough {
  return { name: b.name ?? s.areas.get(b.gss_code)?.name ?? null, gss_code: b.gss_code };
}

export function country(s: Source, c: CountryRecord): Country {
  return { boundary_identifier: c.code, name: c.name, welsh_name: s.areas.get(c.code)?.name_welsh ?? null, ...boundary(s.areas, c.code) };
}

export function openukNetwork(s: Source, n: OpenukNetworkRecord): OpenukNetwork {
  return { name: n.name, boundary_identifier: n.code, country: n.country, publication_date: s.lists.valid_from };
}

/** A structure of the organisation's, in its shape; null when it belongs to none. */
function of<K extends keyof StructureShapes>(s: Source, kind: K, code: string | null): ReturnType<StructureShapes[K]> | null {
  const record = code === null ? null : s.lists.structure(kind, code);
  return record ? (SHAPES[kind] as unknown as (s: Source, r: unknown) => ReturnType<StructureShapes[K]>)(s, record) : null;
}

export function pdu(s: Source, view: PduView): PaediatricDiabetesUnit {
  return {
    pz_code: view.pdu.npda_code,
    paediatric_diabetes_network: view.network ? { pn_code: view.network.code, name: view.network.name } : null,
    active: true,
    updated_at: s.lists.edition.imported_at,
    name: view.primary_organisation?.name ?? null,
  };
}

export function organisation(s: Source, o: OrganisationRecord): Organisation {
  const unit = o.pdu_code ? s.lists.pdu(o.pdu_code) : null;
  const board = o.health_board_code ? s.lists.structure('health_board', o.health_board_code) : null;
  const i = of(s, 'icb', o.icb_code);
  const r = of(s, 'region', o.region_code);
  const c = o.country_code ? s.lists.structure('country', o.country_code) : null;
  return {
    ods_code: o.ods_code,
    name: o.name,
    website: o.website,
    address1: o.address_line_1,
    address2: o.address_line_2,
    address3: o.address_line_3,
    telephone: o.phone,
    city: o.city,
    county: o.county,
    latitude: o.latitude,
    longitude: o.longitude,
    postcode: o.postcode,
    geocode_coordinates: o.latitude !== null && o.longitude !== null ? { type: 'Point', coordinates: [o.longitude, o.latitude] } : null,
    active: true,
    published_at: null,
    paediatric_diabetes_unit: unit ? pdu(s, unit) : null,
    trust: of(s, 'trust', o.trust_code),
    local_health_board: board ? boardRef(board) : null,
    integrated_care_board: i ? { boundary_identifier: i.boundary_identifier, name: i.name, ods_code: i.ods_code } : null,
    nhs_england_region: r ? { region_code: r.region_code, publication_date: r.publication_date, boundary_identifier: r.boundary_identifier, name: r.name } : null,
    openuk_network: of(s, 'openuk_network', o.openuk_network_code),
    london_borough: of(s, 'london_borough', o.london_borough_code),
    country: c ? { boundary_identifier: c.code, name: c.name } : null,
  };
}

export function pduParent(s: Source, view: PduView): PduParent {
  const unit = pdu(s, view);
  const p = view.parent;
  return {
    pz_code: unit.pz_code,
    name: unit.name,
    active: unit.active,
    updated_at: unit.updated_at,
    last_updated: unit.updated_at,
    paediatric_diabetes_network: unit.paediatric_diabetes_network,
    // its trust in full, or its Welsh board briefly (as the original answers)
    parent: p?.type === 'trust' ? trust(s, p.record) : p?.type === 'health_board' ? boardRef(p.record) : null,
    primary_organisation: view.primary_organisation ? organisationRef(view.primary_organisation) : null,
  };
}

/** An organisation of a PDU with its own parent (its trust, else its Welsh board). */
export function sibling(s: Source, o: OrganisationRecord): SiblingOrganisation {
  const parent = of(s, 'trust', o.trust_code) ?? of(s, 'health_board', o.health_board_code);
  return { ods_code: o.ods_code, name: o.name, parent };
}

/** The shape of each structure the API lists, by the organisations service's kind. */
export const SHAPES = { trust, health_board: healthBoard, icb, region, london_borough: londonBorough, country, openuk_network: openukNetwork };
type StructureShapes = typeof SHAPES;

/** An organisation as it was in an edition: its own members, and the code and name of each structure it belonged to. */
export function snapshot(s: Source, o: OrganisationRecord, date: string, predecessor: string | null): Snapshot {
  const full = organisation(s, o);
  const brief = <K extends string>(x: ({ name: string } & Record<K, string>) | null, key: K) => (x ? ({ [key]: x[key], name: x.name } as Record<K, string> & { name: string }) : null);
  return {
    ods_code: full.ods_code,
    snapshot_date: date,
    name: full.name,
    address1: full.address1,
    address2: full.address2,
    address3: full.address3,
    telephone: full.telephone,
    city: full.city,
    county: full.county,
    postcode: full.postcode,
    latitude: full.latitude,
    longitude: full.longitude,
    active: full.active,
    published_at: full.published_at,
    trust: brief(full.trust, 'ods_code'),
    local_health_board: brief(full.local_health_board, 'ods_code'),
    integrated_care_board: brief(full.integrated_care_board, 'ods_code'),
    nhs_england_region: brief(full.nhs_england_region, 'region_code'),
    openuk_network: brief(full.openuk_network, 'boundary_identifier'),
    paediatric_diabetes_unit: full.paediatric_diabetes_unit ? { pz_code: full.paediatric_diabetes_unit.pz_code } : null,
    predecessor_ods_code: predecessor,
  };
}
