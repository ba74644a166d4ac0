import path from 'node:path';
import { intakeByName } from '../domain/file-intake.js';
import {
  candidacyFileName,
  fileNamePart,
  offerFileName,
  uniqueWorkbookPath,
} from '../domain/file-names.js';
import { isLate } from '../domain/intake.js';
import { issueMessage } from '../domain/issue.js';
import { aanbodLayout, kandidatuurLayout } from '../domain/layouts.js';
import { t } from '../domain/messages.js';
import { refusalMessage } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import { formatDateTime, instantToWallClock } from '../domain/time.js';
import { rowsOf, validateWorkbook, type ValidationResult } from '../domain/validate.js';
import { drivePath, type Drive } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { md5 } from '../fs/md5.js';
import { type ReadLimits } from '../workbook/xlsx/read-limits.js';
import { readWorkbookBytes } from '../workbook/xlsx/read-workbook.js';
import { loadDriveState, saveDriveState, type DriveState } from './drive-state.js';
import type { Mail } from './intake-mail.js';
import { acquireLease, leaseOptions, type LEASE_DEFAULTS, type Lease } from './lease.js';
import { listOrEmpty } from './list-folder.js';

// partnerschap intake: the workbooks attached to saved e-mails put on the drive under the
// region's names ("Kandidatuur <trekker> - <titel>.xlsx" in the candidacies' folder, "Aanbod
// <partner>.xlsx" in the offers'), and for each candidacy the mail's Date and subject recorded
// as a receipt in the drive's state, where the next sync puts them into the tracker. Everything
// is written under the sync's lease, as a sync writes. A mail that brings nothing is reported
// and the others go on.

export interface IntakeOptions {
  drive: Drive;
  region: Region;
  retry: RetryPolicy;
  limits: ReadLimits;
  dryRun: boolean;
  /** The lease's timing (tests shorten it) and what to do while it waits. */
  lease?: Partial<typeof LEASE_DEFAULTS>;
}

export interface IntakeResult {
  /** Dutch lines: per mail, then per attachment; last, the receipts. */
  lines: string[];
  /** Mails and attachments not taken in as they should be (each has its line). */
  problems: number;
  /** Receipts recorded (in a dry run: that would be), new bytes and bytes the drive had. */
  receipts: number;
}

/** Where an attachment goes: its folder and name, and why it is not under the region's name. */
interface Placed {
  folder: string;
  name: string;
  /** Saved under the attachment's own name: why (Dutch). */
  problem: string | null;
}

type Saved = 'saved' | 'replaced' | 'same' | 'changed';

export async function takeIn(o: IntakeOptions, mails: readonly Mail[]): Promise<IntakeResult> {
  const lease = o.dryRun ? null : await acquireLease(leaseOptions(o));
  try {
    return await takeInHeld(o, mails, lease);
  } finally {
    await lease?.release();
  }
}

async function takeInHeld(o: IntakeOptions, mails: readonly Mail[], lease: Lease | null) {
  const result: IntakeResult = { lines: [], problems: 0, receipts: 0 };
  const receipts: DriveState['receipts'] = {};
  for (const mail of byDate(mails)) {
    for (const receipt of await takeInMail(o, mail, result)) {
      // Of two mails bringing the same bytes, the first one's moment counts.
      if (receipt.same && receipts[receipt.path]) continue;
      const { received, same: fillOnly } = receipt;
      receipts[receipt.path] = { received, subject: mail.subject, fillOnly };
    }
  }
  result.receipts = Object.keys(receipts).length;
  if (lease !== null && result.receipts > 0) {
    const loaded = await loadDriveState(o.drive, o.retry);
    const waiting = loaded.state.receipts;
    for (const [p, r] of Object.entries(receipts)) {
      // A receipt of new bytes still waiting for a sync is not weakened by the same mail again.
      if (!(r.fillOnly && waiting[p] !== undefined)) waiting[p] = r;
    }
    await lease.assertHeld();
    await saveDriveState(o.drive, o.retry, loaded);
  }
  result.lines.push(...receiptLines(o.dryRun, Object.values(receipts)));
  return result;
}

