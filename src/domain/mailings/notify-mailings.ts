import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { calendarEntries, type CalendarEntry } from '../reminders/calendar.js';
import type { TrackerRecord } from '../reminders/model.js';
import { formatDate, formatDateTime } from '../time.js';
import { weerwoordTot } from '../tracker/stage-rules.js';
import { textFingerprint } from '../hash.js';
import { signature, unsent, type Mailed, type MailedEntry, type Mailing } from './mailing.js';

// `partnerschap notify`: what concerns a lead partner, from the tracker, once the coordinator
// marked the step there: the admissibility decision, the pitch slot (with a calendar invitation)
// and the jury's decision with the rebuttal deadline. Each step once; a step whose content the
// coordinator changed (a moved pitch) goes again.

export interface NotifyMailing extends Mailing {
  /** The invitation to attach (the pitch), or null. */
  invite: Invite | null;
}

/** A calendar invitation: the event and its revision (0 first, one more each time it moved). */
export interface Invite {
  entry: CalendarEntry;
  sequence: number;
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
      const key = `notify:${row.dossier}:${step}`;
      const letter = (text: string) =>
        `${[t('mail.greeting', { trekker: row.trekker ?? '' }), '', text, '', signature(region)].join('\n')}\n`;
      const mail = {
        key,
        to,
        subject: t(`mail.notify.subject.${step}`, params),
        text: letter(body),
        about: row.dossier ?? '',
        invite: null,
      };
      return invite === null ? mail : pitchMailing(mail, invite, mailed[key], letter);
    });
  });
  return unsent(all, mailed);
}

/**
 * The pitch's mail: the first invitation, or, when one went before for another slot, the move
 * (what it was, a new revision of the same event). The plain invitation's text identifies it, so
 * the same slot never goes twice.
 */
function pitchMailing(
  mail: NotifyMailing,
  invite: { entry: CalendarEntry; when: Date; params: Record<string, string> },
  before: MailedEntry | undefined,
  letter: (body: string) => string,
): NotifyMailing {
  const when = invite.when.toISOString();
  // Older states remember no slot: then any change of the mail counts as a move.
  const moved =
    before !== undefined &&
    (before.detail === undefined
      ? before.fingerprint !== textFingerprint(mail.text)
      : before.detail !== when);
  const was =
    before?.detail === undefined
      ? t('mail.notify.pitch-was-unknown')
      : formatDateTime(new Date(before.detail));
  const sequence = before === undefined ? 0 : (before.times ?? 1);
  return {
    ...mail,
    ...(moved
      ? {
          subject: t('mail.notify.subject.pitch-moved', invite.params),
          text: letter(t('mail.notify.pitch-moved', { ...invite.params, was })),
        }
      : {}),
    basis: mail.text,
    detail: when,
    invite: { entry: invite.entry, sequence },
  };
}

function steps(region: Region, row: TrackerRecord) {
  const out: {
    step: Step;
    body: string;
    invite: { entry: CalendarEntry; when: Date; params: Record<string, string> } | null;
  }[] = [];
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
    const entry = calendarEntries(region, { rows: [row], reviews: [] }).find(
      (e) => e.id === `pitch:${row.dossier}`,
    );
    out.push({
      step: 'pitch',
      body: t('mail.notify.pitch', { ...params, when }),
      invite: entry === undefined ? null : { entry, when: row.pitch, params: { ...params, when } },
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
