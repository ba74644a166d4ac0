import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { OfficeHost } from '../src/addin/host/office-host.js';
import { PreviewHost } from '../src/addin/host/preview-host.js';
import type { Column } from '../src/domain/columns.js';
import { helpRows } from '../src/domain/help-rows.js';
import { t } from '../src/domain/messages.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import { HELP_SHEET, inputSheets, kinds, type WorkbookKind } from '../src/domain/workbook-kinds.js';
import { widthInPoints } from '../src/workbook/excel/column-setup.js';
import { buildWorkbook } from '../src/workbook/xlsx/build-workbook.js';
import { HEADER_FILL } from '../src/workbook/xlsx/help-sheet.js';
import { workbookBytes } from '../src/workbook/xlsx/write-templates.js';
import { fakeExcel, parseA1, type FakeExcel } from './helpers/excel-fake.mjs';

// One Uitleg whichever route makes the workbook: the template builder (exceljs), "Werkmap
// inrichten" in the preview (exceljs) and in Excel (Office.js, over the fake Excel) all write the
// same texts, cell for cell, with every section; and the Office.js route styles the rows the
// templates style.

const KINDS = Object.keys(kinds) as WorkbookKind[];
const OWNER: Record<WorkbookKind, string> = {
  gemeente: 'Deinze',
  aanbod: 'CAW Oost-Vlaanderen',
  kandidatuur: 'CAW Oost-Vlaanderen',
  opvolging: '',
};
const WIDTH = 3;

type Grid = string[][];

/** Rows of A:C as texts, without the blank rows at the end. */
function trimmed(grid: Grid): Grid {
  const out = [...grid];
  while (out.length > 0 && out[out.length - 1]!.every((v) => v === '')) out.pop();
  return out;
}

function exceljsGrid(ws: ExcelJS.Worksheet): Grid {
  return trimmed(
    Array.from({ length: ws.rowCount }, (_, i) =>
      Array.from({ length: WIDTH }, (_, j) => ws.getCell(i + 1, j + 1).text),
    ),
  );
}

function fakeGrid(fake: FakeExcel): Grid {
  const sheet = fake.sheet(HELP_SHEET)!;
  const rows = Math.max(0, ...[...sheet.cells.keys()].map((k) => Number(k.split(',')[0]) + 1));
  return trimmed(
    Array.from({ length: rows }, (_, i) =>
      Array.from({ length: WIDTH }, (_, j) => String(sheet.cells.get(`${i},${j}`)?.value ?? '')),
    ),
  );
}

