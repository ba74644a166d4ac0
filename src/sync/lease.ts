import { hostname, userInfo } from 'node:os';
import { z } from 'zod';
import { ChangedError, NotFoundError, type Drive, type RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { listOrEmpty } from './list-folder.js';
import { parseJson } from './parse-json.js';
import { LeaseHeldError, LeaseLostError, type LeaseInfo } from './run-errors.js';
import { STATE_FOLDER } from './state-file.js';

// One sync at a time per drive: a lease file (.partnerschap/sync.lock) naming the machine, the
// user and when the run started and its lease ends. It is created exclusively (the drive's
// `create`: exactly one of two racing runs gets it), refreshed while the run lives, and taken
// over only once it has expired, so a killed run's lease ends by itself; at once when it was
// held by a process of this machine that is gone. A second run waits a bounded time, then stops
// naming who holds it (LeaseHeldError).

export const LEASE_NAME = 'sync.lock';

const infoSchema = z.object({
  machine: z.string(),
  user: z.string(),
  pid: z.number(),
  started: z.string(),
  expires: z.string(),
}) satisfies z.ZodType<LeaseInfo>;

export interface LeaseOptions {
  drive: Drive;
  retry: RetryPolicy;
  holder: { machine: string; user: string; pid: number };
  /** How long a lease lasts without a refresh. */
  ttlMs: number;
  /** How long a second run waits for the first before it gives up. */
  waitMs: number;
  pollMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Told once when another run holds the drive and this one starts to wait for it. */
  onWait: (holder: LeaseInfo, waitMs: number) => void;
}

export const LEASE_DEFAULTS = {
  ttlMs: 120_000,
  waitMs: 60_000,
  pollMs: 2_000,
  now: Date.now,
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
  onWait: (_holder: LeaseInfo, _waitMs: number): void => {},
};

/** The lease of this process on a drive; `lease` overrides the timing (tests shorten it). */
export function leaseOptions(o: {
  drive: Drive;
  retry: RetryPolicy;
  lease?: Partial<typeof LEASE_DEFAULTS>;
}): LeaseOptions {
  return {
    ...LEASE_DEFAULTS,
    ...o.lease,
    drive: o.drive,
    retry: o.retry,
    holder: { machine: hostname(), user: userInfo().username, pid: process.pid },
  };
}

export class Lease {
  private timer: NodeJS.Timeout | null = null;
  private lost = false;
  private refreshing: Promise<void> = Promise.resolve();
  private refreshed: number;

  constructor(
    private readonly o: LeaseOptions,
    private file: RemoteFile,
    private readonly started: string,
    /** Another run held the drive first: what was looked at before may have changed since. */
    readonly waited: boolean,
  ) {
    this.refreshed = o.now();
    this.timer = setInterval(() => void this.extend(), o.ttlMs / 3);
    this.timer.unref();
  }

  /** Extends the lease, one extension at a time; one that fails loses the lease for good. */
  private extend(): Promise<void> {
    this.refreshing = this.refreshing
      .then(() => this.refresh())
      .catch(() => {
        this.lost = true;
      });
    return this.refreshing;
  }

  private async refresh(): Promise<void> {
    if (this.lost) return;
    const bytes = leaseBytes(this.o, this.started);
    const r = await withRetry(
      () => this.o.drive.upload(STATE_FOLDER, LEASE_NAME, bytes, this.file.version),
      this.o.retry,
    );
    if (!r.ok) throw new LeaseLostError();
    this.file = r.file;
    this.refreshed = this.o.now();
  }

  /**
   * Throws LeaseLostError when another run may have written meanwhile; refreshes the lease when
   * half of it has passed, so that what the caller writes next is covered.
   */
  async assertHeld(): Promise<void> {
    if (this.o.now() - this.refreshed > this.o.ttlMs / 2) await this.extend();
    else await this.refreshing;
    if (this.lost) throw new LeaseLostError();
  }

  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
    if (!this.lost) await withRetry(() => this.o.drive.remove(this.file), this.o.retry);
  }
}

export async function acquireLease(o: LeaseOptions): Promise<Lease> {
  const deadline = o.now() + o.waitMs;
  const started = new Date(o.now()).toISOString();
  let waiting = false;
  for (let attempt = 0; ; attempt++) {
    const created = await withRetry(
      () => o.drive.create(STATE_FOLDER, LEASE_NAME, leaseBytes(o, started)),
      o.retry,
    );
    if (created.ok) return new Lease(o, created.file, started, attempt > 0);
    const held = await currentLease(o);
    // Gone since: race for it at once. Rewritten while we read it: its holder is alive.
    if (held === null) continue;
    if (held === 'changing') {
      await o.sleep(o.pollMs);
      continue;
    }
    if (held.info === null || over(held.info, o)) {
      // Expired (or unreadable): removed only if it is still that version, then raced for.
      await withRetry(() => o.drive.remove(held.file), o.retry);
      continue;
    }
    // A wait shorter than a poll is waited too: one last look at its end.
    const left = deadline - o.now();
    if (left <= 0) throw new LeaseHeldError(held.info);
    if (!waiting) o.onWait(held.info, o.waitMs);
    waiting = true;
    await o.sleep(Math.min(o.pollMs, left));
  }
}

/**
 * Removes the lease held by the process `pid` of this machine, for a run that could not release
 * it itself: the CLI's child stopped by its memory limit. Another's is left alone.
 */
export async function releaseLeftLease(o: LeaseOptions, pid: number): Promise<void> {
  const held = await currentLease(o);
  if (held === null || held === 'changing' || held.info === null) return;
  if (held.info.machine === o.holder.machine && held.info.pid === pid) {
    await withRetry(() => o.drive.remove(held.file), o.retry);
  }
}

/** Expired, or held by a process of this machine that no longer runs (a killed run). */
function over(info: LeaseInfo, o: LeaseOptions): boolean {
  if (Date.parse(info.expires) <= o.now()) return true;
  return info.machine === o.holder.machine && info.pid !== o.holder.pid && !running(info.pid);
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function leaseBytes(o: LeaseOptions, started: string): Buffer {
  const info: LeaseInfo = {
    ...o.holder,
    started,
    expires: new Date(o.now() + o.ttlMs).toISOString(),
  };
  return Buffer.from(`${JSON.stringify(info, null, 1)}\n`);
}

/**
 * The lease file as it is now: null when it is gone, 'changing' when it was rewritten while we
 * read it (its holder refreshed it); info null when it cannot be parsed.
 */
async function currentLease(
  o: LeaseOptions,
): Promise<{ file: RemoteFile; info: LeaseInfo | null } | 'changing' | null> {
  const files = await listOrEmpty(o.drive, STATE_FOLDER, o.retry);
  const file = files.find((f) => f.name === LEASE_NAME);
  if (file === undefined) return null;
  const bytes = await withRetry(() => o.drive.download(file), o.retry).catch((err: unknown) => {
    if (err instanceof NotFoundError) return null;
    if (err instanceof ChangedError) return 'changing' as const;
    throw err;
  });
  if (bytes === null || bytes === 'changing') return bytes;
  return { file, info: parseJson(infoSchema, bytes) };
}
