import { parseNumberText } from '../domain/typed-text.js';
import { t } from '../domain/messages.js';
import { DEFAULT_GAP_WAIT_WEEKS } from '../domain/overview/gaps.js';
import { UsageError } from './usage-error.js';

/** --wachttijd: weeks, 0 or more, "2,5" allowed; the default when not given. */
export function parseWeeks(value: string | undefined): number {
  if (value === undefined) return DEFAULT_GAP_WAIT_WEEKS;
  const n = parseNumberText(value.trim());
  if (n === null || n < 0) throw new UsageError(t('cli.overview-invalid-weeks', { value }));
  return n;
}