/** The summary: new receipts, and those of workbooks the drive already had (a batch taken in again). */
function receiptLines(dryRun: boolean, receipts: readonly { fillOnly: boolean }[]): string[] {
  const same = receipts.filter((r) => r.fillOnly).length;
  const fresh = receipts.length - same;
  const key = dryRun ? 'intake.receipts-dry-run' : 'intake.receipts';
  return [
    ...(fresh > 0 || same === 0 ? [t(key, { count: fresh })] : []),
    ...(same > 0 ? [t('intake.receipts-same', { count: same })] : []),
  ];
}

/** Oldest first, so that a version sent again replaces the earlier one; undated ones last. */
function byDate(mails: readonly Mail[]): Mail[] {
  const at = (m: Mail) => m.date?.getTime() ?? Infinity;
  return [...mails].sort((a, b) => at(a) - at(b) || (a.file < b.file ? -1 : 1));
}

/** A candidacy saved from a mail: where, and whether the drive had these bytes already. */
interface Taken {
  path: string;
  same: boolean;
}

/** Lines for the coordinator; an attachment's are indented under its mail's. */
class Report {
  constructor(private readonly result: IntakeResult) {}

  say(line: string, indent = true): void {
    this.result.lines.push(indent ? `  ${line}` : line);
  }

  problem(line: string, indent = true): void {
    this.say(line, indent);
    this.result.problems++;
  }
}

/** One mail: its workbooks saved; the receipts of the candidacies among them. */
async function takeInMail(o: IntakeOptions, mail: Mail, result: IntakeResult) {
  const report = new Report(result);
  const file = path.basename(mail.file);
  if (mail.date === null) {
    report.problem(t('intake.no-date', { file }), false);
    return [];
  }
  const instant = mail.date.toISOString();
  const received = formatDateTime(instantToWallClock(mail.date, o.region.timeZone));
  const from = mail.from === '' ? '—' : mail.from;
  report.say(t('intake.mail', { file, from, received, subject: mail.subject }), false);
  if (mail.attachments.length === 0) report.problem(t('intake.no-attachment'));
  else if (!mail.attachments.some((a) => intakeByName(a.name).read)) {
    report.problem(t('intake.no-workbook'));
  }
  const taken: Taken[] = [];
  const late = isLate(o.region, mail.date);
  for (const a of mail.attachments) {
    const one = await takeInAttachment(o, a, report, late);
    if (one !== null) taken.push(one);
  }
  return taken.map((x) => ({ ...x, received: instant }));
}

/**
 * One attachment saved if it is a workbook; the candidacy it is, or null. A candidacy that came
 * after the deadline never replaces the version on the drive (the one received in time, which the
 * jury assesses): it is saved beside it and reported.
 */
async function takeInAttachment(
  o: IntakeOptions,
  a: Mail['attachments'][number],
  report: Report,
  late: boolean,
) {
  const byName = intakeByName(a.name);
  if (!byName.read) {
    // A spreadsheet in another format is a problem (what to do is said); a PDF beside it not.
    const refusal = 'refusal' in byName ? refusalMessage(byName.refusal) : null;
    const line = t('intake.not-saved', {
      name: a.name,
      reason: refusal ?? t('intake.not-workbook'),
    });
    if (refusal === null) report.say(line);
    else report.problem(line);
    return null;
  }
  const placed = await place(o, a.name, a.bytes);
  if (placed === 'other-kind') {
    report.problem(t('intake.not-saved', { name: a.name, reason: t('intake.other-kind') }));
    return null;
  }
  const wanted = drivePath(placed.folder, placed.name);
  const keep = late && placed.folder === o.region.drive.kandidaturen;
  const saved = await save(o, placed, a.bytes, keep);
  const target = drivePath(placed.folder, placed.name);
  const params = { name: a.name, path: target };
  if (target !== wanted && placed.problem === null && saved !== 'same') {
    report.problem(t('intake.late-kept', { name: a.name, path: wanted, aside: target }));
  }
  if (saved === 'changed') {
    report.problem(t('intake.changed', params));
    return null;
  }
  report.say(t(o.dryRun && saved !== 'same' ? `intake.would-${saved}` : `intake.${saved}`, params));
  if (placed.problem !== null) report.problem(t('intake.own-name', { reason: placed.problem }));
  return placed.folder === o.region.drive.kandidaturen
    ? { path: target, same: saved === 'same' }
    : null;
}

