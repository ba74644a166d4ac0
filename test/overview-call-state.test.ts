import { describe, expect, it } from 'vitest';
import type { Beoordeling, Kandidatuur } from '../src/domain/layouts.js';
import { opvolgingLayout } from '../src/domain/layouts.js';
import { candidacyTracking } from '../src/domain/overview/candidacy-tracking.js';
import type { Overview, SourcedRecord } from '../src/domain/overview/model.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { callState } from '../src/domain/report/call-state.js';
import type { Reminder, TrackerRecord } from '../src/domain/reminders/model.js';

// Where the call stands (the Overzicht sheet and the report) and where the tracker has each
// candidacy (the Kandidaturen sheet), with expected values worked out by hand.

const region = leieSchelde;

function reminder(i: number, severity: Reminder['severity']): Reminder {
  return {
    id: `r${i}`,
    kind: 'admissibility-pending',
    // 12/06/2023 23:59 in Brussels (UTC+2).
    dueAt: new Date('2023-06-12T21:59:00Z'),
    dayOnly: false,
    title: `Taak ${i}`,
    who: 'coördinator',
    dossier: `K-${i}`,
    severity,
  };
}

/** The parts of an overview that callState reads. */
function overview(o: Pick<Overview, 'timeline' | 'reminders' | 'stages'>): Overview {
  return { ...o, region: { candidacies: 3 } } as unknown as Overview;
}

const step = {
  label: 'Indienen projectvoorstellen',
  dateText: '09/06/2023 23:59',
  state: 'next',
  daysToGo: 3,
} as Overview['timeline'][number];

describe('callState', () => {
  it('gives the next step, the candidacies per stage and at most 5 overdue reminders', () => {
    const reminders = [
      ...Array.from({ length: 7 }, (_, i) => reminder(i + 1, 'overdue')),
      reminder(8, 'soon'),
    ];
    const stages = [
      { stage: 'Ontvangen', candidacies: 2 },
      { stage: 'Ontvankelijk', candidacies: 0 },
      { stage: null, candidacies: 1 },
    ];
    const call = callState(region, overview({ timeline: [step], reminders, stages }), 5);
    expect(call).toEqual({
      step: ['Volgende stap: Indienen projectvoorstellen (09/06/2023 23:59).', 'Nog 3 dagen.'],
      candidacies: ['Kandidaturen ingediend: 3.'],
      stages: 'Per stadium: Ontvangen 2, (geen stadium) 1.',
      overdueHeading: 'Achterstallige herinneringen: 7',
      overdue: [
        'Taak 1 (voor coördinator, uiterlijk 12/06/2023 23:59)',
        'Taak 2 (voor coördinator, uiterlijk 12/06/2023 23:59)',
        'Taak 3 (voor coördinator, uiterlijk 12/06/2023 23:59)',
        'Taak 4 (voor coördinator, uiterlijk 12/06/2023 23:59)',
        'Taak 5 (voor coördinator, uiterlijk 12/06/2023 23:59)',
        'en nog 2 (zie het blad Herinneringen)',
      ],
    });
  });

  it('counts the candidacies of the tracker, and how many the overview took in when fewer', () => {
    const stages = [
      { stage: 'Ontvangen', candidacies: 3 },
      { stage: 'Ontvankelijk', candidacies: 1 },
    ];
    const call = callState(region, overview({ timeline: [step], reminders: [], stages }));
    expect(call.candidacies).toEqual([
      'Kandidaturen ingediend: 4, waarvan 3 in dit overzicht (de andere: zie Afgewezen rijen).',
    ]);
    expect(call.stages).toBe('Per stadium: Ontvangen 3, Ontvankelijk 1.');
  });

  it('says when every step is past, the tracker is missing and nothing is overdue', () => {
    const past = { ...step, state: 'past', daysToGo: null } as Overview['timeline'][number];
    const call = callState(region, overview({ timeline: [past], reminders: [], stages: null }));
    expect(call).toEqual({
      step: ['Alle stappen van de tijdlijn zijn voorbij.'],
      candidacies: [
        'Kandidaturen ingediend: 3.',
        'Geen opvolgingsbestand gevonden: het stadium van de kandidaturen is niet bekend.',
      ],
      stages: null,
      overdueHeading: 'Geen achterstallige herinneringen.',
      overdue: [],
    });
  });
});

const A = 'Partners/Kandidaturen/A.xlsx';
const B = 'Partners/Kandidaturen/B.xlsx';
const C = 'Partners/Kandidaturen/C.xlsx';

function trackerRow(dossier: string, bron: string, stadium: string): TrackerRecord {
  const empty = Object.fromEntries(Object.keys(opvolgingLayout.columns).map((k) => [k, null]));
  return { ...empty, dossier, bron, stadium } as TrackerRecord;
}

function score(dossier: string, criterium: string, value: number, conflict = false): Beoordeling {
  return {
    dossier,
    beoordelaar: 'An',
    criterium,
    score: value,
    commentaar: null,
    belangenconflict: conflict ? 'Ja' : 'Nee',
  } as Beoordeling;
}

const candidacy = (source: string): SourcedRecord<Kandidatuur> => ({
  source,
  sheet: 'Kandidatuur',
  row: 2,
  gemeente: null,
  record: {} as Kandidatuur,
});

describe('candidacyTracking', () => {
  const challenge = 'Aansluiting bij de regio-uitdaging';
  const reach = 'Bereik van de doelgroep';

  it("takes each candidacy's dossier, stage, weighted average and rank from the tracker", () => {
    const tracker = {
      rows: [
        trackerRow('K-1', A, 'Schriftelijk beoordeeld'),
        trackerRow('K-2', B, 'Pitch gepland'),
        trackerRow('K-3', 'Partners/Kandidaturen/weg.xlsx', 'Ontvangen'),
      ],
      reviews: [
        // K-1: challenge (8 + 6) / 2 = 7 (weight 30), reach 5 (weight 25), the conflict left
        // out: (30 × 7 + 25 × 5) / 55 = 335 / 55 = 6.09.
        score('K-1', challenge, 8),
        score('K-1', challenge, 6),
        score('K-1', reach, 5),
        score('K-1', 'Vernieuwing', 0, true),
        // K-2: 9 on one criterion: 9, the first.
        score('K-2', challenge, 9),
      ],
    };
    const records = { kandidatuur: [A, B, C].map(candidacy) };
    expect(candidacyTracking(region, records, tracker)).toEqual([
      { dossier: 'K-1', stage: 'Schriftelijk beoordeeld', average: 6.09, rank: 2 },
      { dossier: 'K-2', stage: 'Pitch gepland', average: 9, rank: 1 },
      // Not in the tracker.
      null,
    ]);
  });

  it('gives nothing without a tracker', () => {
    expect(candidacyTracking(region, { kandidatuur: [candidacy(A)] }, null)).toEqual([null]);
  });
});
