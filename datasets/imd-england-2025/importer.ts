import type { DatasetImporter } from '../../core/contract.ts';
import { readLadLong } from '../imd-england-2019/iod.ts';

const importer: DatasetImporter = async (ctx) => {
  const lad = ctx.table('lad_summaries');
  for await (const { record, file, line } of readLadLong(ctx, 'lad_summaries')) await lad.write(record, { file, line });
};

export default importer;
