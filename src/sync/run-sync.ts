import { hostname, userInfo } from 'node:os';
import { t } from '../domain/messages.js';
import { buildOverview, overviewFingerprint, settleSources } from '../domain/overview/merge.js';
import type { Overview } from '../domain/overview/model.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { fileStamp, formatDate, instantToWallClock } from '../domain/time.js';
import { rowCounts } from '../domain/validate.js';
import { hasProblems } from '../domain/validation-report.js';
import type { Drive } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import type { ReadLimits } from '../workbook/xlsx/read-workbook.js';
import { overviewWorkbook } from '../workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../workbook/xlsx/xlsx-stream.js';
import { ContentCache } from './cache.js';
import { changesSince, gapKeys, type Changes } from './changes.js';
import { loadDriveState, saveDriveState, stateChanged, type LoadedState } from './drive-state.js';
import { departedFeedback, feedbackTargets } from './feedback.js';
import { acquireLease, leaseOptions, LEASE_DEFAULTS, type Lease } from './lease.js';
import { listSources, type Listed } from './list-sources.js';
import { pull, type PullCounts, type Pulled } from './pull.js';
import {
  FolderListing,
  pushAll,
  removeGenerated,
  type PushContext,
  type PushOutcome,
  type PushTarget,
} from './push.js';
import { syncTracker, trackerPath, type TrackerSyncResult } from './tracker.js';

// The coordinator's sync as a straight pipeline (docs/architecture.md §6):
//   list (read-only) → lock → state → pull (cache) → read and validate → tracker (read, merge,
//   patch) → merge → build outputs → push (ownership rules) → record state → unlock.

export interface SyncOptions {
  drive: Drive;
  region: Region;
  /** The local cache folder: downloads are kept there by MD5. */
  stateDir: string;
  dryRun: boolean;
  limits: ReadLimits;
  retry: RetryPolicy;
  now: Date;
  gapWaitWeeks: number;
  /**
   * sync --at: the overview as it was (or will be) at this moment, written to a local file only;
   * the caller makes the run a dry run, so the drive keeps the overview of today.
   */
  at?: { moment: Date; out: string };
  /** The lease's timing; tests shorten it. */
  lease?: Partial<typeof LEASE_DEFAULTS>;
  onStart: (files: number) => void;
  onFile: (name: string, bytes: number) => void;
}

export interface SyncSummary {
  drive: string;
  files: PullCounts;
  rows: { read: number; taken: number; refused: number };
  uploaded: number;
  /** Generated files someone else had changed, kept aside under another name. */
  kept: string[];
  /** Our tracker beside theirs, when it changed twice during the run. */
  conflicts: number;
  /** What changed since the previous sync, whoever ran it. */
  changes: Changes;
  /** Sources refused or with problems: their feedback file says what to fix. */
  problems: string[];
  /** Who delivered: per municipality and per expected folder. */
  delivery: Overview['delivery'];
  /** Files (wholly or in part) not counted because another file holds the same. */
  duplicates: Overview['duplicates'];
  /** The overview's path on the drive. */
  overview: string;
  overviewChanged: boolean;
  notes: string[];
  dryRun: boolean;
}

export async function runSync(o: SyncOptions): Promise<SyncSummary> {
  // Read-only first: a drive that is missing or not set up gets no lease folder either.
  const listed = await listSources(o.drive, o.region, o.retry);
  const lease = o.dryRun ? null : await acquireLease(leaseOptions(o));
  try {
    return await syncHeld(o, listed, lease);
  } finally {
    await lease?.release();
  }
}

async function syncHeld(o: SyncOptions, listed: Listed, lease: Lease | null) {
  const loaded = await loadDriveState(o.drive, o.retry);
  const cache = new ContentCache(o.stateDir, !o.dryRun);
  const pulled = await pull({ ...o, cache }, listed);
  settleSources(o.region, pulled.sources);
  const ctx = pushContext(o, loaded, lease);
  const tracker = await syncTracker({
    ...o,
    cache,
    push: ctx,
    state: loaded.state,
    sources: pulled.sources,
  });
  const overview = buildOverview(
    o.region,
    pulled.sources,
    {
      asOf: instantToWallClock(o.at?.moment ?? o.now, o.region.timeZone),
      gapWaitWeeks: o.gapWaitWeeks,
    },
    tracker.records,
  );
  const published = await publish(o, ctx, overview, pulled, tracker);
  const changes = changesSince(loaded.state, pulled.seen, overview, published.removed);
  for (const path of tracker.applied) delete loaded.state.receipts[path];
  if (!o.dryRun) {
    await record(loaded, ctx, overview, pulled.seen);
    await cache.keepOnly(new Set([...Object.values(pulled.seen), ...tracker.cached]));
  }
  return summary(o, { loaded, pulled, tracker, overview, published, changes });
}

interface Published {
  /** The overview's outcome first, then the feedback files'. */
  outcomes: PushOutcome[];
  /** Where the overview is (or would be). */
  overview: string;
  /** Feedback files removed because their source left the drive. */
  removed: string[];
  /** Notes on cells cut to Excel's limit in the overview. */
  cut: string[];
}

