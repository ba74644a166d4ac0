import { a1 } from '../../domain/address.js';
import { cellText, isBlank, type RawWorkbook } from '../../domain/cells.js';
import { detectKind } from '../../domain/detect-kind.js';
import { foldText } from '../../domain/fold.js';
import { mijlpaalLayout } from '../../domain/layouts.js';
import type { Refusal } from '../../domain/refusal-message.js';
import type { Region } from '../../domain/region/schema.js';
import type { SetUpReport } from '../../domain/workbook-host.js';
import { HELP_SHEET, LISTS_SHEET, TEMPLATE_VERSION } from '../../domain/workbook-kinds.js';
import { loadWorkbook, rawWorkbookOf } from './exceljs-raw.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.js';
import { readWorkbookBytes } from './read-workbook.js';
import { inspectBuffer } from './safe-open.js';
import { setUpWorkbook } from './set-up-workbook.js';
import { workbookBytes } from './write-templates.js';

// `partnerschap upgrade`: a workbook of an older template version brought to the current one, by
// the same set-up the task pane's preview mode uses ("Werkmap bijwerken"). That set-up rebuilds
// the workbook through exceljs, which keeps values but not everything people add: charts, images,
// pivot tables, macros, comments, formulas, their own names, newer Excel's dropdowns and
// conditional formats, passwords. A workbook with any of these is refused, with the way that
// keeps them (Werkmap bijwerken in Excel, which changes the workbook in place). Every value is
// checked to be where it was before anything is written.

export type UpgradeOutcome =
  | { status: 'refused'; refusal: Refusal }
  | { status: 'not-upgradable'; reason: NotUpgradable; detail: string }
  | { status: 'would-lose'; features: LostFeature[] }
  | { status: 'current'; version: number }
  | { status: 'upgraded'; from: number; to: number; report: SetUpReport; bytes: Buffer };

export type NotUpgradable = 'not-partnerschap' | 'region' | 'newer' | 'value-lost';

/** What a rebuild would drop: each is 'upgrade.lost.<feature>' in the catalogue. */
export type LostFeature =
  | 'charts'
  | 'drawings'
  | 'pivots'
  | 'slicers'
  | 'macros'
  | 'comments'
  | 'links'
  | 'formulas'
  | 'names'
  | 'x14'
  | 'passwords';

