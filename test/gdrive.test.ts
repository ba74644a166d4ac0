import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { drive, type drive_v3 } from '@googleapis/drive';
import ExcelJS from 'exceljs';
import { JWT, OAuth2Client } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runLogin } from '../src/cli/login-command.js';
import { UsageError } from '../src/cli/usage-error.js';
import { NotFoundError, TransportError, type RemoteFile } from '../src/drive/drive.js';
import {
  AuthError,
  configDir,
  driveAuth,
  loadToken,
  saveToken,
  tokenPath,
  type DriveAuth,
} from '../src/drive/gdrive-auth.js';
import { GoogleDrive, parseRetryAfter, XLSX_MIME } from '../src/drive/gdrive.js';
import {
  FOLDER_MIME,
  startDriveDouble,
  type DriveDouble,
  type Fault,
} from './helpers/drive-double.js';
import { rejection } from './helpers/rejection.js';

// The Google Drive backend through the fault-injecting proxy in front of google-drive-mock:
// listing (kinds, pages, call counts), download, upload with its preconditions, folders, every
// transport fault as the right TransportError, and retried uploads that store the full bytes.
// Then sign-in: the token file's modes and the loopback login against a fake OAuth server.

let double: DriveDouble;
let root: string;
let xlsx: Buffer;

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

function tokenAuth(token: string): DriveAuth {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return auth;
}

function backend(o: { timeoutMs?: number; auth?: DriveAuth } = {}): GoogleDrive {
  return new GoogleDrive({
    folderId: root,
    auth: o.auth ?? tokenAuth(double.token),
    rootUrl: double.url,
    timeoutMs: o.timeoutMs,
  });
}

/** What withRetry does above the backend, without the waiting: retry retryable failures. */
async function retrying<T>(op: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await op();
    } catch (err) {
      if (!(err instanceof TransportError) || !err.retryable || i >= attempts) throw err;
    }
  }
}

const failure = (p: Promise<unknown>) => rejection(p, Error);
const caught = (p: Promise<unknown>) => rejection(p, TransportError);

async function workbook(rows: number, seed = 1): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Overzicht');
  ws.addRow(['Gemeente', 'Persona', 'Burgers']);
  for (let i = 0; i < rows; i++) ws.addRow([`Gemeente ${i}`, `Persona ${i * seed}`, i * seed]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  double = await startDriveDouble();
  xlsx = await workbook(50);
});
afterAll(async () => double.close());
beforeEach(() => {
  double.clear();
  root = double.addFolder('Regio Leie & Schelde');
});

