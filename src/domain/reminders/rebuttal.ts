import type { Region } from '../region/schema.js';
import { wallClockToInstant } from '../time.js';
import { deadlineAfter, rebuttalDays } from '../timeline.js';
import { dossierReminder, type DossierRule } from './dossier-reminder.js';
import { daysBefore, deadlineOf, type Due } from './moments.js';
import type { DossierRow, Reminder, TrackerRecord } from './model.js';

// Rules: a rebuttal window (the tracker's 'weerwoord tot', or communicated + the region's days
// until 23:59) closing within rebuttalWarningDays without a rebuttal received is flagged; once
// it has closed without one, the coordinator is reminded to make the decision final. A rebuttal
// received asks for a final decision too: by the end of the region's rebuttal step (21/07, when
// rebuttals are assessed) or of the candidacy's own window if that ends later.

/** The rebuttal deadline of a row, or null while its decision has not been communicated. */
export function rebuttalDeadline(
  region: Region,
  row: Pick<TrackerRecord, 'weerwoordTot' | 'gecommuniceerdOp'>,
): Date | null {
  if (row.weerwoordTot instanceof Date)
    return wallClockToInstant(row.weerwoordTot, region.timeZone);
  if (!(row.gecommuniceerdOp instanceof Date)) return null;
  return deadlineAfter(row.gecommuniceerdOp, rebuttalDays(region), region.timeZone);
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
const UNDECIDED: DossierRule = {
  kind: 'rebuttal-undecided',
  id: 'definitief',
  title: 'reminders.title.rebuttal-undecided',
  who: 'reminders.who.coordinator',
};

export function rebuttalReminders(
  region: Region,
  rows: readonly DossierRow[],
  at: Date,
): Reminder[] {
  const out: Reminder[] = [];
  for (const row of rows) {
    if (row.definitiefOp !== null || row.stadium === 'Definitief') continue;
    const closes = rebuttalDeadline(region, row);
    if (row.weerwoordOp !== null || row.stadium === 'Weerwoord ontvangen') {
      out.push(dossierReminder(UNDECIDED, region, row, finalBy(region, closes), at));
      continue;
    }
    if (closes === null) continue;
    const due: Due = { at: closes, dayOnly: false };
    if (at >= closes) out.push(dossierReminder(CLOSED, region, row, due, at));
    else if (at >= daysBefore(closes, region.reminders.rebuttalWarningDays, region.timeZone)) {
      out.push(dossierReminder(CLOSING, region, row, due, at));
    }
  }
  return out;
}

/** When a received rebuttal's final decision is due: the later of the two ends. */
function finalBy(region: Region, windowCloses: Date | null): Due {
  const step = deadlineOf(region, 'rebuttal');
  return windowCloses !== null && windowCloses > step.at
    ? { at: windowCloses, dayOnly: false }
    : step;
}
