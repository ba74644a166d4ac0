import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Beoordeling } from '../src/domain/layouts.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import {
  assignDossiers,
  codeOf,
  dossierCode,
  normaliseKey,
} from '../src/domain/tracker/dossier.js';
import { mergeTracker, type CandidacyInput } from '../src/domain/tracker/merge.js';
import type { RawTableRow } from '../src/domain/tracker/raw-table.js';
import type { OpvolgingRead } from '../src/domain/tracker/record.js';
import { scoreDossiers, type DossierScore } from '../src/domain/tracker/scores.js';
import { stageProblems, weerwoordTot } from '../src/domain/tracker/stage-rules.js';
import { issueMessage } from '../src/domain/issue.js';
import { trackerRow } from './helpers/reminders.js';

const region = leieSchelde;
const day = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));
const [c1, c2, c3, c4, c5] = region.assessment.criteria.map((c) => c.label) as [
  string,
  string,
  string,
  string,
  string,
];

describe('dossier codes', () => {
  // Pinned: a change of the hash, the normalisation or the salt would renumber every tracker on
  // every drive. The values are FNV-1a (32 bits) over the normalised key, its top 24 bits in hex.
  it('are the top 24 bits of FNV-1a, the published test vectors included', () => {
    // The empty string hashes to the offset basis 0x811C9DC5; "a" and "foobar" to the published
    // vectors 0xE40C292C and 0xBF9CF968.
    expect(codeOf('')).toBe('K-811C9D');
    expect(codeOf('a')).toBe('K-E40C29');
    expect(codeOf('foobar')).toBe('K-BF9CF9');
    expect(codeOf(normaliseKey('CAW Oost-Vlaanderen', 'Samen op weg'))).toBe('K-7F7DD5');
    expect(dossierCode('CAW Oost-Vlaanderen', 'Samen op weg')).toBe('K-7F7DD5');
    expect(dossierCode('Vzw De Brug', 'Samen sterk in Deinze')).toBe('K-26BE10');
    expect(dossierCode('Vzw De Brug', 'Samen sterk in Zulte')).toBe('K-85D4E2');
    expect(dossierCode('CAW Oost-Vlaanderen', 'Samen op weg 2')).toBe('K-B09D0E');
  });

  it('have pinned alternatives after a collision: the key with "#1", "#2", … appended', () => {
    expect([0, 1, 2, 3].map((salt) => codeOf('vzw a|project', salt))).toEqual([
      'K-BE3FBD',
      'K-A4F266',
      'K-A7F26B',
      'K-A6F269',
    ]);
  });

  it('do not count case, accents, punctuation or spaces; the lead partner and the title stay apart', () => {
    expect(normaliseKey('CAW Oost-Vlaanderen', 'Samen op weg')).toBe(
      'caw oost vlaanderen|samen op weg',
    );
    expect(normaliseKey('  Œuvre — Straße ', 'ﬁets ½')).toBe('œuvre straße|fiets 1 2');
    for (const [trekker, titel] of [
      ['caw oost vlaanderen', 'SAMEN OP WEG'],
      ['  CAW   Oost–Vlaanderen ', 'Samen óp wég!'],
      ['CAW Oost-Vlaanderen.', '"Samen op weg"'],
    ] as const) {
      expect(normaliseKey(trekker, titel), `${trekker} | ${titel}`).toBe(
        'caw oost vlaanderen|samen op weg',
      );
      expect(dossierCode(trekker, titel), `${trekker} | ${titel}`).toBe('K-7F7DD5');
    }
    // The same words split otherwise between lead partner and title are another candidacy.
    expect(dossierCode('CAW', 'Oost-Vlaanderen Samen op weg')).toBe('K-00A551');
  });

  // Spellings of a few candidacies, so that a random list holds the same one several times.
  const spelled = fc.record({
    trekker: fc.constantFrom('Vzw A', 'vzw a', ' VZW  Á.', 'CAW', 'caw!'),
    titel: fc.constantFrom('Project', 'project', 'Próject?', 'Samen', ''),
  });

  it('do not depend on the order or the other candidacies; copies are numbered in order', () => {
    fc.assert(
      fc.property(fc.array(spelled, { maxLength: 8 }), (items) => {
        const alone = (c: (typeof items)[number]) => assignDossiers([c], new Map()).codes[0]!;
        // Different candidacies of the pool never share a code.
        const keys = new Set(items.map((c) => normaliseKey(c.trekker, c.titel)));
        expect(new Set(items.map(alone)).size).toBe(keys.size);
        for (const order of [items, [...items].reverse()]) {
          const { codes, duplicates, collisions } = assignDossiers(order, new Map());
          expect(collisions).toEqual([]);
          const copies = new Map<string, number>();
          order.forEach((c, i) => {
            const own = alone(c);
            const n = (copies.get(own) ?? 0) + 1;
            copies.set(own, n);
            expect(codes[i]).toBe(n === 1 ? own : `${own}-${n}`);
          });
          expect(duplicates).toHaveLength(order.length - keys.size);
          expect(new Set(codes).size).toBe(codes.length);
        }
      }),
    );
  });

  it('never merges two candidacies: a duplicate gets -2, a collision the next free code', () => {
    const a = { trekker: 'Vzw A', titel: 'Project' };
    const { codes, duplicates } = assignDossiers(
      [a, { ...a }, { ...a, titel: 'PROJECT.' }],
      new Map(),
    );
    expect(codes).toEqual(['K-BE3FBD', 'K-BE3FBD-2', 'K-BE3FBD-3']);
    expect(duplicates).toEqual([
      [1, 0],
      [2, 0],
    ]);
    // Two real candidacies whose hashes meet: the first keeps the code, the second moves on.
    const x = { trekker: 'Vzw De Brug', titel: 'Project 5981' };
    const y = { trekker: 'Vzw De Brug', titel: 'Project 19664' };
    expect([dossierCode(x.trekker, x.titel), dossierCode(y.trekker, y.titel)]).toEqual([
      'K-95A3E9',
      'K-95A3E9',
    ]);
    expect(assignDossiers([x, y], new Map())).toEqual({
      codes: ['K-95A3E9', 'K-99A709'],
      duplicates: [],
      collisions: [[1, 'K-95A3E9']],
    });
    expect(assignDossiers([y, x], new Map()).codes).toEqual(['K-95A3E9', 'K-911EF2']);
    // The tracker already has a's code for another candidacy: a moves on, the row in the
    // tracker keeps its code; past a second taken code too.
    const other = normaliseKey('Vzw B', 'Ander');
    const moved = assignDossiers([a], new Map([['K-BE3FBD', other]]));
    expect(moved).toEqual({ codes: ['K-A4F266'], duplicates: [], collisions: [[0, 'K-BE3FBD']] });
    const twice = new Map([
      ['K-BE3FBD', other],
      ['K-A4F266', normaliseKey('Vzw C', 'Nog een')],
    ]);
    expect(assignDossiers([a], twice).codes).toEqual(['K-A7F26B']);
    // A code the tracker holds for this very candidacy is its own: no collision.
    const own = assignDossiers([a], new Map([['K-BE3FBD', normaliseKey('vzw a', 'project')]]));
    expect(own).toEqual({ codes: ['K-BE3FBD'], duplicates: [], collisions: [] });
  });
});

