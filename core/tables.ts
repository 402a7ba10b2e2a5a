// Physical names of dataset tables: one table per record type, rows tagged with edition_id.
export const tableName = (datasetId: string, table: string) => `${datasetId.replace(/-/g, '_')}_${table}`;
