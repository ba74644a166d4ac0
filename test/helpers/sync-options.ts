import { leieSchelde } from '../../src/domain/region/leie-schelde.js';
import type { Drive } from '../../src/drive/drive.js';
import { FolderDrive } from '../../src/drive/folder.js';
import { DEFAULT_RETRY } from '../../src/drive/retry.js';
import type { SyncOptions } from '../../src/sync/run-sync.js';
import { DEFAULT_READ_LIMITS } from '../../src/workbook/xlsx/read-workbook.js';

/** A sync of a folder drive at a fixed moment (15/06/2023 12:00 Brussels), state beside it. */
export function folderSyncOptions(
  root: string,
  over: Partial<SyncOptions> & { drive?: Drive } = {},
): SyncOptions {
  return {
    drive: new FolderDrive(root),
    region: leieSchelde,
    stateDir: `${root}-state`,
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
