import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { wallClockToInstant } from '../time.js';
import { milestoneDeadline } from '../timeline.js';
import { milestoneMoment } from './moments.js';
import { dossierRows, type DossierRow, type TrackerRecords } from './model.js';
import { rebuttalDeadline } from './rebuttal.js';

// What goes into a calendar: the milestones and every candidacy's own deadlines (its pitch, its
// rebuttal window), each with a stable id so that a re-import updates instead of duplicating.

export interface CalendarEntry {
  /** Stable: 'mijlpaal:deadline', 'pitch:K03', 'weerwoord:K03'. */
  id: string;
  title: string;
  description: string;
  start: Date;
  end: Date;
  dossier: string | null;
}

const MINUTE = 60_000;
/** A deadline is shown as a short event ending at the deadline. */
const DEADLINE_MINUTES = 30;
const PITCH_MINUTES = 30;

export function calendarEntries(region: Region, tracker: TrackerRecords | null): CalendarEntry[] {
  const out: CalendarEntry[] = region.timeline.map((m) => {
    const start = milestoneMoment(region, m);
    const end = m.end === null ? start : milestoneDeadline(region, m);
    const isDeadline = m.end === null;
    return {
      id: `mijlpaal:${m.id}`,
      title: m.provisional ? t('reminders.ics.provisional', { label: m.label }) : m.label,
      description: m.description,
      start: isDeadline ? new Date(start.getTime() - DEADLINE_MINUTES * MINUTE) : start,
      end: isDeadline ? end : new Date(end.getTime() + MINUTE),
      dossier: null,
    };
  });
  for (const row of dossierRows(tracker)) out.push(...dossierEntries(region, row));
  return out;
}

function dossierEntries(region: Region, row: DossierRow): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  if (row.pitch instanceof Date) {
    const start = wallClockToInstant(row.pitch, region.timeZone);
    out.push({
      id: `pitch:${row.dossier}`,
      title: t('reminders.ics.pitch', { dossier: row.dossier, titel: row.titel ?? '' }),
      description: t('reminders.ics.pitch-description', { trekker: row.trekker ?? '' }),
      start,
      end: new Date(start.getTime() + PITCH_MINUTES * MINUTE),
      dossier: row.dossier,
    });
  }
  const rebuttal = rebuttalDeadline(region, row);
  if (rebuttal !== null && row.weerwoordOp === null) {
    out.push({
      id: `weerwoord:${row.dossier}`,
      title: t('reminders.ics.rebuttal', { dossier: row.dossier, titel: row.titel ?? '' }),
      description: t('reminders.ics.rebuttal-description', { trekker: row.trekker ?? '' }),
      start: new Date(rebuttal.getTime() - DEADLINE_MINUTES * MINUTE),
      end: rebuttal,
      dossier: row.dossier,
    });
  }
  return out;
}
