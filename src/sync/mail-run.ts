import { mailingFingerprint, type Mailing } from '../domain/mailings/mailing.js';
import { settleSources } from '../domain/overview/merge.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import type { Drive } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import { MailError, RecipientRefusedError, type Letter, type Mailer } from '../reminders/mail.js';
import type { ReadLimits } from '../workbook/xlsx/read-limits.js';
import { ContentCache } from './cache.js';
import { loadDriveState, saveDriveState, type DriveState } from './drive-state.js';
import { acquireLease, leaseOptions, type LEASE_DEFAULTS } from './lease.js';
import { listSources } from './list-sources.js';
import { pull } from './pull.js';
import { readTracker, type TrackerRead } from './tracker.js';

// The mail commands' run (feedback --mail, notify): the drive read as the sync reads it, the
// mails built from it, sent one by one. Each mail sent is remembered at once in the drive's
// state (under the sync's lease), so a connection lost halfway loses nothing and sends nothing
// twice: the next run sends the rest. A recipient the server refuses, or a workbook without an
// address, is reported and the others go on.

/** A mail ready to send: its attachments rendered (the pitch's invitation). */
export type Outgoing = Mailing & Pick<Letter, 'attachments'>;

export interface MailRunOptions {
  drive: Drive;
  region: Region;
  stateDir: string;
  retry: RetryPolicy;
  limits: ReadLimits;
  now: Date;
  dryRun: boolean;
  /** Opens the SMTP connection settings; only called when something is to be sent. */
  mailer: () => Promise<Mailer>;
  /** The lease's timing; tests shorten it. */
  lease?: Partial<typeof LEASE_DEFAULTS>;
  build: (input: MailInput) => Outgoing[];
}

export interface MailInput {
  sources: readonly SourceInput[];
  tracker: TrackerRead | null;
  mailed: DriveState['mailed'];
}

export interface MailReport {
  sent: Outgoing[];
  /** In a dry run: what would be sent. */
  wouldSend: Outgoing[];
  /** Without an address: not sent. */
  missing: Outgoing[];
  refused: { mailing: Outgoing; message: string }[];
  /** Why sending stopped halfway (the server went away), and how many were left; or null. */
  stopped: { message: string; left: number } | null;
}

export async function runMailings(o: MailRunOptions): Promise<MailReport> {
  const listed = await listSources(o.drive, o.region, o.retry);
  const lease = o.dryRun ? null : await acquireLease(leaseOptions(o));
  try {
    const loaded = await loadDriveState(o.drive, o.retry);
    const cache = new ContentCache(o.stateDir, !o.dryRun);
    const pulled = await pull({ ...o, cache, onStart: () => {}, onFile: () => {} }, listed);
    settleSources(o.region, pulled.sources);
    const tracker = await readTracker(o.drive, o.region, cache, o.retry, o.limits);
    const outgoing = o.build({ sources: pulled.sources, tracker, mailed: loaded.state.mailed });
    return await send(o, outgoing, async (m) => {
      const before = loaded.state.mailed[m.key];
      loaded.state.mailed[m.key] = {
        fingerprint: mailingFingerprint(m),
        at: o.now.toISOString(),
        ...(m.detail === undefined ? {} : { detail: m.detail }),
        times: (before?.times ?? (before === undefined ? 0 : 1)) + 1,
      };
      await lease?.assertHeld();
      await saveDriveState(o.drive, o.retry, loaded);
    });
  } finally {
    await lease?.release();
  }
}

async function send(
  o: MailRunOptions,
  outgoing: readonly Outgoing[],
  remember: (m: Outgoing) => Promise<void>,
): Promise<MailReport> {
  const report: MailReport = { sent: [], wouldSend: [], missing: [], refused: [], stopped: null };
  const addressed = outgoing.filter((m) => m.to !== null);
  report.missing = outgoing.filter((m) => m.to === null);
  if (o.dryRun) return { ...report, wouldSend: addressed };
  if (addressed.length === 0) return report;
  const mailer = await o.mailer();
  try {
    for (const [i, m] of addressed.entries()) {
      try {
        const { subject, text, attachments } = m;
        await mailer.send({ to: [m.to!], subject, text, ...(attachments ? { attachments } : {}) });
      } catch (err) {
        if (err instanceof RecipientRefusedError) {
          report.refused.push({ mailing: m, message: err.message });
          continue;
        }
        if (!(err instanceof MailError)) throw err;
        report.stopped = { message: err.message, left: addressed.length - i };
        break;
      }
      await remember(m);
      report.sent.push(m);
    }
  } finally {
    mailer.close();
  }
  return report;
}
