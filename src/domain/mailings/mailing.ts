import { textFingerprint } from '../hash.js';
import { t } from '../messages.js';
import type { Region } from '../region/schema.js';

// A mail the coordinator's tools send to a partner or municipality (feedback, notify): built
// pure from what the drive holds, sent by the adapter, remembered in the drive's state by key so
// that the same content never goes twice.

export interface Mailing {
  /** Its key in the drive state's `mailed`: one per source, or per dossier and step. */
  key: string;
  /** Recipient; null when the workbook names none (reported, the others go on). */
  to: string | null;
  subject: string;
  text: string;
  /** What it concerns, for the command's report: a drive path or a dossier code. */
  about: string;
  /** A municipality's workbook: its address comes from the region or _meta, not from a cell. */
  toMunicipality?: boolean;
  /**
   * What identifies its content, when not the text itself: a moved pitch's mail says what it
   * was moved from, yet the same slot again is the same mail.
   */
  basis?: string;
  /** What to remember of it for the next mail under its key (the pitch's slot). */
  detail?: string;
}

/** What was mailed under a key: its content's fingerprint, what to recall, how often it went. */
export interface MailedEntry {
  fingerprint: string;
  detail?: string | undefined;
  times?: number | undefined;
}

export type Mailed = Readonly<Record<string, MailedEntry>>;

/** The fingerprint a mailing is remembered by. */
export const mailingFingerprint = (m: Mailing): string => textFingerprint(m.basis ?? m.text);

/** The text the mail ends with: the region's coordinator signs. */
export function signature(region: Region): string {
  const { contact, organisation, email } = region.coordinator;
  return t('mail.signature', { contact, organisation, email });
}

/** The mailings whose content was not mailed yet under their key (changed content goes again). */
export function unsent<M extends Mailing>(mailings: readonly M[], mailed: Mailed): M[] {
  return mailings.filter((m) => mailed[m.key]?.fingerprint !== mailingFingerprint(m));
}
