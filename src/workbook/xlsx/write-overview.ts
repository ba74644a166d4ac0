import { DATE_FORMAT, DATETIME_FORMAT, type Column } from '../../domain/columns.js';
import {
  aanbodLayout,
  kandidatuurLayout,
  noodLayout,
  opvolgingLayout,
  personaLayout,
  type AnyLayout,
} from '../../domain/layouts.js';
import { issueLine, issueMessage } from '../../domain/issue.js';
import { t, type MessageKey } from '../../domain/messages.js';
import { refusalMessage } from '../../domain/refusal-message.js';
import {
  deliveryLines,
  deliveryStatusText,
  duplicateLine,
} from '../../domain/overview/delivery-text.js';
import type {
  AreaFigures,
  CoverageCell,
  Duplicate,
  Gap,
  Overview,
  RecordLayoutId,
  SourceRow,
  SourcedRecord,
} from '../../domain/overview/model.js';
import { dutchNumber } from '../../domain/overview/records.js';
import { callState } from '../../domain/report/call-state.js';
import { SUPPRESSED, SUPPRESSED_STANDS_FOR } from '../../domain/overview/suppress.js';
import { META_SHEET, OVERVIEW_KIND, OVERVIEW_VERSION } from '../../domain/workbook-kinds.js';
import type { Figure, Region } from '../../domain/region/schema.js';
import type { Reminder } from '../../domain/reminders/model.js';
import { formatDate, instantToWallClock } from '../../domain/time.js';
import { scaleColour } from './colour-scale.js';
import { columnLetters } from '../../domain/address.js';
import {
  cellValue,
  headerHeight,
  SheetBuilder,
  tableWidths,
  type Out,
  type OutColumn,
  type SheetOptions,
  type TableBlock,
} from './overview-sheets.js';
import { chartsSheet } from './overview-charts-sheet.js';
import type { CellStyle } from './xlsx-styles.js';
import type { SheetPart, WorkbookParts } from './xlsx-stream.js';
import { appendTo } from '../../domain/append-to.js';

// The regional overview workbook: Overzicht, Dekking, Hiaten, the record sheets,
// Bronnen, Afgewezen rijen and the very hidden _meta. Everything shown comes from the Overview
// model; this file only lays it out. Tijdlijn and Herinneringen (issue 4) sit between
// Kandidaturen and Bronnen. Each sheet is built only when the streaming writer (xlsx-stream.ts)
// comes to it, so only one sheet's rows are held at a time.

const AUTHOR = 'Partnerschap';
const COUNT = '0';
const THOUSANDS = '#,##0';
/** A weighted average of scores, as the tracker shows it. */
const SCORE = '0.00';
/** Weeks as typed: 3,5 stays 3,5. */
const WEEKS = 'General';
/** The demand scale of Dekking: white at the lowest, red at the highest. */
const DEMAND_LOW = 'FFFFFFFF';
const DEMAND_HIGH = 'FFF8696B';
const GAP_NO_OFFER = 'FFF4B6B6';
const GAP_LONG_WAIT = 'FFFBD9A8';
/**
 * Most overdue reminders listed on Overzicht; the rest are counted (all are on Herinneringen). With
 * more, Overzicht would open below 80 % to fit one screen.
 */
const MOST_OVERDUE = 2;
/** Most messages shown in one Bronnen cell; the rest are counted. */
const MAX_MESSAGES = 30;
/** Width of the Dekking matrix's columns: "Destelbergen" and its filter button fit. */
const MATRIX_WIDTH = 16;

/** The record sheets: their sheet name, table name and layout. */
const RECORD_SHEETS: { id: RecordLayoutId; sheet: MessageKey; table: string; layout: AnyLayout }[] =
  [
    { id: 'persona', sheet: 'sheet.personas', table: 'Personas', layout: personaLayout },
    { id: 'nood', sheet: 'sheet.noden', table: 'Noden', layout: noodLayout },
    { id: 'aanbod', sheet: 'sheet.aanbod', table: 'Aanbod', layout: aanbodLayout },
    {
      id: 'kandidatuur',
      sheet: 'sheet.kandidaturen',
      table: 'Kandidaturen',
      layout: kandidatuurLayout,
    },
  ];

