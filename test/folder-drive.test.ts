import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, TransportError } from '../src/drive/drive.js';
import { FolderDrive } from '../src/drive/folder.js';
import { writeFileAtomic } from '../src/fs/write-atomic.js';
import { afterNext, clearFsFaults, failNext } from './helpers/fs-faults.js';

// The folder backend's own behaviour; what every backend does is in drive-conformance.test.ts.
// node:fs/promises can play scripted faults (helpers/fs-faults.ts); without one it is the real one.
vi.mock('node:fs/promises', async (importOriginal) => {
  const { withFsFaults } = await import('./helpers/fs-faults.js');
  return withFsFaults(await importOriginal<typeof import('node:fs/promises')>());
});

let root: string;
let drive: FolderDrive;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folder-drive-'));
  drive = new FolderDrive(root);
  await mkdir(path.join(root, 'Gemeenten'));
});

afterEach(async () => {
  clearFsFaults();
  await rm(root, { recursive: true, force: true });
});

describe('FolderDrive', () => {
  it('lists files with MD5 and kind, skipping folders and hidden files', async () => {
    const dir = path.join(root, 'Gemeenten');
    await writeFile(path.join(dir, 'Gemeente Deinze.xlsx'), 'deinze');
    await writeFile(path.join(dir, 'Budget.gsheet'), '{"url":"…"}');
    await writeFile(path.join(dir, '.verborgen'), 'x');
    await mkdir(path.join(dir, 'Archief'));
    await symlink(path.join(dir, 'Gemeente Deinze.xlsx'), path.join(dir, 'Snelkoppeling.xlsx'));
    const files = await drive.list('Gemeenten');
    expect(files.map((f) => [f.name, f.kind, f.md5])).toEqual([
      ['Budget.gsheet', 'native', ''],
      ['Gemeente Deinze.xlsx', 'file', md5('deinze')],
      ['Snelkoppeling.xlsx', 'shortcut', ''],
    ]);
    expect(files[1]).toMatchObject({
      id: 'Gemeenten/Gemeente Deinze.xlsx',
      folder: 'Gemeenten',
      size: 6,
    });
    expect((await drive.download(files[1]!)).toString()).toBe('deinze');
  });

  it('lists a path whose folder is a file as missing (NotFoundError), and a pipe not at all', async () => {
    await writeFile(path.join(root, 'Partners'), 'geen map');
    await expect(drive.list('Partners')).rejects.toBeInstanceOf(NotFoundError);
    await expect(drive.list('Partners/Aanbod')).rejects.toBeInstanceOf(NotFoundError);
    if (process.platform !== 'win32') {
      // A named pipe would block the MD5 forever.
      expect(spawnSync('mkfifo', [path.join(root, 'Gemeenten', 'pijp.xlsx')]).status).toBe(0);
      await writeFile(path.join(root, 'Gemeenten', 'echt.xlsx'), 'x');
      expect((await drive.list('Gemeenten')).map((f) => f.name)).toEqual(['echt.xlsx']);
    }
  });

  it('leaves out a file that is gone between reading the folder and reading the file', async () => {
    const dir = path.join(root, 'Gemeenten');
    await writeFile(path.join(dir, '~$Gemeente Deinze.xlsx'), 'slot');
    await writeFile(path.join(dir, 'Gemeente Deinze.xlsx'), 'deinze');
    // Excel drops its lock file just after the folder was read.
    failNext('lstat', path.join(dir, '~$Gemeente Deinze.xlsx'), 'ENOENT');
    expect((await drive.list('Gemeenten')).map((f) => f.name)).toEqual(['Gemeente Deinze.xlsx']);
    // Any other failure on a file fails the list: never a shorter list in silence.
    failNext('lstat', path.join(dir, 'Gemeente Deinze.xlsx'), 'EACCES');
    await expect(drive.list('Gemeenten')).rejects.toMatchObject({ retryable: false });
    failNext('lstat', path.join(dir, 'Gemeente Deinze.xlsx'), 'EIO');
    await expect(drive.list('Gemeenten')).rejects.toBeInstanceOf(TransportError);
  });

  it('returns the version it wrote, not a write someone made right after it', async () => {
    const target = path.join(root, 'Overzicht', 'o.xlsx');
    // The rename of our temporary file (in that folder) over the target, then theirs.
    afterNext('rename', path.dirname(target), () => writeFile(target, 'hun versie, net erna'));
    const up = await drive.upload('Overzicht', 'o.xlsx', Buffer.from('ons'), null);
    expect(up).toMatchObject({ ok: true, file: { md5: md5('ons'), size: 3, version: md5('ons') } });
    // So the next upload over "our" version is the conflict it must be.
    const next = await drive.upload('Overzicht', 'o.xlsx', Buffer.from('ons 2'), md5('ons'));
    expect(next).toEqual({ ok: false, conflict: true });
    expect(await readFile(target, 'utf8')).toBe('hun versie, net erna');
  });

  it('refuses paths that leave the drive', async () => {
    await expect(drive.upload('../buiten', 'x.xlsx', Buffer.from('x'), null)).rejects.toThrow(
      'outside the drive',
    );
  });
});

describe('writeFileAtomic', () => {
  it('compares just before the rename and leaves the target alone when told no', async () => {
    const target = path.join(root, 'doel.xlsx');
    await writeFile(target, 'oud');
    expect(await writeFileAtomic(target, Buffer.from('nieuw'), async () => false)).toBe(false);
    expect(await readFile(target, 'utf8')).toBe('oud');
    expect(await readdir(root)).toEqual(['Gemeenten', 'doel.xlsx']);
  });

  it('clears temporary files that a killed run left behind, and only ours', async () => {
    const old = path.join(root, '.partnerschap-elders-1-0-x.xlsx.tmp');
    const fresh = path.join(root, '.partnerschap-elders-2-0-y.xlsx.tmp');
    const foreign = path.join(root, '.iemand-anders.tmp');
    for (const f of [old, fresh, foreign]) await writeFile(f, 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await utimes(foreign, twoHoursAgo, twoHoursAgo);
    await writeFileAtomic(path.join(root, 'doel.xlsx'), Buffer.from('x'));
    expect((await readdir(root)).sort()).toEqual(
      [
        '.iemand-anders.tmp',
        '.partnerschap-elders-2-0-y.xlsx.tmp',
        'Gemeenten',
        'doel.xlsx',
      ].sort(),
    );
  });

  it('clears at once a fresh temporary file of a dead process on this host', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const host = encodeURIComponent(hostname()).replace(/-/g, '%2D');
    const left = path.join(root, `.partnerschap-${host}-${dead}-0-z.xlsx.tmp`);
    await writeFile(left, 'half');
    await writeFileAtomic(path.join(root, 'doel.xlsx'), Buffer.from('x'));
    expect(await readdir(root)).toEqual(['Gemeenten', 'doel.xlsx']);
  });
});
