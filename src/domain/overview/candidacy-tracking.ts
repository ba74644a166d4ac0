import type { Region } from '../region/schema.js';
import type { TrackerRecords } from '../reminders/model.js';
import { scoreDossiers } from '../tracker/scores.js';
import type { CandidacyTracking, OverviewRecords } from './model.js';

// Where the tracker has each candidacy: the row whose source file (Bronbestand) is the
// candidacy's, with its dossier code and stage, and the written assessment computed from the
// Beoordelingen as the sync computes it (scores with a conflict of interest left out), so the
// overview shows the ranking even before a sync has written it into the tracker.

export function candidacyTracking(
  region: Region,
  records: Pick<OverviewRecords, 'kandidatuur'>,
  tracker: TrackerRecords | null,
): (CandidacyTracking | null)[] {
  if (tracker === null) return records.kandidatuur.map(() => null);
  const scores = scoreDossiers(
    region,
    tracker.reviews.map((record, row) => ({ row, record })),
  ).byDossier;
  const bySource = new Map<string, CandidacyTracking>();
  for (const row of tracker.rows) {
    if (row.bron === null || bySource.has(row.bron)) continue;
    const score = row.dossier === null ? undefined : scores.get(row.dossier);
    bySource.set(row.bron, {
      dossier: row.dossier,
      stage: row.stadium,
      average: score?.average ?? null,
      rank: score?.rank ?? null,
    });
  }
  return records.kandidatuur.map((k) => bySource.get(k.source) ?? null);
}
