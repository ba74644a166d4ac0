import ExcelJS from 'exceljs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import type { RemoteFile } from '../src/drive/drive.js';
import { GoogleDrive, XLSX_MIME } from '../src/drive/gdrive.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { DriveSetupError } from '../src/sync/list-sources.js';
import { runSync, type SyncOptions } from '../src/sync/run-sync.js';
import { startDriveDouble, type DriveDouble } from './helpers/drive-double.js';
import { gdriveSyncOptions } from './helpers/sync-options.js';

// The team's sync on Google Drive (the double on loopback): machines sharing the drive-side
// state, two runs at once under the lease, an overview someone changed, a drive without the
// region's folders.

let double: DriveDouble;
let work: string;
let example: string;

beforeAll(async () => {
  double = await startDriveDouble();
  work = await mkdtemp(path.join(tmpdir(), 'team-gdrive-'));
  example = path.join(work, 'example');
  await writeExampleDrive(leieSchelde, example);
}, 120_000);

afterAll(async () => {
  await double.close();
  await rm(work, { recursive: true, force: true });
});

/** The example drive copied into a fresh folder of the double; returns the root's id. */
async function seeded(): Promise<string> {
  const root = double.addFolder(`Leie & Schelde ${Math.random()}`);
  const copy = async (dir: string, parent: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await copy(full, double.addFolder(e.name, parent));
      else double.addFile(e.name, parent, await readFile(full), XLSX_MIME);
    }
  };
  await copy(example, root);
  return root;
}

function driveAt(root: string): GoogleDrive {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: double.token, expiry_date: Date.now() + 3_600_000 });
  return new GoogleDrive({ folderId: root, auth, rootUrl: double.url });
}

function options(root: string, machine: string, over: Partial<SyncOptions> = {}): SyncOptions {
  return gdriveSyncOptions(driveAt(root), path.join(work, `${root}-${machine}`), over);
}

describe('the team on Google Drive', () => {
  it('two machines alternating: no copies, and the state lives on the drive', async () => {
    const root = await seeded();
    const first = await runSync(options(root, 'pc1'));
    expect(first.changes.first).toBe(true);
    for (const [pc, weeks] of [
      ['pc2', 8],
      ['pc1', 4],
      ['pc2', 2],
    ] as const) {
      const s = await runSync(options(root, pc, { gapWaitWeeks: weeks }));
      expect(s).toMatchObject({ kept: [], conflicts: 0, changes: { first: false } });
    }
    const names = (await driveAt(root).list('Overzicht')).map((f) => f.name).sort();
    expect(names).toEqual(['Regionaal overzicht.html', 'Regionaal overzicht.xlsx']);
    expect((await driveAt(root).list('.partnerschap')).map((f) => f.name)).toEqual(['state.json']);
  }, 180_000);

  it('two syncs at once: the lease lets one run at a time; no copies', async () => {
    const root = await seeded();
    const lease = { pollMs: 20, waitMs: 120_000 };
    const [a, b] = await Promise.all([
      runSync(options(root, 'a', { lease })),
      runSync(options(root, 'b', { lease })),
    ]);
    expect([a.changes.first, b.changes.first].sort()).toEqual([false, true]);
    expect([...a.kept, ...b.kept]).toEqual([]);
    expect((await driveAt(root).list('Overzicht')).map((f) => f.name).sort()).toEqual([
      'Regionaal overzicht.html',
      'Regionaal overzicht.xlsx',
    ]);
  }, 180_000);

  it('an overview someone changed is kept aside once', async () => {
    const root = await seeded();
    await runSync(options(root, 'pc1'));
    const drive = driveAt(root);
    const overview = (await drive.list('Overzicht')).find((f) => f.name.endsWith('.xlsx'));
    const edited = await drive.upload(
      'Overzicht',
      overview!.name,
      Buffer.from('eigen'),
      overview!.version,
    );
    expect(edited.ok).toBe(true);
    const runs = [];
    for (const weeks of [4, 2, 8])
      runs.push(await runSync(options(root, 'pc2', { gapWaitWeeks: weeks })));
    expect(runs.map((r) => r.kept.length)).toEqual([1, 0, 0]);
    const names = (await drive.list('Overzicht')).map((f) => f.name).sort();
    expect(names).toEqual([
      'Regionaal overzicht (eigen wijzigingen 2023-06-15 12.00).xlsx',
      'Regionaal overzicht.html',
      'Regionaal overzicht.xlsx',
    ]);
  }, 180_000);

  it('a workbook saved while the sync downloads it is read again, in its new version', async () => {
    const root = await seeded();
    const name = 'Gemeente De Pinte.xlsx';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(example, 'Gemeenten', name));
    wb.getWorksheet("Persona's")!.getCell('L2').value = 7;
    const newer = Buffer.from(await wb.xlsx.writeBuffer());
    class SavedMeanwhile extends GoogleDrive {
      saved = false;
      override async download(file: RemoteFile): Promise<Buffer> {
        if (file.name === name && !this.saved) {
          this.saved = true;
          expect((await this.upload(file.folder, name, newer, file.version)).ok).toBe(true);
        }
        return super.download(file);
      }
    }
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: double.token, expiry_date: Date.now() + 3_600_000 });
    const drive = new SavedMeanwhile({ folderId: root, auth, rootUrl: double.url });
    const s = await runSync(options(root, 'pc1', { drive }));
    expect(drive.saved).toBe(true);
    expect(s.files.refused).toBe(0);
    expect(s.problems).not.toContain(`Gemeenten/${name}`);
  }, 120_000);

  it("a drive without the region's folders stops; a wrong folder id too", async () => {
    const empty = double.addFolder('Leeg');
    await expect(runSync(options(empty, 'pc1'))).rejects.toBeInstanceOf(DriveSetupError);
    expect(await driveAt(empty).list('')).toEqual([]);
    await expect(runSync(options('bestaat-niet', 'pc1'))).rejects.toBeInstanceOf(DriveSetupError);
  }, 60_000);
});
