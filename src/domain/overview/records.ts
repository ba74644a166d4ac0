import { columnEntries, type Column } from '../columns.js';
import {
  aanbodLayout,
  kandidatuurLayout,
  noodLayout,
  personaLayout,
  type AnyLayout,
  type ReadOfLayout,
} from '../layouts.js';
import type { Region } from '../region/schema.js';
import { LIST_SEPARATOR } from '../rows.js';
import { formatDate, formatDateTime } from '../time.js';
import { sheetOf, takenOf, type ValidationResult } from '../validate.js';
import { municipalityOf } from './municipality.js';
import type { OverviewRecords, RefusedEntry } from './model.js';
import type { SourceInput } from './sources.js';

// Every row of every readable source ends here: taken rows in the record sheets, refused rows in
// Afgewezen rijen. Sources arrive sorted; rows keep their sheet order.

/** Longest summary of a refused row's values; the file itself has the rest. */
const MAX_SUMMARY = 1000;
const FIELD_SEPARATOR = ' | ';

/** The validation of a readable source; null for a file that could not be read. */
export function resultOf(source: SourceInput): ValidationResult | null {
  return source.outcome.ok ? source.outcome.result : null;
}

export function collectRecords(region: Region, sources: readonly SourceInput[]): OverviewRecords {
  const records: OverviewRecords = { persona: [], nood: [], aanbod: [], kandidatuur: [] };
  for (const source of sources) {
    const result = resultOf(source);
    if (result === null) continue;
    const gemeente = municipalityOf(region.municipalities, result);
    const sourced = <L extends AnyLayout>(layout: L, place: string | null) =>
      [...takenOf(result, layout)]
        .sort((a, b) => a.row - b.row)
        .map((r) => ({
          source: source.path,
          sheet: sheetName(result, layout),
          row: r.row,
          gemeente: place,
          record: r.record,
        }));
    records.persona.push(...sourced(personaLayout, gemeente));
    records.nood.push(...sourced(noodLayout, gemeente));
    records.aanbod.push(...sourced(aanbodLayout, null));
    records.kandidatuur.push(...sourced(kandidatuurLayout, null));
  }
  return records;
}

/** Personas are found by their workbook and ID: needs refer to personas of their own file. */
export const personaKey = (source: string, id: string) => `${source}\u0000${id}`;

/**
 * The records that count in the figures (Overzicht, Dekking, Hiaten): a need counts only with a
 * persona of its own workbook that was taken. The needs of a refused persona stay listed.
 */
export function countedRecords(records: OverviewRecords): OverviewRecords {
  const personas = new Set(records.persona.map((p) => personaKey(p.source, p.record.id)));
  const nood = records.nood.filter((n) => personas.has(personaKey(n.source, n.record.persona)));
  return { ...records, nood };
}

function sheetName(result: ValidationResult, layout: AnyLayout): string {
  return sheetOf(result, layout)?.sheet ?? layout.sheet;
}

export function collectRefused(sources: readonly SourceInput[]): RefusedEntry[] {
  const refused: RefusedEntry[] = [];
  for (const source of sources) {
    for (const sheet of resultOf(source)?.sheets ?? []) {
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
export function summarise<L extends AnyLayout>(layout: L, record: ReadOfLayout<L>): string {
  const parts: string[] = [];
  const values = record as Record<string, unknown>;
  for (const [field, column] of columnEntries(layout.columns)) {
    const shown = showValue(values[field], column);
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
