import type { AnyLayout } from './layouts.js';
import { t } from './messages.js';
import type { Region } from './region/schema.js';
import { kinds, type WorkbookKind } from './workbook-kinds.js';

// The short Uitleg sheet the task pane writes when it sets up a workbook: what it is for, how to
// fill it in, the privacy rule, whom to ask, and per input sheet its columns with their help.
// Rows of three texts (topic or header, explanation, required), so a host writes them as one
// block into columns A:C.

export type HelpRow = [string, string, string];

export function helpRows(kind: WorkbookKind, region: Region, owner: string): HelpRow[] {
  const spec = kinds[kind];
  const inputs = spec.sheets.filter((s) => s.role === 'input').map((s) => s.layout);
  const p = { owner, region: region.name };
  const c = region.coordinator;
  const rows: HelpRow[] = [[t(`uitleg.title.${kind}`, p), '', ''], blank()];
  const section = (topic: string, texts: string[]) => {
    texts.forEach((text, i) => rows.push([i === 0 ? topic : '', text, '']));
    rows.push(blank());
  };
  section(t('uitleg.topic.purpose'), [t(`uitleg.purpose.${kind}`, p)]);
  section(t('uitleg.topic.how'), howTexts(inputs));
  section(t('uitleg.topic.privacy'), [
    t(spec.owner === 'gemeente' ? 'uitleg.privacy.gemeente' : 'uitleg.privacy.partner'),
  ]);
  section(t('uitleg.topic.questions'), [
    t('uitleg.questions', { contact: c.contact, organisation: c.organisation, email: c.email }),
  ]);
  for (const layout of inputs) {
    rows.push([t('uitleg.columns', { sheet: layout.sheet }), '', '']);
    rows.push([t('uitleg.col.header'), t('uitleg.col.help'), t('uitleg.col.required')]);
    for (const column of Object.values(layout.columns)) {
      rows.push([column.header, column.help, t(column.required ? 'uitleg.yes' : 'uitleg.no')]);
    }
    rows.push(blank());
  }
  return rows;
}

/**
 * How to fill in the input sheets: where to type on each, then picking, lists, several values and
 * formats. Both Uitleg sheets open their "how" section with these (the template's adds more).
 */
export function howTexts(inputs: readonly AnyLayout[]): string[] {
  return [
    ...inputs.map((l) =>
      t('uitleg.how.sheet', { sheet: l.sheet, rows: Math.max(1, l.templateRows) }),
    ),
    t('uitleg.how.select'),
    t('uitleg.how.list'),
    t('uitleg.how.several'),
    t('uitleg.how.format'),
  ];
}

function blank(): HelpRow {
  return ['', '', ''];
}
