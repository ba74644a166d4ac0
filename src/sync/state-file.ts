import type { Drive, RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { listOrEmpty } from './list-folder.js';

// Where the drive state lives (`.partnerschap/state.json`) and its bytes as read, without their
// schema (drive-state.ts checks them): the sync's check whether anything changed needs only the
// bytes, and so does not load the schema library.

export const STATE_FOLDER = '.partnerschap';
export const STATE_NAME = 'state.json';

export interface StateFile {
  /** The state file as listed; undefined when the drive has none. */
  file: RemoteFile | undefined;
  /** Its bytes as downloaded; null when there is no file. */
  bytes: Buffer | null;
}

export async function readStateFile(drive: Drive, retry: RetryPolicy): Promise<StateFile> {
  const files = await listOrEmpty(drive, STATE_FOLDER, retry);
  const file = files.find((f) => f.name === STATE_NAME && f.kind === 'file');
  if (file === undefined) return { file, bytes: null };
  return { file, bytes: await withRetry(() => drive.download(file), retry) };
}

export function statePath(): string {
  return `${STATE_FOLDER}/${STATE_NAME}`;
}
