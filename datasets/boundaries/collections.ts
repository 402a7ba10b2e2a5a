// The boundary sets this plug-in knows: one per source of dataset.yaml (the source name is the
// collection id). Code and name fields are found by pattern (CTRY22CD, ICB23NM, GSS_CODE, NAME…),
// so a newer vintage of the same set (ICB24CD…) imports without a code change.
import type { AreaRef, LocateResult } from '../../core/contract.ts';
import type { SetsRecord } from './types.ts';

export type Level = SetsRecord['level'];

export interface CollectionConfig {
  level: Level;
  title: string;
  description: string;
  vintage: string;
  publisher: string;
  /** Attribute names tried in turn (regular expressions, whole name, case-insensitive). */
  code: RegExp[];
  name: RegExp[];
  welsh?: RegExp[];
}

const ONS = 'Office for National Statistics (ONS), Open Geography Portal';
const GEN = (kind: string) =>
  `${kind}; clipped to the coastline (extent of the realm excluded), transformed from British National Grid to WGS84.`;

export const COLLECTIONS: Record<string, CollectionConfig> = {
  countries: {
    level: 'country',
    title: 'Countries of the United Kingdom',
    description: `England, Wales, Scotland and Northern Ireland. ${GEN('Ultra-generalised (500 m) boundaries (BUC)')}`,
    vintage: 'December 2022',
    publisher: ONS,
    code: [/^CTRY\d\dCD$/],
    name: [/^CTRY\d\dNM$/],
    welsh: [/^CTRY\d\dNMW$/],
  },
  nhs_regions: {
    level: 'nhs_region',
    title: 'NHS England regions',
    description: `The seven NHS England regions. ${GEN('Ultra-generalised (500 m) boundaries (BUC)')}`,
    vintage: 'July 2022',
    publisher: ONS,
    code: [/^NHSER\d\dCD$/],
    name: [/^NHSER\d\dNM$/],
  },
  icbs: {
    level: 'icb',
    title: 'Integrated Care Boards (England)',
    description: `The 42 Integrated Care Boards of England. ${GEN('Super-generalised (200 m) boundaries (BSC)')}`,
    vintage: 'April 2023',
    publisher: ONS,
    code: [/^ICB\d\dCD$/],
    name: [/^ICB\d\dNM$/],
  },
  health_boards: {
    level: 'health_board',
    title: 'Local Health Boards (Wales)',
    description: `The seven Local Health Boards of Wales. ${GEN('Ultra-generalised (500 m) boundaries (BUC)')}`,
    vintage: 'April 2022',
    publisher: ONS,
    code: [/^LHB\d\dCD$/],
    name: [/^LHB\d\dNM$/],
    welsh: [/^LHB\d\dNMW$/],
  },
  london_boroughs: {
    level: 'london_borough',
    title: 'London boroughs',
    description:
      'The 32 London boroughs and the City of London, full resolution, excluding the River Thames (GLA "Statistical GIS Boundary Files for London", London_Borough_Excluding_MHW), transformed from British National Grid to WGS84.',
    vintage: '2011 (GLA statistical boundaries, census 2011 geography)',
    publisher: 'Greater London Authority (GLA), London Datastore',
    code: [/^GSS_CODE$/, /^LAD\d\dCD$/],
    name: [/^NAME$/, /^LAD\d\dNM$/],
  },
};

/** The levels a point-in-area answer reports, in order (the collection serving each). */
export const LEVELS: Level[] = ['country', 'nhs_region', 'icb', 'health_board', 'london_borough'];

/** The area of each level among those containing a point (null where none does). */
export const byLevel = (areas: readonly AreaRef[]): LocateResult['by_level'] =>
  Object.fromEntries(LEVELS.map((l) => [l, areas.find((a) => a.level === l) ?? null])) as LocateResult['by_level'];

export function findField(fields: string[], patterns: RegExp[] | undefined): string | undefined {
  for (const p of patterns ?? []) {
    const re = new RegExp(p.source, 'i');
    const hit = fields.find((f) => re.test(f));
    if (hit) return hit;
  }
  return undefined;
}

/** A number of a feature's properties: the .dbf stores some numbers as text ("-2.07811e+00") and leaves others empty. */
export const asNumber = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};
