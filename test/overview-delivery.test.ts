import ExcelJS from 'exceljs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runOverview } from '../src/cli/overview-command.js';
import { readSources } from '../src/cli/read-sources.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import { deliveryLines } from '../src/domain/overview/delivery-text.js';
import type { Overview } from '../src/domain/overview/model.js';
import type { SourceInput } from '../src/domain/overview/sources.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { hasProblems, textReport } from '../src/domain/validation-report.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import {
  day,
  gemeenteSource,
  kandidatuurSource,
  candidacy,
  persona,
} from './helpers/overview-sources.js';
import { rowByFirstCell, sheetLines, writtenOverview } from './helpers/overview-sheet.js';

// Who delivered: a municipality without a workbook is "niet ingediend", never a row of zeros; an
// unreadable one is named; an empty source folder is said so; a workbook with renamed sheets or
// without rows gets a warning of its own, so its feedback and the summary count it.

const region = leieSchelde;
const options = { asOf: day(2023, 6, 9), gapWaitWeeks: 8 };

let dir = '';
let drive = '';
let sources: SourceInput[];
let ov: Overview;

// The example drive, with: Melle's workbook gone, Gavere's not a workbook, no offers at all,
// Zulte's sheets renamed and Nazareth's a blank template.
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'overview-delivery-'));
  drive = path.join(dir, 'drive');
  await writeExampleDrive(region, drive);
  const gemeenten = path.join(drive, 'Gemeenten');
  await rm(path.join(gemeenten, 'Gemeente Melle.xlsx'));
  await writeFile(path.join(gemeenten, 'Gemeente Gavere.xlsx'), 'Persona-ID;Naam\nP1;Jan\n');
  await rm(path.join(drive, 'Partners', 'Aanbod'), { recursive: true });
  await renameSheets(path.join(gemeenten, 'Gemeente Zulte.xlsx'));
  const blank = buildWorkbook({ kind: 'gemeente', region, owner: 'Nazareth' });
  await writeFile(path.join(gemeenten, 'Gemeente Nazareth.xlsx'), await workbookBytes(blank));
  // Saved in summer (Brussels UTC+2) and in winter (UTC+1).
  await touch(path.join(gemeenten, 'Gemeente Deinze.xlsx'), '2023-06-05T08:30:00Z');
  await touch(path.join(gemeenten, 'Gemeente Gavere.xlsx'), '2023-01-15T12:00:00Z');
  sources = (await readSources(drive, region)).sources;
  ov = buildOverview(region, sources, options);
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

async function touch(file: string, instant: string): Promise<void> {
  await utimes(file, new Date(instant), new Date(instant));
}

async function renameSheets(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet("Persona's")!.name = 'Blad1';
  wb.getWorksheet('Noden')!.name = 'Blad2';
  await wb.xlsx.writeFile(file);
}

const sourceAt = (p: string) => sources.find((s) => s.path === p)!;
const deliveryOf = (m: string) => ov.delivery.municipalities.find((d) => d.municipality === m);
const figuresOf = (m: string) => ov.municipalities.find((f) => f.municipality === m);

