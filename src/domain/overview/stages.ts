import type { Region } from '../region/schema.js';
import type { TrackerRecords } from '../reminders/model.js';
import { vocabulariesOf } from '../vocabularies.js';
import type { StageCount } from './model.js';

// Where the call's candidacies stand: the tracker's rows counted per stage. Every stage of the
// list is shown, also with 0, so a steering group sees the whole way; rows without a stage of the
// list come last, together, and only when there are any.

export function stageCounts(region: Region, tracker: TrackerRecords | null): StageCount[] | null {
  if (tracker === null) return null;
  const stages: readonly string[] = vocabulariesOf(region).stadium;
  const count = new Map<string | null, number>();
  for (const row of tracker.rows) {
    const stage = row.stadium !== null && stages.includes(row.stadium) ? row.stadium : null;
    count.set(stage, (count.get(stage) ?? 0) + 1);
  }
  const listed = stages.map((stage) => ({ stage, candidacies: count.get(stage) ?? 0 }));
  const none = count.get(null) ?? 0;
  return none === 0 ? listed : [...listed, { stage: null, candidacies: none }];
}
