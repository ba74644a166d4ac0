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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderDrive } from '../src/drive/folder.js';
import { writeFileAtomic } from '../src/fs/write-atomic.js';

let root: string;
let drive: FolderDrive;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folder-drive-'));
  drive = new FolderDrive(root);
  await mkdir(path.join(root, 'Gemeenten'));
});

afterEach(async () => {
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

  it('lists a missing folder as empty', async () => {
    expect(await drive.list('Bestaat/Niet')).toEqual([]);
  });

  it('creates a file (and its folder) only when none is there', async () => {
    const created = await drive.upload(
      'Overzicht',
      'Regionaal overzicht.xlsx',
      Buffer.from('v1'),
      null,
    );
    expect(created).toMatchObject({ ok: true, file: { version: md5('v1') } });
    const again = await drive.upload(
      'Overzicht',
      'Regionaal overzicht.xlsx',
      Buffer.from('v1b'),
      null,
    );
    expect(again).toEqual({ ok: false, conflict: true });
    expect(await readFile(path.join(root, 'Overzicht/Regionaal overzicht.xlsx'), 'utf8')).toBe(
      'v1',
    );
  });

  it('replaces a file only over the version it last saw', async () => {
    await drive.upload('Overzicht', 'o.xlsx', Buffer.from('v1'), null);
    expect((await drive.upload('Overzicht', 'o.xlsx', Buffer.from('v2'), md5('v1'))).ok).toBe(true);
    // Someone edits it; an upload over the old version must not overwrite their work.
    await writeFile(path.join(root, 'Overzicht/o.xlsx'), 'hun versie');
    expect(await drive.upload('Overzicht', 'o.xlsx', Buffer.from('v3'), md5('v2'))).toEqual({
      ok: false,
      conflict: true,
    });
    expect(await readFile(path.join(root, 'Overzicht/o.xlsx'), 'utf8')).toBe('hun versie');
    expect(await readdir(path.join(root, 'Overzicht'))).toEqual(['o.xlsx']);
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
