import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runOverview } from '../src/cli/overview-command.js';
import { readSources } from '../src/cli/read-sources.js';
import { UsageError } from '../src/cli/usage-error.js';
import { reportFileName } from '../src/domain/file-names.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { runCli } from './helpers/cli.js';

// `partnerschap overview` as the coordinator runs it: on the example drive with a broken file,
// an Excel lock file and an earlier overview in it; and the ways it can be misused.

let root = '';
let drive = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'overview-cli-'));
  drive = path.join(root, 'drive');
  await writeExampleDrive(leieSchelde, drive);
  await writeFile(path.join(drive, 'Partners', 'Aanbod', 'Aanbod kapot.xlsx'), 'naam;aanbod\n');
  await copyFile(
    path.join(drive, 'Gemeenten', 'Gemeente Deinze.xlsx'),
    path.join(drive, 'Gemeenten', '~$Gemeente Deinze.xlsx'),
  );
});

afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

/** Runs the command in this process; returns its exit code and what it printed. */
async function run(o: Parameters<typeof runOverview>[0]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err.push(String(s));
    return true;
  });
  try {
    const code = await runOverview(o);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('partnerschap overview', () => {
  const out = () => path.join(drive, 'Overzicht', 'Regionaal overzicht.xlsx');

  it('writes the overview, reports refused and skipped files and prints the totals', async () => {
    const r = await run({ in: drive, out: out(), at: '09/06/2023' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Partners/Aanbod/Aanbod kapot.xlsx: niet gelezen: dit is geen Excel-werkmap',
    );
    expect(r.stdout).toContain(
      'Gemeenten/~$Gemeente Deinze.xlsx: overgeslagen: een tijdelijk vergrendelingsbestand',
    );
    expect(r.stdout).toMatch(/Rijen: (\d+) gelezen = (\d+) overgenomen \+ (\d+) afgewezen/);
    const [, read, taken, refused] = /Rijen: (\d+) gelezen = (\d+) overgenomen \+ (\d+) afgewezen/
      .exec(r.stdout)!
      .map(Number);
    expect(taken! + refused!).toBe(read);
    expect(r.stdout).toMatch(/Hiaten: \d+ .*op 09\/06\/2023/);
    expect(r.stdout).toContain(`Overzicht geschreven: ${out()}`);
    expect(r.stdout).toContain(`Verslag voor de stuurgroep geschreven: ${reportFileName(out())}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out());
    expect(wb.getWorksheet('Dekking')).toBeDefined();
    const leftovers = (await readdir(drive, { recursive: true })).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('never reads its own output or an earlier overview as a source', async () => {
    await copyFile(out(), path.join(drive, 'Overzicht', 'Regionaal overzicht (conflict).xlsx'));
    const r = await run({ in: drive, out: out(), at: '2023-06-09', wachttijd: '12' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Overzicht/Regionaal overzicht.xlsx: overgeslagen: dit is het overzicht dat nu geschreven wordt.',
    );
    expect(r.stdout).toContain(
      'Overzicht/Regionaal overzicht (conflict).xlsx: overgeslagen: dit is zelf een regionaal overzicht.',
    );
    expect(r.stdout).toContain('Overzicht/Regionaal overzicht.html: overgeslagen');
    expect(r.stdout).toContain('langer dan 12 weken');
    const read = await readSources(drive, leieSchelde, { exclude: [out(), reportFileName(out())] });
    expect(read.sources.some((s) => s.path.startsWith('Overzicht/'))).toBe(false);
    expect(read.skipped.map((s) => s.reason).sort()).toEqual([
      'lock-file',
      'output',
      'output',
      'overview',
    ]);
  });

  it('gives the refused file its checksum and size in the sources', async () => {
    const read = await readSources(drive, leieSchelde);
    const bad = read.sources.find((s) => s.path === 'Partners/Aanbod/Aanbod kapot.xlsx');
    expect(bad?.bytes).toBe(12);
    expect(bad?.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(bad?.outcome.ok).toBe(false);
  });

  it('writes nothing and exits 2 when no workbook could be read', async () => {
    const empty = path.join(root, 'leeg');
    await mkdir(empty);
    const target = path.join(root, 'leeg.xlsx');
    const none = await run({ in: empty, out: target });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('er staan geen .xlsx-bestanden in');
    await writeFile(path.join(empty, 'kapot.xlsx'), 'geen zip');
    const bad = await run({ in: empty, out: target });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('kapot.xlsx: niet gelezen');
    expect(bad.stderr).toContain('geen enkele werkmap');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses to be misused, in Dutch', async () => {
    const target = path.join(root, 'x.xlsx');
    const cases: [Parameters<typeof runOverview>[0], RegExp][] = [
      [{ in: path.join(root, 'bestaat-niet'), out: target }, /bestaat niet of is geen map/],
      [{ in: drive, out: path.join(root, 'x.csv') }, /moet een \.xlsx-bestand zijn/],
      [{ in: drive, out: target, at: '31/02/2023' }, /--at: "31\/02\/2023" is geen datum/],
      [{ in: drive, out: target, wachttijd: '-1' }, /--wachttijd: "-1" is geen aantal weken/],
      [{ in: drive, out: target, wachttijd: 'acht' }, /--wachttijd: "acht"/],
    ];
    for (const [o, message] of cases) {
      await expect(run(o)).rejects.toThrow(UsageError);
      await expect(run(o)).rejects.toThrow(message);
    }
  });
});

describe('the built CLI', () => {
  it('runs `partnerschap overview` and exits 0', async () => {
    const target = path.join(root, 'cli', 'overzicht.xlsx');
    const r = await runCli(['overview', '--in', drive, '--out', target, '--at', '09/06/2023']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Overzicht geschreven: ${target}`);
    expect(existsSync(target)).toBe(true);
  });

  it('exits 2 with a Dutch message when --in is missing', async () => {
    const r = await runCli(['overview', '--out', path.join(root, 'y.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fout: de optie --in');
  });

  it('lists the command in the help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain('overview');
  });
});
