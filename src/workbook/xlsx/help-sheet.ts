import type ExcelJS from 'exceljs';
import type { Column } from '../../domain/columns.js';
import { howTexts } from '../../domain/help-rows.js';
import type { AnyLayout } from '../../domain/layouts.js';
import { t, type MessageKey } from '../../domain/messages.js';
import type { Region } from '../../domain/region/schema.js';
import { findMilestone } from '../../domain/timeline.js';
import { endOfDayIfDateOnly, formatDateTime, parseLocal } from '../../domain/time.js';
import { HELP_SHEET, kinds, type WorkbookKind } from '../../domain/workbook-kinds.js';

// The Uitleg sheet: what the workbook is for, who fills it in, how, the privacy rule, where it
// goes, and a row per column of every input sheet (taken from the layouts). Three columns: A is
// the topic or the column header, B the explanation, C "Verplicht" in the column tables, so every
// explanation sits in the same wide, wrapping column B and no cell needs merging.

const WIDTHS = [30, 95, 11] as const;
export const LINE_HEIGHT = 15; // points per line of Calibri 11
export const HEADER_FILL = 'FF4472C4'; // the header colour of TableStyleMedium2, for LibreOffice too

/** A bold font that names its face: a font without a name falls back to a serif in LibreOffice. */
export function boldFont(size = 11, argb?: string): Partial<ExcelJS.Font> {
  return { name: 'Calibri', family: 2, size, bold: true, ...(argb ? { color: { argb } } : {}) };
}

/** Row height that shows every line of wrapped text (Excel does not fit rows on opening). */
export function fittedHeight(texts: readonly string[], widths: readonly number[]): number {
  const lines = texts.map((text, i) => {
    // A column width counts '0' digits; Calibri text is about a tenth narrower, less what word
    // wrapping wastes at the end of a line.
    const perLine = Math.max(1, Math.floor((widths[i] ?? 10) * 1.1) - 2);
    return text
      .split('\n')
      .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  });
  return Math.max(1, ...lines) * LINE_HEIGHT;
}

/** Uitleg's milestone for the call's deadline; the region names it by this id. */
const DEADLINE_MILESTONE = 'deadline';

