import path from 'node:path';
import { t } from '../domain/messages.js';
import { DEFAULT_RETRY } from '../drive/retry.js';
import { takeIn } from '../sync/intake.js';
import { mailFiles, MAX_MAIL_BYTES, MailError, readMail, type Mail } from '../sync/intake-mail.js';
import { DEFAULT_READ_LIMITS } from '../workbook/xlsx/read-limits.js';
import { openCommandDrive } from './command-drive.js';
import { loadRegion } from './region-file.js';
import { usageErrorOf, waitNotice } from './sync-command.js';
import { EXIT, UsageError } from './usage-error.js';

export interface IntakeCommandOptions {
  region?: string;
  drive?: string;
  dryRun?: boolean;
  /** Seconds to wait for a sync of the same drive. */
  wacht?: number;
}

/**
 * `partnerschap intake FILE.eml|FOLDER`: the workbooks of saved e-mails onto the drive, their
 * received moments and subjects recorded for the tracker. Exit 0 when every mail was taken in,
 * 1 when one brought nothing or a workbook that needs work, 2 when the command could not run.
 */
export async function runIntake(given: string, o: IntakeCommandOptions): Promise<number> {
  const region = await loadRegion(o.region);
  const files = await mailFiles(given).catch(() => {
    throw new UsageError(t('intake.not-found', { path: given }));
  });
  if (files.length === 0) throw new UsageError(t('intake.no-mails', { path: given }));
  const { drive } = await openCommandDrive(o);
  const unread: string[] = [];
  const mails: Mail[] = [];
  for (const file of files) {
    const mail = await readMail(file).catch((err: unknown) => {
      if (!(err instanceof MailError)) throw err;
      unread.push(unreadLine(file, err));
      return null;
    });
    if (mail !== null) mails.push(mail);
  }
  const result = await takeIn(
    {
      drive,
      region,
      retry: DEFAULT_RETRY,
      limits: DEFAULT_READ_LIMITS,
      dryRun: o.dryRun === true,
      lease: {
        ...(o.wacht === undefined ? {} : { waitMs: o.wacht * 1000 }),
        onWait: waitNotice('intake.lease-wait', region, drive.label),
      },
    },
    mails,
  ).catch((err: unknown) => {
    throw usageErrorOf(err, region, drive.label) ?? err;
  });
  process.stdout.write([...unread, ...result.lines].map((l) => `${l}\n`).join(''));
  return unread.length + result.problems > 0 ? EXIT.dataProblems : EXIT.ok;
}

function unreadLine(file: string, err: MailError): string {
  const name = path.basename(file);
  return err.tooLarge
    ? t('intake.mail-too-large', { file: name, limit: MAX_MAIL_BYTES / 1024 / 1024 })
    : t('intake.unreadable-mail', { file: name, reason: err.message });
}
