// Which edition of each dataset is served. Cached per process, refreshed on NOTIFY from any
// process that switches an edition (and on a timer), so API replicas stay stateless.
import pg from 'pg';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { EditionInfo } from './contract.ts';
import { outsideRequest } from './db/cancel.ts';

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

/**
 * The current edition of every dataset, cached. A load that fails (the database is down) is not
 * kept: the next call tries again. The LISTEN connection that follows other processes' switches
 * is re-established whenever it is lost (with a reload, for the notifications missed meanwhile);
 * the poll covers the gaps.
 */
export class EditionCache {
  private current = new Map<string, EditionRow>();
  private loaded: Promise<void> | undefined;
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private retryMs = RETRY_MIN_MS;
  private closed = false;
  /** True while a LISTEN connection is up. */
  listening = false;

  constructor(
    private readonly knex: Knex,
    private readonly log: Logger,
  ) {}

  /**
   * Changes whenever the current edition of any dataset changes (answers kept in memory are bound
   * to it: core/rest/kept-answers.ts).
   */
  generation = 0;
  private signature = '';

  async refresh(): Promise<void> {
    const rows = await this.knex('catalogue.current_editions as c')
      .join('catalogue.editions as e', 'e.id', 'c.edition_id')
      .select(columns.map((c) => `e.${c}`));
    this.current = new Map(rows.map((r: EditionRow) => [r.dataset_id, normalise(r)]));
    const signature = rows
      .map((r: EditionRow) => `${r.dataset_id}:${r.id}`)
      .sort()
      .join(',');
    if (signature !== this.signature) {
      this.signature = signature;
      this.generation++;
    }
  }

  async get(datasetId: string): Promise<EditionRow | undefined> {
    if (!this.loaded) {
      const load = outsideRequest(() => this.refresh()); // every request waits for it
      this.loaded = load;
      load.catch(() => {
        if (this.loaded === load) this.loaded = undefined;
      });
    }
    await this.loaded;
    return this.current.get(datasetId);
  }

  /** Follows switches made by other processes; resolves after the first attempt to LISTEN, whether it succeeded or not. */
  async listen(url: string, pollMs = 10_000): Promise<void> {
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), pollMs);
    this.timer.unref();
    await this.connect(url, false);
  }

  private async connect(url: string, reconnecting: boolean): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    let dead = false;
    const lost = (err?: Error) => {
      if (dead) return;
      dead = true;
      if (err) this.log.warn({ err }, 'edition listener lost its connection');
      void client.end().catch(() => undefined);
      if (this.listener === client) {
        this.listener = undefined;
        this.listening = false;
      }
      this.reconnectLater(url);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      client.on('notification', () => void this.refresh().catch(() => undefined));
      await client.query(`LISTEN ${EDITION_CHANNEL}`);
    } catch (err) {
      return lost(err as Error);
    }
    if (this.closed) return void client.end().catch(() => undefined);
    this.listener = client;
    this.listening = true;
    this.retryMs = RETRY_MIN_MS;
    if (reconnecting) {
      this.log.info('edition listener reconnected');
      await this.refresh().catch(() => undefined);
    }
  }

  private reconnectLater(url: string): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect(url, true);
    }, this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
    const listener = this.listener;
    this.listener = undefined;
    this.listening = false;
    await listener?.end().catch(() => undefined);
  }
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5000;