const BY_PART: [RegExp, LostFeature][] = [
  [/^xl\/charts\//, 'charts'],
  [/^xl\/(drawings|media)\//, 'drawings'],
  [/^xl\/pivot(Tables|Cache)\//, 'pivots'],
  [/^xl\/slicers?(Caches)?\//, 'slicers'],
  [/^xl\/vbaProject\.bin$/, 'macros'],
  [/^xl\/(comments|threadedComments|persons)/, 'comments'],
  [/^xl\/externalLinks\//, 'links'],
];
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
// Excel 2010's extension lists: dropdowns pointing at other sheets, data bars, sparklines.
const X14 = /<x14:(dataValidation|conditionalFormatting|sparklineGroup)\b/;
const PASSWORD = /<sheetProtection\b[^>]*\b(password|hashValue)=/;
const DEFINED_NAME = /<definedName\b[^>]*\bname="([^"]*)"/g;
/** The names the template builder makes: the dropdown lists, and Excel's own (_xlnm.*). */
const OUR_NAME = /^(lijst_|_xlnm\.)/i;

export async function upgradeWorkbook(
  bytes: Buffer,
  file: string,
  region: Region,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<UpgradeOutcome> {
  const read = await readWorkbookBytes(bytes, file, limits);
  if (!read.ok) return { status: 'refused', refusal: { code: read.code, params: read.params } };
  const detected = detectKind(read.workbook);
  if (detected === null || detected.fromHeaders) {
    return { status: 'not-upgradable', reason: 'not-partnerschap', detail: '' };
  }
  const { meta } = detected;
  if (meta.region !== '' && meta.region !== region.id) {
    return { status: 'not-upgradable', reason: 'region', detail: meta.region };
  }
  if (meta.version > TEMPLATE_VERSION) {
    return { status: 'not-upgradable', reason: 'newer', detail: String(meta.version) };
  }
  const features = await lostFeatures(bytes, file, limits, read.workbook);
  if (features.length > 0) return { status: 'would-lose', features };

  const wb = await loadWorkbook(bytes, file);
  const raw = rawWorkbookOf(wb, file);
  const { workbook, report } = setUpWorkbook(wb, raw, meta.kind, region, meta.owner, meta.contact);
  if (report.outcome === 'current') return { status: 'current', version: meta.version };
  const upgraded = await workbookBytes(workbook);
  const after = await readWorkbookBytes(upgraded, file, limits);
  if (!after.ok) throw new Error(`upgraded ${file} cannot be read back: ${after.code}`);
  const moved = firstLostValue(read.workbook, after.workbook);
  if (moved !== null) return { status: 'not-upgradable', reason: 'value-lost', detail: moved };
  return { status: 'upgraded', from: meta.version, to: TEMPLATE_VERSION, report, bytes: upgraded };
}

async function lostFeatures(
  bytes: Buffer,
  file: string,
  limits: ReadLimits,
  wb: RawWorkbook,
): Promise<LostFeature[]> {
  const names: string[] = [];
  const opened = await inspectBuffer(bytes, file, limits, (name) => {
    names.push(name);
    return WORKSHEET.test(name) || name === 'xl/workbook.xml';
  });
  // The reader opened these bytes a moment ago: a refusal now is a bug, never "nothing found".
  if (!opened.ok) throw new Error(`${file} cannot be opened again: ${opened.code}`);
  const { parts } = opened;
  const sheets = [...parts].filter(([n]) => WORKSHEET.test(n)).map(([, xml]) => xml.toString());
  const workbookXml = parts.get('xl/workbook.xml')?.toString() ?? '';
  const found = new Set<LostFeature>(
    BY_PART.filter(([re]) => names.some((n) => re.test(n))).map(([, f]) => f),
  );
  if (wb.sheets.some((s) => s.rows.some((r) => [...r.cells.values()].some((c) => c.formula)))) {
    found.add('formulas');
  }
  if ([...workbookXml.matchAll(DEFINED_NAME)].some(([, n]) => !OUR_NAME.test(n ?? ''))) {
    found.add('names');
  }
  if (sheets.some((xml) => X14.test(xml))) found.add('x14');
  if (sheets.some((xml) => PASSWORD.test(xml))) found.add('passwords');
  return [...found];
}

// Sheets the set-up writes afresh: their old content is not the user's. The Tijdlijn copy is
// rewritten from the region too, but a column someone added to it is theirs.
const REBUILT = new Set([HELP_SHEET, LISTS_SHEET].map(foldText));
const TIMELINE = foldText(mijlpaalLayout.sheet);
const TIMELINE_HEADERS = new Set(
  Object.values(mijlpaalLayout.columns).map((c) => foldText(c.header)),
);

/**
 * Where a value of the old workbook is not found unchanged in the new one ("Persona's!C4"), or
 * null. Sheets are matched by name, columns by header (set-up adds columns) and rows by their
 * order among the rows with data (set-up leaves out empty rows between them).
 */
export function firstLostValue(before: RawWorkbook, after: RawWorkbook): string | null {
  for (const sheet of before.sheets) {
    if (REBUILT.has(foldText(sheet.name))) continue;
    const other = after.sheets.find((s) => foldText(s.name) === foldText(sheet.name));
    if (other === undefined) return sheet.name;
    const columnOf = new Map([...other.headers].map(([col, h]) => [foldText(h), col]));
    const moved = (col: number) => {
      const header = sheet.headers.get(col);
      return header === undefined ? col : columnOf.get(foldText(header));
    };
    const timeline = foldText(sheet.name) === TIMELINE;
    const ours = (col: number) =>
      timeline && TIMELINE_HEADERS.has(foldText(sheet.headers.get(col) ?? ''));
    for (const col of sheet.headers.keys()) {
      if (!ours(col) && moved(col) === undefined) return `${sheet.name}!${a1(col, 1)}`;
    }
    for (const [i, row] of sheet.rows.entries()) {
      for (const [col, cell] of row.cells) {
        if (isBlank(cell.value) || ours(col)) continue;
        const now = other.rows[i]?.cells.get(moved(col) ?? -1)?.value;
        if (now === undefined || cellText(now) !== cellText(cell.value)) {
          return `${sheet.name}!${a1(col, row.row)}`;
        }
      }
    }
  }
  return null;
}
