import type { RawCoverage } from './coverage.js';
import type { GapReason } from './model.js';

// Hiaten: every municipality and problem area with demand (at least one need) and no active
// offer, or only offers whose shortest waiting time exceeds the threshold. Ordered by
// municipality, then problem area, both in the region's order.

/** A need whose offers all wait longer than this many weeks is a gap, unless told otherwise. */
export const DEFAULT_GAP_WAIT_WEEKS = 8;

export interface RawGap {
  municipality: string;
  area: string;
  demand: number;
  personas: string[];
  reason: GapReason;
  offers: number;
  shortestWait: number | null;
}

export function findGaps(coverage: RawCoverage, waitWeeks: number): RawGap[] {
  const gaps: RawGap[] = [];
  coverage.municipalities.forEach((municipality, m) => {
    for (const row of coverage.rows) {
      const c = row.cells[m];
      if (c === undefined || c.needs === 0) continue;
      const reason = gapReason(c.offers, c.shortestWait, waitWeeks);
      if (reason === null) continue;
      gaps.push({
        municipality,
        area: row.area,
        demand: c.demand,
        personas: c.personas,
        reason,
        offers: c.offers,
        shortestWait: c.shortestWait,
      });
    }
  });
  return gaps;
}

/** Why a cell with demand is a gap, or null when an offer within the waiting time serves it. */
export function gapReason(
  offers: number,
  shortestWait: number | null,
  waitWeeks: number,
): GapReason | null {
  if (offers === 0) return 'no-offer';
  return shortestWait !== null && shortestWait > waitWeeks ? 'long-wait' : null;
}
