// Reads ONS's two-row-header CSV ("Property type: Houses" over "Address count" …) by column name.
import { SourceError, type DatasetImporter } from '../../core/contract.ts';
import type { AreasRecord } from './types.ts';

// Normalised header (group / measure, as readCsv combines a two-row header) → field suffix.
// The publisher's misspellings ("Adress") are kept: they are how the file names its columns.
const MEASURES: Record<string, string> = {
  'address count': 'address_count',
  'adress with private outdoor space count': 'with_outdoor_space_count',
  'private outdoor space total area (m2)': 'outdoor_space_total_area_m2',
  'private outdoor space count': 'outdoor_space_count',
  'percentage of adresses with private outdoor space': 'percentage_with_outdoor_space',
  'average size of private outdoor space (m2)': 'average_outdoor_space_m2',
  'median size of private outdoor space (m2)': 'median_outdoor_space_m2',
  'average number of flats sharing a garden': 'average_sharing_garden',
};
const GROUPS: Record<string, string> = { 'property type: houses': 'houses', 'property type: flats': 'flats', 'property type: total': 'total' };
const TEXT = { 'country code': 'country_code', 'country name': 'country_name', 'region code': 'region_code', 'region name': 'region_name', 'lad code': 'lad_code', 'lad name': 'lad_name' };

function fieldFor(header: string): string | undefined {
  if (header in TEXT) return TEXT[header as keyof typeof TEXT];
  const [group, measure] = header.split(' / ');
  return GROUPS[group] && MEASURES[measure] ? `${GROUPS[group]}_${MEASURES[measure]}` : undefined;
}

const importer: DatasetImporter = async (ctx) => {
  const areas = ctx.table('areas');
  const [file] = ctx.sources.green_space;
  for await (const { values, line } of ctx.readCsv('green_space', { headerRows: 2, required: Object.keys(TEXT) })) {
    const record: Record<string, unknown> = {};
    for (const [header, raw] of Object.entries(values)) {
      const field = fieldFor(header);
      if (!field) continue;
      if (field in record) throw new SourceError(`two columns map to ${field}`, file, line, field);
      const value = raw.trim();
      record[field] = Object.values(TEXT).includes(field) ? value : value === '' ? null : Number(value.replace(/,/g, ''));
      if (typeof record[field] === 'number' && Number.isNaN(record[field])) throw new SourceError(`"${raw}" is not a number`, file, line, field);
    }
    await areas.write(record satisfies Partial<AreasRecord>, { file, line });
  }
};

export default importer;
