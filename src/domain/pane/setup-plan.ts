import { t } from '../messages.js';
import { HELP_SHEET, kinds, type WorkbookKind } from '../workbook-kinds.js';

// What "Werkmap inrichten" adds to a workbook, for Start to tell before the user clicks: the
// kind's sheets (copies refreshed from the region are read-only) and Uitleg, as both workbook
// adapters create them. The hidden Lijsten and _meta are mentioned in the sentence, not named.

export interface PlannedSheet {
  name: string;
  readOnly: boolean;
}

export function setupSheets(kind: WorkbookKind): PlannedSheet[] {
  return [
    ...kinds[kind].sheets.map((s) => ({ name: s.layout.sheet, readOnly: s.role === 'copy' })),
    { name: HELP_SHEET, readOnly: false },
  ];
}

/** "Persona's, Noden, Aanbod (alleen lezen) … en Uitleg". */
export function setupSheetsText(kind: WorkbookKind): string {
  const names = setupSheets(kind).map((s) =>
    s.readOnly ? t('pane.start-first-read-only', { sheet: s.name }) : s.name,
  );
  return new Intl.ListFormat('nl-BE', { type: 'conjunction' }).format(names);
}
