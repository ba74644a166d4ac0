import type { Beoordeling } from '../layouts.js';
import type { TrackerRecord, TrackerRecords } from '../reminders/model.js';
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
  const sheets = source.outcome.result.sheets;
  const opvolging = sheets.find((s) => s.layout.id === 'opvolging');
  const beoordeling = sheets.find((s) => s.layout.id === 'beoordeling');
  const rows = opvolging
    ? [...opvolging.taken, ...opvolging.refused]
        .sort((a, b) => a.row - b.row)
        .map((r) => r.record as TrackerRecord)
    : [];
  const reviews = (beoordeling?.taken ?? []).map((r) => r.record as Beoordeling);
  return { rows, reviews };
}