/** The overview's sheets for writeWorkbook (xlsx-stream.ts). */
export function overviewWorkbook(region: Region, overview: Overview): WorkbookParts {
  return {
    creator: AUTHOR,
    // The overview's own day, so the same overview gives the same bytes.
    date: overview.asOf,
    sheets: [
      () => overzicht(region, overview),
      () => chartsSheet(overview),
      () => dekking(overview),
      () => hiaten(overview),
      ...RECORD_SHEETS.map((spec) => () => recordSheet(spec, overview)),
      () => tijdlijn(overview),
      () => herinneringen(region, overview),
      () => bronnen(overview),
      () => afgewezen(overview),
      () => meta(overview),
    ],
  };
}

// --- sheets ------------------------------------------------------------------------------------

/** A sheet of the overview: frozen panes and A4 landscape, one page wide. */
const sheet = (name: string, o: SheetOptions) => new SheetBuilder(name, o);

const num = (header: string, o: Partial<OutColumn> = {}): OutColumn => ({
  header,
  numFmt: COUNT,
  ...o,
});

function overzicht(region: Region, ov: Overview): SheetPart {
  const lines = [
    t('overview.subtitle', { date: formatDate(ov.asOf), weeks: dutchNumber(ov.gapWaitWeeks) }),
    t('overview.sources-line', {
      files: ov.totals.files,
      unreadable: ov.totals.unreadable,
      read: ov.totals.rowsRead,
      taken: ov.totals.rowsTaken,
      refused: ov.totals.rowsRefused,
    }),
    // What is missing comes before the figures: a partial picture is never shown in silence.
    ...deliveryLines(ov),
    ...(ov.duplicates.length === 0
      ? []
      : [t('overview.duplicates-line', { count: ov.duplicates.length })]),
  ];
  const top = lines.length + 3;
  const ws = sheet(t('sheet.overzicht'), { frozenRows: top, onePage: true });

  const updated = new Map(ov.delivery.municipalities.map((d) => [d.municipality, d.updated]));
  // A municipality without a workbook that counts says so; its demand figures stay empty.
  const areaRow = (f: AreaFigures): Out[] => [
    f.municipality ?? t('overview.row.unknown'),
    f.municipality === null ? null : deliveryStatusText(f.status),
    f.municipality === null ? null : (updated.get(f.municipality) ?? null),
    f.personas,
    f.citizens,
    f.needs,
    f.municipality === null ? null : f.gaps,
  ];
  const regionLabel = t('overview.row.region', { region: ov.regionName });
  const r = ov.region;
  const regionRow: Out[] = [regionLabel, null, null, r.personas, r.citizens, r.needs, r.gaps];
  const areaColumns: OutColumn[] = [
    { header: t('overview.col.gemeente'), maxWidth: 30 },
    { header: t('overview.col.delivery'), maxWidth: 26 },
    { header: t('overview.col.updated'), numFmt: DATE_FORMAT, narrowHeader: true },
    num(t('overview.col.personas')),
    // Wide enough for its header on two lines.
    num(t('overview.col.citizens'), { numFmt: THOUSANDS, right: true, width: 15 }),
    num(t('overview.col.needs')),
    num(t('overview.col.gaps')),
  ];
  const areaRows = ov.municipalities.map(areaRow);
  // The region's name runs on into the empty cell beside it: only its figures need room.
  const areaWidths = tableWidths({
    columns: areaColumns,
    rows: [...areaRows, [null, ...regionRow.slice(1)]],
  });
  const figures: TableBlock = {
    name: 'Overzicht_Kerncijfers',
    row: top,
    col: areaColumns.length + 2,
    columns: [
      { header: t('overview.col.figure'), maxWidth: 48 },
      { header: region.name, right: true, narrowHeader: true },
      { header: region.comparison, right: true, narrowHeader: true },
      { header: t('overview.col.year'), numFmt: '0', width: 8 },
    ],
    rows: ov.figures.map((f) => [f.label, ...figureValues(f), f.year]),
    // Units differ per line: percentages as %, counts with thousands, rates with decimals.
    cellStyle: (r, c) => {
      const unit = ov.figures[r]?.unit;
      return unit && (c === 1 || c === 2) ? { numFmt: FIGURE_FORMATS[unit] } : undefined;
    },
  };
  const figureWidths = tableWidths(figures);
  // Both tables share their header row: it must fit the taller header.
  const headRow = Math.max(
    headerHeight(areaColumns, areaWidths),
    headerHeight(figures.columns, figureWidths),
  );
  const areas: TableBlock = {
    name: 'Overzicht_Gemeenten',
    row: top,
    col: 1,
    columns: areaColumns,
    rows: areaRows,
  };
  const last = ws.addTable(areas, areaWidths, headRow);
  // The region's line sits right under the table, outside it: sorting or filtering the
  // municipalities never moves it.
  regionRow.forEach((v, i) => {
    const column = areaColumns[i];
    const style: CellStyle = {
      bold: { size: 11 },
      doubleTop: true,
      ...(column?.numFmt ? { numFmt: column.numFmt } : {}),
      ...(column?.right ? { horizontal: 'right' as const } : {}),
    };
    ws.cell(last + 1, i + 1, v, style);
  });
  const spacer = 2;
  ws.width(areaColumns.length + 1, spacer);
  const figuresEnd = ws.addTable(figures, figureWidths, headRow);
  const allWidths = [...areaWidths, spacer, ...figureWidths];
  // Where the call stands, under the municipalities: one screen shows both. Beside the key
  // figures its lines take the municipalities' width, below them the whole sheet's.
  const widthsAt = (row: number) => (row > figuresEnd ? allWidths : areaWidths);
  const call = callState(region, ov, MOST_OVERDUE);
  const callLines = [
    call.step.join(' '),
    [...call.candidacies, ...(call.stages === null ? [] : [call.stages])].join(' '),
    ...(call.overdue.length === 0 ? [call.overdueHeading] : []),
  ];
  let next = ws.addNotes(last + 3, t('report.call'), callLines, widthsAt);
  next = ws.addNotes(next, call.overdueHeading, call.overdue, widthsAt);
  // The municipalities, the call's state and the key figures open on one screen.
  ws.fitScreen(Math.max(next - 1, figuresEnd));
  ws.addNotes(next + 1, t('overview.duplicates-title'), ov.duplicates.map(duplicateLine), widthsAt);
  ws.addHeading(t('overview.title', { region: ov.regionName }), lines, allWidths);
  return ws.part();
}

