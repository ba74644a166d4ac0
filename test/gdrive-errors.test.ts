import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, OfflineError, TransportError } from '../src/drive/drive.js';
import { GoogleDrive, XLSX_MIME } from '../src/drive/gdrive.js';
import { DEFAULT_RETRY, GaveUpError, withRetry, type RetryPolicy } from '../src/drive/retry.js';
import { startDriveDouble, type DriveDouble } from './helpers/drive-double.js';
import { rejection } from './helpers/rejection.js';

// What a coordinator reads when Google Drive refuses (issue 10 §5): Dutch, with the advice that
// fits the cause, no English reason codes, one full stop; and being offline is said within 30 s.

let double: DriveDouble;
let root: string;

beforeAll(async () => {
  double = await startDriveDouble();
});
afterAll(async () => double.close());
beforeEach(() => {
  double.clear();
  root = double.addFolder('Regio');
});

function backend(rootUrl = double.url): GoogleDrive {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: double.token, expiry_date: Date.now() + 3_600_000 });
  return new GoogleDrive({ folderId: root, auth, rootUrl });
}

const caught = (p: Promise<unknown>) => rejection(p, TransportError);

function expectDutch(message: string): void {
  expect(message).not.toMatch(/forbidden|insufficient|notFound|Exceeded|Error\b|refused/i);
  expect(message).not.toMatch(/\.\s*\.$/);
  expect(message).toMatch(/\.$/);
}

describe('Google Drive errors in Dutch, with the right advice', () => {
  it('403 without a rate-limit reason: no permission, final, no English reason', async () => {
    for (const reason of ['forbidden', 'insufficientFilePermissions']) {
      double.inject({ type: 'status', status: 403, reason }, { kind: 'list' });
      const err = await caught(backend().list(''));
      expect(err).toMatchObject({ retryable: false, status: 403 });
      expect(err.message).toContain('geen toestemming. Vraag wie de gedeelde drive beheert');
      expectDutch(err.message);
    }
  });

  it('a full drive (storageQuotaExceeded): says so, final', async () => {
    double.inject(
      { type: 'status', status: 403, reason: 'storageQuotaExceeded' },
      { kind: 'upload' },
    );
    const err = await caught(backend().upload('', 'o.xlsx', Buffer.from('x'), null));
    expect(err).toMatchObject({ retryable: false });
    expect(err.message).toMatch(/de opslag van de gedeelde drive is vol\. Maak ruimte vrij/);
    expectDutch(err.message);
  });

  it('404 on a file says it is gone; only a missing folder gets the advice on the folder ID', async () => {
    const file = double.addFile('g.xlsx', root, 'g', XLSX_MIME);
    const drive = backend();
    const [listed] = await drive.list('');
    double.store.deleteFile(file.id);
    const gone = await caught(drive.download(listed!));
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone.message).toContain('het bestand bestaat niet meer');
    expect(gone.message).not.toContain('MAP_ID');
    expectDutch(gone.message);

    double.inject({ type: 'status', status: 404, reason: 'notFound' }, { kind: 'list' });
    const folder = await caught(drive.list(''));
    expect(folder).toBeInstanceOf(NotFoundError);
    expect(folder.message).toContain('Controleer de map-ID in gdrive:MAP_ID');
    expectDutch(folder.message);
  });
});

describe('offline', () => {
  /** A loopback port nobody listens on: connections are refused at once. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    return port;
  }

  it('a refused connection or a name that does not resolve is an OfflineError that says so', async () => {
    const urls = [`http://127.0.0.1:${await closedPort()}/`, 'http://partnerschap.invalid/'];
    for (const url of urls) {
      const err = await caught(backend(url).list(''));
      expect(err, url).toBeInstanceOf(OfflineError);
      expect(err.retryable).toBe(true);
      expect(err.message).toMatch(
        /geen verbinding met Google \((ECONNREFUSED|ENOTFOUND|EAI_AGAIN)\)\. Controleer of deze computer/,
      );
    }
  });

  it('is given up within 30 s by the default policy, where other transient faults get minutes', async () => {
    expect(DEFAULT_RETRY.offlineDeadlineMs).toBeLessThanOrEqual(30_000);
    let clock = 0;
    const policy: RetryPolicy = {
      ...DEFAULT_RETRY,
      random: () => 0.999,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    };
    const always = (err: TransportError) => () => Promise.reject(err);
    const offline = await withRetry(always(new OfflineError('offline')), policy).catch((e) => e);
    expect(offline).toBeInstanceOf(GaveUpError);
    expect(clock).toBeLessThanOrEqual(30_000);
    expect(clock).toBeGreaterThan(10_000);

    clock = 0;
    const busy = await withRetry(always(new TransportError('503', true)), policy).catch((e) => e);
    expect(busy).toBeInstanceOf(GaveUpError);
    expect(clock).toBeGreaterThan(60_000);
  });
});
