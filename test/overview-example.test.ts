import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources, type ReadSources } from '../src/cli/read-sources.js';
import {
  aanbodLayout,
  noodLayout,
  opvolgingLayout,
  personaLayout,
  type AnyLayout,
} from '../src/domain/layouts.js';
import { issueMessage } from '../src/domain/issue.js';
import { isActiveOn } from '../src/domain/overview/active.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import { callState } from '../src/domain/report/call-state.js';
import type { Overview } from '../src/domain/overview/model.js';
import type { SourceInput } from '../src/domain/overview/sources.js';
import { OVERVIEW_KIND } from '../src/domain/workbook-kinds.js';
import { suppress } from '../src/domain/overview/suppress.js';
import { instantToWallClock } from '../src/domain/time.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { rowCounts, takenOf, type ValidationResult } from '../src/domain/validate.js';
import { WHOLE_REGION } from '../src/domain/vocabularies.js';
import { META_SHEET } from '../src/domain/workbook-kinds.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { overviewSheetNames, overviewWorkbook } from '../src/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../src/workbook/xlsx/xlsx-stream.js';
import {
  convertWithLibreOffice,
  pdfPageText,
  renderPdfPage,
  sofficePath,
} from './helpers/libreoffice.js';
import { aanbodSource, day, offer } from './helpers/overview-sources.js';
import { zipTexts } from './helpers/zip-entries.js';

// The overview of the real example drive: written, read back with exceljs, its figures
// recomputed independently from the validation results, and opened by LibreOffice.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts');
const region = leieSchelde;
const asOf = day(2023, 6, 9);

let dir = '';
let read: ReadSources;
let ov: Overview;
let bytes: Buffer;
let file = '';
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'overview-example-'));
  await writeExampleDrive(region, path.join(dir, 'drive'));
  read = await readSources(path.join(dir, 'drive'), region);
  ov = buildOverview(region, read.sources, { asOf, gapWaitWeeks: 8 });
  bytes = (await writeWorkbook(overviewWorkbook(region, ov))).bytes;
  file = path.join(dir, 'Regionaal overzicht.xlsx');
  await writeFile(file, bytes);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

// --- helpers -----------------------------------------------------------------------------------

const results = (): [SourceInput, ValidationResult][] =>
  read.sources.flatMap((s) => (s.outcome.ok ? [[s, s.outcome.result] as const] : []));

const recordsOf = <L extends AnyLayout>(r: ValidationResult, layout: L) =>
  takenOf(r, layout).map((x) => x.record);

function sheet(name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The row number whose cell in `col` reads `text`. */
function rowWith(ws: ExcelJS.Worksheet, col: number, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, col).value === text) return r;
  throw new Error(`no "${text}" in column ${col} of ${ws.name}`);
}

/** The column number whose cell in `row` reads `text`. */
function colWith(ws: ExcelJS.Worksheet, row: number, text: string): number {
  for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(row, c).value === text) return c;
  throw new Error(`no "${text}" in row ${row} of ${ws.name}`);
}

/** A table at row 1: its rows as header -> value. */
function records(ws: ExcelJS.Worksheet, headerRow = 1): Record<string, ExcelJS.CellValue>[] {
  const headers: string[] = [];
  ws.getRow(headerRow).eachCell((c, i) => (headers[i] = String(c.value)));
  const out: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, r) => {
    if (r <= headerRow || !row.hasValues) return;
    const rec: Record<string, ExcelJS.CellValue> = {};
    headers.forEach((h, i) => (rec[h] = row.getCell(i).value));
    out.push(rec);
  });
  return out;
}

// --- the figures --------------------------------------------------------------------------------

