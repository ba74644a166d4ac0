import { beoordelingLayout, opvolgingLayout } from '../layouts.js';
import type { TrackerRecords } from '../reminders/model.js';
import { rowsOf, takenOf } from '../validate.js';
import type { SourceInput } from './sources.js';

// The tracker among the sources: when the coordinator's 'opvolging' workbook was read with the
// other files (overview --in, the sync's folders), its rows feed the reminders even when the
// caller passes no tracker of its own.

export function isTrackerSource(s: SourceInput): boolean {
  return s.outcome.ok && s.outcome.result.meta?.kind === 'opvolging';
}

/** The first tracker source's records (Opvolging taken and refused, Beoordelingen taken). */
export function trackerFromSources(sources: readonly SourceInput[]): TrackerRecords | null {
  const source = sources.find(isTrackerSource);
  if (!source?.outcome.ok) return null;
  const { result } = source.outcome;
  return {
    rows: rowsOf(result, opvolgingLayout).map((r) => r.record),
    reviews: takenOf(result, beoordelingLayout).map((r) => r.record),
  };
}
