import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/domain/messages.js';
import type { LeaseInfo } from '../src/sync/run-errors.js';
import { CLI } from './helpers/cli.js';

// `sync` and `overview` do their work in a child process of the CLI (src/cli/bounded.ts). A
// hostile world ends either of the two: each must then end the other's part as well, and say
// so. The child is held in a known place: waiting for a lease another PC holds on the drive,
// which it tells on stderr.

let root = '';
let drive = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bounded-child-'));
  drive = path.join(root, 'drive');
  for (const folder of ['Gemeenten', 'Partners/Aanbod', 'Partners/Kandidaturen', '.partnerschap']) {
    await mkdir(path.join(drive, folder), { recursive: true });
  }
  const info: LeaseInfo = {
    machine: 'ander-pc',
    user: 'coördinator',
    pid: 1,
    started: new Date().toISOString(),
    expires: new Date(Date.now() + 3_600_000).toISOString(),
  };
  await writeFile(path.join(drive, '.partnerschap', 'sync.lock'), JSON.stringify(info));
});

afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

/** A sync waiting (up to a minute) for the other PC's lease, once it says so; what it says. */
async function waitingSync(name: string) {
  const args = ['sync', '--drive', `folder:${drive}`, '--state', path.join(root, name)];
  const cli = spawn(process.execPath, [CLI, ...args, '--wacht', '60'], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  const waits = new Promise<void>((resolve) =>
    cli.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stderr.includes('\n')) resolve();
    }),
  );
  // 'close' waits for the output, which a child left alive would keep open: 'exit' does not.
  const ended = new Promise<number | null>((resolve) => cli.on('close', resolve));
  const exited = new Promise<void>((resolve) => cli.on('exit', () => resolve()));
  await waits;
  const said = stderr.slice(0, stderr.indexOf('\n'));
  return { cli, ended, exited, said, after: () => stderr.slice(said.length + 1) };
}

/** The pid of the process's one child, once it has started (Linux's /proc). */
async function childOf(parent: ChildProcess): Promise<number> {
  const file = `/proc/${parent.pid}/task/${parent.pid}/children`;
  for (let i = 0; i < 200; i++) {
    const pid = Number((await readFile(file, 'utf8')).trim().split(' ')[0]);
    if (pid > 0) return pid;
    await sleep(50);
  }
  throw new Error('the CLI started no child');
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
    const run = await waitingSync('state-child-killed');
    expect(run.said).toContain('gestart door coördinator op ander-pc');
    expect(run.said).toContain('Deze sync wacht tot die klaar is, hoogstens 60 seconden.');
    process.kill(await childOf(run.cli), 'SIGKILL');
    expect(await run.ended).toBe(2);
    const message = t('cli.child-stopped', { how: 'SIGKILL' });
    expect(run.after().trim()).toBe(t('cli.unexpected', { message }));
  }, 30_000);

  it('goes away with the CLI when the CLI is killed: it does not work on unseen', async () => {
    const run = await waitingSync('state-cli-killed');
    const child = await childOf(run.cli);
    run.cli.kill('SIGKILL');
    await run.exited;
    for (let i = 0; i < 100 && alive(child); i++) await sleep(50);
    expect(alive(child)).toBe(false);
  }, 30_000);
});
