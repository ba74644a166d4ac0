import { leieSchelde } from '../../src/domain/region/leie-schelde.js';
import type { Drive } from '../../src/drive/drive.js';
import { FolderDrive } from '../../src/drive/folder.js';
import { DEFAULT_RETRY } from '../../src/drive/retry.js';
import type { SyncOptions } from '../../src/sync/run-sync.js';
import { DEFAULT_READ_LIMITS } from '../../src/workbook/xlsx/read-limits.js';

/** A sync of a folder drive at a fixed moment (15/06/2023 12:00 Brussels), cache beside it. */
export function folderSyncOptions(
  root: string,
  over: Partial<SyncOptions> & { drive?: Drive } = {},
): SyncOptions {
  return syncOptions(new FolderDrive(root), `${root}-state`, over);
}

/** A sync of the Google Drive double: the same moment, retries fast (the double is local). */
export function gdriveSyncOptions(
  drive: Drive,
  cacheDir: string,
  over: Partial<SyncOptions> = {},
): SyncOptions {
  return syncOptions(drive, cacheDir, {
    retry: { ...DEFAULT_RETRY, baseMs: 5, maxDelayMs: 20 },
    ...over,
  });
}

function syncOptions(drive: Drive, stateDir: string, over: Partial<SyncOptions>): SyncOptions {
  return {
    drive,
    region: leieSchelde,
    stateDir,
    dryRun: false,
    limits: DEFAULT_READ_LIMITS,
    retry: DEFAULT_RETRY,
    now: new Date('2023-06-15T10:00:00Z'),
    gapWaitWeeks: 8,
    onStart: () => {},
    onFile: () => {},
    ...over,
  };
}
