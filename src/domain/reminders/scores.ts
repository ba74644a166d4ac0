import type { Beoordeling } from '../layouts.js';
import type { Region } from '../region/schema.js';
import { dossierReminder, type DossierRule } from './dossier-reminder.js';
import { deadlineOf, reminderWindowStart } from './moments.js';
import type { DossierRow, Reminder } from './model.js';
import { atOrAfter } from './stages.js';

// Rule: every admissible candidacy (stage 'Ontvankelijk' or later) needs at least one score
// from a reviewer without a conflict of interest by the end of the assessment window
// ('beoordeling'); after it, a missing score is overdue. Conflicted scores do not count.

const RULE: DossierRule = {
  kind: 'scores-missing',
  id: 'scores',
  title: 'reminders.title.scores-missing',
  who: 'reminders.who.jury',
};

export function scoreReminders(
  region: Region,
  rows: readonly DossierRow[],
  reviews: readonly Beoordeling[],
  at: Date,
): Reminder[] {
  const due = deadlineOf(region, 'assessment');
  if (at < reminderWindowStart(region, due)) return [];
  const scored = new Set(
    reviews
      .filter((r) => r.belangenconflict !== 'Ja' && typeof r.score === 'number')
      .map((r) => r.dossier),
  );
  return rows
    .filter((row) => atOrAfter(region, row, 'Ontvankelijk') && !scored.has(row.dossier))
    .map((row) => dossierReminder(RULE, region, row, due, at));
}
