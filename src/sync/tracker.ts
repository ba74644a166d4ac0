import type { Issue } from '../domain/issue.js';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import type { ValidationResult } from '../domain/validate.js';
import type { TrackerRecords } from '../domain/reminders/model.js';
import type { Drive, RemoteFile } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import { md5 } from '../fs/md5.js';
import type { ReadLimits } from '../workbook/xlsx/read-limits.js';
import type { ContentCache } from './cache.js';
import { ChangingError } from './pull.js';
import {
  FolderListing,
  push,
  type PushContext,
  type PushOutcome,
  type PushTarget,
} from './push.js';
import { receiptsOf, type DriveState } from './drive-state.js';
import { candidacyInputs, mergeStage } from './tracker-merge.js';
import { trackerPatch } from './tracker-patch.js';
import { loadTracker, trackerPath, type TrackerRead } from './tracker-read.js';
import { trackerIssues, trackerReport } from './tracker-report.js';

// The tracker's stage of a sync: read (tracker-read.ts) → merge (tracker-merge.ts, pure) → patch
// (tracker-patch.ts: the sync's cells written into the file as read) → push over the version
// read. The reading API (readTracker, loadTracker) is used by the reminders too.

export {
  findTracker,
  loadTracker,
  readTracker,
  trackerPath,
  type OpvolgingRead,
  type ReviewRow,
  type TrackerRead,
  type TrackerRow,
} from './tracker-read.js';
export { candidacyInputs } from './tracker-merge.js';
export { trackerIssues } from './tracker-report.js';

export interface TrackerSyncContext {
  drive: Drive;
  region: Region;
  cache: ContentCache;
  retry: RetryPolicy;
  limits: ReadLimits;
  /** The run's listing: the first look at the tracker's folder; a second merge lists it again. */
  listing: FolderListing;
  push: PushContext;
  state: DriveState;
  /** The run's moment: the feedback's next step depends on the call's deadline. */
  now: Date;
  /** Every source pulled in this run; the candidacies among them feed the tracker. */
  sources: readonly SourceInput[];
  /** The "Vult hiaten" text of each candidacy row (candidacyGapTexts of the run's overview). */
  gapTexts?: ReadonlyMap<string, string>;
}

export interface TrackerSyncResult {
  /** The tracker's upload, or null when nothing was written (unchanged, refused). */
  outcome: PushOutcome | null;
  notes: string[];
  /** Validation and tracker rules (stages, scores), with cell addresses. */
  issues: Issue[];
  /** The feedback file for the tracker (when it has issues, or had them last time). */
  feedback: PushTarget[];
  /** MD5s of tracker versions in the content cache, to keep. */
  cached: string[];
  /** The tracker's records as read, for the overview's timeline and reminders. */
  records: TrackerRecords | null;
  /** The tracker is on the drive (read or not). */
  found: boolean;
  /** The receipts (drive paths) the tracker on the drive now carries: the state may forget them. */
  applied: string[];
  /** The tracker was saved while the sync read or merged it: this run is not the last word. */
  changing: boolean;
}

/**
 * Brings the tracker up to date: reads it (from the cache when unchanged), merges the pulled
 * candidacies in, and writes it back only if the content changed and only over the version it
 * read. If the coordinator saved it meanwhile, it is read and merged once more; only if that
 * happens again does our version go beside theirs as a conflict copy.
 */
export async function syncTracker(c: TrackerSyncContext): Promise<TrackerSyncResult> {
  const result = await mergeAndPush(c);
  const waiting = Object.keys(c.state.receipts).filter((p) => !result.applied.includes(p));
  result.notes.push(...waiting.map((path) => t('tracker.note.receipt-waiting', { path })));
  return result;
}

