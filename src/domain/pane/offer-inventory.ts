import type { RawSheet, RawWorkbook } from '../cells.js';
import { findSheet } from '../detect-kind.js';
import { foldText } from '../fold.js';
import type { Issue } from '../issue.js';
import { aanbodLayout, type Aanbod } from '../layouts.js';
import { t } from '../messages.js';
import { OVERVIEW_KIND } from '../workbook-kinds.js';
import type { Region } from '../region/schema.js';
import type { RowInput } from '../rows.js';
import { takenOf, validateWorkbook, type ValidationResult } from '../validate.js';

// The offers the task pane works with: read from what the user picks in "Aanbod bijwerken" (a
// partner's inventory or the regional overview) and from the gemeente workbook's read-only
// Aanbod copy. Every route goes through the validator, so an offer here is exactly what the
// overview would take.

/** An offer as the validator produces it: a record of the aanbod layout. */
export type Offer = Aanbod;

export interface OfferInventory {
  offers: Offer[];
  /** What the validator found; refused rows are not among the offers. */
  problems: Issue[];
  source: 'aanbod' | 'overzicht';
}

export type OfferFile = ({ ok: true } & OfferInventory) | { ok: false; message: string };

const AANBOD_META = new Map([['kind', 'aanbod']]);

/** The offers of a picked workbook: a partner's aanbod workbook or the regional overview. */
export function offersFromWorkbook(wb: RawWorkbook, region: Region): OfferFile {
  const refused: OfferFile = {
    ok: false,
    message: t('offer-file.not-inventory', { file: wb.file }),
  };
  const kind = wb.meta?.get('kind');
  if (kind === OVERVIEW_KIND) {
    const sheet = findSheet(wb, aanbodLayout);
    if (sheet === null) return refused;
    // The overview's Aanbod sheet has the layout's columns plus its source file and row.
    return {
      ok: true,
      source: 'overzicht',
      ...validated(asAanbod(wb, layoutColumns(sheet)), region),
    };
  }
  const result = validateWorkbook(wb, region);
  if (result.meta?.kind !== 'aanbod') return refused;
  return { ok: true, source: 'aanbod', ...outcomeOf(result) };
}

/** The offers in a gemeente workbook's Aanbod copy (none when the sheet is missing). */
export function copiedOffers(wb: RawWorkbook, region: Region): Offer[] {
  const sheet = findSheet(wb, aanbodLayout);
  return sheet === null ? [] : validated(asAanbod(wb, sheet), region).offers;
}

/** The offers as rows for the gemeente workbook's Aanbod copy. */
export function offerRows(offers: readonly Offer[]): RowInput[] {
  return offers.map((o) => ({ ...o }));
}

function validated(wb: RawWorkbook, region: Region): Omit<OfferInventory, 'source'> {
  return outcomeOf(validateWorkbook(wb, region));
}

function outcomeOf(result: ValidationResult): Omit<OfferInventory, 'source'> {
  return { offers: takenOf(result, aanbodLayout).map((r) => r.record), problems: result.issues };
}

/** A workbook holding only this sheet, read as an aanbod inventory. */
function asAanbod(wb: RawWorkbook, sheet: RawSheet): RawWorkbook {
  return { file: wb.file, meta: AANBOD_META, date1904: wb.date1904, sheets: [sheet] };
}

/** The sheet without the columns the aanbod layout does not know. */
function layoutColumns(sheet: RawSheet): RawSheet {
  const known = new Set(Object.values(aanbodLayout.columns).map((c) => foldText(c.header)));
  const keep = new Set(
    [...sheet.headers].filter(([, h]) => known.has(foldText(h))).map(([col]) => col),
  );
  return {
    name: sheet.name,
    headers: new Map([...sheet.headers].filter(([col]) => keep.has(col))),
    rows: sheet.rows
      .map((r) => ({ row: r.row, cells: new Map([...r.cells].filter(([col]) => keep.has(col))) }))
      .filter((r) => r.cells.size > 0),
  };
}
