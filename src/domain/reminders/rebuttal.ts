import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { wallClockToInstant } from '../time.js';
import { deadlineAfter, findMilestone } from '../timeline.js';
import { daysBefore, shown } from './moments.js';
import { severityOf, type Reminder, type DossierRow, type TrackerRecord } from './model.js';

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
    const params = {
      dossier: row.dossier,
      titel: row.titel ?? '',
      when: shown(due, region.timeZone),
    };
    if (at >= due) {
      out.push({
        id: `weerwoord-verstreken:${row.dossier}`,
        kind: 'rebuttal-closed',
        dueAt: due,
        title: t('reminders.title.rebuttal-closed', params),
        who: t('reminders.who.coordinator'),
        dossier: row.dossier,
        severity: 'overdue',
      });
    } else if (at >= daysBefore(due, region.reminders.rebuttalWarningDays, region.timeZone)) {
      out.push({
        id: `weerwoord:${row.dossier}`,
        kind: 'rebuttal-closing',
        dueAt: due,
        title: t('reminders.title.rebuttal-closing', params),
        who: t('reminders.who.coordinator'),
        dossier: row.dossier,
        severity: severityOf(due, at),
      });
    }
  }
  return out;
}
