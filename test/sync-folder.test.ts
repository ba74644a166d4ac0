import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSync } from '../src/sync/run-sync.js';
import { CLI, runCli } from './helpers/cli.js';
import { useExampleDrives } from './helpers/example-drives.js';
import { folderSyncOptions } from './helpers/sync-options.js';

// The sync on a folder backend, on real directories: incremental runs, skipped files, conflicts,
// and a process killed with SIGKILL in the middle of a sync.

const drives = useExampleDrives('sync-folder-');
const freshDrive = drives.fresh;

const options = folderSyncOptions;

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('sync on a folder', () => {
  it('pulls everything once, writes the overview and feedback, then does nothing when nothing changed', async () => {
    const root = await freshDrive('incremental');
    const before = await listTree(root);
    const first = await runSync(options(root));
    expect(first.files).toEqual({ pulled: 51, unchanged: 0, refused: 0, skipped: 0 });
    expect(first.rows.read).toBe(first.rows.taken + first.rows.refused);
    expect(first.overview).toBe(path.join(root, 'Overzicht', 'Regionaal overzicht.xlsx'));
    expect(first.conflicts).toBe(0);
    const after = await listTree(root);
    expect(after.filter((f) => !before.includes(f))).toEqual(
      expect.arrayContaining([
        'Overzicht/Regionaal overzicht.xlsx',
        'Feedback/Gemeenten/Gemeente Zulte.xlsx - feedback.txt',
      ]),
    );
    expect(before.every((f) => after.includes(f))).toBe(true);
    const feedback = await readFile(
      path.join(root, 'Feedback/Gemeenten/Gemeente Zulte.xlsx - feedback.txt'),
      'utf8',
    );
    expect(feedback).toContain('rijksregisternummer');
    expect(feedback).not.toMatch(/\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/);
    // What happened first, then what to fix, then the next step.
    const lines = feedback.split('\r\n');
    expect(lines[2]).toBe('35 rijen gelezen: 34 overgenomen, 1 niet overgenomen.');
    expect(lines[3]).toBe("Niet overgenomen op blad Persona's: rij 2. Hieronder staat waarom.");
    expect(lines.at(-2)).toMatch(/^Volgende stap: .* bewaar de werkmap opnieuw in de gedeelde map/);
    // A candidacy after the deadline (the run is on 15/06/2023): whom to contact instead.
    const candidacy = await readFile(
      path.join(
        root,
        'Feedback/Partners/Kandidaturen/Kandidatuur Digipunt Merelbeke - Digibuddy’s in Leie & Schelde.xlsx - feedback.txt',
      ),
      'utf8',
    );
    expect(candidacy).toContain('1 rij gelezen: 0 overgenomen, 1 niet overgenomen.');
    expect(candidacy).toContain('de indieningstermijn liep af op 09/06/2023 23:59');

    const second = await runSync(options(root));
    expect(second.files).toEqual({ pulled: 0, unchanged: 51, refused: 0, skipped: 0 });
    expect(second.uploaded).toBe(0);
    expect(second.overviewChanged).toBe(false);
  });

  it('downloads only the changed file and uploads the overview once', async () => {
    const root = await freshDrive('one-change');
    await runSync(options(root));
    const deinze = path.join(root, 'Gemeenten/Gemeente Deinze.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(deinze);
    wb.getWorksheet("Persona's")!.getCell('L2').value = 999;
    await wb.xlsx.writeFile(deinze);
    const next = await runSync(options(root));
    expect(next.files).toMatchObject({ pulled: 1, unchanged: 50 });
    expect(next.overviewChanged).toBe(true);
    // The overview and the steering group's report, which shows Deinze's figures too.
    expect(next.uploaded).toBe(2);
  });

  it('keeps an overview someone else changed aside, and writes the fresh one in its place', async () => {
    const root = await freshDrive('conflict');
    await runSync(options(root));
    const overview = path.join(root, 'Overzicht/Regionaal overzicht.xlsx');
    await writeFile(overview, 'met de hand aangepast');
    const next = await runSync(options(root, { gapWaitWeeks: 4 }));
    const kept = 'Overzicht/Regionaal overzicht (eigen wijzigingen 2023-06-15 12.00).xlsx';
    expect(next.kept).toEqual([kept]);
    expect(await readFile(path.join(root, kept), 'utf8')).toBe('met de hand aangepast');
    expect(await readFile(overview, 'utf8')).not.toBe('met de hand aangepast');
    expect(next.notes.join('\n')).toContain('werd door iemand anders gewijzigd');
  });

  it('skips lock files, Google documents, shortcuts and other files with a note; refuses .xls', async () => {
    const root = await freshDrive('skips');
    const dir = path.join(root, 'Partners/Aanbod');
    await writeFile(path.join(dir, '~$Aanbod CAW.xlsx'), 'lock');
    await writeFile(path.join(dir, 'Inventaris.gsheet'), '{}');
    await writeFile(path.join(dir, 'Folder.pdf'), '%PDF');
    await writeFile(path.join(dir, 'Oud aanbod.xls'), 'xls');
    await symlink(path.join(root, 'Gemeenten/Gemeente Deinze.xlsx'), path.join(dir, 'Link.xlsx'));
    const s = await runSync(options(root));
    expect(s.files).toMatchObject({ skipped: 4, refused: 1 });
    expect(s.notes.filter((n) => n.includes('overgeslagen'))).toHaveLength(4);
  });

  it('writes nothing in a dry run', async () => {
    const root = await freshDrive('dry');
    const before = await listTree(root);
    const s = await runSync(options(root, { dryRun: true }));
    expect(await listTree(root)).toEqual(before);
    expect(s.notes.at(-1)).toContain('Overzicht/Regionaal overzicht.xlsx');
  });
});

describe('a sync killed with SIGKILL', () => {
  function startSync(root: string, state: string) {
    return spawn(
      process.execPath,
      [CLI, 'sync', '--drive', `folder:${root}`, '--state', state, '--json'],
      {
        stdio: 'ignore',
      },
    );
  }

  it('leaves no half-written file, and the next run completes without conflicts', async () => {
    const root = await freshDrive('killed');
    const state = path.join(drives.work(), 'killed-state');
    for (const delay of [150, 400, 700, 1000, 1400, 1900]) {
      const child = startSync(root, state);
      // Listen before waiting: a sync with little left to do may end before the kill.
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await closed;
      const visible = (await listTree(root)).filter((f) => !path.basename(f).startsWith('.'));
      expect(visible.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // Either no state yet, or a state that parses.
      const drivestate = path.join(root, '.partnerschap/state.json');
      const text = await readFile(drivestate, 'utf8').catch(() => '{}');
      expect(() => JSON.parse(text)).not.toThrow();
    }
    const done = await runCli(['sync', '--drive', `folder:${root}`, '--state', state, '--json']);
    const summary = JSON.parse(done.stdout);
    expect(summary).toMatchObject({ conflicts: 0, kept: [] });
    const overview = new ExcelJS.Workbook();
    await overview.xlsx.readFile(path.join(root, 'Overzicht/Regionaal overzicht.xlsx'));
    expect(overview.worksheets.length).toBeGreaterThan(5);
    const again = JSON.parse(
      (await runCli(['sync', '--drive', `folder:${root}`, '--state', state, '--json'])).stdout,
    );
    expect(again).toMatchObject({ uploaded: 0, conflicts: 0, kept: [], files: { pulled: 0 } });
    expect((await listTree(root)).filter((f) => f.includes('('))).toEqual([]);
  }, 180_000);
});
