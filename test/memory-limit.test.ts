import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEAP_ENV } from '../src/cli/bounded.js';
import { t } from '../src/domain/messages.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { STATE_FOLDER } from '../src/sync/state-file.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { runCli } from './helpers/cli.js';

// A run that needs more memory than it may use stops: exit 2, the Dutch message, nothing written
// or published, and it is never run a second time (a rerun in the main thread used to finish
// with exit 0 and report the counts of a run that found the work already done). The cap is
// forced tiny through the environment variable meant for operators.

let root = '';
let drive = '';
const tiny = { [HEAP_ENV]: '8' };
const message = `fout: ${t('cli.out-of-memory', { mb: 8, env: HEAP_ENV })}`;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'memory-limit-'));
  drive = path.join(root, 'drive');
  // The region's source folders: a drive without them stops before any work (another message).
  for (const folder of ['Gemeenten', 'Partners/Aanbod', 'Partners/Kandidaturen']) {
    await mkdir(path.join(drive, folder), { recursive: true });
  }
  const wb = buildWorkbook({ kind: 'gemeente', region: leieSchelde, owner: 'Deinze' });
  await writeFile(path.join(drive, 'Gemeenten', 'Gemeente Deinze.xlsx'), await workbookBytes(wb));
});

afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.sort();
}

describe('a run out of memory', () => {
  it('stops the overview with exit 2 and the Dutch message, once, and writes nothing', async () => {
    const out = path.join(root, 'Regionaal overzicht.xlsx');
    const run = await runCli(['overview', '--in', drive, '--out', out], undefined, tiny);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(message);
    expect(run.stdout).toBe('');
    expect(await readdir(root)).toEqual(['drive']);
  });

  it('stops a sync the same way, with the drive left as it was', async () => {
    const before = await listTree(drive);
    const state = path.join(root, 'state');
    const run = await runCli(
      ['sync', '--drive', `folder:${drive}`, '--state', state, '--json'],
      undefined,
      tiny,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(message);
    expect(run.stdout).toBe('');
    // Where in the run the memory ran out depends on the Node version; the lease, if taken, is
    // given back: at most its empty folder is left.
    expect((await listTree(drive)).filter((f) => f !== STATE_FOLDER)).toEqual(before);
  });

  it('gives back the lease of a sync that ran out after taking it', async () => {
    // A cap the program loads in, and a gemeente workbook of 5,000 personas it cannot read in.
    // The child's V8 ends it with its English report on stderr: only the Dutch message shows.
    const big = path.join(root, 'big-drive');
    for (const folder of ['Gemeenten', 'Partners/Aanbod', 'Partners/Kandidaturen']) {
      await mkdir(path.join(big, folder), { recursive: true });
    }
    const persona = (i: number) => ({ id: `P${i}`, naam: `Persona ${i}`, doelen: 'Werk vinden.' });
    const rows = { persona: Array.from({ length: 5000 }, (_, i) => persona(i + 1)) };
    const wb = buildWorkbook({ kind: 'gemeente', region: leieSchelde, owner: 'Melle', rows });
    await writeFile(path.join(big, 'Gemeenten', 'Gemeente Melle.xlsx'), await workbookBytes(wb));
    const cap = { [HEAP_ENV]: '16' };
    const state = path.join(root, 'state-big');
    const run = await runCli(
      ['sync', '--drive', `folder:${big}`, '--state', state],
      undefined,
      cap,
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`fout: ${t('cli.out-of-memory', { mb: 16, env: HEAP_ENV })}`);
    // The lease was taken (its folder is there) and given back: nothing else on the drive.
    expect(await readdir(path.join(big, STATE_FOLDER))).toEqual([]);
  }, 30_000);
});

describe('the cap an operator sets', () => {
  it.each(['veel', '4', '512.5'])(
    'refuses %s with a Dutch message, before any work',
    async (value) => {
      const out = path.join(root, 'niet.xlsx');
      const run = await runCli(['overview', '--in', drive, '--out', out], undefined, {
        [HEAP_ENV]: value,
      });
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(
        `fout: ${t('cli.heap-env-invalid', { env: HEAP_ENV, value, min: 8 })}`,
      );
      expect(await readdir(root)).not.toContain('niet.xlsx');
    },
  );
});

describe('a sync with nothing to do', () => {
  it('answers from the CLI itself, without the child: the tiny cap never stops it', async () => {
    const state = path.join(root, 'state-settled');
    const args = ['sync', '--drive', `folder:${drive}`, '--state', state, '--json'];
    // The first run builds and publishes; the second finds nothing to do and records that.
    expect((await runCli(args)).code).toBe(0);
    const settled = await runCli(args);
    expect(settled.code).toBe(0);
    const quick = await runCli(args, undefined, tiny);
    expect(quick.code).toBe(0);
    expect(quick.stderr).toBe('');
    expect(JSON.parse(quick.stdout)).toEqual(JSON.parse(settled.stdout));
    // A new source is work: the child runs, and stops at the tiny cap.
    const wb = buildWorkbook({ kind: 'gemeente', region: leieSchelde, owner: 'Gavere' });
    await writeFile(path.join(drive, 'Gemeenten', 'Gemeente Gavere.xlsx'), await workbookBytes(wb));
    const work = await runCli(args, undefined, tiny);
    expect(work.code).toBe(2);
    expect(work.stderr.trim()).toBe(message);
  });
});
