import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { calendarEntries, type CalendarEntry } from '../reminders/calendar.js';
import type { TrackerRecord } from '../reminders/model.js';
import { formatDate, formatDateTime } from '../time.js';
import { weerwoordTot } from '../tracker/stage-rules.js';
import { signature, unsent, type Mailed, type Mailing } from './mailing.js';

// `partnerschap notify`: what concerns a lead partner, from the tracker, once the coordinator
// marked the step there: the admissibility decision, the pitch slot (with a calendar invitation)
// and the jury's decision with the rebuttal deadline. Each step once; a step whose content the
// coordinator changed (a moved pitch) goes again.

export interface NotifyMailing extends Mailing {
  /** The calendar entry to attach as an invitation (the pitch), or null. */
  invite: CalendarEntry | null;
}

type Step = 'ontvankelijkheid' | 'pitch' | 'beslissing';

/** `contacts`: each candidacy file's contact address by its drive path (null: none in it). */
export function notifyMailings(
  region: Region,
  rows: readonly TrackerRecord[],
  contacts: ReadonlyMap<string, string | null>,
  mailed: Mailed,
): NotifyMailing[] {
  const all = rows.flatMap((row) => {
    if (row.dossier === null) return [];
    const to = row.bron === null ? null : (contacts.get(row.bron) ?? null);
    return steps(region, row).map(({ step, body, invite }): NotifyMailing => {
      const params = { dossier: row.dossier ?? '', titel: row.titel ?? '' };
      const greeting = t('mail.greeting', { trekker: row.trekker ?? '' });
      return {
        key: `notify:${row.dossier}:${step}`,
        to,
        subject: t(`mail.notify.subject.${step}`, params),
        text: `${[greeting, '', body, '', signature(region)].join('\n')}\n`,
        about: row.dossier ?? '',
        invite,
      };
    });
  });
  return unsent(all, mailed);
}

function steps(region: Region, row: TrackerRecord) {
  const out: { step: Step; body: string; invite: CalendarEntry | null }[] = [];
  const params = { dossier: row.dossier ?? '', titel: row.titel ?? '' };
  // Decided once the stage moved on from Ontvangen; the date alone may be typed ahead.
  if (row.ontvankelijkOp instanceof Date && row.stadium !== null && row.stadium !== 'Ontvangen') {
    const admissible = row.stadium !== 'Niet ontvankelijk';
    const date = formatDate(row.ontvankelijkOp);
    const key = admissible ? 'mail.notify.admissible' : 'mail.notify.not-admissible';
    out.push({ step: 'ontvankelijkheid', body: t(key, { ...params, date }), invite: null });
  }
  if (row.pitch instanceof Date) {
    const when = formatDateTime(row.pitch);
    const invite = calendarEntries(region, { rows: [row], reviews: [] }).find(
      (e) => e.id === `pitch:${row.dossier}`,
    );
    out.push({
      step: 'pitch',
      body: t('mail.notify.pitch', { ...params, when }),
      invite: invite ?? null,
    });
  }
  if (row.gecommuniceerdOp instanceof Date && row.beslissing !== null) {
    const until = formatDateTime(weerwoordTot(region, row.gecommuniceerdOp));
    const body = t('mail.notify.decision', {
      ...params,
      decision: row.beslissing,
      date: formatDate(row.gecommuniceerdOp),
      until,
    });
    out.push({ step: 'beslissing', body, invite: null });
  }
  return out;
}
