import { parseDateText } from '../domain/typed-text.js';
import { t } from '../domain/messages.js';
import type { Region } from '../domain/region/schema.js';
import { wallClockToInstant } from '../domain/time.js';
import { UsageError } from './usage-error.js';

/** --at of reminders and sync: dd/mm/jjjj [uu:mm] on the region's wall clock, as an instant. */
export function parseAt(region: Region, value: string): Date {
  const wallClock = parseDateText(value.trim());
  if (wallClock === null) throw new UsageError(t('reminders.cli.invalid-at', { value }));
  return wallClockToInstant(wallClock, region.timeZone);
}
