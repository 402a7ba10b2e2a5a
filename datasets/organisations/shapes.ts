// The nested shape of an organisation (everything it belongs to) and its JSON Schemas.
import type { Snapshot } from './snapshot.ts';
import type { OrganisationRecordsRecord } from './types.ts';

const s = { type: 'string' } as const;
const ns = { type: ['string', 'null'] } as const;
const nn = { type: ['number', 'null'] } as const;
const obj = (properties: Record<string, unknown>, nullable = true) => ({ type: nullable ? ['object', 'null'] : 'object', additionalProperties: false, properties });

export const refSchemas = {
  trust: obj({ ods_code: s, name: s }),
  health_board: obj({ ods_code: s, gss_code: s, name: s }),
  icb: obj({ ods_code: s, gss_code: s, name: s }),
  region: obj({ code: s, gss_code: s, name: s }),
  country: obj({ code: s, name: s }),
  network: obj({ code: s, name: s }),
  openuk_network: obj({ code: s, name: s, country: s }),
  london_borough: obj({ gss_code: s, name: ns }),
};

export const organisationSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'An organisation with everything it belongs to (fields= selects these top-level members)',
  properties: {
    ods_code: s,
    name: s,
    organisation_type: ns,
    sub_type: ns,
    sector: ns,
    address_line_1: ns,
    address_line_2: ns,
    address_line_3: ns,
    city: ns,
    county: ns,
    postcode: ns,
    latitude: nn,
    longitude: nn,
    phone: ns,
    email: ns,
    website: ns,
    local_authority_code: ns,
    parent: obj({ ods_code: s, name: ns, type: ns }),
    trust: refSchemas.trust,
    health_board: refSchemas.health_board,
    icb: refSchemas.icb,
    icb_candidates: { type: 'array', items: refSchemas.icb, description: 'ICBs the trust serves when it serves several (icb is then null)' },
    region: refSchemas.region,
    country: refSchemas.country,
    london_borough: refSchemas.london_borough,
    pdu: obj({ npda_code: s, attribution: ns, network: refSchemas.network }),
    openuk_network: refSchemas.openuk_network,
    valid_from: { type: ['string', 'null'], description: 'First date this code was in the lists' },
  },
} as const;
export const ORG_FIELDS = Object.keys(organisationSchema.properties);
export type Nested = Record<string, unknown>;

export const limitedSchema = { type: 'object', additionalProperties: false, properties: { ods_code: s, name: s } };

export function nest(snap: Snapshot, o: OrganisationRecordsRecord): Nested {
  const trust = o.trust_code ? snap.trusts.get(o.trust_code) : undefined;
  const board = o.health_board_code ? snap.health_boards.get(o.health_board_code) : undefined;
  const icb = (code?: string | null) => {
    const i = code ? snap.icbs.get(code) : undefined;
    return i ? { ods_code: i.ods_code, gss_code: i.gss_code, name: i.name } : null;
  };
  const region = o.region_code ? snap.regions.get(o.region_code) : undefined;
  const country = o.country_code ? snap.countries.get(o.country_code) : undefined;
  const borough = o.london_borough_code ? snap.london_boroughs.get(o.london_borough_code) : undefined;
  const pdu = o.pdu_code ? snap.pdus.get(o.pdu_code) : undefined;
  const dn = pdu?.network_code ? snap.diabetes_networks.get(pdu.network_code) : undefined;
  const ou = o.openuk_network_code ? snap.openuk_networks.get(o.openuk_network_code) : undefined;
  return {
    ods_code: o.ods_code,
    name: o.name,
    organisation_type: o.organisation_type ?? null,
    sub_type: o.sub_type ?? null,
    sector: o.sector ?? null,
    address_line_1: o.address_line_1 ?? null,
    address_line_2: o.address_line_2 ?? null,
    address_line_3: o.address_line_3 ?? null,
    city: o.city ?? null,
    county: o.county ?? null,
    postcode: o.postcode ?? null,
    latitude: o.latitude ?? null,
    longitude: o.longitude ?? null,
    phone: o.phone ?? null,
    email: o.email ?? null,
    website: o.website ?? null,
    local_authority_code: o.local_authority_code ?? null,
    parent: o.parent_code ? { ods_code: o.parent_code, name: o.parent_name ?? null, type: o.parent_type ?? null } : null,
    trust: trust ? { ods_code: trust.ods_code, name: trust.name } : null,
    health_board: board ? { ods_code: board.ods_code, gss_code: board.gss_code, name: board.name } : null,
    icb: icb(o.icb_code),
    icb_candidates: (o.icb_candidates ?? '').split(',').filter(Boolean).map(icb).filter(Boolean),
    region: region ? { code: region.code, gss_code: region.gss_code, name: region.name } : null,
    country: country ? { code: country.code, name: country.name } : null,
    london_borough: borough ? { gss_code: borough.gss_code, name: borough.name ?? null } : null,
    pdu: pdu ? { npda_code: pdu.npda_code, attribution: o.pdu_attribution ?? null, network: dn ? { code: dn.code, name: dn.name } : null } : null,
    openuk_network: ou ? { code: ou.code, name: ou.name, country: ou.country } : null,
    valid_from: snap.history.get(`organisation|${o.ods_code}`)?.valid_from ?? null,
  };
}