describe('list', () => {
  it('lists the files directly in a folder with kinds, md5, size and version', async () => {
    const aanbod = double.addFolder('Aanbod', double.addFolder('Partners', root));
    double.addFile('ocmw.xlsx', aanbod, xlsx, XLSX_MIME);
    double.addFile('blad.gsheet', aanbod, '', 'application/vnd.google-apps.spreadsheet');
    double.addFile('snelkoppeling', aanbod, '', 'application/vnd.google-apps.shortcut');
    double.addFile('notities.txt', aanbod, 'hallo', 'text/plain');
    double.addFolder('Archief', aanbod);
    double.addFile('ergens-anders.xlsx', root, xlsx, XLSX_MIME);

    const files = await backend().list('Partners/Aanbod');
    expect(files.map((f) => [f.name, f.kind])).toEqual([
      ['blad.gsheet', 'native'],
      ['notities.txt', 'file'],
      ['ocmw.xlsx', 'file'],
      ['snelkoppeling', 'shortcut'],
    ]);
    const ocmw = files.find((f) => f.name === 'ocmw.xlsx')!;
    expect(ocmw).toMatchObject({ folder: 'Partners/Aanbod', size: xlsx.length, md5: md5(xlsx) });
    expect(ocmw.version).toMatch(/^.+@1$/);
    expect(files.find((f) => f.kind === 'native')!.md5).toBe('');
  });

  it('looks up a folder again when it was missing last time: one list call, no more', async () => {
    const gdrive = backend();
    await expect(gdrive.list('Gemeenten')).rejects.toBeInstanceOf(NotFoundError);
    expect(double.counts()).toMatchObject({ list: 1, total: 1 });
    double.resetCounts();
    await expect(gdrive.list('Gemeenten')).rejects.toThrow('de map "Gemeenten" bestaat niet');
    expect(double.counts()).toMatchObject({ list: 1, total: 1 });
    // Made by someone else meanwhile: found, not hidden by what we remembered.
    double.addFile('g.xlsx', double.addFolder('Gemeenten', root), 'g', XLSX_MIME);
    double.resetCounts();
    expect(await gdrive.list('Gemeenten')).toHaveLength(1);
    expect(double.counts()).toMatchObject({ list: 2, total: 2 }); // the lookup, the listing
    double.resetCounts();
    expect(await gdrive.list('Gemeenten')).toHaveLength(1);
    expect(double.counts()).toMatchObject({ list: 1, total: 1 }); // known now
  });

  it('makes one list call for 1,000 files, no downloads and no uploads', async () => {
    for (let i = 0; i < 1000; i++) double.addFile(`g${i}.xlsx`, root, `bytes ${i}`, XLSX_MIME);
    const gdrive = backend();
    const files = await gdrive.list('');
    expect(files).toHaveLength(1000);
    expect(double.counts()).toMatchObject({ list: 1, download: 0, upload: 0, other: 0 });
    expect(new URL(double.calls[0]!.url, 'http://x').searchParams.get('pageSize')).toBe('1000');
  });

  it('makes ⌈n/1000⌉ list calls per folder, plus one folder lookup per parent per run', async () => {
    const gemeenten = double.addFolder('Gemeenten', root);
    for (let i = 0; i < 1001; i++) double.addFile(`g${i}.xlsx`, gemeenten, `b${i}`, XLSX_MIME);
    const kandidaturen = double.addFolder('Kandidaturen', double.addFolder('Partners', root));
    for (let i = 0; i < 10; i++) double.addFile(`k${i}.xlsx`, kandidaturen, `k${i}`, XLSX_MIME);

    const gdrive = backend();
    expect(await gdrive.list('Gemeenten')).toHaveLength(1001);
    // One lookup of the root's folders, then 2 pages.
    expect(double.counts()).toMatchObject({ list: 3, download: 0, upload: 0, other: 0 });
    const pages = double.calls.filter((c) => c.url.includes(encodeURIComponent(gemeenten)));
    expect(pages).toHaveLength(2);

    double.resetCounts();
    expect(await gdrive.list('Gemeenten')).toHaveLength(1001);
    expect(double.counts().list).toBe(2); // folder ids are remembered

    double.resetCounts();
    expect(await gdrive.list('Partners/Kandidaturen')).toHaveLength(10);
    expect(double.counts().list).toBe(2); // Partners' folders, then 1 page
  });

  it('orders files by name and keeps duplicates (reported above the backend)', async () => {
    double.addFile('b.xlsx', root, 'b', XLSX_MIME);
    double.addFile('a.xlsx', root, 'a1', XLSX_MIME);
    double.addFile('a.xlsx', root, 'a2', XLSX_MIME);
    const names = (await backend().list('')).map((f) => f.name);
    expect(names).toEqual(['a.xlsx', 'a.xlsx', 'b.xlsx']);
  });
});

describe('download', () => {
  it('returns the bytes in one call', async () => {
    double.addFile('ocmw.xlsx', root, xlsx, XLSX_MIME);
    const gdrive = backend();
    const [file] = await gdrive.list('');
    double.resetCounts();
    const bytes = await gdrive.download(file!);
    expect(bytes.equals(xlsx)).toBe(true);
    expect(double.counts()).toMatchObject({ download: 1, total: 1, bytesOut: xlsx.length });
  });

  it('refuses bytes that do not match the listed md5 (changed meanwhile)', async () => {
    const f = double.addFile('ocmw.xlsx', root, xlsx, XLSX_MIME);
    const gdrive = backend();
    const [file] = await gdrive.list('');
    double.store.updateFile(f.id, { content: Buffer.from('nieuw') });
    const err = await caught(gdrive.download(file!));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('ocmw.xlsx');
  });

  it('never downloads a native file or a shortcut', async () => {
    double.addFile('blad', root, '', 'application/vnd.google-apps.spreadsheet');
    const gdrive = backend();
    const [file] = await gdrive.list('');
    double.resetCounts();
    expect((await caught(gdrive.download(file!))).retryable).toBe(false);
    expect(double.counts().total).toBe(0);
  });
});

