import type { Mijlpaal } from './layouts.js';
import { t } from './messages.js';
import {
  DEFAULT_REBUTTAL_DAYS,
  MILESTONE_IDS,
  type MilestoneRole,
} from './region/milestone-ids.js';
import type { Milestone, Region } from './region/schema.js';
import {
  addDays,
  endOfDayIfDateOnly,
  formatDate,
  formatDateTime,
  parseLocal,
  wallClockToInstant,
} from './time.js';

// One rule for the times of the timeline, for every place that shows or uses them (the Tijdlijn
// sheets, the pane, the reminders, the calendar): a step given as a date is a whole day (shown as
// a date, an all-day event); a step with an end spans whole days; only a step given with a time
// (the deadline, 23:59) has one.

/** The region's matching timeline as Mijlpaal records (wall-clock dates). */
export function milestoneRecords(region: Region): Mijlpaal[] {
  return region.timeline.map((m) => ({
    id: m.id,
    label: m.label,
    start: parseLocal(m.start),
    einde: m.end === null ? null : parseLocal(m.end),
    voorlopig: m.provisional ? 'Ja' : 'Nee',
    omschrijving: m.description || null,
  }));
}

/** Whether a wall-clock reading of the region file is a date alone (a whole day). */
export const isDateOnly = (local: string): boolean => !local.includes('T');

/** Whether a milestone is a time (the deadline) rather than a day or a span of days. */
export const isTimed = (m: Milestone): boolean => !isDateOnly(m.start) && m.end === null;

/** "09/06/2023 23:59" for a time, "30/06/2023" for a day, "12/06/2023 tot 23/06/2023" for a span. */
export function milestoneText(m: Milestone): string {
  return m.end === null
    ? localText(m.start)
    : t('timeline-item.range', { from: localText(m.start), to: localText(m.end) });
}

/** A reading of the region file as shown: with its time only when it has one. */
export function localText(local: string): string {
  return isDateOnly(local) ? formatDate(parseLocal(local)) : formatDateTime(parseLocal(local));
}

/** The instant a milestone is over: its end, or its start; a date alone lasts until 23:59. */
export function milestoneDeadline(region: Region, m: Milestone): Date {
  const local = endOfDayIfDateOnly(m.end ?? m.start);
  return wallClockToInstant(parseLocal(local), region.timeZone);
}

/** The deadline of a step that ends N days after another one (the 14-day rebuttal rule). */
export function deadlineAfter(decisionWallClock: Date, days: number, zone: string): Date {
  const end = addDays(decisionWallClock, days);
  end.setUTCHours(23, 59, 0, 0);
  return wallClockToInstant(end, zone);
}

/** The call's deadline for candidacies (null when the region sets none): feedback turns on it. */
export function submissionDeadline(region: Region): Date | null {
  const step = findMilestone(region, 'deadline');
  return step ? milestoneDeadline(region, step) : null;
}

export function findMilestone(region: Region, id: string): Milestone | undefined {
  return region.timeline.find((m) => m.id === id);
}

/** The milestone with a role the code relies on; the region schema guarantees it is there. */
export function milestoneOf(region: Region, role: MilestoneRole): Milestone {
  const m = findMilestone(region, MILESTONE_IDS[role]);
  if (m === undefined) throw new Error(`region ${region.id} has no milestone ${role}`);
  return m;
}

/** Days for a rebuttal: the region's rebuttal step (after: decision + N days), 14 by default. */
export function rebuttalDays(region: Region): number {
  return milestoneOf(region, 'rebuttal').after?.days ?? DEFAULT_REBUTTAL_DAYS;
}
