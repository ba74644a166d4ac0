import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOverview } from '../src/domain/overview/merge.js';
import type { Overview } from '../src/domain/overview/model.js';
import type { SourceInput } from '../src/domain/overview/sources.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { WHOLE_REGION } from '../src/domain/vocabularies.js';
import { overviewWorkbook } from '../src/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../src/workbook/xlsx/xlsx-stream.js';
import {
  aanbodSource,
  day,
  gemeenteSource,
  kandidatuurSource,
  need,
  offer,
  persona,
  candidacy,
  refusedSource,
  type Row,
} from './helpers/overview-sources.js';

// Random drives, made of rows people could type (some wrong), through the real validator:
// nothing is lost (every row read is taken or refused, and shows up exactly once), the input
// order does not matter, and no aggregate shows a citizen count of 1 to 4.

const region = leieSchelde;
const ms = region.municipalities;
const areas = region.problemAreas.map((p) => p.label);

const ids = fc.constantFrom('P1', 'P2', 'P3', 'P4');
const count = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 12 }) },
  fc.constant(-1),
  fc.constant('veel'),
);
const area = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...areas) }, fc.constant('Onbekend'));
const date = fc.option(
  fc.integer({ min: 0, max: 800 }).map((d) => new Date(Date.UTC(2022, 6, 1) + d * 86_400_000)),
  { nil: null },
);
const places = fc.oneof(
  fc.constant(WHOLE_REGION),
  fc.subarray([...ms], { minLength: 1, maxLength: 3 }).map((xs) => xs.join('; ')),
  fc.constant('Gent'),
);

const personaRow = fc
  .record({ id: ids, aantal: count, old: fc.integer({ min: 0, max: 5 }).map((x) => x === 0) })
  .map(({ id, aantal, old }) => persona(id, aantal as number, old ? { leeftijd: 'heel oud' } : {}));
const needRow = fc
  .record({ id: fc.constantFrom('P1', 'P2', 'P3', 'P5'), area })
  .map(({ id, area }) => need(id, area));
const offerRow = fc
  .record({
    naam: fc.constantFrom('Woonbuddy', 'woonbuddy ', 'Fietsles', 'Taalcafé'),
    areas: fc.subarray(areas, { minLength: 1, maxLength: 2 }).map((xs) => xs.join('; ')),
    places,
    wait: fc.integer({ min: 0, max: 20 }),
    from: date,
    until: date,
  })
  .map((o) =>
    offer(o.naam, o.areas, o.places, o.wait, { geldigVanaf: o.from, geldigTot: o.until }),
  );
const candidacyRow = fc
  .record({ titel: fc.constantFrom('A', 'B'), places })
  .map((k) => candidacy(k.titel, k.places) as Row);

type Spec =
  | { kind: 'gemeente'; owner: string; personas: Row[]; needs: Row[] }
  | { kind: 'aanbod'; rows: Row[] }
  | { kind: 'kandidatuur'; rows: Row[] }
  | { kind: 'refused' };