describe('upload', () => {
  it('creates a binary xlsx (never a Google Sheet), creating missing folders', async () => {
    const gdrive = backend();
    const res = await gdrive.upload('Overzicht/2025', 'overzicht.xlsx', xlsx, null);
    expect(res.ok).toBe(true);
    const file = (res as { file: RemoteFile }).file;
    expect(file).toMatchObject({
      folder: 'Overzicht/2025',
      name: 'overzicht.xlsx',
      kind: 'file',
      md5: md5(xlsx),
      size: xlsx.length,
    });
    const stored = double.store.getFile(file.id)!;
    expect(stored.mimeType).toBe(XLSX_MIME);
    expect(double.content(file.id).equals(xlsx)).toBe(true);
    const overzicht = double.store
      .listFiles()
      .find((f) => f.name === 'Overzicht' && f.mimeType === FOLDER_MIME)!;
    expect(overzicht.parents).toEqual([root]);
    expect(double.store.getFile(stored.parents![0]!)!.parents).toEqual([overzicht.id]);
    // root's folders, create Overzicht and look again (another client may have made one at the
    // same moment), the same for 2025, the name check, the upload.
    expect(double.counts()).toMatchObject({ list: 4, other: 2, upload: 1, download: 0 });

    double.resetCounts();
    await gdrive.upload('Overzicht/2025', 'feedback.xlsx', xlsx, null);
    expect(double.counts()).toMatchObject({ list: 1, other: 0, upload: 1 }); // folders known
    expect(await gdrive.list('Overzicht/2025')).toHaveLength(2);
  });

  it('creates a new folder once for parallel uploads, and once after a lost answer', async () => {
    // Timeouts with room for a busy machine: only the answer made slow on purpose may miss one.
    const gdrive = backend({ timeoutMs: 1_500 });
    const names = ['a.xlsx', 'b.xlsx', 'c.xlsx'];
    const results = await Promise.all(
      names.map((n, i) => gdrive.upload('Feedback', n, Buffer.from(`f${i}`), null)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const folders = () => double.store.listFiles().filter((f) => f.mimeType === FOLDER_MIME);
    expect(folders().filter((f) => f.name === 'Feedback')).toHaveLength(1);

    // The folder is made, but its answer comes too late: the retry must find it, not add one.
    double.inject({ type: 'slow', delayMs: 3_000 }, { kind: 'other' });
    await expect(gdrive.upload('Overzicht', 'o.xlsx', xlsx, null)).rejects.toMatchObject({
      retryable: true,
    });
    expect((await retrying(() => gdrive.upload('Overzicht', 'o.xlsx', xlsx, null))).ok).toBe(true);
    expect(folders().filter((f) => f.name === 'Overzicht')).toHaveLength(1);
  });

  it('updates a file that is still the version we saw: one read, one upload', async () => {
    const gdrive = backend();
    const first = await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, null);
    if (!first.ok) throw new Error('create failed');
    const next = await workbook(60, 2);
    double.resetCounts();
    const res = await gdrive.upload('Overzicht', 'overzicht.xlsx', next, first.file.version);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.file.id).toBe(first.file.id);
    expect(res.file.version).not.toBe(first.file.version);
    expect(res.file.md5).toBe(md5(next));
    expect(double.content(first.file.id).equals(next)).toBe(true);
    expect(double.counts()).toMatchObject({ list: 0, other: 1, upload: 1, download: 0 });
    const put = double.calls.find((c) => c.kind === 'upload')!;
    expect(put.method).toBe('PUT');
    expect(put.url).toContain('/upload/drive/v2/files/');
    expect(put.bytesIn).toBe(next.length);

    // The version a list() gives works the same way.
    const [listed] = await gdrive.list('Overzicht');
    expect(listed!.version).toBe(res.file.version);
    expect((await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, listed!.version)).ok).toBe(
      true,
    );
  });

  it('is a conflict when the file changed since we saw it; nothing is written', async () => {
    const gdrive = backend();
    const first = await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, null);
    if (!first.ok) throw new Error('create failed');
    double.store.updateFile(first.file.id, { content: Buffer.from('van iemand anders') });
    double.resetCounts();
    const res = await gdrive.upload(
      'Overzicht',
      'overzicht.xlsx',
      await workbook(3),
      first.file.version,
    );
    expect(res).toEqual({ ok: false, conflict: true });
    expect(double.content(first.file.id).toString()).toBe('van iemand anders');
    expect(double.counts().upload).toBe(0);
  });

  it('is a conflict when the file changes between the read and the write (412)', async () => {
    const gdrive = backend();
    const first = await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, null);
    if (!first.ok) throw new Error('create failed');
    const other = () => {
      double.store.updateFile(first.file.id, { content: Buffer.from('tussendoor') });
    };
    double.inject({ type: 'before', run: other }, { kind: 'upload' });
    double.resetCounts();
    const res = await gdrive.upload(
      'Overzicht',
      'overzicht.xlsx',
      await workbook(3),
      first.file.version,
    );
    expect(res).toEqual({ ok: false, conflict: true });
    expect(double.calls.find((c) => c.kind === 'upload')!.status).toBe(412);
    expect(double.content(first.file.id).toString()).toBe('tussendoor');
  });

  it('is a conflict to create a name that exists; nothing is written', async () => {
    const existing = double.addFile(
      'overzicht.xlsx',
      double.addFolder('Overzicht', root),
      'oud',
      XLSX_MIME,
    );
    const res = await backend().upload('Overzicht', 'overzicht.xlsx', xlsx, null);
    expect(res).toEqual({ ok: false, conflict: true });
    expect(double.content(existing.id).toString()).toBe('oud');
    expect(double.counts().upload).toBe(0);
    expect(double.store.listFiles().filter((f) => f.name === 'overzicht.xlsx')).toHaveLength(1);
  });

  it('is a conflict when the file we saw was replaced by another of the same name', async () => {
    const gdrive = backend();
    const first = await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, null);
    if (!first.ok) throw new Error('create failed');
    const folder = double.store.getFile(first.file.id)!.parents![0]!;
    double.store.deleteFile(first.file.id);
    const replacement = double.addFile('overzicht.xlsx', folder, 'nieuw', XLSX_MIME);
    expect(String(replacement.version)).toBe(first.file.version.split('@')[1]); // same number
    const res = await gdrive.upload(
      'Overzicht',
      'overzicht.xlsx',
      await workbook(2),
      first.file.version,
    );
    expect(res).toEqual({ ok: false, conflict: true });
    expect(double.content(replacement.id).toString()).toBe('nieuw');
  });

  it('succeeds without writing when the name already holds exactly these bytes', async () => {
    const gdrive = backend();
    const first = await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, null);
    if (!first.ok) throw new Error('create failed');
    double.resetCounts();
    const again = await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, null);
    expect(again).toEqual(first);
    expect(double.counts().upload).toBe(0);
  });

  it('never overwrites a Google-native file', async () => {
    const folder = double.addFolder('Overzicht', root);
    double.addFile('overzicht.xlsx', folder, '', 'application/vnd.google-apps.spreadsheet');
    const gdrive = backend();
    const [native] = await gdrive.list('Overzicht');
    expect(await gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, native!.version)).toEqual({
      ok: false,
      conflict: true,
    });
    expect(double.counts().upload).toBe(0);
  });
});

