import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Column } from '../src/domain/columns.js';
import { aanbodLayout, kandidatuurLayout, type AnyLayout } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { milestoneRecords } from '../src/domain/timeline.js';
import { vocabulariesOf } from '../src/domain/vocabularies.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { readWorkbookBytes } from '../src/workbook/xlsx/read-workbook.js';
import {
  HELP_SHEET,
  kinds,
  LISTS_SHEET,
  META_SHEET,
  TEMPLATE_VERSION,
  type WorkbookKind,
} from '../src/domain/workbook-kinds.js';
import {
  buildWorkbook,
  templateFileName,
  type BuildOptions,
} from '../src/workbook/xlsx/build-workbook.js';
import { workbookBytes, writeTemplates } from '../src/workbook/xlsx/write-templates.js';
import { runCli } from './helpers/cli.js';
import { convertWithLibreOffice, renderPdfPage, sofficePath } from './helpers/libreoffice.js';
import { zipEntries } from './helpers/zip-entries.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES_DIR = path.join(ROOT, 'templates');
const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts');
const REGENERATE = 'npm run build && node dist/bin/main.js templates --out templates';
const region = leieSchelde;
const vocabularies = vocabulariesOf(region);
const KINDS: WorkbookKind[] = ['gemeente', 'aanbod', 'kandidatuur'];
const OWNER: Record<WorkbookKind, string> = {
  gemeente: 'Deinze',
  aanbod: '',
  kandidatuur: '',
  opvolging: '',
};

// --- helpers ---------------------------------------------------------------------------------

/** What differs between two zips, entry by entry; empty when they hold the same parts. */
async function zipDifferences(a: Buffer, b: Buffer): Promise<string[]> {
  const [ea, eb] = await Promise.all([zipEntries(a), zipEntries(b)]);
  const names = [...new Set([...ea.keys(), ...eb.keys()])].sort();
  return names.filter((n) => {
    const x = ea.get(n);
    const y = eb.get(n);
    return x === undefined || y === undefined || !x.equals(y);
  });
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function roundTrip(o: BuildOptions): Promise<ExcelJS.Workbook> {
  return load(await workbookBytes(buildWorkbook(o)));
}

function columnsOf(layout: AnyLayout): Column[] {
  return Object.values(layout.columns);
}

function letter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  }
  return s;
}

interface LoadedValidation {
  type: string;
  formulae?: unknown[];
  errorStyle?: string;
  showInputMessage?: boolean;
  showErrorMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
}

/** exceljs keeps loaded data validations per cell address (undeclared in its types). */
function validationAt(ws: ExcelJS.Worksheet, address: string): LoadedValidation | undefined {
  const dv = ws as unknown as { dataValidations: { model: Record<string, LoadedValidation> } };
  return dv.dataValidations.model[address];
}

/** The values a list validation offers, whatever form the formula takes: a defined name
 *  (ours), or a direct range as LibreOffice may write it ($Lijsten.$C$2:$C$13, Lijsten!C2:C13). */
function listValues(wb: ExcelJS.Workbook, formula: string): string[] {
  const f = formula.replace(/^=/, '').trim();
  const direct = /^\$?'?([^'!.]+)'?[.!]\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(f);
  const ref = direct ? f : wb.definedNames.getRanges(f).ranges[0];
  if (ref === undefined) throw new Error(`list formula ${formula} resolves to nothing`);
  const m = /^\$?'?([^'!.]+)'?[.!]\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`list formula ${formula} -> ${ref}: not a range`);
  const [, sheet, c1, r1, c2 = c1, r2 = r1] = m as unknown as [string, string, string, string];
  if (c1 !== c2) throw new Error(`list ${ref} spans more than one column`);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`list ${ref}: no sheet ${sheet}`);
  const values: string[] = [];
  for (let r = Number(r1); r <= Number(r2); r++) values.push(ws.getCell(`${c1}${r}`).text);
  return values;
}

/** The loaded sheet protection (exceljs has it but does not declare it on Worksheet). */
function protectionOf(ws: ExcelJS.Worksheet): unknown {
  return (ws as unknown as { sheetProtection: unknown }).sheetProtection;
}

