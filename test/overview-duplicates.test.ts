import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../src/cli/read-sources.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import type { Overview } from '../src/domain/overview/model.js';
import type { SourceInput } from '../src/domain/overview/sources.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { rowCounts } from '../src/domain/validate.js';
import { hasProblems, textReport } from '../src/domain/validation-report.js';
import { writeExampleDrive } from '../src/example/write-drive.js';
import {
  aanbodSource,
  day,
  gemeenteSource,
  need,
  offer,
  persona,
} from './helpers/overview-sources.js';
import { sheetLines, writtenOverview } from './helpers/overview-sheet.js';

// Every record counts once: a copied workbook, a second workbook of a municipality, an offer in
// two partners' files. The later file's rows are refused, named after the file that counts.

const region = leieSchelde;
const options = { asOf: day(2023, 6, 9), gapWaitWeeks: 8 };
const HOUSING = 'Huisvestingsproblemen';
const ORIGINAL = 'Gemeenten/Gemeente Deinze.xlsx';
// Sorts before the original in code-unit order (' ' < '.'): the shorter path must still win.
const COPY = 'Gemeenten/Gemeente Deinze - kopie.xlsx';

let dir = '';
let without: Overview;
let withCopy: Overview;
let sources: SourceInput[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'overview-duplicates-'));
  const drive = path.join(dir, 'drive');
  await writeExampleDrive(region, drive);
  without = buildOverview(region, (await readSources(drive, region)).sources, options);
  await copyFile(path.join(drive, ORIGINAL), path.join(drive, COPY));
  sources = (await readSources(drive, region)).sources;
  withCopy = buildOverview(region, sources, options);
});

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

const sourceAt = (p: string) => sources.find((s) => s.path === p)!;
const resultAt = (p: string) => {
  const s = sourceAt(p);
  if (!s.outcome.ok) throw new Error(`${p} was not read`);
  return s.outcome.result;
};

describe('a gemeente workbook copied under a second name', () => {
  it('leaves every figure as it was without the copy', () => {
    expect(withCopy.municipalities).toEqual(without.municipalities);
    expect(withCopy.region).toEqual(without.region);
    expect(withCopy.coverage).toEqual(without.coverage);
    expect(withCopy.gaps).toEqual(without.gaps);
    expect(withCopy.records).toEqual(without.records);
    expect(withCopy.municipalities.find((m) => m.municipality === 'Deinze')?.personas).toBe(9);
  });

  it('refuses every row of the copy as a duplicate of the same row of the original', () => {
    const copy = resultAt(COPY);
    const rows = rowCounts(copy.sheets);
    expect(rows.taken).toBe(0);
    expect(rows.refused).toBe(rowCounts(resultAt(ORIGINAL).sheets).read);
    for (const sheet of copy.sheets) {
      for (const row of sheet.refused) {
        expect(row.reasons.map((r) => [r.code, r.params.path, r.params.row])).toEqual([
          ['duplicate-row', ORIGINAL, row.row],
        ]);
      }
    }
    expect(rowCounts(resultAt(ORIGINAL).sheets).refused).toBe(0);
  });

  it('keeps rows read = taken + refused, the copy counted as read and refused', () => {
    const copyRows = rowCounts(resultAt(COPY).sheets).read;
    expect(withCopy.totals.rowsRead).toBe(without.totals.rowsRead + copyRows);
    expect(withCopy.totals.rowsTaken).toBe(without.totals.rowsTaken);
    expect(withCopy.totals.rowsRefused).toBe(without.totals.rowsRefused + copyRows);
    const copyRow = withCopy.sources.find((s) => s.path === COPY)!;
    expect(copyRow.rowsRead).toBe(copyRow.rowsTaken + copyRow.rowsRefused);
  });

  it('names the copy in the model and in its own feedback', () => {
    expect(withCopy.duplicates).toEqual([
      {
        reason: 'identical',
        refused: COPY,
        kept: ORIGINAL,
        municipality: null,
        rows: rowCounts(resultAt(COPY).sheets).read,
      },
    ]);
    const outcome = { file: 'Gemeente Deinze - kopie.xlsx', ...sourceAt(COPY).outcome };
    expect(hasProblems(outcome)).toBe(true);
    const report = textReport([outcome]).join('\n');
    expect(report).toContain(`Persona-ID: fout: dubbel van ${ORIGINAL}, rij 2 (`);
    expect(withCopy.delivery.municipalities.find((m) => m.municipality === 'Deinze')).toEqual({
      municipality: 'Deinze',
      status: 'delivered',
      sources: [ORIGINAL],
      // When the original was saved on the example drive, not the copy (made now).
      updated: new Date(Date.UTC(2023, 4, 30, 8, 17)),
    });
  });

  it('says so on the Overzicht sheet', async () => {
    const wb = await writtenOverview(region, withCopy);
    const text = sheetLines(wb.getWorksheet('Overzicht')!).flat();
    expect(text).toContain('Dubbele bestanden (hun dubbele rijen tellen niet mee)');
    expect(text.some((c) => c.startsWith(`${COPY} is identiek aan ${ORIGINAL}:`))).toBe(true);
  });

  it('picks the same file in any input order and again on a second build', () => {
    const again = buildOverview(region, [...sources].reverse(), options);
    expect(again.duplicates).toEqual(withCopy.duplicates);
    expect(JSON.stringify(again)).toBe(JSON.stringify(withCopy));
    expect(resultAt(COPY).issues.filter((i) => i.code === 'duplicate-row')).toHaveLength(
      rowCounts(resultAt(COPY).sheets).read,
    );
  });
});

