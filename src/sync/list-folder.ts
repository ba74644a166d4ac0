import { NotFoundError, type Drive, type RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';

// A folder's files, retried, with "not there" as null: told apart from every other failure,
// which fails the run. Callers decide what a missing folder means (the region's source folders:
// the run stops; the folder of a file the sync is about to write: nothing there yet).

export async function listOrNull(
  drive: Drive,
  folder: string,
  retry: RetryPolicy,
): Promise<RemoteFile[] | null> {
  return withRetry(() => drive.list(folder), retry).catch((err: unknown) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
}

/** The files of a folder the sync writes into: none when it does not exist yet. */
export async function listOrEmpty(
  drive: Drive,
  folder: string,
  retry: RetryPolicy,
): Promise<RemoteFile[]> {
  return (await listOrNull(drive, folder, retry)) ?? [];
}
