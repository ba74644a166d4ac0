import { coerce } from '../coerce.js';
import { intakeProblems, type Receipt, type Received } from '../intake.js';
import { issueMessage } from '../issue.js';
import type { Beoordeling } from '../layouts.js';
import { opvolgingLayout } from '../layouts.js';
import { t } from '../messages.js';
import type { Region } from '../region/schema.js';
import { LIST_SEPARATOR, type CellInput } from '../rows.js';
import { instantToWallClock } from '../time.js';
import { assignDossiers, codeOf, normaliseKey } from './dossier.js';
import type { RawTableRow } from './raw-table.js';
import { scoreDossiers } from './scores.js';
import { weerwoordTot } from './stage-rules.js';

// The tracker after a sync. Ownership is per column (the layout's bySync flag): the sync fills
// and refreshes its columns from the candidacy files and the Beoordelingen sheet; every other
// cell (the coordinator's columns and the columns the coordinator added) is kept exactly as it
// was read, valid or not. No row is ever deleted: a row whose candidacy file is gone stays, and
// its "Controle bij ontvangst" says so. New candidacies are appended with stadium "Ontvangen",
// in the order they were received. A receipt (partnerschap intake: the coordinator's own action)
// fills the received moment and subject of its candidacy's row, coordinator's cells though they are.

export interface ExistingTracker {
  /** The Opvolging rows as read: the raw cells by field, and the extra columns' cells. */
  rows: readonly RawTableRow[];
  /** Headers of the columns the coordinator added. */
  extraHeaders: readonly string[];
}

/** A candidacy row pulled in this run: what it says, its file, and its file's issues in Dutch. */
export interface CandidacyInput {
  record: {
    titel: string;
    trekker: string;
    copartners?: string | null;
    gemeenten?: readonly string[] | null;
  };
  path: string;
  /** The issues of the row and of its whole file, one Dutch line each. */
  issues: readonly string[];
  /** The gaps it fills, as the tracker's "Vult hiaten" shows them (absent: left as it was). */
  gaps?: string | null;
}

export interface MergedRow {
  /** Every layout field's cell, in layout order. */
  cells: Record<string, CellInput>;
  extra: CellInput[];
  /** The row it came from in the tracker as read; null for a new candidacy. */
  from: number | null;
  /** The coordinator's fields the merge filled in from a receipt: written like the sync's own. */
  filled: string[];
}

export interface MergedTracker {
  rows: MergedRow[];
  extraHeaders: string[];
  /** Dutch notes for the sync's report: duplicates, collisions, candidacies gone. */
  notes: string[];
  /** The drive paths of the receipts that were put into a row. */
  applied: string[];
}

const FIELDS = Object.keys(opvolgingLayout.columns);
const SYNC_FIELDS = FIELDS.filter(
  (f) => (opvolgingLayout.columns as Record<string, { bySync: boolean }>)[f]?.bySync,
);

const text = (v: CellInput | undefined): string =>
  v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v).trim();

