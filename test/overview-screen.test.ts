import { describe, expect, it } from 'vitest';
import { SheetBuilder } from '../src/workbook/xlsx/overview-sheets.js';

// A summary sheet opens at the zoom that shows what it is for on one 1366 × 768 screen (487 ×
// 1,324 px of cells in Excel for Windows, ribbon open): counted from its rows' heights and its
// columns' widths, so a region with more municipalities or longer notes still fits.

function sheet(rows: number, widths: number[], fit: number | null = rows): SheetBuilder {
  const ws = new SheetBuilder('Overzicht', { frozenRows: 1 });
  widths.forEach((w, i) => ws.width(i + 1, w));
  for (let r = 1; r <= rows; r++) ws.cell(r, 1, `rij ${r}`);
  if (fit !== null) ws.fitScreen(fit);
  return ws;
}

describe('fitting a summary sheet to one screen', () => {
  it('stays at 100 % when it fits', () => {
    expect(sheet(20, [20, 20]).part().zoom).toBe(100);
  });

  it('zooms out in steps of 5 % until its rows fit: 30 rows of 20 px need 80 %', () => {
    expect(sheet(30, [20, 20]).part().zoom).toBe(80);
  });

  it('counts taller rows as they are', () => {
    const ws = sheet(20, [20]);
    ws.height(1, 60);
    // 19 × 20 px + 80 px = 460 px: still 100 %; a second tall row makes 520 px: 90 %.
    expect(ws.part().zoom).toBe(100);
    ws.height(2, 60);
    expect(ws.part().zoom).toBe(90);
  });

  it('zooms out for columns wider than the screen too', () => {
    // 10 columns of 24 characters: 10 × 173 px = 1,730 px, 1,324 of them fit at 76 %.
    expect(sheet(5, Array<number>(10).fill(24)).part().zoom).toBe(75);
  });

  it('never goes below 60 %: a longer sheet scrolls', () => {
    expect(sheet(100, [20]).part().zoom).toBe(60);
  });

  it('counts only the rows asked for, and leaves other sheets at the user’s zoom', () => {
    expect(sheet(100, [20], 20).part().zoom).toBe(100);
    expect(sheet(100, [20], null).part().zoom).toBeUndefined();
  });
});
