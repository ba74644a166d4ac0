import { NotFoundError, type Drive, type RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';

// Interim: Drive.list now rejects a missing folder with NotFoundError. Until the sync tells a
// missing folder from an empty one (issue 10 §3), its callers keep the old reading here: one place
// to replace. Every other failure still fails the run.
export async function listOrEmpty(
  drive: Drive,
  folder: string,
  retry: RetryPolicy,
): Promise<RemoteFile[]> {
  return withRetry(() => drive.list(folder), retry).catch((err: unknown) => {
    if (err instanceof NotFoundError) return [];
    throw err;
  });
}
