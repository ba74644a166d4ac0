import { t, type MessageKey } from '../messages.js';
import type { Region } from '../region/schema.js';
import { dueShown, type Due } from './moments.js';
import { severityOf, type DossierRow, type Reminder, type ReminderKind } from './model.js';

/** What differs between the rules that remind of one candidacy's deadline. */
export interface DossierRule {
  kind: ReminderKind;
  /** The id's prefix: the id is `<prefix>:<dossier>`, stable across runs. */
  id: string;
  title: MessageKey;
  who: 'reminders.who.coordinator' | 'reminders.who.jury' | 'reminders.who.lead';
}

/** A reminder about one candidacy's deadline, titled with its dossier, title and due moment. */
export function dossierReminder(
  rule: DossierRule,
  region: Region,
  row: DossierRow,
  due: Due,
  at: Date,
): Reminder {
  return {
    id: `${rule.id}:${row.dossier}`,
    kind: rule.kind,
    dueAt: due.at,
    dayOnly: due.dayOnly,
    title: t(rule.title, {
      dossier: row.dossier,
      titel: row.titel ?? '',
      when: dueShown(due, region.timeZone),
    }),
    who: t(rule.who, { partner: row.trekker ?? '' }),
    dossier: row.dossier,
    severity: severityOf(due.at, at),
  };
}