describe('a municipality without a workbook', () => {
  it('is "missing" in the model, with no demand figures (null, not 0)', () => {
    expect(deliveryOf('Melle')).toEqual({
      municipality: 'Melle',
      status: 'missing',
      sources: [],
      updated: null,
    });
    expect(figuresOf('Melle')).toMatchObject({
      status: 'missing',
      personas: null,
      citizens: null,
      needs: null,
      gaps: null,
    });
    // What partners offer it still counts: that is not the municipality's to deliver.
    expect(figuresOf('Melle')?.candidacies).toBeGreaterThan(0);
  });

  it('is "niet ingediend" on the Overzicht sheet, in its row and above the table', async () => {
    const ws = (await writtenOverview(region, ov)).getWorksheet('Overzicht')!;
    const melle = rowByFirstCell(ws, 'Gemeente', 'Melle');
    expect(melle).toMatchObject({
      Werkmap: 'niet ingediend',
      'Laatst bijgewerkt': null,
      "Persona's": null,
      Noden: null,
    });
    expect(melle['Geschat aantal burgers']).toBeNull();
    const deinze = rowByFirstCell(ws, 'Gemeente', 'Deinze');
    expect(deinze).toMatchObject({
      Werkmap: 'ingediend',
      "Persona's": 9,
      // The file's modified time as a Brussels wall-clock time, shown as a date.
      'Laatst bijgewerkt': new Date(Date.UTC(2023, 5, 5, 10, 30)),
    });
    const text = sheetLines(ws).flat();
    expect(text.some((c) => c.startsWith('Niet ingediend: Melle (1 van 9 gemeenten).'))).toBe(true);
  });

  it('is printed by the overview command', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    try {
      const file = path.join(dir, 'Regionaal overzicht.xlsx');
      expect(await runOverview({ in: drive, out: file, at: '09/06/2023' })).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const printed = out.join('');
    expect(printed).toContain('Niet ingediend: Melle (1 van 9 gemeenten).');
    expect(printed).toContain('Ingediend maar niet leesbaar: Gavere, Zulte.');
    expect(printed).toContain('De map Partners/Aanbod is leeg: geen aanbod ingediend.');
  });
});

describe('a municipality whose workbook could not be read', () => {
  it('is "refused", named by its file, not zeros', async () => {
    expect(deliveryOf('Gavere')).toEqual({
      municipality: 'Gavere',
      status: 'refused',
      sources: ['Gemeenten/Gemeente Gavere.xlsx'],
      updated: new Date(Date.UTC(2023, 0, 15, 13, 0)),
    });
    expect(figuresOf('Gavere')?.personas).toBeNull();
    const ws = (await writtenOverview(region, ov)).getWorksheet('Overzicht')!;
    expect(rowByFirstCell(ws, 'Gemeente', 'Gavere')).toMatchObject({
      Werkmap: 'ingediend, niet leesbaar',
      'Laatst bijgewerkt': new Date(Date.UTC(2023, 0, 15, 13, 0)),
    });
  });
});

describe('an expected folder without files', () => {
  it('is empty in the model and said so on the Overzicht sheet', async () => {
    expect(ov.delivery.folders).toEqual([
      { folder: 'Gemeenten', expects: 'gemeente', files: 8, empty: false },
      { folder: 'Partners/Aanbod', expects: 'aanbod', files: 0, empty: true },
      { folder: 'Partners/Kandidaturen', expects: 'kandidatuur', files: 12, empty: false },
    ]);
    const text = sheetLines((await writtenOverview(region, ov)).getWorksheet('Overzicht')!).flat();
    expect(text).toContain('De map Partners/Aanbod is leeg: geen aanbod ingediend.');
  });

  it('is not empty when workbooks of its kind lie elsewhere (a flat folder)', () => {
    const flat = buildOverview(
      region,
      [kandidatuurSource('Kandidatuur A.xlsx', [candidacy('Project', 'Deinze')])],
      options,
    );
    const byFolder = new Map(flat.delivery.folders.map((f) => [f.expects, f.empty]));
    expect([...byFolder]).toEqual([
      ['gemeente', true],
      ['aanbod', true],
      ['kandidatuur', false],
    ]);
    expect(flat.delivery.municipalities.every((m) => m.status === 'missing')).toBe(true);
  });
});

