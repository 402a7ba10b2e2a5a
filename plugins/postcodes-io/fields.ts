// The postcode object of postcodes.io (its Postcode model's toJson, in its key order), field by
// field: which directory field each key comes from, as the code itself or as the code's name.
// Keys whose source the ONS Postcode Directory loaded here does not carry are null.
import type { GeographyNames, PostcodeRecord } from '../../core/contract.ts';

type Field = keyof PostcodeRecord;

/** value: the field as stored; name: the name of the field's code; incode: the part of pcds after the space; null: not in this data. */
export type Source = { value: Field } | { name: Field } | { incode: 'pcds' } | null;

export const RESULT_FIELDS: readonly (readonly [string, Source])[] = [
  ['postcode', { value: 'pcds' }],
  ['quality', { value: 'osgrdind' }],
  ['eastings', { value: 'oseast1m' }],
  ['northings', { value: 'osnrth1m' }],
  ['country', { name: 'ctry' }],
  ['nhs_ha', { name: 'oshlthau' }],
  ['longitude', { value: 'long' }],
  ['latitude', { value: 'lat' }],
  ['european_electoral_region', null],
  ['primary_care_trust', null],
  ['region', { name: 'rgn' }],
  ['lsoa', { name: 'lsoa11' }],
  ['msoa', { name: 'msoa11' }],
  ['incode', { incode: 'pcds' }],
  ['outcode', { value: 'outcode' }],
  ['parliamentary_constituency', { name: 'pcon' }],
  ['parliamentary_constituency_2024', { name: 'pcon' }],
  ['admin_district', { name: 'oslaua' }],
  ['parish', { name: 'parish' }],
  ['admin_county', { name: 'oscty' }],
  ['date_of_introduction', { value: 'dointr' }],
  ['admin_ward', { name: 'osward' }],
  ['ced', { name: 'ced' }],
  ['ccg', { name: 'sicbl' }],
  ['nuts', null],
  ['pfa', { name: 'pfa' }],
  ['nhs_region', { name: 'nhser' }],
  ['ttwa', { name: 'ttwa' }],
  ['national_park', null],
  ['bua', null],
  ['icb', { name: 'icb' }],
  ['cancer_alliance', null],
  ['lsoa11', { name: 'lsoa11' }],
  ['msoa11', { name: 'msoa11' }],
  ['lsoa21', { name: 'lsoa21' }],
  ['msoa21', { name: 'msoa21' }],
  ['oa21', { value: 'oa21' }],
  ['ruc11', { name: 'ru11ind' }],
  ['ruc21', null],
  ['lep1', null],
  ['lep2', null],
];

/** The GSS (and other) codes under `codes`. */
export const CODE_FIELDS: readonly (readonly [string, Source])[] = [
  ['admin_district', { value: 'oslaua' }],
  ['admin_county', { value: 'oscty' }],
  ['admin_ward', { value: 'osward' }],
  ['parish', { value: 'parish' }],
  ['parliamentary_constituency', { value: 'pcon' }],
  ['parliamentary_constituency_2024', { value: 'pcon' }],
  ['ccg', { value: 'sicbl' }],
  ['ccg_id', null],
  ['ced', { value: 'ced' }],
  ['nuts', null],
  ['lsoa', { value: 'lsoa11' }],
  ['msoa', { value: 'msoa11' }],
  ['lau2', null],
  ['pfa', { value: 'pfa' }],
  ['nhs_region', { value: 'nhser' }],
  ['ttwa', { value: 'ttwa' }],
  ['national_park', null],
  ['bua', null],
  ['icb', { value: 'icb' }],
  ['cancer_alliance', null],
  ['lsoa11', { value: 'lsoa11' }],
  ['msoa11', { value: 'msoa11' }],
  ['lsoa21', { value: 'lsoa21' }],
  ['msoa21', { value: 'msoa21' }],
  ['oa21', { value: 'oa21' }],
  ['ruc11', { value: 'ru11ind' }],
  ['ruc21', null],
  ['lep1', null],
  ['lep2', null],
];

/** The JSON type of a key (for the response schema). */
export function typeOf(source: Source): 'string' | 'integer' | 'number' {
  if (source && 'value' in source) {
    if (source.value === 'lat' || source.value === 'long') return 'number';
    if (source.value === 'osgrdind' || source.value === 'oseast1m' || source.value === 'osnrth1m') return 'integer';
  }
  return 'string';
}

export type Getter = (r: PostcodeRecord, names: GeographyNames) => string | number | null;

/** How one key is read from a record (decided once per key, not per record: bulk answers build 1,000 at a time). */
export function getterOf(source: Source): Getter {
  if (source === null) return () => null;
  if ('incode' in source) return (r) => r.pcds.slice(r.pcds.indexOf(' ') + 1);
  if ('value' in source) {
    const field = source.value;
    return (r) => (r[field] as string | number | null) ?? null;
  }
  const field = source.name;
  return (r, names) => {
    const code = r[field];
    return typeof code === 'string' ? (names.get(field)?.get(code) ?? null) : null;
  };
}
