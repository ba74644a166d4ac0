import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { beoordelingLayout, opvolgingLayout } from '../src/domain/layouts.js';
import { buildOverview } from '../src/domain/overview/index.js';
import { validateWorkbook } from '../src/domain/validate.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { overviewSheetNames, overviewWorkbook } from '../src/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../src/workbook/xlsx/xlsx-stream.js';
import { candidacy, day, kandidatuurSource } from './helpers/overview-sources.js';
import { sheetOf, workbookOf } from './helpers/raw.js';
import { review, trackerRow, wall } from './helpers/reminders.js';

// The overview's Tijdlijn and Herinneringen sheets, written and read back.

const region = leieSchelde;
const tracker = {
  rows: [
    trackerRow('K01', { stadium: 'Jurybeslissing' }),
    trackerRow('K02', { stadium: 'Beslissing gecommuniceerd', gecommuniceerdOp: wall(2023, 7, 7) }),
  ],
  reviews: [review('K02', 8)],
};

async function written() {
  const sources = [kandidatuurSource('Partners/Kandidaturen/K.xlsx', [candidacy('A', 'Deinze')])];
  const ov = buildOverview(region, sources, { asOf: day(2023, 7, 17), gapWaitWeeks: 8 }, tracker);
  const wb = new ExcelJS.Workbook();
  const bytes = (await writeWorkbook(overviewWorkbook(region, ov))).bytes;
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { ov, wb };
}

describe('the overview sheets Tijdlijn and Herinneringen', () => {
  it('sit between Kandidaturen and Bronnen', () => {
    const names = overviewSheetNames();
    const k = names.indexOf('Kandidaturen');
    expect(names.slice(k, k + 4)).toEqual(['Kandidaturen', 'Tijdlijn', 'Herinneringen', 'Bronnen']);
  });

  it('list the milestones with their dates and the reminders with red and orange rows', async () => {
    const { ov, wb } = await written();
    const tl = wb.getWorksheet('Tijdlijn')!;
    expect(tl.getRow(1).getCell(2).value).toBe('Stap');
    expect(tl.getCell(3, 1).value).toBe('deadline');
    expect((tl.getCell(3, 3).value as Date).toISOString()).toBe('2023-06-09T23:59:00.000Z');
    expect(tl.getCell(3, 3).numFmt).toBe('dd/mm/yyyy hh:mm');
    // A date is a whole day: shown as a date (lancering, beoordeling 12/06–23/06, pitches …).
    expect(tl.getCell(2, 3).numFmt).toBe('dd/mm/yyyy');
    expect([tl.getCell(4, 3).numFmt, tl.getCell(4, 4).numFmt]).toEqual([
      'dd/mm/yyyy',
      'dd/mm/yyyy',
    ]);
    // Where the overview's day (17/07/2023) stands in each step.
    expect(tl.getRow(1).getCell(7).value).toBe('Status');
    const steps = Object.fromEntries(ov.timeline.map((m, i) => [m.id, tl.getCell(i + 2, 7).value]));
    expect(steps['deadline']).toBe('voorbij');
    expect(steps['beslissing']).toBe('voorbij');
    // A provisional step that is over is no longer provisional.
    expect(steps['pitches']).toBe('voorbij');
    expect(steps['weerwoord']).toBe('volgende stap, over 4 dagen');

    const hr = wb.getWorksheet('Herinneringen')!;
    expect(ov.reminders.length).toBeGreaterThan(0);
    const rows = ov.reminders.map((_, i) => hr.getRow(i + 2));
    const status = rows.map((r) => r.getCell(1).value);
    expect(status).toContain('Achterstallig');
    expect(status).toContain('Binnen 7 dagen');
    // K01's first reminder: its scores, due at the end of the assessment window.
    const k01 = rows.find((r) => r.getCell(4).value === 'K01')!;
    expect((k01.getCell(2).value as Date).toISOString()).toBe('2023-06-23T23:59:00.000Z');
    expect(k01.getCell(2).numFmt).toBe('dd/mm/yyyy');
    // exceljs keeps what it read in a property its types do not declare.
    const { conditionalFormattings } = hr as unknown as {
      conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    };
    const cf = conditionalFormattings[0]!;
    expect(cf.ref).toBe(`A2:E${ov.reminders.length + 1}`);
    const formulae = cf.rules.map((r) => ('formulae' in r ? r.formulae : []));
    expect(formulae).toEqual([['$A2="Achterstallig"'], ['$A2="Binnen 7 dagen"']]);
    const fills = cf.rules.map((r) => JSON.stringify(r.style?.fill));
    expect(fills[0]).toContain('FFF4B6B6');
    expect(fills[1]).toContain('FFFBD9A8');
  });
});

describe('a tracker among the overview sources', () => {
  it('feeds the reminders and is listed under Bronnen, not among the records', () => {
    const path = 'Kandidaturen/Opvolging kandidaturen.xlsx';
    const wb = workbookOf(
      [
        sheetOf(opvolgingLayout, [
          { dossier: 'K01', titel: 'A', trekker: 'T', bron: 'x.xlsx', stadium: 'Ontvankelijk' },
        ]),
        sheetOf(beoordelingLayout, []),
      ],
      { kind: 'opvolging', version: '1', region: region.id, owner: '' },
      path,
    );
    const source = {
      path,
      md5: 'm',
      bytes: 1,
      outcome: { ok: true as const, result: validateWorkbook(wb, region) },
    };
    const ov = buildOverview(region, [source], { asOf: day(2023, 6, 24), gapWaitWeeks: 8 });
    expect(ov.reminders.map((r) => r.id)).toContain('scores:K01');
    expect(ov.sources.map((s) => s.path)).toEqual([path]);
    expect(ov.records.kandidatuur).toEqual([]);
  });
});
