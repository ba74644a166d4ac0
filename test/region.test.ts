import { describe, expect, it } from 'vitest';
import { t } from '../src/domain/messages.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { parseRegion } from '../src/domain/region/parse.js';
import {
  milestoneDeadline,
  deadlineAfter,
  findMilestone,
  rebuttalDays,
} from '../src/domain/timeline.js';
import { weerwoordTot } from '../src/domain/tracker/stage-rules.js';
import {
  formatDateTime,
  instantToWallClock,
  parseLocal,
  wallClockToInstant,
} from '../src/domain/time.js';
import { vocabulariesOf } from '../src/domain/vocabularies.js';

describe('the default region, Leie & Schelde', () => {
  it('passes its own schema', () => {
    expect(parseRegion(leieSchelde)).toEqual({ ok: true, region: leieSchelde });
  });

  it('has the addendum’s nine municipalities, twelve problem areas and its timeline', () => {
    expect(leieSchelde.municipalities).toHaveLength(9);
    expect(leieSchelde.problemAreas).toHaveLength(12);
    expect(leieSchelde.problemAreas.every((p) => p.serviceTypes.length > 0)).toBe(true);
    expect(leieSchelde.timeline.map((m) => m.id)).toEqual([
      'lancering',
      'deadline',
      'beoordeling',
      'pitches',
      'beslissing',
      'weerwoord',
    ]);
    expect(leieSchelde.submission.subject).toBe('Indienen kandidatuur CB Leie en Schelde');
  });

  it('has no list value with a semicolon, which separates values in a cell', () => {
    const lists = Object.values(vocabulariesOf(leieSchelde)).flat();
    expect(lists.filter((v) => v.includes(';'))).toEqual([]);
  });
});

describe('a region file with mistakes', () => {
  it('gets Dutch errors that name each wrong field', () => {
    const wrong = {
      ...leieSchelde,
      timeZone: 'Europe/Bruxelles',
      municipalities: [],
      timeline: [{ ...leieSchelde.timeline[0], start: '9/06/2023' }],
    };
    const r = parseRegion(wrong);
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors.slice(0, 3)).toEqual([
      '  - timeZone: onbekende tijdzone',
      '  - municipalities: te klein of te kort (minstens 1)',
      '  - timeline.0.start: verwacht een datum als JJJJ-MM-DD of JJJJ-MM-DDTuu:mm',
    ]);
    // The five steps the reminders and the late check rely on are missing from this timeline.
    expect(errors.slice(3).map((e) => /id "([a-z]+)"/.exec(e)?.[1])).toEqual([
      'deadline',
      'beoordeling',
      'pitches',
      'beslissing',
      'weerwoord',
    ]);
  });

  it('refuses a timeline whose steps have other ids, instead of switching reminders off', () => {
    const renamed = {
      ...leieSchelde,
      timeline: leieSchelde.timeline.map((m) =>
        m.id === 'beoordeling' ? { ...m, id: 'assessment' } : m,
      ),
    };
    expect(parseRegion(renamed)).toEqual({
      ok: false,
      errors: [
        '  - timeline: de tijdlijn mist de stap met id "beoordeling" (de schriftelijke beoordeling): de herinneringen en de controle op laattijdige kandidaturen hebben die nodig',
      ],
    });
    const twice = { ...leieSchelde, timeline: [...leieSchelde.timeline, leieSchelde.timeline[1]] };
    expect(parseRegion(twice)).toEqual({
      ok: false,
      errors: ['  - timeline: de tijdlijn heeft meer dan één stap met id "deadline"'],
    });
    const counted = {
      ...leieSchelde,
      timeline: leieSchelde.timeline.map((m) =>
        m.id === 'weerwoord' ? { ...m, after: { milestone: 'pitches', days: 14 } } : m,
      ),
    };
    expect(
      parseRegion(counted).ok ? [] : (parseRegion(counted) as { errors: string[] }).errors,
    ).toEqual([
      '  - timeline: de stap "weerwoord" telt zijn dagen vanaf de stap "beslissing" (after.milestone)',
    ]);
  });

  it('has one default for the rebuttal days: 14 when the rebuttal step names none', () => {
    const unnamed = {
      ...leieSchelde,
      timeline: leieSchelde.timeline.map((m) => (m.id === 'weerwoord' ? { ...m, after: null } : m)),
    };
    const parsed = parseRegion(unnamed);
    expect(parsed.ok && rebuttalDays(parsed.region)).toBe(14);
    const seven = {
      ...leieSchelde,
      timeline: leieSchelde.timeline.map((m) =>
        m.id === 'weerwoord' ? { ...m, after: { milestone: 'beslissing', days: 7 } } : m,
      ),
    };
    const r = parseRegion(seven);
    expect(r.ok && rebuttalDays(r.region)).toBe(7);
    expect(r.ok && weerwoordTot(r.region, parseLocal('2023-07-07')).toISOString()).toBe(
      '2023-07-14T23:59:00.000Z',
    );
  });

  it('names a missing field', () => {
    const { coordinator: _, ...noCoordinator } = leieSchelde;
    const r = parseRegion(noCoordinator);
    expect(r.ok ? [] : r.errors).toEqual([
      '  - coordinator: verwacht een object; het veld ontbreekt of heeft een ander type',
    ]);
  });
});

