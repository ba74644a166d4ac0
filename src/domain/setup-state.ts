import { foldText } from './fold.js';
import type { RawWorkbook } from './cells.js';
import { detectKind, findSheet } from './detect-kind.js';
import { kinds, TEMPLATE_VERSION, type WorkbookMeta } from './workbook-kinds.js';

// Where a workbook stands for "Werkmap inrichten": not a Partnerschap workbook yet, one that an
// older template made (a lower version, or sheets or columns the layouts now have and it lacks),
// or current. The pane offers setting up or upgrading accordingly.

export type SetupState =
  | { status: 'none' }
  | { status: 'outdated'; meta: WorkbookMeta; missing: string[] }
  | { status: 'current'; meta: WorkbookMeta };

export function setupState(wb: RawWorkbook): SetupState {
  const detected = detectKind(wb);
  if (detected === null) return { status: 'none' };
  const { meta } = detected;
  const missing = missingParts(wb, meta);
  return missing.length > 0 || meta.version < TEMPLATE_VERSION || detected.fromHeaders
    ? { status: 'outdated', meta, missing }
    : { status: 'current', meta };
}

/** "Sheet" for a missing sheet, "Sheet: Header" for a missing column, in layout order. */
function missingParts(wb: RawWorkbook, meta: WorkbookMeta): string[] {
  return kinds[meta.kind].sheets.flatMap(({ layout }) => {
    const sheet = findSheet(wb, layout);
    if (sheet === null) return [layout.sheet];
    const present = new Set([...sheet.headers.values()].map(foldText));
    return Object.values(layout.columns)
      .filter((c) => !present.has(foldText(c.header)))
      .map((c) => `${layout.sheet}: ${c.header}`);
  });
}
