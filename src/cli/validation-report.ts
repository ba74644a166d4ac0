import { t } from '../domain/messages.js';
import type { Issue, ValidationResult } from '../domain/validate.js';

// Formats validation outcomes for people (grouped per file and sheet) and for programs (JSON).

export type FileOutcome =
  | { file: string; ok: true; result: ValidationResult }
  | { file: string; ok: false; code: string; message: string };

export interface Totals {
  files: number;
  refused: number;
  rows: number;
  taken: number;
  errors: number;
  warnings: number;
}

export function totals(outcomes: FileOutcome[]): Totals {
  const sum: Totals = {
    files: outcomes.length,
    refused: 0,
    rows: 0,
    taken: 0,
    errors: 0,
    warnings: 0,
  };
  for (const o of outcomes) {
    if (!o.ok) {
      sum.refused += 1;
      continue;
    }
    sum.rows += rowsRead(o.result);
    sum.taken += o.result.sheets.reduce((n, s) => n + s.taken.length, 0);
    sum.errors += count(o.result.issues, 'error');
    sum.warnings += count(o.result.issues, 'warning');
  }
  return sum;
}

const rowsRead = (r: ValidationResult) => r.sheets.reduce((n, s) => n + s.rowsRead, 0);
const count = (issues: Issue[], severity: Issue['severity']) =>
  issues.filter((i) => i.severity === severity).length;

export function textReport(outcomes: FileOutcome[]): string[] {
  const lines = outcomes.flatMap(fileLines);
  const sum = totals(outcomes);
  lines.push(t('out.totals', { ...sum }));
  return lines;
}

function fileLines(o: FileOutcome): string[] {
  if (!o.ok) return [t('out.refused', { file: o.file, message: o.message })];
  const r = o.result;
  const kind = r.meta ? t(`kind.${r.meta.kind}`) : '?';
  const rows = rowsRead(r);
  if (r.issues.length === 0) return [t('out.file-ok', { file: o.file, kind, rows })];
  const head = t('out.file-issues', {
    file: o.file,
    kind,
    rows,
    errors: count(r.issues, 'error'),
    warnings: count(r.issues, 'warning'),
  });
  return [head, ...groupBySheet(r.issues).flatMap(([sheet, issues]) => sheetLines(sheet, issues))];
}

function groupBySheet(issues: Issue[]): [string | null, Issue[]][] {
  const groups = new Map<string | null, Issue[]>();
  for (const i of issues) groups.set(i.sheet, [...(groups.get(i.sheet) ?? []), i]);
  return [...groups];
}

function sheetLines(sheet: string | null, issues: Issue[]): string[] {
  const lines = issues.map((i) => {
    const severity = t(`severity.${i.severity}`);
    return i.cell === null && i.field === null
      ? t('out.workbook-issue', { severity, message: i.message })
      : t('out.issue', { cell: i.cell ?? '', field: i.field ?? '', severity, message: i.message });
  });
  return sheet === null ? lines : [t('out.sheet', { sheet }), ...lines];
}

export function jsonReport(outcomes: FileOutcome[]): unknown {
  return {
    files: outcomes.map((o) =>
      o.ok
        ? {
            file: o.file,
            kind: o.result.meta?.kind ?? null,
            owner: o.result.meta?.owner ?? null,
            rows: rowsRead(o.result),
            taken: o.result.sheets.reduce((n, s) => n + s.taken.length, 0),
            refused: o.result.sheets.reduce((n, s) => n + s.refused.length, 0),
            issues: o.result.issues,
          }
        : { file: o.file, unreadable: { code: o.code, message: o.message } },
    ),
    totals: totals(outcomes),
  };
}
