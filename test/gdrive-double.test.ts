import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { drive, type drive_v3 } from '@googleapis/drive';
import ExcelJS from 'exceljs';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { splitMultipart, startDriveDouble, type DriveDouble } from './helpers/drive-double.js';

// Proves the test double before any backend test trusts it: through the same client library the
// backend uses, an xlsx goes up and comes back byte-identical with the right md5Checksum, and a
// v2 update with a stale If-Match is refused with 412.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let double: DriveDouble;
let xlsx: Buffer;
let root: string;

function clients(d: DriveDouble) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: d.token, expiry_date: Date.now() + 3_600_000 });
  // googleapis-common types its own copy of google-auth-library.
  const a = auth as unknown as drive_v3.Options['auth'];
  return {
    v3: drive({ version: 'v3', auth: a, retry: false }),
    v2: drive({ version: 'v2', auth: a, retry: false }),
    // rootUrl per call: a client-wide rootUrl does not redirect uploads.
    opts: { rootUrl: d.url },
  };
}

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Persona's");
  ws.addRow(['Persona', 'Gemeente', 'Geschatte burgers', 'Toelichting']);
  for (let i = 0; i < 40; i++) ws.addRow([`P${i}`, 'Deinze', i * 7, 'één café, naïef — ✓']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  double = await startDriveDouble();
  xlsx = await workbook();
});
afterAll(async () => double.close());
beforeEach(() => {
  double.clear();
  root = double.addFolder('Regio');
});

