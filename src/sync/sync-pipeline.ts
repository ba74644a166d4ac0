import { hostname, userInfo } from 'node:os';
import { reportFileName } from '../domain/file-names.js';
import { t } from '../domain/messages.js';
import { candidacyGapTexts } from '../domain/overview/candidacy-gap-texts.js';
import { buildOverview, overviewBasis, settleSources } from '../domain/overview/merge.js';
import type { Overview } from '../domain/overview/model.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { fileStamp, formatDate, instantToWallClock } from '../domain/time.js';
import { rowCounts } from '../domain/validate.js';
import { hasProblems } from '../domain/validation-report.js';
import type { Drive } from '../drive/drive.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { isReport, reportHtml, type ChartSvg } from '../report/report-html.js';
import { overviewWorkbook } from '../workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../workbook/xlsx/xlsx-stream.js';
import { sha256, type ContentCache } from './cache.js';
import { changesSince, gapKeys, type Changes } from './changes.js';
import { saveDriveState, stateChanged, type LoadedState } from './drive-state.js';
import { departedFeedback, feedbackTargets } from './feedback.js';
import type { Lease } from './lease.js';
import type { Listed } from './list-sources.js';
import { pull, type Pulled } from './pull.js';
import {
  type FolderListing,
  pushAll,
  removeGenerated,
  type PushContext,
  type PushOutcome,
  type PushTarget,
} from './push.js';
import type { SyncOptions, SyncSummary } from './sync-options.js';
import { CachedCharts, CHART_PREFIX } from './cached-charts.js';
import { RESULT_PREFIX } from './source-results.js';
import { syncTracker, trackerPath, type TrackerSyncResult } from './tracker.js';
import { TRACKER_PREFIX, trackerEntry } from './tracker-content.js';

// The sync's work when something changed (run-sync.ts decides): pull → tracker → merge → build
// → push → record. It also says whether the run wrote nothing at all (settled): then the next
// run with the same inputs may print this run's summary instead of doing it again.

export interface RunContext {
  listed: Listed;
  loaded: LoadedState;
  lease: Lease | null;
  cache: ContentCache;
  listing: FolderListing;
}

export async function rebuild(
  o: SyncOptions,
  { listed, loaded, lease, cache, listing }: RunContext,
): Promise<{ summary: SyncSummary; settled: boolean }> {
  const stateAsRead = loaded.saved;
  const pulled = await pull({ ...o, cache }, listed);
  settleSources(o.region, pulled.sources);
  const ctx = pushContext(o, loaded, lease);
  const options = {
    asOf: instantToWallClock(o.at?.moment ?? o.now, o.region.timeZone),
    gapWaitWeeks: o.gapWaitWeeks,
  };
  // The gaps come before the tracker (its "Vult hiaten"); the tracker before the rest.
  const basis = overviewBasis(o.region, pulled.sources, options);
  const tracker = await syncTracker({
    ...o,
    cache,
    listing,
    push: ctx,
    state: loaded.state,
    sources: pulled.sources,
    gapTexts: candidacyGapTexts(basis),
  });
  const overview = buildOverview(o.region, pulled.sources, options, tracker.records, basis);
  const charts = new CachedCharts(cache);
  const published = await publish(o, ctx, listing, overview, pulled, tracker, charts);
  const changes = changesSince(loaded.state, pulled.seen, overview, published.removed);
  for (const path of tracker.applied) delete loaded.state.receipts[path];
  if (!o.dryRun) {
    await record(loaded, ctx, overview, pulled.seen);
    const trackerEntryName = (md5: string) =>
      trackerEntry(o.region, o.limits, md5, trackerPath(o.region)).name;
    // The charts of the last report made are kept; a run that made none forgets none.
    await cache.keepOnly(new Set([...Object.values(pulled.seen), ...tracker.cached]), [
      { prefix: RESULT_PREFIX, names: pulled.results.used },
      { prefix: TRACKER_PREFIX, names: new Set(tracker.cached.map(trackerEntryName)) },
      ...(charts.used.size === 0 ? [] : [{ prefix: CHART_PREFIX, names: charts.used }]),
    ]);
  }
  const run = { loaded, pulled, tracker, overview, published, changes };
  const outcomes = [...published.outcomes, tracker.outcome];
  const settled =
    !pulled.transient &&
    !tracker.changing &&
    outcomes.every((x) => x === null || x.status === 'unchanged') &&
    published.removed.length === 0 &&
    loaded.saved === stateAsRead;
  return { summary: summary(o, run), settled };
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
  listing: FolderListing,
  overview: Overview,
  pulled: Pulled,
  tracker: TrackerSyncResult,
  charts: CachedCharts,
): Promise<Published> {
  const cut: string[] = [];
  // One fingerprint for both: the report is made from the same overview. Its JSON as built, keys
  // unsorted: buildOverview makes every object in one order for the same content, from the
  // workbooks or from cached results (test/overview-property.test.ts, sync-cache.test.ts), and
  // sorting them cost ~0.1 s at --scale 40. An order that did differ would cost one upload of an
  // equal overview, never a missed one.
  const fingerprint = sha256(JSON.stringify(overview)).toString('hex');
  const overviewTarget = overviewOutput(o.region, overview, fingerprint, cut);
  const reportTarget = reportOutput(o.region, overview, fingerprint, charts.svgOf);
  const outcomes = await pushAll(ctx, listing, [
    overviewTarget,
    reportTarget,
    ...feedbackTargets(o.region, pulled.sources, ctx.state, o.now),
    ...tracker.feedback,
  ]);
  if (o.at) {
    await writeFileAtomic(o.at.out, await overviewTarget.bytes());
    await writeFileAtomic(reportFileName(o.at.out), await reportTarget.bytes());
  }
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
function overviewOutput(
  region: Region,
  overview: Overview,
  fingerprint: string,
  cut: string[],
): PushTarget {
  const folder = region.drive.overzicht;
  const name = region.drive.overviewName;
  return {
    folder,
    name,
    fingerprint,
    bytes: async () => {
      const written = await writeWorkbook(overviewWorkbook(region, overview));
      const file = `${folder}/${name}`;
      cut.push(...written.cut.map((c) => t('cli.cell-cut', { file, ...c })));
      return written.bytes;
    },
  };
}

/** The steering group's page beside the overview, from the same overview, under the same rules. */
function reportOutput(
  region: Region,
  overview: Overview,
  fingerprint: string,
  svgOf: ChartSvg,
): PushTarget {
  return {
    folder: region.drive.overzicht,
    name: reportFileName(region.drive.overviewName),
    fingerprint,
    bytes: async () => Buffer.from(await reportHtml(region, overview, svgOf)),
    recognise: isReport,
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
