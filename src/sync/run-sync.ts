import { t } from '../domain/messages.js';
import { buildOverview, overviewFingerprint } from '../domain/overview/merge.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { fileStamp, instantToWallClock } from '../domain/time.js';
import { rowCounts } from '../domain/validate.js';
import type { Drive } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import { workbookBytes } from '../workbook/xlsx/write-templates.js';
import type { ReadLimits } from '../workbook/xlsx/read-workbook.js';
import { overviewWorkbook } from '../workbook/xlsx/write-overview.js';
import { ContentCache } from './cache.js';
import { feedbackTargets } from './feedback.js';
import { pull, type PullCounts } from './pull.js';
import { FolderListing, push, type PushContext, type PushOutcome } from './push.js';
import { loadState, saveState } from './state.js';
import { syncTracker } from './tracker.js';

// The coordinator's sync: pull → read → validate → merge → write the overview → push it and the
// per-source feedback, with a state file so that the next run only does what changed.

export interface SyncOptions {
  drive: Drive;
  /** Identifies the drive in the state file (its spec, without secrets). */
  driveId: string;
  region: Region;
  stateDir: string;
  dryRun: boolean;
  limits: ReadLimits;
  retry: RetryPolicy;
  now: Date;
  gapWaitWeeks: number;
  onStart: (files: number) => void;
  onFile: (name: string, bytes: number) => void;
}

export interface SyncSummary {
  drive: string;
  files: PullCounts;
  rows: { read: number; taken: number; refused: number };
  uploaded: number;
  conflicts: number;
  /** The overview's path on the drive. */
  overview: string;
  overviewChanged: boolean;
  notes: string[];
  dryRun: boolean;
}

export async function runSync(o: SyncOptions): Promise<SyncSummary> {
  const state = await loadState(o.stateDir, o.driveId);
  const cache = new ContentCache(o.stateDir);
  const pulled = await pull({ ...o, cache });
  const asOf = instantToWallClock(o.now, o.region.timeZone);

  const ctx: PushContext = {
    drive: o.drive,
    state,
    retry: o.retry,
    persist: () => (o.dryRun ? Promise.resolve() : saveState(o.stateDir, state)),
    stamp: fileStamp(asOf),
    dryRun: o.dryRun,
  };
  const listing = new FolderListing(o.drive, o.retry);
  const notes = [...pulled.notes];
  const outcomes: PushOutcome[] = [];
  // The coordinator's tracker first: new candidacies in, the sync's columns refreshed, theirs
  // kept; the overview's timeline and reminders then follow what the tracker says.
  const tracker = await syncTracker({ ...o, cache, push: ctx, state, sources: pulled.sources });
  notes.push(...tracker.notes);
  if (tracker.outcome) outcomes.push(tracker.outcome);
  const overview = buildOverview(
    o.region,
    pulled.sources,
    { asOf, gapWaitWeeks: o.gapWaitWeeks },
    tracker.records,
  );
  const overviewOutcome = await push(ctx, listing, {
    folder: o.region.drive.overzicht,
    name: o.region.drive.overviewName,
    fingerprint: overviewFingerprint(overview),
    bytes: () => workbookBytes(overviewWorkbook(o.region, overview)),
  });
  outcomes.push(overviewOutcome);
  for (const target of feedbackTargets(o.region, pulled.sources, state)) {
    outcomes.push(await push(ctx, listing, target));
  }
  for (const target of tracker.feedback) outcomes.push(await push(ctx, listing, target));
  for (const out of outcomes) if (out.status === 'conflict') notes.push(conflictNote(out));

  if (!o.dryRun) {
    state.sources = pulled.seen;
    await saveState(o.stateDir, state);
    const keep = [...Object.values(pulled.seen).map((s) => s.md5), ...tracker.cached];
    await cache.keepOnly(new Set(keep));
  }
  return {
    drive: o.drive.label,
    files: pulled.counts,
    rows: rowTotals(pulled.sources),
    uploaded: outcomes.filter((x) => x.status === 'uploaded' || x.status === 'conflict').length,
    conflicts: outcomes.filter((x) => x.status === 'conflict').length,
    overview: overviewPath(o.drive, overviewOutcome),
    overviewChanged: overviewOutcome.status !== 'unchanged',
    notes: o.dryRun ? [...notes, dryRunNote(outcomes)] : notes,
    dryRun: o.dryRun,
  };
}

function rowTotals(sources: SourceInput[]) {
  return rowCounts(sources.flatMap((s) => (s.outcome.ok ? s.outcome.result.sheets : [])));
}

function overviewPath(drive: Drive, out: PushOutcome): string {
  return out.status === 'would-upload' || out.status === 'stale'
    ? out.path
    : drive.locate(out.file);
}

function conflictNote(out: Extract<PushOutcome, { status: 'conflict' }>): string {
  return t('sync.conflict', { theirs: out.theirs, path: `${out.file.folder}/${out.file.name}` });
}

function dryRunNote(outcomes: PushOutcome[]): string {
  const paths = outcomes.flatMap((x) => (x.status === 'would-upload' ? [x.path] : []));
  return t('sync.summary-dry-run', { paths: paths.length === 0 ? '—' : paths.join(', ') });
}
