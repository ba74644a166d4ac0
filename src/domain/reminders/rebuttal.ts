import type { Region } from '../region/schema.js';
import { wallClockToInstant } from '../time.js';
import { deadlineAfter, findMilestone } from '../timeline.js';
import { dossierReminder, type DossierRule } from './dossier-reminder.js';
import { daysBefore } from './moments.js';
import type { DossierRow, Reminder, TrackerRecord } from './model.js';

// Rule: a rebuttal window (the tracker's 'weerwoord tot', or communicated + 14 days until
// 23:59) closing within rebuttalWarningDays without a rebuttal received is flagged; once it has
// closed without one, the coordinator is reminded to make the decision final.

export const DEFAULT_REBUTTAL_DAYS = 14;

/** The rebuttal deadline of a row, or null while its decision has not been communicated. */
export function rebuttalDeadline(
  region: Region,
  row: Pick<TrackerRecord, 'weerwoordTot' | 'gecommuniceerdOp'>,
): Date | null {
  if (row.weerwoordTot instanceof Date)
    return wallClockToInstant(row.weerwoordTot, region.timeZone);
  if (!(row.gecommuniceerdOp instanceof Date)) return null;
  const days = findMilestone(region, 'weerwoord')?.after?.days ?? DEFAULT_REBUTTAL_DAYS;
  return deadlineAfter(row.gecommuniceerdOp, days, region.timeZone);
}

const CLOSED: DossierRule = {
  kind: 'rebuttal-closed',
  id: 'weerwoord-verstreken',
  title: 'reminders.title.rebuttal-closed',
  who: 'reminders.who.coordinator',
};
const CLOSING: DossierRule = {
  kind: 'rebuttal-closing',
  id: 'weerwoord',
  title: 'reminders.title.rebuttal-closing',
  who: 'reminders.who.coordinator',
};

export function rebuttalReminders(
  region: Region,
  rows: readonly DossierRow[],
  at: Date,
): Reminder[] {
  const out: Reminder[] = [];
  for (const row of rows) {
    if (row.weerwoordOp !== null || row.definitiefOp !== null) continue;
    if (row.stadium === 'Weerwoord ontvangen' || row.stadium === 'Definitief') continue;
    const due = rebuttalDeadline(region, row);
    if (due === null) continue;
    if (at >= due) out.push(dossierReminder(CLOSED, region, row, due, at));
    else if (at >= daysBefore(due, region.reminders.rebuttalWarningDays, region.timeZone)) {
      out.push(dossierReminder(CLOSING, region, row, due, at));
    }
  }
  return out;
}