const FIGURE_FORMATS: Record<Figure['unit'], string> = {
  aantal: THOUSANDS,
  procent: '0.0%',
  'per 1000': '0.00" ‰"',
};

function figureValues(f: Figure): [Out, Out] {
  const scale = f.unit === 'procent' ? 100 : 1;
  return [f.region / scale, f.province === null ? null : f.province / scale];
}

/** Dekking: three blocks in the same columns: demand, active offers, shortest waiting time. */
function dekking(ov: Overview): SheetPart {
  const lines = [
    t('overview.dekking.explain', {
      date: formatDate(ov.asOf),
      weeks: dutchNumber(ov.gapWaitWeeks),
    }),
  ];
  const top = lines.length + 3;
  const ws = sheet(t('sheet.dekking'), { frozenRows: top, frozenCols: 1, onePage: true });
  const c = ov.coverage;
  const blocks: {
    key: MessageKey;
    table: string;
    numFmt: string;
    value: (cell: CoverageCell) => Out;
  }[] = [
    {
      key: 'overview.dekking.demand',
      table: 'Dekking_Vraag',
      numFmt: THOUSANDS,
      value: (x) => x.demand,
    },
    {
      key: 'overview.dekking.offers',
      table: 'Dekking_Aanbod',
      numFmt: COUNT,
      value: (x) => x.offers,
    },
    {
      key: 'overview.dekking.wait',
      table: 'Dekking_Wachttijd',
      numFmt: WEEKS,
      value: (x) => x.shortestWait,
    },
  ];
  const columnsFor = (title: string, numFmt: string): OutColumn[] => [
    { header: title, maxWidth: 44 },
    ...c.municipalities.map((m) => num(m, { right: true, numFmt })),
    num(t('overview.dekking.region'), { right: true, numFmt }),
  ];
  const tables: TableBlock[] = [];
  let row = top;
  for (const b of blocks) {
    const rows = c.rows.map((r) => [r.area, ...r.cells.map(b.value), b.value(r.region)]);
    tables.push({ name: b.table, row, col: 1, columns: columnsFor(t(b.key), b.numFmt), rows });
    row += rows.length + 3;
  }
  const [demand, offers, wait] = tables;
  const lastMs = c.municipalities.length + 1;
  // Demand: white to red, the municipalities on one scale and the region on its own.
  const scales = [
    [2, lastMs],
    [lastMs + 1, lastMs + 1],
  ] as const;
  if (demand)
    demand.cellStyle = filled(scales.map(([from, to]) => suppressedFills(demand, from, to)));
  if (offers) offers.cellStyle = filled([gapFills(ov)]);
  // One width per sheet column, wide enough for every block.
  // The municipalities share one width, so the matrix reads as a grid; long names wrap.
  const each = tables.map(tableWidths);
  const fitted = (each[0] ?? []).map((_, i) => Math.max(...each.map((w) => w[i] ?? 0)));
  const widths = fitted.map((w, i) => (i === 0 ? w : MATRIX_WIDTH));
  for (const tb of tables) ws.addTable(tb, widths);
  const range = (tb: TableBlock, from: number, to: number) =>
    `${columnLetters(from)}${tb.row + 1}:${columnLetters(to)}${tb.row + c.rows.length}`;
  if (demand) {
    for (const [from, to] of scales) {
      ws.addConditionalFormatting({
        ref: range(demand, from, to),
        rules: [
          {
            type: 'colorScale',
            priority: 1,
            points: [
              { at: 'min', colour: DEMAND_LOW },
              { at: 'max', colour: DEMAND_HIGH },
            ],
          },
        ],
      });
    }
  }
  if (wait) {
    // Waiting time: green at 0, yellow at the gap threshold, red at the longest.
    ws.addConditionalFormatting({
      ref: range(wait, 2, lastMs + 1),
      rules: [
        {
          type: 'colorScale',
          priority: 2,
          points: [
            { at: 0, colour: 'FFB5E0C3' },
            { at: ov.gapWaitWeeks, colour: 'FFFFEB84' },
            { at: 'max', colour: 'FFF8696B' },
          ],
        },
      ],
    });
  }
  ws.addHeading(t('overview.dekking.title'), lines, widths);
  return ws.part();
}

