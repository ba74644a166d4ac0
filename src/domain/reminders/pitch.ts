import type { Region } from '../region/schema.js';
import { wallClockToInstant } from '../time.js';
import { dossierReminder, type DossierRule } from './dossier-reminder.js';
import { daysBefore } from './moments.js';
import type { DossierRow, Reminder } from './model.js';
import { NOT_ADMISSIBLE } from '../vocabularies.js';

// Rule: a candidacy's pitch slot (the tracker's 'Pitch (datum en uur)') is a reminder for its
// lead partner from region.reminders.pitchNoticeDays before it (3 by default) until it starts.

const RULE: DossierRule = {
  kind: 'pitch-upcoming',
  id: 'pitch',
  title: 'reminders.title.pitch',
  who: 'reminders.who.lead',
};

export function pitchReminders(region: Region, rows: readonly DossierRow[], at: Date): Reminder[] {
  const out: Reminder[] = [];
  for (const row of rows) {
    if (!(row.pitch instanceof Date) || row.stadium === NOT_ADMISSIBLE) continue;
    const due = { at: wallClockToInstant(row.pitch, region.timeZone), dayOnly: false };
    const from = daysBefore(due.at, region.reminders.pitchNoticeDays, region.timeZone);
    if (at >= from && at < due.at) out.push(dossierReminder(RULE, region, row, due, at));
  }
  return out;
}