export function addHelpSheet(
  wb: ExcelJS.Workbook,
  kind: WorkbookKind,
  region: Region,
  owner: string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(HELP_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const spec = kinds[kind];
  const inputs = spec.sheets.filter((s) => s.role === 'input').map((s) => s.layout);
  const copies = spec.sheets.filter((s) => s.role === 'copy').map((s) => s.layout);
  const p = { owner, region: region.name };
  const c = region.coordinator;

  const title = ws.addRow([t(`uitleg.title.${kind}`, p)]);
  title.font = boldFont(14);
  title.height = 24;
  ws.addRow([]);

  const section = (topic: string, texts: readonly string[]) => {
    texts.forEach((text, i) => {
      const row = ws.addRow([i === 0 ? topic : null, text]);
      row.getCell(1).font = boldFont();
      row.alignment = { wrapText: true, vertical: 'top' };
      row.height = fittedHeight([i === 0 ? topic : '', text], WIDTHS);
    });
    ws.addRow([]);
  };

  section(t('uitleg.topic.purpose'), [t(`uitleg.purpose.${kind}`, p)]);
  section(t('uitleg.topic.who'), [t(`uitleg.who.${kind}`, p)]);
  const how = howTexts(inputs);
  const owned = inputs.filter((l) => columnsOf(l).some((col) => col.bySync));
  // A workbook the sync writes too keeps added columns; the others must keep their layout.
  if (owned.length === 0) how.push(t('uitleg.how.keep'));
  if (copies.length > 0) {
    const names = new Intl.ListFormat('nl-BE', { type: 'conjunction' });
    how.push(t('uitleg.how.copy', { sheets: names.format(copies.map((l) => `"${l.sheet}"`)) }));
  }
  section(t('uitleg.topic.how'), how);
  if (owned.length > 0) section(t('tracker.uitleg.topic'), ownershipTexts(region, owned, inputs));
  section(t('uitleg.topic.privacy'), [
    t(spec.owner === 'gemeente' ? 'uitleg.privacy.gemeente' : 'uitleg.privacy.partner'),
  ]);
  section(t('uitleg.topic.send'), sendTexts(kind, region));
  section(t('uitleg.topic.questions'), [
    t('uitleg.questions', { contact: c.contact, organisation: c.organisation, email: c.email }),
  ]);

  for (const layout of inputs) addColumnTable(ws, layout);
  return ws;
}

function columnsOf(layout: AnyLayout): Column[] {
  return Object.values(layout.columns);
}

/** Which columns the sync fills and which are the person's, for sheets the sync writes too. */
function ownershipTexts(region: Region, owned: AnyLayout[], inputs: AnyLayout[]): string[] {
  const names = new Intl.ListFormat('nl-BE', { type: 'conjunction' });
  const quoted = (cols: Column[]) => names.format(cols.map((c) => `"${c.header}"`));
  const texts = owned.flatMap((l) => [
    t('tracker.uitleg.sync-columns', {
      sheet: l.sheet,
      columns: quoted(columnsOf(l).filter((c) => c.bySync)),
    }),
    t('tracker.uitleg.own-columns', { columns: quoted(columnsOf(l).filter((c) => !c.bySync)) }),
  ]);
  texts.push(
    t('tracker.uitleg.extra'),
    t('tracker.uitleg.rows'),
    t('tracker.uitleg.keep', { sheets: names.format(inputs.map((l) => `"${l.sheet}"`)) }),
  );
  if (inputs.some((l) => columnsOf(l).some((c) => c.vocabulary === 'criterium'))) {
    const weights = region.assessment.criteria.map((c) => `${c.label} ${c.weight}`).join(', ');
    const days = findMilestone(region, 'weerwoord')?.after?.days ?? 14;
    texts.push(t('tracker.uitleg.scores', { weights, days }));
  }
  return texts;
}

function sendTexts(kind: WorkbookKind, region: Region): string[] {
  const c = region.coordinator;
  switch (kind) {
    case 'gemeente':
      return [t('uitleg.send.gemeente')];
    case 'opvolging':
      return [t('uitleg.send.opvolging')];
    case 'aanbod':
      return [
        t('uitleg.send.aanbod', {
          contact: c.contact,
          organisation: c.organisation,
          email: c.email,
        }),
      ];
    case 'kandidatuur': {
      const texts = [t('uitleg.send.kandidatuur', { ...region.submission })];
      const m = findMilestone(region, DEADLINE_MILESTONE);
      if (m) {
        const deadline = formatDateTime(parseLocal(endOfDayIfDateOnly(m.end ?? m.start)));
        texts.push(t('uitleg.send.deadline', { deadline }));
      }
      return texts;
    }
  }
}

function addColumnTable(ws: ExcelJS.Worksheet, layout: AnyLayout): void {
  const heading = ws.addRow([t('uitleg.columns', { sheet: layout.sheet })]);
  heading.font = boldFont(12);
  heading.height = 20;
  const keys: MessageKey[] = ['uitleg.col.header', 'uitleg.col.help', 'uitleg.col.required'];
  const head = ws.addRow(keys.map((k) => t(k)));
  head.eachCell((cell) => {
    cell.font = boldFont(11, 'FFFFFFFF');
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
  for (const column of Object.values(layout.columns)) {
    const help = column.bySync ? t('tracker.uitleg.sync-help', { help: column.help }) : column.help;
    const texts = [column.header, help, t(column.required ? 'uitleg.yes' : 'uitleg.no')];
    const row = ws.addRow(texts);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = fittedHeight(texts, WIDTHS);
    row.eachCell((cell) => {
      cell.border = { bottom: { style: 'thin', color: { argb: 'FFB4C6E7' } } };
    });
  }
  ws.addRow([]);
}
