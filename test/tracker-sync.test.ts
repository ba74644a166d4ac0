import ExcelJS from 'exceljs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { FolderDrive } from '../src/drive/folder.js';
import type { UploadResult } from '../src/drive/drive.js';
import { DEFAULT_RETRY } from '../src/drive/retry.js';
import { runSync, type SyncOptions } from '../src/sync/run-sync.js';
import { readTracker } from '../src/sync/tracker.js';
import { ContentCache } from '../src/sync/cache.js';
import { readWorkbookFile } from '../src/workbook/xlsx/read-workbook.js';
import { findSheet } from '../src/domain/detect-kind.js';
import { opvolgingLayout } from '../src/domain/layouts.js';
import { rawTable } from '../src/domain/tracker/raw-table.js';
import { candidacy, writeCandidacy } from './helpers/candidacy-drive.js';
import { folderSyncOptions } from './helpers/sync-options.js';
import { useExampleDrives } from './helpers/example-drives.js';

// The tracker through real syncs on a folder drive: created, edited by the coordinator between
// two syncs (their edits survive, the sync's columns refresh, new candidacies are appended), and
// saved by the coordinator during a sync (merged again, never overwritten blindly).

const region = leieSchelde;
const TRACKER = path.join('Kandidaturen', 'Opvolging kandidaturen.xlsx');
const day = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));
let work: string;
const examples = useExampleDrives('tracker-gaps-');

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tracker-sync-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function options(root: string, drive = new FolderDrive(root)): SyncOptions {
  return folderSyncOptions(root, { drive, region });
}

/** The Opvolging sheet's header → column number, from the file as the sync left it. */
async function headers(ws: ExcelJS.Worksheet): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

/** The coordinator opens the tracker in Excel, edits it and saves it. */
async function edit(root: string, change: (wb: ExcelJS.Workbook) => Promise<void>) {
  const file = path.join(root, TRACKER);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await change(wb);
  await wb.xlsx.writeFile(file);
}

async function rowsOf(root: string) {
  const read = await readWorkbookFile(path.join(root, TRACKER));
  if (!read.ok) throw new Error(read.code);
  const sheet = findSheet(read.workbook, opvolgingLayout);
  return rawTable(sheet!, opvolgingLayout);
}

async function newDrive(name: string): Promise<string> {
  const root = path.join(work, name);
  await writeCandidacy(root, 'Kandidatuur A.xlsx', candidacy('Vzw A', 'Project A'));
  await writeCandidacy(root, 'Kandidatuur B.xlsx', candidacy('Vzw B', 'Project B'));
  return root;
}