function headerTexts(ws: ExcelJS.Worksheet, count: number): string[] {
  return Array.from({ length: count }, (_, i) => ws.getRow(1).getCell(i + 1).text);
}

function metaOf(wb: ExcelJS.Workbook): Map<string, string> {
  const ws = wb.getWorksheet(META_SHEET);
  const meta = new Map<string, string>();
  ws?.eachRow((row) => meta.set(row.getCell(1).text, row.getCell(2).text));
  return meta;
}

/** Checks that every vocabulary column's data rows (and only those) offer the vocabulary. */
/** Rows under a table that keep its dropdowns (build-workbook.ts). */
const ROOM_BELOW = 1_000;

/** `below`: the rows under the table that must keep the dropdowns (LibreOffice keeps fewer). */
function expectDropdowns(
  wb: ExcelJS.Workbook,
  layout: AnyLayout,
  rows: number,
  below = ROOM_BELOW,
): void {
  const ws = wb.getWorksheet(layout.sheet)!;
  columnsOf(layout).forEach((column, i) => {
    if (column.vocabulary === null) return;
    const col = letter(i + 1);
    // Under the table too: a row typed there or inserted in the table keeps its dropdown.
    for (const r of [2, 3, Math.floor(rows / 2) + 1, rows + 1, rows + 2, rows + 1 + below]) {
      const dv = validationAt(ws, `${col}${r}`);
      expect(dv?.type, `${layout.sheet}!${col}${r} (${column.header})`).toBe('list');
      const formula = String(dv?.formulae?.[0]);
      expect(listValues(wb, formula), `${column.header}: ${formula}`).toEqual([
        ...vocabularies[column.vocabulary],
      ]);
    }
    expect(validationAt(ws, `${col}1`)?.type, 'no validation on the header').not.toBe('list');
    const end = rows + 2 + ROOM_BELOW;
    expect(validationAt(ws, `${col}${end}`), 'none further down').toBeUndefined();
  });
}

// --- 1. the committed templates --------------------------------------------------------------

describe('templates/ in the repository', () => {
  let fresh: string;
  beforeAll(async () => {
    fresh = await mkdtemp(path.join(os.tmpdir(), 'templates-'));
  });
  afterAll(async () => {
    await rm(fresh, { recursive: true, force: true });
  });

  it('equals what the generator makes now', async () => {
    const { written } = await writeTemplates(region, fresh);
    const expected = written.map((p) => path.basename(p)).sort();
    const hint = `templates/ is out of date with the layouts; regenerate it with \`${REGENERATE}\``;
    const present = existsSync(TEMPLATES_DIR)
      ? (await readdir(TEMPLATES_DIR)).filter((f) => f.endsWith('.xlsx')).sort()
      : [];
    expect(present, hint).toEqual(expected);
    const stale: string[] = [];
    for (const name of expected) {
      const diff = await zipDifferences(
        await readFile(path.join(TEMPLATES_DIR, name)),
        await readFile(path.join(fresh, name)),
      );
      if (diff.length > 0) stale.push(`${name}: ${diff.join(', ')}`);
    }
    expect(stale, `${hint}\n${stale.join('\n')}`).toEqual([]);
  });
});

// --- 2. structure, read back with exceljs ----------------------------------------------------

