// Import progress: bytes read of all sources (or a fraction the importer reports), rows written,
// saved to catalogue.import_runs at most once a second so /catalogue can show it.
import type { Knex } from 'knex';

export interface ProgressSnapshot {
  percent: number;
  rows: number;
  message?: string;
}

export class ImportProgress {
  private bytes = 0;
  private fraction = 0;
  rows = 0;
  message: string | undefined;
  private lastSave = 0;
  private saving: Promise<unknown> | undefined;

  constructor(
    private readonly knex: Knex,
    private readonly runId: number,
    private readonly totalBytes: number,
    private readonly listener?: (p: ProgressSnapshot) => void,
  ) {}

  get percent(): number {
    const byBytes = this.totalBytes > 0 ? this.bytes / this.totalBytes : 0;
    return Math.min(99.9, Math.round(Math.max(byBytes, this.fraction) * 1000) / 10);
  }

  addBytes(n: number): void {
    this.bytes += n;
    this.tick();
  }

  addRows(n: number): void {
    this.rows += n;
    this.tick();
  }

  report(fraction: number, message?: string): void {
    this.fraction = Math.max(this.fraction, Math.min(1, fraction));
    if (message) this.message = message;
    this.tick();
  }

  private tick(): void {
    const snapshot = { percent: this.percent, rows: this.rows, message: this.message };
    this.listener?.(snapshot);
    const now = Date.now();
    if (now - this.lastSave < 1000 || this.saving) return;
    this.lastSave = now;
    this.saving = this.knex('catalogue.import_runs')
      .where({ id: this.runId })
      .update({ percent: snapshot.percent, rows: snapshot.rows, message: snapshot.message ?? null, heartbeat_at: this.knex.fn.now() })
      .catch(() => undefined)
      .finally(() => (this.saving = undefined));
  }

  async settle(): Promise<void> {
    await this.saving;
  }
}
