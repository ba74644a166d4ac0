import { t, type MessageKey } from '../messages.js';
import type { Milestone, Region } from '../region/schema.js';
import { endOfDayIfDateOnly, parseLocal, wallClockToInstant } from '../time.js';
import { isDateOnly, localText, milestoneDeadline, milestoneText } from '../timeline.js';
import { daysBefore, leftText, milestoneMoment, remindFrom, type Due } from './moments.js';
import { severityOf, type Reminder } from './model.js';

// Rule 1: N days before each milestone (region.reminders.daysBefore, default 14, 7 and 1), a
// reminder to the coordinator; a milestone with an end (the written assessment, 12–23/06) is
// reminded of once more before its end, from the moment it has begun. Of the reminders already
// due, only the nearest one shows: at 5 days before a milestone, the 7-day reminder, not the
// 14-day one. A day's reminders start at 00:00 that many days before, a time's at that time.
// The title says what is left in calendar days ("vandaag", "morgen", "over 5 dagen"); a day's
// milestone is reminded of on the day itself too ("vandaag"), until 23:59.

/** A moment of a milestone that is reminded of: its start, or the end of a span. */
interface Point {
  id: string;
  due: Due;
  /** Reminded of until this instant: a day's until 23:59 that day, a time's until that time. */
  over: Date;
  /** Reminders of this point are shown from this instant on, at the earliest. */
  after: Date | null;
  /** The title, with what is left as the calendar days to go. */
  title: (left: string) => string;
}

function pointsOf(region: Region, m: Milestone): Point[] {
  const startsAt = milestoneMoment(region, m);
  const start: Point = {
    id: `mijlpaal:${m.id}`,
    due: { at: startsAt, dayOnly: isDateOnly(m.start) },
    over: wallClockToInstant(parseLocal(endOfDayIfDateOnly(m.start)), region.timeZone),
    after: null,
    title: (left) => titleOf(m.end === null ? 'milestone' : 'milestone-range', m, left),
  };
  if (m.end === null) return [start];
  const end: Point = {
    id: `mijlpaal:${m.id}:einde`,
    due: { at: milestoneDeadline(region, m), dayOnly: isDateOnly(m.end) },
    over: milestoneDeadline(region, m),
    // The span's end takes over once its first day is over.
    after: start.over,
    title: (left) => titleOf('milestone-end', m, left),
  };
  return [start, end];
}

function titleOf(
  kind: 'milestone' | 'milestone-range' | 'milestone-end',
  m: Milestone,
  left: string,
) {
  const key: MessageKey = `reminders.title.${kind}`;
  const when = kind === 'milestone-end' ? localText(m.end ?? m.start) : milestoneText(m);
  return t(key, { label: m.label, when, left });
}

export function milestoneReminders(region: Region, at: Date): Reminder[] {
  const out: Reminder[] = [];
  const days = [...new Set(region.reminders.daysBefore)].sort((a, b) => a - b);
  for (const p of region.timeline.flatMap((m) => pointsOf(region, m))) {
    if (at >= p.over || (p.after !== null && at < p.after)) continue;
    const n = days.find((d) => at >= remindFrom(p.due, d, region.timeZone));
    if (n === undefined) continue;
    out.push({
      id: `${p.id}:${n}d`,
      kind: 'milestone',
      dueAt: p.due.at,
      dayOnly: p.due.dayOnly,
      title: p.title(leftText(p.due.at, at, region.timeZone)),
      who: t('reminders.who.coordinator'),
      dossier: null,
      severity: severityOf(p.over, at),
    });
  }
  return out;
}

/** When each "N days before" reminder of a milestone's start begins (for calendars and tests). */
export function milestoneReminderStarts(
  region: Region,
): { milestone: string; days: number; from: Date; due: Date }[] {
  return region.timeline.flatMap((m) => {
    const due = milestoneMoment(region, m);
    return region.reminders.daysBefore.map((d) => ({
      milestone: m.id,
      days: d,
      from: daysBefore(due, d, region.timeZone),
      due,
    }));
  });
}
