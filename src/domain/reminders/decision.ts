import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { deadlineOf, reminderWindowStart, shown } from './moments.js';
import { severityOf, type Reminder, type DossierRow } from './model.js';
import { NOT_ADMISSIBLE } from '../vocabularies.js';

// Rule: the decision on every admissible candidacy must be communicated by the 'beslissing'
// milestone (vr 7/07/2023, until 23:59); a row without a 'gecommuniceerd op' date is reminded
// of from the milestone's reminder window on, and overdue after it.

export function decisionReminders(
  region: Region,
  rows: readonly DossierRow[],
  at: Date,
): Reminder[] {
  const due = deadlineOf(region, 'beslissing');
  if (due === null || at < reminderWindowStart(region, due)) return [];
  return rows
    .filter((row) => row.stadium !== NOT_ADMISSIBLE && row.gecommuniceerdOp === null)
    .filter((row) => row.weerwoordOp === null && row.definitiefOp === null)
    .map((row) => ({
      id: `beslissing:${row.dossier}`,
      kind: 'decision-not-communicated' as const,
      dueAt: due,
      title: t('reminders.title.decision', {
        dossier: row.dossier,
        titel: row.titel ?? '',
        when: shown(due, region.timeZone),
      }),
      who: t('reminders.who.coordinator'),
      dossier: row.dossier,
      severity: severityOf(due, at),
    }));
}
