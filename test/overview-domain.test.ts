import { describe, expect, it } from 'vitest';
import { isActiveOn } from '../src/domain/overview/active.js';
import { canonicalJson } from '../src/domain/canonical-json.js';
import { gapReason } from '../src/domain/overview/gaps.js';
import { buildOverview, DEFAULT_GAP_WAIT_WEEKS } from '../src/domain/overview/merge.js';
import type { Overview } from '../src/domain/overview/model.js';
import { suppress, SUPPRESSED } from '../src/domain/overview/suppress.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import {
  aanbodSource,
  candidacy,
  day,
  gemeenteSource,
  kandidatuurSource,
  need,
  offer,
  persona,
  refusedSource,
  type Row,
} from './helpers/overview-sources.js';

const region = leieSchelde;
const HOUSING = 'Huisvestingsproblemen';
const MOBILITY = 'Beperkte mobiliteit';
const DIGITAL = 'Beperkte digitale vaardigheden';
const asOf = day(2023, 6, 9);
const options = { asOf, gapWaitWeeks: DEFAULT_GAP_WAIT_WEEKS };

function cell(ov: Overview, area: string, municipality: string) {
  const row = ov.coverage.rows.find((r) => r.area === area);
  const m = ov.coverage.municipalities.indexOf(municipality);
  const c = row?.cells[m];
  if (!c) throw new Error(`no cell ${area} × ${municipality}`);
  return c;
}

const gapsOf = (ov: Overview) =>
  ov.gaps.map((g) => `${g.municipality} | ${g.area} | ${g.reason} | ${g.shortestWait}`);

describe('suppress: citizen counts of 1 to 4 in aggregates', () => {
  it('shows 1..4 as "< 5", keeps 0 and 5 and more', () => {
    expect(SUPPRESSED).toBe('< 5');
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(suppress)).toEqual([
      0,
      '< 5',
      '< 5',
      '< 5',
      '< 5',
      5,
      6,
      120,
    ]);
  });
});

describe('coverage (Dekking)', () => {
  const sources = [
    gemeenteSource(
      'Gemeenten/Gemeente Deinze.xlsx',
      'Deinze',
      [persona('P1', 10), persona('P2', 3), persona('P3', 20)],
      [
        need('P1', HOUSING),
        need('P1', HOUSING, { ernst: 'Ernstig' }),
        need('P2', HOUSING),
        need('P3', MOBILITY),
      ],
    ),
    gemeenteSource(
      'Gemeenten/Gemeente Gavere.xlsx',
      'Gavere',
      [persona('P1', 2)],
      [need('P1', HOUSING)],
    ),
    aanbodSource('Partners/Aanbod/Aanbod A.xlsx', [
      offer('Woonbegeleiding Deinze', HOUSING, 'Deinze', 2),
      offer('Woonbuddy regio', HOUSING, 'Hele regio', 10),
      offer('Fietsles', MOBILITY, 'Gavere', 0),
    ]),
  ];
  const ov = buildOverview(region, sources, options);

  it('counts each persona once per problem area, with its estimated citizens', () => {
    const c = cell(ov, HOUSING, 'Deinze');
    expect(c.needs).toBe(3);
    expect(c.personas).toEqual(['P1', 'P2']);
    expect(c.demand).toBe(13);
    expect(cell(ov, MOBILITY, 'Deinze').demand).toBe(20);
    expect(cell(ov, DIGITAL, 'Deinze')).toMatchObject({ demand: 0, needs: 0, offers: 0 });
  });

  it('suppresses small demand in the matrix but not in the records', () => {
    expect(cell(ov, HOUSING, 'Gavere').demand).toBe(SUPPRESSED);
    const gavere = ov.records.persona.find((p) => p.gemeente === 'Gavere');
    expect(gavere?.record.aantal).toBe(2);
  });

  it('counts offers listing the municipality or the whole region, with the shortest wait', () => {
    expect(cell(ov, HOUSING, 'Deinze')).toMatchObject({ offers: 2, shortestWait: 2 });
    expect(cell(ov, HOUSING, 'Gavere')).toMatchObject({ offers: 1, shortestWait: 10 });
    expect(cell(ov, HOUSING, 'Zulte')).toMatchObject({ offers: 1, shortestWait: 10 });
    expect(cell(ov, MOBILITY, 'Gavere')).toMatchObject({ offers: 1, shortestWait: 0 });
    expect(cell(ov, MOBILITY, 'Deinze')).toMatchObject({ offers: 0, shortestWait: null });
  });

  it('sums the region over every persona, and counts each active offer once', () => {
    const housing = ov.coverage.rows.find((r) => r.area === HOUSING)!;
    expect(housing.region).toMatchObject({ demand: 15, needs: 4, offers: 2, shortestWait: 2 });
  });

  it('finds the gaps: no offer, or only offers waiting longer than the threshold', () => {
    expect(gapsOf(ov)).toEqual([
      'Deinze | Beperkte mobiliteit | no-offer | null',
      'Gavere | Huisvestingsproblemen | long-wait | 10',
    ]);
    const gap = ov.gaps.find((g) => g.municipality === 'Gavere')!;
    expect(gap).toMatchObject({ demand: SUPPRESSED, personas: ['P1'], offers: 1 });
  });

  it('uses the threshold as "longer than": a wait equal to it is no gap', () => {
    expect(gapReason(1, 8, 8)).toBeNull();
    expect(gapReason(1, 8.5, 8)).toBe('long-wait');
    expect(gapReason(0, null, 8)).toBe('no-offer');
    const lenient = buildOverview(region, sources, { asOf, gapWaitWeeks: 10 });
    expect(gapsOf(lenient)).toEqual(['Deinze | Beperkte mobiliteit | no-offer | null']);
    const strict = buildOverview(region, sources, { asOf, gapWaitWeeks: 0 });
    expect(gapsOf(strict)).toContain('Deinze | Huisvestingsproblemen | long-wait | 2');
  });

  it('fills the Overzicht per municipality and for the region', () => {
    const deinze = ov.municipalities.find((m) => m.municipality === 'Deinze');
    expect(deinze).toEqual({
      municipality: 'Deinze',
      status: 'delivered',
      personas: 3,
      citizens: 33,
      needs: 4,
      offers: 3 - 1, // the Deinze offer and the region-wide one; the Gavere one not
      candidacies: 0,
      gaps: 1,
    });
    expect(ov.municipalities.find((m) => m.municipality === 'Gavere')?.citizens).toBe(SUPPRESSED);
    expect(ov.municipalities.map((m) => m.municipality)).toEqual(region.municipalities);
    expect(ov.region).toEqual({
      personas: 4,
      citizens: 35,
      needs: 5,
      offers: 3,
      candidacies: 0,
      gaps: 2,
    });
  });
});

