import { fileStamp, instantToWallClock } from '../domain/time.js';
import { submissionDeadline } from '../domain/timeline.js';
import { sha256 } from './cache.js';
import type { Listed } from './list-sources.js';
import { derivationIdentity } from './program-version.js';
import type { FolderListing } from './push.js';
import type { StateFile } from './state-file.js';
import type { SyncOptions } from './sync-options.js';

// A run with nothing to do is known by everything its outcome depends on: the program, the
// region and the options; the day (and which side of the call's deadline the moment is); every
// source as listed; the drive state's bytes as read; and the tracker and every file the sync
// generated, as they are on the drive now. A run that wrote nothing stores its summary under
// that key; the next run with the same key has, by construction, the same inputs and the same
// outputs on the drive, so it prints that summary without reading or rebuilding anything. The
// state is taken as bytes, unchecked (no schema loaded): a key can only match one stored by a
// run that read exactly these bytes and checked them.

/** The cache entry of the last run that had nothing to do. */
export const SETTLED_ENTRY = 'settled-run';

export async function settledKey(
  o: SyncOptions,
  listed: Listed,
  state: StateFile,
  listing: FolderListing,
): Promise<string> {
  const { region } = o;
  const deadline = submissionDeadline(region);
  const written = [];
  for (const key of writtenKeys(state.bytes)) {
    const file = await find(listing, key);
    written.push([key, file?.id ?? null, file?.md5 ?? null]);
  }
  const tracker = await listing.find(region.drive.tracker, region.drive.trackerName);
  const identity = {
    derivation: derivationIdentity(region, o.limits),
    drive: o.drive.label,
    day: fileStamp(instantToWallClock(o.now, region.timeZone)).slice(0, 10),
    beforeDeadline: deadline === null ? null : o.now <= deadline,
    gapWaitWeeks: o.gapWaitWeeks,
    // The time too: a workbook saved again unchanged moves its municipality's Laatst bijgewerkt.
    sources: listed.files.map(({ file, path }) => [
      path,
      file.kind,
      file.size,
      file.md5,
      file.modified?.toISOString() ?? null,
    ]),
    notes: listed.notes,
    state: state.bytes === null ? null : sha256(state.bytes).toString('hex'),
    tracker: tracker ? [tracker.id, tracker.version, tracker.md5] : null,
    written,
  };
  return sha256(JSON.stringify(identity)).toString('hex');
}

/** The generated files the state names (none when it is missing or no state at all). */
function writtenKeys(bytes: Buffer | null): string[] {
  try {
    const { written } = (JSON.parse(bytes?.toString('utf8') ?? '{}') ?? {}) as {
      written?: unknown;
    };
    return typeof written === 'object' && written !== null ? Object.keys(written).sort() : [];
  } catch {
    return [];
  }
}

function find(listing: FolderListing, key: string) {
  const slash = key.lastIndexOf('/');
  return listing.find(key.slice(0, slash), key.slice(slash + 1));
}
