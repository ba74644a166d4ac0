import { t } from '../messages.js';
import type { CoverageCell, Overview } from '../overview/model.js';
import { dutchNumber } from '../overview/records.js';
import { countText } from './numbers.js';

// The report's heat map: problem area × municipality, each cell a state (its colour) and the
// same state in words, so no reader depends on colour alone. The state follows the overview's
// gaps; a municipality without a workbook that counts has no demand to judge.

export type CellState = 'no-offer' | 'long-wait' | 'covered' | 'no-demand' | 'not-delivered';

export interface GridCell {
  state: CellState;
  /** "12 burgers" or "< 5 burgers"; empty when not delivered. */
  demand: string;
  /** "2 aanbod". */
  offers: string;
  /** The state in words: "hiaat: geen aanbod", "gedekt" … */
  label: string;
}

export interface GridRow {
  area: string;
  cells: GridCell[];
  /** The whole region: demand and offers, no state of its own. */
  region: Pick<GridCell, 'demand' | 'offers'>;
}

export interface CoverageGrid {
  municipalities: string[];
  rows: GridRow[];
  /** Every state with its words, for the legend. */
  legend: { state: CellState; label: string }[];
}

export function coverageGrid(ov: Overview): CoverageGrid {
  const labels: Record<CellState, string> = {
    'no-offer': t('report.cell.no-offer'),
    'long-wait': t('report.cell.long-wait', { weeks: dutchNumber(ov.gapWaitWeeks) }),
    covered: t('report.cell.covered'),
    'no-demand': t('report.cell.no-demand'),
    'not-delivered': t('report.not-delivered'),
  };
  const delivered = new Set(
    ov.municipalities.filter((a) => a.status === 'delivered').map((a) => a.municipality),
  );
  const gapOf = new Map(ov.gaps.map((g) => [`${g.municipality}\u0000${g.area}`, g.reason]));
  const cell = (c: CoverageCell, state: CellState): GridCell => ({
    state,
    demand:
      state === 'not-delivered' ? '' : t('report.cell.demand', { count: countText(c.demand) }),
    offers: t('report.cell.offers', { count: countText(c.offers) }),
    label: labels[state],
  });
  const stateOf = (c: CoverageCell, municipality: string, area: string): CellState => {
    if (!delivered.has(municipality)) return 'not-delivered';
    const gap = gapOf.get(`${municipality}\u0000${area}`);
    if (gap !== undefined) return gap;
    return c.needs === 0 ? 'no-demand' : 'covered';
  };
  const { municipalities } = ov.coverage;
  return {
    municipalities,
    rows: ov.coverage.rows.map((r) => ({
      area: r.area,
      cells: r.cells.map((c, i) => cell(c, stateOf(c, municipalities[i]!, r.area))),
      region: {
        demand: t('report.cell.demand', { count: countText(r.region.demand) }),
        offers: t('report.cell.offers', { count: countText(r.region.offers) }),
      },
    })),
    legend: (Object.keys(labels) as CellState[]).map((state) => ({ state, label: labels[state] })),
  };
}
