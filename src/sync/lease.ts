import { t } from '../domain/messages.js';
import { formatDateTime, instantToWallClock } from '../domain/time.js';
import { NotFoundError, type Drive, type RemoteFile } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';

// One sync at a time per drive (issue 10 §2): a lease file on the drive, created exclusively
// (Drive.create: O_EXCL on a folder, earliest-created on Google Drive), refreshed while the run
// lasts, and taken over only once it has expired, so that a killed run's lease ends by itself.
// Taking over removes exactly the expired version and races on create again: of two takers, one
// wins. Only the Drive interface is used, so every backend gets the same lock.

export const LEASE_FOLDER = '.partnerschap';
export const LEASE_NAME = 'sync.lock';

/** What the lease file holds (JSON): who runs, since when, and until when it counts. */
export interface LeaseRecord {
  machine: string;
  user: string;
  pid: number;
  /** ISO instants. */
  started: string;
  expires: string;
}

export interface LeaseOptions {
  drive: Drive;
  machine: string;
  user: string;
  pid: number;
  /** How long a lease counts without a refresh. */
  ttlMs: number;
  /** How long to wait for a lease someone else holds before giving up; 0: not at all. */
  waitMs: number;
  /** How often to look again while waiting. */
  pollMs: number;
  /** The region's time zone, to say since when the holder runs. */
  timeZone: string;
  retry: RetryPolicy;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Someone else holds the lease and it did not come free in time. */
export class LeaseHeldError extends Error {
  constructor(
    readonly holder: { machine: string; user: string; since: string },
    zone: string,
  ) {
    const since = formatDateTime(instantToWallClock(new Date(holder.since), zone));
    super(t('lease.held', { machine: holder.machine, user: holder.user, since }));
  }
}

/** Our lease was taken over (it expired while we were not refreshing it). */
export class LeaseLostError extends Error {
  constructor() {
    super(t('lease.lost'));
  }
}

export class Lease {
  private constructor(
    private readonly o: LeaseOptions,
    private file: RemoteFile,
    private readonly started: string,
  ) {}

  /** Takes the lease: at once, after waiting for it, or by taking over an expired one. */
  static async acquire(o: LeaseOptions): Promise<Lease> {
    const giveUpAt = o.now() + o.waitMs;
    for (;;) {
      const started = new Date(o.now()).toISOString();
      const created = await withRetry(
        () => o.drive.create(LEASE_FOLDER, LEASE_NAME, body(o, started)),
        o.retry,
      );
      if (created.ok) return new Lease(o, created.file, started);
      const held = await current(o);
      if (held === null) continue; // released meanwhile: race again
      if (held.record === null || Date.parse(held.record.expires) <= o.now()) {
        // Expired (or unreadable, which no run of ours writes): remove exactly that version.
        await withRetry(() => o.drive.remove(held.file), o.retry);
        continue;
      }
      const left = giveUpAt - o.now();
      if (left <= 0) {
        const { machine, user, started: since } = held.record;
        throw new LeaseHeldError({ machine, user, since }, o.timeZone);
      }
      await o.sleep(Math.min(o.pollMs, left));
    }
  }

  /** Extends the lease; LeaseLostError when someone took it over meanwhile. */
  async refresh(): Promise<void> {
    const result = await withRetry(
      () =>
        this.o.drive.upload(
          LEASE_FOLDER,
          LEASE_NAME,
          body(this.o, this.started),
          this.file.version,
        ),
      this.o.retry,
    );
    if (!result.ok) throw new LeaseLostError();
    this.file = result.file;
  }

  /** Gives the lease back; one that was taken over is left to its new holder. */
  async release(): Promise<void> {
    await withRetry(() => this.o.drive.remove(this.file), this.o.retry);
  }
}

function body(o: LeaseOptions, started: string): Buffer {
  const record: LeaseRecord = {
    machine: o.machine,
    user: o.user,
    pid: o.pid,
    started,
    expires: new Date(o.now() + o.ttlMs).toISOString(),
  };
  return Buffer.from(`${JSON.stringify(record, null, 2)}\n`);
}

/** The lease file as it is now and what it says (null when unreadable); null when there is none. */
async function current(
  o: LeaseOptions,
): Promise<{ file: RemoteFile; record: LeaseRecord | null } | null> {
  let files: RemoteFile[];
  try {
    files = await withRetry(() => o.drive.list(LEASE_FOLDER), o.retry);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
  const file = files.find((f) => f.name === LEASE_NAME && f.kind === 'file');
  if (!file) return null;
  try {
    const bytes = await withRetry(() => o.drive.download(file), o.retry);
    return { file, record: parseRecord(bytes) };
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

function parseRecord(bytes: Buffer): LeaseRecord | null {
  try {
    const r = JSON.parse(bytes.toString('utf8')) as Partial<LeaseRecord>;
    const ok =
      typeof r.machine === 'string' &&
      typeof r.user === 'string' &&
      typeof r.started === 'string' &&
      typeof r.expires === 'string' &&
      !Number.isNaN(Date.parse(r.expires));
    return ok ? (r as LeaseRecord) : null;
  } catch {
    return null;
  }
}
