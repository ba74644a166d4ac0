import path from 'node:path';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import {
  calendarEntries,
  digestLines,
  digestSubject,
  isCandidacySource,
  remindersAt,
  trackerAsOf,
  type TrackerRecords,
} from '../domain/reminders/index.js';
import { DEFAULT_RETRY, GaveUpError } from '../drive/retry.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { calendarIcs } from '../reminders/ics.js';
import { loadSmtpConfig, MailError, sendDigest } from '../reminders/mail.js';
import { ContentCache } from '../sync/cache.js';
import { DriveSetupError } from '../sync/list-sources.js';
import { readTracker } from '../sync/tracker.js';
import { openCommandDrive } from './command-drive.js';
import { pullSources } from './pull-sources.js';
import { parseAt } from './parse-at.js';
import { loadRegion } from './region-file.js';
import { EXIT, UsageError } from './usage-error.js';

// `partnerschap reminders`: pulls the candidacies as the sync does, reads the tracker, and
// prints the Dutch digest of what is due at --at (Brussels wall clock; now by default), with
// the tracker as it was then (src/domain/reminders/as-of.ts); --ics writes the calendar, --mail
// sends the digest. Exit 2 when the mail cannot be sent.

export interface RemindersCommandOptions {
  region?: string;
  drive?: string;
  state?: string;
  at?: string;
  ics?: string;
  mail?: boolean;
}

export async function runReminders(o: RemindersCommandOptions, now = new Date()): Promise<number> {
  const region = await loadRegion(o.region);
  const at = o.at === undefined ? now : parseAt(region, o.at);
  if (o.ics !== undefined && path.extname(o.ics).toLowerCase() !== '.ics') {
    throw new UsageError(t('reminders.cli.ics-extension', { file: o.ics }));
  }
  const { drive, stateDir } = await openCommandDrive(o);
  let candidacies: SourceInput[];
  let tracker: TrackerRecords | null;
  try {
    const pulled = await pullSources({ drive, stateDir }, region);
    candidacies = pulled.sources.filter((s) => isCandidacySource(region, s));
    const read = await readTracker(drive, region, new ContentCache(stateDir), DEFAULT_RETRY);
    tracker =
      read === null
        ? null
        : { rows: read.rows.map((r) => r.record), reviews: read.reviews.map((r) => r.record) };
  } catch (err) {
    if (err instanceof GaveUpError) {
      throw new UsageError(t('sync.gave-up', { attempts: err.attempts, reason: err.message }));
    }
    if (err instanceof DriveSetupError) throw new UsageError(err.message);
    throw err;
  }
  const reminders = remindersAt(region, { tracker, candidacies }, at);
  const lines = digestLines(region, reminders, at);
  if (tracker === null) lines.push('', t('reminders.digest.no-tracker'));
  process.stdout.write(`${lines.join('\n')}\n`);

  if (o.ics !== undefined) {
    // The candidacies' own events as the tracker knew them at --at (a rebuttal window once the
    // decision was communicated); the region's milestones always.
    const known = tracker === null ? null : trackerAsOf(region, tracker, at);
    const entries = calendarEntries(region, known);
    await writeFileAtomic(o.ics, Buffer.from(calendarIcs(region, entries, { stamp: now }), 'utf8'));
    process.stdout.write(`${t('reminders.ics.written', { file: o.ics, count: entries.length })}\n`);
  }
  if (o.mail) {
    try {
      const config = await loadSmtpConfig();
      const to = await sendDigest(config, {
        subject: digestSubject(region, reminders, at),
        text: `${lines.join('\n')}\n`,
        defaultTo: region.coordinator.email,
      });
      process.stdout.write(`${t('reminders.mail.sent', { to: to.join(', ') })}\n`);
    } catch (err) {
      if (err instanceof MailError) {
        process.stderr.write(`${t('cli.error', { message: err.message })}\n`);
        return EXIT.unreadable;
      }
      throw err;
    }
  }
  return EXIT.ok;
}
