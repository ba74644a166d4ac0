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
import { DEFAULT_READ_LIMITS, readWorkbookBytes, type ReadLimits } from './read-workbook.js';
import { inspectBuffer } from './safe-open.js';
import { setUpWorkbook } from './set-up-workbook.js';
import { workbookBytes } from './write-templates.js';

// `partnerschap upgrade`: a workbook of an older template version brought to the current one, by
// the same set-up the task pane's preview mode uses ("Werkmap bijwerken"). A rebuild through
// exceljs would drop what it cannot model (charts, images, pivot tables, macros, comments), so
// such a workbook is refused with the way that keeps them (Excel's own Werkmap bijwerken). Every
// value is checked to be where it was before anything is written.

export type UpgradeOutcome =
  | { status: 'refused'; refusal: Refusal }
  | { status: 'not-upgradable'; reason: NotUpgradable; detail: string }
  | { status: 'current'; version: number }
  | { status: 'upgraded'; from: number; to: number; report: SetUpReport; bytes: Buffer };

export type NotUpgradable = 'not-partnerschap' | 'region' | 'parts' | 'value-lost';

/** Package parts a rebuild would lose, and how people call them. */
const LOST_PARTS: [RegExp, string][] = [
  [/^xl\/charts\//, 'grafieken'],
  [/^xl\/(drawings|media)\//, 'afbeeldingen of vormen'],
  [/^xl\/pivot(Tables|Cache)\//, 'draaitabellen'],
  [/^xl\/slicers?\//, 'slicers'],
  [/^xl\/vbaProject\.bin$/, 'macro’s'],
  [/^xl\/(comments|threadedComments|persons)/, 'opmerkingen'],
  [/^xl\/externalLinks\//, 'koppelingen naar andere bestanden'],
];

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
  const lost = await lostParts(bytes, file, limits);
  if (lost.length > 0)
    return { status: 'not-upgradable', reason: 'parts', detail: lost.join(', ') };

  const wb = await loadWorkbook(bytes, file);
  const { workbook, report } = setUpWorkbook(
    wb,
    rawWorkbookOf(wb, file),
    meta.kind,
    region,
    meta.owner,
  );
  if (report.outcome === 'current') return { status: 'current', version: meta.version };
  const upgraded = await workbookBytes(workbook);
  const after = await readWorkbookBytes(upgraded, file, limits);
  if (!after.ok) throw new Error(`upgraded ${file} cannot be read back: ${after.code}`);
  const moved = firstLostValue(read.workbook, after.workbook);
  if (moved !== null) return { status: 'not-upgradable', reason: 'value-lost', detail: moved };
  return { status: 'upgraded', from: meta.version, to: TEMPLATE_VERSION, report, bytes: upgraded };
}

async function lostParts(bytes: Buffer, file: string, limits: ReadLimits): Promise<string[]> {
  const names: string[] = [];
  await inspectBuffer(bytes, file, limits, (name) => {
    names.push(name);
    return false;
  });
  return [...new Set(LOST_PARTS.filter(([re]) => names.some((n) => re.test(n))).map(([, w]) => w))];
}

// Sheets the set-up writes afresh from the region: their old content is not the user's.
const REBUILT = new Set([HELP_SHEET, LISTS_SHEET, mijlpaalLayout.sheet].map(foldText));

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
    for (const col of sheet.headers.keys()) {
      if (moved(col) === undefined) return `${sheet.name}!${a1(col, 1)}`;
    }
    for (const [i, row] of sheet.rows.entries()) {
      for (const [col, cell] of row.cells) {
        if (isBlank(cell.value)) continue;
        const now = other.rows[i]?.cells.get(moved(col) ?? -1)?.value;
        if (now === undefined || cellText(now) !== cellText(cell.value)) {
          return `${sheet.name}!${a1(col, row.row)}`;
        }
      }
    }
  }
  return null;
}
