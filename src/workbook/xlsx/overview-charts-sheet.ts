import { columnLetters, quotedSheet } from '../../domain/address.js';
import { t } from '../../domain/messages.js';
import type { Overview, StageCount } from '../../domain/overview/model.js';
import { dutchNumber } from '../../domain/overview/records.js';
import {
  type AreaDemand,
  CHART_COLOURS,
  chartFigures,
  GAP_REASONS,
  gapReasonLabels,
  type MunicipalityGaps,
  stageLabel,
} from '../../domain/report/chart-figures.js';
import { formatDate } from '../../domain/time.js';
import { barChartXml, type ChartSeries } from './chart-xml.js';
import { SheetBuilder, tableWidths, type Out, type TableBlock } from './overview-sheets.js';
import type { ChartAnchor, SheetPart } from './xlsx-stream.js';

// The overview's Grafieken sheet: three native Excel charts of the report's figures
// (chart-figures.ts). Each chart's figures stand in a small table at the left, and the chart beside it names
// those cells, so what the chart shows can be read, filtered and copied like any table.

const COUNT = '#,##0';
/** The charts start in column F, past the tables and a narrow empty column E. */
const TABLE_COLUMNS = 4;
const CHART_COL = TABLE_COLUMNS + 2;
const CHART_COLUMNS = 10;
/** Rows a chart spans at least, and per bar. */
const CHART_MIN_ROWS = 16;
const ROWS_PER_BAR = 1.5;
/** Empty rows between one table and chart and the next. */
const BLOCK_GAP = 2;

interface Block {
  table: TableBlock;
  chart: (table: TableBlock, ref: Refs) => Omit<ChartAnchor, 'from' | 'to'>;
}

/** Formulas of a table's cells on this sheet. */
interface Refs {
  /** The header cell of column i (0-based). */
  header: (i: number) => string;
  /** The body cells of column i. */
  body: (i: number) => string;
}

export function chartsSheet(ov: Overview): SheetPart {
  const name = t('sheet.grafieken');
  const figures = chartFigures(ov);
  const blocks: Block[] = [
    demandBlock(ov, figures.demand),
    gapsBlock(ov, figures.gaps),
    ...(figures.stages === null ? [] : [stagesBlock(figures.stages)]),
  ];

  const each = blocks.map((b) => tableWidths(b.table));
  const widths = Array.from({ length: TABLE_COLUMNS }, (_, i) =>
    Math.max(...each.map((w) => w[i] ?? 0)),
  );
  const ws = new SheetBuilder(name, { frozenRows: 1, onePage: true });
  const notes = [
    t('overview.charts.intro', { date: formatDate(ov.asOf) }),
    ...(figures.stages === null ? [t('report.no-tracker')] : []),
  ];
  let row = ws.addHeading(t('overview.charts.title', { region: ov.regionName }), notes, widths);
  ws.width(CHART_COL - 1, 3);

  const charts: ChartAnchor[] = [];
  for (const block of blocks) {
    const table = { ...block.table, row };
    ws.addTable(table, widths);
    const bars = Math.max(1, table.rows.length);
    const height = Math.max(CHART_MIN_ROWS, Math.ceil(bars * ROWS_PER_BAR) + 8);
    charts.push({
      ...block.chart(table, refs(name, table)),
      from: { col: CHART_COL, row },
      to: { col: CHART_COL + CHART_COLUMNS, row: row + height },
    });
    row += Math.max(height, bars + 1) + BLOCK_GAP;
  }
  return { ...ws.part(), charts };
}

function refs(sheet: string, table: TableBlock): Refs {
  const cell = (i: number, r: number) => `$${columnLetters(table.col + i)}$${r}`;
  const last = table.row + Math.max(1, table.rows.length);
  return {
    header: (i) => `${quotedSheet(sheet)}!${cell(i, table.row)}`,
    body: (i) => `${quotedSheet(sheet)}!${cell(i, table.row + 1)}:${cell(i, last)}`,
  };
}

