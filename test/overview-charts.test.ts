import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../src/cli/read-sources.js';
import { SaxesParser } from 'saxes';
import { columnOf, quotedSheet, rowOf } from '../src/domain/address.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import type { Overview } from '../src/domain/overview/model.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import {
  chartFigures,
  GAP_REASONS,
  stageLabel,
  type ChartFigures,
} from '../src/domain/report/chart-figures.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import { barChartXml } from '../src/workbook/xlsx/chart-xml.js';
import { overviewWorkbook } from '../src/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../src/workbook/xlsx/xlsx-stream.js';
import { convertWithLibreOffice, renderPdfPage, run, sofficePath } from './helpers/libreoffice.js';
import { day } from './helpers/overview-sources.js';
import { zipTexts } from './helpers/zip-entries.js';

// The overview's Grafieken sheet: native charts whose series name the cells of the sheet's
// tables and cache the figures the report shows (chart-figures.ts), as Excel and LibreOffice
// read them.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts');
const region = leieSchelde;
const SHEET = 'Grafieken';
const TITLES = [
  'Noden en actief aanbod per probleemgebied',
  'Hiaten per gemeente',
  'Kandidaturen per stadium',
];
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

let dir = '';
let ov: Overview;
let figures: ChartFigures;
let file = '';
let entries: Map<string, string>;
const wb = new ExcelJS.Workbook();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'overview-charts-'));
  await writeExampleDrive(region, path.join(dir, 'drive'));
  const { sources } = await readSources(path.join(dir, 'drive'), region);
  ov = buildOverview(region, sources, { asOf: day(2023, 6, 9), gapWaitWeeks: 8 });
  figures = chartFigures(ov);
  const bytes = (await writeWorkbook(overviewWorkbook(region, ov))).bytes;
  file = path.join(dir, 'Regionaal overzicht.xlsx');
  await writeFile(file, bytes);
  entries = await zipTexts(bytes);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

// --- helpers -----------------------------------------------------------------------------------

function part(name: string): string {
  const xml = entries.get(name);
  if (xml === undefined) throw new Error(`no part ${name}`);
  return xml;
}

const unescape = (s: string) =>
  s
    .replaceAll('&apos;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&amp;', '&');

/** A relationships part as id → { type, target }. */
function rels(name: string): Map<string, { type: string; target: string }> {
  const found = new Map<string, { type: string; target: string }>();
  for (const m of part(name).matchAll(/<Relationship ([^>]*)\/>/g)) {
    const attr = (a: string) => new RegExp(`${a}="([^"]*)"`).exec(m[1]!)![1]!;
    found.set(attr('Id'), { type: attr('Type'), target: attr('Target') });
  }
  return found;
}

/** The part a relationship's target names, from the folder of the part that holds it. */
const resolve = (from: string, target: string) => path.posix.join(path.posix.dirname(from), target);

interface Series {
  nameRef: string;
  name: string;
  catRef: string;
  categories: string[];
  valRef: string;
  /** The cached values by index; null where no point is cached. */
  values: (number | null)[];
}

function seriesOf(chartXml: string): Series[] {
  return [...chartXml.matchAll(/<c:ser>(.*?)<\/c:ser>/g)].map(([, ser]) => {
    const ref = (tag: string) =>
      unescape(new RegExp(`<c:${tag}>.*?<c:f>(.*?)</c:f>`).exec(ser!)![1]!);
    const cache = (tag: string) => {
      const inner = new RegExp(`<c:${tag}>(.*?)</c:${tag}>`).exec(ser!)![1]!;
      const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(inner)![1]);
      const points: (string | null)[] = Array.from({ length: count }, () => null);
      for (const m of inner.matchAll(/<c:pt idx="(\d+)"[^>]*><c:v>(.*?)<\/c:v><\/c:pt>/g)) {
        points[Number(m[1])] = unescape(m[2]!);
      }
      return points;
    };
    return {
      nameRef: ref('tx'),
      name: cache('tx')[0]!,
      catRef: ref('cat'),
      categories: cache('cat').map(String),
      valRef: ref('val'),
      values: cache('val').map((v) => (v === null ? null : Number(v))),
    };
  });
}

/** The values of the cells a formula like 'Grafieken'!$B$5:$B$16 names. */
function cellsOf(formula: string): ExcelJS.CellValue[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
  if (!m) throw new Error(`not a quoted absolute reference: ${formula}`);
  const ws = wb.getWorksheet(m[1]!.replaceAll("''", "'"))!;
  const [from, to] = [`${m[2]}${m[3]}`, `${m[4] ?? m[2]}${m[5] ?? m[3]}`];
  const col = columnOf(from);
  expect(columnOf(to), formula).toBe(col);
  const values: ExcelJS.CellValue[] = [];
  for (let r = rowOf(from); r <= rowOf(to); r++) values.push(ws.getCell(r, col).value);
  return values;
}

