// The boundaries service other plug-ins may call: ds.service<BoundaryServices>('boundaries') after
// declaring `depends_on: [boundaries]`. Answers from the same in-memory index as /locate.
import type { EditionInfo } from '../../core/contract.ts';
import type { AreaRef } from './spatial-index.ts';

export type { AreaRef, EditionInfo };
export type BoundaryLevel = AreaRef['level'];

export interface LocateResult {
  /** Every area containing the point (empty at sea or outside the UK), in level order. */
  areas: AreaRef[];
  /** The area of each level, or null. */
  by_level: Record<BoundaryLevel, AreaRef | null>;
  edition: EditionInfo;
}

export interface BoundaryServices {
  /** Areas containing a WGS84 point; current edition by default. Throws on non-finite or out-of-range input. */
  locate(lat: number, lon: number, editionId?: number): Promise<LocateResult>;
  currentEdition(): Promise<EditionInfo | null>;
}
