// The whole plug-in contract, in one file: a dataset plug-in imports this module and its own
// folder, nothing else. A plug-in is a folder under datasets/ with a dataset.yaml (validated against
// core/schemas/dataset.schema.json) and JSON Schemas under schemas/; that is a complete dataset when
// its tables map a CSV source's columns (declarative: the core imports, migrates and serves them).
// Beside that, optionally: knex migrations under migrations/ (`recordTables` lays tables out from
// the manifest and schemas) and up to three modules whose default exports are typed below. A
// platform plug-in (plugins/<id>/: plugin.yaml and routes.ts) gets a PluginContext.
// docs/plugin-contract.md lists every member with one line each.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { DatasetManifest, PluginManifest } from './types.ts';

export type { DatasetManifest, PluginManifest };
export { Problem, badRequest, notFound, notImported, type InvalidParam } from './sdk/problem.ts';
export { metaProperties, responseRecordSchema, listResponseSchema } from './sdk/meta.ts';
export { inlineDefinitions } from './sdk/definitions.ts';
export { chooseFormat, sendCsv, sendJsonList, type Format } from './sdk/formats.ts';
export { encodeCursor, decodeCursor, requestedLimit, pageLimit, nextLink, pageOf, type CursorKind, type Page } from './sdk/paging.ts';
export { LRUCache, boundedCache, perEdition, sharedPerEdition } from './sdk/caches.ts';
export { answerCache, COMPRESS_THRESHOLD, type AnswerCache } from './sdk/answers.ts';
export { latitude, longitude, radiusMetres, pageSize, haversineKm } from './sdk/params.ts';
export { recordTables } from './sdk/record-tables.ts';
export { scanCsv, CsvRowError, type CsvRow } from './imports/csv-bytes.ts';
export { normalisePostcode, MAX_BULK, bulkBodySchema, bulkBodyDescription, bulkInputs, acceptCsvPostcodes } from './sdk/postcode-lists.ts';
export * as indices from './sdk/indices/index.ts';
export { problemFor } from '../plugins/errors.ts';
export { outsideRequest } from './db/cancel.ts';
export type * from './sdk/services.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Keep this GET route's 200 answers in memory, as sent, until the next edition switch, and answer
     * the same URL (and Accept) from them before validation and the handler: for answers that depend
     * on nothing else than the URL, the Accept header and the current editions (core/rest/kept-answers.ts).
     */
    keepAnswers?: boolean;
  }
}

/** datasets/<id>/importer.ts default export: reads the sources, writes one new edition. */
export type DatasetImporter = (ctx: ImportContext) => Promise<ImportOutcome | void>;

/** datasets/<id>/routes.ts default export: registers routes under /v1/<id>. */
export type DatasetRoutes = (app: FastifyInstance, ds: DatasetContext) => Promise<void> | void;

/** datasets/<id>/services.ts default export: functions other plug-ins may call (see `depends_on`). */
export type DatasetServices = (ds: DatasetContext) => Record<string, unknown>;

/** plugins/<id>/routes.ts default export: a platform plug-in's routes, mounted under its plugin.yaml `prefix`. */
export type PluginRoutes = (app: FastifyInstance, ctx: PluginContext) => Promise<void> | void;