describe('transport faults', () => {
  const cases: {
    name: string;
    fault: Fault;
    retryable: boolean;
    after?: number;
    status: number | null;
  }[] = [
    {
      name: '429 with Retry-After in seconds',
      fault: { type: 'status', status: 429, retryAfter: '7' },
      retryable: true,
      after: 7000,
      status: 429,
    },
    {
      name: '403 rateLimitExceeded',
      fault: { type: 'status', status: 403, reason: 'rateLimitExceeded' },
      retryable: true,
      status: 403,
    },
    {
      name: '403 userRateLimitExceeded with Retry-After',
      fault: { type: 'status', status: 403, reason: 'userRateLimitExceeded', retryAfter: '2' },
      retryable: true,
      after: 2000,
      status: 403,
    },
    {
      name: '403 insufficientFilePermissions',
      fault: { type: 'status', status: 403, reason: 'insufficientFilePermissions' },
      retryable: false,
      status: 403,
    },
    { name: '500', fault: { type: 'status', status: 500 }, retryable: true, status: 500 },
    {
      name: '503 with Retry-After',
      fault: { type: 'status', status: 503, retryAfter: '1' },
      retryable: true,
      after: 1000,
      status: 503,
    },
    {
      name: '401',
      fault: { type: 'status', status: 401, reason: 'authError' },
      retryable: false,
      status: 401,
    },
    {
      name: '404',
      fault: { type: 'status', status: 404, reason: 'notFound' },
      retryable: false,
      status: 404,
    },
    { name: 'a connection reset', fault: { type: 'reset' }, retryable: true, status: null },
  ];

  for (const c of cases) {
    it(`maps ${c.name} to a ${c.retryable ? 'retryable' : 'final'} TransportError`, async () => {
      double.addFile('a.xlsx', root, 'a', XLSX_MIME);
      double.inject(c.fault, { kind: 'list' });
      const gdrive = backend();
      const err = await caught(gdrive.list(''));
      expect(err).toMatchObject({
        retryable: c.retryable,
        status: c.status,
        retryAfterMs: c.after ?? null,
      });
      expect(err instanceof NotFoundError).toBe(c.status === 404);
      expect(err.message).toMatch(/^Google Drive: de lijst van de map "\/" is mislukt: /);
      expect(err.message).not.toContain(double.token);
      expect(Object.keys(err)).not.toContain('config');
      expect(await gdrive.list('')).toHaveLength(1); // the next attempt works
    });
  }

  it('honours a Retry-After given as an HTTP date', async () => {
    // Made here, not when the file loads: a busy machine may start this test many seconds later.
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    double.inject({ type: 'status', status: 429, retryAfter: inAMinute }, { kind: 'list' });
    const err = await caught(backend().list(''));
    expect(err.retryAfterMs).toBeGreaterThan(50_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')),
    ).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });

  it('maps faults on downloads and uploads too (error bodies of binary requests)', async () => {
    double.addFile('a.xlsx', root, xlsx, XLSX_MIME);
    const gdrive = backend();
    const [file] = await gdrive.list('');
    double.inject(
      { type: 'status', status: 403, reason: 'userRateLimitExceeded' },
      { kind: 'download' },
    );
    expect(await caught(gdrive.download(file!))).toMatchObject({ retryable: true, status: 403 });
    double.inject(
      { type: 'status', status: 403, reason: 'storageQuotaExceeded' },
      { kind: 'upload' },
    );
    const err = await caught(gdrive.upload('', 'b.xlsx', xlsx, null));
    expect(err).toMatchObject({ retryable: false, status: 403 });
    expect(err.message).toContain('de opslag van de gedeelde drive is vol');
  });

  it('turns a slow answer into a retryable timeout, and waits for one within the limit', async () => {
    double.addFile('a.xlsx', root, 'a', XLSX_MIME);
    double.inject({ type: 'slow', delayMs: 1500 }, { kind: 'list' });
    const err = await caught(backend({ timeoutMs: 300 }).list(''));
    expect(err).toMatchObject({ retryable: true, status: null });
    expect(err.message).toContain('geen antwoord');
    double.inject({ type: 'slow', delayMs: 200 }, { kind: 'list' });
    expect(await backend({ timeoutMs: 5000 }).list('')).toHaveLength(1);
  });

  for (const fault of [
    { type: 'status', status: 503, retryAfter: '0' },
    { type: 'reset' },
  ] as Fault[]) {
    it(`retries an upload after a ${fault.type === 'reset' ? 'reset' : '503'} with a full, fresh body`, async () => {
      const gdrive = backend();
      // Create, retried.
      double.inject(fault, { kind: 'upload' });
      const created = await retrying(() =>
        gdrive.upload('Overzicht', 'overzicht.xlsx', xlsx, null),
      );
      if (!created.ok) throw new Error('create failed');
      expect(double.content(created.file.id).equals(xlsx)).toBe(true);
      expect(created.file.md5).toBe(md5(xlsx));
      const creates = double.calls.filter((c) => c.kind === 'upload');
      expect(creates).toHaveLength(2);
      expect(creates[1]!.bytesIn).toBe(creates[0]!.bytesIn); // the whole multipart body again

      // Update, retried.
      const next = await workbook(80, 3);
      double.resetCounts();
      double.inject(fault, { kind: 'upload' });
      const updated = await retrying(() =>
        gdrive.upload('Overzicht', 'overzicht.xlsx', next, created.file.version),
      );
      expect(updated.ok).toBe(true);
      expect(double.content(created.file.id).equals(next)).toBe(true);
      const puts = double.calls.filter((c) => c.kind === 'upload');
      expect(puts.map((p) => p.bytesIn)).toEqual([next.length, next.length]);
    });
  }

  it('why the library retry is off: it resends a stream body as 0 bytes', async () => {
    const f = double.addFile('overzicht.xlsx', root, xlsx, XLSX_MIME);
    const auth = tokenAuth(double.token) as drive_v3.Options['auth'];
    const v2 = drive({ version: 'v2', auth }); // the library's defaults: retry on
    double.inject({ type: 'status', status: 503 }, { kind: 'upload' });
    await v2.files.update(
      { fileId: f.id, media: { mimeType: XLSX_MIME, body: Readable.from([xlsx]) } },
      { rootUrl: double.url },
    );
    expect(double.calls.filter((c) => c.kind === 'upload').map((c) => c.bytesIn)).toEqual([
      xlsx.length,
      0,
    ]);
    expect(double.content(f.id)).toHaveLength(0); // the overview, emptied
  });
});