/** The Grafieken sheet's part, its drawing part and the drawing's chart parts, in order. */
function chartParts(): { sheet: string; drawing: string; charts: string[] } {
  const workbook = part('xl/workbook.xml');
  const rId = new RegExp(`<sheet name="${SHEET}" sheetId="\\d+" r:id="(rId\\d+)"/>`).exec(
    workbook,
  )![1]!;
  const sheet = resolve('xl/workbook.xml', rels('xl/_rels/workbook.xml.rels').get(rId)!.target);
  const sheetRels = `xl/worksheets/_rels/${path.posix.basename(sheet)}.rels`;
  const drawingRId = /<drawing r:id="(rId\d+)"\/>/.exec(part(sheet))![1]!;
  const drawingRel = rels(sheetRels).get(drawingRId)!;
  expect(drawingRel.type).toBe(`${REL}/drawing`);
  const drawing = resolve(sheet, drawingRel.target);
  const drawingRels = `${path.posix.dirname(drawing)}/_rels/${path.posix.basename(drawing)}.rels`;
  const chartRels = rels(drawingRels);
  const charts = [...part(drawing).matchAll(/<c:chart [^>]*r:id="(rId\d+)"\/>/g)].map((m) => {
    const rel = chartRels.get(m[1]!)!;
    expect(rel.type).toBe(`${REL}/chart`);
    return resolve(drawing, rel.target);
  });
  return { sheet, drawing, charts };
}

// --- the parts ------------------------------------------------------------------------------------

describe('the Grafieken sheet', () => {
  it('comes right after Overzicht', () => {
    expect(wb.worksheets.slice(0, 2).map((w) => w.name)).toEqual(['Overzicht', SHEET]);
  });

  it('has a drawing with three charts, with their content types and relationships', () => {
    const { sheet, drawing, charts } = chartParts();
    expect(charts).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
    ]);
    const types = part('[Content_Types].xml');
    expect(types).toContain(`<Override PartName="/${drawing}" ContentType="${CT_DRAWING}"/>`);
    for (const c of charts) {
      expect(types).toContain(`<Override PartName="/${c}" ContentType="${CT_CHART}"/>`);
      expect(part(c)).toMatch(/^<\?xml[^>]*>\s*<c:chartSpace /);
    }
    // One frame per chart, anchored to cells.
    expect(part(drawing).match(/<xdr:twoCellAnchor /g)).toHaveLength(3);
    // CT_Worksheet's order: page set-up, drawing, table parts.
    const xml = part(sheet);
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    expect(at('pageSetup')).toBeGreaterThan(0);
    expect(at('drawing')).toBeGreaterThan(at('pageSetup'));
    expect(at('tableParts')).toBeGreaterThan(at('drawing'));
    // No other sheet has a drawing.
    const drawings = [...entries.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings).toEqual([drawing]);
  });

  it('titles the charts as the report does', () => {
    const { charts } = chartParts();
    const titles = charts.map((c) => /<c:title>.*?<a:t>(.*?)<\/a:t>/.exec(part(c))![1]);
    expect(titles).toEqual(TITLES);
  });

  it('shows needs and active offers per problem area: the cells, cached as the figures', () => {
    const [needs, offers] = seriesOf(part(chartParts().charts[0]!));
    const areas = figures.demand.map((d) => d.area);
    expect(needs!.categories).toEqual(areas);
    expect(needs!.values).toEqual(figures.demand.map((d) => d.needs));
    expect(offers!.values).toEqual(figures.demand.map((d) => d.offers));
    expect([needs!.name, offers!.name]).toEqual(['Noden', 'Actief aanbod']);
    expect(needs!.valRef).toMatch(/^'Grafieken'!\$B\$\d+:\$B\$\d+$/);
    for (const s of [needs!, offers!]) {
      expect(cellsOf(s.nameRef)).toEqual([s.name]);
      expect(cellsOf(s.catRef)).toEqual(areas);
      expect(cellsOf(s.valRef)).toEqual(s.values);
    }
  });

  it('shows the gaps per municipality by reason; no figures where no workbook counts', () => {
    const series = seriesOf(part(chartParts().charts[1]!));
    expect(series).toHaveLength(GAP_REASONS.length);
    const municipalities = figures.gaps.map((g) => g.municipality);
    expect(municipalities).toEqual(region.municipalities);
    for (const [i, reason] of GAP_REASONS.entries()) {
      const s = series[i]!;
      expect(s.categories).toEqual(municipalities);
      const expected = figures.gaps.map((g) => (g.total === null ? null : g.byReason[reason]));
      expect(s.values).toEqual(expected);
      expect(cellsOf(s.valRef)).toEqual(expected);
      expect(cellsOf(s.catRef)).toEqual(municipalities);
    }
    // Independently: the bars of a municipality add up to its gaps in the Hiaten list.
    for (const [j, m] of municipalities.entries()) {
      const sum = series.reduce((n, s) => n + (s.values[j] ?? 0), 0);
      expect(sum, m).toBe(ov.gaps.filter((g) => g.municipality === m).length);
    }
    expect(series.flatMap((s) => s.values).some((v) => (v ?? 0) > 0)).toBe(true);
  });

  it("shows the tracker's candidacies per stage", () => {
    expect(figures.stages).not.toBeNull();
    const [stages] = seriesOf(part(chartParts().charts[2]!));
    expect(stages!.categories).toEqual(figures.stages!.map(stageLabel));
    expect(stages!.values).toEqual(figures.stages!.map((s) => s.candidacies));
    expect(cellsOf(stages!.valRef)).toEqual(stages!.values);
    expect(stages!.values.reduce((a, b) => a! + b!, 0)).toBeGreaterThan(0);
  });

  it('leaves the stage chart out without a tracker, and says why', async () => {
    const noTracker = { ...ov, stages: null };
    const bytes = (await writeWorkbook(overviewWorkbook(region, noTracker))).bytes;
    const names = [...(await zipTexts(bytes)).keys()];
    expect(names.filter((n) => n.startsWith('xl/charts/'))).toHaveLength(2);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const texts: unknown[] = [];
    back.getWorksheet(SHEET)!.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain(
      'Geen opvolgingsbestand gevonden: het stadium van de kandidaturen is niet bekend.',
    );
  });
});

