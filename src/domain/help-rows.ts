import type { Column } from './columns.js';
import type { AnyLayout } from './layouts.js';
import { t } from './messages.js';
import type { Region } from './region/schema.js';
import { endOfDayIfDateOnly, formatDateTime, parseLocal } from './time.js';
import { findMilestone, rebuttalDays } from './timeline.js';
import { kinds, type WorkbookKind } from './workbook-kinds.js';

// The Uitleg sheet's content, for every writer of it (the exceljs template builder, which the
// preview's set-up uses too, and the Office.js set-up): what the workbook is for, who fills it
// in, how, who fills which column where the sync writes too, the privacy rule, where it goes,
// whom to ask, and per input sheet a table of its columns. Rows of three cells: A is the topic or
// the column header, B the explanation, C "Verplicht" in the column tables, so every explanation
// sits in the same wide, wrapping column B and no cell needs merging. Each row says what it is,
// so a writer can style it; what differs per workbook comes from the kind (its input sheets,
// read-only copies and columns the sync fills), the region and the owner.

/**
 * What a row is: the sheet's title; a section's first row (topic in A, text in B) and its further
 * rows (text in B); a column table's heading, its header row and a row per column; a blank line.
 */
export type HelpRowRole = 'title' | 'topic' | 'text' | 'table' | 'header' | 'column' | 'blank';

export interface HelpRow {
  role: HelpRowRole;
  cells: readonly [string, string, string];
}

/** Widths of columns A:C, in characters ('0' digits of Calibri 11) like the layouts' widths. */
export const HELP_WIDTHS = [30, 95, 11] as const;

/** Uitleg's milestone for the call's deadline; the region names it by this id. */
const DEADLINE_MILESTONE = 'deadline';

export function helpRows(kind: WorkbookKind, region: Region, owner: string): HelpRow[] {
  const spec = kinds[kind];
  const inputs = spec.sheets.filter((s) => s.role === 'input').map((s) => s.layout);
  const copies = spec.sheets.filter((s) => s.role === 'copy').map((s) => s.layout);
  const owned = inputs.filter((l) => columnsOf(l).some((c) => c.bySync));
  const p = { owner, region: region.name };
  const c = region.coordinator;

  const rows: HelpRow[] = [row('title', t(`uitleg.title.${kind}`, p)), row('blank')];
  const section = (topic: string, texts: readonly string[]) => {
    texts.forEach((text, i) =>
      rows.push(i === 0 ? row('topic', topic, text) : row('text', '', text)),
    );
    rows.push(row('blank'));
  };
  section(t('uitleg.topic.purpose'), [t(`uitleg.purpose.${kind}`, p)]);
  section(t('uitleg.topic.who'), [t(`uitleg.who.${kind}`, p)]);
  section(t('uitleg.topic.how'), howTexts(inputs, copies, owned));
  if (owned.length > 0) section(t('tracker.uitleg.topic'), ownershipTexts(region, owned, inputs));
  section(t('uitleg.topic.privacy'), [
    t(spec.owner === 'gemeente' ? 'uitleg.privacy.gemeente' : 'uitleg.privacy.partner'),
  ]);
  section(t('uitleg.topic.send'), sendTexts(kind, region));
  section(t('uitleg.topic.questions'), [
    t('uitleg.questions', { contact: c.contact, organisation: c.organisation, email: c.email }),
  ]);
  for (const layout of inputs) rows.push(...columnTable(layout));
  return rows;
}

/** The rows' cells as one block for columns A:C. */
export function helpGrid(rows: readonly HelpRow[]): string[][] {
  return rows.map((r) => [...r.cells]);
}

function row(role: HelpRowRole, a = '', b = '', c = ''): HelpRow {
  return { role, cells: [a, b, c] };
}

function columnsOf(layout: AnyLayout): Column[] {
  return Object.values(layout.columns);
}

/**
 * How to fill in the input sheets: where to type on each, then picking, lists, several values and
 * formats; that the layout must stay as it is (unless the sync writes the workbook too, which
 * keeps added columns), and which sheets are read-only copies.
 */
function howTexts(inputs: AnyLayout[], copies: AnyLayout[], owned: AnyLayout[]): string[] {
  const texts = [
    // A sheet the sync writes has no fixed room: the sync adds its rows.
    ...inputs.map((l) =>
      owned.includes(l)
        ? t('uitleg.how.sheet-by-sync', { sheet: l.sheet })
        : t('uitleg.how.sheet', { sheet: l.sheet, rows: l.templateRows }),
    ),
    t('uitleg.how.select'),
    t('uitleg.how.list'),
    t('uitleg.how.several'),
    t('uitleg.how.format'),
  ];
  if (owned.length === 0) texts.push(t('uitleg.how.keep'));
  if (copies.length > 0) texts.push(t('uitleg.how.copy', { sheets: quotedList(copies) }));
  return texts;
}

/** Which columns the sync fills and which are the person's, for sheets the sync writes too. */
function ownershipTexts(region: Region, owned: AnyLayout[], inputs: AnyLayout[]): string[] {
  const names = new Intl.ListFormat('nl-BE', { type: 'conjunction' });
  const quoted = (cols: Column[]) => names.format(cols.map((col) => `"${col.header}"`));
  const texts = owned.flatMap((l) => [
    t('tracker.uitleg.sync-columns', {
      sheet: l.sheet,
      columns: quoted(columnsOf(l).filter((col) => col.bySync)),
    }),
    t('tracker.uitleg.own-columns', {
      columns: quoted(columnsOf(l).filter((col) => !col.bySync)),
    }),
  ]);
  texts.push(
    t('tracker.uitleg.extra'),
    t('tracker.uitleg.rows'),
    t('tracker.uitleg.keep', { sheets: quotedList(inputs) }),
  );
  if (inputs.some((l) => columnsOf(l).some((col) => col.vocabulary === 'criterium'))) {
    const weights = region.assessment.criteria.map((cr) => `${cr.label} ${cr.weight}`).join(', ');
    const days = rebuttalDays(region);
    texts.push(t('tracker.uitleg.scores', { weights, days }));
  }
  return texts;
}

/** Where the filled-in workbook goes. */
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

/** An input sheet's columns: header, what goes in (and whether the sync fills it), required. */
function columnTable(layout: AnyLayout): HelpRow[] {
  return [
    row('table', t('uitleg.columns', { sheet: layout.sheet })),
    row('header', t('uitleg.col.header'), t('uitleg.col.help'), t('uitleg.col.required')),
    ...columnsOf(layout).map((col) =>
      row(
        'column',
        col.header,
        col.bySync ? t('tracker.uitleg.sync-help', { help: col.help }) : col.help,
        t(col.required ? 'uitleg.yes' : 'uitleg.no'),
      ),
    ),
    row('blank'),
  ];
}

function quotedList(layouts: AnyLayout[]): string {
  const names = new Intl.ListFormat('nl-BE', { type: 'conjunction' });
  return names.format(layouts.map((l) => `"${l.sheet}"`));
}