describe('google-drive-mock behind the binary-safe layer', () => {
  it('returns an uploaded xlsx byte-identical, with the right md5Checksum and size', async () => {
    expect(xlsx.toString('utf8')).toContain('\uFFFD'); // not valid UTF-8: the case that broke
    const { v3, opts } = clients(double);
    const created = await v3.files.create(
      {
        requestBody: { name: 'overzicht.xlsx', parents: [root], mimeType: XLSX },
        media: { mimeType: XLSX, body: Readable.from([xlsx]) },
        fields: 'id,name,mimeType,md5Checksum,size,version',
        supportsAllDrives: true,
      },
      opts,
    );
    expect(created.data.md5Checksum).toBe(md5(xlsx));
    expect(Number(created.data.size)).toBe(xlsx.length);
    expect(created.data.mimeType).toBe(XLSX);

    const got = await v3.files.get(
      { fileId: created.data.id!, alt: 'media', supportsAllDrives: true },
      { ...opts, responseType: 'arraybuffer' },
    );
    const back = Buffer.from(got.data as unknown as ArrayBuffer);
    expect(back.equals(xlsx)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(back as unknown as ArrayBuffer);
    expect(wb.getWorksheet("Persona's")?.getCell('D2').value).toBe('één café, naïef — ✓');
  });

  it('stores uploadType=media bodies (v2 update), byte-identical', async () => {
    const { v2, v3, opts } = clients(double);
    const f = double.addFile('a.xlsx', root, Buffer.from('old'), XLSX);
    const etag = (await v2.files.get({ fileId: f.id }, opts)).data.etag!;
    const res = await v2.files.update(
      { fileId: f.id, media: { mimeType: XLSX, body: Readable.from([xlsx]) } },
      { ...opts, headers: { 'If-Match': etag } },
    );
    expect(res.data.md5Checksum).toBe(md5(xlsx));
    expect(Number(res.data.fileSize)).toBe(xlsx.length);
    const got = await v3.files.get(
      { fileId: f.id, alt: 'media' },
      { ...opts, responseType: 'arraybuffer' },
    );
    expect(Buffer.from(got.data as unknown as ArrayBuffer).equals(xlsx)).toBe(true);
    // And a v2 download sends the bytes too (the bare mock sends a Buffer as JSON).
    const v2got = await v2.files.get(
      { fileId: f.id, alt: 'media' },
      { ...opts, responseType: 'arraybuffer' },
    );
    expect(Buffer.from(v2got.data as unknown as ArrayBuffer).equals(xlsx)).toBe(true);
  });

  it('answers a v2 update with a stale If-Match with 412 and keeps the file', async () => {
    const { v2, opts } = clients(double);
    const f = double.addFile('overzicht.xlsx', root, xlsx, XLSX);
    const before = (await v2.files.get({ fileId: f.id }, opts)).data;
    double.store.updateFile(f.id, { content: Buffer.from('someone else') }); // another writer
    const stale = v2.files.update(
      { fileId: f.id, media: { mimeType: XLSX, body: Readable.from([Buffer.from('mine')]) } },
      { ...opts, headers: { 'If-Match': before.etag! } },
    );
    await expect(stale).rejects.toMatchObject({ status: 412 });
    expect(double.content(f.id).toString()).toBe('someone else');

    const now = (await v2.files.get({ fileId: f.id }, opts)).data;
    expect(now.etag).not.toBe(before.etag);
    expect(Number(now.version)).toBeGreaterThan(Number(before.version));
    const fresh = await v2.files.update(
      { fileId: f.id, media: { mimeType: XLSX, body: Readable.from([xlsx]) } },
      { ...opts, headers: { 'If-Match': now.etag! } },
    );
    expect(fresh.data.md5Checksum).toBe(md5(xlsx));
  });

  it('lists with q on parents, fields masks and pages of at most pageSize', async () => {
    const { v3, opts } = clients(double);
    for (let i = 0; i < 5; i++) double.addFile(`f${i}.xlsx`, root, `x${i}`, XLSX);
    double.addFile('elders.xlsx', double.addFolder('Elders'), 'y', XLSX);
    const page = await v3.files.list(
      {
        q: `'${root}' in parents and trashed = false`,
        fields: 'nextPageToken,files(id,name,md5Checksum,version)',
        pageSize: 3,
      },
      opts,
    );
    expect(page.data.files).toHaveLength(3);
    expect(Object.keys(page.data.files![0]!).sort()).toEqual([
      'id',
      'md5Checksum',
      'name',
      'version',
    ]);
    expect(page.data.nextPageToken).toBeTruthy();
  });
});

describe('the gaps of the bare google-drive-mock 1.2.0 (why the layer exists)', () => {
  // If this fails, google-drive-mock got binary-safe: the layer in drive-double.ts may go.
  it('corrupts a binary multipart upload without the layer', async () => {
    const bare = await startDriveDouble({ binarySafe: false });
    try {
      const { v3, opts } = clients(bare);
      const created = await v3.files.create(
        {
          requestBody: { name: 'kapot.xlsx', parents: [root] },
          media: { mimeType: XLSX, body: Readable.from([xlsx]) },
          fields: 'id,size,md5Checksum',
        },
        opts,
      );
      expect(Number(created.data.size)).toBeGreaterThan(xlsx.length); // U+FFFD for each bad byte
      expect(created.data.md5Checksum).not.toBe(md5(xlsx));
    } finally {
      await bare.close();
    }
  });
});

describe('the fault-injecting proxy', () => {
  it('counts calls by kind with their bytes, and plays scripted faults once each', async () => {
    const { v3, opts } = clients(double);
    const f = double.addFile('a.xlsx', root, xlsx, XLSX);
    double.inject({ type: 'status', status: 429, retryAfter: '3' }, { kind: 'download' });
    await expect(
      v3.files.get({ fileId: f.id, alt: 'media' }, { ...opts, responseType: 'arraybuffer' }),
    ).rejects.toMatchObject({ status: 429 });
    await v3.files.get({ fileId: f.id, alt: 'media' }, { ...opts, responseType: 'arraybuffer' });
    await v3.files.list({ q: `'${root}' in parents` }, opts);
    const c = double.counts();
    expect(c).toMatchObject({ download: 2, list: 1, upload: 0, other: 0, total: 3 });
    expect(double.calls[0]).toMatchObject({ kind: 'download', status: 429, fault: 'status' });
    expect(double.calls[1]!.bytesOut).toBe(xlsx.length);
  });

  it('splits multipart bodies on the boundary as bytes', () => {
    const media = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x80]);
    const body = Buffer.concat([
      Buffer.from('--b\r\ncontent-type: application/json\r\n\r\n{"name":"x"}\r\n--b\r\n'),
      Buffer.from('content-type: application/octet-stream\r\n\r\n'),
      media,
      Buffer.from('\r\n--b--'),
    ]);
    const parts = splitMultipart(body, 'b');
    expect(parts).toHaveLength(2);
    expect(parts[0]!.body.toString()).toBe('{"name":"x"}');
    expect(parts[1]!.body.equals(media)).toBe(true);
  });
});