/** Where a workbook goes, read and validated as the sync reads it; 'other-kind': nowhere. */
async function place(
  o: IntakeOptions,
  name: string,
  bytes: Buffer,
): Promise<Placed | 'other-kind'> {
  const { drive } = o.region;
  const own = fileNamePart(name);
  const read = await readWorkbookBytes(bytes, name, o.limits);
  if (!read.ok) return { folder: drive.kandidaturen, name: own, problem: refusalMessage(read) };
  const result = validateWorkbook(read.workbook, o.region);
  const kind = result.meta?.kind;
  if (kind === 'kandidatuur') {
    const row = rowsOf(result, kandidatuurLayout).find((r) => r.record.titel && r.record.trekker);
    const { titel, trekker } = row?.record ?? {};
    return titel && trekker
      ? {
          folder: drive.kandidaturen,
          name: `${candidacyFileName(trekker, titel)}.xlsx`,
          problem: null,
        }
      : { folder: drive.kandidaturen, name: own, problem: t('intake.no-key') };
  }
  if (kind === 'aanbod') {
    const partner = rowsOf(result, aanbodLayout).find((r) => r.record.partner)?.record.partner;
    return partner
      ? { folder: drive.aanbod, name: `${offerFileName(partner)}.xlsx`, problem: null }
      : { folder: drive.aanbod, name: own, problem: t('intake.no-partner') };
  }
  if (kind === undefined) {
    return { folder: drive.kandidaturen, name: own, problem: firstError(result) };
  }
  return 'other-kind';
}

function firstError(result: ValidationResult): string {
  const first = result.issues.find((i) => i.severity === 'error') ?? result.issues[0];
  return first ? issueMessage(first) : t('intake.not-workbook');
}

/**
 * Saves a workbook: under the region's name it replaces the version there (the partner sent it
 * again); under its own attachment name it never replaces another file, it takes a free name.
 */
async function save(
  o: IntakeOptions,
  placed: Placed,
  bytes: Buffer,
  /** Never replace the file there (a late candidacy): take a free name beside it. */
  keep = false,
): Promise<Saved> {
  const files = (await listOrEmpty(o.drive, placed.folder, o.retry)).filter(
    (f) => f.kind === 'file',
  );
  const find = (name: string) => files.find((f) => f.name.toLowerCase() === name.toLowerCase());
  const hash = md5(bytes);
  // A late version taken in again is the one already saved beside the version in time.
  let existing = find(placed.name);
  if (keep && existing?.md5 !== hash) existing = files.find((f) => f.md5 === hash) ?? existing;
  if (existing?.md5 === hash) {
    placed.name = existing.name;
    return 'same';
  }
  if (existing && (placed.problem !== null || keep)) {
    const taken = new Set(files.map((f) => f.name.toLowerCase()));
    const base = placed.name.replace(/\.xlsx$/i, '');
    placed.name = uniqueWorkbookPath(keep ? `${base} ${t('intake.late-suffix')}` : base, taken);
    existing = undefined;
  }
  if (existing) placed.name = existing.name;
  if (o.dryRun) return existing ? 'replaced' : 'saved';
  const expected = existing?.version ?? null;
  const r = await withRetry(
    () => o.drive.upload(placed.folder, placed.name, bytes, expected),
    o.retry,
  );
  if (!r.ok) return 'changed';
  return existing ? 'replaced' : 'saved';
}
