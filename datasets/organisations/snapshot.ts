// One edition held in memory (a few hundred rows per table): every organisation route and the
// service answer from it. Editions are immutable, so a snapshot never goes stale; the most recently
// used are kept, one set per platform for routes and service alike.
import { notFound, perEdition, type DatasetContext, type EditionInfo } from '../../core/contract.ts';
import type {
  CodeHistoryRecord,
  NestedOrganisation,
  OrganisationEdition,
  OrganisationRecord,
  OrganisationStructure,
  OrganisationStructures,
  PduMemberRecord,
  PduView,
} from '../../core/contract.ts';
import { nest } from './shapes.ts';
import { STRUCTURE_KINDS, belongsTo, candidateIcbs } from './structure-kinds.ts';
import type { IcbMappingsRecord } from './types.ts';

export type Entity = 'organisation' | OrganisationStructure;
type Row = Record<string, unknown>;

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/** Code-unit order, the order keyset cursors compare in (a database collation may differ). */
const byKey = <T>(key: (r: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export class Snapshot implements OrganisationEdition {
  readonly organisations: OrganisationRecord[];
  readonly pdu_members: PduMemberRecord[];
  readonly icb_mappings: Required<IcbMappingsRecord>[];
  private readonly orgs: Map<string, OrganisationRecord>;
  private readonly lists = new Map<OrganisationStructure, Row[]>();
  private readonly byCode = new Map<OrganisationStructure, Map<string, Row>>();
  private readonly codeHistory: Map<string, CodeHistoryRecord>;
  private readonly predecessorsOf = new Map<string, CodeHistoryRecord[]>();
  private readonly nestedOrgs = new Map<string, NestedOrganisation>();
  private readonly pduViews = new Map<string, PduView>();

  constructor(
    readonly edition: EditionInfo,
    readonly valid_from: string | null,
    tables: Record<string, Row[]>,
  ) {
    this.organisations = (tables.organisation_records as unknown as OrganisationRecord[]).sort(byKey((o) => o.ods_code));
    this.orgs = new Map(this.organisations.map((o) => [o.ods_code, o]));
    for (const [kind, k] of Object.entries(STRUCTURE_KINDS) as [OrganisationStructure, (typeof STRUCTURE_KINDS)[OrganisationStructure]][]) {
      const rows = tables[k.table].sort(byKey((r) => String(r[k.key])));
      this.lists.set(kind, rows);
      this.byCode.set(kind, new Map(rows.map((r) => [String(r[k.key]), r])));
    }
    this.pdu_members = tables.pdu_members as unknown as PduMemberRecord[];
    this.icb_mappings = tables.icb_mappings as unknown as Required<IcbMappingsRecord>[];
    const history = tables.code_history as unknown as CodeHistoryRecord[];
    this.codeHistory = new Map(history.map((h) => [`${h.entity}|${h.code}`, h]));
    for (const h of history.sort(byKey((x) => x.code)))
      if (h.succeeded_by) {
        const k = `${h.entity}|${h.succeeded_by}`;
        this.predecessorsOf.set(k, [...(this.predecessorsOf.get(k) ?? []), h]);
      }
    for (const o of this.organisations) this.nestedOrgs.set(o.ods_code, nest(this, o));
    for (const p of this.structures('pdu')) this.pduViews.set(p.npda_code, this.viewOf(p));
    // Shared by every caller of the routes and the service: nobody may change it.
    deepFreeze([tables, [...this.nestedOrgs.values()], [...this.pduViews.values()], [...this.predecessorsOf.values()]]);
  }

  organisation(odsCode: string): OrganisationRecord | null {
    return this.orgs.get(odsCode.toUpperCase()) ?? null;
  }

  nested(odsCode: string): NestedOrganisation | null {
    return this.nestedOrgs.get(odsCode.toUpperCase()) ?? null;
  }

  structures<K extends OrganisationStructure>(kind: K): readonly OrganisationStructures[K][] {
    return this.lists.get(kind) as unknown as OrganisationStructures[K][];
  }

  structure<K extends OrganisationStructure>(kind: K, code: string): OrganisationStructures[K] | null {
    const c = code.toUpperCase();
    const found = this.byCode.get(kind)!.get(c) ?? (kind === 'region' ? this.lists.get(kind)!.find((r) => r.gss_code === c) : undefined);
    return (found as OrganisationStructures[K] | undefined) ?? null;
  }

  organisationsOf(kind: OrganisationStructure, code: string): readonly OrganisationRecord[] {
    const s = this.structure(kind, code);
    if (!s) return [];
    const key = String((s as unknown as Row)[STRUCTURE_KINDS[kind].key]);
    return this.organisations.filter((o) => belongsTo[kind](o, key));
  }

  pdu(npdaCode: string): PduView | null {
    return this.pduViews.get(npdaCode.toUpperCase()) ?? null;
  }

  pduOf(odsCode: string): PduView | null {
    const code = this.organisation(odsCode)?.pdu_code;
    return code ? this.pdu(code) : null;
  }

  history(entity: Entity, code: string): CodeHistoryRecord | null {
    return this.codeHistory.get(`${entity}|${code.toUpperCase()}`) ?? null;
  }

  successors(entity: Entity, code: string): CodeHistoryRecord[] {
    const chain: CodeHistoryRecord[] = [];
    const seen = new Set<string>();
    for (let h = this.history(entity, code); h && !seen.has(h.code); h = h.succeeded_by ? this.history(entity, h.succeeded_by) : null) {
      seen.add(h.code);
      chain.push(h);
    }
    return chain;
  }

  predecessors(entity: Entity, code: string): CodeHistoryRecord[] {
    return this.predecessorsOf.get(`${entity}|${code.toUpperCase()}`) ?? [];
  }

  /** Every entity that has ever had this code. */
  entitiesWithCode(code: string): Entity[] {
    const c = code.toUpperCase();
    return [...this.codeHistory.values()].filter((h) => h.code === c).map((h) => h.entity as Entity);
  }

  /** The ICBs an organisation's trust serves when it serves several. */
  icbCandidates(o: OrganisationRecord) {
    return candidateIcbs(o).map((c) => this.structure('icb', c)).filter((i) => i !== null);
  }

  private viewOf(pdu: OrganisationStructures['pdu']): PduView {
    const members = this.pdu_members.filter((m) => m.npda_code === pdu.npda_code);
    const organisations = this.organisations.filter((o) => o.pdu_code === pdu.npda_code);
    const site = members.find((m) => m.member_type === 'organisation');
    const listedParent = members.find((m) => m.member_type === 'trust' || m.member_type === 'health_board');
    const parents = new Set(organisations.map((o) => `${o.parent_type}|${o.parent_code}`));
    const [type, code] = listedParent ? [listedParent.member_type, listedParent.ods_code] : parents.size === 1 ? [...parents][0].split('|') : [null, null];
    const trust = type === 'trust' ? this.structure('trust', code!) : null;
    const board = type === 'health_board' ? this.structure('health_board', code!) : null;
    return {
      pdu,
      network: pdu.network_code ? this.structure('diabetes_network', pdu.network_code) : null,
      members,
      organisations,
      primary_organisation: (site && this.organisation(site.ods_code)) ?? organisations[0] ?? null,
      parent: trust ? { type: 'trust', record: trust } : board ? { type: 'health_board', record: board } : null,
    };
  }
}

async function load(ds: DatasetContext, editionId: number): Promise<Snapshot> {
  const edition = await ds.findEdition(editionId);
  if (!edition) throw notFound(`edition ${editionId} of ${ds.id} is no longer kept`);
  const tables: Record<string, Row[]> = {};
  for (const table of ['organisation_records', 'pdu_members', 'icb_mappings', 'code_history', 'edition_info', ...Object.values(STRUCTURE_KINDS).map((k) => k.table)]) {
    const rows: Row[] = await ds.db(ds.tableName(table)).where({ edition_id: editionId });
    tables[table] = rows.map(({ edition_id: _e, ...r }) => r);
  }
  tables.icb_mappings.sort((a, b) => Number(a.row) - Number(b.row));
  tables.pdu_members.sort(byKey((m) => `${m.npda_code}|${m.ods_code}`));
  return new Snapshot(edition, (tables.edition_info[0]?.valid_from as string | undefined) ?? null, tables);
}

const shared = new WeakMap<object, Map<string, (editionId: number) => Promise<Snapshot>>>();

/** The snapshot of an edition, loaded once and shared by this platform's routes and service. */
export function snapshots(ds: DatasetContext): (edition: EditionInfo) => Promise<Snapshot> {
  let byDataset = shared.get(ds.db);
  if (!byDataset) shared.set(ds.db, (byDataset = new Map()));
  let get = byDataset.get(ds.id);
  if (!get) byDataset.set(ds.id, (get = perEdition((id) => load(ds, id), 8)));
  return (edition) => get(edition.id);
}
