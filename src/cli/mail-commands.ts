import { contactOf } from '../domain/mailings/contact.js';
import { feedbackMailings } from '../domain/mailings/feedback-mailings.js';
import { notifyMailings } from '../domain/mailings/notify-mailings.js';
import { t } from '../domain/messages.js';
import type { Region } from '../domain/region/schema.js';
import { DEFAULT_RETRY } from '../drive/retry.js';
import { calendarIcs } from '../reminders/ics.js';
import { loadSmtpConfig, MailError, openMailer } from '../reminders/mail.js';
import { runMailings, type MailInput, type MailReport, type Outgoing } from '../sync/mail-run.js';
import { DEFAULT_READ_LIMITS } from '../workbook/xlsx/read-limits.js';
import { openCommandDrive, type DriveCommandOptions } from './command-drive.js';
import { loadRegion } from './region-file.js';
import { usageErrorOf } from './sync-command.js';
import { EXIT, UsageError } from './usage-error.js';

// `partnerschap feedback --mail` (each source its feedback letter) and `partnerschap notify`
// (lead partners the steps the coordinator marked in the tracker): one run (sync/mail-run.ts),
// two ways to build the mails. Exit 0 when every mail went, 1 when an address was missing or
// refused, 2 when the mail server could not be reached (what went is remembered).

export interface MailCommandOptions extends DriveCommandOptions {
  mail?: boolean;
  dryRun?: boolean;
}

type Build = (region: Region, now: Date) => (input: MailInput) => Outgoing[];

export const feedbackBuild: Build = (region, now) => (input) =>
  feedbackMailings(region, input.sources, input.mailed, now);

export const notifyBuild: Build = (region, now) => (input) => {
  const contacts = new Map(input.sources.map((s) => [s.path, contactOf(region, s)]));
  const rows = input.tracker?.rows.map((r) => r.record) ?? [];
  return notifyMailings(region, rows, contacts, input.mailed).map(({ invite, ...m }) =>
    invite === null
      ? m
      : {
          ...m,
          attachments: [
            {
              filename: 'uitnodiging.ics',
              content: calendarIcs(region, [invite.entry], {
                stamp: now,
                invitation: { attendee: m.to ?? '', sequence: invite.sequence },
              }),
              contentType: 'text/calendar; charset=utf-8; method=REQUEST',
            },
          ],
        },
  );
};

export async function runFeedbackMail(o: MailCommandOptions, now = new Date()): Promise<number> {
  if (o.mail !== true && o.dryRun !== true) throw new UsageError(t('mail.cli.need-mail'));
  return runMailCommand(o, now, feedbackBuild);
}

export async function runNotify(o: MailCommandOptions, now = new Date()): Promise<number> {
  return runMailCommand(o, now, notifyBuild);
}

async function runMailCommand(o: MailCommandOptions, now: Date, build: Build): Promise<number> {
  const region = await loadRegion(o.region);
  const { drive, stateDir } = await openCommandDrive(o);
  let report: MailReport;
  try {
    report = await runMailings({
      drive,
      region,
      stateDir,
      retry: DEFAULT_RETRY,
      limits: DEFAULT_READ_LIMITS,
      now,
      dryRun: o.dryRun === true,
      mailer: async () => openMailer(await loadSmtpConfig()),
      build: build(region, now),
    });
  } catch (err) {
    if (err instanceof MailError) {
      process.stderr.write(`${t('cli.error', { message: err.message })}\n`);
      return EXIT.unreadable;
    }
    throw usageErrorOf(err, region, drive.label) ?? err;
  }
  process.stdout.write(`${reportLines(report, o.dryRun === true).join('\n')}\n`);
  if (report.stopped !== null) return EXIT.unreadable;
  return report.missing.length + report.refused.length > 0 ? EXIT.dataProblems : EXIT.ok;
}

function reportLines(r: MailReport, dryRun: boolean): string[] {
  const lines = [
    ...r.sent.map((m) => t('mail.cli.sent', { to: m.to ?? '', about: m.about })),
    ...r.wouldSend.map((m) =>
      t('mail.cli.would-send', { to: m.to ?? '', about: m.about, subject: m.subject }),
    ),
    ...r.missing.map((m) =>
      t(m.toMunicipality === true ? 'mail.cli.no-address-municipality' : 'mail.cli.no-address', {
        about: m.about,
      }),
    ),
    ...r.refused.map(({ mailing, message }) =>
      t('mail.cli.refused-recipient', { about: mailing.about, to: mailing.to ?? '', message }),
    ),
  ];
  if (r.stopped) lines.push(t('mail.cli.stopped', { ...r.stopped, count: r.stopped.left }));
  if (dryRun) return [...lines, t('mail.cli.dry-run', { count: r.wouldSend.length })];
  const total = r.sent.length + r.missing.length + r.refused.length + (r.stopped?.left ?? 0);
  if (total === 0) return [t('mail.cli.nothing')];
  return [
    ...lines,
    t('mail.cli.summary', {
      sent: r.sent.length,
      missing: r.missing.length,
      refused: r.refused.length,
    }),
  ];
}