/** An exceljs cell (a plain function, so the Office.js lint rules do not take it for a proxy). */
function xlsxCell(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.Cell {
  return ws.getCell(row, col);
}

async function loaded(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

async function viaTemplate(kind: WorkbookKind): Promise<ExcelJS.Worksheet> {
  const built = buildWorkbook({ kind, region, owner: OWNER[kind] });
  return (await loaded(await workbookBytes(built))).getWorksheet(HELP_SHEET)!;
}

async function viaPreview(kind: WorkbookKind): Promise<ExcelJS.Worksheet> {
  const host = PreviewHost.blank('Nieuw.xlsx');
  await host.setUp(kind, region, OWNER[kind]);
  return (await loaded(await host.bytes())).getWorksheet(HELP_SHEET)!;
}

async function viaOffice(kind: WorkbookKind): Promise<FakeExcel> {
  const fake = fakeExcel();
  fake.addSheet('Blad1');
  await new OfficeHost({ run: (batch) => batch(fake.context), timeoutMs: 5_000 }).setUp(
    kind,
    region,
    OWNER[kind],
  );
  return fake;
}

/** The section topics a kind's Uitleg must have, in order. */
function expectedTopics(kind: WorkbookKind): string[] {
  return [
    t('uitleg.topic.purpose'),
    t('uitleg.topic.who'),
    t('uitleg.topic.how'),
    ...(kind === 'opvolging' ? [t('tracker.uitleg.topic')] : []),
    t('uitleg.topic.privacy'),
    t('uitleg.topic.send'),
    t('uitleg.topic.questions'),
  ];
}

const topicsOf = (grid: Grid) =>
  grid.filter((r, i) => i > 0 && r[0] !== '' && r[2] === '' && r[1] !== '').map((r) => r[0]);

describe.each(KINDS)('Uitleg of a %s workbook', (kind) => {
  it('is the same, cell for cell, from the template builder, the preview and Office.js', async () => {
    const template = exceljsGrid(await viaTemplate(kind));
    const preview = exceljsGrid(await viaPreview(kind));
    const office = fakeGrid(await viaOffice(kind));
    expect(preview).toEqual(template);
    expect(office).toEqual(template);
  });

  it('has every section, "Wie vult in?" and "Indienen" included, on every route', async () => {
    const p = { owner: OWNER[kind], region: region.name };
    const routes: [string, Grid][] = [
      ['template', exceljsGrid(await viaTemplate(kind))],
      ['preview', exceljsGrid(await viaPreview(kind))],
      ['office', fakeGrid(await viaOffice(kind))],
    ];
    for (const [route, grid] of routes) {
      expect(topicsOf(grid), route).toEqual(expectedTopics(kind));
      const texts = grid.map((r) => r[1]);
      expect(grid[0]![0], route).toBe(t(`uitleg.title.${kind}`, p));
      expect(texts, route).toContain(t(`uitleg.who.${kind}`, p));
      const send = grid.findIndex((r) => r[0] === t('uitleg.topic.send'));
      expect(grid[send]![1], route).toMatch(/\S/);
      if (kind === 'kandidatuur') {
        expect(grid[send]![1], route).toContain(region.submission.subject);
        expect(grid[send + 1]![1], route).toContain('09/06/2023 23:59');
      }
      expect(texts.join('\n'), route).toContain(region.coordinator.email);
      for (const layout of inputSheets(kind)) {
        for (const c of Object.values(layout.columns) as Column[]) {
          const help = c.bySync ? t('tracker.uitleg.sync-help', { help: c.help }) : c.help;
          expect(grid, `${route}: ${c.header}`).toContainEqual([
            c.header,
            help,
            c.required ? 'ja' : 'nee',
          ]);
        }
      }
    }
  });

  it('is styled alike by Office.js and the template builder: bold, header fill, widths', async () => {
    const ws = await viaTemplate(kind);
    const fake = await viaOffice(kind);
    const sheet = fake.sheet(HELP_SHEET)!;
    const covers = (address: string, row: number, col: number) => {
      const [from, to = from] = address.split(':').map(parseA1);
      return from!.row <= row && row <= to!.row && from!.col <= col && col <= to!.col;
    };
    const styled = (what: string, value: unknown, row: number, col: number) =>
      sheet.format.some((f) => f[what] === value && covers(String(f.address), row, col));
    const rows = exceljsGrid(ws).length;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < WIDTH; j++) {
        const cell = xlsxCell(ws, i + 1, j + 1);
        if (cell.text === '') continue;
        const where = `${cell.address} "${cell.text.slice(0, 30)}"`;
        expect(styled('bold', true, i, j), where).toBe(cell.font?.bold === true);
        const fill = cell.fill?.type === 'pattern' ? cell.fill.fgColor?.argb : undefined;
        expect(styled('fillColor', '#4472C4', i, j), where).toBe(fill === HEADER_FILL);
      }
    }
    const widths = [1, 2, 3].map((c) => widthInPoints(ws.getColumn(c).width!));
    expect([0, 1, 2].map((j) => sheet.widths.get(j))).toEqual(widths);
  });
});

describe('helpRows', () => {
  it('gives a writer each row with its role', () => {
    const rows = helpRows('opvolging', region, '');
    expect(rows[0]!.role).toBe('title');
    const roles = new Set(rows.map((r) => r.role));
    expect(roles).toEqual(
      new Set(['title', 'topic', 'text', 'table', 'header', 'column', 'blank']),
    );
    for (const r of rows) {
      if (r.role === 'topic') expect(r.cells[0]).not.toBe('');
      if (r.role === 'text') expect(r.cells[0]).toBe('');
      if (r.role === 'blank') expect(r.cells).toEqual(['', '', '']);
    }
    expect(rows.filter((r) => r.role === 'header')).toHaveLength(inputSheets('opvolging').length);
  });
});
