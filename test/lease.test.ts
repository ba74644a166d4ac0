import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Drive } from '../src/drive/drive.js';
import { FolderDrive } from '../src/drive/folder.js';
import { GoogleDrive } from '../src/drive/gdrive.js';
import type { RetryPolicy } from '../src/drive/retry.js';
import { STATE_FOLDER as LEASE_FOLDER } from '../src/sync/state-file.js';
import {
  acquireLease,
  LEASE_NAME,
  releaseLeftLease,
  type LeaseOptions,
} from '../src/sync/lease.js';
import { LeaseHeldError, LeaseLostError, type LeaseInfo } from '../src/sync/run-errors.js';
import { startDriveDouble, type DriveDouble } from './helpers/drive-double.js';

// The sync's lease (issue 10 §2) on the folder backend and on the Google Drive double, through
// the Drive interface only. Time is a fake clock that each test moves: no real waiting.

const TTL = 10 * 60_000;
const NO_RETRY: RetryPolicy = {
  baseMs: 1,
  maxDelayMs: 1,
  deadlineMs: 0,
  sleep: async () => {},
  random: () => 0,
  now: () => 0,
};

interface Backend {
  name: string;
  open(): Promise<{ client: () => Drive; close: () => Promise<void> }>;
}

let double: DriveDouble;
beforeAll(async () => {
  double = await startDriveDouble();
});
afterAll(async () => double.close());

