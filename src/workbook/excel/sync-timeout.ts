/// <reference types="office-js" />
import { t } from '../../domain/messages.js';

// Excel on the web can leave context.sync() pending forever (a dropped connection, a busy
// service). Without a timeout the pane would spin with no way out; with one, the user gets a
// Dutch message and can save and retry.

export const DEFAULT_SYNC_TIMEOUT_MS = 30_000;

export class SyncTimeoutError extends Error {
  constructor(ms: number) {
    super(t('excel.sync-timeout', { seconds: Math.round(ms / 1000) }));
    this.name = 'SyncTimeoutError';
  }
}

/** What the adapter needs of a request context: only sync, so tests can count the calls. */
export interface Syncable {
  sync(): Promise<unknown>;
}

/** context.sync(), rejected with a SyncTimeoutError when Excel does not answer within `ms`. */
export async function syncWithTimeout(
  context: Syncable,
  ms: number = DEFAULT_SYNC_TIMEOUT_MS,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SyncTimeoutError(ms)), ms);
  });
  try {
    await Promise.race([context.sync(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
