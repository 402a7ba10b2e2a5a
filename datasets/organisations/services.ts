// The organisations service (OrganisationServices in the contract): another plug-in reads an
// edition of the lists (current, by id or label, or valid on a date) without knowing the tables.
import type { DatasetContext, OrganisationServices } from '../../core/contract.ts';
import { snapshots } from './snapshot.ts';
import { chosenEdition } from './validity.ts';

export default function services(ds: DatasetContext): OrganisationServices {
  const snapshotOf = snapshots(ds);
  return {
    currentEdition: () => ds.currentEdition(),
    edition: async (which = {}) => snapshotOf(await chosenEdition(ds, which)),
  };
}