const backends: Backend[] = [
  {
    name: 'folder',
    async open() {
      const root = await mkdtemp(path.join(tmpdir(), 'lease-'));
      return {
        client: () => new FolderDrive(root),
        close: () => rm(root, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'Google Drive double',
    async open() {
      double.clear();
      const root = double.addFolder('Regio');
      const auth = new OAuth2Client();
      auth.setCredentials({ access_token: double.token, expiry_date: Date.now() + 3_600_000 });
      return {
        client: () => new GoogleDrive({ folderId: root, auth, rootUrl: double.url }),
        close: async () => {},
      };
    },
  },
];

for (const backend of backends) {
  describe(`Lease on ${backend.name}`, () => {
    let client: () => Drive;
    let close: () => Promise<void>;
    let clock: number;

    beforeEach(async () => {
      ({ client, close } = await backend.open());
      clock = Date.parse('2025-03-03T09:00:00Z');
    });
    afterEach(async () => close());

    /** A run on `machine`, sharing the test's clock; sleeping moves the clock. */
    const run = (machine: string, o: Partial<LeaseOptions> = {}): LeaseOptions => ({
      drive: client(),
      holder: { machine, user: `coördinator op ${machine}`, pid: 4242 },
      ttlMs: TTL,
      waitMs: 0,
      pollMs: 30_000,
      retry: NO_RETRY,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      onWait: () => {},
      ...o,
    });

    async function stored(): Promise<LeaseInfo> {
      const drive = client();
      const [file] = (await drive.list(LEASE_FOLDER)).filter((f) => f.name === LEASE_NAME);
      return JSON.parse((await drive.download(file!)).toString()) as LeaseInfo;
    }

    it('writes who holds it and until when, and gives it back', async () => {
      const lease = await acquireLease(run('pc-1'));
      expect(await stored()).toEqual({
        machine: 'pc-1',
        user: 'coördinator op pc-1',
        pid: 4242,
        started: '2025-03-03T09:00:00.000Z',
        expires: '2025-03-03T09:10:00.000Z',
      });
      await lease.release();
      expect(await client().list(LEASE_FOLDER)).toEqual([]);
      await (await acquireLease(run('pc-2'))).release();
    });

    it('lets exactly one of two runs started at once have it; the other is told who and since when', async () => {
      const outcomes = await Promise.allSettled([
        acquireLease(run('pc-1')),
        acquireLease(run('pc-2')),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const err = (lost[0] as PromiseRejectedResult).reason as LeaseHeldError;
      expect(err).toBeInstanceOf(LeaseHeldError);
      const holder = (await stored()).machine;
      expect(err.holder).toMatchObject({ machine: holder, started: '2025-03-03T09:00:00.000Z' });
    });

    it('waits a bounded time for a held lease, and gets it when it is given back', async () => {
      const first = await acquireLease(run('pc-1'));
      let polls = 0;
      const told: [string, number][] = [];
      const second = await acquireLease(
        run('pc-2', {
          waitMs: 5 * 60_000,
          sleep: async (ms) => {
            clock += ms;
            if (++polls === 2) await first.release();
          },
          onWait: (holder, waitMs) => told.push([holder.machine, waitMs]),
        }),
      );
      expect(polls).toBe(2);
      expect(told).toEqual([['pc-1', 5 * 60_000]]); // once, before the first wait
      expect((await stored()).machine).toBe('pc-2');
      await second.release();
    });

    it('gives up after the bounded wait when the holder keeps it', async () => {
      await acquireLease(run('pc-1'));
      const waited = clock;
      await expect(acquireLease(run('pc-2', { waitMs: 2 * 60_000 }))).rejects.toBeInstanceOf(
        LeaseHeldError,
      );
      expect(clock - waited).toBe(2 * 60_000);
    });

    it('waits a wait shorter than a poll too, and tells it; a wait of 0 gives up at once, untold', async () => {
      await acquireLease(run('pc-1'));
      const told: number[] = [];
      const onWait = (_: unknown, waitMs: number) => told.push(waitMs);
      const start = clock;
      await expect(acquireLease(run('pc-2', { waitMs: 10_000, onWait }))).rejects.toBeInstanceOf(
        LeaseHeldError,
      );
      expect([clock - start, told]).toEqual([10_000, [10_000]]);
      await expect(acquireLease(run('pc-3', { waitMs: 0, onWait }))).rejects.toBeInstanceOf(
        LeaseHeldError,
      );
      expect([clock - start, told]).toEqual([10_000, [10_000]]);
    });

    it("takes over a killed run's lease once it expired, and only then", async () => {
      await acquireLease(run('pc-1')); // killed: never released, never refreshed
      clock += TTL - 1;
      await expect(acquireLease(run('pc-2'))).rejects.toBeInstanceOf(LeaseHeldError);
      clock += 1;
      const taken = await acquireLease(run('pc-2'));
      expect(await stored()).toMatchObject({ machine: 'pc-2' });
      expect((await client().list(LEASE_FOLDER)).map((f) => f.name)).toEqual([LEASE_NAME]);
      await taken.release();
    });

    it('lets exactly one of two runs take over an expired lease', async () => {
      await acquireLease(run('pc-1'));
      clock += TTL + 1;
      const outcomes = await Promise.allSettled([
        acquireLease(run('pc-2')),
        acquireLease(run('pc-3')),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(['pc-2', 'pc-3']).toContain((await stored()).machine);
    });

    it('keeps the lease while it is refreshed; a lease taken over is lost', async () => {
      const lease = await acquireLease(run('pc-1'));
      clock += TTL - 60_000;
      await lease.assertHeld();
      expect((await stored()).expires).toBe(new Date(clock + TTL).toISOString());
      clock += 2 * 60_000; // past the first expiry, not the refreshed one
      await expect(acquireLease(run('pc-2'))).rejects.toBeInstanceOf(LeaseHeldError);
      clock += TTL; // no refresh for too long: another run takes it over
      const other = await acquireLease(run('pc-2'));
      clock += TTL;
      await expect(lease.assertHeld()).rejects.toBeInstanceOf(LeaseLostError);
      await lease.release(); // leaves the new holder's lease alone
      expect((await stored()).machine).toBe('pc-2');
      await other.release();
    });

    it("releases the lease its child process left (out of memory), never another's", async () => {
      // The child's run (pid 4242 on pc-1): stopped, never released. Its parent runs as pid 1.
      await acquireLease(run('pc-1'));
      const parent = (machine: string) => run(machine, { holder: { machine, user: 'x', pid: 1 } });
      await releaseLeftLease(parent('pc-1'), 9999);
      await releaseLeftLease(parent('pc-2'), 4242);
      expect((await stored()).machine).toBe('pc-1');
      await releaseLeftLease(parent('pc-1'), 4242);
      expect(await client().list(LEASE_FOLDER)).toEqual([]);
      await (await acquireLease(run('pc-2'))).release();
    });
  });
}