describe('label', () => {
  it('names the drive without the full folder id', () => {
    const gdrive = new GoogleDrive({ folderId: '1AbCdEfGhIjKlMnOp', auth: tokenAuth('x') });
    expect(gdrive.label).toBe('Google Drive-map 1AbCdE…');
  });
});

// ---- Sign-in -------------------------------------------------------------------------------------

describe('sign-in', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'gdrive-auth-'));
  });
  afterEach(async () => rm(tmp, { recursive: true, force: true }));

  const token = {
    type: 'authorized_user' as const,
    client_id: 'cid.apps.googleusercontent.com',
    client_secret: 'csecret',
    refresh_token: '1//refresh-geheim',
    scope: 'https://www.googleapis.com/auth/drive',
    created: '2025-01-01T00:00:00.000Z',
  };

  it('writes the token file with mode 0600 in a 0700 folder under XDG_CONFIG_HOME', async () => {
    const env = { XDG_CONFIG_HOME: path.join(tmp, 'xdg'), HOME: path.join(tmp, 'home') };
    const file = await saveToken(token, env);
    expect(file).toBe(path.join(tmp, 'xdg', 'partnerschap', 'gdrive-token.json'));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect(await loadToken(env)).toEqual(token);
    await saveToken({ ...token, refresh_token: 'nieuw' }, env); // replaced atomically
    expect((await loadToken(env))!.refresh_token).toBe('nieuw');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('uses ~/.config/partnerschap without XDG_CONFIG_HOME', async () => {
    const env = { HOME: path.join(tmp, 'home') };
    expect(configDir(env)).toBe(path.join(tmp, 'home', '.config', 'partnerschap'));
    expect(await saveToken(token, env)).toBe(tokenPath(env));
    expect((await stat(configDir(env))).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a token file or a config folder that others can read, as ssh does, and changes neither',
    async () => {
      const env = { XDG_CONFIG_HOME: path.join(tmp, 'xdg') };
      const file = await saveToken(token, env);
      await chmod(file, 0o644);
      const loose = await failure(driveAuth({ env }));
      expect(loose).toBeInstanceOf(AuthError);
      expect(loose.message).toBe(
        `${file} is leesbaar of schrijfbaar voor anderen (rechten 644). Het bevat een geheim en wordt zo niet gebruikt. Maak het privé met: chmod 600 "${file}"`,
      );
      expect((await stat(file)).mode & 0o777).toBe(0o644);
      await chmod(file, 0o600);
      const dir = configDir(env);
      await chmod(dir, 0o755);
      const open = await failure(loadToken(env));
      expect(open.message).toContain(`de map ${dir} is toegankelijk voor anderen (rechten 755)`);
      expect(open.message).toContain(`chmod 700 "${dir}"`);
      await expect(saveToken(token, env)).rejects.toThrow(`chmod 700 "${dir}"`);
      expect((await stat(dir)).mode & 0o777).toBe(0o755);
      await chmod(dir, 0o700);
      expect(await loadToken(env)).toEqual(token);
    },
  );

  it('says in Dutch how to sign in when there are no credentials', async () => {
    const env = { HOME: tmp };
    await expect(driveAuth({ env })).rejects.toThrow(AuthError);
    await expect(driveAuth({ env })).rejects.toThrow(/partnerschap login gdrive/);
    await expect(driveAuth({ env })).rejects.toThrow(tokenPath(env));
  });

  it('takes a service account key from PARTNERSCHAP_GDRIVE_KEY, and refuses other JSON', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = path.join(tmp, 'sa.json');
    await writeFile(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        client_email: 'sync@regio.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
      }),
      { mode: 0o600 },
    );
    const auth = await driveAuth({ env: { HOME: tmp, PARTNERSCHAP_GDRIVE_KEY: keyFile } });
    expect(auth).toBeInstanceOf(JWT);
    const bad = path.join(tmp, 'bad.json');
    await writeFile(bad, JSON.stringify({ installed: { client_id: 'x' } }), { mode: 0o600 });
    const err = await failure(driveAuth({ keyFile: bad, env: {} }));
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toContain('serviceaccount');
    await writeFile(bad, '-----BEGIN PRIVATE KEY----- geheim');
    const notJson = await failure(driveAuth({ keyFile: bad, env: {} }));
    expect(notJson.message).not.toContain('geheim');
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a service account key that others can read',
    async () => {
      const keyFile = path.join(tmp, 'sa.json');
      await writeFile(keyFile, '{}', { mode: 0o640 });
      await chmod(keyFile, 0o640);
      const err = await failure(driveAuth({ keyFile, env: {} }));
      expect(err).toBeInstanceOf(AuthError);
      expect(err.message).toContain(`(rechten 640)`);
      expect(err.message).toContain(`chmod 600 "${keyFile}"`);
    },
  );
});