describe('buildWorkbook', () => {
  it('is deterministic: the same input gives the same zip entries', async () => {
    const o: BuildOptions = { kind: 'gemeente', region, owner: 'Melle' };
    const [a, b] = await Promise.all([
      workbookBytes(buildWorkbook(o)),
      workbookBytes(buildWorkbook(o)),
    ]);
    expect(await zipDifferences(a, b)).toEqual([]);
    // Another owner changes only the text that names the owner (in _meta and on Uitleg).
    const other = await workbookBytes(buildWorkbook({ ...o, owner: 'Zulte' }));
    expect(await zipDifferences(a, other)).toEqual(['xl/sharedStrings.xml']);
    const core = (await zipEntries(a)).get('docProps/core.xml')!.toString();
    expect(core).toContain('2023-04-28T00:00:00Z');
    expect(core).toContain('<dc:creator>Partnerschap</dc:creator>');
  });

  describe.each(KINDS)('%s workbook', (kind) => {
    const spec = kinds[kind];
    let wb: ExcelJS.Workbook;
    beforeAll(async () => {
      wb = await roundTrip({ kind, region, owner: OWNER[kind] });
    });

    it('has the kind sheets, then Uitleg, a hidden Lijsten and a very hidden _meta', () => {
      expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
        ...spec.sheets.map((s) => [s.layout.sheet, 'visible']),
        [HELP_SHEET, 'visible'],
        [LISTS_SHEET, 'hidden'],
        [META_SHEET, 'veryHidden'],
      ]);
    });

    it('puts kind, version, region and owner in _meta', () => {
      expect([...metaOf(wb)]).toEqual([
        ['kind', kind],
        ['version', String(TEMPLATE_VERSION)],
        ['region', region.id],
        ['owner', OWNER[kind]],
      ]);
    });

    it.each(spec.sheets.map((s) => [s.layout.sheet, s] as const))(
      '%s: a table at A1 with the layout headers, frozen, locked header, widths',
      (_, { layout, role }) => {
        const ws = wb.getWorksheet(layout.sheet)!;
        const columns = columnsOf(layout);
        const rows =
          layout.id === 'mijlpaal' ? milestoneRecords(region).length : layout.templateRows;
        expect(headerTexts(ws, columns.length)).toEqual(columns.map((c) => c.header));
        expect(ws.getRow(1).getCell(columns.length + 1).text).toBe('');
        const table = ws.getTable(layout.table) as unknown as { table: { tableRef: string } };
        expect(table.table.tableRef).toBe(`A1:${letter(columns.length)}${rows + 1}`);
        expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        // Printed: the header on every page; fitted to the page's width only where still
        // readable (the Tijdlijn is; the wide Persona's sheet is not shrunk to a blur).
        expect(ws.pageSetup.orientation).toBe('landscape');
        // (exceljs cannot write print titles for a sheet name with an apostrophe.)
        if (!layout.sheet.includes("'")) expect(ws.pageSetup.printTitlesRow).toBe('1:1');
        const width = columns.reduce((sum, c) => sum + c.width, 0);
        expect(ws.pageSetup.fitToPage === true, 'fitted to width').toBe(width <= 230);
        if (layout.id === 'mijlpaal') expect(ws.pageSetup.fitToPage).toBe(true);
        // An input sheet people add rows to stays unprotected: tables grow only there.
        const byHand = role === 'input' && columns.every((c) => !c.bySync);
        if (byHand) expect(protectionOf(ws)).toBeUndefined();
        else expect(protectionOf(ws)).toMatchObject({ sheet: true, autoFilter: true, sort: true });
        columns.forEach((c, i) => {
          expect(ws.getColumn(i + 1).width, c.header).toBe(c.width);
          expect(ws.getCell(1, i + 1).protection?.locked, 'header locked').not.toBe(false);
          const last = rows + 1;
          const editable = ws.getCell(last, i + 1).protection?.locked === false;
          expect(editable, `${c.header} editable`).toBe(role === 'input');
          const text = ['text', 'longtext', 'email', 'choice', 'choices'].includes(c.type);
          // A filled date-only milestone is a date in a column of dates and times.
          const value = ws.getCell(last, i + 1).value;
          const day = value instanceof Date && value.getUTCHours() === 0;
          expect(ws.getCell(last, i + 1).numFmt, c.header).toBe(
            text ? '@' : day ? 'dd/mm/yyyy' : (c.numFmt ?? undefined),
          );
          const dv = validationAt(ws, `${letter(i + 1)}2`);
          expect(dv, `${c.header} has an input message`).toMatchObject({
            showInputMessage: true,
            promptTitle: c.header.slice(0, 32),
            prompt: c.help,
          });
          if (role === 'copy') expect(dv?.type, 'copies have no checks').toBe('any');
        });
      },
    );

    it('opens on Uitleg the first time', () => {
      const help = wb.worksheets.findIndex((w) => w.name === HELP_SHEET);
      expect(wb.views[0]?.activeTab).toBe(help);
    });

    it('has a dropdown on every vocabulary column of the input sheets, down to 1,000 rows under the table', () => {
      for (const s of spec.sheets.filter((x) => x.role === 'input')) {
        expectDropdowns(wb, s.layout, s.layout.templateRows);
      }
    });

    it('stops wrong single choices but lets "a; b" through in multi-value columns', () => {
      for (const s of spec.sheets.filter((x) => x.role === 'input')) {
        const ws = wb.getWorksheet(s.layout.sheet)!;
        columnsOf(s.layout).forEach((c, i) => {
          const dv = validationAt(ws, `${letter(i + 1)}2`)!;
          if (c.vocabulary !== null) {
            expect(dv.errorStyle, c.header).toBe(c.type === 'choices' ? 'information' : 'stop');
            expect(dv.showErrorMessage, c.header).toBe(true);
          } else if (c.type === 'integer') expect(dv.type, c.header).toBe('whole');
          else if (c.type === 'number') expect(dv.type, c.header).toBe('decimal');
          else if (c.type === 'date' || c.type === 'datetime') {
            expect(dv.type, c.header).toBe('date');
          } else expect(dv.type, c.header).toBe('any');
        });
      }
    });

    it('lists only the vocabularies its dropdowns use, each under a defined name', () => {
      const used = new Set(
        spec.sheets
          .filter((s) => s.role === 'input')
          .flatMap((s) => columnsOf(s.layout).map((c) => c.vocabulary))
          .filter((v) => v !== null),
      );
      const lists = wb.getWorksheet(LISTS_SHEET)!;
      const ids = (lists.getRow(1).values as unknown[]).filter((v) => v !== undefined);
      expect(new Set(ids)).toEqual(used);
      for (const id of used) {
        expect(listValues(wb, `lijst_${id}`)).toEqual([...vocabularies[id]]);
      }
    });

    it('explains every input column in Uitleg, with the privacy rule and the address', () => {
      const ws = wb.getWorksheet(HELP_SHEET)!;
      const rows: string[][] = [];
      ws.eachRow((row) => rows.push([1, 2, 3].map((c) => row.getCell(c).text)));
      const all = rows.flat().join('\n');
      for (const s of spec.sheets.filter((x) => x.role === 'input')) {
        for (const c of columnsOf(s.layout)) {
          expect(rows, c.header).toContainEqual([c.header, c.help, c.required ? 'ja' : 'nee']);
        }
      }
      expect(all).toContain(region.coordinator.email);
      expect(all).toContain('puntkomma (;)');
      if (kind === 'gemeente') expect(all).toMatch(/nooit.*rijksregisternummers/i);
      if (kind === 'kandidatuur') {
        expect(all).toContain(region.submission.subject);
        expect(all).toContain('09/06/2023 23:59');
      }
      expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(80);
      expect(ws.getCell(3, 2).alignment?.wrapText, 'explanations wrap').toBe(true);
    });
  });

  it('fills the Tijdlijn with the region timeline', async () => {
    const wb = await roundTrip({ kind: 'gemeente', region, owner: 'Zulte' });
    const ws = wb.getWorksheet('Tijdlijn')!;
    const milestones = milestoneRecords(region);
    expect(milestones.map((_, i) => ws.getCell(i + 2, 1).text)).toEqual(
      milestones.map((m) => m.id),
    );
    expect(ws.getCell(3, 3).value).toEqual(milestones[1]!.start);
    // A date-only milestone is shown as a date; only the deadline has its time.
    const formats = milestones.map((_, i) => ws.getCell(i + 2, 3).numFmt);
    expect(formats[milestones.findIndex((m) => m.id === 'deadline')]).toBe('dd/mm/yyyy hh:mm');
    expect(formats.filter((f) => f === 'dd/mm/yyyy')).toHaveLength(milestones.length - 1);
  });

  it('writes given rows with their types; text that looks like a formula stays text', async () => {
    const row = {
      titel: '=1+1',
      trekker: '+32 9 123 45 67',
      gemeenten: ['Deinze', 'Zulte'],
      deelnemers: 12,
      start: new Date(Date.UTC(2023, 8, 1)),
    };
    const many = Array.from({ length: 25 }, (_, i) => ({ titel: `Voorstel ${i + 1}` }));
    const bytes = await workbookBytes(
      buildWorkbook({
        kind: 'kandidatuur',
        region,
        owner: 'CAW',
        rows: { kandidatuur: [row, ...many] },
      }),
    );
    const sheetXml = (await zipEntries(bytes)).get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheetXml).not.toContain('<f>');
    const wb = await load(bytes);
    const ws = wb.getWorksheet(kandidatuurLayout.sheet)!;
    const at = (field: keyof typeof kandidatuurLayout.columns) =>
      ws.getCell(2, Object.keys(kandidatuurLayout.columns).indexOf(field) + 1);
    expect(at('titel').value).toBe('=1+1');
    expect(at('titel').type).toBe(ExcelJS.ValueType.String);
    expect(at('trekker').value).toBe('+32 9 123 45 67');
    expect(at('gemeenten').value).toBe('Deinze; Zulte');
    expect(at('deelnemers').value).toBe(12);
    expect(at('start').value).toEqual(row.start);
    // 26 rows exceed the template's 20: the table, the dropdowns and the unlocked cells grow.
    expectDropdowns(wb, kandidatuurLayout, 26);
    expect(ws.getCell(27, 1).protection?.locked).toBe(false);
    expect(metaOf(wb).get('owner')).toBe('CAW');
  });

  it('keeps every input and error message within Excel limits', async () => {
    for (const kind of KINDS) {
      const wb = await roundTrip({ kind, region, owner: OWNER[kind] });
      for (const { layout } of kinds[kind].sheets) {
        const ws = wb.getWorksheet(layout.sheet)!;
        columnsOf(layout).forEach((c, i) => {
          const dv = validationAt(ws, `${letter(i + 1)}2`) as LoadedValidation & {
            error?: string;
            errorTitle?: string;
          };
          expect(dv.prompt?.length ?? 0, c.header).toBeLessThanOrEqual(255);
          expect(dv.promptTitle?.length ?? 0, c.header).toBeLessThanOrEqual(32);
          expect(dv.error?.length ?? 0, c.header).toBeLessThanOrEqual(225);
          expect(dv.errorTitle?.length ?? 0, c.header).toBeLessThanOrEqual(32);
        });
      }
    }
  });
});

