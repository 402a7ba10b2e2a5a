// IoD2019: Files 2, 3, 6 and 9 (or the publisher's combined File 7 when provided) merged into one
// record per LSOA; File 10 into one record per district and index/domain.
import { indices, SourceError, type DatasetImporter } from '../../core/contract.ts';
import { readFile10 } from './file-10.ts';
import schema from './schemas/areas.json' with { type: 'json' };

const AREAS = 32844;

const importer: DatasetImporter = async (ctx) => {
  const has = (s: string) => (ctx.sources[s]?.length ?? 0) > 0;
  if (!has('file_7') && !(has('file_2') && has('file_3')))
    throw new SourceError('IoD2019 needs File 7 (all ranks, scores, deciles and denominators) or Files 2 and 3 (domain and supplementary ranks and deciles)');
  const byCode = await indices.readLsoaSources(ctx, ['file_2', 'file_3', 'file_6', 'file_9', 'file_7'], { lsoa: '2011', lad: '2019' });
  if (byCode.size !== AREAS) ctx.warn('area_count', `${byCode.size} LSOAs read; IoD2019 has ${AREAS}`);
  const fields = Object.keys(schema.properties);
  const areas = ctx.table('areas');
  const missing = new Set<string>();
  for (const rec of byCode.values()) {
    for (const f of fields) if (rec[f] === undefined) (rec[f] = null), missing.add(f);
    for (const k of indices.IOD_DOMAINS)
      if (rec[`${k}_rank`] === null) throw new SourceError(`LSOA ${rec.lsoa_code} has no ${k} rank`, ctx.sources.file_2?.[0], undefined, `${k}_rank`);
    await areas.write(rec);
  }
  const lad = ctx.table('lad_summaries');
  for await (const { record, file, line } of readFile10(ctx, 'file_10')) await lad.write(record, { file, line });
  const absent = [...missing].sort();
  return {
    metadata: {
      fields_absent: absent,
      scores_loaded: !missing.has('imd_score'),
      note: missing.has('imd_score') ? 'Scores and sub-domains (Files 4, 5, 7) were not provided: their fields are null.' : 'Loaded with the publisher\'s File 7.',
    },
  };
};

export default importer;
