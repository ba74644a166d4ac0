import { describe, expect, it } from 'vitest';
import type { Region } from '../src/domain/region/schema.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import {
  daysBefore,
  digestLines,
  milestoneReminderStarts,
  rebuttalDeadline,
  remindersAt,
  severityOf,
  type Reminder,
  type ReminderInput,
  type TrackerRecord,
} from '../src/domain/reminders/index.js';
import { buildOverview } from '../src/domain/overview/index.js';
import { candidacy, day, kandidatuurSource } from './helpers/overview-sources.js';
import { brussels, review, trackerRow, wall } from './helpers/reminders.js';

const region = leieSchelde;
const none: ReminderInput = { tracker: null, candidacies: [] };
const ids = (rs: Reminder[]) => rs.map((r) => r.id);
const withTracker = (rows: TrackerRecord[], reviews = [review('X', 1)]): ReminderInput => ({
  tracker: { rows, reviews },
  candidacies: [],
});
const incomplete = kandidatuurSource('Partners/Kandidaturen/K1.xlsx', [
  candidacy('Samen sterk', 'Deinze', { samenvatting: null, trekker: 'CAW Oost-Vlaanderen' }),
]);
const complete = kandidatuurSource('Partners/Kandidaturen/K2.xlsx', [
  candidacy('Goed project', 'Zulte'),
]);