describe('templateFileName', () => {
  it('names workbooks in Dutch', () => {
    expect(templateFileName('gemeente', 'Deinze')).toBe('Gemeente Deinze.xlsx');
    expect(templateFileName('gemeente', 'Sint-Martens-Latem')).toBe(
      'Gemeente Sint-Martens-Latem.xlsx',
    );
    expect(templateFileName('aanbod', '')).toBe('Aanbod (sjabloon).xlsx');
    expect(templateFileName('kandidatuur', '')).toBe('Kandidatuur (sjabloon).xlsx');
    expect(templateFileName('aanbod', 'CAW Oost-Vlaanderen')).toBe(
      'Aanbod CAW Oost-Vlaanderen.xlsx',
    );
  });

  it('keeps characters that file systems refuse out of the name', () => {
    expect(templateFileName('aanbod', 'A/B: "C"? ')).toBe('Aanbod A-B- -C--.xlsx');
    expect(templateFileName('kandidatuur', '  ')).toBe('Kandidatuur (sjabloon).xlsx');
  });
});

describe('writeTemplates', () => {
  it('writes one workbook per municipality and the two partner templates, no temp files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'templates-'));
    try {
      const { written, kept } = await writeTemplates(region, path.join(dir, 'nieuw'));
      expect(kept).toEqual([]);
      expect(written.map((p) => path.basename(p))).toEqual([
        ...region.municipalities.map((m) => `Gemeente ${m}.xlsx`),
        'Aanbod (sjabloon).xlsx',
        'Kandidatuur (sjabloon).xlsx',
      ]);
      expect((await readdir(path.join(dir, 'nieuw'))).sort()).toEqual(
        written.map((p) => path.basename(p)).sort(),
      );
      const deinze = await load(await readFile(written[2]!));
      expect(metaOf(deinze).get('owner')).toBe(region.municipalities[2]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('partnerschap templates over a folder that holds workbooks', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'templates-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a filled workbook, writes the missing templates and exits 2; --force replaces it', async () => {
    const out = path.join(dir, 'sjablonen');
    await mkdir(out);
    const deinze = path.join(out, 'Gemeente Deinze.xlsx');
    await writeFile(deinze, 'ingevuld');
    const all = region.municipalities.length + 2;
    const first = await runCli(['templates', '--out', out]);
    expect(first.code).toBe(2);
    expect(first.stdout).toContain(`${all - 1} sjablonen geschreven in ${out}.`);
    expect(first.stderr).toBe(
      `fout: niet overschreven (1 bestand bestaat al, misschien ingevuld): ${deinze}. Gebruik --force om ze te vervangen door lege sjablonen.\n`,
    );
    expect(await readFile(deinze, 'utf8')).toBe('ingevuld');
    expect(await readdir(out)).toHaveLength(all);

    const again = await runCli(['templates', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain('0 sjablonen geschreven');
    expect(again.stderr).toContain(`${all} bestanden bestaan al`);

    const forced = await runCli(['templates', '--out', out, '--force']);
    expect([forced.code, forced.stderr]).toEqual([0, '']);
    expect(metaOf(await load(await readFile(deinze))).get('owner')).toBe('Deinze');
  });

  it("writes into a drive's folder of one kind only the templates of that kind", async () => {
    const drive = path.join(dir, 'drive');
    const folders = {
      [region.drive.gemeenten]: region.municipalities.map((m) => `Gemeente ${m}.xlsx`),
      [region.drive.aanbod]: ['Aanbod (sjabloon).xlsx'],
      [region.drive.kandidaturen]: ['Kandidatuur (sjabloon).xlsx'],
    };
    for (const [folder, names] of Object.entries(folders)) {
      const out = path.join(drive, ...folder.split('/'));
      const run = await runCli(['templates', '--out', out]);
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toContain('alleen sjablonen van die soort');
      expect((await readdir(out)).sort()).toEqual([...names].sort());
    }
  });
});

// --- 3. LibreOffice, a client nobody here wrote ----------------------------------------------

const soffice = sofficePath();

describe('LibreOffice round trip (re-saved by soffice)', () => {
  it('has LibreOffice to test with (apt-get install libreoffice-calc-nogui)', () => {
    expect(soffice).not.toBeNull();
  });

  let work: string;
  /** The re-saved files, as bytes (for our reader) and as loaded by exceljs. */
  const resavedBytes = new Map<WorkbookKind, Buffer>();
  const saved = new Map<WorkbookKind, ExcelJS.Workbook>();
  let pdf: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'lo-templates-'));
    const inDir = path.join(work, 'in');
    await mkdir(inDir);
    const files: string[] = [];
    for (const kind of KINDS) {
      const file = path.join(inDir, `${kind}.xlsx`);
      await writeFile(
        file,
        await workbookBytes(buildWorkbook({ kind, region, owner: OWNER[kind] })),
      );
      files.push(file);
    }
    // Two soffice runs side by side (each with its own profile): the re-save and the PDF.
    const [resaved, pdfs] = await Promise.all([
      convertWithLibreOffice(files, 'xlsx', path.join(work, 'xlsx')),
      convertWithLibreOffice([files[1]!], 'pdf', path.join(work, 'pdf')),
    ]);
    for (const [i, kind] of KINDS.entries()) {
      const bytes = await readFile(resaved[i]!);
      resavedBytes.set(kind, bytes);
      saved.set(kind, await load(bytes));
    }
    pdf = pdfs[0]!;
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe.each(KINDS)('%s workbook', (kind) => {
    it('still says its kind in _meta (hidden or very hidden)', () => {
      const wb = saved.get(kind)!;
      expect(['hidden', 'veryHidden']).toContain(wb.getWorksheet(META_SHEET)?.state);
      expect(metaOf(wb).get('kind')).toBe(kind);
      expect(metaOf(wb).get('region')).toBe(region.id);
      expect(metaOf(wb).get('version')).toBe(String(TEMPLATE_VERSION));
    });

    it('still reads with our reader, knows its kind and validates clean', async () => {
      const read = await readWorkbookBytes(resavedBytes.get(kind)!, `${kind}.xlsx`);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const result = validateWorkbook(read.workbook, region);
      expect(result.meta?.kind).toBe(kind);
      expect(result.issues).toEqual([]);
    });

    it('keeps its sheets, headers and dropdowns', () => {
      const wb = saved.get(kind)!;
      expect(wb.getWorksheet(LISTS_SHEET)?.state).toBe('hidden');
      for (const { layout, role } of kinds[kind].sheets) {
        const ws = wb.getWorksheet(layout.sheet);
        expect(ws, layout.sheet).toBeDefined();
        const columns = columnsOf(layout);
        expect(headerTexts(ws!, columns.length)).toEqual(columns.map((c) => c.header));
        // LibreOffice writes the dropdowns back down to its row 1001.
        const kept = 1_000 - layout.templateRows;
        if (role === 'input') expectDropdowns(wb, layout, layout.templateRows, kept);
      }
    });
  });

  it('prints readably: page 1 of the aanbod template as PDF and PNG', async () => {
    expect((await stat(pdf)).size).toBeGreaterThan(1000);
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const png = await renderPdfPage(pdf, path.join(ARTIFACTS_DIR, 'aanbod-sjabloon-p1'));
    expect((await stat(png)).size).toBeGreaterThan(1000);
  });
});

describe('rows a partner adds in LibreOffice', () => {
  // Through LibreOffice's own API (UNO, Debian's python3-uno): rows inserted inside the table,
  // and a row typed under it, as a partner who needs more rows than the template has would.
  it('keep their dropdowns, and a row under the table is read', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'lo-rows-'));
    const src = path.join(work, 'aanbod.xlsx');
    const out = path.join(work, 'aanbod-rijen.xlsx');
    await writeFile(src, await workbookBytes(buildWorkbook({ kind: 'aanbod', region, owner: '' })));
    const script = path.join(import.meta.dirname, 'helpers', 'libreoffice-insert-rows.py');
    const rows = aanbodLayout.templateRows;
    // Two rows before row 5; a name typed in row rows + 10, under the table as it then ends.
    const typed = rows + 10;
    const ran = spawnSync(
      '/usr/bin/python3',
      [script, src, out, aanbodLayout.sheet, '3', '2', String(typed - 1), 'Extra aanbod'],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect([ran.status, ran.stderr.split('\n').filter((l) => /Error|Traceback/.test(l))]).toEqual([
      0,
      [],
    ]);
    const wb = await load(await readFile(out));
    const ws = wb.getWorksheet(aanbodLayout.sheet)!;
    const table = ws.getTable(aanbodLayout.table) as unknown as { table: { tableRef: string } };
    const width = letter(columnsOf(aanbodLayout).length);
    expect(table.table.tableRef).toBe(`A1:${width}${rows + 3}`);
    const col = letter(Object.keys(aanbodLayout.columns).indexOf('probleemgebieden') + 1);
    for (const r of [4, 5, rows + 3, typed]) {
      expect(validationAt(ws, `${col}${r}`)?.type, `${col}${r}`).toBe('list');
    }
    const read = await readWorkbookBytes(await readFile(out), 'aanbod-rijen.xlsx');
    if (!read.ok) throw new Error('not read');
    const sheet = read.workbook.sheets.find((s) => s.name === aanbodLayout.sheet)!;
    expect(sheet.rows.map((r) => r.row)).toContain(typed);
    await rm(work, { recursive: true, force: true });
  });
});
