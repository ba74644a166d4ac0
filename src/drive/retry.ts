import { OfflineError, TransportError } from './drive.js';

// Retries live once, above the backends: exponential backoff with full jitter, at least the
// server's Retry-After, and a bounded total time after which the caller gets the last error.

export interface RetryPolicy {
  /** First backoff step; each attempt doubles it. */
  baseMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
  /** Give up when the next wait would end after this much time since the first attempt. */
  deadlineMs: number;
  /** The same for connection failures (OfflineError): being offline is said within this. */
  offlineDeadlineMs?: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 500,
  maxDelayMs: 30_000,
  deadlineMs: 300_000,
  offlineDeadlineMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

/** Thrown when a retryable failure lasted longer than the policy allows. */
export class GaveUpError extends Error {
  constructor(
    readonly attempts: number,
    readonly last: TransportError,
  ) {
    super(last.message);
  }
}

/** Runs `op` (which must build a fresh request, body included, on every call) until it succeeds. */
export async function withRetry<T>(
  op: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  const start = policy.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (!(err instanceof TransportError) || !err.retryable) throw err;
      const wait = delay(attempt, err, policy);
      if (policy.now() + wait - start > deadline(err, policy)) throw new GaveUpError(attempt, err);
      await policy.sleep(wait);
    }
  }
}

function deadline(err: TransportError, p: RetryPolicy): number {
  if (!(err instanceof OfflineError)) return p.deadlineMs;
  return Math.min(p.deadlineMs, p.offlineDeadlineMs ?? p.deadlineMs);
}

function delay(attempt: number, err: TransportError, p: RetryPolicy): number {
  const backoff = Math.min(p.maxDelayMs, p.baseMs * 2 ** (attempt - 1));
  const jittered = Math.floor(p.random() * backoff);
  return Math.max(jittered, err.retryAfterMs ?? 0);
}
