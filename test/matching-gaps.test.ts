import { describe, expect, it } from 'vitest';
import { matchGaps } from '../src/domain/matching/gap-candidacies.js';
import { buildOverview } from '../src/domain/overview/merge.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';
import {
  candidacy as sourceCandidacy,
  day,
  gemeenteSource,
  kandidatuurSource,
  need,
  persona,
} from './helpers/overview-sources.js';
import { sheetLines, writtenOverview } from './helpers/overview-sheet.js';
import { trackerRow } from './helpers/reminders.js';

// Gap → candidacies, with expected results computed by hand.

const HOUSING = 'Huisvestingsproblemen';
const MOBILITY = 'Beperkte mobiliteit';

const gaps = [
  { municipality: 'Deinze', area: HOUSING, personas: ['P01', 'P02'] },
  { municipality: 'Deinze', area: MOBILITY, personas: ['P01'] },
  { municipality: 'Zulte', area: HOUSING, personas: ['P07'] },
];
const citizens: Record<string, number> = { 'Deinze P01': 10, 'Deinze P02': 5, 'Zulte P07': 3 };
const citizensOf = (m: string, p: string) => citizens[`${m} ${p}`] ?? 0;

const candidacy = (titel: string, probleemgebieden: string[], gemeenten: string[]) => ({
  titel,
  probleemgebieden,
  gemeenten,
});

describe('gaps and the candidacies that address them', () => {
  const a = candidacy('A', [HOUSING], ['Deinze']);
  const b = candidacy('B', ['huisvestingsproblemen', MOBILITY], ['Hele regio']);
  const c = candidacy('C', [MOBILITY], ['Zulte']);
  const d = candidacy('D', ['Geen kinderopvang'], ['Deinze', 'Zulte']);
  const m = matchGaps(region, gaps, [a, b, c, d], citizensOf);

  it('gives each gap the candidacies with its area in its municipality or the whole region', () => {
    expect(m.candidaciesOf.map((cs) => cs.map((x) => x.titel))).toEqual([['A', 'B'], ['B'], ['B']]);
  });

  it('gives each candidacy its gaps and their citizens, a persona once', () => {
    expect(
      m.gapsOf.map((g) => [g.gaps.map((x) => `${x.municipality}/${x.area}`), g.citizens]),
    ).toEqual([
      [[`Deinze/${HOUSING}`], 15],
      [[`Deinze/${HOUSING}`, `Deinze/${MOBILITY}`, `Zulte/${HOUSING}`], 18],
      [[], 0],
      [[], 0],
    ]);
  });

  it('matches nothing without candidacies or gaps', () => {
    expect(matchGaps(region, gaps, [], citizensOf).candidaciesOf).toEqual([[], [], []]);
    expect(matchGaps(region, [], [a], citizensOf).gapsOf).toEqual([{ gaps: [], citizens: 0 }]);
  });
});

describe('the overview shows the matching', () => {
  it('in Hiaten (who addresses each gap) and in Kandidaturen (the gaps and their citizens)', async () => {
    const sources = [
      gemeenteSource(
        'Gemeenten/Deinze.xlsx',
        'Deinze',
        [persona('P01', 12), persona('P02', 7)],
        [need('P01', HOUSING), need('P01', MOBILITY), need('P02', MOBILITY)],
      ),
      kandidatuurSource('Partners/Kandidaturen/A.xlsx', [
        sourceCandidacy('Wonen eerst', 'Deinze'),
        sourceCandidacy('Op weg', 'Hele regio', { probleemgebieden: `${MOBILITY}; ${HOUSING}` }),
        sourceCandidacy('Elders', 'Zulte'),
      ]),
    ];
    const ov = buildOverview(region, sources, { asOf: day(2023, 6, 1), gapWaitWeeks: 8 });
    // Deinze has no offer: both areas are gaps; "Elders" works in Zulte only.
    expect(ov.gaps.map((g) => [g.area, g.candidacies])).toEqual([
      [HOUSING, ['Wonen eerst (Partner A)', 'Op weg (Partner A)']],
      [MOBILITY, ['Op weg (Partner A)']],
    ]);
    const wb = await writtenOverview(region, ov);
    // Under the sheet's title and explanation line.
    const hiaten = sheetLines(wb.getWorksheet('Hiaten')!);
    expect(hiaten[0]).toEqual(['Hiaten: noden zonder passend aanbod']);
    expect(hiaten[2]).toContain('Kandidaturen die dit hiaat aanpakken');
    expect(hiaten[3]).toContain('Wonen eerst (Partner A); Op weg (Partner A)');
    const ws = wb.getWorksheet('Kandidaturen')!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const at = (row: number, name: string) => ws.getRow(row).getCell(headers.indexOf(name)).value;
    // P01 (12) in both of Op weg's gaps counts once, with P02 (7): 19.
    expect(
      [2, 3, 4].map((r) => [
        at(r, 'Titel project'),
        at(r, 'Vult hiaten'),
        at(r, 'Inwoners in die hiaten'),
      ]),
    ).toEqual([
      ['Wonen eerst', `${HOUSING} (Deinze)`, 12],
      ['Op weg', `${HOUSING} (Deinze); ${MOBILITY} (Deinze)`, 19],
      ['Elders', null, 0],
    ]);
  });

  it('marks a candidacy the tracker found not admissible, so no gap looks filled by it', () => {
    const sources = [
      gemeenteSource(
        'Gemeenten/Deinze.xlsx',
        'Deinze',
        [persona('P01', 12)],
        [need('P01', HOUSING)],
      ),
      kandidatuurSource('Partners/Kandidaturen/A.xlsx', [sourceCandidacy('Wonen eerst', 'Deinze')]),
    ];
    const tracker = {
      rows: [
        trackerRow('K01', { bron: 'Partners/Kandidaturen/A.xlsx', stadium: 'Niet ontvankelijk' }),
      ],
      reviews: [],
    };
    const ov = buildOverview(region, sources, { asOf: day(2023, 6, 1), gapWaitWeeks: 8 }, tracker);
    expect(ov.gaps.map((g) => g.candidacies)).toEqual([
      ['Wonen eerst (Partner A): niet ontvankelijk'],
    ]);
  });
});
