// One edition held in memory (a few hundred rows per table): every organisation route answers
// from it. Editions are immutable, so a snapshot never goes stale; a few are kept (LRU).
import type { FastifyRequest } from 'fastify';
import { Problem, badRequest, notFound, type DatasetContext, type EditionInfo } from '../../core/contract.ts';
import type {
  CodeHistoryRecord,
  CountriesRecord,
  DiabetesNetworksRecord,
  HealthBoardsRecord,
  IcbMappingsRecord,
  IcbsRecord,
  LondonBoroughsRecord,
  OpenukNetworksRecord,
  OrganisationRecordsRecord,
  PduMembersRecord,
  PdusRecord,
  RegionsRecord,
  TrustsRecord,
} from './types.ts';

export interface CachedBody {
  json: string;
  gzip?: Buffer;
  br?: Buffer;
  link?: string;
}

export interface Snapshot {
  edition: EditionInfo;
  validFrom: string | null;
  organisations: OrganisationRecordsRecord[];
  orgs: Map<string, OrganisationRecordsRecord>;
  trusts: Map<string, TrustsRecord>;
  health_boards: Map<string, HealthBoardsRecord>;
  icbs: Map<string, IcbsRecord>;
  regions: Map<string, RegionsRecord>;
  countries: Map<string, CountriesRecord>;
  pdus: Map<string, PdusRecord>;
  pdu_members: PduMembersRecord[];
  diabetes_networks: Map<string, DiabetesNetworksRecord>;
  openuk_networks: Map<string, OpenukNetworksRecord>;
  london_boroughs: Map<string, LondonBoroughsRecord>;
  icb_mappings: IcbMappingsRecord[];
  history: Map<string, CodeHistoryRecord>;
  /** Nested organisations already built for this edition. */
  memo: Map<string, unknown>;
  /** Serialised answers of this edition by request URL (bounded, oldest dropped first). */
  bodies: Map<string, CachedBody>;
}

const strip = <T>(row: Record<string, unknown>): T => {
  const { edition_id: _e, ...rest } = row;
  return rest as T;
};

export class Snapshots {
  private cache = new Map<number, Promise<Snapshot>>();
  constructor(private readonly ds: DatasetContext) {}

  /** The edition a request reads: `as_of=YYYY-MM-DD`, `edition=`, or the current one. */
  async edition(request: FastifyRequest): Promise<EditionInfo> {
    const q = (request.query ?? {}) as { as_of?: string; edition?: string };
    if (!q.as_of) return this.ds.edition(request);
    if (q.edition) throw badRequest('give either edition or as_of, not both', [{ name: 'as_of', reason: 'conflicts with edition' }]);
    if (Number.isNaN(Date.parse(q.as_of))) throw badRequest(`as_of "${q.as_of}" is not a date`, [{ name: 'as_of', reason: 'must be a valid date YYYY-MM-DD' }]);
    const info = this.ds.tableName('edition_info');
    const row = await this.ds
      .db(`${info} as i`)
      .join('catalogue.editions as e', 'e.id', 'i.edition_id')
      .where({ 'e.dataset_id': this.ds.id, 'e.retired': false })
      .where('i.valid_from', '<=', q.as_of)
      .orderBy([{ column: 'i.valid_from', order: 'desc' }, { column: 'i.edition_id', order: 'desc' }])
      .first('i.edition_id');
    if (!row) {
      const first = await this.ds.db(info).min({ d: 'valid_from' }).first();
      throw new Problem(404, 'Not found', `no edition of ${this.ds.id} was valid on ${q.as_of}${first?.d ? ` (the earliest edition kept is valid from ${first.d})` : ''}`, {
        as_of: q.as_of,
      });
    }
    const e = await this.ds.findEdition(row.edition_id);
    if (!e) throw notFound(`edition ${row.edition_id} is no longer kept`);
    return e;
  }

  get(edition: EditionInfo): Promise<Snapshot> {
    let p = this.cache.get(edition.id);
    if (p) {
      this.cache.delete(edition.id);
      this.cache.set(edition.id, p);
      return p;
    }
    p = this.load(edition);
    p.catch(() => this.cache.delete(edition.id));
    this.cache.set(edition.id, p);
    while (this.cache.size > 8) this.cache.delete(this.cache.keys().next().value!);
    return p;
  }

  private async load(edition: EditionInfo): Promise<Snapshot> {
    const rows = async <T>(table: string, order: string) =>
      ((await this.ds.db(this.ds.tableName(table)).where({ edition_id: edition.id }).orderBy(order)) as Record<string, unknown>[]).map((r) => strip<T>(r));
    const byKey = <T>(list: T[], key: keyof T) => new Map(list.map((r) => [String(r[key]), r]));
    const organisations = await rows<OrganisationRecordsRecord>('organisation_records', 'ods_code');
    const [info] = await rows<{ valid_from: string }>('edition_info', 'valid_from');
    const history = await rows<CodeHistoryRecord>('code_history', 'code');
    return {
      edition,
      validFrom: info?.valid_from ?? null,
      organisations,
      orgs: byKey(organisations, 'ods_code'),
      trusts: byKey(await rows<TrustsRecord>('trusts', 'ods_code'), 'ods_code'),
      health_boards: byKey(await rows<HealthBoardsRecord>('health_boards', 'ods_code'), 'ods_code'),
      icbs: byKey(await rows<IcbsRecord>('icbs', 'ods_code'), 'ods_code'),
      regions: byKey(await rows<RegionsRecord>('regions', 'code'), 'code'),
      countries: byKey(await rows<CountriesRecord>('countries', 'code'), 'code'),
      pdus: byKey(await rows<PdusRecord>('pdus', 'npda_code'), 'npda_code'),
      pdu_members: await rows<PduMembersRecord>('pdu_members', 'npda_code'),
      diabetes_networks: byKey(await rows<DiabetesNetworksRecord>('diabetes_networks', 'code'), 'code'),
      openuk_networks: byKey(await rows<OpenukNetworksRecord>('openuk_networks', 'code'), 'code'),
      london_boroughs: byKey(await rows<LondonBoroughsRecord>('london_boroughs', 'gss_code'), 'gss_code'),
      icb_mappings: await rows<IcbMappingsRecord>('icb_mappings', 'row'),
      history: new Map(history.map((h) => [`${h.entity}|${h.code}`, h])),
      memo: new Map(),
      bodies: new Map(),
    };
  }
}
