import { recordTables } from '../../../../../core/contract.ts';

export const { up, down } = recordTables(import.meta.url, ['organisation_records', 'icbs', 'regions', 'health_boards']);
