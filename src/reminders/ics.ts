import { TZDate } from '@date-fns/tz';
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import { t, type MessageKey } from '../domain/messages.js';
import type { Region } from '../domain/region/schema.js';
import type { CalendarEntry } from '../domain/reminders/calendar.js';
import { vtimezone } from './vtimezone.js';

// The iCalendar file (RFC 5545) for Outlook and Google Calendar: a VTIMEZONE for the region's
// zone; a milestone given as a date is an all-day event (DTSTART;VALUE=DATE, DTEND the day after
// its last day) with one alarm at 09:00 the day before (15 hours before its 00:00 start: Outlook
// and Google read a relative trigger of an all-day event from local midnight); a timed event
// (the deadline at 23:59, a pitch, a candidacy's rebuttal deadline) is in the region's zone
// (DTSTART;TZID=Europe/Brussels:…) with two alarms, a day and an hour before; a deadline has no
// DTEND (a moment, RFC 5545 §3.6.1). UIDs derive from the entries' stable ids, so a re-import
// updates the events instead of duplicating them.

const DAY_SECONDS = 86_400;
const HOUR_SECONDS = 3_600;
/** 00:00 minus 15 hours: 09:00 on the day before. */
const ALL_DAY_ALARM_SECONDS = 15 * HOUR_SECONDS;

/** A UID from a stable id: the same id gives the same UID in every export. */
export function uidOf(region: Region, id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe}@${region.id}.partnerschap`;
}

export interface IcsOptions {
  /** DTSTAMP of every event: when the export was made. */
  stamp: Date;
  /**
   * A meeting request (METHOD:REQUEST) to one attendee instead of a published calendar: the
   * coordinator organises, SEQUENCE counts the revisions, so a moved pitch replaces the event.
   */
  invitation?: { attendee: string; sequence: number };
}

export function calendarIcs(
  region: Region,
  entries: readonly CalendarEntry[],
  o: IcsOptions,
): string {
  const zone = region.timeZone;
  const cal = ical({
    name: t('reminders.ics.calendar', { region: region.name }),
    prodId: { company: 'Partnerschap', product: 'Herinneringen', language: 'NL' },
    timezone: { name: zone, generator: vtimezone },
    ...(o.invitation ? { method: ICalCalendarMethod.REQUEST } : {}),
  });
  const { contact, email } = region.coordinator;
  for (const e of entries) {
    const event = cal.createEvent({
      id: uidOf(region, e.id),
      allDay: e.allDay,
      start: new TZDate(e.start.getTime(), zone),
      end: e.end === null ? null : new TZDate(e.end.getTime(), zone),
      timezone: zone,
      summary: e.title,
      description: e.description,
      stamp: o.stamp,
      ...(o.invitation
        ? {
            organizer: { name: contact, email },
            attendees: [{ email: o.invitation.attendee, rsvp: true }],
            sequence: o.invitation.sequence,
          }
        : {}),
    });
    const alarms: [number, MessageKey][] = e.allDay
      ? [[ALL_DAY_ALARM_SECONDS, 'reminders.ics.alarm-day']]
      : [
          [DAY_SECONDS, 'reminders.ics.alarm-day'],
          [HOUR_SECONDS, 'reminders.ics.alarm-hour'],
        ];
    for (const [trigger, key] of alarms) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger,
        description: t(key, { title: e.title }),
      });
    }
  }
  // ical-generator writes DTSTAMP in the calendar's zone without a TZID; RFC 5545 wants UTC.
  return cal.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${utcStamp(o.stamp)}`);
}

function utcStamp(d: Date): string {
  return `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}
