import { TZDate } from '@date-fns/tz';
import ical, { ICalAlarmType } from 'ical-generator';
import { t } from '../domain/messages.js';
import type { Region } from '../domain/region/schema.js';
import type { CalendarEntry } from '../domain/reminders/calendar.js';
import { vtimezone } from './vtimezone.js';

// The iCalendar file (RFC 5545) for Outlook and Google Calendar: a VTIMEZONE for the region's
// zone, every event in that zone (DTSTART;TZID=Europe/Brussels:…), two alarms (a day and an
// hour before), and UIDs derived from the entries' stable ids, so a re-import updates the events
// instead of duplicating them.

const DAY_SECONDS = 86_400;
const HOUR_SECONDS = 3_600;

/** A UID from a stable id: the same id gives the same UID in every export. */
export function uidOf(region: Region, id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe}@${region.id}.partnerschap`;
}

export interface IcsOptions {
  /** DTSTAMP of every event: when the export was made. */
  stamp: Date;
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
  });
  for (const e of entries) {
    const event = cal.createEvent({
      id: uidOf(region, e.id),
      start: new TZDate(e.start.getTime(), zone),
      end: new TZDate(e.end.getTime(), zone),
      timezone: zone,
      summary: e.title,
      description: e.description,
      stamp: o.stamp,
    });
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: DAY_SECONDS,
      description: t('reminders.ics.alarm-day', { title: e.title }),
    });
    event.createAlarm({
      type: ICalAlarmType.display,
      trigger: HOUR_SECONDS,
      description: t('reminders.ics.alarm-hour', { title: e.title }),
    });
  }
  // ical-generator writes DTSTAMP in the calendar's zone without a TZID; RFC 5545 wants UTC.
  return cal.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${utcStamp(o.stamp)}`);
}

function utcStamp(d: Date): string {
  return `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}
