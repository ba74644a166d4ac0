import { foldText } from '../fold.js';
import type { Issue } from '../issue.js';
import type { AnyLayout } from '../layouts.js';
import type { MessageParams } from '../messages.js';
import type { Region } from '../region/schema.js';
import type { RefusedRow, TakenRow, ValidationResult } from '../validate.js';
import type { Duplicate } from './model.js';
import { municipalityOf } from './municipality.js';
import { resultOf } from './records.js';
import { compareText, type SourceInput } from './sources.js';

// Every record counts once. A file with the same bytes as another, a second workbook of a
// municipality, and an offer (partner and name) already taken from another file: the rows of the
// later file are refused with the issue that says of which file and row they are a copy, so
// rows read = taken + refused still holds and the file's own feedback says so.
//
// Which file counts: the shorter path, then the path in code-unit order. Copies get longer
// names wherever they are made ("Gemeente Deinze - kopie.xlsx", "Gemeente Deinze (1).xlsx",
// "Kopie van Gemeente Deinze.xlsx", "Gemeente Deinze 2.xlsx"), so the original counts; the rule
// needs nothing but the paths, so every run and every machine picks the same file. (A file's
// age would be the other candidate, but a copy or a re-upload gets a new date.)

/** The fields that identify a row of a layout for a person, and so across files. */
const IDENTITY: Partial<Record<AnyLayout['id'], string[]>> = {
  persona: ['id'],
  nood: ['persona', 'probleemgebied'],
  aanbod: ['partner', 'naam'],
  kandidatuur: ['titel', 'trekker'],
};

const DUPLICATE_CODES = new Set<Issue['code']>(['duplicate-row', 'duplicate-workbook']);

type Fields = Record<string, unknown>;

/** A sheet's outcome with its rows as plain fields: only moved between taken and refused here. */
interface RowsOfSheet {
  layout: AnyLayout;
  sheet: string;
  taken: TakenRow<Fields>[];
  refused: RefusedRow<Fields>[];
}

interface Place {
  path: string;
  row: number;
}

/**
 * Refuses the rows that another source already holds, in the sources' own results (in place):
 * whoever reads the sources afterwards (the sync's feedback files, its row totals) sees the
 * refusal. Running it again changes nothing: refused rows are never taken again.
 */
export function refuseDuplicates(region: Region, sources: readonly SourceInput[]): void {
  const byMd5 = new Map<string, string>();
  const byMunicipality = new Map<string, { path: string; result: ValidationResult }>();
  const offers = new Map<string, Place>();
  for (const source of [...sources].sort(preferred)) {
    const result = resultOf(source);
    if (result === null) continue;
    const twin = source.md5 === '' ? undefined : byMd5.get(source.md5);
    if (twin !== undefined) {
      refuseRows(result, (_sheet, row) => duplicateRow(twin, row.row));
      continue;
    }
    if (source.md5 !== '') byMd5.set(source.md5, source.path);
    const municipality = municipalityOf(region.municipalities, result);
    if (municipality !== null) {
      const first = byMunicipality.get(foldText(municipality));
      if (first !== undefined) {
        const places = placesOf(first.path, first.result);
        refuseRows(result, (sheet, row) => {
          const at = places.get(identityKey(sheet.layout, row.record) ?? '');
          return at ? duplicateRow(at.path, at.row) : duplicateWorkbook(municipality, first.path);
        });
        continue;
      }
      byMunicipality.set(foldText(municipality), { path: source.path, result });
    }
    refuseRows(result, (sheet, row) => {
      if (sheet.layout.id !== 'aanbod') return null;
      const key = identityKey(sheet.layout, row.record) ?? '';
      const first = offers.get(key);
      if (first === undefined) offers.set(key, { path: source.path, row: row.row });
      return first && first.path !== source.path ? duplicateRow(first.path, first.row) : null;
    });
  }
}