describe('chart XML', () => {
  it("quotes sheet names in formulas, their apostrophes doubled ('Persona''s')", () => {
    expect(quotedSheet('Grafieken')).toBe("'Grafieken'");
    expect(quotedSheet('Afgewezen rijen')).toBe("'Afgewezen rijen'");
    expect(quotedSheet("Persona's")).toBe("'Persona''s'");
  });

  it('escapes what users typed and stays well-formed', () => {
    const sheet = quotedSheet("O'Brien & <Co>");
    const xml = barChartXml({
      title: 'Vraag & "aanbod" <regio>',
      categoriesRef: `${sheet}!$A$2:$A$3`,
      categories: ['Huis & thuis', '<script>x</script>'],
      series: [
        {
          nameRef: `${sheet}!$B$1`,
          name: "Noden 'x' & y",
          valuesRef: `${sheet}!$B$2:$B$3`,
          values: [3, null],
          colour: 'B5473A',
        },
      ],
      stacked: false,
      valueAxisTitle: 'a < b',
    });
    const texts: string[] = [];
    const parser = new SaxesParser();
    parser.on('text', (text) => texts.push(text));
    parser.write(xml).close();
    expect(texts).toEqual(
      expect.arrayContaining([
        'Vraag & "aanbod" <regio>',
        "'O''Brien & <Co>'!$A$2:$A$3",
        'Huis & thuis',
        '<script>x</script>',
        "Noden 'x' & y",
        'a < b',
      ]),
    );
    // An empty cell has no cached point, but counts.
    expect(xml).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>3</c:v></c:pt></c:numCache>');
  });
});

// --- LibreOffice ----------------------------------------------------------------------------------

describe('LibreOffice and the charts', () => {
  it('has LibreOffice to test with (apt-get install libreoffice-calc-nogui poppler-utils)', () => {
    expect(sofficePath()).not.toBeNull();
  });

  it('prints the Grafieken page with its charts and keeps the charts when it re-saves', async () => {
    const out = path.join(dir, 'lo');
    const [pdfs, xlsxs] = await Promise.all([
      convertWithLibreOffice([file], 'pdf', path.join(out, 'pdf')),
      convertWithLibreOffice([file], 'xlsx', path.join(out, 'xlsx')),
    ]);
    const pdf = pdfs[0]!;
    // Overzicht is page 1 (one page), Grafieken page 2 (one page).
    const text = await run('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], 60_000);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Grafieken – lokaal partnerschap');
    for (const title of TITLES) expect(text.stdout).toContain(title);
    // The charts' own text: the axis titles, which no cell holds.
    expect(text.stdout).toContain('Aantal noden of aanbiedingen');
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const png = await renderPdfPage(pdf, path.join(ARTIFACTS_DIR, 'overview-grafieken'), 2, 110);
    expect((await stat(png)).size).toBeGreaterThan(20_000);

    const resaved = await zipTexts(await readFile(xlsxs[0]!));
    const charts = [...resaved.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(3);
    const titles = charts.flatMap((c) =>
      TITLES.filter((t) => resaved.get(c)!.includes(`<a:t>${t}</a:t>`)),
    );
    expect(titles.sort()).toEqual([...TITLES].sort());
    // Its series still name the sheet's cells.
    expect([...resaved.values()].join('')).toMatch(
      /<c:f>(?:&apos;|')?Grafieken(?:&apos;|')?!\$B\$/,
    );
  });
});