export function mergeTracker(
  region: Region,
  existing: ExistingTracker,
  candidacies: readonly CandidacyInput[],
  reviews: readonly { row: number; record: Beoordeling }[],
  receipts: Readonly<Record<string, Receipt>> = {},
): MergedTracker {
  const notes: string[] = [];
  const applied: string[] = [];
  const rows: MergedRow[] = existing.rows.map((r) => ({
    cells: Object.fromEntries(FIELDS.map((f) => [f, r.cells[f] ?? null])),
    extra: existing.extraHeaders.map((_, i) => r.extra[i] ?? null),
    from: r.row,
    filled: [],
  }));
  const keyOf = (row: MergedRow) => normaliseKey(text(row.cells.trekker), text(row.cells.titel));
  const byCode = new Map<string, MergedRow>();
  const claimed = new Map<string, string>();
  for (const row of rows) {
    const code = text(row.cells.dossier);
    if (code === '' || byCode.has(code)) continue;
    byCode.set(code, row);
    // A code is its row's own when the row's lead partner and title give it (after a collision,
    // one of the next codes); a row whose texts were changed since does not claim its code.
    const base = code.replace(/-\d+$/, '');
    const key = keyOf(row);
    if (Array.from({ length: 8 }, (_, salt) => codeOf(key, salt)).includes(base)) {
      claimed.set(base, key);
    }
  }

  const sorted = [...candidacies].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const assigned = assignDossiers(
    sorted.map((c) => c.record),
    claimed,
  );
  const issuesOf = sorted.map((c) => [...c.issues]);
  for (const [i, first] of assigned.duplicates) {
    const params = { path: sorted[i]?.path ?? '', other: sorted[first]?.path ?? '' };
    notes.push(t('tracker.note.duplicate', params));
    issuesOf[i]?.unshift(t('tracker.intake.duplicate', params));
  }
  for (const [i, wanted] of assigned.collisions) {
    notes.push(
      t('tracker.note.collision', {
        path: sorted[i]?.path ?? '',
        code: assigned.codes[i] ?? '',
        wanted,
      }),
    );
  }

  const matched = new Set<MergedRow>();
  const added: { row: MergedRow; c: CandidacyInput }[] = [];
  sorted.forEach((c, i) => {
    const code = assigned.codes[i] as string;
    let row = byCode.get(code);
    if (row === undefined || matched.has(row)) {
      // A row the coordinator typed without a code, for the same lead partner and title.
      const key = normaliseKey(c.record.trekker, c.record.titel);
      row = rows.find((r) => !matched.has(r) && text(r.cells.dossier) === '' && keyOf(r) === key);
    }
    if (row === undefined) {
      row = {
        cells: Object.fromEntries(FIELDS.map((f) => [f, null])),
        extra: existing.extraHeaders.map(() => null),
        from: null,
        filled: [],
      };
      row.cells.stadium = 'Ontvangen';
      added.push({ row, c });
    }
    matched.add(row);
    row.cells.dossier = code;
    fromCandidacy(row, c);
    const receipt = receipts[c.path];
    if (receipt !== undefined) {
      fromReceipt(region, row, receipt);
      applied.push(c.path);
    }
    row.cells.intake = intakeText(region, row, issuesOf[i] ?? []);
  });
  added.sort((a, b) => compareArrival(a.row, b.row, a.c.path, b.c.path));

  for (const row of rows) {
    if (matched.has(row)) continue;
    const bron = text(row.cells.bron);
    if (bron !== '') {
      row.cells.intake = t('tracker.intake.gone', { path: bron });
      notes.push(t('tracker.note.gone', { path: bron, dossier: text(row.cells.dossier) }));
    } else if (text(row.cells.titel) !== '' || text(row.cells.dossier) !== '') {
      row.cells.intake = t('tracker.intake.no-file');
    }
    if (
      text(row.cells.dossier) === '' &&
      text(row.cells.titel) !== '' &&
      text(row.cells.trekker) !== ''
    ) {
      const key = keyOf(row);
      let salt = 0;
      let code = codeOf(key);
      while (
        [...rows, ...added.map((a) => a.row)].some(
          (r) => r !== row && text(r.cells.dossier) === code,
        )
      ) {
        code = codeOf(key, ++salt);
      }
      row.cells.dossier = code;
    }
  }

  const all = [...rows, ...added.map((a) => a.row)];
  refreshDerived(region, all, reviews);
  return { rows: all, extraHeaders: [...existing.extraHeaders], notes, applied };
}

function fromCandidacy(row: MergedRow, c: CandidacyInput): void {
  const r = c.record;
  row.cells.titel = r.titel;
  row.cells.trekker = r.trekker;
  row.cells.copartners = r.copartners ?? null;
  row.cells.gemeenten = r.gemeenten ? r.gemeenten.join(LIST_SEPARATOR) : null;
  row.cells.bron = c.path;
  if (c.gaps !== undefined) row.cells.hiaten = c.gaps;
}

