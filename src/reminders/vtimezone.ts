// A VTIMEZONE (RFC 5545 §3.6.5) for ical-generator's `timezone.generator`. Zones that follow the
// EU rule (summer time from the last Sunday of March to the last Sunday of October, switching
// at 01:00 UTC) get the two yearly rules Outlook and Google Calendar write themselves
// (Europe/Brussels: CET +0100 / CEST +0200); zones without summer time get one STANDARD part.
// Offsets and names come from the platform's time-zone data (Intl), not from a table.

const HOUR = 3_600_000;

/** The zone's UTC offset in minutes at an instant. */
export function offsetMinutes(zone: string, instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function abbreviation(zone: string, instant: Date, offset: number): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name && !name.startsWith('GMT') ? name : formatOffset(offset);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** The last Sunday of a month (0-based) of a year, at 01:00 UTC. */
function lastSundayOneUtc(year: number, month: number): Date {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return new Date(last.getTime() - last.getUTCDay() * 24 * HOUR);
}

function followsEuRule(zone: string, winter: number, summer: number): boolean {
  for (const year of [2022, 2023, 2024, 2025]) {
    for (const [month, before, after] of [
      [2, winter, summer],
      [9, summer, winter],
    ] as const) {
      const at = lastSundayOneUtc(year, month);
      const justBefore = offsetMinutes(zone, new Date(at.getTime() - 1000));
      if (justBefore !== before || offsetMinutes(zone, at) !== after) return false;
    }
  }
  return true;
}

/** The local reading (yyyymmddThhmmss) of a UTC instant shifted by an offset. */
function local(instant: Date, offset: number): string {
  return new Date(instant.getTime() + offset * 60_000)
    .toISOString()
    .replace(/[-:]/g, '')
    .slice(0, 15);
}

/** The VTIMEZONE text of a zone, CRLF-separated, or null for a zone it cannot describe. */
export function vtimezone(zone: string): string | null {
  const winterAt = new Date(Date.UTC(2023, 0, 15));
  const summerAt = new Date(Date.UTC(2023, 6, 15));
  const winter = offsetMinutes(zone, winterAt);
  const summer = offsetMinutes(zone, summerAt);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  if (winter === summer) {
    lines.push(
      'BEGIN:STANDARD',
      `TZOFFSETFROM:${formatOffset(winter)}`,
      `TZOFFSETTO:${formatOffset(winter)}`,
      `TZNAME:${abbreviation(zone, winterAt, winter)}`,
      'DTSTART:19700101T000000',
      'END:STANDARD',
    );
  } else if (followsEuRule(zone, winter, summer)) {
    lines.push(
      'BEGIN:DAYLIGHT',
      `TZOFFSETFROM:${formatOffset(winter)}`,
      `TZOFFSETTO:${formatOffset(summer)}`,
      `TZNAME:${abbreviation(zone, summerAt, summer)}`,
      `DTSTART:${local(lastSundayOneUtc(1970, 2), winter)}`,
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      `TZOFFSETFROM:${formatOffset(summer)}`,
      `TZOFFSETTO:${formatOffset(winter)}`,
      `TZNAME:${abbreviation(zone, winterAt, winter)}`,
      `DTSTART:${local(lastSundayOneUtc(1970, 9), summer)}`,
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
    );
  } else {
    return null;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
