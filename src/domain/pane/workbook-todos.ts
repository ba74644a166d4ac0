import { a1 } from '../address.js';
import type { RawSheet, RawWorkbook } from '../cells.js';
import { findSheet } from '../detect-kind.js';
import { foldText } from '../fold.js';
import { countSeverity, issueCell, type Issue } from '../issue.js';
import { noodLayout, personaLayout } from '../layouts.js';
import { t } from '../messages.js';
import { setupState } from '../setup-state.js';
import { rowsOf, type ValidationResult } from '../validate.js';
import { copiedOffers } from './offer-inventory.js';
import { offerStatus } from './offer-status.js';
import type { Region } from '../region/schema.js';

// What a municipality's own workbook still lacks, as the pane read it: each item says what to do
// and, where there is one, the cell to go to. The Tijdlijn lists them above the call's steps.

export interface TodoItem {
  /** Dutch: what is missing and what to do about it. */
  text: string;
  /** The cell to select in Excel; null when the item is about no one cell. */
  cell: { sheet: string; address: string } | null;
}

export function workbookTodos(
  wb: RawWorkbook,
  result: ValidationResult,
  region: Region,
  day: Date,
): TodoItem[] {
  const setup = setupState(wb);
  if (setup.status === 'none') return [{ text: t('todo.set-up'), cell: null }];
  return [
    ...(setup.status === 'outdated' ? [{ text: t('todo.upgrade'), cell: null }] : []),
    ...(setup.meta.kind === 'gemeente' ? personaTodos(wb, result) : []),
    ...issueTodos(result.issues),
    ...(setup.meta.kind === 'gemeente' ? offerTodos(wb, region, day) : []),
  ];
}

/** No persona yet, or personas without a need: the heart of a gemeente workbook. */
function personaTodos(wb: RawWorkbook, result: ValidationResult): TodoItem[] {
  const sheet = findSheet(wb, personaLayout);
  if (sheet === null) return [];
  const idCell = (row: number) => ({ sheet: sheet.name, address: a1(idColumn(sheet), row) });
  const personas = rowsOf(result, personaLayout);
  if (personas.length === 0) return [{ text: t('todo.no-personas'), cell: idCell(2) }];
  const withNeeds = new Set(
    rowsOf(result, noodLayout).map(({ record }) => record.persona?.trim() ?? ''),
  );
  return personas
    .filter(({ record }) => record.id !== null && !withNeeds.has(record.id.trim()))
    .map(({ row, record }) => ({
      text: t('todo.no-needs', { id: record.id ?? '', who: personaLabel(record) }),
      cell: idCell(row),
    }));
}

function personaLabel(p: { id: string | null; naam: string | null }): string {
  return p.naam === null ? (p.id ?? '') : `${p.id ?? ''} (${p.naam})`;
}

function idColumn(sheet: RawSheet): number {
  const wanted = foldText(personaLayout.columns.id.header);
  return [...sheet.headers].find(([, header]) => foldText(header) === wanted)?.[0] ?? 1;
}

/** Empty required cells, then the check's other findings, each with its first cell. */
function issueTodos(issues: readonly Issue[]): TodoItem[] {
  const empty = issues.filter((i) => i.code === 'required' && i.severity === 'error');
  const others = issues.filter((i) => !empty.includes(i) && i.severity !== 'info');
  const items: TodoItem[] = [];
  if (empty.length > 0) items.push(firstOf(empty, t('todo.required', { n: empty.length })));
  if (others.length > 0) items.push(firstOf(others, t('todo.issues', { found: found(others) })));
  return items;
}

/** "2 fouten", "1 waarschuwing", "1 fout en 2 waarschuwingen". */
function found(issues: readonly Issue[]): string {
  const errors = countSeverity(issues, 'error');
  const warnings = countSeverity(issues, 'warning');
  const parts = [
    ...(errors > 0 ? [t('todo.errors', { n: errors })] : []),
    ...(warnings > 0 ? [t('todo.warnings', { n: warnings })] : []),
  ];
  return parts.length === 2 ? t('todo.and', { a: parts[0]!, b: parts[1]! }) : parts[0]!;
}

/** The item pointing at the first of the issues that has a cell, naming it. */
function firstOf(issues: readonly Issue[], text: string): TodoItem {
  const first = issues.find((i) => i.sheet !== null && issueCell(i) !== null);
  if (first === undefined) return { text, cell: null };
  const cell = { sheet: first.sheet!, address: issueCell(first)! };
  return { text: `${text} ${t('todo.first', { where: `${cell.sheet}!${cell.address}` })}`, cell };
}

/** Offers never loaded, or loaded long ago: Dekking and Passend aanbod depend on them. */
function offerTodos(wb: RawWorkbook, region: Region, day: Date): TodoItem[] {
  const status = offerStatus(wb.meta, copiedOffers(wb, region).length, day);
  if (!status.loaded) return [{ text: t('todo.offers-not-loaded'), cell: null }];
  if (!status.old) return [];
  return [
    {
      text: t('todo.offers-old', { days: status.daysOld ?? 0, date: status.loadedOn ?? '?' }),
      cell: null,
    },
  ];
}
