import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { daysBefore, milestoneMoment, shown } from './moments.js';
import { severityOf, type Reminder } from './model.js';

// Rule 1: N days before each milestone (region.reminders.daysBefore, default 14, 7 and 1), a
// reminder to the coordinator. Of the reminders already due, only the nearest one shows: at 5
// days before a milestone, the 7-day reminder, not the 14-day one.

export function milestoneReminders(region: Region, at: Date): Reminder[] {
  const out: Reminder[] = [];
  const days = [...new Set(region.reminders.daysBefore)].sort((a, b) => a - b);
  for (const m of region.timeline) {
    const due = milestoneMoment(region, m);
    if (at >= due) continue;
    const n = days.find((d) => at >= daysBefore(due, d, region.timeZone));
    if (n === undefined) continue;
    out.push({
      id: `mijlpaal:${m.id}:${n}d`,
      kind: 'milestone',
      dueAt: due,
      title: t('reminders.title.milestone', {
        label: m.label,
        when: shown(due, region.timeZone),
        days: n,
      }),
      who: t('reminders.who.coordinator'),
      dossier: null,
      severity: severityOf(due, at),
    });
  }
  return out;
}

/** When each "N days before" reminder of a milestone starts (for calendars and tests). */
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