describe('active offers: validity around the day', () => {
  const at = day(2023, 6, 9);
  const o = (from: Date | null, until: Date | null) => ({ geldigVanaf: from, geldigTot: until });
  it('includes both ends and leaves empty ends open', () => {
    expect(isActiveOn(o(null, null), at)).toBe(true);
    expect(isActiveOn(o(day(2023, 6, 9), null), at)).toBe(true);
    expect(isActiveOn(o(null, day(2023, 6, 9)), at)).toBe(true);
    expect(isActiveOn(o(day(2023, 6, 10), null), at)).toBe(false);
    expect(isActiveOn(o(null, day(2023, 6, 8)), at)).toBe(false);
    // A time of day on the day asked for does not matter.
    expect(
      isActiveOn(o(day(2023, 6, 9), day(2023, 6, 9)), new Date(Date.UTC(2023, 5, 9, 23, 59))),
    ).toBe(true);
  });

  it('leaves expired and future offers out of the matrix and the gaps', () => {
    const sources = [
      gemeenteSource('Gemeenten/Deinze.xlsx', 'Deinze', [persona('P1', 7)], [need('P1', HOUSING)]),
      aanbodSource('Partners/Aanbod/A.xlsx', [
        offer('Verlopen', HOUSING, 'Deinze', 1, { geldigTot: day(2023, 5, 31) }),
        offer('Toekomstig', HOUSING, 'Hele regio', 1, { geldigVanaf: day(2023, 9, 1) }),
      ]),
    ];
    const ov = buildOverview(region, sources, options);
    expect(cell(ov, HOUSING, 'Deinze').offers).toBe(0);
    expect(gapsOf(ov)).toEqual(['Deinze | Huisvestingsproblemen | no-offer | null']);
    expect(ov.records.aanbod).toHaveLength(2);
    const later = buildOverview(region, sources, { ...options, asOf: day(2023, 9, 1) });
    expect(cell(later, HOUSING, 'Deinze')).toMatchObject({ offers: 1, shortestWait: 1 });
    expect(later.gaps).toEqual([]);
  });
});

describe('candidacies in the Overzicht', () => {
  it('count for a municipality they name, or all when they name the whole region', () => {
    const ov = buildOverview(
      region,
      [
        kandidatuurSource('Partners/Kandidaturen/K1.xlsx', [candidacy('Eén', 'Deinze; Zulte')]),
        kandidatuurSource('Partners/Kandidaturen/K2.xlsx', [candidacy('Twee', 'Hele regio')]),
      ],
      options,
    );
    const count = (m: string) => ov.municipalities.find((x) => x.municipality === m)?.candidacies;
    expect([count('Deinze'), count('Zulte'), count('Melle')]).toEqual([2, 2, 1]);
    expect(ov.region.candidacies).toBe(2);
  });
});

