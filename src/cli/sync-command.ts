import path from 'node:path';
import { t } from '../domain/messages.js';
import { fileStamp, formatDateTime, instantToWallClock } from '../domain/time.js';
import type { Region } from '../domain/region/schema.js';
import { DEFAULT_RETRY, GaveUpError } from '../drive/retry.js';
import { DriveSetupError } from '../sync/list-sources.js';
import { progressFor } from '../sync/progress.js';
import {
  LeaseHeldError,
  LeaseLostError,
  StateConflictError,
  type LeaseInfo,
} from '../sync/run-errors.js';
import type { Listed } from '../sync/list-sources.js';
import { runSync, settledSummary, type SyncOptions, type SyncSummary } from '../sync/run-sync.js';
import { DEFAULT_READ_LIMITS } from '../workbook/xlsx/read-limits.js';
import { openCommandDrive } from './command-drive.js';
import { parseWeeks } from './parse-weeks.js';
import { loadRegion } from './region-file.js';
import { parseAt } from './parse-at.js';
import { summaryText } from './sync-summary.js';
import { EXIT, UsageError } from './usage-error.js';

export interface SyncCommandOptions {
  region?: string;
  drive?: string;
  state?: string;
  dryRun?: boolean;
  json?: boolean;
  wachttijd?: string;
  /** Seconds to wait for another sync of the same drive. */
  wacht?: number;
  /** dd/mm/jjjj [uu:mm]: the overview as of that moment, written locally (a dry run). */
  at?: string;
  /** Where the overview of --at goes. */
  out?: string;
}

/** `partnerschap sync`: the coordinator's main job; `listed`: the sources settledSync listed. */
export async function runSyncCommand(o: SyncCommandOptions & { listed?: Listed }): Promise<number> {
  const code = await syncCommand(o, (s) => runSync(s, o.listed));
  if (code === null) throw new Error('a sync without a summary');
  return code;
}

/**
 * The sync's look before the CLI starts its child process: the exit code when the drive is as a
 * run with nothing to do left it (its summary printed); otherwise the sources as listed, for the
 * child.
 */
export async function settledSync(o: SyncCommandOptions): Promise<number | Listed> {
  let listed: Listed | null = null;
  const code = await syncCommand(o, async (s) => {
    const settled = await settledSummary(s);
    listed = settled.listed;
    return settled.summary;
  });
  return code ?? listed!;
}

/**
 * After the child (process `pid`) ended without finishing (its memory limit, killed, a signal
 * passed on): the lease its run held on the drive is released, so that another machine does not
 * wait for it to expire.
 */
export async function releaseLeftLease(o: SyncCommandOptions, pid: number): Promise<void> {
  if (isDryRun(o)) return; // took no lease, and touches neither the drive nor the state folder
  const { drive } = await openCommandDrive(o);
  const lease = await import('../sync/lease.js');
  await lease.releaseLeftLease(lease.leaseOptions({ drive, retry: DEFAULT_RETRY }), pid);
}

/** The options, the progress and the errors of a sync; prints the summary `run` answers. */
async function syncCommand(
  o: SyncCommandOptions,
  run: (s: SyncOptions) => Promise<SyncSummary | null>,
): Promise<number | null> {
  const region = await loadRegion(o.region);
  const gapWaitWeeks = parseWeeks(o.wachttijd);
  const at = atOption(region, o);
  const dryRun = isDryRun(o);
  const { drive, stateDir } = await openCommandDrive({ ...o, dryRun });
  const progress = progressFor(process.stderr, o.json === true);
  let summary: SyncSummary | null;
  try {
    summary = await run({
      drive,
      region,
      stateDir,
      dryRun,
      limits: DEFAULT_READ_LIMITS,
      retry: DEFAULT_RETRY,
      now: new Date(),
      gapWaitWeeks,
      ...(at === undefined ? {} : { at }),
      lease: {
        ...(o.wacht === undefined ? {} : { waitMs: o.wacht * 1000 }),
        ...(o.json === true ? {} : { onWait: waitNotice('sync.lease-wait', region, drive.label) }),
      },
      onStart: (n) => progress.start(n),
      onFile: (name, bytes) => progress.file(name, bytes),
    });
  } catch (err) {
    throw usageErrorOf(err, region, drive.label) ?? err;
  } finally {
    progress.end();
  }
  if (summary === null) return null;
  process.stdout.write(o.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
  return summary.files.refused > 0 || summary.rows.refused > 0 ? EXIT.dataProblems : EXIT.ok;
}

/** A dry run: asked for, or implied by --at (its overview is written locally only). */
const isDryRun = (o: SyncCommandOptions): boolean => o.dryRun === true || o.at !== undefined;

/** --at and --out: the moment, and the local file for its overview (checked before any work). */
function atOption(region: Region, o: SyncCommandOptions): SyncOptions['at'] {
  if (o.at === undefined) {
    if (o.out !== undefined) throw new UsageError(t('cli.sync-out-without-at'));
    return undefined;
  }
  const moment = parseAt(region, o.at);
  const date = fileStamp(instantToWallClock(moment, region.timeZone)).slice(0, 10);
  const base = path.basename(region.drive.overviewName, '.xlsx');
  const out = o.out ?? t('cli.sync-at-name', { base, date });
  if (path.extname(out).toLowerCase() !== '.xlsx') {
    throw new UsageError(t('cli.sync-out-xlsx', { file: out }));
  }
  return { moment, out: path.resolve(out) };
}

/**
 * Says on stderr that a run waits for another's lease, who holds it and for how long at most, so
 * that a run that waits is not taken for one that hangs. The intake, which waits for the same
 * lease, says it in its own words.
 */
export function waitNotice(
  key: 'sync.lease-wait' | 'intake.lease-wait',
  region: Region,
  drive: string,
): (holder: LeaseInfo, waitMs: number) => void {
  return (holder, waitMs) => {
    const seconds = Math.round(waitMs / 1000);
    process.stderr.write(`${t(key, { ...holderParams(holder, region, drive), seconds })}\n`);
  };
}

/** Who holds the drive's lease, since and until when, for the Dutch messages about it. */
function holderParams(holder: LeaseInfo, region: Region, drive: string) {
  const when = (iso: string) => formatDateTime(instantToWallClock(new Date(iso), region.timeZone));
  const { machine, user, started, expires } = holder;
  return { drive, machine, user, since: when(started), expires: when(expires) };
}

/**
 * A run that could not be done as a whole, as the Dutch message of exit 2; null for a bug. The
 * intake, which writes under the same lease, shares it.
 */
export function usageErrorOf(err: unknown, region: Region, drive: string): UsageError | null {
  if (err instanceof GaveUpError) {
    return new UsageError(t('sync.gave-up', { attempts: err.attempts, reason: err.message }));
  }
  if (err instanceof LeaseHeldError) {
    return new UsageError(t('sync.lease-held', holderParams(err.holder, region, drive)));
  }
  if (err instanceof LeaseLostError) return new UsageError(t('sync.lease-lost'));
  if (err instanceof DriveSetupError || err instanceof StateConflictError) {
    return new UsageError(err.message);
  }
  return null;
}