/** A series of a table's column: its header names it, its body cells are its values. */
function series(table: TableBlock, ref: Refs, i: number, colour: string): ChartSeries {
  return {
    nameRef: ref.header(i),
    name: table.columns[i]!.header,
    valuesRef: ref.body(i),
    values: table.rows.map((r) => {
      const v = r[i];
      return typeof v === 'number' ? v : null;
    }),
    colour: colour.slice(1).toUpperCase(),
  };
}

const categories = (table: TableBlock) => table.rows.map((r) => String(r[0] ?? ''));

/** Needs and offers side by side (counts of one scale); the citizens they stand for beside. */
function demandBlock(ov: Overview, demand: AreaDemand[]): Block {
  const table: TableBlock = {
    name: 'Grafiek_Noden_Aanbod',
    row: 0,
    col: 1,
    columns: [
      { header: t('overview.col.area'), maxWidth: 40 },
      { header: t('overview.col.needs'), numFmt: COUNT },
      { header: t('report.chart.demand.offers'), numFmt: COUNT },
      { header: t('report.chart.demand.demand'), numFmt: COUNT, right: true },
    ],
    rows: demand.map((d): Out[] => [d.area, d.needs, d.offers, d.demand]),
  };
  return {
    table,
    chart: (placed, ref) => ({
      name: t('overview.charts.demand.title'),
      description: t('overview.charts.demand.description', { region: ov.regionName }),
      xml: barChartXml({
        title: t('overview.charts.demand.title'),
        categoriesRef: ref.body(0),
        categories: categories(placed),
        series: [
          series(placed, ref, 1, CHART_COLOURS.demand),
          series(placed, ref, 2, CHART_COLOURS.offers),
        ],
        stacked: false,
        valueAxisTitle: t('overview.charts.demand.axis'),
      }),
    }),
  };
}

function gapsBlock(ov: Overview, gaps: MunicipalityGaps[]): Block {
  const reasons = gapReasonLabels(ov);
  const table: TableBlock = {
    name: 'Grafiek_Hiaten',
    row: 0,
    col: 1,
    columns: [
      { header: t('overview.col.gemeente'), maxWidth: 30 },
      ...GAP_REASONS.map((reason) => ({ header: reasons[reason], numFmt: COUNT })),
      { header: t('overview.col.gaps'), numFmt: COUNT, right: true },
    ],
    // A municipality without a workbook that counts has no figures: empty, never 0.
    rows: gaps.map((g): Out[] => [
      g.municipality,
      ...GAP_REASONS.map((reason) => (g.total === null ? null : g.byReason[reason])),
      g.total ?? t('report.not-delivered'),
    ]),
  };
  return {
    table,
    chart: (placed, ref) => ({
      name: t('report.chart.gaps.title'),
      description: t('report.chart.gaps.description', { weeks: dutchNumber(ov.gapWaitWeeks) }),
      xml: barChartXml({
        title: t('report.chart.gaps.title'),
        categoriesRef: ref.body(0),
        categories: categories(placed),
        // White on the dark red of "no offer", ink on the light orange.
        series: GAP_REASONS.map((reason, i) => ({
          ...series(placed, ref, i + 1, CHART_COLOURS[reason]),
          ...(reason === 'no-offer' ? { labelColour: 'FFFFFF' } : {}),
        })),
        stacked: true,
        valueAxisTitle: t('report.chart.gaps.axis'),
      }),
    }),
  };
}

function stagesBlock(stages: StageCount[]): Block {
  const table: TableBlock = {
    name: 'Grafiek_Stadia',
    row: 0,
    col: 1,
    columns: [
      { header: t('report.chart.stages.stage'), maxWidth: 40 },
      { header: t('report.chart.stages.axis'), numFmt: COUNT },
    ],
    rows: stages.map((s): Out[] => [stageLabel(s), s.candidacies]),
  };
  return {
    table,
    chart: (placed, ref) => ({
      name: t('report.chart.stages.title'),
      description: t('report.chart.stages.description'),
      xml: barChartXml({
        title: t('report.chart.stages.title'),
        categoriesRef: ref.body(0),
        categories: categories(placed),
        series: [series(placed, ref, 1, CHART_COLOURS.stages)],
        stacked: false,
        valueAxisTitle: t('report.chart.stages.axis'),
      }),
    }),
  };
}
