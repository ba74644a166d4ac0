import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChecksumMemory, keepsChangeTime } from '../src/drive/checksum-memory.js';
import { FolderDrive } from '../src/drive/folder.js';

// The folder drive's MD5 memory (src/drive/checksum-memory.ts): a file lstat still describes as
// before is not read again; anything else is.

let root: string;
let memoryFile: string;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
/** A drive as a new run opens it: the memory read from its file again. */
const drive = () => new FolderDrive(root, new ChecksumMemory(memoryFile));
const file = (name: string) => path.join(root, 'Partners', name);
const remembered = async (): Promise<Record<string, unknown[]>> =>
  (JSON.parse(await readFile(memoryFile, 'utf8')) as { files: Record<string, unknown[]> }).files;
/** Writes `value` into the memory as the MD5 of Aanbod A (a plant or a damage to find back). */
async function plant(value: string): Promise<void> {
  const files = await remembered();
  files['Partners/Aanbod A.xlsx']![4] = md5(value);
  await writeFile(memoryFile, JSON.stringify({ format: 1, files }));
}
const md5s = async () => (await drive().list('Partners')).map((f) => [f.name, f.md5]);

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'checksum-memory-'));
  memoryFile = path.join(root, '.state', 'checksums.json');
  await mkdir(path.join(root, 'Partners'));
  await writeFile(file('Aanbod A.xlsx'), 'aanbod a');
  await writeFile(file('Aanbod B.xlsx'), 'aanbod b');
});

afterEach(async () => {
  vi.useRealTimers();
  await rm(root, { recursive: true, force: true });
});

/** Three seconds on: the files written just now have settled (FAT's resolution is two). */
function later(): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 3000);
}

describe('ChecksumMemory with a folder drive', () => {
  it('takes a settled file’s MD5 from the memory while lstat describes the file the same', async () => {
    later();
    expect(await md5s()).toEqual([
      ['Aanbod A.xlsx', md5('aanbod a')],
      ['Aanbod B.xlsx', md5('aanbod b')],
    ]);
    expect(Object.keys(await remembered()).sort()).toEqual([
      'Partners/Aanbod A.xlsx',
      'Partners/Aanbod B.xlsx',
    ]);
    // Proof that the memory is used, not the file: a value planted in it comes back.
    await plant('geplant');
    expect((await md5s())[0]).toEqual(['Aanbod A.xlsx', md5('geplant')]);
  });

  it('reads again a file rewritten with the same size and its old time stamps put back', async () => {
    later();
    await md5s();
    const before = await stat(file('Aanbod A.xlsx'));
    await writeFile(file('Aanbod A.xlsx'), 'aanbod x');
    await utimes(file('Aanbod A.xlsx'), before.atime, before.mtime);
    // Same size, same mtime: only the change time (set by the system) tells.
    expect((await md5s())[0]).toEqual(['Aanbod A.xlsx', md5('aanbod x')]);
  });

  it('does not remember a file changed within two seconds of reading it', async () => {
    expect(await md5s()).toEqual([
      ['Aanbod A.xlsx', md5('aanbod a')],
      ['Aanbod B.xlsx', md5('aanbod b')],
    ]);
    await expect(readFile(memoryFile)).rejects.toMatchObject({ code: 'ENOENT' });
    later();
    await md5s();
    await writeFile(file('Aanbod A.xlsx'), 'aanbod y');
    vi.useRealTimers();
    // Read again (its change time moved) and, being fresh, forgotten rather than remembered.
    expect((await md5s())[0]).toEqual(['Aanbod A.xlsx', md5('aanbod y')]);
    expect(Object.keys(await remembered())).toEqual(['Partners/Aanbod B.xlsx']);
  });

  it('forgets removed files, and reads every file when the memory is damaged', async () => {
    later();
    await md5s();
    await rm(file('Aanbod B.xlsx'));
    await md5s();
    expect(Object.keys(await remembered())).toEqual(['Partners/Aanbod A.xlsx']);
    await writeFile(memoryFile, '{"format":1,"files":{"Partners/Aanbod A.xlsx":[1,2');
    await writeFile(file('Aanbod A.xlsx'), 'aanbod z');
    expect(await md5s()).toEqual([['Aanbod A.xlsx', md5('aanbod z')]]);
  });

  it('uses the memory in a dry run but never writes it', async () => {
    later();
    await md5s();
    await plant('geplant');
    await writeFile(file('Aanbod C.xlsx'), 'aanbod c');
    vi.setSystemTime(Date.now() + 3000);
    const dry = new FolderDrive(root, new ChecksumMemory(memoryFile, false));
    expect((await dry.list('Partners')).map((f) => [f.name, f.md5])).toEqual([
      ['Aanbod A.xlsx', md5('geplant')],
      ['Aanbod B.xlsx', md5('aanbod b')],
      ['Aanbod C.xlsx', md5('aanbod c')],
    ]);
    expect(Object.keys(await remembered()).sort()).toEqual([
      'Partners/Aanbod A.xlsx',
      'Partners/Aanbod B.xlsx',
    ]);
  });

  it('drops an entry that the file’s bytes contradict, so a damaged memory heals', async () => {
    later();
    await md5s();
    await plant('beschadigd');
    const d = drive();
    const [listed] = await d.list('Partners');
    expect(listed!.md5).toBe(md5('beschadigd'));
    // The download shows the memory wrong: the next listing reads the file again, and says so.
    expect((await d.download(listed!)).toString()).toBe('aanbod a');
    expect((await d.list('Partners'))[0]!.md5).toBe(md5('aanbod a'));
    expect((await remembered())['Partners/Aanbod A.xlsx']![4]).toBe(md5('aanbod a'));
  });

  it('is used only on file systems that keep a real change time', async () => {
    // The test machine's temporary folder is ext4 or tmpfs on Linux; /proc is none of the kinds.
    expect(await keepsChangeTime(root)).toBe(process.platform === 'linux');
    expect(await keepsChangeTime('/proc')).toBe(false);
    expect(await keepsChangeTime(path.join(root, 'bestaat-niet'))).toBe(false);
  });

  it('lists as before when the memory cannot be saved', async () => {
    later();
    await writeFile(path.join(root, '.state'), 'een bestand waar de map zou staan');
    expect(await md5s()).toEqual([
      ['Aanbod A.xlsx', md5('aanbod a')],
      ['Aanbod B.xlsx', md5('aanbod b')],
    ]);
  });
});
