import type { Column } from '../columns.js';
import type { AnyLayout } from '../layouts.js';
import type { Region } from '../region/schema.js';
import { LIST_SEPARATOR } from '../rows.js';
import { formatDate, formatDateTime } from '../time.js';
import type { SheetOutcome } from '../validate.js';
import { canonicalMunicipality } from './fields.js';
import {
  RECORD_LAYOUTS,
  type RecordLayoutId,
  type RefusedEntry,
  type SourcedRecord,
} from './model.js';
import type { SourceInput } from './sources.js';

// Every row of every readable source ends here: taken rows in the record sheets, refused rows in
// Afgewezen rijen. Sources arrive sorted; rows keep their sheet order.

/** Longest summary of a refused row's values; the file itself has the rest. */
const MAX_SUMMARY = 1000;
const FIELD_SEPARATOR = ' | ';

export function isRecordLayout(id: string): id is RecordLayoutId {
  return (RECORD_LAYOUTS as readonly string[]).includes(id);
}

/** The sheets of the readable sources, checked: rows read = rows taken + rows refused. */
export function sheetsOf(source: SourceInput): SheetOutcome[] {
  if (!source.outcome.ok) return [];
  const sheets = source.outcome.result.sheets;
  for (const s of sheets) {
    if (s.rowsRead !== s.taken.length + s.refused.length) {
      throw new Error(
        `${source.path} ${s.sheet}: ${s.rowsRead} rows read but ${s.taken.length} taken and ${s.refused.length} refused`,
      );
    }
    // The tracker's sheets are counted under Bronnen; buildOverview keeps them out of the records.
    const tracker = source.outcome.result.meta?.kind === 'opvolging';
    if (!tracker && !isRecordLayout(s.layout.id)) {
      throw new Error(`${source.path} ${s.sheet}: layout ${s.layout.id} is not an input sheet`);
    }
  }
  return sheets;
}

export function collectRecords(
  region: Region,
  sources: readonly SourceInput[],
): Record<RecordLayoutId, SourcedRecord[]> {
  const records: Record<RecordLayoutId, SourcedRecord[]> = {
    persona: [],
    nood: [],
    aanbod: [],
    kandidatuur: [],
  };
  for (const source of sources) {
    const owner = source.outcome.ok ? (source.outcome.result.meta?.owner ?? '') : '';
    const isGemeente = source.outcome.ok && source.outcome.result.meta?.kind === 'gemeente';
    const gemeente = isGemeente
      ? (canonicalMunicipality(region.municipalities, owner) ?? (owner.trim() || null))
      : null;
    for (const sheet of sheetsOf(source)) {
      const id = sheet.layout.id as RecordLayoutId;
      const withPlace = id === 'persona' || id === 'nood';
      for (const row of [...sheet.taken].sort((a, b) => a.row - b.row)) {
        records[id].push({
          source: source.path,
          sheet: sheet.sheet,
          row: row.row,
          gemeente: withPlace ? gemeente : null,
          record: row.record,
        });
      }
    }
  }
  return records;
}

export function collectRefused(sources: readonly SourceInput[]): RefusedEntry[] {
  const refused: RefusedEntry[] = [];
  for (const source of sources) {
    for (const sheet of sheetsOf(source)) {
      for (const row of [...sheet.refused].sort((a, b) => a.row - b.row)) {
        refused.push({
          source: source.path,
          sheet: sheet.sheet,
          row: row.row,
          reasons: [...row.reasons],
          values: summarise(sheet.layout, row.record),
        });
      }
    }
  }
  return refused;
}

/** "Header: value | Header: value" of what could be read (personal data is masked on reading). */
export function summarise(layout: AnyLayout, record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [field, column] of Object.entries(layout.columns) as [string, Column][]) {
    const shown = showValue(record[field], column);
    if (shown !== null) parts.push(`${column.header}: ${shown}`);
  }
  const text = parts.join(FIELD_SEPARATOR);
  return text.length <= MAX_SUMMARY ? text : `${text.slice(0, MAX_SUMMARY - 1)}…`;
}

function showValue(v: unknown, column: Column): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) {
    const items = v.map((x) => showValue(x, column)).filter((x) => x !== null);
    return items.length === 0 ? null : items.join(LIST_SEPARATOR);
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    return column.type === 'datetime' ? formatDateTime(v) : formatDate(v);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? dutchNumber(v) : null;
  const text = typeof v === 'string' ? v : String(v);
  return text;
}

/** A number as Dutch readers write it: 3,5. */
export function dutchNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** The text with every finding of the privacy guard replaced by a marker. */
