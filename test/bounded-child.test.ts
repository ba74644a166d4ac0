import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/domain/messages.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { STATE_FOLDER } from '../src/sync/state-file.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { CLI } from './helpers/cli.js';
import { holdLeaseElsewhere } from './helpers/lease-held.js';

// `sync` and `overview` do their work in a child process of the CLI (src/cli/bounded.ts). A
// hostile world ends either of the two: each must then end the other's part as well, give the
// drive's lease back, and say so. The child is held in known places: waiting for a lease another
// PC holds on the drive (which it tells on stderr), or reading a gemeente workbook of 5,000
// personas under its own lease.

let root = '';
let waiting = ''; // a drive another PC holds
let dense = ''; // a drive with one large gemeente workbook

const FOLDERS = ['Gemeenten', 'Partners/Aanbod', 'Partners/Kandidaturen', STATE_FOLDER];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bounded-child-'));
  waiting = path.join(root, 'waiting');
  dense = path.join(root, 'dense');
  for (const folder of FOLDERS) {
    await mkdir(path.join(waiting, folder), { recursive: true });
    await mkdir(path.join(dense, folder), { recursive: true });
  }
  await holdLeaseElsewhere(waiting);
  const persona = (i: number) => ({ id: `P${i}`, naam: `Persona ${i}`, doelen: 'Werk vinden.' });
  const rows = { persona: Array.from({ length: 5000 }, (_, i) => persona(i + 1)) };
  const wb = buildWorkbook({ kind: 'gemeente', region: leieSchelde, owner: 'Melle', rows });
  await writeFile(path.join(dense, 'Gemeenten', 'Gemeente Melle.xlsx'), await workbookBytes(wb));
}, 60_000);

afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

/** A sync of `drive` started as a user would; its stderr as it comes. */
function startSync(drive: string, state: string) {
  const args = ['sync', '--drive', `folder:${drive}`, '--state', path.join(root, state)];
  const cli = spawn(process.execPath, [CLI, ...args, '--wacht', '60'], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  cli.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // 'close' waits for the output, which a child left alive would keep open: 'exit' does not.
  const ended = new Promise<number | null>((resolve) => cli.on('close', resolve));
  const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));
  return { cli, ended, exited, stderr: () => stderr };
}

/** Polls `ready` every 20 ms for up to 20 s. */
async function until(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await ready()) return;
    await sleep(20);
  }
  throw new Error(`never: ${what}`);
}

const WAITS = 'Deze sync wacht tot die klaar is, hoogstens 60 seconden.';
const leaseFile = path.join(STATE_FOLDER, 'sync.lock');

/** The pid of the process's one child, once it has started (Linux's /proc). */
async function childOf(parent: ChildProcess): Promise<number> {
  const file = `/proc/${parent.pid}/task/${parent.pid}/children`;
  let pid = 0;
  await until(
    async () => (pid = Number((await readFile(file, 'utf8')).trim().split(' ')[0])) > 0,
    'a child',
  );
  return pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.runIf(process.platform === 'linux')('the child process of a sync', () => {
  it('killed: the CLI says the work stopped without a result, in Dutch, and exits 2', async () => {
    const run = startSync(waiting, 'state-child-killed');
    await until(() => run.stderr().includes(WAITS), 'the wait is told');
    expect(run.stderr()).toContain('gestart door coördinator op ander-pc');
    process.kill(await childOf(run.cli), 'SIGKILL');
    expect(await run.ended).toBe(2);
    const message = t('cli.child-stopped', { how: 'SIGKILL' });
    expect(
      run
        .stderr()
        .slice(run.stderr().indexOf(WAITS) + WAITS.length)
        .trim(),
    ).toBe(t('cli.unexpected', { message }));
    // The other PC's lease is not this run's to give back.
    expect(existsSync(path.join(waiting, leaseFile))).toBe(true);
  }, 30_000);

  it('goes away with the CLI when the CLI is killed while it waits', async () => {
    const run = startSync(waiting, 'state-cli-killed');
    await until(() => run.stderr().includes(WAITS), 'the wait is told');
    const child = await childOf(run.cli);
    run.cli.kill('SIGKILL');
    await run.exited;
    await until(() => !alive(child), 'the child has gone');
  }, 30_000);

  it.each(['SIGTERM', 'SIGHUP'] as const)(
    'stops with the CLI on %s while it works, and its lease is given back',
    async (signal) => {
      const run = startSync(dense, `state-${signal}`);
      await until(() => existsSync(path.join(dense, leaseFile)), 'the lease is taken');
      const child = await childOf(run.cli);
      run.cli.kill(signal);
      expect(await run.ended).toBe(128 + os.constants.signals[signal]);
      expect(alive(child)).toBe(false);
      expect(run.stderr()).toBe(''); // asked for, so not an error
      expect(await readdir(path.join(dense, STATE_FOLDER))).toEqual([]);
    },
    30_000,
  );

  it('killed while it works: its lease is given back too', async () => {
    const run = startSync(dense, 'state-killed-working');
    await until(() => existsSync(path.join(dense, leaseFile)), 'the lease is taken');
    process.kill(await childOf(run.cli), 'SIGKILL');
    expect(await run.ended).toBe(2);
    expect(await readdir(path.join(dense, STATE_FOLDER))).toEqual([]);
  }, 30_000);
});
