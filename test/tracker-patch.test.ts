import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { runSync } from '../src/sync/run-sync.js';
import { convertWithLibreOffice, sofficePath } from './helpers/libreoffice.js';
import { candidacy, writeCandidacy } from './helpers/candidacy-drive.js';
import { folderSyncOptions } from './helpers/sync-options.js';

// The coordinator's tracker after syncs: their own sheet, note, link, fill, bold, column width,
// number format, formula and TRUE survive (saved by exceljs as Excel would, and by a real
// LibreOffice), the sync's cells are updated, new candidacies appended in the table's style, and
// the result still opens in LibreOffice.

const region = leieSchelde;
const TRACKER = path.join('Kandidaturen', 'Opvolging kandidaturen.xlsx');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'tracker-patch-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A candidacy of `trekker`, with its project title "Project <trekker>". */
const project = (trekker: string, copartners = 'Geen') =>
  candidacy(trekker, `Project ${trekker}`, { copartners });

const sync = (root: string) => runSync(folderSyncOptions(root, { region }));

/** The coordinator's own touches, made with exceljs on the tracker the first sync created. */
async function touch(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Opvolging')!;
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((c, col) => headers.set(String(c.value), col));
  const col = (h: string) => headers.get(h)!;
  const extra = Math.max(...headers.values()) + 1;
  ws.getCell(1, extra).value = 'Dubbel gemiddelde';
  ws.getCell(2, extra).value = { formula: `${ws.getCell(2, col('Copartners')).address}&"!"` };
  ws.getCell(1, extra + 1).value = 'Gebeld';
  ws.getCell(2, extra + 1).value = true;
  ws.getCell(1, extra + 2).value = 'Bedrag';
  ws.getCell(2, extra + 2).value = 1234.5;
  ws.getCell(2, extra + 2).numFmt = '#,##0.00 "EUR"';
  ws.getCell(1, extra + 3).value = 'Website';
  ws.getCell(2, extra + 3).value = { text: 'site', hyperlink: 'https://voorbeeld.be/a' };
  const note = ws.getCell(2, col('Opmerkingen'));
  note.value = 'Sterk dossier';
  note.note = 'Nog eens nakijken';
  note.font = { bold: true };
  note.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getColumn(col('Opmerkingen')).width = 55;
  const own = wb.addWorksheet('Mijn notities');
  own.getCell('A1').value = 'Vergadering 12/06';
  await wb.xlsx.writeFile(file);
}

/** The LibreOffice-saved version of a file, in place. */
async function resaveWithLibreOffice(file: string): Promise<void> {
  const out = await mkdtemp(path.join(work, 'lo-'));
  const [saved] = await convertWithLibreOffice([file], 'xlsx', out);
  await copyFile(saved!, file);
}

async function drive(name: string, via: 'exceljs' | 'libreoffice'): Promise<string> {
  const root = path.join(work, name);
  await writeCandidacy(root, 'Kandidatuur A.xlsx', project('Vzw A'));
  await writeCandidacy(root, 'Kandidatuur B.xlsx', project('Vzw B'));
  await sync(root);
  const file = path.join(root, TRACKER);
  await touch(file);
  if (via === 'libreoffice') await resaveWithLibreOffice(file);
  return root;
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const out = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.set(name, await entry.async('string'));
  }
  return out;
}

async function expectTouchesKept(file: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.getWorksheet('Mijn notities')?.getCell('A1').value).toBe('Vergadering 12/06');
  const ws = wb.getWorksheet('Opvolging')!;
  const headers = new Map<string, number>();
  ws.getRow(1).eachCell((c, col) => headers.set(String(c.value), col));
  const cell = (h: string) => ws.getCell(2, headers.get(h)!);
  const note = cell('Opmerkingen');
  expect(note.value).toBe('Sterk dossier');
  expect(JSON.stringify(note.note)).toContain('Nog eens nakijken');
  expect(note.font?.bold).toBe(true);
  expect((note.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/FFFF00$/);
  expect(ws.getColumn(headers.get('Opmerkingen')!).width).toBeCloseTo(55, 0);
  // A boolean, never the text "WAAR" (LibreOffice itself saves TRUE as the formula TRUE()).
  const gebeld = cell('Gebeld');
  expect(gebeld.formula ? gebeld.result : gebeld.value).toBe(true);
  expect(cell('Bedrag').value).toBe(1234.5);
  expect(cell('Bedrag').numFmt).toContain('EUR');
  expect(cell('Website').hyperlink).toBe('https://voorbeeld.be/a');
  expect(cell('Dubbel gemiddelde').formula).toMatch(/&"!"$/);
  return ws;
}