describe('duplicates count once', () => {
  const sources = () => [
    gemeenteSource('Gemeenten/Gemeente Deinze.xlsx', 'Deinze', [persona('P1', 10)], []),
    gemeenteSource('Gemeenten/Oud/Gemeente Deinze.xlsx', 'deinze', [persona('p1 ', 10)], []),
    gemeenteSource('Gemeenten/Gemeente Zulte.xlsx', 'Zulte', [persona('P1', 6)], []),
    aanbodSource('Partners/Aanbod/A.xlsx', [offer('Woonbuddy', HOUSING, 'Deinze', 1)]),
    aanbodSource('Partners/Aanbod/B.xlsx', [
      offer('  woonbuddy ', HOUSING, 'Deinze', 1, { partner: 'partner  a' }),
      offer('Woonbuddy', HOUSING, 'Deinze', 1, { partner: 'Partner B' }),
    ]),
  ];
  const ov = buildOverview(region, sources(), options);

  it('refuses the later copy of a persona in one municipality and of an offer of one partner', () => {
    expect(ov.duplicates).toEqual([
      {
        reason: 'same-municipality',
        refused: 'Gemeenten/Oud/Gemeente Deinze.xlsx',
        kept: 'Gemeenten/Gemeente Deinze.xlsx',
        municipality: 'Deinze',
        rows: 1,
      },
      {
        reason: 'same-records',
        refused: 'Partners/Aanbod/B.xlsx',
        kept: 'Partners/Aanbod/A.xlsx',
        municipality: null,
        rows: 1,
      },
    ]);
  });

  it('counts each once in the records and the figures', () => {
    expect(ov.records.persona.map((p) => `${p.gemeente} ${p.record.id}`)).toEqual([
      'Deinze P1',
      'Zulte P1',
    ]);
    expect(ov.records.aanbod.map((o) => `${o.record.partner} ${o.source}`)).toEqual([
      'Partner A Partners/Aanbod/A.xlsx',
      'Partner B Partners/Aanbod/B.xlsx',
    ]);
    expect(ov.municipalities.find((m) => m.municipality === 'Deinze')?.citizens).toBe(10);
    expect(ov.totals).toMatchObject({ rowsRead: 6, rowsTaken: 4, rowsRefused: 2 });
  });

  it('does not pair personas whose workbooks name no municipality', () => {
    const nameless = [
      gemeenteSource('a.xlsx', '', [persona('P1', 8)], []),
      gemeenteSource('b.xlsx', '', [persona('P1', 8)], []),
    ];
    const unknown = buildOverview(region, nameless, options);
    expect(unknown.duplicates).toEqual([]);
    expect(unknown.records.persona).toHaveLength(2);
  });
});

describe('nothing is lost: totals, refused rows and refused files', () => {
  const badPersona: Row = persona('P2', 5, {
    leeftijd: 'heel oud',
    toelichting: 'Belt op 0471 23 45 67',
  });
  const privacy: Row = persona('P3', 5, { toelichting: 'Rijksregister 85.07.30-033.28' });
  const sources = [
    gemeenteSource(
      'Gemeenten/Gemeente Melle.xlsx',
      'Melle',
      [persona('P1', 8), badPersona, privacy],
      [need('P1', HOUSING), need('P9', HOUSING)],
    ),
    refusedSource('Partners/Aanbod/kapot.xlsx'),
  ];
  const ov = buildOverview(region, sources, options);

  it('adds up: rows read = taken + refused, per file and in total', () => {
    expect(ov.totals).toEqual({
      files: 2,
      unreadable: 1,
      rowsRead: 5,
      rowsTaken: 2,
      rowsRefused: 3,
    });
    const taken = Object.values(ov.records).reduce((n, r) => n + r.length, 0);
    expect(taken + ov.refused.length).toBe(ov.totals.rowsRead);
    expect(ov.sources.map((s) => [s.path, s.read, s.rowsRead, s.rowsTaken, s.rowsRefused])).toEqual(
      [
        ['Gemeenten/Gemeente Melle.xlsx', true, 5, 2, 3],
        ['Partners/Aanbod/kapot.xlsx', false, 0, 0, 0],
      ],
    );
    expect(ov.sources[1]?.refusal).toEqual({ code: 'not-zip', params: {} });
  });

  it('lists every refused row with its file, sheet, row, reasons and readable values', () => {
    expect(ov.refused.map((r) => [r.source, r.sheet, r.row])).toEqual([
      ['Gemeenten/Gemeente Melle.xlsx', "Persona's", 3],
      ['Gemeenten/Gemeente Melle.xlsx', "Persona's", 4],
      ['Gemeenten/Gemeente Melle.xlsx', 'Noden', 3],
    ]);
    const [age, register, unknownPersona] = ov.refused;
    expect(age?.reasons.map((i) => [i.code, i.params.value])).toEqual([
      ['not-in-list', 'heel oud'],
      ['privacy', undefined],
    ]);
    expect(age?.values).toContain('Persona-ID: P2');
    expect(unknownPersona?.reasons.map((i) => [i.code, i.params.value])).toEqual([
      ['unknown-reference', 'P9'],
    ]);
    // The personal data that got the row refused is not copied into the overview.
    expect(register?.values).not.toMatch(/85\.07\.30/);
    expect(register?.values).toContain('[persoonsgegevens weggelaten]');
  });
});