/** The outputs built and pushed under the ownership rules; departed feedback removed. */
async function publish(
  o: SyncOptions,
  ctx: PushContext,
  overview: Overview,
  pulled: Pulled,
  tracker: TrackerSyncResult,
): Promise<Published> {
  const listing = new FolderListing(o.drive, o.retry);
  const cut: string[] = [];
  const overviewTarget = overviewOutput(o.region, overview, cut);
  const outcomes = await pushAll(ctx, listing, [
    overviewTarget,
    ...feedbackTargets(o.region, pulled.sources, ctx.state, o.now),
    ...tracker.feedback,
  ]);
  if (o.at) await writeFileAtomic(o.at.out, await overviewTarget.bytes());
  const present = new Set(Object.keys(pulled.seen));
  if (tracker.found) present.add(trackerPath(o.region));
  const removed: string[] = [];
  const departed = o.dryRun ? [] : departedFeedback(o.region, ctx.state, present);
  for (const key of departed) {
    if ((await removeGenerated(ctx, listing, key)) === 'removed') removed.push(key);
  }
  const where = o.at ? o.at.out : overviewPath(o.drive, overviewTarget, outcomes[0]!);
  return { outcomes, overview: where, removed, cut };
}

/** What this run leaves for the next, on the drive: sources and gaps seen, files written. */
async function record(
  loaded: LoadedState,
  ctx: PushContext,
  overview: Overview,
  seen: Record<string, string>,
): Promise<void> {
  loaded.state.sources = seen;
  loaded.state.gaps = gapKeys(overview);
  if (stateChanged(loaded) || loaded.state.last === null) loaded.state.last = ctx.by;
  await ctx.persist();
}

function summary(
  o: SyncOptions,
  run: {
    loaded: LoadedState;
    pulled: Pulled;
    tracker: TrackerSyncResult;
    overview: Overview;
    published: Published;
    changes: Changes;
  },
): SyncSummary {
  const { pulled, tracker, overview, published } = run;
  const all = [...published.outcomes, ...(tracker.outcome ? [tracker.outcome] : [])];
  const overviewOutcome = published.outcomes[0]!;
  return {
    drive: o.drive.label,
    files: pulled.counts,
    rows: rowTotals(pulled.sources),
    uploaded: all.filter((x) => ['uploaded', 'kept', 'conflict'].includes(x.status)).length,
    kept: all.flatMap((x) => (x.status === 'kept' ? [x.kept] : [])),
    conflicts: all.filter((x) => x.status === 'conflict').length,
    changes: run.changes,
    problems: pulled.sources
      .filter((s) => hasProblems({ file: s.path, ...s.outcome }))
      .map((s) => s.path),
    delivery: overview.delivery,
    duplicates: overview.duplicates,
    overview: published.overview,
    overviewChanged: !['unchanged', 'busy'].includes(overviewOutcome.status),
    notes: [
      ...(run.loaded.note ? [run.loaded.note] : []),
      ...pulled.notes,
      ...tracker.notes,
      ...published.cut,
      ...all.flatMap(outcomeNote),
      ...(o.at ? [atNote(o.region, o.at)] : o.dryRun ? [dryRunNote(all)] : []),
    ],
    dryRun: o.dryRun,
  };
}

function pushContext(o: SyncOptions, loaded: LoadedState, lease: Lease | null): PushContext {
  return {
    drive: o.drive,
    state: loaded.state,
    retry: o.retry,
    persist: async () => {
      if (o.dryRun || !stateChanged(loaded)) return;
      await lease?.assertHeld();
      await saveDriveState(o.drive, o.retry, loaded);
    },
    stamp: fileStamp(wallClock(o)),
    by: { at: o.now.toISOString(), machine: hostname(), user: userInfo().username },
    dryRun: o.dryRun,
  };
}

function wallClock(o: SyncOptions): Date {
  return instantToWallClock(o.now, o.region.timeZone);
}

/** The overview to push; `cut` receives a note per cell cut to Excel's limit when it is built. */
function overviewOutput(region: Region, overview: Overview, cut: string[]): PushTarget {
  const folder = region.drive.overzicht;
  const name = region.drive.overviewName;
  return {
    folder,
    name,
    fingerprint: overviewFingerprint(overview),
    bytes: async () => {
      const written = await writeWorkbook(overviewWorkbook(region, overview));
      const file = `${folder}/${name}`;
      cut.push(...written.cut.map((c) => t('cli.cell-cut', { file, ...c })));
      return written.bytes;
    },
  };
}

function rowTotals(sources: SourceInput[]) {
  return rowCounts(sources.flatMap((s) => (s.outcome.ok ? s.outcome.result.sheets : [])));
}

function overviewPath(drive: Drive, target: PushTarget, out: PushOutcome): string {
  return 'file' in out ? drive.locate(out.file) : `${target.folder}/${target.name}`;
}

function outcomeNote(out: PushOutcome): string[] {
  if (out.status === 'kept') {
    return [t('sync.kept', { path: `${out.file.folder}/${out.file.name}`, kept: out.kept })];
  }
  if (out.status === 'conflict') {
    return [
      t('sync.conflict', { theirs: out.theirs, path: `${out.file.folder}/${out.file.name}` }),
    ];
  }
  if (out.status === 'busy') return [t('sync.busy', { path: out.path })];
  return [];
}

function atNote(region: Region, at: { moment: Date; out: string }): string {
  const date = formatDate(instantToWallClock(at.moment, region.timeZone));
  return t('sync.summary-at', { date, file: at.out });
}

function dryRunNote(outcomes: PushOutcome[]): string {
  const paths = outcomes.flatMap((x) => (x.status === 'would-upload' ? [x.path] : []));
  return t('sync.summary-dry-run', { paths: paths.length === 0 ? '—' : paths.join(', ') });
}
