import type { Overview } from '../domain/overview/model.js';
import type { DriveState } from './drive-state.js';

// What changed since the previous sync, whoever ran it: compared with the drive state, so that
// the summary tells the coordinator what is new without opening the overview.

export interface Changes {
  /** No earlier sync is known for this drive: everything is new. */
  first: boolean;
  newSources: string[];
  changedSources: string[];
  removedSources: string[];
  newGaps: string[];
  closedGaps: string[];
  /** Feedback files removed because their source left the drive. */
  removedFeedback: string[];
}

export function changesSince(
  before: DriveState,
  seen: Readonly<Record<string, string>>,
  overview: Overview,
  removedFeedback: string[],
): Changes {
  const old = before.sources;
  const gaps = gapKeys(overview);
  const had = new Set(before.gaps);
  // A municipality whose workbook is missing or unreadable shows no gaps: not closed, unknown.
  const unknown = overview.delivery.municipalities
    .filter((m) => m.status !== 'delivered')
    .map((m) => `${m.municipality} · `);
  const known = (gap: string) => !unknown.some((prefix) => gap.startsWith(prefix));
  return {
    first: before.last === null,
    newSources: Object.keys(seen).filter((p) => !(p in old)),
    changedSources: Object.keys(seen).filter((p) => p in old && old[p] !== seen[p]),
    removedSources: Object.keys(old).filter((p) => !(p in seen)),
    newGaps: before.last === null ? [] : gaps.filter((g) => !had.has(g)),
    closedGaps: before.gaps.filter((g) => !gaps.includes(g) && known(g)),
    removedFeedback,
  };
}

/** The overview's gaps as stable keys: "Deinze · Wonen". */
export function gapKeys(overview: Overview): string[] {
  return overview.gaps.map((g) => `${g.municipality} · ${g.area}`);
}
