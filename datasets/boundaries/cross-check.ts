// Cross-check of the organisations dataset against the boundaries (filled in below).
import type { ImportContext } from '../../core/contract.ts';

export interface OrganisationCheck {
  status: 'checked' | 'organisations_not_imported';
  organisations_edition: number | null;
  checked: number;
  disagreements: number;
}

export async function crossCheckOrganisations(ctx: ImportContext): Promise<OrganisationCheck> {
  const edition = await ctx.currentEdition('organisations');
  return { status: 'organisations_not_imported', organisations_edition: edition, checked: 0, disagreements: 0 };
}