async function mergeAndPush(c: TrackerSyncContext): Promise<TrackerSyncResult> {
  const { region } = c;
  const receipts = receiptsOf(c.state);
  const path = trackerPath(region);
  const notes: string[] = [];
  const candidacies = candidacyInputs(region, c.sources, notes, c.gapTexts);
  const result: TrackerSyncResult = {
    outcome: null,
    notes,
    issues: [],
    feedback: [],
    cached: [],
    records: null,
    found: false,
    applied: [],
    changing: false,
  };
  let validation: ValidationResult | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const listing = attempt === 0 ? c.listing : new FolderListing(c.drive, c.retry);
    const file = await listing.find(region.drive.tracker, region.drive.trackerName);
    result.found = file !== undefined;
    if (file) result.cached = [file.md5];
    const read = file ? await loadChanging(c, file) : null;
    if (read === 'changing') {
      result.changing = true;
      notes.push(t('tracker.note.changing', { path }));
      return result;
    }
    result.records = read && recordsOf(read);
    // No tracker and nothing to follow yet: it is created with the first candidacy.
    if (!file && candidacies.length === 0) return result;
    const merge = mergeStage(region, read, candidacies, receipts);
    if (!merge.ok) {
      notes.push(t('tracker.note.refused', { path, reason: merge.refusal }));
      return result;
    }
    const { merged, before, after } = merge;
    result.issues = read ? trackerIssues(region, read) : [];
    validation = read?.validation ?? null;
    if (attempt === 0) notes.push(...merged.notes);
    if (read && before === after) {
      result.outcome = { status: 'unchanged', file: read.file };
      result.applied = merged.applied;
      notes.push(t('tracker.note.unchanged', { path }));
      break;
    }
    const patch = trackerPatch(region, read, merged);
    if (attempt === 0) notes.push(...patch.notes);
    let written: Buffer | null = null;
    const outcome = await push(c.push, listing, {
      folder: region.drive.tracker,
      name: region.drive.trackerName,
      fingerprint: after,
      bytes: async () => (written = await patch.bytes()),
      basedOn: { version: file?.version ?? null, onStale: attempt === 0 ? 'report' : 'copy' },
    });
    if (outcome.status === 'stale') {
      result.changing = true;
      notes.push(t('tracker.note.merged-again', { path }));
      continue;
    }
    result.outcome = outcome;
    if (outcome.status === 'uploaded' || outcome.status === 'unchanged') {
      result.applied = merged.applied;
    }
    if (outcome.status === 'uploaded' && written !== null) {
      // The next run finds what we wrote in the cache instead of downloading it; this run's
      // overview follows the tracker as written, not as it was before the merge.
      const bytes: Buffer = written;
      const sum = outcome.file.md5 || md5(bytes);
      await c.cache.put(sum, bytes);
      result.cached.push(sum);
      const mine = { ...outcome.file, md5: sum };
      const now = await loadTracker(c.drive, region, c.cache, c.retry, c.limits, mine);
      result.records = recordsOf(now);
      // The feedback is about the tracker as it now is on the drive, as the next run reads it.
      result.issues = trackerIssues(region, now);
      validation = now.validation;
    }
    const added = merged.rows.filter((r) => r.from === null).length;
    if (outcome.status !== 'would-upload') {
      notes.push(
        read
          ? t('tracker.note.updated', { path, added })
          : t('tracker.note.created', { path, count: merged.rows.length }),
      );
    }
    break;
  }
  const report = trackerReport(region, path, result.issues, c.state, validation, c.now);
  notes.push(...report.notes);
  result.feedback = report.feedback;
  return result;
}

/** The tracker as read, or 'changing' when it was saved again while the sync read it. */
async function loadChanging(c: TrackerSyncContext, file: RemoteFile) {
  return loadTracker(c.drive, c.region, c.cache, c.retry, c.limits, file).catch((err: unknown) => {
    if (err instanceof ChangingError) return 'changing' as const;
    throw err;
  });
}

function recordsOf(read: TrackerRead): TrackerRecords {
  return { rows: read.rows.map((r) => r.record), reviews: read.reviews.map((r) => r.record) };
}