describe('the overview of the example drive', () => {
  it('reads every workbook of the drive and loses no row', () => {
    expect(read.skipped).toEqual([]);
    expect(read.sources.length).toBeGreaterThan(20);
    expect(read.sources.every((s) => s.outcome.ok && s.md5.length === 32)).toBe(true);
    const rowsRead = rowCounts(results().flatMap(([, r]) => r.sheets)).read;
    expect(ov.totals.rowsRead).toBe(rowsRead);
    expect(ov.totals.rowsTaken + ov.totals.rowsRefused).toBe(rowsRead);
    expect(ov.totals.rowsRefused).toBeGreaterThan(0);
  });

  it('has the sheets in order, and a very hidden _meta that says what it is', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([...overviewSheetNames(), META_SHEET]);
    const meta = sheet(META_SHEET);
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell('A1').value).toBe('kind');
    expect(meta.getCell('B1').value).toBe(OVERVIEW_KIND);
    expect(meta.getCell('B3').value).toBe(region.id);
  });

  it("shows Deinze's estimated citizens as the sum of its taken personas", () => {
    const [, deinze] = results().find(([s]) => s.path === 'Gemeenten/Gemeente Deinze.xlsx')!;
    const personas = recordsOf(deinze, personaLayout);
    const citizens = personas.reduce((n, p) => n + p.aantal, 0);
    expect(citizens).toBeGreaterThan(4);
    const ws = sheet('Overzicht');
    const header = rowWith(ws, 1, 'Gemeente');
    const row = rowWith(ws, 1, 'Deinze');
    const at = (h: string) => ws.getCell(row, colWith(ws, header, h)).value;
    expect(at('Geschat aantal burgers')).toBe(suppress(citizens));
    expect(at("Persona's")).toBe(personas.length);
    expect(at('Noden')).toBe(recordsOf(deinze, noodLayout).length);
    // The region line under the table counts every persona of every municipality.
    const regionRow = rowWith(ws, 1, `Regio ${region.name}`);
    expect(ws.getCell(regionRow, colWith(ws, header, "Persona's")).value).toBe(
      results().reduce((n, [, r]) => n + recordsOf(r, personaLayout).length, 0),
    );
  });

  it('shows the regional figures with their units', () => {
    const ws = sheet('Overzicht');
    const header = rowWith(ws, 1, 'Gemeente');
    const figureCol = colWith(ws, header, 'Kerncijfer van de regio');
    const minors = rowWith(ws, figureCol, 'Minderjarigen');
    const shown = (r: number, c: number) => ({
      value: ws.getCell(r, c).value,
      numFmt: ws.getCell(r, c).numFmt,
    });
    expect(shown(minors, figureCol + 1).value).toBeCloseTo(0.19, 10);
    expect(shown(minors, figureCol + 1).numFmt).toBe('0.0%');
    expect(shown(minors, figureCol + 2).value).toBeCloseTo(0.194, 10);
    const inhabitants = rowWith(ws, figureCol, 'Inwoners');
    expect(shown(inhabitants, figureCol + 1)).toEqual({ value: 160441, numFmt: '#,##0' });
  });

  it('computes a Dekking cell as an independent count would', () => {
    const [, deinze] = results().find(([s]) => s.path === 'Gemeenten/Gemeente Deinze.xlsx')!;
    const needs = recordsOf(deinze, noodLayout);
    const area = needs[0]!.probleemgebied;
    const ids = new Set(needs.filter((n) => n.probleemgebied === area).map((n) => n.persona));
    const demand = recordsOf(deinze, personaLayout)
      .filter((p) => ids.has(p.id))
      .reduce((n, p) => n + p.aantal, 0);
    const offers = results()
      .flatMap(([, r]) => recordsOf(r, aanbodLayout))
      .filter(
        (o) =>
          isActiveOn(o, asOf) &&
          o.probleemgebieden.includes(area) &&
          (o.gemeenten.includes('Deinze') || o.gemeenten.includes(WHOLE_REGION)),
      );
    const ws = sheet('Dekking');
    const demandHeader = rowWith(ws, 1, 'Vraag: geschat aantal burgers');
    const offersHeader = rowWith(ws, 1, 'Aanbod: aantal actieve aanbiedingen');
    const waitHeader = rowWith(ws, 1, 'Kortste wachttijd (weken)');
    const col = colWith(ws, demandHeader, 'Deinze');
    const rowIn = (header: number) =>
      header + 1 + region.problemAreas.findIndex((p) => p.label === area);
    expect(ws.getCell(rowIn(demandHeader), 1).value).toBe(area);
    expect(ws.getCell(rowIn(demandHeader), col).value).toBe(suppress(demand));
    expect(ws.getCell(rowIn(offersHeader), col).value).toBe(offers.length);
    const shortest = offers.length === 0 ? null : Math.min(...offers.map((o) => o.wachttijd));
    expect(ws.getCell(rowIn(waitHeader), col).value).toBe(shortest);
  });

  it('lists the gaps the example drive was made with', () => {
    expect(ov.gaps.some((g) => g.reason === 'no-offer')).toBe(true);
    // Under its title and explanation line.
    const hiaten = sheet('Hiaten');
    expect(hiaten.getCell('A1').value).toBe('Hiaten: noden zonder passend aanbod');
    expect(String(hiaten.getCell('A2').value)).toMatch(/^Stand op 09\/06\/2023\. Een hiaat is /);
    const rows = records(hiaten, 4);
    expect(rows).toHaveLength(ov.gaps.length);
    expect(rows.map((r) => [r.Gemeente, r.Probleemgebied])).toEqual(
      ov.gaps.map((g) => [g.municipality, g.area]),
    );
    expect(new Set(rows.map((r) => r.Reden))).toEqual(
      new Set(
        ov.gaps.map((g) =>
          g.reason === 'no-offer' ? 'geen aanbod' : 'wachttijd langer dan 8 weken',
        ),
      ),
    );
  });

  it('lists exactly the refused rows in Afgewezen rijen, with their reasons', () => {
    const expected = results()
      .flatMap(([s, r]) =>
        r.sheets.flatMap((sh) =>
          sh.refused.map(
            (x) => `${s.path}|${sh.sheet}|${x.row}|${x.reasons.map(issueMessage).join('\n')}`,
          ),
        ),
      )
      .sort();
    const shown = records(sheet('Afgewezen rijen'))
      .map((r) => `${r.Bestand}|${r.Blad}|${r.Rij}|${r['Waarom afgewezen']}`)
      .sort();
    expect(shown).toEqual(expected);
    expect(shown.length).toBeGreaterThan(0);
  });

  it('lists every taken record with its source, headers from the layouts and dates as dates', () => {
    const personas = sheet("Persona's");
    const headers: unknown[] = [];
    personas.getRow(1).eachCell((c) => headers.push(c.value));
    expect(headers).toEqual([
      'Gemeente',
      ...Object.values(personaLayout.columns).map((c) => c.header),
      'Bron-bestand',
      'Rij',
    ]);
    const rows = records(personas);
    expect(rows).toHaveLength(ov.records.persona.length);
    expect(rows[0]?.['Bron-bestand']).toMatch(/^Gemeenten\/Gemeente .*\.xlsx$/);
    const offers = records(sheet('Aanbod'));
    expect(offers).toHaveLength(ov.records.aanbod.length);
    const updated = aanbodLayout.columns.bijgewerkt.header;
    expect(offers[0]?.[updated]).toBeInstanceOf(Date);
    const col = colWith(sheet('Aanbod'), 1, updated);
    expect(sheet('Aanbod').getCell(2, col).numFmt).toBe('dd/mm/yyyy');
    expect(String(offers[0]?.Probleemgebieden)).not.toContain(',');
    expect(records(sheet('Kandidaturen'))).toHaveLength(ov.records.kandidatuur.length);
    expect(records(sheet('Noden'))).toHaveLength(ov.records.nood.length);
  });

  it("starts Kandidaturen with the tracker's dossier, stage, score and rank, then the gaps", () => {
    const ws = sheet('Kandidaturen');
    const headers: unknown[] = [];
    ws.getRow(1).eachCell((c) => headers.push(c.value));
    expect(headers.slice(0, 7)).toEqual([
      'Dossier',
      'Stadium',
      'Gewogen gemiddelde',
      'Rang',
      'Vult hiaten',
      'Inwoners in die hiaten',
      'Titel project',
    ]);
    // Each candidacy's dossier and stage are those of the tracker's row for its file.
    const tracker = read.sources.find((s) => s.path === 'Kandidaturen/Opvolging kandidaturen.xlsx');
    if (!tracker?.outcome.ok) throw new Error('no tracker on the example drive');
    const byFile = new Map(
      takenOf(tracker.outcome.result, opvolgingLayout).map((r) => [r.record.bron, r.record]),
    );
    const rows = records(ws);
    expect(rows.map((r) => [r.Dossier, r.Stadium])).toEqual(
      rows.map((r) => {
        const tracked = byFile.get(String(r['Bron-bestand']));
        return [tracked?.dossier ?? null, tracked?.stadium ?? null];
      }),
    );
    // Ranked by the weighted average: a higher average never has a worse rank.
    const scored = rows.filter((r) => typeof r['Gewogen gemiddelde'] === 'number');
    expect(scored.length).toBeGreaterThan(1);
    for (const x of scored) {
      for (const y of scored) {
        if ((x['Gewogen gemiddelde'] as number) > (y['Gewogen gemiddelde'] as number)) {
          expect(x.Rang as number).toBeLessThan(y.Rang as number);
        }
      }
    }
    expect(scored.map((r) => r.Rang)).toContain(1);
  });

  it('shows per municipality when its workbook was last updated, from the drive', () => {
    const ws = sheet('Overzicht');
    const header = rowWith(ws, 1, 'Gemeente');
    const headers: unknown[] = [];
    ws.getRow(header).eachCell((c) => headers.push(c.value));
    expect(headers.slice(0, 7)).toEqual([
      'Gemeente',
      'Werkmap',
      'Laatst bijgewerkt',
      "Persona's",
      'Geschat aantal burgers',
      'Noden',
      'Hiaten',
    ]);
    const shown = ov.municipalities.map(
      (m) => ws.getCell(rowWith(ws, 1, m.municipality!), 3).value,
    );
    // The example drive saves each municipality's workbook on another day.
    expect(shown.every((d) => d instanceof Date)).toBe(true);
    expect(new Set(shown.map((d) => (d as Date).getTime())).size).toBe(shown.length);
    const deinze = read.sources.find((s) => s.path === 'Gemeenten/Gemeente Deinze.xlsx')!;
    expect(ws.getCell(rowWith(ws, 1, 'Deinze'), 3).value).toEqual(
      instantToWallClock(deinze.modified!, region.timeZone),
    );
    expect(ws.getCell(rowWith(ws, 1, 'Deinze'), 3).numFmt).toBe('dd/mm/yyyy');
    // The call's state under the table.
    const call = rowWith(ws, 1, 'Waar staat de oproep?');
    expect(call).toBeGreaterThan(rowWith(ws, 1, 'Regio Leie & Schelde'));
    expect(String(ws.getCell(call + 1, 1).value)).toMatch(/^Volgende stap: /);
  });

  it('shows what Overzicht is for on one screen of 1366 × 768, however many reminders are overdue', async () => {
    // Excel for Windows at 100 %, ribbon shown: 768 px less the taskbar (40), the title bar (31),
    // the ribbon (120), the formula bar (23), the column letters (20), the sheet tabs (25) and
    // the status bar (22) leave 487 px of rows; 1366 px less the row numbers (25) and the
    // scroll bar (17) leave 1,324 px of columns.
    const screen = { rows: 487, cols: 1324 };
    // On the example's day, and on a late day when most of the call's reminders are overdue.
    const late = buildOverview(region, read.sources, { asOf: day(2023, 12, 1), gapWaitWeeks: 8 });
    expect(callState(region, late).overdue.length).toBeGreaterThan(5);
    for (const view of [ov, late]) {
      const book = new ExcelJS.Workbook();
      const written = (await writeWorkbook(overviewWorkbook(region, view))).bytes;
      await book.xlsx.load(written as unknown as ArrayBuffer);
      const ws = book.getWorksheet('Overzicht')!;
      // Down to the last line of "Waar staat de oproep?" (the duplicates below it may scroll).
      const callTitle = rowWith(ws, 1, 'Waar staat de oproep?');
      let bottom = callTitle;
      while (ws.getCell(bottom + 1, 1).value !== null) bottom++;
      // The key figures beside them too.
      while (ws.getCell(bottom + 1, 9).value !== null) bottom++;
      const zoom = (ws.views[0]?.zoomScale ?? 100) / 100;
      let px = 0;
      for (let r = 1; r <= bottom; r++) px += Math.round(((ws.getRow(r).height ?? 15) * 4) / 3);
      expect(px * zoom, `rows 1 to ${bottom}`).toBeLessThanOrEqual(screen.rows);
      let width = 0;
      for (let c = 1; c <= ws.columnCount; c++)
        width += Math.trunc((ws.getColumn(c).width ?? 9) * 7 + 5);
      expect(width * zoom).toBeLessThanOrEqual(screen.cols);
    }
  });

  it('lists every source file in Bronnen with its checksum and rows', () => {
    const rows = records(sheet('Bronnen'));
    expect(rows.map((r) => r.Bestand)).toEqual(ov.sources.map((s) => s.path));
    const deinze = rows.find((r) => r.Bestand === 'Gemeenten/Gemeente Deinze.xlsx')!;
    const source = read.sources.find((s) => s.path === deinze.Bestand)!;
    expect(deinze['MD5-controlegetal']).toBe(source.md5);
    expect(deinze['Grootte (bytes)']).toBe(source.bytes);
    expect(deinze.Soort).toBe('gemeentewerkmap');
    expect(deinze.Eigenaar).toBe('Deinze');
    const sum = (h: string) => rows.reduce((n, r) => n + (r[h] as number), 0);
    expect(sum('Rijen gelezen')).toBe(sum('Rijen overgenomen') + sum('Rijen afgewezen'));
  });
});

