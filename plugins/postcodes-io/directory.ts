// The postcode directory as these routes use it: its service, the current edition (one per request,
// so that a lookup and the names of its codes come from the same one) and that edition's names.
import { Problem, type EditionInfo, type GeographyNames, type PluginContext, type PostcodeServices } from '../../core/contract.ts';

export interface Directory {
  postcodes: PostcodeServices;
  edition: EditionInfo;
  names: GeographyNames;
}

export async function directoryOf(ctx: PluginContext): Promise<Directory> {
  const postcodes = ctx.service<PostcodeServices>('postcodes');
  const edition = await postcodes.currentEdition();
  if (!edition) throw new Problem(503, 'Dataset not imported yet', 'the postcode directory has no edition yet; see /catalogue/postcodes', { retry_after: 30 });
  return { postcodes, edition, names: await postcodes.names(edition.id) };
}