function review(
  dossier: string,
  criterium: string,
  score: number,
  beoordelaar = 'An',
  belangenconflict = 'Nee',
): Beoordeling {
  return { dossier, beoordelaar, criterium, score, commentaar: null, belangenconflict };
}
const rows = (rs: Beoordeling[]) => rs.map((record, i) => ({ row: i + 2, record }));

describe('scores', () => {
  it('weigh the criteria, leave out conflicts of interest and rank with shared ranks', () => {
    const reviews = rows([
      // K-1: all criteria 8 by An, and 2 by Bart who has a conflict: average 8.
      ...[c1, c2, c3, c4, c5].map((c) => review('K-1', c, 8)),
      ...[c1, c2, c3, c4, c5].map((c) => review('K-1', c, 2, 'Bart', 'Ja')),
      // K-2: criterion 1 (weight 30) 10 and 6 → 8; criterion 5 (weight 10) 4 → (240+40)/40 = 7.
      review('K-2', c1, 10),
      review('K-2', c1, 6, 'Bart'),
      review('K-2', c5, 4),
      // K-3: the same average as K-1.
      review('K-3', c2, 8),
      // K-4: only a conflict: no average.
      review('K-4', c1, 9, 'Bart', 'Ja'),
    ]);
    const { byDossier, problems } = scoreDossiers(region, reviews);
    expect(problems).toEqual([]);
    expect(byDossier.get('K-1')).toEqual({ average: 8, rank: 1, counted: 5, conflicts: 5 });
    expect(byDossier.get('K-3')).toMatchObject({ average: 8, rank: 1 });
    expect(byDossier.get('K-2')).toMatchObject({ average: 7, rank: 3, counted: 3 });
    expect(byDossier.get('K-4')).toEqual({ average: null, rank: null, counted: 0, conflicts: 1 });
  });

  it('report a score outside the scale and leave it out', () => {
    const { byDossier, problems } = scoreDossiers(
      region,
      rows([review('K-1', c1, 11), review('K-1', c1, 6)]),
    );
    expect(byDossier.get('K-1')?.average).toBe(6);
    expect(problems).toEqual([
      expect.objectContaining({
        layout: 'beoordeling',
        row: 2,
        field: 'score',
        code: 'score-range',
      }),
    ]);
  });
});