/** Fills by "row:column" index of a table's body, as its cellStyle. */
type Fills = Map<string, string>;

function filled(fills: Fills[]): TableBlock['cellStyle'] {
  return (r, c) => {
    const key = `${r}:${c}`;
    const argb = fills.map((f) => f.get(key)).find((x) => x !== undefined);
    return argb === undefined ? undefined : { fill: argb };
  };
}

/**
 * The "< 5" cells of demand columns from..to (1-based), which the colour scale skips (text):
 * filled with the colour the scale gives the count they stand for, among the numbers of the
 * same columns.
 */
function suppressedFills(tb: TableBlock, from: number, to: number): Fills {
  const cells = tb.rows.flatMap((row, r) =>
    row.slice(from - 1, to).map((value, i) => ({ value, key: `${r}:${from - 1 + i}` })),
  );
  const numbers = cells.flatMap((c) => (typeof c.value === 'number' ? [c.value] : []));
  const scale = [...numbers, SUPPRESSED_STANDS_FOR];
  const argb = scaleColour(
    SUPPRESSED_STANDS_FOR,
    Math.min(...scale),
    Math.max(...scale),
    DEMAND_LOW,
    DEMAND_HIGH,
  );
  return new Map(cells.flatMap((c) => (c.value === SUPPRESSED ? [[c.key, argb] as const] : [])));
}

/** The supply cells of the gaps: red without an offer, orange when every offer waits too long. */
function gapFills(ov: Overview): Fills {
  const areaRow = new Map(ov.coverage.rows.map((r, i) => [r.area, i]));
  const msCol = new Map(ov.coverage.municipalities.map((m, i) => [m, i]));
  const fills: Fills = new Map();
  for (const g of ov.gaps) {
    const r = areaRow.get(g.area);
    const m = msCol.get(g.municipality);
    if (r === undefined || m === undefined) continue;
    fills.set(`${r}:${1 + m}`, g.reason === 'no-offer' ? GAP_NO_OFFER : GAP_LONG_WAIT);
  }
  return fills;
}

