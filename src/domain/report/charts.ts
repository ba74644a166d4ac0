import { t } from '../messages.js';
import type { Overview, StageCount } from '../overview/model.js';
import { dutchNumber } from '../overview/records.js';
import {
  barValue,
  CHART_COLOURS,
  chartFigures,
  GAP_REASONS,
  gapReasonLabels,
  stageLabel,
  type ChartFigures,
} from './chart-figures.js';
import { countText } from './numbers.js';

// The report's charts as Vega-Lite specifications (plain JSON: the domain knows no chart
// library), each with its title, a description and the same figures as a table, the charts'
// text alternative. The figures come from chart-figures.ts, as the workbook's charts do. The
// report adapter renders them to SVG.

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

export interface Chart {
  /** Unique in the page: ids of the chart's title and description derive from it. */
  id: string;
  title: string;
  description: string;
  /** A Vega-Lite top-level specification. */
  spec: Record<string, unknown>;
  table: ChartTable;
}

const INK = '#1a1a1a';
const {
  demand: DEMAND,
  offers: OFFERS,
  'no-offer': NO_OFFER,
  'long-wait': LONG_WAIT,
} = CHART_COLOURS;
const STAGES = CHART_COLOURS.stages;
/** A bar's row height in px; charts grow with their rows. */
const STEP = 22;

/** Shared look: readable sizes, the page's font. */
const CONFIG = {
  font: 'Segoe UI, Arial, sans-serif',
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: INK, labelLimit: 0 },
  legend: { labelLimit: 0, labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: INK },
};

export function reportCharts(ov: Overview): Chart[] {
  const figures = chartFigures(ov);
  const stages = figures.stages;
  return [
    demandChart(ov, figures),
    gapsChart(ov, figures),
    ...(stages === null ? [] : [stagesChart(stages)]),
  ];
}

/** Room right of the longest bar for its label. */
const withLabelRoom = (values: number[]) => ({ domainMax: Math.max(1, ...values) * 1.2 });

/** Horizontal bars with their value written after them, rows in the given order. */
function labelledBars(o: {
  y: string;
  order: string[];
  x: string;
  xTitle: string;
  text: string;
  color: string;
  width: number;
  max: number[];
  yAxis?: boolean;
}): Record<string, unknown> {
  const y = {
    field: o.y,
    type: 'nominal',
    sort: o.order,
    title: null,
    ...(o.yAxis === false ? { axis: null } : {}),
  };
  const x = {
    field: o.x,
    type: 'quantitative',
    title: o.xTitle,
    axis: { format: 'd', tickMinStep: 1 },
    scale: withLabelRoom(o.max),
  };
  return {
    width: o.width,
    height: { step: STEP },
    layer: [
      { mark: { type: 'bar', color: o.color }, encoding: { y, x } },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: INK, fontSize: 12 },
        encoding: { y, x, text: { field: o.text } },
      },
    ],
  };
}

function demandChart(ov: Overview, figures: ChartFigures): Chart {
  const rows = figures.demand.map((r) => ({
    area: r.area,
    demand: barValue(r.demand),
    demandText: countText(r.demand),
    offers: r.offers,
    offersText: countText(r.offers),
  }));
  const areas = rows.map((r) => r.area);
  const demandTitle = t('report.chart.demand.demand');
  const offersTitle = t('report.chart.demand.offers');
  return {
    id: 'vraag-aanbod',
    title: t('report.chart.demand.title'),
    description: t('report.chart.demand.description', { region: ov.regionName }),
    spec: {
      config: CONFIG,
      data: { values: rows },
      hconcat: [
        labelledBars({
          y: 'area',
          order: areas,
          x: 'demand',
          xTitle: demandTitle,
          text: 'demandText',
          color: DEMAND,
          width: 400,
          max: rows.map((r) => r.demand),
        }),
        labelledBars({
          y: 'area',
          order: areas,
          x: 'offers',
          xTitle: offersTitle,
          text: 'offersText',
          color: OFFERS,
          width: 240,
          max: rows.map((r) => r.offers),
          yAxis: false,
        }),
      ],
      resolve: { scale: { y: 'shared' } },
    },
    table: {
      columns: [t('overview.col.area'), demandTitle, offersTitle],
      rows: rows.map((r) => [r.area, r.demandText, r.offersText]),
    },
  };
}

function gapsChart(ov: Overview, figures: ChartFigures): Chart {
  const reasons = gapReasonLabels(ov);
  const areas = figures.gaps;
  const bars = areas.flatMap((a) =>
    GAP_REASONS.map((reason) => ({
      municipality: a.municipality,
      reason: reasons[reason],
      gaps: a.byReason[reason],
    })),
  );
  // A municipality without a workbook that counts has no gaps to show: it says so, never 0.
  const labels = areas.map((a) => ({
    municipality: a.municipality,
    total: a.total ?? 0,
    text: a.total === null ? t('report.not-delivered') : countText(a.total),
  }));
  const municipalities = areas.map((a) => a.municipality);
  const y = { field: 'municipality', type: 'nominal', sort: municipalities, title: null };
  const x = {
    field: 'gaps',
    type: 'quantitative',
    title: t('report.chart.gaps.axis'),
    axis: { format: 'd', tickMinStep: 1 },
    scale: withLabelRoom(labels.map((l) => l.total)),
  };
  return {
    id: 'hiaten',
    title: t('report.chart.gaps.title'),
    description: t('report.chart.gaps.description', { weeks: dutchNumber(ov.gapWaitWeeks) }),
    spec: {
      config: CONFIG,
      width: 480,
      height: { step: STEP },
      layer: [
        {
          data: { values: bars },
          mark: 'bar',
          encoding: {
            y,
            x,
            color: {
              field: 'reason',
              type: 'nominal',
              title: t('overview.col.reason'),
              scale: { domain: Object.values(reasons), range: [NO_OFFER, LONG_WAIT] },
              legend: { orient: 'bottom', direction: 'vertical' },
            },
            order: { field: 'reason', sort: 'descending' },
          },
        },
        {
          data: { values: labels },
          mark: { type: 'text', align: 'left', dx: 4, color: INK, fontSize: 12 },
          encoding: { y, x: { ...x, field: 'total' }, text: { field: 'text' } },
        },
      ],
    },
    table: {
      columns: [t('overview.col.gemeente'), ...Object.values(reasons), t('overview.col.gaps')],
      rows: areas.map((a, i) => [
        a.municipality,
        ...GAP_REASONS.map((reason) => (a.total === null ? '' : countText(a.byReason[reason]))),
        labels[i]!.text,
      ]),
    },
  };
}

function stagesChart(stages: StageCount[]): Chart {
  const rows = stages.map((s) => ({
    stage: stageLabel(s),
    candidacies: s.candidacies,
    text: countText(s.candidacies),
  }));
  const axis = t('report.chart.stages.axis');
  return {
    id: 'stadia',
    title: t('report.chart.stages.title'),
    description: t('report.chart.stages.description'),
    spec: {
      config: CONFIG,
      data: { values: rows },
      ...labelledBars({
        y: 'stage',
        order: rows.map((r) => r.stage),
        x: 'candidacies',
        xTitle: axis,
        text: 'text',
        color: STAGES,
        width: 320,
        max: rows.map((r) => r.candidacies),
      }),
    },
    table: {
      columns: [t('report.chart.stages.stage'), axis],
      rows: rows.map((r) => [r.stage, r.text]),
    },
  };
}