describe('partnerschap login gdrive', () => {
  let tmp: string;
  let oauth: FakeOAuth;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'gdrive-login-'));
    oauth = await fakeOAuth(double.token);
  });
  afterEach(async () => {
    await oauth.close();
    await rm(tmp, { recursive: true, force: true });
  });

  async function clientFile(): Promise<string> {
    const file = path.join(tmp, 'client_secret_desktop.json');
    await writeFile(
      file,
      JSON.stringify({
        installed: {
          client_id: FAKE_CLIENT_ID,
          client_secret: FAKE_CLIENT_SECRET,
          auth_uri: `${oauth.url}/auth`,
          token_uri: `${oauth.url}/token`,
          redirect_uris: ['http://localhost'],
        },
      }),
    );
    return file;
  }

  /** A user at a browser: opens the printed address and follows the redirect to the loopback. */
  function browser(lines: string[], query: (q: URLSearchParams) => void = () => undefined) {
    let page: Promise<string> | null = null;
    const out = (line: string) => {
      lines.push(line);
      const url = /https?:\/\/\S+\/auth\?\S+/.exec(line)?.[0];
      if (url && !page) {
        const u = new URL(url);
        query(u.searchParams);
        page = fetch(u).then((r) => r.text());
      }
    };
    return { out, page: () => page };
  }

  it('stores the refresh token (0600) and prints where, never a token', async () => {
    const lines: string[] = [];
    const b = browser(lines);
    const env = { XDG_CONFIG_HOME: path.join(tmp, 'cfg'), HOME: tmp };
    const code = await runLogin('gdrive', { client: await clientFile() }, { out: b.out, env });
    expect(code).toBe(0);
    expect(await b.page()).toContain('Aangemeld');

    const file = path.join(tmp, 'cfg', 'partnerschap', 'gdrive-token.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(stored.refresh_token).toBe(FAKE_REFRESH);
    expect(stored.token_uri).toBe(`${oauth.url}/token`);

    // The exchange used PKCE S256 and the loopback redirect.
    expect(oauth.exchanges).toHaveLength(1);
    expect(oauth.exchanges[0]).toMatchObject({
      pkce: true,
      redirect: /^http:\/\/127\.0\.0\.1:\d+$/,
    });

    const output = lines.join('\n');
    expect(output).toContain(file);
    expect(output).toContain('Open deze link');
    for (const secret of [FAKE_REFRESH, FAKE_ACCESS, FAKE_CODE, FAKE_CLIENT_SECRET]) {
      expect(output).not.toContain(secret);
    }

    // The stored login signs the backend in: the refresh token buys an access token.
    const auth = await driveAuth({ env });
    double.addFile('a.xlsx', root, 'a', XLSX_MIME);
    expect(await backend({ auth }).list('')).toHaveLength(1);
    expect(oauth.refreshes).toBe(1);
  });

  it('fails in Dutch when the user refuses, and stores nothing', async () => {
    oauth.deny = true;
    const lines: string[] = [];
    const b = browser(lines);
    const env = { XDG_CONFIG_HOME: path.join(tmp, 'cfg') };
    const err = await failure(
      runLogin('gdrive', { client: await clientFile() }, { out: b.out, env }),
    );
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toContain('geweigerd');
    expect(err.message).toContain('access_denied');
    await expect(stat(tokenPath(env))).rejects.toThrow();
  });

  it('refuses an answer with another state', async () => {
    oauth.tamperState = true;
    const b = browser([]);
    const env = { XDG_CONFIG_HOME: path.join(tmp, 'cfg') };
    await expect(
      runLogin('gdrive', { client: await clientFile() }, { out: b.out, env }),
    ).rejects.toThrow(/state klopt niet/);
    expect(oauth.exchanges).toHaveLength(0);
  });

  it('reports a failed exchange by its OAuth error only', async () => {
    oauth.failExchange = true;
    const b = browser([]);
    const env = { XDG_CONFIG_HOME: path.join(tmp, 'cfg') };
    const err = await failure(
      runLogin('gdrive', { client: await clientFile() }, { out: b.out, env }),
    );
    expect(err.message).toContain('invalid_grant');
    expect(err.message).not.toContain(FAKE_CLIENT_SECRET);
    expect(err.message).not.toContain(FAKE_CODE);
  });

  it('takes the OAuth client from the environment, and explains where it can come from', async () => {
    const env = { HOME: tmp };
    await expect(runLogin('gdrive', {}, { out: () => undefined, env })).rejects.toThrow(
      /PARTNERSCHAP_GDRIVE_CLIENT_ID/,
    );
    await expect(runLogin('onedrive', {}, { out: () => undefined, env })).rejects.toThrow(
      /onbekende dienst "onedrive"/,
    );
    // With the variables set the flow starts (it times out here: no browser answers).
    const lines: string[] = [];
    const started = runLogin(
      'gdrive',
      { timeoutMs: 300 },
      {
        out: (l) => lines.push(l),
        env: {
          HOME: tmp,
          PARTNERSCHAP_GDRIVE_CLIENT_ID: 'id-env',
          PARTNERSCHAP_GDRIVE_CLIENT_SECRET: 's',
        },
      },
    );
    await expect(started).rejects.toThrow(/geen antwoord van Google/);
    expect(lines.join('\n')).toContain('client_id=id-env');
    expect(lines.join('\n')).toContain('https://accounts.google.com/');
  });
});

