// The postcode directory as these routes use it: its service, the current edition (one per request,
// so that a lookup and the names of its codes come from the same one) and that edition's names.
import { notImported, type EditionInfo, type GeographyNames, type PluginContext, type PostcodeLookup, type PostcodeServices } from '../../core/contract.ts';

export interface Directory {
  postcodes: PostcodeServices;
  edition: EditionInfo;
  names: GeographyNames;
}

export async function directoryOf(ctx: PluginContext): Promise<Directory> {
  const postcodes = ctx.service<PostcodeServices>('postcodes');
  const edition = await postcodes.currentEdition();
  if (!edition) throw notImported('postcodes', 'the postcode directory has no edition yet; see /catalogue/postcodes', { retry_after: 30 });
  return { postcodes, edition, names: await postcodes.names(edition.id) };
}

/** One postcode looked up in the current edition, with the directory it was found in. */
export async function lookupOne(ctx: PluginContext, input: string): Promise<{ dir: Directory; found: PostcodeLookup }> {
  const dir = await directoryOf(ctx);
  const [found] = await dir.postcodes.lookup([input], dir.edition.id);
  return { dir, found };
}