/** The received moment (as the tracker keeps datetimes: Brussels wall clock) and the subject. */
function fromReceipt(region: Region, row: MergedRow, receipt: Receipt): void {
  const fill = (field: 'ontvangen' | 'onderwerp', value: Date | string) => {
    if (receipt.fillOnly && row.cells[field] !== null) return;
    row.cells[field] = value;
    row.filled.push(field);
  };
  fill('ontvangen', instantToWallClock(receipt.received, region.timeZone));
  fill('onderwerp', receipt.subject);
}

/** "Controle bij ontvangst": the file's issues and the receipt's problems, or "In orde.". */
function intakeText(region: Region, row: MergedRow, issues: readonly string[]): string {
  const received: Received = {
    ontvangen: receivedOf(row.cells.ontvangen),
    onderwerp: row.cells.onderwerp === null ? null : text(row.cells.onderwerp),
  };
  const header = (field: keyof Received) => opvolgingLayout.columns[field].header;
  const problems = intakeProblems(region, received).map(
    (p) => `${header(p.field)}: ${issueMessage(p)}`,
  );
  const lines = [...new Set([...issues, ...problems])];
  return lines.length === 0 ? t('tracker.intake.ok') : lines.join('\n');
}

/**
 * The received moment a tracker cell holds, read as its column's validation reads it. A number
 * there is a date serial the reader did not see as a date: the 1900 system, Excel's default.
 */
function receivedOf(cell: CellInput | undefined): Received['ontvangen'] {
  if (cell === null || cell === undefined || text(cell) === '') return null;
  if (cell instanceof Date) return cell;
  const value =
    typeof cell === 'number'
      ? { kind: 'number' as const, value: cell }
      : { kind: 'text' as const, value: cell };
  const parsed = coerce(value, opvolgingLayout.columns.ontvangen, {
    date1904: false,
    vocabulary: null,
  });
  return parsed.ok ? parsed.value : 'unreadable';
}

/** Earlier received first; rows without a received moment last; then by file. */
function compareArrival(a: MergedRow, b: MergedRow, pathA: string, pathB: string): number {
  const at = (r: MergedRow) =>
    r.cells.ontvangen instanceof Date ? r.cells.ontvangen.getTime() : Infinity;
  const x = at(a);
  const y = at(b);
  if (x !== y) return x < y ? -1 : 1;
  return pathA < pathB ? -1 : pathA > pathB ? 1 : 0;
}

/** The columns the sync computes from the tracker itself: average, rank, rebuttal deadline. */
function refreshDerived(
  region: Region,
  rows: MergedRow[],
  reviews: readonly { row: number; record: Beoordeling }[],
): void {
  const { byDossier } = scoreDossiers(region, reviews);
  for (const row of rows) {
    const score = byDossier.get(text(row.cells.dossier));
    row.cells.gemiddelde = score?.average ?? null;
    row.cells.rang = score?.rank ?? null;
    const communicated = row.cells.gecommuniceerdOp;
    row.cells.weerwoordTot =
      communicated instanceof Date ? weerwoordTot(region, communicated) : null;
  }
}

/** The fields the sync owns (the layout's bySync columns). */
export function syncFields(): readonly string[] {
  return SYNC_FIELDS;
}

/** A fingerprint of a tracker's content: equal content, equal fingerprint (dates to the second). */
export function trackerFingerprint(
  sheets: readonly {
    extraHeaders: readonly string[];
    rows: readonly { cells: Record<string, CellInput>; extra: readonly CellInput[] }[];
  }[],
  fields: readonly (readonly string[])[],
): string {
  const cell = (v: CellInput | undefined) =>
    v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
      ? null
      : v instanceof Date
        ? Math.round(v.getTime() / 1000)
        : typeof v === 'number'
          ? Math.round(v * 1e9) / 1e9
          : v;
  return JSON.stringify(
    sheets.map((s, i) => [
      s.extraHeaders,
      s.rows.map((r) => [...(fields[i] ?? []).map((f) => cell(r.cells[f])), ...r.extra.map(cell)]),
    ]),
  );
}
