import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aanbodLayout } from '../src/domain/layouts.js';
import { GoogleDrive, XLSX_MIME } from '../src/drive/gdrive.js';
import { runSync, type SyncOptions } from '../src/sync/run-sync.js';
import { startDriveDouble, type DriveDouble } from './helpers/drive-double.js';
import { gdriveSyncOptions } from './helpers/sync-options.js';

// The sync against Google Drive (google-drive-mock behind the counting proxy), with 1,000 offer
// workbooks: what a sync costs in API calls when nothing changed, and when one file changed.

const FILES = 1000;
let double: DriveDouble;
let state: string;
let drive: GoogleDrive;
let aanbodFolder: string;
let sourceFolders: string[];

async function offerWorkbook(i: number, waitWeeks = 2): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(aanbodLayout.sheet);
  ws.addRow(Object.values(aanbodLayout.columns).map((c) => c.header));
  ws.addRow([
    `Partner ${i}`,
    `Aanbod ${i}`,
    'Begeleiding op maat',
    'Beperkt sociaal netwerk',
    null,
    null,
    'Hele regio',
    'Aan huis',
    'Nederlands',
    'Gratis',
    10,
    waitWeeks,
    null,
    'Onthaal',
    `onthaal${i}@voorbeeld.be`,
    null,
    null,
    null,
    new Date(Date.UTC(2023, 4, 1)),
  ]);
  wb.addWorksheet('_meta', { state: 'veryHidden' }).addRows([
    ['kind', 'aanbod'],
    ['version', 1],
    ['region', 'leie-schelde'],
    ['owner', `Partner ${i}`],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function options(): SyncOptions {
  return gdriveSyncOptions(drive, state);
}

/** List calls per listed folder id, from the `q` of each listing request. */
function listCallsPerFolder(): Map<string, number> {
  const per = new Map<string, number>();
  for (const call of double.calls.filter((c) => c.kind === 'list')) {
    const q = new URL(call.url, 'http://x').searchParams.get('q') ?? '';
    const parent = /'([^']+)' in parents/.exec(q)?.[1] ?? '?';
    per.set(parent, (per.get(parent) ?? 0) + 1);
  }
  return per;
}

beforeAll(async () => {
  double = await startDriveDouble();
  state = await mkdtemp(path.join(tmpdir(), 'sync-gdrive-'));
  const root = double.addFolder('Leie & Schelde');
  const partners = double.addFolder('Partners', root);
  aanbodFolder = double.addFolder('Aanbod', partners);
  sourceFolders = [
    double.addFolder('Gemeenten', root),
    aanbodFolder,
    double.addFolder('Kandidaturen', partners),
  ];
  for (let i = 0; i < FILES; i++) {
    double.addFile(
      `Aanbod ${String(i).padStart(4, '0')}.xlsx`,
      aanbodFolder,
      await offerWorkbook(i),
      XLSX_MIME,
    );
  }
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: double.token, expiry_date: Date.now() + 3_600_000 });
  drive = new GoogleDrive({ folderId: root, auth, rootUrl: double.url });
}, 120_000);

afterAll(async () => {
  await double.close();
  await rm(state, { recursive: true, force: true });
});

describe('sync against Google Drive', () => {
  it('pulls 1,000 workbooks and writes the overview', async () => {
    const first = await runSync(options());
    expect(first.files).toEqual({ pulled: FILES, unchanged: 0, refused: 0, skipped: 0 });
    expect(first.rows).toEqual({ read: FILES, taken: FILES, refused: 0 });
    // The overview and the steering group's report beside it.
    expect(first.uploaded).toBe(2);
    expect(first.overview).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
  }, 180_000);

  it('lists each source folder once; downloads only the drive state, uploads only the lease', async () => {
    double.resetCounts();
    const again = await runSync(options());
    expect(again).toMatchObject({ uploaded: 0, files: { pulled: 0, unchanged: FILES } });
    const counts = double.counts();
    expect(counts.download).toBe(1);
    expect(counts.upload).toBe(1);
    // The lease's release: the file's version checked, then moved to the bin.
    expect(counts.other).toBe(2);
    expect(listCallsPerFolder().get(aanbodFolder)).toBe(Math.ceil(FILES / 1000));
    for (const folder of sourceFolders) expect(listCallsPerFolder().get(folder)).toBe(1);
    console.log(
      `no-change sync of ${FILES} files: ${counts.total} calls, ${counts.bytesOut} bytes received`,
    );
  }, 180_000);

  it('downloads the one changed file and uploads the overview once', async () => {
    const [file] = (await drive.list('Partners/Aanbod')).filter(
      (f) => f.name === 'Aanbod 0007.xlsx',
    );
    const changed = await drive.upload(
      'Partners/Aanbod',
      file!.name,
      await offerWorkbook(7, 12),
      file!.version,
    );
    expect(changed.ok).toBe(true);
    double.resetCounts();
    const next = await runSync(options());
    expect(next.files).toMatchObject({ pulled: 1, unchanged: FILES - 1 });
    const counts = double.counts();
    // The drive state and the changed file.
    expect(counts.download).toBe(2);
    // The lease, the overview, and the drive state before and after it.
    expect(counts.upload).toBe(4);
    expect(next.uploaded).toBe(1);
    console.log(
      `one-change sync of ${FILES} files: ${counts.total} calls, ${counts.bytesIn} bytes sent`,
    );
  }, 180_000);

  it('survives rate limits and server errors on the way', async () => {
    const [file] = (await drive.list('Partners/Aanbod')).filter(
      (f) => f.name === 'Aanbod 0008.xlsx',
    );
    await drive.upload('Partners/Aanbod', file!.name, await offerWorkbook(8, 3), file!.version);
    double.inject({ type: 'status', status: 429, retryAfter: '0' }, { kind: 'list', times: 1 });
    double.inject({ type: 'status', status: 503 }, { kind: 'download', times: 1 });
    double.inject({ type: 'reset' }, { kind: 'upload', times: 1 });
    const next = await runSync(options());
    expect(next).toMatchObject({ conflicts: 0, uploaded: 1, files: { pulled: 1, refused: 0 } });
  }, 180_000);
});
