import { t } from '../messages.js';
import type { GapReason, Overview, StageCount } from '../overview/model.js';
import { dutchNumber } from '../overview/records.js';
import { SUPPRESSED_STANDS_FOR, type ShownCount } from '../overview/suppress.js';

// The figures the charts show, once: the steering group's report draws them with Vega-Lite
// (charts.ts), the overview workbook as native Excel charts on its Grafieken sheet. Both take
// them from here, so both always show the same numbers.

export interface AreaDemand {
  area: string;
  /** Estimated citizens with a need in the area, in the whole region ("< 5" below five). */
  demand: ShownCount;
  /** Needs in the area, in the whole region. */
  needs: number;
  /** Active offers for the area, anywhere in the region. */
  offers: number;
}

export interface MunicipalityGaps {
  municipality: string;
  /** Gaps per reason; 0 for a municipality without a workbook that counts. */
  byReason: Record<GapReason, number>;
  /** All its gaps; null when no workbook of it counts (no figures, never 0). */
  total: number | null;
}

export interface ChartFigures {
  demand: AreaDemand[];
  gaps: MunicipalityGaps[];
  /** The tracker's candidacies per stage; null without a tracker (no chart then). */
  stages: StageCount[] | null;
}

export const GAP_REASONS: readonly GapReason[] = ['no-offer', 'long-wait'];

/** The series' colours (RRGGBB with #), the same in the report and the workbook. */
export const CHART_COLOURS = {
  demand: '#b5473a',
  offers: '#2f6690',
  'no-offer': '#a50f15',
  'long-wait': '#f0a35e',
  stages: '#51796f',
} as const;

export function chartFigures(ov: Overview): ChartFigures {
  return {
    demand: ov.coverage.rows.map((r) => ({
      area: r.area,
      demand: r.region.demand,
      needs: r.region.needs,
      offers: r.region.offers,
    })),
    gaps: ov.municipalities.flatMap((a) =>
      a.municipality === null
        ? []
        : [
            {
              municipality: a.municipality,
              byReason: {
                'no-offer': gapCount(ov, a.municipality, 'no-offer'),
                'long-wait': gapCount(ov, a.municipality, 'long-wait'),
              },
              total: a.gaps,
            },
          ],
    ),
    stages: ov.stages,
  };
}

function gapCount(ov: Overview, municipality: string, reason: GapReason): number {
  return ov.gaps.filter((g) => g.municipality === municipality && g.reason === reason).length;
}

/** The reasons of a gap as a legend names them. */
export function gapReasonLabels(ov: Overview): Record<GapReason, string> {
  return {
    'no-offer': t('overview.reason.no-offer'),
    'long-wait': t('overview.reason.long-wait', { weeks: dutchNumber(ov.gapWaitWeeks) }),
  };
}

/** A stage as a chart names it: rows without a stage of the list together. */
export function stageLabel(s: StageCount): string {
  return s.stage ?? t('report.chart.stages.none');
}

/** The length of a count's bar: a suppressed count stands in the middle of 1 to 4. */
export const barValue = (n: ShownCount): number =>
  typeof n === 'number' ? n : SUPPRESSED_STANDS_FOR;