// ---- A fake OAuth server (authorization endpoint + token endpoint) on loopback ----------------

const FAKE_CLIENT_ID = 'partnerschap-test.apps.googleusercontent.com';
const FAKE_CLIENT_SECRET = 'GOCSPX-client-geheim';
const FAKE_CODE = '4/0-autorisatiecode-geheim';
const FAKE_REFRESH = '1//0g-vernieuwingstoken-geheim';
const FAKE_ACCESS = 'ya29.toegangstoken-geheim';

interface FakeOAuth {
  url: string;
  exchanges: { pkce: boolean; redirect: string }[];
  refreshes: number;
  deny: boolean;
  tamperState: boolean;
  failExchange: boolean;
  close(): Promise<void>;
}

async function fakeOAuth(accessTokenForRefresh: string): Promise<FakeOAuth> {
  let challenge = '';
  let redirect = '';
  const state: FakeOAuth = {
    url: '',
    exchanges: [],
    refreshes: 0,
    deny: false,
    tamperState: false,
    failExchange: false,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && u.pathname === '/auth') {
      challenge = u.searchParams.get('code_challenge') ?? '';
      redirect = u.searchParams.get('redirect_uri') ?? '';
      const back = new URL(redirect);
      back.searchParams.set(
        'state',
        state.tamperState ? 'andere' : (u.searchParams.get('state') ?? ''),
      );
      if (state.deny) back.searchParams.set('error', 'access_denied');
      else back.searchParams.set('code', FAKE_CODE);
      res.writeHead(302, { location: back.href }).end();
      return;
    }
    if (req.method === 'POST' && u.pathname === '/token') {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const p = new URLSearchParams(body);
        const json = (status: number, data: object) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
        const clientOk =
          p.get('client_id') === FAKE_CLIENT_ID && p.get('client_secret') === FAKE_CLIENT_SECRET;
        if (p.get('grant_type') === 'refresh_token') {
          state.refreshes++;
          if (!clientOk || p.get('refresh_token') !== FAKE_REFRESH)
            return json(400, { error: 'invalid_grant' });
          return json(200, {
            access_token: accessTokenForRefresh,
            expires_in: 3599,
            token_type: 'Bearer',
          });
        }
        const verifier = p.get('code_verifier') ?? '';
        const pkce = createHash('sha256').update(verifier).digest('base64url') === challenge;
        state.exchanges.push({ pkce, redirect: p.get('redirect_uri') ?? '' });
        if (
          state.failExchange ||
          !clientOk ||
          !pkce ||
          p.get('code') !== FAKE_CODE ||
          p.get('redirect_uri') !== redirect
        ) {
          return json(400, {
            error: 'invalid_grant',
            error_description: `Bad code ${p.get('code')}`,
          });
        }
        return json(200, {
          access_token: FAKE_ACCESS,
          refresh_token: FAKE_REFRESH,
          expires_in: 3599,
          scope: 'https://www.googleapis.com/auth/drive',
          token_type: 'Bearer',
        });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
