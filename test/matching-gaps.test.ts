import { describe, expect, it } from 'vitest';
import { matchGaps } from '../src/domain/matching/gap-candidacies.js';
import { leieSchelde as region } from '../src/domain/region/leie-schelde.js';

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
