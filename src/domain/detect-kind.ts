import { foldText } from './fold.js';
import { foldedLayout } from './folded-layout.js';
import type { RawSheet, RawWorkbook } from './cells.js';
import type { AnyLayout } from './layouts.js';
import {
  inputSheets,
  isWorkbookKind,
  TEMPLATE_VERSION,
  type WorkbookKind,
  type WorkbookMeta,
} from './workbook-kinds.js';

export interface Detected {
  meta: WorkbookMeta;
  /** True when _meta was missing or unusable and the kind came from the sheets' headers. */
  fromHeaders: boolean;
}

/** The kind of a workbook: from its _meta sheet, else from the sheets whose headers fit a layout. */
export function detectKind(wb: RawWorkbook): Detected | null {
  const kind = wb.meta?.get('kind');
  if (kind !== undefined && isWorkbookKind(kind)) {
    return {
      meta: {
        kind,
        version: versionOf(wb.meta?.get('version')),
        region: wb.meta?.get('region') ?? '',
        owner: wb.meta?.get('owner') ?? '',
        ...contactOf(wb.meta?.get('contact')),
      },
      fromHeaders: false,
    };
  }
  const fromHeaders = kindFromHeaders(wb);
  return fromHeaders === null
    ? null
    : {
        meta: { kind: fromHeaders, version: TEMPLATE_VERSION, region: '', owner: '' },
        fromHeaders: true,
      };
}

/** The template version in _meta; 0 is a version too (older than the first), junk is current. */
function versionOf(raw: string | undefined): number {
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(n) && n >= 0
    ? n
    : TEMPLATE_VERSION;
}

// Most specific first: a gemeente workbook also has an Aanbod sheet (its read-only copy).
const ORDER: WorkbookKind[] = ['gemeente', 'kandidatuur', 'aanbod'];

function kindFromHeaders(wb: RawWorkbook): WorkbookKind | null {
  return (
    ORDER.find((k) => inputSheets(k).every((layout) => findSheet(wb, layout, true) !== null)) ??
    null
  );
}

/** The sheet of a layout, by name; when byHeaders, any sheet whose row 1 holds most headers. */
export function findSheet(wb: RawWorkbook, layout: AnyLayout, byHeaders = false): RawSheet | null {
  const wanted = foldedLayout(layout).sheet;
  const named = wb.sheets.find((s) => foldText(s.name) === wanted);
  if (named && (!byHeaders || headerFit(named, layout) >= 0.5)) return named;
  if (!byHeaders) return null;
  return wb.sheets.find((s) => headerFit(s, layout) >= 0.8) ?? null;
}

function headerFit(sheet: RawSheet, layout: AnyLayout): number {
  const present = new Set([...sheet.headers.values()].map(foldText));
  const { headers } = foldedLayout(layout);
  return headers.filter((h) => present.has(h)).length / headers.length;
}

/** A contact row in _meta: kept only when it holds something. */
function contactOf(raw: string | undefined): { contact?: string } {
  const contact = raw?.trim() ?? '';
  return contact === '' ? {} : { contact };
}