// --- text stays text ------------------------------------------------------------------------------

describe('formula injection', () => {
  const risky = ['=1+1', '+32 9 123 45 67', '@x', '-5 plaatsen', '=HYPERLINK("http://x")'];

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const sources = [
      aanbodSource(
        'Partners/Aanbod/=1+1.xlsx',
        risky.map((text, i) =>
          offer(`Aanbod ${i}`, 'Huisvestingsproblemen', 'Deinze', 1, {
            omschrijving: text,
            contact: text,
            partner: text,
          }),
        ),
      ),
    ];
    const small = buildOverview(region, sources, { asOf, gapWaitWeeks: 8 });
    const out = (await writeWorkbook(overviewWorkbook(region, small))).bytes;
    const entries = await zipTexts(out);
    const sheets = [...entries].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(sheets.length).toBeGreaterThan(5);
    for (const [name, xml] of sheets) expect(xml, name).not.toMatch(/<f[ >]/);

    const back = new ExcelJS.Workbook();
    await back.xlsx.load(out as unknown as ArrayBuffer);
    const rows = records(back.getWorksheet('Aanbod')!);
    expect(rows.map((r) => r.Omschrijving)).toEqual(risky);
    expect(rows.map((r) => r.Partner)).toEqual(risky);
    expect(records(back.getWorksheet('Bronnen')!)[0]?.Bestand).toBe('Partners/Aanbod/=1+1.xlsx');
  });

  it('keeps the example drive\'s "=> …" descriptions as text', async () => {
    const entries = await zipTexts(bytes);
    for (const [name, xml] of entries) {
      if (name.startsWith('xl/worksheets/')) expect(xml, name).not.toMatch(/<f[ >]/);
    }
    const texts = ov.records.nood
      .map((n) => n.record.omschrijving)
      .filter((x): x is string => typeof x === 'string' && x.startsWith('='));
    expect(texts.length).toBeGreaterThan(0);
    const shown = records(sheet('Noden')).map((r) => r.Omschrijving);
    for (const text of texts) expect(shown).toContain(text);
  });
});

