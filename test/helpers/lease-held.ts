import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LeaseInfo } from '../../src/sync/run-errors.js';
import { STATE_FOLDER } from '../../src/sync/state-file.js';

/**
 * Puts the lease of a sync another PC runs (coördinator on ander-pc, for an hour) on a folder
 * drive whose state folder exists: a run of this machine has to wait for it.
 */
export async function holdLeaseElsewhere(drive: string): Promise<void> {
  const holder: LeaseInfo = {
    machine: 'ander-pc',
    user: 'coördinator',
    pid: 1,
    started: new Date().toISOString(),
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
  await writeFile(path.join(drive, STATE_FOLDER, 'sync.lock'), JSON.stringify(holder));
}
