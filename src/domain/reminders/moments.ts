import type { Milestone, Region } from '../region/schema.js';
import {
  addDays,
  formatDateTime,
  instantToWallClock,
  parseLocal,
  wallClockToInstant,
} from '../time.js';
import { findMilestone, milestoneDeadline } from '../timeline.js';

// The moments reminders are about, as instants, and how they are shown (Brussels wall clock).

/**
 * The instant a milestone is due: a window (with an end) begins at its start (00:00 for a date
 * alone); a single date is a deadline and lasts until 23:59.
 */
export function milestoneMoment(region: Region, m: Milestone): Date {
  if (m.end === null) return milestoneDeadline(region, m);
  return wallClockToInstant(parseLocal(m.start), region.timeZone);
}

/** The deadline of the milestone with this id, or null when the region has no such step. */
export function deadlineOf(region: Region, id: string): Date | null {
  const m = findMilestone(region, id);
  return m ? milestoneDeadline(region, m) : null;
}

/** The same wall-clock time N calendar days earlier (across DST: 10:00 stays 10:00). */
export function daysBefore(instant: Date, days: number, zone: string): Date {
  return wallClockToInstant(addDays(instantToWallClock(instant, zone), -days), zone);
}

/** dd/mm/jjjj uu:mm, Brussels (the region's) wall clock. */
export function shown(instant: Date, zone: string): string {
  return formatDateTime(instantToWallClock(instant, zone));
}

/** The window in which a deadline is reminded of: from the earliest "N days before" on. */
export function reminderWindowStart(region: Region, due: Date): Date {
  const most = Math.max(0, ...region.reminders.daysBefore);
  return daysBefore(due, most, region.timeZone);
}
