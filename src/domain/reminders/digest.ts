import { t } from '../messages.js';
import { oneLine } from '../one-line.js';
import type { Region } from '../region/schema.js';
import { dueShown, shown } from './moments.js';
import type { Reminder, ReminderSeverity } from './model.js';

// The Dutch digest of reminders, grouped: overdue, due within 7 days, later. Used by the CLI
// and as the body of the reminder mail.

const GROUPS: { severity: ReminderSeverity; key: Parameters<typeof t>[0] }[] = [
  { severity: 'overdue', key: 'reminders.group.overdue' },
  { severity: 'soon', key: 'reminders.group.soon' },
  { severity: 'upcoming', key: 'reminders.group.upcoming' },
];

export function digestLines(region: Region, reminders: readonly Reminder[], at: Date): string[] {
  const lines = [
    t('reminders.digest.title', { region: oneLine(region.name), at: shown(at, region.timeZone) }),
  ];
  if (reminders.length === 0) return [...lines, '', t('reminders.digest.none')];
  for (const g of GROUPS) {
    const items = reminders.filter((r) => r.severity === g.severity);
    if (items.length === 0) continue;
    lines.push('', `${t(g.key)} (${items.length})`);
    for (const r of items) lines.push(`- ${line(region, r)}`);
  }
  return lines;
}

/** When a reminder is due, as shown everywhere: a date for a day, with its time for a time. */
export function whenOf(region: Region, r: Pick<Reminder, 'dueAt' | 'dayOnly'>): string {
  return dueShown({ at: r.dueAt, dayOnly: r.dayOnly }, region.timeZone);
}

/** One line per reminder, whatever its title, dossier or partner name holds (one-line.ts). */
export function line(region: Region, r: Reminder): string {
  return t('reminders.digest.line', {
    when: whenOf(region, r),
    who: oneLine(r.who),
    dossier: oneLine(r.dossier ?? '—'),
    title: oneLine(r.title),
  });
}

export function digestSubject(region: Region, reminders: readonly Reminder[], at: Date): string {
  const overdue = reminders.filter((r) => r.severity === 'overdue').length;
  const soon = reminders.filter((r) => r.severity === 'soon').length;
  return t('reminders.mail.subject', {
    region: oneLine(region.name),
    date: shown(at, region.timeZone).slice(0, 10),
    overdue,
    soon,
  });
}
