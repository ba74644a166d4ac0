import { opvolgingLayout } from '../domain/layouts.js';
import { t } from '../domain/messages.js';
import type { Region } from '../domain/region/schema.js';
import { syncFields, trackerFingerprint, type MergedTracker } from '../domain/tracker/merge.js';
import type { RawTable } from '../domain/tracker/raw-table.js';
import type { CellInput } from '../domain/rows.js';
import type { CellEdit } from '../workbook/xlsx/patch-cells.js';
import type { TrackerRead } from './tracker-read.js';

// The tracker stage's last step: the new tracker's bytes. An existing tracker is patched: only
// the sync's own cells (the layout's bySync columns) and the cells a receipt filled of the rows
// read, and the rows appended for new candidacies, are written into the file as read; the coordinator's sheets, notes, links,
// formats, formulas and columns stay as they saved them. Only a drive without a tracker gets a
// new workbook, built from the layout.

export interface TrackerPatch {
  /** The new file's bytes, made only when asked (a dry run never makes them). */
  bytes: () => Promise<Buffer>;
  /** Dutch notes: columns the sync would fill that the tracker lacks, which it therefore leaves alone. */
  notes: string[];
}

const FIELDS = Object.keys(opvolgingLayout.columns);
const HEADERS = opvolgingLayout.columns as Record<string, { header: string }>;

export function trackerPatch(
  region: Region,
  read: TrackerRead | null,
  merged: MergedTracker,
): TrackerPatch {
  if (read === null) return { bytes: () => newTrackerBytes(region, merged), notes: [] };
  const { bytes: original, tables, sheetNames } = read;
  const table = tables.opvolging;
  const sheet = sheetNames.opvolging;
  // A tracker that could not be read is refused before the merge: never rebuilt over.
  if (original === null || table === undefined || sheet === undefined) {
    throw new Error('the tracker was read without its Opvolging sheet');
  }
  const missing = syncFields().filter((f) => !table.columns.has(f));
  const filled = new Set(merged.rows.flatMap((r) => r.filled));
  const unfilled = [...filled].filter((f) => !table.columns.has(f));
  const note = (key: 'column-missing' | 'receipt-column-missing') => (f: string) =>
    t(`tracker.note.${key}`, { path: read.path, header: HEADERS[f]?.header ?? f });
  const cells = trackerEdits(table, merged);
  return {
    // The zip library that patches is loaded only when the tracker is written (~70 ms).
    bytes: async () => {
      const { patchCells } = await import('../workbook/xlsx/patch-cells.js');
      return patchCells(original, [{ sheet, cells }]);
    },
    notes: [
      ...missing.map(note('column-missing')),
      ...unfilled.map(note('receipt-column-missing')),
    ],
  };
}

/**
 * The cells to write: the sync's columns and the cells a receipt filled where the merge changed
 * them in the rows read, and every filled cell of the rows appended under the last row.
 */
export function trackerEdits(table: RawTable, merged: MergedTracker): CellEdit[] {
  const edits: CellEdit[] = [];
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  let next = Math.max(1, ...table.rows.map((r) => r.row)) + 1;
  for (const row of merged.rows) {
    const was = row.from === null ? undefined : byRow.get(row.from);
    const at = row.from ?? next++;
    const fields = was === undefined ? FIELDS : [...syncFields(), ...row.filled];
    for (const field of fields) {
      const col = table.columns.get(field);
      const value = row.cells[field] ?? null;
      if (col === undefined || (was === undefined && value === null)) continue;
      if (was !== undefined && same(was.cells[field] ?? null, value)) continue;
      edits.push({ row: at, col, value });
    }
  }
  return edits;
}

/** Equal as the tracker's fingerprint sees cells (dates to the second, blanks alike). */
function same(a: CellInput, b: CellInput): boolean {
  const one = (v: CellInput) => ({ extraHeaders: [], rows: [{ cells: { v }, extra: [] }] });
  return trackerFingerprint([one(a)], [['v']]) === trackerFingerprint([one(b)], [['v']]);
}

/** A new tracker, built with exceljs: loaded only here, for a drive that has no tracker yet. */
async function newTrackerBytes(region: Region, merged: MergedTracker): Promise<Buffer> {
  const [{ buildWorkbook }, { workbookBytes }] = await Promise.all([
    import('../workbook/xlsx/build-workbook.js'),
    import('../workbook/xlsx/write-templates.js'),
  ]);
  const workbook = buildWorkbook({
    kind: 'opvolging',
    region,
    owner: '',
    rows: { [opvolgingLayout.id]: merged.rows.map((r) => r.cells) },
    extra: {
      [opvolgingLayout.id]: { headers: merged.extraHeaders, rows: merged.rows.map((r) => r.extra) },
    },
  });
  return workbookBytes(workbook);
}
