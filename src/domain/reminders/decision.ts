import type { Region } from '../region/schema.js';
import { dossierReminder, type DossierRule } from './dossier-reminder.js';
import { deadlineOf, reminderWindowStart } from './moments.js';
import type { DossierRow, Reminder } from './model.js';
import { atOrAfter } from './stages.js';

// Rule: the decision on every admissible candidacy must be communicated by the 'beslissing'
// milestone (vr 7/07/2023: shown as that day, due until 23:59); a row without a 'gecommuniceerd op' date is reminded
// of from the milestone's reminder window on, and overdue after it. A candidacy whose admissibility
// is not decided yet has that reminder (admissibility.ts), not this one too.

const RULE: DossierRule = {
  kind: 'decision-not-communicated',
  id: 'beslissing',
  title: 'reminders.title.decision',
  who: 'reminders.who.coordinator',
};

export function decisionReminders(
  region: Region,
  rows: readonly DossierRow[],
  at: Date,
): Reminder[] {
  const due = deadlineOf(region, 'decision');
  if (at < reminderWindowStart(region, due)) return [];
  return rows
    .filter((row) => atOrAfter(region, row, 'Ontvankelijk') && row.gecommuniceerdOp === null)
    .filter((row) => row.weerwoordOp === null && row.definitiefOp === null)
    .map((row) => dossierReminder(RULE, region, row, due, at));
}