describe('personas of a workbook that names no municipality of the region', () => {
  it('count in the region and on their own line, not in a municipality', () => {
    const ov = buildOverview(
      region,
      [gemeenteSource('Gemeenten/Gent.xlsx', 'Gent', [persona('P1', 9)], [need('P1', HOUSING)])],
      options,
    );
    expect(ov.records.persona[0]?.gemeente).toBe('Gent');
    expect(ov.municipalities.at(-1)).toMatchObject({
      municipality: null,
      personas: 1,
      citizens: 9,
    });
    expect(ov.region).toMatchObject({ personas: 1, citizens: 9, needs: 1 });
    const housing = ov.coverage.rows.find((r) => r.area === HOUSING)!;
    expect(housing.cells.every((c) => c.needs === 0)).toBe(true);
    expect(housing.region).toMatchObject({ demand: 9, needs: 1 });
    expect(ov.gaps).toEqual([]);
  });
});

describe('determinism and the fingerprint text', () => {
  const sources = () => [
    gemeenteSource('Gemeenten/B.xlsx', 'Zulte', [persona('P1', 7)], [need('P1', MOBILITY)]),
    gemeenteSource('Gemeenten/A.xlsx', 'Deinze', [persona('P2', 12)], [need('P2', HOUSING)]),
    aanbodSource('Partners/Aanbod/Z.xlsx', [offer('Fiets', MOBILITY, 'Hele regio', 3)]),
    refusedSource('Partners/Aanbod/kapot.xlsx'),
  ];

  it('gives the same overview, to its JSON text (what the sync hashes), for any input order', () => {
    const a = buildOverview(region, sources(), options);
    const b = buildOverview(region, sources().reverse(), options);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.sources.map((s) => s.path)).toEqual([
      'Gemeenten/A.xlsx',
      'Gemeenten/B.xlsx',
      'Partners/Aanbod/Z.xlsx',
      'Partners/Aanbod/kapot.xlsx',
    ]);
  });

  it('changes its JSON text when what the overview shows changes', () => {
    const a = JSON.stringify(buildOverview(region, sources(), options));
    const changed = sources();
    changed[0] = gemeenteSource(
      'Gemeenten/B.xlsx',
      'Zulte',
      [persona('P1', 8)],
      [need('P1', MOBILITY)],
    );
    expect(JSON.stringify(buildOverview(region, changed, options))).not.toBe(a);
    const otherDay = buildOverview(region, sources(), { ...options, asOf: day(2023, 6, 10) });
    expect(JSON.stringify(otherDay)).not.toBe(a);
    // The same day at another hour is the same overview.
    const later = buildOverview(region, sources(), {
      ...options,
      asOf: new Date(Date.UTC(2023, 5, 9, 17, 30)),
    });
    expect(JSON.stringify(later)).toBe(a);
  });

  it('writes a canonical JSON: keys sorted at every depth, dates as ISO text', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"x":2,"y":1}]},"b":1}',
    );
    expect(canonicalJson({ at: day(2023, 6, 9) })).toBe('{"at":"2023-06-09T00:00:00.000Z"}');
    // A key named __proto__ (a region file can hold one) is kept as a key.
    const odd = '{"b":1,"__proto__":{"x":2}}';
    expect(canonicalJson(JSON.parse(odd))).toBe('{"__proto__":{"x":2},"b":1}');
    // An overview whose keys come in another order has the same canonical JSON.
    const a = buildOverview(region, sources(), options);
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as Overview;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
    expect(canonicalJson(reordered)).toBe(canonicalJson(a));
  });

  it('refuses options that make no sense', () => {
    expect(() => buildOverview(region, [], { asOf: new Date(NaN), gapWaitWeeks: 8 })).toThrow(
      RangeError,
    );
    expect(() => buildOverview(region, [], { asOf, gapWaitWeeks: -1 })).toThrow(RangeError);
  });
});
