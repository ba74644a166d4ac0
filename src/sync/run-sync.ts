import type { Overview } from '../domain/overview/model.js';
import type { Region } from '../domain/region/schema.js';
import type { Drive } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import type { ReadLimits } from '../workbook/xlsx/read-workbook.js';
import { ContentCache } from './cache.js';
import type { Changes } from './changes.js';
import { loadDriveState } from './drive-state.js';
import { acquireLease, leaseOptions, LEASE_DEFAULTS, type Lease } from './lease.js';
import { listSources, type Listed } from './list-sources.js';
import type { PullCounts } from './pull.js';
import { FolderListing } from './push.js';
import { settledKey, SETTLED_ENTRY } from './settled-run.js';

// The coordinator's sync as a straight pipeline (docs/architecture.md §6):
//   list (read-only) → lock → state → [nothing changed: the last summary] → pull (cache) → read
//   and validate → tracker (read, merge, patch) → merge → build outputs → push (ownership rules)
//   → record state → unlock.
// This module is what every run loads; the pipeline (sync-pipeline.ts, with the readers and the
// workbook writer) only when there is something to do.

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
  // One listing per folder for the run: the check below and the pipeline share it.
  const listing = new FolderListing(o.drive, o.retry);
  // A dry run always builds: it shows what a run would write, and records nothing.
  const key = o.dryRun ? null : await settledKey(o, listed, loaded, listing);
  const last = key === null ? null : await cache.derived<SyncSummary>(SETTLED_ENTRY, key);
  if (last !== null) {
    o.onStart(listed.files.length);
    for (const { file } of listed.files) o.onFile(file.name, file.size);
    return last;
  }
  const { rebuild } = await import('./sync-pipeline.js');
  const run = await rebuild(o, { listed, loaded, lease, cache, listing });
  if (key !== null && run.settled) await cache.putDerived(SETTLED_ENTRY, key, run.summary);
  return run.summary;
}