describe('a workbook whose sheets were renamed', () => {
  const zulte = 'Gemeenten/Gemeente Zulte.xlsx';

  it('gets a warning naming the sheets it has, so its feedback counts it', () => {
    const outcome = sourceAt(zulte).outcome;
    if (!outcome.ok) throw new Error('Zulte was not read');
    const found = outcome.result.issues.find((i) => i.code === 'no-sheet');
    expect(found).toMatchObject({ severity: 'warning', sheet: null, row: null });
    expect(String(found?.params.found)).toContain('Blad1, Blad2');
    const report = textReport([{ file: 'Gemeente Zulte.xlsx', ...outcome }]).join('\n');
    expect(report).toContain('waarschuwing: geen blad herkend: de werkmap heeft de bladen');
    expect(hasProblems({ file: zulte, ...outcome })).toBe(true);
  });

  it('counts as delivered but refused: nothing of it could be read, so no zeros', () => {
    expect(deliveryOf('Zulte')).toEqual({
      municipality: 'Zulte',
      status: 'refused',
      sources: [zulte],
      updated: expect.any(Date),
    });
    expect(figuresOf('Zulte')?.personas).toBeNull();
    expect(ov.delivery.municipalities.filter((m) => m.status === 'refused')).toHaveLength(2);
    const row = ov.sources.find((s) => s.path === zulte)!;
    expect(row.issues.map((i) => i.code)).toContain('no-sheet');
  });
});

describe('a workbook without any row', () => {
  const nazareth = 'Gemeenten/Gemeente Nazareth.xlsx';

  it('gets a "geen rijen gevonden" warning in the overview and in its feedback', () => {
    const outcome = sourceAt(nazareth).outcome;
    if (!outcome.ok) throw new Error('Nazareth was not read');
    expect(outcome.result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['no-rows', 'warning'],
    ]);
    expect(hasProblems({ file: nazareth, ...outcome })).toBe(true);
    const report = textReport([{ file: 'Gemeente Nazareth.xlsx', ...outcome }]).join('\n');
    expect(report).toContain('waarschuwing: geen rijen gevonden');
    expect(ov.sources.find((s) => s.path === nazareth)?.warnings).toBe(1);
  });

  it('counts as "ingediend, maar leeg": figures unknown, not zeros', () => {
    const row = ov.delivery.municipalities.find((m) => m.municipality === 'Nazareth');
    expect(row).toMatchObject({ status: 'empty', sources: [nazareth] });
    const figures = ov.municipalities.find((m) => m.municipality === 'Nazareth');
    expect(figures).toMatchObject({ personas: null, citizens: null, needs: null });
    expect(deliveryLines(ov).join('\n')).toContain('Ingediend maar zonder één rij: Nazareth');
  });

  it('is no warning when it is only validated (a workbook just set up is empty)', async () => {
    const blank = buildWorkbook({ kind: 'gemeente', region, owner: 'Nazareth' });
    const read = await readWorkbookBytes(await workbookBytes(blank), 'blank.xlsx');
    if (!read.ok) throw new Error('blank template not read');
    expect(validateWorkbook(read.workbook, region).issues).toEqual([]);
  });

  it('is flagged once, however often the overview is built', () => {
    buildOverview(region, sources, options);
    const outcome = sourceAt(nazareth).outcome;
    expect(outcome.ok && outcome.result.issues.length).toBe(1);
  });
});

describe('a gemeente workbook among the sources of the domain', () => {
  it('names its municipality delivered with the file that counts', () => {
    const file = 'Gemeenten/Gemeente De Pinte.xlsx';
    const one = gemeenteSource(file, 'De Pinte', [persona('P1', 4)], []);
    const small = buildOverview(region, [one], options);
    expect(small.delivery.municipalities[0]).toEqual({
      municipality: 'De Pinte',
      status: 'delivered',
      sources: ['Gemeenten/Gemeente De Pinte.xlsx'],
      updated: null,
    });
    expect(small.delivery.municipalities.filter((m) => m.status === 'missing')).toHaveLength(8);
  });

  it('takes when it was last updated from the drive, in Brussels time', () => {
    const file = 'Gemeenten/Gemeente De Pinte.xlsx';
    const one = gemeenteSource(file, 'De Pinte', [persona('P1', 4)], []);
    // 26/03/2023 02:30 UTC is 04:30 in Brussels: summer time began at 01:00 UTC that night.
    const dated = { ...one, modified: new Date('2023-03-26T02:30:00Z') };
    const small = buildOverview(region, [dated], options);
    expect(small.delivery.municipalities[0]?.updated).toEqual(
      new Date(Date.UTC(2023, 2, 26, 4, 30)),
    );
  });
});