describe('milestone reminders (14, 7 and 1 days before)', () => {
  it('starts each reminder at the same wall-clock time N days before, nearest first', () => {
    // The deadline is vr 9/06/2023 23:59 Brussels (21:59 UTC).
    expect(ids(remindersAt(region, none, brussels(2023, 5, 26, 23, 58)))).not.toContain(
      'mijlpaal:deadline:14d',
    );
    const at14 = remindersAt(region, none, brussels(2023, 5, 26, 23, 59));
    expect(ids(at14)).toContain('mijlpaal:deadline:14d');
    const r = at14.find((x) => x.id === 'mijlpaal:deadline:14d')!;
    expect(r.dueAt.toISOString()).toBe('2023-06-09T21:59:00.000Z');
    expect(r.severity).toBe('upcoming');
    expect(r.who).toBe('coördinator');
    expect(r.dossier).toBeNull();
    expect(r.title).toContain('09/06/2023 23:59');
    const at7 = remindersAt(region, none, brussels(2023, 6, 3, 12));
    expect(ids(at7)).toContain('mijlpaal:deadline:7d');
    expect(ids(at7)).not.toContain('mijlpaal:deadline:14d');
    expect(at7.find((x) => x.id === 'mijlpaal:deadline:7d')!.severity).toBe('soon');
    expect(ids(remindersAt(region, none, brussels(2023, 6, 8, 23, 59)))).toContain(
      'mijlpaal:deadline:1d',
    );
  });

  it('shows a deadline at 23:59 until 23:59 and not from 00:00 the next day', () => {
    expect(ids(remindersAt(region, none, brussels(2023, 6, 9, 23, 58, 59)))).toContain(
      'mijlpaal:deadline:1d',
    );
    expect(ids(remindersAt(region, none, brussels(2023, 6, 9, 23, 59)))).not.toContain(
      'mijlpaal:deadline:1d',
    );
    expect(ids(remindersAt(region, none, brussels(2023, 6, 10, 0, 0)))).not.toContain(
      'mijlpaal:deadline:1d',
    );
    // A window (beoordeling 12–23/06) is reminded of before its start, at 00:00.
    const r = remindersAt(region, none, brussels(2023, 6, 11, 0, 0)).find((x) =>
      x.id.startsWith('mijlpaal:beoordeling:'),
    );
    expect(r?.dueAt.toISOString()).toBe('2023-06-11T22:00:00.000Z');
  });

  it('says what is left in calendar days: vandaag on the day, morgen the day before', () => {
    const title = (at: Date) =>
      remindersAt(region, none, at).find((x) => x.id === 'mijlpaal:deadline:1d')!.title;
    expect(title(brussels(2023, 6, 9, 0, 5))).toBe(
      'Deadline kandidaturen op 09/06/2023 23:59 (vandaag)',
    );
    expect(title(brussels(2023, 6, 9, 23, 30))).toContain('(vandaag)');
    expect(title(brussels(2023, 6, 8, 23, 59))).toContain('(morgen)');
    const at7 = remindersAt(region, none, brussels(2023, 6, 3, 12));
    expect(at7.find((x) => x.id === 'mijlpaal:deadline:7d')!.title).toContain('(over 6 dagen)');
  });

  it('reminds of a day on the day itself until 23:59, then the end of a span takes over', () => {
    const on = (at: Date) => remindersAt(region, none, at).filter((r) => r.kind === 'milestone');
    const pitches = on(brussels(2023, 6, 30, 10)).find((r) => r.id.startsWith('mijlpaal:pitches:'));
    expect(pitches?.title).toBe('Pitches en jury op 30/06/2023 (vandaag)');
    expect(pitches?.severity).toBe('soon');
    expect(on(brussels(2023, 7, 1, 0, 0)).some((r) => r.id.startsWith('mijlpaal:pitches:'))).toBe(
      false,
    );
    // The written assessment, 12–23/06: its start on 12/06, its end from 13/06.
    const first = on(brussels(2023, 6, 12, 9)).filter((r) =>
      r.id.startsWith('mijlpaal:beoordeling'),
    );
    expect(first.map((r) => r.title)).toEqual([
      'Beoordelen schriftelijke projectvoorstellen van 12/06/2023 tot 23/06/2023 (vandaag)',
    ]);
    const next = on(brussels(2023, 6, 13, 9)).filter((r) =>
      r.id.startsWith('mijlpaal:beoordeling'),
    );
    expect(next.map((r) => r.id)).toEqual(['mijlpaal:beoordeling:einde:14d']);
  });

  // One more step, long after the 2023 call, whose other steps are past by then.
  const dstRegion = (start: string): Region => ({
    ...region,
    timeline: [...region.timeline, { ...region.timeline[0]!, id: 'stap', start, end: null }],
  });
  const stapStarts = (r: Region) =>
    milestoneReminderStarts(r).filter((s) => s.milestone === 'stap');

  it('keeps the wall-clock time across the last Sunday of March', () => {
    // 5/04/2024 10:00 CEST = 08:00 UTC; 14 days before is 22/03/2024 10:00 CET = 09:00 UTC.
    const r = dstRegion('2024-04-05T10:00');
    const start = stapStarts(r).find((s) => s.days === 14)!;
    expect(start.due.toISOString()).toBe('2024-04-05T08:00:00.000Z');
    expect(start.from.toISOString()).toBe('2024-03-22T09:00:00.000Z');
    expect(ids(remindersAt(r, none, new Date('2024-03-22T08:59:59Z')))).toEqual([]);
    expect(ids(remindersAt(r, none, new Date('2024-03-22T09:00:00Z')))).toEqual([
      'mijlpaal:stap:14d',
    ]);
    // 1 day before, across the switch night itself (31/03/2024).
    const one = dstRegion('2024-04-01T01:30');
    expect(
      stapStarts(one)
        .find((s) => s.days === 1)!
        .from.toISOString(),
    ).toBe('2024-03-31T00:30:00.000Z');
  });

  it('keeps the wall-clock time across the last Sunday of October', () => {
    // 5/11/2023 10:00 CET = 09:00 UTC; 14 days before is 22/10/2023 10:00 CEST = 08:00 UTC.
    const r = dstRegion('2023-11-05T10:00');
    const start = stapStarts(r).find((s) => s.days === 14)!;
    expect(start.due.toISOString()).toBe('2023-11-05T09:00:00.000Z');
    expect(start.from.toISOString()).toBe('2023-10-22T08:00:00.000Z');
    expect(ids(remindersAt(r, none, new Date('2023-10-22T07:59:59Z')))).toEqual([]);
    expect(ids(remindersAt(r, none, new Date('2023-10-22T08:00:00Z')))).toEqual([
      'mijlpaal:stap:14d',
    ]);
    expect(daysBefore(new Date('2023-10-30T09:00:00Z'), 1, region.timeZone).toISOString()).toBe(
      '2023-10-29T09:00:00.000Z',
    );
  });

  it('counts 14 days back across a month end', () => {
    // A day is reminded of from 00:00: 5/07/2023 → 21/06/2023 00:00; 3/08/2023 09:00 → 20/07.
    const r = dstRegion('2023-07-05');
    expect(
      stapStarts(r)
        .find((s) => s.days === 14)!
        .from.toISOString(),
    ).toBe('2023-06-20T22:00:00.000Z');
    const aug = dstRegion('2023-08-03T09:00');
    expect(
      stapStarts(aug)
        .find((s) => s.days === 14)!
        .from.toISOString(),
    ).toBe('2023-07-20T07:00:00.000Z');
  });
});

