import { describe, expect, it } from 'vitest';
import { TransportError } from '../src/drive/drive.js';
import { GaveUpError, withRetry, type RetryPolicy } from '../src/drive/retry.js';

/** A policy on a fake clock: sleeping advances it, and every wait is recorded. */
function fakePolicy(overrides: Partial<RetryPolicy> = {}) {
  let clock = 0;
  const waits: number[] = [];
  const policy: RetryPolicy = {
    baseMs: 100,
    maxDelayMs: 1_000,
    deadlineMs: 10_000,
    random: () => 0.999,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    ...overrides,
  };
  return { policy, waits };
}

function failing(failures: TransportError[]) {
  let calls = 0;
  return {
    op: async () => {
      const err = failures[calls++];
      if (err) throw err;
      return 'ok';
    },
    calls: () => calls,
  };
}

describe('withRetry', () => {
  it('backs off exponentially with jitter, capped, until the call succeeds', async () => {
    const { policy, waits } = fakePolicy();
    const f = failing(Array.from({ length: 6 }, () => new TransportError('503', true)));
    expect(await withRetry(f.op, policy)).toBe('ok');
    expect(f.calls()).toBe(7);
    expect(waits).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('draws each wait at random below the backoff step (full jitter)', async () => {
    const { policy, waits } = fakePolicy({ random: () => 0.5 });
    const f = failing([new TransportError('429', true), new TransportError('429', true)]);
    await withRetry(f.op, policy);
    expect(waits).toEqual([50, 100]);
  });

  it('waits at least as long as the server’s Retry-After', async () => {
    const { policy, waits } = fakePolicy({ random: () => 0 });
    const f = failing([new TransportError('429', true, 2_500)]);
    await withRetry(f.op, policy);
    expect(waits).toEqual([2_500]);
  });

  it('gives up after the deadline with the last error', async () => {
    const { policy } = fakePolicy({ deadlineMs: 1_500 });
    const f = failing(Array.from({ length: 50 }, (_, i) => new TransportError(`reset ${i}`, true)));
    const err = await withRetry(f.op, policy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GaveUpError);
    expect((err as GaveUpError).attempts).toBe(5);
    expect((err as GaveUpError).message).toBe('reset 4');
  });

  it('does not retry what cannot get better', async () => {
    const { policy, waits } = fakePolicy();
    const f = failing([new TransportError('404', false)]);
    await expect(withRetry(f.op, policy)).rejects.toThrow('404');
    expect(waits).toEqual([]);
    await expect(withRetry(() => Promise.reject(new Error('bug')), policy)).rejects.toThrow('bug');
  });
});
