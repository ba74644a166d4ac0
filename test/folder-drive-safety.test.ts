import { spawn, spawnSync } from 'node:child_process';
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotFoundError, TransportError, type RemoteFile } from '../src/drive/drive.js';
import { FolderDrive } from '../src/drive/folder.js';
import { writeCheckedFile, writeFileAtomic } from '../src/fs/write-atomic.js';
import { runCli } from './helpers/cli.js';
import { afterNext, clearFsFaults, failNext } from './helpers/fs-faults.js';

// The folder backend against a hostile but ordinary disk (issue 10 §3, §5): links out of the
// drive, pipes, temporary files of a killed run, a full disk, a folder we may not read. Child
// processes run the built code (dist/, as the CLI tests do): `npm run build:cli` first.
vi.mock('node:fs/promises', async (importOriginal) => {
  const { withFsFaults } = await import('./helpers/fs-faults.js');
  return withFsFaults(await importOriginal<typeof import('node:fs/promises')>());
});

const DIST = path.join(import.meta.dirname, '..', 'dist');
let work: string;
let root: string;
let elsewhere: string;
let drive: FolderDrive;

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'folder-safety-'));
  root = path.join(work, 'drive');
  elsewhere = path.join(work, 'elders');
  await mkdir(path.join(root, 'Gemeenten'), { recursive: true });
  await mkdir(elsewhere);
  drive = new FolderDrive(root);
});

afterEach(async () => {
  clearFsFaults();
  await chmod(path.join(root, 'Gemeenten'), 0o755).catch(() => undefined);
  await rm(work, { recursive: true, force: true });
});

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(p: Promise<unknown>): Promise<Error> {
  const outcome = await p.then(
    () => null,
    (err: unknown) => err as Error,
  );
  if (outcome === null) throw new Error('expected a rejection');
  return outcome;
}

/** A Dutch message for people: no English system text, one full stop at the end. */
function expectDutch(message: string): void {
  expect(message).not.toMatch(
    /\b(permission|denied|no such|space left|operation|not permitted)\b/i,
  );
  expect(message).not.toMatch(/\.\.$|\. *\.$/);
  expect(message).toMatch(/\.$/);
}