describe.each(['exceljs', 'libreoffice'] as const)('a tracker saved by %s', (via) => {
  it.skipIf(via === 'libreoffice' && sofficePath() === null)(
    'keeps every touch of the coordinator over two syncs; the sync updates its cells and appends rows in style',
    async () => {
      const root = await drive(via, via);
      const file = path.join(root, TRACKER);
      const touched = await parts(file);

      // A candidacy changes and a new one arrives; then one more arrives.
      await writeCandidacy(root, 'Kandidatuur A.xlsx', project('Vzw A', 'Vzw Z'));
      await writeCandidacy(root, 'Kandidatuur C.xlsx', project('Vzw C'));
      const first = await sync(root);
      expect(first.conflicts).toBe(0);
      expect(first.notes.join('\n')).toContain('Opvolging bijgewerkt');
      await writeCandidacy(root, 'Kandidatuur D.xlsx', project('Vzw D'));
      await sync(root);

      const ws = await expectTouchesKept(file);
      const headers = new Map<string, number>();
      ws.getRow(1).eachCell((c, col) => headers.set(String(c.value), col));
      const at = (row: number, h: string) => ws.getCell(row, headers.get(h)!);
      expect(at(2, 'Copartners').value).toBe('Vzw Z');
      expect([4, 5].map((r) => at(r, 'Indiener (trekker)').value)).toEqual(['Vzw C', 'Vzw D']);
      expect(at(5, 'Stadium').value).toBe('Ontvangen');
      // Appended rows wear the style of the rows above: the grey of the sync's columns.
      const grey = (r: number) => (at(r, 'Dossier').fill as ExcelJS.FillPattern)?.fgColor?.argb;
      expect(grey(5)).toBe(grey(3));
      expect(at(5, 'Ontvangen op').numFmt).toBe(at(3, 'Ontvangen op').numFmt);

      const after = await parts(file);
      // Parts the sync has no business with are byte for byte what the coordinator saved.
      for (const [name, xml] of touched) {
        if (/^xl\/(worksheets\/sheet1|tables\/|workbook|styles|calcChain)/.test(name)) continue;
        expect(after.get(name), name).toBe(xml);
      }
      const tables = [...after.entries()].filter(([n]) => n.startsWith('xl/tables/'));
      const opvolging = tables.find(([, xml]) => /name="Opvolging"/.test(xml));
      expect(opvolging?.[1]).toMatch(/\sref="A1:[A-Z]+5"/);
      const sheet = after.get('xl/worksheets/sheet1.xml')!;
      expect(sheet).toMatch(/<dimension ref="A1:[A-Z]+5"/);
      expect(sheet).toMatch(/sqref="[A-Z]+2:[A-Z]+5"/);
      expect(after.get('xl/workbook.xml')).toContain('fullCalcOnLoad="1"');

      // A valid package: LibreOffice opens and prints it. (Excel recalculates the coordinator's
      // formulas on opening, fullCalcOnLoad; LibreOffice follows its own "recalculation on file
      // load" setting, which a headless run leaves at never.)
      if (sofficePath() !== null) {
        const out = await mkdtemp(path.join(work, 'check-'));
        const [pdf] = await convertWithLibreOffice([file], 'pdf', out);
        expect((await stat(pdf!)).size).toBeGreaterThan(1000);
      }
    },
    240_000,
  );
});
