import { t } from '../../domain/messages.js';
import { bootDecision, type BootSignals } from '../../domain/pane/boot-decision.js';
import { requirementsProblem } from '../../workbook/excel/requirements.js';
import { OfficeHost } from '../host/office-host.js';
import type { PreviewHost } from '../host/preview-host.js';

// Starts the pane where bootDecision says: inside Excel (Office.js), in a plain browser (preview
// mode on a workbook from disk, or the bundled example with ?preview=example), or not at all.

export const EXAMPLE_URL = 'voorbeeld/Gemeente Deinze.xlsx';
export const EXAMPLE_FILE = 'Gemeente Deinze.xlsx';
const BLANK_FILE = 'Nieuwe werkmap.xlsx';

export type Boot =
  | { mode: 'office'; host: OfficeHost }
  | { mode: 'preview'; host: PreviewHost }
  | { mode: 'refused'; message: string };

export async function boot(search: string, hash: string): Promise<Boot> {
  const decision = bootDecision({
    search,
    hash,
    stored: storedHostInfo(),
    office: await officeSignal(),
  });
  if (decision.mode === 'refused') return decision;
  if (decision.mode === 'office') {
    const problem = requirementsProblem(Office);
    return problem === null
      ? { mode: 'office', host: new OfficeHost() }
      : { mode: 'refused', message: problem };
  }
  return { mode: 'preview', host: await previewHost(decision.example) };
}

/** office.js keeps the host's info for reloads of the page (a link followed, F5) in sessionStorage. */
function storedHostInfo(): string | null {
  try {
    return sessionStorage.getItem('hostInfoValue');
  } catch {
    // Storage refused (a sandboxed frame, blocked cookies): the URL is the only sign left.
    return null;
  }
}

async function officeSignal(): Promise<BootSignals['office']> {
  if (typeof Office === 'undefined') return { loaded: false };
  const info = await Office.onReady();
  // HostType values are the hosts' names ("Excel", "Word", …).
  return { loaded: true, host: info.host ? String(info.host) : null };
}

// exceljs (most of the page's weight) is loaded only in preview mode, never inside Excel.
async function previewHost(example: boolean): Promise<PreviewHost> {
  const { PreviewHost } = await import('../host/preview-host.js');
  if (!example) return PreviewHost.blank(BLANK_FILE);
  const response = await fetch(EXAMPLE_URL);
  if (!response.ok) throw new Error(t('pane.example-missing', { url: EXAMPLE_URL }));
  return PreviewHost.open(await response.arrayBuffer(), EXAMPLE_FILE);
}

/** The moment the Tijdlijn view and reminders count from: now, or ?at=jjjj-mm-dd for demos. */
export function momentFrom(search: string, now: Date): Date {
  const at = new URLSearchParams(search).get('at');
  const parsed = at === null ? null : new Date(`${at}T12:00:00`);
  return parsed !== null && !Number.isNaN(parsed.getTime()) ? parsed : now;
}