/** The files whose rows were refused as another file's, from the refusals (refuseDuplicates). */
export function duplicatesOf(region: Region, sources: readonly SourceInput[]): Duplicate[] {
  const md5Of = new Map(sources.map((s) => [s.path, s.md5]));
  const found = new Map<string, Duplicate>();
  for (const source of sources) {
    const result = resultOf(source);
    if (result === null) continue;
    const municipality = municipalityOf(region.municipalities, result);
    for (const sheet of result.sheets) {
      for (const row of sheet.refused) {
        const reason = row.reasons.find((r) => DUPLICATE_CODES.has(r.code));
        const kept = reason?.params.path;
        if (typeof kept !== 'string') continue;
        const key = `${source.path}\u0000${kept}`;
        const known = found.get(key);
        if (known) known.rows++;
        else found.set(key, { ...pairOf(source, kept, md5Of.get(kept), municipality), rows: 1 });
      }
    }
  }
  return [...found.values()];
}

function pairOf(
  source: SourceInput,
  kept: string,
  keptMd5: string | undefined,
  municipality: string | null,
): Omit<Duplicate, 'rows'> {
  const base = { refused: source.path, kept };
  if (keptMd5 === source.md5) return { ...base, reason: 'identical', municipality: null };
  if (municipality !== null) return { ...base, reason: 'same-municipality', municipality };
  return { ...base, reason: 'same-records', municipality: null };
}

/** The file that counts first: the shorter path, then code-unit order. */
function preferred(a: SourceInput, b: SourceInput): number {
  return a.path.length - b.path.length || compareText(a.path, b.path);
}

type Refusal = { code: 'duplicate-row' | 'duplicate-workbook'; params: MessageParams };

const duplicateRow = (path: string, row: number): Refusal => ({
  code: 'duplicate-row',
  params: { path, row },
});

const duplicateWorkbook = (municipality: string, path: string): Refusal => ({
  code: 'duplicate-workbook',
  params: { municipality, path },
});

/** Moves each taken row the rule refuses to the refused rows, with its issue. */
function refuseRows(
  result: ValidationResult,
  rule: (sheet: RowsOfSheet, row: TakenRow<Fields>) => Refusal | null,
): void {
  for (const outcome of result.sheets) {
    // Every outcome has its layout's record types; here only whole rows move, fields untouched.
    const sheet = outcome as unknown as RowsOfSheet;
    const kept: TakenRow<Fields>[] = [];
    for (const row of sheet.taken) {
      const refusal = rule(sheet, row);
      if (refusal === null) {
        kept.push(row);
        continue;
      }
      const issue = rowIssue(result.file, sheet, row, refusal);
      result.issues.push(issue);
      sheet.refused.push({ row: row.row, reasons: [issue], record: row.record });
    }
    sheet.taken = kept;
    sheet.refused.sort((a, b) => a.row - b.row);
  }
}

/** The issue that refuses a row; its label is what identifies the row for a person ('P03'). */
function rowIssue(
  file: string,
  sheet: RowsOfSheet,
  taken: TakenRow<Fields>,
  refusal: Refusal,
): Issue {
  const { row, record } = taken;
  const fields = IDENTITY[sheet.layout.id] ?? [];
  const field = fields[0] ?? null;
  const columns = sheet.layout.columns as Record<string, { header: string }>;
  const label = fields.map((f) => String(record[f] ?? '')).join(' – ');
  return {
    file,
    code: refusal.code,
    params: { ...refusal.params, label },
    severity: 'error',
    sheet: sheet.sheet,
    row,
    column: null,
    field,
    header: field === null ? null : (columns[field]?.header ?? null),
  };
}

/** Where each row of a source is, by its identity: the first row for each. */
function placesOf(path: string, result: ValidationResult): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const outcome of result.sheets) {
    const sheet = outcome as unknown as RowsOfSheet;
    for (const row of sheet.taken) {
      const key = identityKey(sheet.layout, row.record);
      if (key !== null && !places.has(key)) places.set(key, { path, row: row.row });
    }
  }
  return places;
}

/** The row's identity, with its layout: equal for the same record in two files. */
function identityKey(layout: AnyLayout, record: Fields): string | null {
  const fields = IDENTITY[layout.id];
  if (fields === undefined) return null;
  const values = fields.map((f) => record[f]);
  if (!values.every((v): v is string => typeof v === 'string')) return null;
  return [layout.id, ...values.map(foldText)].join('\u0000');
}