describe('writes never leave the drive', () => {
  it('refuses every write through a linked folder that points outside, and list refuses it too', async () => {
    await symlink(elsewhere, path.join(root, 'Overzicht'));
    await writeFile(path.join(elsewhere, 'o.xlsx'), 'van elders');
    const file: RemoteFile = {
      id: 'Overzicht/o.xlsx',
      folder: 'Overzicht',
      name: 'o.xlsx',
      kind: 'file',
      size: 10,
      md5: '',
      version: '',
    };
    const writes: [string, () => Promise<unknown>][] = [
      ['upload', () => drive.upload('Overzicht', 'nieuw.xlsx', Buffer.from('x'), null)],
      ['upload below', () => drive.upload('Overzicht/2025', 'n.xlsx', Buffer.from('x'), null)],
      ['create', () => drive.create('Overzicht', 'sync.lock', Buffer.from('x'))],
      ['makeFolder', () => drive.makeFolder('Overzicht/2025')],
      ['rename', () => drive.rename(file, 'weg.xlsx')],
      ['remove', () => drive.remove(file)],
      ['list', () => drive.list('Overzicht')],
    ];
    for (const [op, call] of writes) {
      const err = await rejection(call());
      expect(err, op).toBeInstanceOf(TransportError);
      expect(err, op).not.toBeInstanceOf(NotFoundError);
      expect(err, op).toMatchObject({ retryable: false });
      expect(err.message, op).toContain(path.join(root, 'Overzicht'));
      expect(err.message, op).toContain(elsewhere);
      expectDutch(err.message);
    }
    expect(await readdir(elsewhere)).toEqual(['o.xlsx']);
  });

  it('refuses a linked target file that points outside, and a link to nowhere', async () => {
    await writeFile(path.join(elsewhere, 'o.xlsx'), 'van elders');
    await symlink(path.join(elsewhere, 'o.xlsx'), path.join(root, 'Gemeenten', 'o.xlsx'));
    await symlink(path.join(work, 'bestaat-niet'), path.join(root, 'Gemeenten', 'nergens.xlsx'));
    for (const name of ['o.xlsx', 'nergens.xlsx']) {
      const err = await rejection(drive.upload('Gemeenten', name, Buffer.from('x'), null));
      expect(err).toMatchObject({ retryable: false });
      expect(err.message).toContain('symbolische koppeling');
    }
    expect(await readdir(elsewhere)).toEqual(['o.xlsx']);
  });

  it('stops a sync with exit 2 and the Dutch message, nothing written outside', async () => {
    const example = path.join(work, 'voorbeeld');
    expect((await runCli(['example', '--out', example])).code).toBe(0);
    await symlink(elsewhere, path.join(example, 'Overzicht'));
    const state = path.join(work, 'state');
    const run = await runCli(['sync', '--drive', `folder:${example}`, '--state', state]);
    expect(run.code).toBe(2);
    const last = run.stderr.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^fout: .*Overzicht ligt niet in de gedeelde map/);
    expectDutch(last);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('writes through a link that stays inside the drive', async () => {
    await mkdir(path.join(root, 'Archief'));
    await symlink(path.join(root, 'Archief'), path.join(root, 'Overzicht'));
    const up = await drive.upload('Overzicht', 'o.xlsx', Buffer.from('x'), null);
    expect(up.ok).toBe(true);
    expect(await readdir(path.join(root, 'Archief'))).toEqual(['o.xlsx']);
  });
});

describe('non-regular files', () => {
  it('never opens a pipe, also one that replaced a file after the folder was read', async () => {
    const dir = path.join(root, 'Gemeenten');
    await writeFile(path.join(dir, 'echt.xlsx'), 'x');
    await writeFile(path.join(dir, 'wordt-pijp.xlsx'), 'x');
    expect(spawnSync('mkfifo', [path.join(dir, 'pijp.xlsx')]).status).toBe(0);
    afterNext('readdir', dir, async () => {
      await unlink(path.join(dir, 'wordt-pijp.xlsx'));
      expect(spawnSync('mkfifo', [path.join(dir, 'wordt-pijp.xlsx')]).status).toBe(0);
    });
    expect((await drive.list('Gemeenten')).map((f) => f.name)).toEqual(['echt.xlsx']);
  });
});

describe('temporary files of a killed run', () => {
  /** A child that starts an atomic write in `dir` and stops just before the rename. */
  async function stuckWriter(dir: string) {
    const url = pathToFileURL(path.join(DIST, 'fs', 'write-atomic.js')).href;
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { writeFileAtomic } = await import(${JSON.stringify(url)});
         setInterval(() => {}, 1000);
         await writeFileAtomic(${JSON.stringify(path.join(dir, 'o.xlsx'))}, Buffer.from('half'),
           () => { process.stdout.write('klaar\\n'); return new Promise(() => {}); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => resolve());
      child.on('exit', (code) => reject(new Error(`the writer ended early (${code})`)));
    });
    return child;
  }

  const temporaries = async (dir: string) =>
    (await readdir(dir)).filter((n) => n.startsWith('.partnerschap-'));

  it('removes the one a dead process on this host left, on the next write in that folder', async () => {
    const dir = path.join(root, 'Overzicht');
    await mkdir(dir);
    const child = await stuckWriter(dir);
    expect(await temporaries(dir)).toHaveLength(1);
    const gone = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await gone;
    await writeFileAtomic(path.join(dir, 'ander.xlsx'), Buffer.from('x'));
    expect(await readdir(dir)).toEqual(['ander.xlsx']);
  });

  it('removes it from the cache too, where entries are written without a flush', async () => {
    const dir = path.join(root, 'cache');
    await mkdir(dir);
    const child = await stuckWriter(dir);
    const gone = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await gone;
    await writeCheckedFile(path.join(dir, 'a.bin'), Buffer.from('a'));
    await writeCheckedFile(path.join(dir, 'a.bin'), Buffer.from('b'));
    expect(await readdir(dir)).toEqual(['a.bin']);
    expect(await readFile(path.join(dir, 'a.bin'), 'utf8')).toBe('b');
  });

  it('keeps the one of a process that still runs', async () => {
    const dir = path.join(root, 'Overzicht');
    await mkdir(dir);
    const child = await stuckWriter(dir);
    try {
      const left = await temporaries(dir);
      await writeFileAtomic(path.join(dir, 'ander.xlsx'), Buffer.from('x'));
      expect(await temporaries(dir)).toEqual(left);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('errors say what failed and what to do, in Dutch', () => {
  const cases: [string, string, RegExp][] = [
    ['EACCES', 'open', /geen toegang \(rechten\)\. Vraag toegang/],
    ['EPERM', 'open', /geen toegang \(rechten\)\. Vraag toegang/],
    ['ENOSPC', 'open', /de schijf is vol .*Maak ruimte vrij/],
    ['EDQUOT', 'rename', /de schijf is vol .*Maak ruimte vrij/],
  ];
  for (const [code, fn, advice] of cases) {
    it(`${code} on an upload: final, names the file, gives the advice`, async () => {
      failNext(fn as 'open' | 'rename', path.join(root, 'Overzicht'), code);
      const err = await rejection(drive.upload('Overzicht', 'o.xlsx', Buffer.from('x'), null));
      expect(err).toBeInstanceOf(TransportError);
      expect(err).toMatchObject({ retryable: false });
      expect(err.message).toContain(path.join(root, 'Overzicht', 'o.xlsx'));
      expect(err.message).toMatch(advice);
      expect(err.message).not.toContain('injected');
      expectDutch(err.message);
    });
  }

  it('a folder that cannot be read is a final error naming it, never an empty folder', async () => {
    failNext('readdir', path.join(root, 'Gemeenten'), 'EIO');
    const err = await rejection(drive.list('Gemeenten'));
    expect(err).not.toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ retryable: false });
    expect(err.message).toContain(path.join(root, 'Gemeenten'));
    expect(err.message).toContain('(EIO)');
    expectDutch(err.message);
  });
});

describe('unreadable folders and files (chmod 000), as an unprivileged user', () => {
  // root reads every folder whatever its mode: the check must run as someone else.
  const asRoot = process.getuid?.() === 0;
  const setpriv = spawnSync('setpriv', ['--version']).status === 0;
  const why = !asRoot
    ? null
    : setpriv
      ? null
      : 'running as root and setpriv (util-linux) is missing, so no unprivileged user can be used';
  const skip = why !== null || process.platform === 'win32';
  const note = why ? ` [skipped: ${why}]` : '';

  /** Runs `body` (with `drive`, a FolderDrive on the root) as nobody; the JSON lines it printed. */
  function asNobody(body: string): Record<string, unknown>[] {
    const url = pathToFileURL(path.join(DIST, 'drive', 'folder.js')).href;
    const script = `const { FolderDrive } = await import(${JSON.stringify(url)});
      const drive = new FolderDrive(${JSON.stringify(root)});
      try {
        ${body}
      } catch (err) {
        console.log(JSON.stringify({ name: err.constructor.name, message: err.message, retryable: err.retryable }));
      }`;
    const prefix = asRoot
      ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', '--']
      : [];
    const [cmd, ...args] = [...prefix, process.execPath, '--input-type=module', '-e', script];
    const run = spawnSync(cmd!, args, { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    return run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it.skipIf(skip)(`a folder is a final error naming it${note}`, async () => {
    const dir = path.join(root, 'Gemeenten');
    await writeFile(path.join(dir, 'g.xlsx'), 'x');
    await chmod(dir, 0o000);
    for (const p of [work, root]) await chmod(p, 0o755);
    const [out] = asNobody(
      `console.log(JSON.stringify({ files: await drive.list('Gemeenten') }));`,
    );
    expect(out).toMatchObject({ name: 'TransportError', retryable: false });
    expect(out!.message).toContain(dir);
    expect(out!.message).toMatch(/geen toegang \(rechten\)/);
    expectDutch(out!.message as string);
  });

  it.skipIf(skip)(`a file is listed without checksum; only its download fails${note}`, async () => {
    const dir = path.join(root, 'Gemeenten');
    await writeFile(path.join(dir, 'dicht.xlsx'), 'x');
    await writeFile(path.join(dir, 'open.xlsx'), 'x');
    await chmod(path.join(dir, 'dicht.xlsx'), 0o000);
    for (const p of [work, root, dir]) await chmod(p, 0o755);
    const [listed, out] = asNobody(`const files = await drive.list('Gemeenten');
        console.log(JSON.stringify({ files: files.map((f) => [f.name, f.md5 === '' ? '' : 'md5']) }));
        await drive.download(files[0]);`);
    expect(listed).toEqual({
      files: [
        ['dicht.xlsx', ''],
        ['open.xlsx', 'md5'],
      ],
    });
    expect(out).toMatchObject({ name: 'TransportError', retryable: false });
    expect(out!.message).toMatch(/geen toegang \(rechten\)/);
  });
});
