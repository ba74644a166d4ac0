import type { Mijlpaal } from './layouts.js';
import type { Milestone, Region } from './region/schema.js';
import { addDays, endOfDayIfDateOnly, parseLocal, wallClockToInstant } from './time.js';

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

export function findMilestone(region: Region, id: string): Milestone | undefined {
  return region.timeline.find((m) => m.id === id);
}
