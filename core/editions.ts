// Which edition of each dataset is served. Cached per process, refreshed on NOTIFY from any
// process that switches an edition (and on a timer), so API replicas stay stateless.
import pg from 'pg';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { EditionInfo } from './contract.ts';

export const EDITION_CHANNEL = 'catalogue_editions';

export interface EditionRow extends EditionInfo {
  dataset_id: string;
  sources: unknown[];
  row_counts: Record<string, number>;
  warnings: { code: string; message: string; details?: unknown }[];
  metadata: Record<string, unknown>;
  retired: boolean;
}

const columns = ['id', 'dataset_id', 'label', 'geography_vintage', 'imported_at', 'sources', 'row_counts', 'warnings', 'metadata', 'retired'];

function normalise(row: EditionRow): EditionRow {
  return { ...row, imported_at: new Date(row.imported_at).toISOString(), geography_vintage: row.geography_vintage ?? undefined };
}

export async function listEditions(knex: Knex, datasetId: string): Promise<EditionRow[]> {
  const rows = await knex('catalogue.editions').select(columns).where({ dataset_id: datasetId }).orderBy('id', 'desc');
  return rows.map(normalise);
}

const MAX_ID = 2 ** 31 - 1; // editions.id is an integer column

/** A kept (not retired) edition by id or label. */
export async function findEdition(knex: Knex, datasetId: string, ref: string | number): Promise<EditionRow | undefined> {
  const q = knex('catalogue.editions').select(columns).where({ dataset_id: datasetId, retired: false });
  const text = String(ref);
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    if (id > MAX_ID) return undefined;
    const row = await q.andWhere({ id }).first();
    return row ? normalise(row) : undefined;
  }
  if (text.length > 200) return undefined;
  const row = await q.andWhere({ label: text }).orderBy('id', 'desc').first();
  return row ? normalise(row) : undefined;
}

export class EditionCache {
  private current = new Map<string, EditionRow>();
  private loaded: Promise<void> | undefined;
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly log: Logger,
  ) {}

  async refresh(): Promise<void> {
    const rows = await this.knex('catalogue.current_editions as c')
      .join('catalogue.editions as e', 'e.id', 'c.edition_id')
      .select(columns.map((c) => `e.${c}`));
    this.current = new Map(rows.map((r: EditionRow) => [r.dataset_id, normalise(r)]));
  }

  async get(datasetId: string): Promise<EditionRow | undefined> {
    this.loaded ??= this.refresh();
    await this.loaded;
    return this.current.get(datasetId);
  }

  /** Follows switches made by other processes. */
  async listen(url: string, pollMs = 10_000): Promise<void> {
    this.listener = new pg.Client({ connectionString: url });
    this.listener.on('error', (err) => this.log.warn({ err: err.message }, 'edition listener lost its connection'));
    await this.listener.connect();
    this.listener.on('notification', () => void this.refresh().catch(() => undefined));
    await this.listener.query(`LISTEN ${EDITION_CHANNEL}`);
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), pollMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
  }
}
