import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { calendarEntries } from '../src/domain/reminders/index.js';
import { calendarIcs } from '../src/reminders/ics.js';
import { vtimezone } from '../src/reminders/vtimezone.js';
import { trackerRow, wall } from './helpers/reminders.js';

// The .ics read back by an independent parser (ical.js): instants through the VTIMEZONE, alarms,
// and the same UIDs across two exports.

const region = leieSchelde;
const tracker = {
  rows: [
    trackerRow('K01', { stadium: 'Pitch gepland', pitch: wall(2023, 6, 30, 14, 0) }),
    trackerRow('K02', {
      stadium: 'Beslissing gecommuniceerd',
      gecommuniceerdOp: wall(2023, 7, 20),
    }),
    trackerRow('K03', {
      stadium: 'Definitief',
      weerwoordTot: wall(2023, 7, 21, 23, 59),
      weerwoordOp: wall(2023, 7, 10),
    }),
  ],
  reviews: [],
};

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { cal, events };
}

const ics = (stamp: Date) => calendarIcs(region, calendarEntries(region, tracker), { stamp });

describe('the calendar file', () => {
  it('has a VTIMEZONE for Europe/Brussels with the CET and CEST rules', () => {
    const { cal } = parse(ics(new Date('2023-06-01T08:00:00Z')));
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe('Europe/Brussels');
    const daylight = tz.getFirstSubcomponent('daylight')!;
    const standard = tz.getFirstSubcomponent('standard')!;
    expect(daylight.getFirstPropertyValue('tzname')).toBe('CEST');
    expect(standard.getFirstPropertyValue('tzname')).toBe('CET');
    expect(String(daylight.getFirstPropertyValue('rrule'))).toBe(
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    );
    expect(String(standard.getFirstPropertyValue('rrule'))).toBe(
      'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    );
    // Winter and summer instants through the parsed zone.
    const zone = new ICAL.Timezone(tz);
    const winter = ICAL.Time.fromData({ year: 2024, month: 1, day: 15, hour: 12, minute: 0 }, zone);
    const summer = ICAL.Time.fromData({ year: 2024, month: 7, day: 15, hour: 12, minute: 0 }, zone);
    expect(winter.toJSDate().toISOString()).toBe('2024-01-15T11:00:00.000Z');
    expect(summer.toJSDate().toISOString()).toBe('2024-07-15T10:00:00.000Z');
    // The switch nights (last Sundays of March and October 2024).
    const beforeSpring = ICAL.Time.fromData(
      { year: 2024, month: 3, day: 31, hour: 1, minute: 59 },
      zone,
    );
    const afterSpring = ICAL.Time.fromData(
      { year: 2024, month: 3, day: 31, hour: 3, minute: 0 },
      zone,
    );
    expect(beforeSpring.toJSDate().toISOString()).toBe('2024-03-31T00:59:00.000Z');
    expect(afterSpring.toJSDate().toISOString()).toBe('2024-03-31T01:00:00.000Z');
    const afterAutumn = ICAL.Time.fromData(
      { year: 2024, month: 10, day: 27, hour: 4, minute: 0 },
      zone,
    );
    expect(afterAutumn.toJSDate().toISOString()).toBe('2024-10-27T03:00:00.000Z');
  });

  it('puts milestones and per-dossier deadlines at the right instants, with alarms', () => {
    const text = ics(new Date('2023-06-01T08:00:00Z'));
    const { events } = parse(text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const triggersOf = (e: ICAL.Event) =>
      e.component
        .getAllSubcomponents('valarm')
        .map((a) => (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds());
    // Only the deadline has a time: 23:59 Brussels, a moment (no DTEND), alarms a day and an hour before.
    const deadline = byUid.get('mijlpaal-deadline@leie-schelde.partnerschap')!;
    expect(deadline.startDate.zone?.tzid).toBe('Europe/Brussels');
    expect(deadline.startDate.isDate).toBe(false);
    expect(deadline.startDate.toJSDate().toISOString()).toBe('2023-06-09T21:59:00.000Z');
    expect(deadline.component.hasProperty('dtend')).toBe(false);
    expect(triggersOf(deadline)).toEqual([-86_400, -3_600]);
    // A span is one all-day event over its days, DTEND the day after the last (exclusive).
    const window = byUid.get('mijlpaal-beoordeling@leie-schelde.partnerschap')!;
    expect(window.startDate.isDate).toBe(true);
    expect(window.startDate.toString()).toBe('2023-06-12');
    expect(window.endDate.toString()).toBe('2023-06-24');
    expect(text).toContain('DTSTART;VALUE=DATE:20230612\r\nDTEND;VALUE=DATE:20230624\r\n');
    // A date is an all-day event, alarmed at 09:00 the day before, never at 22:29.
    for (const id of ['lancering', 'pitches', 'beslissing', 'weerwoord']) {
      const day = byUid.get(`mijlpaal-${id}@leie-schelde.partnerschap`)!;
      expect(day.startDate.isDate).toBe(true);
      expect(day.endDate.toJSDate().getTime() - day.startDate.toJSDate().getTime()).toBe(
        86_400_000,
      );
      expect(triggersOf(day)).toEqual([-15 * 3_600]);
    }
    expect(byUid.get('mijlpaal-pitches@leie-schelde.partnerschap')!.startDate.toString()).toBe(
      '2023-06-30',
    );
    const pitch = byUid.get('pitch-K01@leie-schelde.partnerschap')!;
    expect(pitch.startDate.toJSDate().toISOString()).toBe('2023-06-30T12:00:00.000Z');
    expect(pitch.summary).toBe('Pitch K01: Project K01');
    // The candidacy's own rebuttal deadline (communicated 20/07 + 14 days, 23:59), beside the
    // region's weerwoord day (21/07).
    const rebuttal = byUid.get('weerwoord-K02@leie-schelde.partnerschap')!;
    expect(rebuttal.startDate.toJSDate().toISOString()).toBe('2023-08-03T21:59:00.000Z');
    expect(rebuttal.startDate.zone?.tzid).toBe('Europe/Brussels');
    expect(rebuttal.summary).toBe('Einde weerwoordtermijn K02: Project K02');
    expect(byUid.has('weerwoord-K03@leie-schelde.partnerschap')).toBe(false);
    const alarms = rebuttal.component.getAllSubcomponents('valarm');
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    const triggers = alarms.map((a) =>
      (a.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(),
    );
    expect(triggers).toEqual([-86_400, -3_600]);
    expect(String(alarms[0]!.getFirstPropertyValue('description'))).toContain('Morgen');
    const stamp = deadline.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2023-06-01T08:00:00.000Z');
  });

  it('keeps the same UIDs across two exports', () => {
    const uids = (text: string) =>
      parse(text)
        .events.map((e) => e.uid)
        .sort();
    const first = uids(ics(new Date('2023-06-01T08:00:00Z')));
    const second = uids(ics(new Date('2023-07-15T08:00:00Z')));
    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(first.length);
    expect(first).toHaveLength(region.timeline.length + 2);
  });

  it('describes zones without summer time and refuses ones it cannot describe', () => {
    expect(vtimezone('UTC')).toContain('TZOFFSETTO:+0000');
    expect(vtimezone('Europe/Amsterdam')).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(vtimezone('America/New_York')).toBeNull();
  });
});
