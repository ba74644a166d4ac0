import { ContentCache } from './cache.js';
import { loadDriveState } from './drive-state.js';
import { acquireLease, leaseOptions, type Lease } from './lease.js';
import { listSources, type Listed } from './list-sources.js';
import { FolderListing } from './push.js';
import { settledKey, SETTLED_ENTRY } from './settled-run.js';
import type { SyncOptions, SyncSummary } from './sync-options.js';

// The coordinator's sync as a straight pipeline (docs/architecture.md §6):
//   list (read-only) → lock → state → [nothing changed: the last summary] → pull (cache) → read
//   and validate → tracker (read, merge, patch) → merge → build outputs → push (ownership rules)
//   → record state → unlock.
// This module is what every run loads; the pipeline (sync-pipeline.ts, with the readers and the
// workbook writer) only when there is something to do.

export type { SyncOptions, SyncSummary } from './sync-options.js';

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
