import { t } from '../messages.js';
import type { Milestone, Region } from '../region/schema.js';
import { addDays, parseLocal, wallClockToInstant } from '../time.js';
import { isTimed } from '../timeline.js';
import { milestoneMoment } from './moments.js';
import { dossierRows, type DossierRow, type TrackerRecords } from './model.js';
import { rebuttalDeadline } from './rebuttal.js';

// What goes into a calendar: the milestones and every candidacy's own deadlines (its pitch, its
// rebuttal window), each with a stable id so that a re-import updates instead of duplicating.
// The one rule for times (src/domain/timeline.ts): a milestone given as a date is an all-day
// event, a span one event over its days, only a time (the deadline, 23:59) is a moment.

export interface CalendarEntry {
  /** Stable: 'mijlpaal:deadline', 'pitch:K03', 'weerwoord:K03'. */
  id: string;
  title: string;
  description: string;
  /** An all-day event: start is 00:00 of its first day, end 00:00 of the day after its last. */
  allDay: boolean;
  start: Date;
  /** Exclusive; null for a deadline: a moment without duration. */
  end: Date | null;
  dossier: string | null;
}

const MINUTE = 60_000;
const PITCH_MINUTES = 30;

export function calendarEntries(region: Region, tracker: TrackerRecords | null): CalendarEntry[] {
  const out: CalendarEntry[] = region.timeline.map((m) => ({
    id: `mijlpaal:${m.id}`,
    title: m.provisional ? t('reminders.ics.provisional', { label: m.label }) : m.label,
    description: m.description,
    allDay: !isTimed(m),
    start: milestoneMoment(region, m),
    end: isTimed(m) ? null : dayAfter(region, m),
    dossier: null,
  }));
  for (const row of dossierRows(tracker)) out.push(...dossierEntries(region, row));
  return out;
}

/** 00:00 of the day after a milestone's last day (an all-day event's exclusive end). */
function dayAfter(region: Region, m: Milestone): Date {
  const last = parseLocal((m.end ?? m.start).slice(0, 10));
  return wallClockToInstant(addDays(last, 1), region.timeZone);
}

function dossierEntries(region: Region, row: DossierRow): CalendarEntry[] {
  const out: CalendarEntry[] = [];
  if (row.pitch instanceof Date) {
    const start = wallClockToInstant(row.pitch, region.timeZone);
    out.push({
      id: `pitch:${row.dossier}`,
      title: t('reminders.ics.pitch', { dossier: row.dossier, titel: row.titel ?? '' }),
      description: t('reminders.ics.pitch-description', { trekker: row.trekker ?? '' }),
      allDay: false,
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
      allDay: false,
      start: rebuttal,
      end: null,
      dossier: row.dossier,
    });
  }
  return out;
}