describe('scores missing after the assessment window', () => {
  const after = brussels(2023, 6, 24, 0, 0);
  it('flags admissible candidacies without a score free of conflict, overdue after 23/06 23:59', () => {
    const rows = [
      trackerRow('K01'),
      trackerRow('K02', { stadium: 'Pitch gepland' }),
      trackerRow('K03'),
      trackerRow('K04', { stadium: 'Niet ontvankelijk' }),
      trackerRow('K05', { stadium: 'Ontvangen' }),
      trackerRow('K06'),
    ];
    const reviews = [review('K03', 7), review('K06', 9, true)];
    const rs = remindersAt(region, withTracker(rows, reviews), after).filter(
      (r) => r.kind === 'scores-missing',
    );
    expect(ids(rs)).toEqual(['scores:K01', 'scores:K02', 'scores:K06']);
    expect(rs.every((r) => r.severity === 'overdue' && r.who === 'jury')).toBe(true);
    expect(rs[0]!.dueAt.toISOString()).toBe('2023-06-23T21:59:00.000Z');
    expect(rs[0]!.dossier).toBe('K01');
    // At 23:59 itself the window has just closed; a minute before it is still due soon.
    const before = remindersAt(region, withTracker(rows, reviews), brussels(2023, 6, 23, 23, 58));
    expect(before.find((r) => r.id === 'scores:K01')?.severity).toBe('soon');
  });
});

describe('decision not communicated by the beslissing milestone', () => {
  it('is overdue from 8/07 00:00 for rows without a communication date', () => {
    const rows = [
      trackerRow('K01', { stadium: 'Jurybeslissing', beslissing: 'Goedgekeurd' }),
      trackerRow('K02', {
        stadium: 'Beslissing gecommuniceerd',
        gecommuniceerdOp: wall(2023, 7, 6),
      }),
      trackerRow('K03', { stadium: 'Niet ontvankelijk' }),
      trackerRow('K04', { stadium: 'Ontvangen' }),
    ];
    const at = brussels(2023, 7, 8, 0, 0);
    const all = remindersAt(region, withTracker(rows), at);
    const rs = all.filter((r) => r.kind === 'decision-not-communicated');
    expect(ids(rs)).toEqual(['beslissing:K01']);
    // Admissibility not decided: that one reminder, not a second about the decision.
    expect(ids(all.filter((r) => r.dossier === 'K04'))).toEqual(['ontvankelijkheid:K04']);
    expect(rs[0]!.severity).toBe('overdue');
    expect(rs[0]!.dueAt.toISOString()).toBe('2023-07-07T21:59:00.000Z');
    const onTime = remindersAt(region, withTracker(rows), brussels(2023, 7, 7, 23, 58));
    expect(onTime.find((r) => r.id === 'beslissing:K01')?.severity).toBe('soon');
  });
});

describe('rebuttal window closing', () => {
  const communicated = trackerRow('K01', {
    stadium: 'Beslissing gecommuniceerd',
    gecommuniceerdOp: wall(2023, 7, 20),
  });

  it('derives communicated + 14 days until 23:59, across the month end', () => {
    expect(rebuttalDeadline(region, communicated)?.toISOString()).toBe('2023-08-03T21:59:00.000Z');
    const typed = trackerRow('K02', { weerwoordTot: wall(2023, 8, 1, 12, 0) });
    expect(rebuttalDeadline(region, typed)?.toISOString()).toBe('2023-08-01T10:00:00.000Z');
  });

  it('warns within 3 days, then reminds to make the decision final', () => {
    const input = withTracker([communicated], [review('K01', 8)]);
    const kinds = (at: Date) =>
      remindersAt(region, input, at)
        .filter((r) => r.dossier === 'K01')
        .map((r) => `${r.kind}:${r.severity}`);
    expect(kinds(brussels(2023, 7, 31, 23, 58))).toEqual([]);
    expect(kinds(brussels(2023, 7, 31, 23, 59))).toEqual(['rebuttal-closing:soon']);
    expect(kinds(brussels(2023, 8, 3, 23, 58))).toEqual(['rebuttal-closing:soon']);
    expect(kinds(brussels(2023, 8, 4, 0, 0))).toEqual(['rebuttal-closed:overdue']);
  });

  it('once the rebuttal is received, asks for the final decision instead', () => {
    const received = {
      ...communicated,
      weerwoordOp: wall(2023, 7, 25),
      stadium: 'Weerwoord ontvangen',
    };
    const rs = remindersAt(
      region,
      withTracker([received], [review('K01', 6)]),
      brussels(2023, 8, 2),
    );
    // Due at the end of its own window (3/08 23:59), later than the region's step (21/07).
    expect(rs.map((r) => `${r.id}:${r.severity}`)).toEqual(['definitief:K01:soon']);
    expect(rs[0]!.title).toContain('weerwoord ontvangen, beslissing nog niet definitief');
    expect(rs[0]!.title).toContain('uiterlijk 03/08/2023 23:59');
    const final = { ...received, stadium: 'Definitief', definitiefOp: wall(2023, 8, 1) };
    expect(
      remindersAt(region, withTracker([final], [review('K01', 6)]), brussels(2023, 8, 2)),
    ).toEqual([]);
  });
});