/** What a platform plug-in (an API adapter, not a dataset) sees: the datasets it declares, through their services. */
export interface PluginContext extends Dependencies {
  id: string;
  manifest: PluginManifest;
  log: Logger;
  /**
   * ETag and Cache-Control for an answer that depends only on the URL and the current editions of
   * the declared datasets (and of those they depend on); true when a 304 was sent.
   */
  cacheFor(request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
}

/** What an importer may record beyond its rows; stored with the edition. */
export interface ImportOutcome {
  /** Edition label shown to users (defaults to the manifest's `edition`). */
  label?: string;
  /** Free-form provenance merged into the edition record (e.g. publisher metadata). */
  metadata?: Record<string, unknown>;
}

/** A row read from a CSV source: values keyed by normalised header, its 1-based line and its file. */
export interface SourceRow {
  values: Record<string, string>;
  line: number;
  /** The file it was read from, as error messages name it. */
  file: string;
}

export interface CsvReadOptions {
  /** Header lines to combine (2 for a grouped two-row header). Default 1. */
  headerRows?: number;
  /** Text encoding of the file. Default utf-8 (a BOM is always removed). */
  encoding?: 'utf-8' | 'windows-1252' | 'latin1';
  /** Columns (normalised names) that must be present; the import fails naming the missing ones. */
  required?: string[];
  /** Delimiter. Default ','. */
  delimiter?: string;
}

/** A dataset this one declares in `depends_on`, and whether it is registered here. */
export interface Dependency {
  id: string;
  optional: boolean;
  present: boolean;
}

/** What both an importer and a plug-in's routes and services may use of other datasets. */
interface Dependencies {
  /** The datasets declared in `depends_on`, in order. */
  dependencies: readonly Dependency[];
  /** Services of a declared dependency; a 503 problem when it is absent or failed to load. */
  service<T = Record<string, unknown>>(datasetId: string): T;
  /** Services of a declared dependency, or null when it is not registered or failed to load. */
  optionalService<T = Record<string, unknown>>(datasetId: string): T | null;
}

export interface ImportContext extends Dependencies {
  datasetId: string;
  manifest: DatasetManifest;
  editionId: number;
  log: Logger;
  /** Absolute paths of the source files, by the `name` given in the manifest's `sources`. */
  sources: Record<string, string[]>;
  /** Streams a CSV source (all its files in turn), header names normalised (trim, collapse spaces, lower case). */
  readCsv(source: string, options?: CsvReadOptions): AsyncIterable<SourceRow>;
  /** Opens a source file as a byte stream that feeds the progress percentage. */
  openSource(path: string): NodeJS.ReadableStream;
  /** Reads a whole JSON source (small curated lists only). */
  readJson<T = unknown>(source: string): Promise<T>;
  /** A writer for a record type declared in `tables`; each record is schema-validated, then COPYed. */
  table(name: string): TableWriter;
  /** Physical name of a table of this dataset, or of a declared dependency (for `query`). */
  tableName(table: string, datasetId?: string): string;
  /** Raw SQL inside the import transaction (reads of this dataset's or a declared dependency's tables). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Records a data-quality warning in the edition's provenance (shown in the catalogue). */
  warn(code: string, message: string, details?: unknown): void;
  /** Reports progress for work not driven by openSource/readCsv (0..1). */
  progress(fraction: number, message?: string): void;
  /** Current edition id of this dataset or of a declared dependency; null if absent or never imported. */
  currentEdition(datasetId: string): Promise<number | null>;
}

export interface TableWriter {
  /** Validates then queues one record; `where` names the source position for error messages. */
  write(record: Record<string, unknown>, where?: { file?: string; line?: number }): Promise<void>;
  /**
   * The fast path for sources of millions of rows: one row as byte ranges of `buf`, one per column
   * in `columns` order (a start of -1 or an empty range is null), validated against the schema
   * without making a string per field (tables of scalar columns). Returns a promise only when the
   * caller must wait for it.
   */
  writeFields(buf: Buffer, starts: Int32Array, ends: Int32Array, where?: { file?: string; line?: number }): Promise<void> | undefined;
  /** The table's columns (its record schema's properties, in order). */
  readonly columns: readonly string[];
  readonly count: number;
}

export interface EditionInfo {
  id: number;
  label: string;
  imported_at: string;
  geography_vintage?: string;
}

export interface DatasetContext extends Dependencies {
  id: string;
  manifest: DatasetManifest;
  db: Knex;
  log: Logger;
  /** Compiled record schemas by table name (as in schemas/<name>.json). */
  schemas: Record<string, Record<string, unknown>>;
  /** Physical table name of a record type: `<dataset>_<table>` with dashes as underscores. */
  tableName(table: string): string;
  /** The edition a request asks for (`edition=` id or label) or the current one; 404/503 problems otherwise. */
  edition(request: FastifyRequest): Promise<EditionInfo>;
  /** Current edition, or null when the dataset has never been imported. */
  currentEdition(): Promise<EditionInfo | null>;
  /**
   * A number that changes whenever the current edition of any dataset changes: what is worked out from
   * current editions (and a request's parameters) may be kept under it, without asking for them again.
   */
  editionsVersion(): number;
  /** A kept edition of this dataset by id or label, or null. */
  findEdition(ref: string | number): Promise<EditionInfo | null>;
  /** Every kept edition of this dataset, newest first. */
  editions(): Promise<EditionInfo[]>;
  /** The block every dataset answer carries: dataset id, edition, geography vintage, licence. */
  describe(edition: EditionInfo): ResponseMeta;
  /** Registers the standard list + get-by-key routes of a table (pagination, filters, CSV, ETag). */
  serveTable(table: string, options?: ServeTableOptions): void;
  /** Sets ETag/Cache-Control for an answer bound to these editions (and keys); true when a 304 was sent. */
  cacheFor(request: FastifyRequest, reply: FastifyReply, ...editions: (EditionInfo | string)[]): boolean;
}

export interface ResponseMeta {
  dataset: string;
  edition: { id: number; label: string; imported_at: string };
  geography_vintage: string | null;
  licence: string;
}

export interface ServeTableOptions {
  /** URL segment; defaults to the table name. */
  path?: string;
  /** Summary for the OpenAPI document. */
  summary?: string;
  /** Serve GET <path>/:key by the table's primary key (single-column keys only). Default true. */
  byKey?: boolean;
}

/** Thrown by importers for bad source data: the import stops naming file, line and field. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
