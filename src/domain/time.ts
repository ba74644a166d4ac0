import { TZDate } from '@date-fns/tz';

// Deadlines are wall-clock times in the region's zone (Europe/Brussels). A spreadsheet keeps
// wall-clock readings without a zone, so they travel as Dates whose UTC fields hold the reading;
// these functions convert between that and real instants.

/** "2023-06-09T23:59" (or a date alone) as a wall-clock Date with the reading in its UTC fields. */
export function parseLocal(local: string): Date {
  const [date, time = '00:00'] = local.split('T') as [string, string?];
  return new Date(`${date}T${time}:00.000Z`);
}

// The same deadlines recur on every row of a tracker: TZDate's zone arithmetic (~0.1 s of a sync
// at --scale 40) is done once per reading and zone. Bounded, emptied when full.
const instants = new Map<string, number>();
const KEPT_INSTANTS = 4096;

/** The instant at which a wall-clock reading happens in the given zone. */
export function wallClockToInstant(wallClock: Date, zone: string): Date {
  const key = `${zone} ${wallClock.getTime()}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size >= KEPT_INSTANTS) instants.clear();
    instant = zoneInstant(wallClock, zone);
    instants.set(key, instant);
  }
  return new Date(instant);
}

function zoneInstant(wallClock: Date, zone: string): number {
  const d = new TZDate(
    wallClock.getUTCFullYear(),
    wallClock.getUTCMonth(),
    wallClock.getUTCDate(),
    wallClock.getUTCHours(),
    wallClock.getUTCMinutes(),
    wallClock.getUTCSeconds(),
    zone,
  );
  return d.getTime();
}

/** The wall-clock reading of an instant in the given zone. */
export function instantToWallClock(instant: Date, zone: string): Date {
  const d = new TZDate(instant.getTime(), zone);
  return new Date(
    Date.UTC(
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getHours(),
      d.getMinutes(),
      d.getSeconds(),
    ),
  );
}

/** A date-only reading means the whole day: it ends at 23:59 that day. */
export function endOfDayIfDateOnly(local: string): string {
  return local.includes('T') ? local : `${local}T23:59`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/mm/jjjj of a wall-clock Date. */
export function formatDate(wallClock: Date): string {
  return `${pad(wallClock.getUTCDate())}/${pad(wallClock.getUTCMonth() + 1)}/${wallClock.getUTCFullYear()}`;
}

/** "jjjj-mm-dd uu.mm" of a wall-clock Date: sorts by time, and safe in a file name on Windows. */
export function fileStamp(wallClock: Date): string {
  const d = wallClock;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}`;
}

/** dd/mm/jjjj uu:mm of a wall-clock Date. */
export function formatDateTime(wallClock: Date): string {
  return `${formatDate(wallClock)} ${pad(wallClock.getUTCHours())}:${pad(wallClock.getUTCMinutes())}`;
}

/** Adds calendar days to a wall-clock Date (no zone: a day is a day, across DST too). */
export function addDays(wallClock: Date, days: number): Date {
  return new Date(wallClock.getTime() + days * 86_400_000);
}
