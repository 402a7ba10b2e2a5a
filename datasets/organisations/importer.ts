// Imports the RCPCH-curated lists (JSON), checks every relationship, records the lists' known
// inconsistencies as warnings, and compares the new edition with the previous one (changes,
// successions, code history carried from edition to edition).
import { SourceError, type DatasetImporter, type ImportContext } from '../../core/contract.ts';
import { buildLists, type Lists, type RawSources } from './lists.ts';
import { compareEditions, type Previous } from './history.ts';
import type { CodeHistoryRecord, EditionInfoRecord } from './types.ts';

const SOURCES = [
  'organisations',
  'trusts',
  'health_boards',
  'icbs',
  'icb_mappings',
  'regions',
  'pz_codes',
  'pz_networks',
  'diabetes_networks',
  'openuk_networks',
  'openuk_trusts',
  'countries',
] as const;

async function readSources(ctx: ImportContext): Promise<RawSources> {
  const raw: Record<string, unknown> = {};
  for (const name of SOURCES) {
    const value = await ctx.readJson(name);
    if (!Array.isArray(value)) throw new SourceError(`expected a JSON array of records`, ctx.sources[name]?.[0]);
    raw[name] = value;
  }
  raw.districts = ctx.sources.districts?.length ? await ctx.readJson('districts') : null;
  return raw as unknown as RawSources;
}

async function validFrom(ctx: ImportContext): Promise<string> {
  if (!ctx.sources.edition?.length) return new Date().toISOString().slice(0, 10);
  const note = await ctx.readJson<{ valid_from?: unknown }>('edition');
  const v = note?.valid_from;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
    throw new SourceError('valid_from must be a date YYYY-MM-DD', ctx.sources.edition[0], undefined, 'valid_from');
  return v;
}

async function readPrevious(ctx: ImportContext): Promise<Previous | null> {
  const id = await ctx.currentEdition(ctx.datasetId);
  if (id === null) return null;
  const rows = async <T>(table: string) =>
    (await ctx.query<Record<string, unknown>>(`SELECT * FROM ${ctx.tableName(table)} WHERE edition_id = $1`, [id])).map(({ edition_id: _e, ...r }) => r as T);
  const [info] = await rows<EditionInfoRecord>('edition_info');
  return {
    editionId: id,
    validFrom: info ? String(info.valid_from) : null,
    lists: {
      organisations: await rows('organisation_records'),
      trusts: await rows('trusts'),
      health_boards: await rows('health_boards'),
      icbs: await rows('icbs'),
      regions: await rows('regions'),
      pdus: await rows('pdus'),
      diabetes_networks: await rows('diabetes_networks'),
      openuk_networks: await rows('openuk_networks'),
    } as unknown as Previous['lists'],
    history: await rows<CodeHistoryRecord>('code_history'),
  };
}

const importer: DatasetImporter = async (ctx) => {
  const raw = await readSources(ctx);
  const date = await validFrom(ctx);
  const lists: Lists = buildLists(raw, {
    file: (source) => ctx.sources[source]?.[0],
    warn: (code, message, details) => ctx.warn(code, message, details),
  });
  ctx.progress(0.5, 'relationships checked');
  const previous = await readPrevious(ctx);
  if (previous?.validFrom && date < previous.validFrom)
    throw new SourceError(`valid_from ${date} is before the current edition's (${previous.validFrom}): editions must move forward in time`, ctx.sources.edition?.[0], undefined, 'valid_from');
  const { changes, history } = compareEditions(previous, lists, date);

  const write = async (table: string, records: object[]) => {
    const w = ctx.table(table);
    for (const r of records) await w.write(r as Record<string, unknown>);
  };
  await write('organisation_records', lists.organisations);
  await write('trusts', lists.trusts);
  await write('health_boards', lists.health_boards);
  await write('icbs', lists.icbs);
  await write('regions', lists.regions);
  await write('countries', lists.countries);
  await write('pdus', lists.pdus);
  await write('pdu_members', lists.pdu_members);
  await write('diabetes_networks', lists.diabetes_networks);
  await write('openuk_networks', lists.openuk_networks);
  await write('london_boroughs', lists.london_boroughs);
  await write('icb_mappings', lists.icb_mappings);
  await write('changes', changes);
  await write('code_history', history);
  await write('edition_info', [{ valid_from: date, previous_edition_id: previous?.editionId ?? null } satisfies EditionInfoRecord]);
  const counts: Record<string, number> = {};
  for (const c of changes) counts[c.change] = (counts[c.change] ?? 0) + 1;
  return { metadata: { valid_from: date, previous_edition_id: previous?.editionId ?? null, changes: counts } };
};

export default importer;
