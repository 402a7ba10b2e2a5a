// The whole plug-in contract, in one file. A dataset plug-in is a folder under datasets/ with a
// dataset.yaml (validated against core/schemas/dataset.schema.json), JSON Schemas under schemas/,
// knex migrations under migrations/, and two optional modules whose default exports are below.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { DatasetManifest } from './types.ts';

/** datasets/<id>/importer.ts default export: reads the sources, writes one new edition. */
export type DatasetImporter = (ctx: ImportContext) => Promise<ImportOutcome | void>;

/** datasets/<id>/routes.ts default export: registers routes under /v1/<id>. */
export type DatasetRoutes = (app: FastifyInstance, ds: DatasetContext) => Promise<void> | void;

/** datasets/<id>/services.ts default export: functions other plug-ins may call (see `depends_on`). */
export type DatasetServices = (ds: DatasetContext) => Record<string, unknown>;

/** What an importer may record beyond its rows; stored with the edition. */
export interface ImportOutcome {
  /** Edition label shown to users (defaults to the manifest's `edition`). */
  label?: string;
  /** Free-form provenance merged into the edition record (e.g. publisher metadata). */
  metadata?: Record<string, unknown>;
}

/** A row read from a CSV source: values keyed by normalised header, and its 1-based line. */
export interface SourceRow {
  values: Record<string, string>;
  line: number;
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

export interface ImportContext {
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
  /** Raw SQL inside the import transaction (e.g. to read a dependency's current edition). */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Records a data-quality warning in the edition's provenance (shown in the catalogue). */
  warn(code: string, message: string, details?: unknown): void;
  /** Reports progress for work not driven by openSource/readCsv (0..1). */
  progress(fraction: number, message?: string): void;
  /** Current edition id of another dataset (declared in depends_on), or null if not imported. */
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

export interface DatasetContext {
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
  /** The block every dataset answer carries: dataset id, edition, geography vintage, licence. */
  describe(edition: EditionInfo): ResponseMeta;
  /** Registers the standard list + get-by-key routes of a table (pagination, filters, CSV, ETag). */
  serveTable(table: string, options?: ServeTableOptions): void;
  /** Sets ETag/Cache-Control for an answer bound to these editions (and keys); true when a 304 was sent. */
  cacheFor(request: FastifyRequest, reply: FastifyReply, ...editions: (EditionInfo | string)[]): boolean;
  /** Services exported by another plug-in (declared in depends_on). */
  service<T = Record<string, unknown>>(datasetId: string): T;
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
