import type { Issue } from '../issue.js';
import { countSeverity } from '../issue.js';
import { rowCounts } from '../validate.js';
import type { SourceRow, Totals } from './model.js';
import type { SourceInput } from './sources.js';

// Bronnen: every source file with its checksum, its rows read, taken and refused, and what a
// person needs beside the refused rows: why a file could not be read, or the issues of a readable
// one that no refused row shows (missing sheets or columns, warnings).

export function sourceRows(sources: readonly SourceInput[]): SourceRow[] {
  return sources.map((s) => {
    const base = { path: s.path, md5: s.md5, bytes: s.bytes };
    if (!s.outcome.ok) {
      return {
        ...base,
        read: false,
        kind: null,
        owner: null,
        rowsRead: 0,
        rowsTaken: 0,
        rowsRefused: 0,
        errors: 0,
        warnings: 0,
        refusal: s.outcome.refusal,
        issues: [],
      };
    }
    const r = s.outcome.result;
    const rows = rowCounts(r.sheets);
    return {
      ...base,
      read: true,
      kind: r.meta?.kind ?? null,
      owner: r.meta?.owner ?? null,
      rowsRead: rows.read,
      rowsTaken: rows.taken,
      rowsRefused: rows.refused,
      errors: countSeverity(r.issues, 'error'),
      warnings: countSeverity(r.issues, 'warning'),
      refusal: null,
      issues: r.issues.filter(notWithRefusedRow),
    };
  });
}

/** Errors on a row are shown with the refused row; everything else is shown with its file. */
function notWithRefusedRow(i: Issue): boolean {
  return i.severity !== 'error' || i.row === null;
}

export function totalsOf(rows: readonly SourceRow[]): Totals {
  return {
    files: rows.length,
    unreadable: rows.filter((r) => !r.read).length,
    rowsRead: rows.reduce((n, r) => n + r.rowsRead, 0),
    rowsTaken: rows.reduce((n, r) => n + r.rowsTaken, 0),
    rowsRefused: rows.reduce((n, r) => n + r.rowsRefused, 0),
  };
}