// --- the file's own structure ------------------------------------------------------------------

describe('the overview file', () => {
  it("quotes sheet names in defined names as Excel requires (Persona''s)", async () => {
    const xml = (await zipTexts(bytes)).get('xl/workbook.xml') ?? '';
    const names = [...xml.matchAll(/<definedName [^>]*>([^<]*)<\/definedName>/g)].map((m) =>
      m[1]!.replaceAll('&apos;', "'"),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const ref of names) expect(ref).toMatch(/^'(?:[^']|'')+'!\$[A-Z]*\d*:\$[A-Z]*\d*$/);
  });

  it('prints every sheet landscape, one page wide only while readable, header rows repeated', async () => {
    const entries = await zipTexts(bytes);
    const names = overviewSheetNames();
    const workbook = entries.get('xl/workbook.xml') ?? '';
    for (const [i, name] of names.entries()) {
      const xml = entries.get(`xl/worksheets/sheet${i + 1}.xml`) ?? '';
      const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(setup, name).toContain('orientation="landscape"');
      const width = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
      // Overzicht, Grafieken and Dekking on one page each.
      if (i < 3) expect(setup, name).toContain('fitToHeight="1"');
      else if (width <= 230) expect(setup, name).toContain('fitToWidth="1" fitToHeight="0"');
      else expect(setup, name).toContain('scale="70"');
      // Every sheet of more than one page repeats its table's header row.
      if (i >= 3) expect(workbook, name).toContain(`localSheetId="${i}"`);
    }
    // The header row of Hiaten is under its title and explanation.
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="3">'Hiaten'!$4:$4`,
    );
    // Bronnen ends with the technical columns.
    const bronnen: unknown[] = [];
    sheet('Bronnen')
      .getRow(1)
      .eachCell((c) => bronnen.push(c.value));
    expect(bronnen.slice(-2)).toEqual(['MD5-controlegetal', 'Grootte (bytes)']);
    // The workbook opens on Overzicht.
    expect(workbook).toContain('<workbookView activeTab="0"/>');
    expect(entries.get('xl/worksheets/sheet1.xml')).toContain('tabSelected="1"');
    expect(entries.get('xl/worksheets/sheet2.xml')).not.toContain('tabSelected');
  });

  it('gives the same bytes in every time zone (the zip entries carry one fixed date)', async () => {
    const zone = process.env.TZ;
    const inZone = async (tz: string) => {
      process.env.TZ = tz;
      // Proof that the zone took effect: 23:30 UTC is the next day in Brussels.
      const localDay = new Date(Date.UTC(2023, 5, 9, 23, 30)).getDate();
      return { localDay, bytes: (await writeWorkbook(overviewWorkbook(region, ov))).bytes };
    };
    try {
      const utc = await inZone('UTC');
      const brussels = await inZone('Europe/Brussels');
      expect([utc.localDay, brussels.localDay]).toEqual([9, 10]);
      expect(brussels.bytes.equals(utc.bytes)).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('has a table with filter buttons and a frozen header on every visible sheet', async () => {
    const entries = await zipTexts(bytes);
    const tables = [...entries].filter(([n]) => /^xl\/tables\/table\d+\.xml$/.test(n));
    // One per sheet; Overzicht has two (municipalities, figures), Dekking three blocks,
    // Grafieken three (the figures of its charts).
    expect(tables.length).toBe(overviewSheetNames().length + 1 + 2 + 2);
    for (const [n, xml] of tables) expect(xml, n).toContain('<autoFilter');
    for (const ws of wb.worksheets.filter((w) => w.state === 'visible')) {
      expect(ws.views[0]?.state, ws.name).toBe('frozen');
      expect(ws.getTables().length, ws.name).toBeGreaterThan(0);
    }
  });
});

// --- LibreOffice ----------------------------------------------------------------------------------

const soffice = sofficePath();

describe('LibreOffice opens the overview', () => {
  it('has LibreOffice to test with (apt-get install libreoffice-calc-nogui)', () => {
    expect(soffice).not.toBeNull();
  });

  it('converts it to PDF and re-saves it as xlsx with every sheet and figure', async () => {
    const out = path.join(dir, 'lo');
    const [pdfs, xlsxs] = await Promise.all([
      convertWithLibreOffice([file], 'pdf', path.join(out, 'pdf')),
      convertWithLibreOffice([file], 'xlsx', path.join(out, 'xlsx')),
    ]);
    const pdf = pdfs[0]!;
    expect((await stat(pdf)).size).toBeGreaterThan(10_000);
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    // Overzicht, Grafieken and Dekking print on one page each: pages 1 to 3.
    for (const [page, name] of [
      [1, 'overzicht'],
      [3, 'dekking'],
    ] as const) {
      const png = await renderPdfPage(pdf, path.join(ARTIFACTS_DIR, `overview-${name}`), page, 110);
      expect((await stat(png)).size).toBeGreaterThan(5_000);
    }
    // Overzicht holds all it shows on its one page: the call's state and the key figures too.
    const first = await pdfPageText(pdf, 1);
    for (const text of ['Laatst', 'Waar staat de oproep?', 'Kerncijfer van de regio', 'Zulte']) {
      expect(first).toContain(text);
    }
    expect((await pdfPageText(pdf, 3)).trimStart()).toMatch(/^Dekking: /);
    expect((await pdfPageText(pdf, 4)).trimStart()).toMatch(/^Hiaten: /);

    const resaved = new ExcelJS.Workbook();
    await resaved.xlsx.load((await readFile(xlsxs[0]!)) as unknown as ArrayBuffer);
    expect(resaved.worksheets.map((w) => w.name)).toEqual([...overviewSheetNames(), META_SHEET]);
    const ws = resaved.getWorksheet('Overzicht')!;
    const header = rowWith(ws, 1, 'Gemeente');
    const row = rowWith(ws, 1, 'Deinze');
    const citizens = ov.municipalities.find((m) => m.municipality === 'Deinze')!.citizens;
    expect(ws.getCell(row, colWith(ws, header, 'Geschat aantal burgers')).value).toBe(citizens);
    expect(records(resaved.getWorksheet('Afgewezen rijen')!)).toHaveLength(ov.refused.length);
  });
});
