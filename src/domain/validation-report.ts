import { countSeverity, issueCell, issueMessage, type Issue } from './issue.js';
import { t } from './messages.js';
import { refusalMessage, type Refusal } from './refusal-message.js';
import { rowCounts, type ValidationResult } from './validate.js';
import { appendTo } from './append-to.js';

// Validation outcomes for people (grouped per file and sheet, in Dutch) and for programs (JSON):
// what `partnerschap validate` prints and what the sync's feedback files say.

export type FileOutcome =
  | { file: string; ok: true; result: ValidationResult }
  | { file: string; ok: false; refusal: Refusal };

export interface Totals {
  files: number;
  refused: number;
  rows: number;
  taken: number;
  errors: number;
  warnings: number;
}

/** One file's part of the totals. */
export interface FileCounts {
  refused: number;
  rows: number;
  taken: number;
  errors: number;
  warnings: number;
}

/**
 * One file as the text report gives it, with its counts: made as soon as the file is validated,
 * so that `validate` of a large folder keeps these, not every file's records.
 */
export interface FileText {
  lines: string[];
  counts: FileCounts;
}

/** One file as the JSON report gives it, with its counts (see FileText). */
export interface FileJson {
  entry: object;
  counts: FileCounts;
}

export function totalsOf(files: readonly { counts: FileCounts }[]): Totals {
  const sum = (key: keyof FileCounts) => files.reduce((n, f) => n + f.counts[key], 0);
  return {
    files: files.length,
    refused: sum('refused'),
    rows: sum('rows'),
    taken: sum('taken'),
    errors: sum('errors'),
    warnings: sum('warnings'),
  };
}

function countsOf(o: FileOutcome): FileCounts {
  if (!o.ok) return { refused: 1, rows: 0, taken: 0, errors: 0, warnings: 0 };
  const rows = rowCounts(o.result.sheets);
  return {
    refused: 0,
    rows: rows.read,
    taken: rows.taken,
    errors: countSeverity(o.result.issues, 'error'),
    warnings: countSeverity(o.result.issues, 'warning'),
  };
}

export function textReport(outcomes: readonly FileOutcome[]): string[] {
  return textOf(outcomes.map(fileText));
}

export function fileText(o: FileOutcome): FileText {
  return { lines: fileLines(o), counts: countsOf(o) };
}

export function textOf(files: readonly FileText[]): string[] {
  return [...files.flatMap((f) => f.lines), t('out.totals', { ...totalsOf(files) })];
}

/** Whether a file has something to fix: it was refused, or it has errors or warnings. */
export function hasProblems(o: FileOutcome): boolean {
  return !o.ok || o.result.issues.some((i) => i.severity !== 'info');
}

function fileLines(o: FileOutcome): string[] {
  if (!o.ok) return [t('out.refused', { file: o.file, message: refusalMessage(o.refusal) })];
  const r = o.result;
  const kind = r.meta ? t(`kind.${r.meta.kind}`) : '?';
  const rows = rowCounts(r.sheets).read;
  const head = hasProblems(o)
    ? t('out.file-issues', {
        file: o.file,
        kind,
        rows,
        errors: countSeverity(r.issues, 'error'),
        warnings: countSeverity(r.issues, 'warning'),
      })
    : t('out.file-ok', { file: o.file, kind, rows });
  return [head, ...groupBySheet(r.issues).flatMap(([sheet, issues]) => sheetLines(sheet, issues))];
}

function groupBySheet(issues: readonly Issue[]): [string | null, Issue[]][] {
  const groups = new Map<string | null, Issue[]>();
  for (const i of issues) appendTo(groups, i.sheet, i);
  return [...groups];
}

function sheetLines(sheet: string | null, issues: readonly Issue[]): string[] {
  const lines = issues.map((i) => {
    const severity = t(`severity.${i.severity}`);
    const message = issueMessage(i);
    const cell = issueCell(i);
    if (cell !== null) return t('out.issue', { cell, field: i.header ?? '', severity, message });
    return i.header === null
      ? t('out.workbook-issue', { severity, message })
      : t('out.column-issue', { field: i.header, severity, message });
  });
  return sheet === null ? lines : [t('out.sheet', { sheet }), ...lines];
}

/** An issue for programs: the data, and its Dutch message. */
function issueJson(i: Issue) {
  return { ...i, cell: issueCell(i), message: issueMessage(i) };
}

export function jsonReport(outcomes: readonly FileOutcome[]): unknown {
  return jsonOf(outcomes.map(fileJson));
}

export function fileJson(o: FileOutcome): FileJson {
  return { entry: jsonEntry(o), counts: countsOf(o) };
}

export function jsonOf(files: readonly FileJson[]): unknown {
  return { files: files.map((f) => f.entry), totals: totalsOf(files) };
}

function jsonEntry(o: FileOutcome): object {
  if (!o.ok) {
    const unreadable = { ...o.refusal, message: refusalMessage(o.refusal) };
    return { file: o.file, unreadable };
  }
  const rows = rowCounts(o.result.sheets);
  return {
    file: o.file,
    kind: o.result.meta?.kind ?? null,
    owner: o.result.meta?.owner ?? null,
    rows: rows.read,
    taken: rows.taken,
    refused: rows.refused,
    issues: o.result.issues.map(issueJson),
  };
}