function gapReason(g: Gap, weeks: number): string {
  return g.reason === 'no-offer'
    ? t('overview.reason.no-offer')
    : t('overview.reason.long-wait', { weeks: dutchNumber(weeks) });
}

function hiaten(ov: Overview): SheetPart {
  const lines = [
    t('overview.hiaten.explain', {
      date: formatDate(ov.asOf),
      weeks: dutchNumber(ov.gapWaitWeeks),
    }),
  ];
  const top = lines.length + 3;
  const ws = sheet(t('sheet.hiaten'), { frozenRows: top });
  const table: TableBlock = {
    name: 'Hiaten',
    row: top,
    col: 1,
    columns: [
      { header: t('overview.col.gemeente') },
      { header: t('overview.col.area'), maxWidth: 44 },
      { header: t('overview.col.reason') },
      num(t('overview.col.demand'), { numFmt: THOUSANDS, right: true }),
      { header: t('overview.col.persona-ids'), wrap: true, maxWidth: 30 },
      num(t('overview.col.offers')),
      num(t('overview.col.shortest-wait'), { numFmt: WEEKS }),
      { header: t('overview.col.gap-candidacies'), wrap: true, maxWidth: 50 },
    ],
    rows: ov.gaps.map((g) => [
      cellValue(g.municipality),
      g.area,
      gapReason(g, ov.gapWaitWeeks),
      g.demand,
      cellValue(g.personas),
      g.offers,
      g.shortestWait,
      cellValue(g.candidacies),
    ]),
  };
  const widths = tableWidths(table);
  ws.addTable(table, widths);
  ws.addHeading(t('overview.hiaten.title'), lines, widths);
  return ws.part();
}

function recordSheet(spec: (typeof RECORD_SHEETS)[number], ov: Overview): SheetPart {
  const ws = sheet(t(spec.sheet), { frozenRows: 1 });
  const fields = Object.entries(spec.layout.columns) as [string, Column][];
  const withPlace = spec.id === 'persona' || spec.id === 'nood';
  // A candidacy starts with where the tracker has it and the gaps it addresses
  // (matching/gap-candidacies.ts).
  const candidacy = spec.id === 'kandidatuur';
  const tracked = opvolgingLayout.columns;
  const columns: OutColumn[] = [
    ...(withPlace ? [{ header: t('overview.col.gemeente') }] : []),
    ...(candidacy
      ? [
          { header: tracked.dossier.header, maxWidth: 14 },
          { header: tracked.stadium.header, maxWidth: 28 },
          num(tracked.gemiddelde.header, { numFmt: SCORE }),
          num(tracked.rang.header),
          { header: t('overview.col.fills-gaps'), wrap: true, maxWidth: 50 },
          num(t('overview.col.gap-citizens'), { numFmt: THOUSANDS, right: true }),
        ]
      : []),
    ...fields.map(([, c]) => layoutColumn(c)),
    { header: t('overview.col.source'), maxWidth: 50 },
    num(t('overview.col.row')),
  ];
  // Every field in column order: the sheet shows the records as data, whatever their layout.
  const records: readonly SourcedRecord<Record<string, unknown>>[] = ov.records[spec.id];
  const rows = records.map((r, i) => [
    ...(withPlace ? [cellValue(r.gemeente)] : []),
    ...(candidacy ? candidacyCells(ov, i) : []),
    ...fields.map(([f]) => cellValue(r.record[f])),
    cellValue(r.source),
    r.row,
  ]);
  ws.addTable({ name: spec.table, row: 1, col: 1, columns, rows });
  return ws.part();
}

/** The tracker's dossier, stage, score and rank of a candidacy, and the gaps it addresses. */
function candidacyCells(ov: Overview, i: number): Out[] {
  const tracking = ov.candidacyTracking[i] ?? null;
  const gaps = ov.candidacyGaps[i];
  return [
    cellValue(tracking?.dossier),
    cellValue(tracking?.stage),
    tracking?.average ?? null,
    tracking?.rank ?? null,
    cellValue(gaps?.gaps ?? []),
    gaps?.citizens ?? 0,
  ];
}

