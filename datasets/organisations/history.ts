// What changed since the previous edition, and the code history carried from edition to edition:
// added, removed, renamed, re-parented, other field changes; successions when a code disappears
// (merger, rename, re-code, closure).
import { haversineKm } from '../../core/contract.ts';
import type { Lists } from './lists.ts';
import type { ChangesRecord, CodeHistoryRecord, OrganisationRecordsRecord } from './types.ts';

export interface Previous {
  editionId: number;
  validFrom: string | null;
  lists: Pick<Lists, 'organisations' | 'trusts' | 'health_boards' | 'icbs' | 'regions' | 'pdus' | 'diabetes_networks' | 'openuk_networks'>;
  history: CodeHistoryRecord[];
}

type Entity = { code: string; name: string; fields: Record<string, unknown> };

/** The entities compared between editions, with the fields whose change is reported. */
function entities(lists: Previous['lists']): Map<string, Map<string, Entity>> {
  const out = new Map<string, Map<string, Entity>>();
  const add = <T>(type: string, rows: T[], code: (r: T) => string, name: (r: T) => string, fields: (r: T) => Record<string, unknown>) =>
    out.set(type, new Map(rows.map((r) => [code(r), { code: code(r), name: name(r), fields: fields(r) }])));
  add('organisation', lists.organisations, (o) => o.ods_code, (o) => o.name, (o) => ({
    parent_code: o.parent_code, postcode: o.postcode, latitude: o.latitude, longitude: o.longitude, local_authority_code: o.local_authority_code,
    icb_code: o.icb_code, region_code: o.region_code, country_code: o.country_code, pdu_code: o.pdu_code, openuk_network_code: o.openuk_network_code,
  }));
  add('trust', lists.trusts, (t) => t.ods_code, (t) => t.name, (t) => ({ postcode: t.postcode, country_code: t.country_code, openuk_network_code: t.openuk_network_code }));
  add('health_board', lists.health_boards, (b) => b.ods_code, (b) => b.name, (b) => ({ gss_code: b.gss_code, openuk_network_code: b.openuk_network_code }));
  add('icb', lists.icbs, (i) => i.ods_code, (i) => i.name, (i) => ({ gss_code: i.gss_code, region_code: i.region_code }));
  add('region', lists.regions, (r) => r.code, (r) => r.name, (r) => ({ gss_code: r.gss_code }));
  add('pdu', lists.pdus, (p) => p.npda_code, (p) => p.npda_code, (p) => ({ network_code: p.network_code }));
  add('diabetes_network', lists.diabetes_networks, (n) => n.code, (n) => n.name, () => ({}));
  add('openuk_network', lists.openuk_networks, (n) => n.code, (n) => n.name, (n) => ({ country: n.country }));
  return out;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const km = (a: OrganisationRecordsRecord, b: OrganisationRecordsRecord) =>
  a.latitude == null || a.longitude == null || b.latitude == null || b.longitude == null ? Infinity : haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);

interface Succession {
  successor: string | null;
  type: 'merger' | 'rename' | 're-code' | 'closure';
}

/** Decides what took the place of each code that disappeared. */
function successions(prev: Previous['lists'], next: Lists, removed: Map<string, string[]>, added: Map<string, string[]>): Map<string, Succession> {
  const out = new Map<string, Succession>();
  const key = (type: string, code: string) => `${type}|${code}`;
  // Organisations: a new code for the same site (same postcode, or within 200 m) → rename or re-code.
  const prevOrgs = new Map(prev.organisations.map((o) => [o.ods_code, o]));
  const nextOrgs = new Map(next.organisations.map((o) => [o.ods_code, o]));
  for (const code of removed.get('organisation') ?? []) {
    const old = prevOrgs.get(code)!;
    const site = (added.get('organisation') ?? [])
      .map((c) => nextOrgs.get(c)!)
      .find((n) => (n.postcode && old.postcode && n.postcode.replace(/\s/g, '') === old.postcode.replace(/\s/g, '')) || km(n, old) < 0.2);
    out.set(key('organisation', code), site ? { successor: site.ods_code, type: site.name_key === old.name_key ? 're-code' : 'rename' } : { successor: null, type: 'closure' });
  }
  // Trusts: where the removed trust's sites went. All to one trust → that trust succeeded it.
  const removedTrusts = removed.get('trust') ?? [];
  const targets = new Map<string, string | null>();
  for (const code of removedTrusts) {
    const dest = new Set(prev.organisations.filter((o) => o.parent_code === code && nextOrgs.has(o.ods_code)).map((o) => nextOrgs.get(o.ods_code)!.parent_code ?? null));
    targets.set(code, dest.size === 1 ? [...dest][0] : null);
  }
  const prevTrusts = new Set(prev.trusts.map((t) => t.ods_code));
  const prevTrustName = new Map(prev.trusts.map((t) => [t.ods_code, t.name]));
  const nextTrustName = new Map(next.trusts.map((t) => [t.ods_code, t.name]));
  for (const code of removedTrusts) {
    const to = targets.get(code) ?? null;
    if (!to) {
      const sameName = (added.get('trust') ?? []).find((c) => nextTrustName.get(c) === prevTrustName.get(code));
      out.set(key('trust', code), sameName ? { successor: sameName, type: 're-code' } : { successor: null, type: 'closure' });
      continue;
    }
    const merged = prevTrusts.has(to) || [...targets.values()].filter((t) => t === to).length > 1;
    out.set(key('trust', code), { successor: to, type: merged ? 'merger' : nextTrustName.get(to) === prevTrustName.get(code) ? 're-code' : 'rename' });
  }
  // Other structures: a new code under the same name → re-code; otherwise closure.
  const lists = entities(next);
  const before = entities(prev);
  for (const [type, codes] of removed) {
    if (type === 'organisation' || type === 'trust') continue;
    for (const code of codes) {
      const name = before.get(type)!.get(code)!.name;
      const same = (added.get(type) ?? []).find((c) => lists.get(type)!.get(c)!.name === name);
      out.set(key(type, code), same ? { successor: same, type: 're-code' } : { successor: null, type: 'closure' });
    }
  }
  return out;
}

