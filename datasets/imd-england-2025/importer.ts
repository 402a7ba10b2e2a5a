// IoD2025 district summaries, as reshaped long (one row per district and index/domain).
import { indices, type DatasetImporter } from '../../core/contract.ts';

const importer: DatasetImporter = async (ctx) => {
  const lad = ctx.table('lad_summaries');
  for await (const { record, file, line } of indices.readLadLong(ctx, 'lad_summaries')) await lad.write(record, { file, line });
};

export default importer;
