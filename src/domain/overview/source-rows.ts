import { t } from '../messages.js';
import type { Issue } from '../validate.js';
import type { SourceRow, Totals } from './model.js';
import { sheetsOf } from './records.js';
import type { SourceInput } from './sources.js';

// Bronnen: every source file with its checksum, its rows read, taken and refused, and the
// messages a person needs beside the refused rows: why a file could not be read, or the issues
// of a readable one that no refused row shows (missing sheets or columns, warnings).

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
        messages: [s.outcome.message],
      };
    }
    const r = s.outcome.result;
    const sheets = sheetsOf(s);
    return {
      ...base,
      read: true,
      kind: r.meta?.kind ?? null,
      owner: r.meta?.owner ?? null,
      rowsRead: sheets.reduce((n, x) => n + x.rowsRead, 0),
      rowsTaken: sheets.reduce((n, x) => n + x.taken.length, 0),
      rowsRefused: sheets.reduce((n, x) => n + x.refused.length, 0),
      errors: r.issues.filter((i) => i.severity === 'error').length,
      warnings: r.issues.filter((i) => i.severity === 'warning').length,
      messages: r.issues.filter((i) => i.severity === 'warning' || i.cell === null).map(issueText),
    };
  });
}

/** "waarschuwing in Kandidatuur!N2: …" */
export function issueText(i: Issue): string {
  const severity = t(`severity.${i.severity}`);
  const where = i.sheet === null ? null : i.cell === null ? i.sheet : `${i.sheet}!${i.cell}`;
  return where === null
    ? t('overview.issue', { severity, message: i.message })
    : t('overview.issue-at', { severity, where, message: i.message });
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
