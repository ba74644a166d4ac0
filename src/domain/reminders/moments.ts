import { t } from '../messages.js';
import type { MilestoneRole } from '../region/milestone-ids.js';
import type { Milestone, Region } from '../region/schema.js';
import {
  addDays,
  formatDate,
  formatDateTime,
  instantToWallClock,
  parseLocal,
  wallClockToInstant,
} from '../time.js';
import { isDateOnly, milestoneDeadline, milestoneOf } from '../timeline.js';

// The moments reminders are about, as instants, and how they are shown (Brussels wall clock):
// with their time only when they have one (docs: the one rule for times, src/domain/timeline.ts).

/** Something due: the instant, and whether it is a whole day (shown as a date). */
export interface Due {
  at: Date;
  dayOnly: boolean;
}

/** The instant a milestone begins: its time, or 00:00 of its (first) day. */
export function milestoneMoment(region: Region, m: Milestone): Date {
  return wallClockToInstant(parseLocal(m.start), region.timeZone);
}

/** When the milestone with this role is over: its time, or 23:59 of its (last) day. */
export function deadlineOf(region: Region, role: MilestoneRole): Due {
  const m = milestoneOf(region, role);
  return { at: milestoneDeadline(region, m), dayOnly: isDateOnly(m.end ?? m.start) };
}

/** When the milestone with this role begins. */
export function startOf(region: Region, role: MilestoneRole): Due {
  const m = milestoneOf(region, role);
  return { at: milestoneMoment(region, m), dayOnly: isDateOnly(m.start) };
}

/** The same wall-clock time N calendar days earlier (across DST: 10:00 stays 10:00). */
export function daysBefore(instant: Date, days: number, zone: string): Date {
  return wallClockToInstant(addDays(instantToWallClock(instant, zone), -days), zone);
}

/** 00:00 of the instant's day (the region's wall clock). */
export function startOfDay(instant: Date, zone: string): Date {
  const wall = instantToWallClock(instant, zone);
  wall.setUTCHours(0, 0, 0, 0);
  return wallClockToInstant(wall, zone);
}

/** Calendar days from the instant's day to the due day (the region's wall clock): 0 today, 1 tomorrow. */
export function calendarDaysTo(due: Date, from: Date, zone: string): number {
  const day = (i: Date) => startOfDay(i, zone);
  return Math.round(
    (instantToWallClock(day(due), zone).getTime() - instantToWallClock(day(from), zone).getTime()) /
      86_400_000,
  );
}

/** "vandaag", "morgen" or "over 5 dagen": counted in calendar days, as the dates are shown. */
export function leftText(due: Date, at: Date, zone: string): string {
  return leftWords(calendarDaysTo(due, at, zone));
}

/** "vandaag", "morgen" or "over 5 dagen" for a count of calendar days. */
export function leftWords(days: number): string {
  return days === 0
    ? t('reminders.left.today')
    : days === 1
      ? t('reminders.left.tomorrow')
      : t('reminders.left.days', { days });
}

/** N days before something due: a day's reminders start at 00:00, a time's at that time. */
export function remindFrom(due: Due, days: number, zone: string): Date {
  return daysBefore(due.dayOnly ? startOfDay(due.at, zone) : due.at, days, zone);
}

/** dd/mm/jjjj uu:mm, Brussels (the region's) wall clock. */
export function shown(instant: Date, zone: string): string {
  return formatDateTime(instantToWallClock(instant, zone));
}

/** dd/mm/jjjj for a day, dd/mm/jjjj uu:mm for a time. */
export function dueShown(due: Due, zone: string): string {
  const wall = instantToWallClock(due.at, zone);
  return due.dayOnly ? formatDate(wall) : formatDateTime(wall);
}

/** The window in which a deadline is reminded of: from the earliest "N days before" on. */
export function reminderWindowStart(region: Region, due: Due): Date {
  const most = Math.max(0, ...region.reminders.daysBefore);
  return remindFrom(due, most, region.timeZone);
}
