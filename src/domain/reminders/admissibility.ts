import type { Region } from '../region/schema.js';
import { dossierReminder, type DossierRule } from './dossier-reminder.js';
import { deadlineOf, startOf } from './moments.js';
import type { DossierRow, Reminder } from './model.js';

// Rule: once the candidacy deadline has passed, a candidacy still at 'Ontvangen' waits for the
// coordinator's decision on its admissibility (late ones included: they are 'Niet ontvankelijk'),
// due when the written assessment starts (ma 12/06): the jury needs the admissible list.

const RULE: DossierRule = {
  kind: 'admissibility-pending',
  id: 'ontvankelijkheid',
  title: 'reminders.title.admissibility',
  who: 'reminders.who.coordinator',
};

export function admissibilityReminders(
  region: Region,
  rows: readonly DossierRow[],
  at: Date,
): Reminder[] {
  if (at < deadlineOf(region, 'deadline').at) return [];
  const due = startOf(region, 'assessment');
  return rows
    .filter((row) => row.stadium === 'Ontvangen')
    .map((row) => dossierReminder(RULE, region, row, due, at));
}