const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({
    kind: fc.constant('gemeente' as const),
    owner: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ms.slice(0, 3)) },
      fc.constant('Gent'),
      fc.constant(''),
    ),
    personas: fc.array(personaRow, { maxLength: 5 }),
    needs: fc.array(needRow, { maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('aanbod' as const), rows: fc.array(offerRow, { maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('kandidatuur' as const),
    rows: fc.array(candidacyRow, { maxLength: 2 }),
  }),
  fc.constant({ kind: 'refused' as const }),
);

function toSource(s: Spec, i: number): SourceInput {
  switch (s.kind) {
    case 'gemeente':
      return gemeenteSource(`Gemeenten/G${i}.xlsx`, s.owner, s.personas, s.needs);
    case 'aanbod':
      return aanbodSource(`Partners/Aanbod/A${i}.xlsx`, s.rows);
    case 'kandidatuur':
      return kandidatuurSource(`Partners/Kandidaturen/K${i}.xlsx`, s.rows);
    case 'refused':
      return refusedSource(`Andere/R${i}.xlsx`);
  }
}

const drive = fc.array(spec, { maxLength: 8 }).chain((specs) =>
  fc
    .shuffledSubarray(
      specs.map((_, i) => i),
      { minLength: specs.length },
    )
    .map((order) => ({ specs, order })),
);
const options = {
  asOf: fc
    .integer({ min: 0, max: 800 })
    .map((d) => new Date(Date.UTC(2022, 6, 1) + d * 86_400_000)),
  weeks: fc.integer({ min: 0, max: 12 }),
};

/** The data rows the drive's files hold, as written into them. */
function inputRows(s: Spec): number {
  if (s.kind === 'gemeente') return s.personas.length + s.needs.length;
  return s.kind === 'refused' ? 0 : s.rows.length;
}

function rowKeys(sources: SourceInput[]): { taken: string[]; refused: string[] } {
  const taken: string[] = [];
  const refused: string[] = [];
  for (const s of sources) {
    if (!s.outcome.ok) continue;
    for (const sheet of s.outcome.result.sheets) {
      taken.push(...sheet.taken.map((r) => `${s.path}|${sheet.sheet}|${r.row}`));
      refused.push(...sheet.refused.map((r) => `${s.path}|${sheet.sheet}|${r.row}`));
    }
  }
  return { taken: taken.sort(), refused: refused.sort() };
}

function shownCitizenCounts(ov: Overview): unknown[] {
  return [
    ...ov.municipalities.map((m) => m.citizens),
    ov.region.citizens,
    ...ov.coverage.rows.flatMap((r) => [...r.cells.map((c) => c.demand), r.region.demand]),
    ...ov.gaps.map((g) => g.demand),
  ];
}

describe('the overview on random drives', () => {
  it('loses no row, ignores input order and never shows 1 to 4 citizens', () => {
    fc.assert(
      fc.property(drive, options.asOf, options.weeks, ({ specs, order }, asOf, weeks) => {
        const sources = specs.map(toSource);
        const o = { asOf, gapWaitWeeks: weeks };
        const ov = buildOverview(region, sources, o);

        const expected = rowKeys(sources);
        expect(ov.totals.rowsRead).toBe(specs.reduce((n, s) => n + inputRows(s), 0));
        expect(ov.totals.rowsTaken + ov.totals.rowsRefused).toBe(ov.totals.rowsRead);
        for (const s of ov.sources) expect(s.rowsTaken + s.rowsRefused).toBe(s.rowsRead);
        const shownTaken = Object.values(ov.records)
          .flat()
          .map((r) => `${r.source}|${r.sheet}|${r.row}`)
          .sort();
        expect(shownTaken).toEqual(expected.taken);
        expect(ov.refused.map((r) => `${r.source}|${r.sheet}|${r.row}`).sort()).toEqual(
          expected.refused,
        );
        expect(ov.totals.files).toBe(sources.length);
        expect(ov.totals.unreadable).toBe(specs.filter((s) => s.kind === 'refused').length);

        const shuffled = buildOverview(
          region,
          order.map((i) => sources[i]!),
          o,
        );
        expect(shuffled).toEqual(ov);
        expect(JSON.stringify(shuffled)).toBe(JSON.stringify(ov));

        const small = shownCitizenCounts(ov).filter((c) => typeof c === 'number' && c > 0 && c < 5);
        expect(small).toEqual([]);
        // A gap exactly where there are needs and no offer within the waiting time.
        ov.coverage.rows.forEach((r) =>
          r.cells.forEach((c, m) => {
            const isGap = ov.gaps.some(
              (g) => g.area === r.area && g.municipality === ov.coverage.municipalities[m],
            );
            const expectGap = c.needs > 0 && (c.offers === 0 || (c.shortestWait ?? 0) > weeks);
            expect(isGap).toBe(expectGap);
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('writes every taken row to a record sheet and every refused row to Afgewezen rijen', async () => {
    const sheetsTaken = ["Persona's", 'Noden', 'Aanbod', 'Kandidaturen'];
    await fc.assert(
      fc.asyncProperty(drive, async ({ specs }) => {
        const ov = buildOverview(region, specs.map(toSource), {
          asOf: day(2023, 6, 9),
          gapWaitWeeks: 8,
        });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(
          (await writeWorkbook(overviewWorkbook(region, ov))).bytes as unknown as ArrayBuffer,
        );
        /** Data rows of a sheet's table: the rows below the header that have a value. */
        const rows = (name: string) => {
          const ws = wb.getWorksheet(name);
          let n = 0;
          ws?.eachRow((row, i) => {
            if (i > 1 && row.hasValues) n++;
          });
          return n;
        };
        const taken = sheetsTaken.reduce((n, s) => n + rows(s), 0);
        expect(taken).toBe(ov.totals.rowsTaken);
        expect(rows('Afgewezen rijen')).toBe(ov.totals.rowsRefused);
        expect(rows('Bronnen')).toBe(ov.totals.files);
      }),
      { numRuns: 15 },
    );
  });
});