function layoutColumn(c: Column): OutColumn {
  const base = { header: c.header, ...(c.numFmt ? { numFmt: c.numFmt } : {}) };
  switch (c.type) {
    case 'longtext':
      return { ...base, wrap: true, maxWidth: 50 };
    case 'choices':
      return { ...base, wrap: true, maxWidth: 40 };
    default:
      return { ...base, maxWidth: 36 };
  }
}

const OVERDUE_FILL = 'FFF4B6B6';
const SOON_FILL = 'FFFBD9A8';
const SEVERITY_KEYS: Record<Reminder['severity'], MessageKey> = {
  overdue: 'reminders.group.overdue',
  soon: 'reminders.group.soon',
  upcoming: 'reminders.group.upcoming',
};

/** Tijdlijn: the matching timeline's steps with their dates (Brussels wall clock). */
function tijdlijn(ov: Overview): SheetPart {
  const ws = sheet(t('reminders.sheet.tijdlijn'), { frozenRows: 1 });
  ws.addTable({
    name: 'Overzicht_Tijdlijn',
    row: 1,
    col: 1,
    columns: [
      { header: t('reminders.col.code'), maxWidth: 14 },
      { header: t('reminders.col.step'), maxWidth: 44 },
      { header: t('reminders.col.start'), numFmt: DATETIME_FORMAT, width: 18 },
      { header: t('reminders.col.end'), numFmt: DATETIME_FORMAT, width: 18 },
      { header: t('reminders.col.provisional'), width: 16 },
      { header: t('reminders.col.description'), wrap: true, maxWidth: 60 },
      { header: t('reminders.col.status'), maxWidth: 40 },
    ],
    rows: ov.timeline.map((m) => [
      cellValue(m.id),
      cellValue(m.label),
      m.start,
      m.end,
      t(m.provisional ? 'reminders.yes' : 'reminders.no'),
      cellValue(m.description),
      m.status,
    ]),
    // A milestone given as a date is a whole day: shown as a date (docs: src/domain/timeline.ts).
    cellStyle: (r, c) => {
      const m = ov.timeline[r];
      if (m === undefined || (c !== 2 && c !== 3)) return undefined;
      return { numFmt: (c === 2 ? m.startTimed : m.endTimed) ? DATETIME_FORMAT : DATE_FORMAT };
    },
  });
  return ws.part();
}

/** Herinneringen: the reminders as of the overview's day; overdue red, within 7 days orange. */
function herinneringen(region: Region, ov: Overview): SheetPart {
  const ws = sheet(t('reminders.sheet.herinneringen'), { frozenRows: 1 });
  const columns: OutColumn[] = [
    { header: t('reminders.col.status'), width: 16 },
    { header: t('reminders.col.due'), numFmt: DATETIME_FORMAT, width: 20 },
    { header: t('reminders.col.who'), maxWidth: 36 },
    { header: t('reminders.col.dossier'), width: 12 },
    { header: t('reminders.col.what'), wrap: true, maxWidth: 90 },
  ];
  ws.addTable({
    name: 'Overzicht_Herinneringen',
    row: 1,
    col: 1,
    columns,
    rows: ov.reminders.map((r) => [
      t(SEVERITY_KEYS[r.severity]),
      instantToWallClock(r.dueAt, region.timeZone),
      cellValue(r.who),
      cellValue(r.dossier),
      cellValue(r.title),
    ]),
    cellStyle: (r, c) =>
      c === 1 && ov.reminders[r]?.dayOnly ? { numFmt: DATE_FORMAT } : undefined,
  });
  if (ov.reminders.length > 0) {
    const last = columnLetters(columns.length);
    const rule = (severity: Reminder['severity'], fill: string, priority: number) => ({
      type: 'expression' as const,
      priority,
      formula: `$A2="${t(SEVERITY_KEYS[severity])}"`,
      fill,
    });
    ws.addConditionalFormatting({
      ref: `A2:${last}${ov.reminders.length + 1}`,
      rules: [rule('overdue', OVERDUE_FILL, 1), rule('soon', SOON_FILL, 2)],
    });
  }
  return ws.part();
}