describe('incomplete candidacies before the deadline', () => {
  it('reminds the lead partner of a candidacy with refused rows, until the deadline', () => {
    const input: ReminderInput = {
      tracker: { rows: [trackerRow('K07', { bron: incomplete.path })], reviews: [] },
      candidacies: [incomplete, complete],
    };
    const rs = remindersAt(region, input, brussels(2023, 6, 9, 23, 58)).filter(
      (r) => r.kind === 'candidacy-incomplete',
    );
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({
      id: 'onvolledig:Partners/Kandidaturen/K1.xlsx',
      who: 'trekker: CAW Oost-Vlaanderen',
      dossier: 'K07',
      severity: 'soon',
    });
    expect(rs[0]!.title).toContain('09/06/2023 23:59');
    const after = remindersAt(region, input, brussels(2023, 6, 10, 0, 0));
    expect(after.filter((r) => r.kind === 'candidacy-incomplete')).toEqual([]);
  });
});

describe('remindersAt', () => {
  it('orders overdue first, is deterministic, and groups the digest', () => {
    const rows = [
      trackerRow('K01', { stadium: 'Jurybeslissing' }),
      trackerRow('K02', {
        stadium: 'Beslissing gecommuniceerd',
        gecommuniceerdOp: wall(2023, 7, 7),
      }),
    ];
    const at = brussels(2023, 7, 19, 9, 0);
    const a = remindersAt(region, withTracker(rows), at);
    const b = remindersAt(region, withTracker([...rows].reverse()), at);
    expect(a).toEqual(b);
    expect(a.map((r) => r.severity)).toEqual([...a.map((r) => r.severity)].sort());
    const text = digestLines(region, a, at).join('\n');
    expect(text).toContain('Herinneringen Leie & Schelde op 19/07/2023 09:00');
    expect(text).toContain('Achterstallig');
    expect(text).toContain('Binnen 7 dagen');
    expect(text).toMatch(/07\/07\/2023 · coördinator · dossier K01 · /);
    expect(text).toMatch(/21\/07\/2023 23:59 · coördinator · dossier K02 · /);
    expect(digestLines(region, [], at).join('\n')).toContain('Niets te doen');
  });

  it('grades severity: overdue at the moment, soon within 7 days', () => {
    const due = new Date('2023-07-07T21:59:00Z');
    expect(severityOf(due, due)).toBe('overdue');
    expect(severityOf(due, new Date('2023-06-30T21:59:00Z'))).toBe('soon');
    expect(severityOf(due, new Date('2023-06-30T21:58:59Z'))).toBe('upcoming');
  });
});

describe('overview sheets data', () => {
  it('carries the timeline and the reminders as of the start of asOf, deterministically', () => {
    const options = { asOf: day(2023, 6, 9), gapWaitWeeks: 8 };
    const ov = buildOverview(region, [incomplete, complete], options);
    expect(ov.timeline.map((m) => m.id)).toEqual(region.timeline.map((m) => m.id));
    expect(ids(ov.reminders)).toContain('onvolledig:Partners/Kandidaturen/K1.xlsx');
    const tracker = { rows: [trackerRow('K01')], reviews: [] };
    const late = buildOverview(
      region,
      [incomplete],
      { ...options, asOf: day(2023, 6, 24) },
      tracker,
    );
    expect(ids(late.reminders)).toContain('scores:K01');
    const again = buildOverview(
      region,
      [incomplete],
      { ...options, asOf: new Date(Date.UTC(2023, 5, 24, 15)) },
      tracker,
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(late));
    // The tracker's reminders are part of what the fingerprint sees: without them it differs.
    const untracked = buildOverview(region, [incomplete], { ...options, asOf: day(2023, 6, 24) });
    expect(ids(untracked.reminders)).not.toContain('scores:K01');
    expect(JSON.stringify(untracked)).not.toBe(JSON.stringify(late));
  });
});