const STATUS: Record<Succession['type'], CodeHistoryRecord['status']> = { merger: 'merged', rename: 'renamed', 're-code': 're-coded', closure: 'closed' };

export function compareEditions(previous: Previous | null, next: Lists, date: string): { changes: ChangesRecord[]; history: CodeHistoryRecord[] } {
  const now = entities(next);
  const before = previous ? entities(previous.lists) : new Map<string, Map<string, Entity>>();
  const changes: ChangesRecord[] = [];
  const push = (c: Omit<ChangesRecord, 'seq'>) => changes.push({ seq: changes.length + 1, ...c });
  const removed = new Map<string, string[]>();
  const added = new Map<string, string[]>();
  for (const [type, items] of now) {
    const old = before.get(type) ?? new Map<string, Entity>();
    for (const [code, e] of items) {
      const o = old.get(code);
      if (!o) {
        (added.get(type) ?? added.set(type, []).get(type)!).push(code);
        push({ entity: type, code, name: e.name, change: 'added', field: null, old_value: null, new_value: null, successor: null });
        continue;
      }
      if (o.name !== e.name) push({ entity: type, code, name: e.name, change: 'renamed', field: 'name', old_value: o.name, new_value: e.name, successor: null });
      for (const [field, v] of Object.entries(e.fields)) {
        if (str(o.fields[field]) === str(v)) continue;
        push({ entity: type, code, name: e.name, change: field === 'parent_code' ? 're-parented' : 'changed', field, old_value: str(o.fields[field]), new_value: str(v), successor: null });
      }
    }
    for (const [code, o] of old) {
      if (items.has(code)) continue;
      (removed.get(type) ?? removed.set(type, []).get(type)!).push(code);
      push({ entity: type, code, name: o.name, change: 'removed', field: null, old_value: null, new_value: null, successor: null });
    }
  }
  const succ = previous ? successions(previous.lists, next, removed, added) : new Map<string, Succession>();
  for (const [k, s] of succ) {
    const [type, code] = k.split('|');
    push({ entity: type, code, name: before.get(type)!.get(code)!.name, change: 'succeeded', field: 'succession_type', old_value: null, new_value: s.type, successor: s.successor });
  }

  // Code history: carried forward, updated.
  const history = new Map<string, CodeHistoryRecord>();
  for (const h of previous?.history ?? []) history.set(`${h.entity}|${h.code}`, { ...h, valid_from: String(h.valid_from), valid_to: h.valid_to === null ? null : String(h.valid_to) });
  for (const [type, items] of now)
    for (const [code, e] of items) {
      const h = history.get(`${type}|${code}`);
      if (h && h.status === 'active') h.name = e.name;
      else if (h) Object.assign(h, { name: e.name, status: 'active', valid_to: null, succeeded_by: null, succession_type: null });
      else history.set(`${type}|${code}`, { entity: type, code, name: e.name, valid_from: date, valid_to: null, status: 'active', succeeded_by: null, succession_type: null });
    }
  for (const [k, s] of succ) {
    const h = history.get(k);
    if (h) Object.assign(h, { valid_to: date, status: STATUS[s.type], succeeded_by: s.successor, succession_type: s.type });
  }
  return { changes, history: [...history.values()].sort((a, b) => a.entity.localeCompare(b.entity) || a.code.localeCompare(b.code)) };
}