describe('the tracker through syncs', () => {
  it('is created with a row per candidacy, read back by readTracker', async () => {
    const root = await newDrive('create');
    const summary = await runSync(options(root));
    expect(summary.notes.join('\n')).toContain('Opvolging aangemaakt');
    const read = await readTracker(
      new FolderDrive(root),
      region,
      new ContentCache(`${root}-state`),
      DEFAULT_RETRY,
    );
    expect(read).not.toBeNull();
    expect(read!.path).toBe('Kandidaturen/Opvolging kandidaturen.xlsx');
    expect(read!.refusal).toBeNull();
    expect(read!.rows.map((r) => [r.row, r.record.dossier, r.record.stadium])).toEqual([
      [2, 'K-64EB45', 'Ontvangen'], // Vzw A, Project A
      [3, 'K-62ED81', 'Ontvangen'], // Vzw B, Project B
    ]);
    // Nobody recorded when they came in (partnerschap intake, or by hand): not "In orde".
    expect(read!.rows[0]!.record.intake).toContain('ontvangstmoment niet ingevuld');
    expect(read!.rows[1]!.record.intake).toContain('onderwerp van de e-mail niet ingevuld');
    expect(read!.reviews).toEqual([]);
    const again = await runSync(options(root));
    expect(again.uploaded).toBe(0);
    expect(
      await readTracker(
        new FolderDrive(path.join(work, 'none')),
        region,
        new ContentCache(work),
        DEFAULT_RETRY,
      ),
    ).toBeNull();
  });

  it('keeps what the coordinator typed between two syncs, refreshes its own columns and appends new candidacies', async () => {
    const root = await newDrive('edited');
    await runSync(options(root));
    const codeA = 'K-64EB45'; // Vzw A, Project A
    await edit(root, async (wb) => {
      const ws = wb.getWorksheet('Opvolging')!;
      const h = await headers(ws);
      const col = (header: string) => h.get(header)!;
      ws.getCell(2, col('Stadium')).value = 'Schriftelijk beoordeeld';
      ws.getCell(2, col('Ontvankelijkheid beslist op')).value = day(2023, 6, 12);
      ws.getCell(2, col('Opmerkingen')).value = 'Sterk dossier';
      ws.getCell(3, col('Stadium')).value = 'Pitch gpland'; // a typo
      ws.getCell(3, col('Beslissing gecommuniceerd op')).value = day(2023, 7, 20);
      ws.getCell(2, col('Titel project')).value = 'Met de hand veranderd'; // a sync column
      const extra = h.size + 1;
      ws.getCell(1, extra).value = 'Eigen notitie';
      ws.getCell(2, extra).value = 'bellen op maandag';
      const beo = wb.getWorksheet('Beoordelingen')!;
      beo.getRow(2).values = [codeA, 'An', region.assessment.criteria[0]!.label, 8, 'goed', 'Nee'];
      beo.getRow(3).values = [codeA, 'Bart', region.assessment.criteria[0]!.label, 2, null, 'Ja'];
    });
    const before = await rowsOf(root);
    // The candidacy changes, and a new one arrives.
    await writeCandidacy(
      root,
      'Kandidatuur A.xlsx',
      candidacy('Vzw A', 'Project A', { copartners: 'Vzw C' }),
    );
    await writeCandidacy(root, 'Kandidatuur C.xlsx', candidacy('Vzw C', 'Project C'));

    const second = await runSync(options(root));
    expect(second.conflicts).toBe(0);
    const after = await rowsOf(root);
    expect(after.extraHeaders).toEqual(['Eigen notitie']);
    expect(after.rows).toHaveLength(3);
    const [a, b, c] = after.rows;
    const kept = [
      'stadium',
      'ontvankelijkOp',
      'beoordeeldOp',
      'pitch',
      'beslissing',
      'juryOp',
      'gecommuniceerdOp',
      'weerwoordOp',
      'weerwoordUitkomst',
      'definitiefOp',
      'opmerkingen',
    ];
    for (const [i, row] of [a, b].entries()) {
      for (const f of kept) expect(row!.cells[f], f).toEqual(before.rows[i]!.cells[f]);
      expect(row!.extra).toEqual(before.rows[i]!.extra);
    }
    expect(a!.cells).toMatchObject({
      stadium: 'Schriftelijk beoordeeld',
      opmerkingen: 'Sterk dossier',
      titel: 'Project A',
      copartners: 'Vzw C',
      gemiddelde: 8,
      rang: 1,
    });
    expect(a!.extra).toEqual(['bellen op maandag']);
    expect(b!.cells).toMatchObject({
      stadium: 'Pitch gpland',
      weerwoordTot: day(2023, 8, 3, 23, 59),
    });
    expect(c!.cells).toMatchObject({
      dossier: 'K-8C903A', // Vzw C, Project C
      stadium: 'Ontvangen',
      bron: 'Partners/Kandidaturen/Kandidatuur C.xlsx',
    });
    expect(c!.extra).toEqual([null]);
    // The typo and the stage rules are reported, in the notes and in the feedback file.
    const notes = second.notes.join('\n');
    expect(notes).toContain('Opvolging bijgewerkt');
    expect(notes).toContain(
      'stadium "Schriftelijk beoordeeld", maar "Schriftelijk beoordeeld op" is niet ingevuld.',
    );
    const feedback = await readFile(
      path.join(root, 'Feedback', 'Kandidaturen', 'Opvolging kandidaturen.xlsx - feedback.txt'),
      'utf8',
    );
    expect(feedback).toContain('Pitch gpland');
    expect(feedback).not.toContain('Eigen notitie');
    // Its header names the workbook's kind and counts the rows as written (3 candidacies, 2 scores).
    expect(feedback).toContain('Opvolging kandidaturen.xlsx (opvolging kandidaturen, 5 rijen):');

    // A third sync with nothing new writes nothing.
    const third = await runSync(options(root));
    expect(third.uploaded).toBe(0);
    expect(third.notes.join('\n')).toContain('(ongewijzigd)');
  });

  it('merges again when the coordinator saves during the sync; a conflict copy only the second time', async () => {
    const root = await newDrive('race');
    await runSync(options(root));
    await writeCandidacy(root, 'Kandidatuur C.xlsx', candidacy('Vzw C', 'Project C'));
    const saves = async () =>
      edit(root, async (wb) => {
        const ws = wb.getWorksheet('Opvolging')!;
        const h = await headers(ws);
        const col = h.get('Opmerkingen')!;
        const typed = ws.getRow(2).values as unknown[];
        ws.getRow(2).getCell(col).value = `${String(typed[col] ?? '')}x`;
      });
    class Racing extends FolderDrive {
      races = 1;
      override async upload(
        folder: string,
        name: string,
        bytes: Buffer,
        expected: string | null,
      ): Promise<UploadResult> {
        if (name === region.drive.trackerName && this.races > 0) {
          this.races--;
          await saves();
        }
        return super.upload(folder, name, bytes, expected);
      }
    }
    const drive = new Racing(root);
    const summary = await runSync(options(root, drive));
    expect(summary.conflicts).toBe(0);
    expect(summary.notes.join('\n')).toContain('opnieuw gelezen en samengevoegd');
    const after = await rowsOf(root);
    expect(after.rows.map((r) => r.cells.opmerkingen)).toEqual(['x', null, null]);

    // Saved during both attempts: ours goes beside theirs, theirs is untouched.
    await writeCandidacy(root, 'Kandidatuur D.xlsx', candidacy('Vzw D', 'Project D'));
    const twice = new Racing(root);
    twice.races = 2;
    const raced = await runSync(options(root, twice));
    expect(raced.conflicts).toBe(1);
    const theirs = await rowsOf(root);
    expect(theirs.rows.map((r) => r.cells.opmerkingen)).toEqual(['xxx', null, null]);
    const names = await readdir(path.join(root, 'Kandidaturen'));
    expect(names.filter((n) => n.includes('versie van de sync'))).toHaveLength(1);
  });

  it('shows in "Vult hiaten" the gaps each candidacy fills, as the overview\'s Kandidaturen does', async () => {
    const root = await examples.fresh('gaps');
    await runSync(options(root));
    const overview = new ExcelJS.Workbook();
    await overview.xlsx.readFile(
      path.join(root, region.drive.overzicht, region.drive.overviewName),
    );
    const ws = overview.getWorksheet('Kandidaturen')!;
    const cols = await headers(ws);
    const expected = new Map<string, string>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const at = (h: string) => row.getCell(cols.get(h)!).value;
      const gaps = at('Vult hiaten');
      expected.set(
        String(at('Bron-bestand')),
        gaps === null
          ? 'Geen: de kandidatuur speelt op geen hiaat van het regionaal overzicht in.'
          : `${String(gaps)} (geschat ${String(at('Inwoners in die hiaten'))} inwoners)`,
      );
    });
    const rows = (await rowsOf(root)).rows.filter((r) => r.cells.bron !== null);
    expect(rows.length).toBeGreaterThan(3);
    // A candidacy the overview does not take (refused rows) is matched to no gap, and says so.
    for (const r of rows) {
      expect(r.cells.hiaten, String(r.cells.bron)).toBe(
        expected.get(String(r.cells.bron)) ??
          'Niet bekend: de rij van de kandidatuur is niet overgenomen in het overzicht (zie Controle bij ontvangst).',
      );
    }
    // The example has candidacies that address gaps, and the text names them with municipality.
    expect(rows.some((r) => /\(geschat \d+ inwoners\)$/.test(String(r.cells.hiaten)))).toBe(true);
  });
});