describe('deadlines in Brussels time', () => {
  it('puts the candidacy deadline at 21:59 UTC (summer time)', () => {
    const deadline = milestoneDeadline(leieSchelde, findMilestone(leieSchelde, 'deadline')!);
    expect(deadline.toISOString()).toBe('2023-06-09T21:59:00.000Z');
  });

  it('uses winter time for a deadline in winter', () => {
    const winter = wallClockToInstant(parseLocal('2023-12-08T23:59'), 'Europe/Brussels');
    expect(winter.toISOString()).toBe('2023-12-08T22:59:00.000Z');
  });

  it('handles the nights the clocks change', () => {
    // 26 March 2023 02:00 → 03:00 and 29 October 2023 03:00 → 02:00 in Brussels.
    expect(
      wallClockToInstant(parseLocal('2023-03-26T01:59'), 'Europe/Brussels').toISOString(),
    ).toBe('2023-03-26T00:59:00.000Z');
    expect(
      wallClockToInstant(parseLocal('2023-03-26T03:00'), 'Europe/Brussels').toISOString(),
    ).toBe('2023-03-26T01:00:00.000Z');
    expect(
      wallClockToInstant(parseLocal('2023-10-29T04:00'), 'Europe/Brussels').toISOString(),
    ).toBe('2023-10-29T03:00:00.000Z');
  });

  it('tells 23:59 (on time) from 00:00 the next day (late)', () => {
    const deadline = milestoneDeadline(leieSchelde, findMilestone(leieSchelde, 'deadline')!);
    const at2359 = wallClockToInstant(parseLocal('2023-06-09T23:59'), 'Europe/Brussels');
    const at0000 = wallClockToInstant(parseLocal('2023-06-10T00:00'), 'Europe/Brussels');
    expect(at2359 <= deadline).toBe(true);
    expect(at0000 <= deadline).toBe(false);
  });

  it('shows an instant as Brussels wall-clock time', () => {
    const shown = instantToWallClock(new Date('2023-06-09T21:59:00Z'), 'Europe/Brussels');
    expect(formatDateTime(shown)).toBe('09/06/2023 23:59');
  });

  it('ends the rebuttal window 14 days after the decision, across a month end', () => {
    const end = deadlineAfter(parseLocal('2023-07-21'), 14, 'Europe/Brussels');
    expect(end.toISOString()).toBe('2023-08-04T21:59:00.000Z');
    expect(deadlineAfter(parseLocal('2023-07-07'), 14, 'Europe/Brussels').toISOString()).toBe(
      '2023-07-21T21:59:00.000Z',
    );
  });
});

describe('the message catalogue', () => {
  it('fills placeholders and chooses singular or plural after a number', () => {
    expect(t('out.totals', { files: 1, refused: 0, rows: 1, errors: 2, warnings: 0 })).toBe(
      'Totaal: 1 bestand (0 niet gelezen), 1 rij, 2 fouten, 0 waarschuwingen.',
    );
  });
});
