import { ContentCache } from './cache.js';
import type { Lease } from './lease.js';
import { listSources, type Listed } from './list-sources.js';
import { FolderListing } from './push.js';
import { settledKey, SETTLED_ENTRY } from './settled-run.js';
import { readStateFile, type StateFile } from './state-file.js';
import type { SyncOptions, SyncSummary } from './sync-options.js';

// The coordinator's sync as a straight pipeline (docs/architecture.md §6):
//   list (read-only) → lock → state → [nothing changed: the last summary] → pull (cache) → read
//   and validate → tracker (read, merge, patch) → merge → build outputs → push (ownership rules)
//   → record state → unlock.
// This module is what every run loads, the CLI's check whether anything changed too; the lease,
// the drive state's schema and the pipeline (sync-pipeline.ts, with the readers and the workbook
// writer) are loaded only by a run that goes on.

export type { SyncOptions, SyncSummary } from './sync-options.js';

/** Runs the sync; `listed`: the sources as the caller listed them just before (settledSummary). */
export async function runSync(o: SyncOptions, listed?: Listed): Promise<SyncSummary> {
  // Read-only first: a drive that is missing or not set up gets no lease folder either.
  const list = () => listSources(o.drive, o.region, o.retry);
  let sources = listed ?? (await list());
  const { acquireLease, leaseOptions } = await import('./lease.js');
  const lease = o.dryRun ? null : await acquireLease(leaseOptions(o));
  try {
    // Another run held the drive while this one waited: the sources may have changed since.
    if (lease?.waited) sources = await list();
    return await syncHeld(o, sources, lease);
  } finally {
    await lease?.release();
  }
}

/**
 * The summary of the last run with nothing to do, when the drive is still exactly as it left it
 * (null: there is work). Read-only, without the lease: it writes nothing, and a drive halfway
 * through another run's writes never matches a settled run's key. The CLI asks this before it
 * starts the child process, so a sync with nothing to do costs little more than the listing.
 */
export async function settledSummary(
  o: SyncOptions,
): Promise<{ listed: Listed; summary: SyncSummary | null }> {
  const listed = await listSources(o.drive, o.region, o.retry);
  if (o.dryRun) return { listed, summary: null };
  const state = await readStateFile(o.drive, o.retry);
  const cache = new ContentCache(o.stateDir, false);
  const { last } = await lastSettled(o, listed, state, cache, new FolderListing(o.drive, o.retry));
  return { listed, summary: last === null ? null : replayed(o, listed, last) };
}

async function syncHeld(o: SyncOptions, listed: Listed, lease: Lease | null) {
  const { loadDriveState } = await import('./drive-state.js');
  const loaded = await loadDriveState(o.drive, o.retry);
  const cache = new ContentCache(o.stateDir, !o.dryRun);
  // One listing per folder for the run: the check below and the pipeline share it.
  const listing = new FolderListing(o.drive, o.retry);
  // A dry run always builds: it shows what a run would write, and records nothing.
  const { key, last } = o.dryRun
    ? { key: null, last: null }
    : await lastSettled(o, listed, loaded, cache, listing);
  if (last !== null) return replayed(o, listed, last);
  const { rebuild } = await import('./sync-pipeline.js');
  const run = await rebuild(o, { listed, loaded, lease, cache, listing });
  if (key !== null && run.settled) await cache.putDerived(SETTLED_ENTRY, key, run.summary);
  return run.summary;
}

async function lastSettled(
  o: SyncOptions,
  listed: Listed,
  state: StateFile,
  cache: ContentCache,
  listing: FolderListing,
) {
  const key = await settledKey(o, listed, state, listing);
  return { key, last: await cache.derived<SyncSummary>(SETTLED_ENTRY, key) };
}

/**
 * The last summary for a run that did nothing: what that run downloaded is now unchanged in the
 * cache. The progress tells its files as if they were looked at again.
 */
function replayed(o: SyncOptions, listed: Listed, last: SyncSummary): SyncSummary {
  o.onStart(listed.files.length);
  for (const { file } of listed.files) o.onFile(file.name, file.size);
  const { pulled, unchanged } = last.files;
  return { ...last, files: { ...last.files, pulled: 0, unchanged: unchanged + pulled } };
}