function bronnen(ov: Overview): SheetPart {
  const ws = sheet(t('sheet.bronnen'), { frozenRows: 1 });
  const dups = duplicatesBySource(ov.duplicates);
  ws.addTable({
    name: 'Bronnen',
    row: 1,
    col: 1,
    columns: [
      { header: t('overview.col.file'), maxWidth: 50 },
      { header: t('overview.col.kind') },
      { header: t('overview.col.owner'), maxWidth: 30 },
      { header: t('overview.col.status') },
      num(t('overview.col.rows-read')),
      num(t('overview.col.rows-taken')),
      num(t('overview.col.rows-refused')),
      num(t('overview.col.errors')),
      num(t('overview.col.warnings')),
      { header: t('overview.col.messages'), wrap: true, maxWidth: 80 },
      { header: t('overview.col.duplicates'), wrap: true, maxWidth: 60 },
      { header: t('overview.col.md5'), width: 34 },
      num(t('overview.col.bytes'), { numFmt: THOUSANDS }),
    ],
    rows: ov.sources.map((s) => [
      cellValue(s.path),
      s.kind === null ? null : t(`kind.${s.kind}`),
      cellValue(s.owner),
      t(s.read ? 'overview.read' : 'overview.unreadable'),
      s.rowsRead,
      s.rowsTaken,
      s.rowsRefused,
      s.errors,
      s.warnings,
      cellValue(capped(sourceMessages(s)).join('\n')),
      cellValue((dups.get(s.path) ?? []).join('\n')),
      s.md5,
      s.bytes,
    ]),
  });
  return ws.part();
}

/** Why the file could not be read, or the issues no refused row shows. */
function sourceMessages(s: SourceRow): string[] {
  return s.refusal === null ? s.issues.map(issueLine) : [refusalMessage(s.refusal)];
}

function capped(messages: string[]): string[] {
  if (messages.length <= MAX_MESSAGES) return messages;
  const more = t('overview.more', { count: messages.length - MAX_MESSAGES });
  return [...messages.slice(0, MAX_MESSAGES), more];
}

/** Per source file, the lines of the duplicates it holds: why (some of) its rows do not count. */
export function duplicatesBySource(duplicates: readonly Duplicate[]): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const d of duplicates) appendTo(lines, d.refused, duplicateLine(d));
  return lines;
}

function afgewezen(ov: Overview): SheetPart {
  const ws = sheet(t('sheet.afgewezen'), { frozenRows: 1 });
  ws.addTable({
    name: 'Afgewezen',
    row: 1,
    col: 1,
    columns: [
      { header: t('overview.col.file'), maxWidth: 50 },
      { header: t('overview.col.sheet') },
      num(t('overview.col.row')),
      { header: t('overview.col.reasons'), wrap: true, maxWidth: 70 },
      { header: t('overview.col.values'), wrap: true, maxWidth: 80 },
    ],
    rows: ov.refused.map((r) => [
      cellValue(r.source),
      cellValue(r.sheet),
      r.row,
      cellValue(r.reasons.map(issueMessage).join('\n')),
      cellValue(r.values),
    ]),
  });
  return ws.part();
}

/** The very hidden _meta: what the file is, for the readers that recognise it. */
function meta(ov: Overview): SheetPart {
  const entries: [string, string | number][] = [
    ['kind', OVERVIEW_KIND],
    ['version', OVERVIEW_VERSION],
    ['region', ov.regionId],
    ['asOf', ov.asOf.toISOString().slice(0, 10)],
    ['gapWaitWeeks', ov.gapWaitWeeks],
  ];
  return {
    name: META_SHEET,
    state: 'veryHidden',
    widths: [14, 30],
    rows: entries.map(([key, value], i) => ({
      row: i + 1,
      cells: [
        { col: 1, value: key },
        { col: 2, value },
      ],
    })),
    merges: [],
    conditional: [],
    tables: [],
  };
}

/** Every sheet name of the overview, in order (for tests and for the sync's messages). */
export function overviewSheetNames(): string[] {
  return [
    t('sheet.overzicht'),
    t('sheet.grafieken'),
    t('sheet.dekking'),
    t('sheet.hiaten'),
    ...RECORD_SHEETS.map((s) => t(s.sheet)),
    t('reminders.sheet.tijdlijn'),
    t('reminders.sheet.herinneringen'),
    t('sheet.bronnen'),
    t('sheet.afgewezen'),
  ];
}