const blank: OpvolgingRead = trackerRow('K-1', {
  titel: 'T',
  trekker: 'A',
  bron: 'Partners/Kandidaturen/x.xlsx',
  ontvangen: day(2023, 6, 1, 10),
  stadium: 'Ontvangen',
});
const scored: DossierScore = { average: 7, rank: 1, counted: 5, conflicts: 0 };
const complete: OpvolgingRead = {
  ...blank,
  stadium: 'Definitief',
  ontvankelijkOp: day(2023, 6, 12),
  beoordeeldOp: day(2023, 6, 23),
  pitch: day(2023, 6, 30, 10, 30),
  beslissing: 'Goedgekeurd',
  juryOp: day(2023, 6, 30),
  gecommuniceerdOp: day(2023, 7, 6),
  weerwoordOp: day(2023, 7, 14),
  weerwoordUitkomst: 'Beslissing behouden',
  definitiefOp: day(2023, 7, 24),
};
const keys = (r: OpvolgingRead, score: DossierScore | null = scored) =>
  stageProblems(region, 5, r, score ?? undefined).map((p) => `${p.code}:${p.field}`);

describe('stage rules', () => {
  it('a complete candidacy at every stage has no problem', () => {
    expect(keys(complete)).toEqual([]);
    expect(
      keys({ ...blank, stadium: 'Niet ontvankelijk', ontvankelijkOp: day(2023, 6, 12) }),
    ).toEqual([]);
  });

  it.each([
    ['Ontvankelijk', 'stage-missing:ontvankelijkOp'],
    ['Niet ontvankelijk', 'stage-missing:ontvankelijkOp'],
    ['Schriftelijk beoordeeld', 'stage-missing:beoordeeldOp'],
    ['Pitch gepland', 'stage-missing:pitch'],
    ['Jurybeslissing', 'stage-missing:beslissing'],
    ['Jurybeslissing', 'stage-missing:juryOp'],
    ['Beslissing gecommuniceerd', 'stage-missing:gecommuniceerdOp'],
    ['Weerwoord ontvangen', 'stage-missing:weerwoordOp'],
    ['Definitief', 'stage-missing:definitiefOp'],
    ['Definitief', 'stage-missing:beslissing'],
  ])('%s without its data: %s', (stadium, expected) => {
    expect(keys({ ...blank, stadium })).toContain(expected);
  });

  it('a stage from "Schriftelijk beoordeeld" on needs a score that counts', () => {
    const r = { ...complete, stadium: 'Schriftelijk beoordeeld' };
    expect(keys(r, null)).toEqual(['stage-no-scores:stadium']);
    expect(keys({ ...complete, stadium: 'Jurybeslissing' }, { ...scored, average: null })).toEqual([
      'stage-no-scores:stadium',
    ]);
    expect(
      keys({ ...blank, stadium: 'Ontvankelijk', ontvankelijkOp: day(2023, 6, 12) }, null),
    ).toEqual([]);
  });

  it('the messages are Dutch and name the stage and the column', () => {
    const [p] = stageProblems(
      region,
      5,
      {
        ...blank,
        stadium: 'Beslissing gecommuniceerd',
        ontvankelijkOp: day(2023, 6, 12),
        beoordeeldOp: day(2023, 6, 20),
        pitch: day(2023, 6, 30, 10),
        beslissing: 'Afgewezen',
        juryOp: day(2023, 6, 30),
      },
      scored,
    );
    expect(issueMessage(p!)).toBe(
      'stadium "Beslissing gecommuniceerd", maar "Beslissing gecommuniceerd op" is niet ingevuld.',
    );
  });

  it('dates in an impossible order', () => {
    expect(keys({ ...complete, gecommuniceerdOp: day(2023, 6, 29) })).toContain(
      'order:gecommuniceerdOp',
    );
    expect(keys({ ...complete, juryOp: day(2023, 6, 20) })).toContain('order:juryOp');
    expect(
      keys({ ...complete, weerwoordUitkomst: 'Beslissing herzien', weerwoordOp: null }),
    ).toContain('outcome-without-date:weerwoordOp');
  });

  it('a rebuttal received after the 14 days is reported; on the last day it is in time', () => {
    // Communicated on 6/07: the window ends on 20/07 at 23:59.
    expect(
      keys({ ...complete, weerwoordOp: day(2023, 7, 20), definitiefOp: day(2023, 7, 24) }),
    ).toEqual([]);
    expect(
      keys({ ...complete, weerwoordOp: day(2023, 7, 21), definitiefOp: day(2023, 7, 24) }),
    ).toEqual(['rebuttal-late:weerwoordOp']);
  });
});

