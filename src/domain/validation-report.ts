import { countSeverity, issueCell, issueMessage, type Issue } from './issue.js';
import { t } from './messages.js';
import { refusalMessage, type Refusal } from './refusal-message.js';
import { rowCounts, type ValidationResult } from './validate.js';

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

export function totals(outcomes: readonly FileOutcome[]): Totals {
  const results = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  const rows = rowCounts(results.flatMap((r) => r.sheets));
  const issues = results.flatMap((r) => r.issues);
  return {
    files: outcomes.length,
    refused: outcomes.length - results.length,
    rows: rows.read,
    taken: rows.taken,
    errors: countSeverity(issues, 'error'),
    warnings: countSeverity(issues, 'warning'),
  };
}

export function textReport(outcomes: readonly FileOutcome[]): string[] {
  const lines = outcomes.flatMap(fileLines);
  lines.push(t('out.totals', { ...totals(outcomes) }));
  return lines;
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
  for (const i of issues) groups.set(i.sheet, [...(groups.get(i.sheet) ?? []), i]);
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
  return {
    files: outcomes.map((o) => {
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
    }),
    totals: totals(outcomes),
  };
}
