// The nested shape of an organisation (everything it belongs to) and its JSON Schemas.
import type { NestedOrganisation, OrganisationEdition, OrganisationRecord } from '../../core/contract.ts';
import { candidateIcbs } from './structure-kinds.ts';

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

export const limitedSchema = { type: 'object', additionalProperties: false, properties: { ods_code: s, name: s } };

const ref = <T, K extends keyof T>(record: T | null, keys: K[]): Pick<T, K> | null => (record ? (Object.fromEntries(keys.map((k) => [k, record[k]])) as Pick<T, K>) : null);

/** An organisation with everything it belongs to, from the structures of its edition. */
export function nest(lists: Pick<OrganisationEdition, 'structure' | 'history'>, o: OrganisationRecord): NestedOrganisation {
  const icb = (code: string | null) => ref(code ? lists.structure('icb', code) : null, ['ods_code', 'gss_code', 'name']);
  const pdu = o.pdu_code ? lists.structure('pdu', o.pdu_code) : null;
  return {
    ods_code: o.ods_code,
    name: o.name,
    organisation_type: o.organisation_type,
    sub_type: o.sub_type,
    sector: o.sector,
    address_line_1: o.address_line_1,
    address_line_2: o.address_line_2,
    address_line_3: o.address_line_3,
    city: o.city,
    county: o.county,
    postcode: o.postcode,
    latitude: o.latitude,
    longitude: o.longitude,
    phone: o.phone,
    email: o.email,
    website: o.website,
    local_authority_code: o.local_authority_code,
    parent: o.parent_code ? { ods_code: o.parent_code, name: o.parent_name, type: o.parent_type } : null,
    trust: ref(o.trust_code ? lists.structure('trust', o.trust_code) : null, ['ods_code', 'name']),
    health_board: ref(o.health_board_code ? lists.structure('health_board', o.health_board_code) : null, ['ods_code', 'gss_code', 'name']),
    icb: icb(o.icb_code),
    icb_candidates: candidateIcbs(o)
      .map(icb)
      .filter((i) => i !== null),
    region: ref(o.region_code ? lists.structure('region', o.region_code) : null, ['code', 'gss_code', 'name']),
    country: ref(o.country_code ? lists.structure('country', o.country_code) : null, ['code', 'name']),
    london_borough: ref(o.london_borough_code ? lists.structure('london_borough', o.london_borough_code) : null, ['gss_code', 'name']),
    pdu: pdu
      ? { npda_code: pdu.npda_code, attribution: o.pdu_attribution, network: ref(pdu.network_code ? lists.structure('diabetes_network', pdu.network_code) : null, ['code', 'name']) }
      : null,
    openuk_network: ref(o.openuk_network_code ? lists.structure('openuk_network', o.openuk_network_code) : null, ['code', 'name', 'country']),
    valid_from: lists.history('organisation', o.ods_code)?.valid_from ?? null,
  };
}