describe('the 14-day rule', () => {
  it('ends at 23:59 Brussels 14 days later, across a month end', () => {
    expect(weerwoordTot(region, day(2023, 7, 7))).toEqual(day(2023, 7, 21, 23, 59));
    expect(weerwoordTot(region, day(2023, 7, 20))).toEqual(day(2023, 8, 3, 23, 59));
    expect(weerwoordTot(region, day(2023, 6, 30))).toEqual(day(2023, 7, 14, 23, 59));
    // Across the end of summer time (29/10/2023) and of a year.
    expect(weerwoordTot(region, day(2023, 10, 20))).toEqual(day(2023, 11, 3, 23, 59));
    expect(weerwoordTot(region, day(2023, 12, 25))).toEqual(day(2024, 1, 8, 23, 59));
  });
});

function existingRow(
  row: number,
  cells: Partial<Record<keyof OpvolgingRead, unknown>>,
  extra: unknown[] = [],
): RawTableRow {
  return { row, cells: cells as RawTableRow['cells'], extra: extra as RawTableRow['extra'] };
}

describe('merge', () => {
  const cand = (
    trekker: string,
    titel: string,
    path: string,
    more: Partial<CandidacyInput['record']> = {},
  ): CandidacyInput => ({
    record: { trekker, titel, copartners: 'Geen', gemeenten: ['Deinze'], ...more },
    path,
    issues: [],
  });
  /** The e-mail, received at a Brussels wall-clock moment (summer time: UTC+2). */
  const mail = (d: Date, subject = region.submission.subject, fillOnly = false) => ({
    received: new Date(d.getTime() - 2 * 3_600_000),
    subject,
    fillOnly,
  });

  it('appends new candidacies as Ontvangen, refreshes the sync columns and keeps the coordinator columns exactly', () => {
    const a = cand('Vzw A', 'Project A', 'P/a.xlsx', { copartners: 'Vzw C' });
    const b = cand('Vzw B', 'Project B', 'P/b.xlsx');
    const codeA = 'K-64EB45'; // Vzw A, Project A
    const existing = {
      extraHeaders: ['Eigen notitie'],
      rows: [
        existingRow(
          2,
          {
            dossier: codeA,
            titel: 'Project A (oud)',
            trekker: 'Vzw A',
            bron: 'P/a-oud.xlsx',
            stadium: 'Pitch gpland', // a typo: kept as typed
            ontvankelijkOp: 'morgen', // text in a date column: kept as typed
            gecommuniceerdOp: day(2023, 7, 20),
            opmerkingen: 'Bel terug',
          },
          ['notitie 1'],
        ),
        existingRow(3, {
          dossier: 'K-GONE',
          titel: 'Weg',
          trekker: 'Vzw X',
          bron: 'P/weg.xlsx',
          stadium: 'Ontvankelijk',
        }),
        existingRow(
          4,
          { titel: 'Op papier', trekker: 'Vzw P', stadium: 'Ontvangen', opmerkingen: 'per post' },
          ['x'],
        ),
      ],
    };
    const reviews = rows([review(codeA, c1, 6)]);
    const receipts = { 'P/a.xlsx': mail(day(2023, 6, 1, 9)), 'P/b.xlsx': mail(day(2023, 6, 2, 9)) };
    const merged = mergeTracker(region, existing, [b, a], reviews, receipts);
    expect(merged.applied.sort()).toEqual(['P/a.xlsx', 'P/b.xlsx']);
    expect(merged.extraHeaders).toEqual(['Eigen notitie']);
    const [r1, r2, r3, r4] = merged.rows;
    expect(r1).toMatchObject({
      from: 2,
      extra: ['notitie 1'],
      cells: {
        dossier: codeA,
        titel: 'Project A',
        copartners: 'Vzw C',
        gemeenten: 'Deinze',
        bron: 'P/a.xlsx',
        ontvangen: day(2023, 6, 1, 9),
        onderwerp: region.submission.subject,
        intake: 'In orde.',
        stadium: 'Pitch gpland',
        ontvankelijkOp: 'morgen',
        gecommuniceerdOp: day(2023, 7, 20),
        weerwoordTot: day(2023, 8, 3, 23, 59),
        gemiddelde: 6,
        rang: 1,
        opmerkingen: 'Bel terug',
      },
    });
    expect(r2?.cells).toMatchObject({
      dossier: 'K-GONE',
      stadium: 'Ontvankelijk',
      bron: 'P/weg.xlsx',
    });
    expect(r2?.cells.intake).toContain('niet meer op de gedeelde map');
    expect(r3?.cells).toMatchObject({
      titel: 'Op papier',
      opmerkingen: 'per post',
      dossier: 'K-63F2E5', // Vzw P, Op papier: a code for the typed row
    });
    expect(r3?.extra).toEqual(['x']);
    expect(r1?.filled).toEqual(['ontvangen', 'onderwerp']);
    expect(r3?.filled).toEqual([]);
    expect(r4).toMatchObject({
      from: null,
      extra: [null],
      cells: {
        titel: 'Project B',
        stadium: 'Ontvangen',
        dossier: 'K-62ED81', // Vzw B, Project B
      },
    });
    expect(merged.rows).toHaveLength(4);
    expect(merged.notes.join('\n')).toContain('P/weg.xlsx');
  });

  it('checks the intake on the tracker row: empty, late, wrong subject, typed by hand, unreadable', () => {
    const typed = (row: number, trekker: string, ontvangen: unknown, onderwerp: unknown = null) =>
      existingRow(row, {
        dossier: null,
        titel: 'P',
        trekker,
        stadium: 'Ontvangen',
        ontvangen,
        onderwerp,
      });
    const existing = {
      extraHeaders: [],
      rows: [
        typed(2, 'Vzw A', null),
        typed(3, 'Vzw B', '10/06/2023 00:05', region.submission.subject),
        typed(4, 'Vzw C', 'gisteren', ' '),
        typed(5, 'Vzw D', day(2023, 6, 9, 23, 59), region.submission.subject),
      ],
    };
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const files = names.map((n) => cand(`Vzw ${n}`, 'P', `P/${n}.xlsx`));
    const late = day(2023, 6, 10, 0, 1);
    const merged = mergeTracker(region, existing, files, [], {
      'P/E.xlsx': mail(late, 'Kandidatuur'),
      'P/F.xlsx': mail(day(2023, 6, 9, 23, 59)),
    });
    const intake = merged.rows.map((r) => String(r.cells.intake));
    expect(intake[0]).toBe(
      'Ontvangen op: ontvangstmoment niet ingevuld. Vul datum en uur van de e-mail in, of neem de e-mail in met partnerschap intake.\n' +
        'Onderwerp e-mail: onderwerp van de e-mail niet ingevuld. Vul het in, of neem de e-mail in met partnerschap intake.',
    );
    expect(intake[1]).toBe(
      'Ontvangen op: ontvangen op 10/06/2023 00:05, na de deadline van 09/06/2023 23:59 (Brusselse tijd). Deze kandidatuur is te laat.',
    );
    // A text that is no date is reported by the tracker's validation: not called missing here.
    expect(intake[2]).not.toContain('ontvangstmoment');
    expect(intake[2]).toContain('onderwerp van de e-mail niet ingevuld');
    expect(intake[3]).toBe('In orde.');
    // New rows from receipts: in the order received, the late one with a wrong subject last.
    expect(merged.rows.slice(4).map((r) => [r.cells.bron, r.cells.ontvangen])).toEqual([
      ['P/F.xlsx', day(2023, 6, 9, 23, 59)],
      ['P/E.xlsx', late],
    ]);
    expect(intake[4]).toBe('In orde.');
    expect(intake[5]).toContain('te laat');
    expect(intake[5]).toContain('het onderwerp van de e-mail is "Kandidatuur"');
  });

  it('lets a mail taken in again fill only what the tracker lacks', () => {
    const row = (r: number, trekker: string, ontvangen: Date | null) =>
      existingRow(r, { titel: 'P', trekker, stadium: 'Ontvangen', ontvangen, onderwerp: null });
    const corrected = day(2023, 6, 9, 8, 0);
    const existing = {
      extraHeaders: [],
      rows: [row(2, 'Vzw A', corrected), row(3, 'Vzw B', null)],
    };
    const files = [cand('Vzw A', 'P', 'P/A.xlsx'), cand('Vzw B', 'P', 'P/B.xlsx')];
    const again = day(2023, 6, 5, 10, 0);
    const merged = mergeTracker(region, existing, files, [], {
      'P/A.xlsx': mail(again, 'Kandidatuur', true),
      'P/B.xlsx': mail(again, 'Kandidatuur', true),
    });
    expect(merged.applied.sort()).toEqual(['P/A.xlsx', 'P/B.xlsx']);
    // The moment corrected by hand stays; the empty cells are filled.
    expect(merged.rows.map((r) => [r.cells.ontvangen, r.cells.onderwerp, r.filled])).toEqual([
      [corrected, 'Kandidatuur', ['onderwerp']],
      [again, 'Kandidatuur', ['ontvangen', 'onderwerp']],
    ]);
  });

  it('matches a row the coordinator typed without a code, and keeps duplicates apart', () => {
    const existing = {
      extraHeaders: [],
      rows: [existingRow(2, { titel: 'Project A', trekker: 'vzw a', stadium: 'Ontvankelijk' })],
    };
    const a = cand('Vzw A', 'Project A', 'P/a.xlsx');
    const merged = mergeTracker(region, existing, [a, { ...a, path: 'P/a2.xlsx' }], []);
    expect(merged.rows).toHaveLength(2);
    expect(merged.rows[0]?.cells).toMatchObject({ stadium: 'Ontvankelijk', bron: 'P/a.xlsx' });
    expect(merged.rows[0]?.cells.dossier).toBe('K-64EB45');
    expect(merged.rows[1]?.cells.dossier).toBe('K-64EB45-2');
    expect(merged.rows[1]?.cells.intake).toContain('P/a.xlsx');
    expect(merged.notes).toHaveLength(1);
  });
});