describe('two different workbooks of one municipality', () => {
  const first = 'Gemeenten/Gemeente Melle.xlsx';
  const second = 'Gemeenten/Gemeente Melle v2.xlsx';
  const build = () => [
    gemeenteSource(first, 'Melle', [persona('P1', 10), persona('P2', 6)], [need('P2', HOUSING)]),
    gemeenteSource(
      second,
      'melle',
      [persona('P3', 7), persona('p2', 6)],
      [need('p2', HOUSING), need('P3', HOUSING)],
    ),
  ];

  it('counts the same persona once and the second workbook not at all, saying why', () => {
    const input = build();
    const ov = buildOverview(region, input, options);
    expect(ov.records.persona.map((p) => `${p.source} ${p.record.id}`)).toEqual([
      `${first} P1`,
      `${first} P2`,
    ]);
    expect(ov.municipalities.find((m) => m.municipality === 'Melle')).toMatchObject({
      personas: 2,
      citizens: 16,
      needs: 1,
    });
    const reasons = ov.refused.map((r) => `${r.sheet} ${r.row}: ${r.reasons[0]?.code}`);
    expect(reasons).toEqual([
      "Persona's 2: duplicate-workbook",
      "Persona's 3: duplicate-row",
      'Noden 2: duplicate-row',
      'Noden 3: duplicate-workbook',
    ]);
    const p2 = ov.refused.find((r) => r.row === 3 && r.sheet === "Persona's")!.reasons[0]!;
    expect(p2.params).toMatchObject({ path: first, row: 3, label: 'p2' });
    expect(ov.duplicates).toEqual([
      { reason: 'same-municipality', refused: second, kept: first, municipality: 'Melle', rows: 4 },
    ]);
  });
});

describe('the same offer in two partners’ files', () => {
  it('counts it once and keeps the other offers of the later file', () => {
    const ov = buildOverview(
      region,
      [
        aanbodSource('Partners/Aanbod/Aanbod B.xlsx', [
          offer('Woonbuddy', HOUSING, 'Deinze', 1),
          offer('Huurcafé', HOUSING, 'Deinze', 1),
        ]),
        aanbodSource('Partners/Aanbod/Aanbod A.xlsx', [offer('woonbuddy', HOUSING, 'Deinze', 1)]),
      ],
      options,
    );
    expect(ov.records.aanbod.map((o) => `${o.source} ${o.record.naam}`)).toEqual([
      'Partners/Aanbod/Aanbod A.xlsx woonbuddy',
      'Partners/Aanbod/Aanbod B.xlsx Huurcafé',
    ]);
    expect(ov.refused.map((r) => r.reasons.map((i) => i.params))).toEqual([
      [{ path: 'Partners/Aanbod/Aanbod A.xlsx', row: 2, label: 'Partner A – Woonbuddy' }],
    ]);
    expect(ov.duplicates.map((d) => [d.reason, d.refused, d.rows])).toEqual([
      ['same-records', 'Partners/Aanbod/Aanbod B.xlsx', 1],
    ]);
  });
});
