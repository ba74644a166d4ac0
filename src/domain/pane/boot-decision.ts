import { t } from '../messages.js';

// Where the task pane may start. Inside Office the pane runs on the open workbook or not at all:
// preview mode there would work on an empty workbook in memory and lose what the user types.

export interface BootSignals {
  /** The page's query string and hash: Office opens the pane with `_host_Info` in its URL. */
  search: string;
  hash: string;
  /** What office.js kept of it for the page's later loads: sessionStorage's `hostInfoValue`. */
  stored: string | null;
  /** Whether office.js loaded and, if so, the host Office.onReady reported (null outside Office). */
  office: { loaded: false } | { loaded: true; host: string | null };
}

export type BootDecision =
  { mode: 'office' } | { mode: 'preview'; example: boolean } | { mode: 'refused'; message: string };

export function bootDecision(signals: BootSignals): BootDecision {
  const host = signals.office.loaded ? signals.office.host : null;
  if (host === 'Excel') return { mode: 'office' };
  if (host !== null) return { mode: 'refused', message: t('pane.office-not-excel', { host }) };
  if (openedByOffice(signals)) return { mode: 'refused', message: t('pane.office-failed') };
  const example = new URLSearchParams(signals.search).get('preview') === 'example';
  return { mode: 'preview', example };
}

function openedByOffice({ search, hash, stored }: BootSignals): boolean {
  return `${search}${hash}`.toLowerCase().includes('_host_info=') || Boolean(stored?.trim());
}
