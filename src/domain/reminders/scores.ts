import type { Beoordeling } from '../layouts.js';
import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { deadlineOf, reminderWindowStart, shown } from './moments.js';
import { severityOf, type Reminder, type DossierRow } from './model.js';
import { atOrAfter } from './stages.js';

// Rule: every admissible candidacy (stage 'Ontvankelijk' or later) needs at least one score
// from a reviewer without a conflict of interest by the end of the assessment window
// ('beoordeling'); after it, a missing score is overdue. Conflicted scores do not count.

export function scoreReminders(
  region: Region,
  rows: readonly DossierRow[],
  reviews: readonly Beoordeling[],
  at: Date,
): Reminder[] {
  const due = deadlineOf(region, 'beoordeling');
  if (due === null || at < reminderWindowStart(region, due)) return [];
  const scored = new Set(
    reviews
      .filter((r) => r.belangenconflict !== 'Ja' && typeof r.score === 'number')
      .map((r) => r.dossier),
  );
  return rows
    .filter((row) => atOrAfter(region, row, 'Ontvankelijk') && !scored.has(row.dossier))
    .map((row) => ({
      id: `scores:${row.dossier}`,
      kind: 'scores-missing' as const,
      dueAt: due,
      title: t('reminders.title.scores-missing', {
        dossier: row.dossier,
        titel: row.titel ?? '',
        when: shown(due, region.timeZone),
      }),
      who: t('reminders.who.jury'),
      dossier: row.dossier,
      severity: severityOf(due, at),
    }));
}
