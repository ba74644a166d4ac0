import { addDays } from '../domain/time.js';
import { utc } from './calendar.js';
import type { ExampleContext } from './context.js';
import type { ExampleFile } from './example-file.js';

// When each file of the example drive was last saved, so the overview's "Laatst bijgewerkt"
// differs per municipality as on a real drive: municipal and offer workbooks on a working day
// and hour in the five weeks before the deadline, a candidacy when its e-mail came in, the
// tracker a few weeks after the deadline (it follows the call). Wall-clock times (UTC fields),
// from a stream of their own, so no other part of the drive changes.

/** The first and last day before the deadline a workbook may have been saved. */
const FIRST_DAY = -35;
const LAST_DAY = -1;
const TRACKER_DAY = 27;

export function withSavedTimes(ctx: ExampleContext, files: readonly ExampleFile[]): ExampleFile[] {
  const r = ctx.rng('saved');
  const deadlineDay = utc(
    ctx.deadline.getUTCFullYear(),
    ctx.deadline.getUTCMonth() + 1,
    ctx.deadline.getUTCDate(),
  );
  return files.map((f) => {
    if (f.mail) return { ...f, modified: f.mail.received };
    if (f.kind === 'opvolging') {
      return { ...f, modified: addHours(addDays(deadlineDay, TRACKER_DAY), 16.75) };
    }
    let day = addDays(deadlineDay, r.int(FIRST_DAY, LAST_DAY));
    // A working day: Saturday and Sunday move to the Friday before.
    const weekday = day.getUTCDay();
    if (weekday === 6 || weekday === 0) day = addDays(day, weekday === 6 ? -1 : -2);
    return { ...f, modified: addHours(day, r.int(8, 17) + r.int(0, 59) / 60) };
  });
}

const addHours = (d: Date, hours: number): Date =>
  new Date(d.getTime() + Math.round(hours * 60) * 60_000);
