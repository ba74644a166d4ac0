import { canonicalJson } from '../domain/canonical-json.js';
import type { Chart } from '../domain/report/charts.js';
import { renderChart } from '../report/report-html.js';
import { sha256, type ContentCache } from './cache.js';
import { programVersion } from './program-version.js';

// The report's charts as SVG, kept in the local cache under the chart's whole specification (its
// data included) and the program's version (with the installed Vega's): a run whose charts did
// not change renders none, and does not load Vega and Vega-Lite (~0.4 s of a run with one changed
// file). Vega renders the same specification to the same SVG, so the report's bytes are the same.

/** Every chart entry's name starts so: the cache's pruning tells them from the other entries. */
export const CHART_PREFIX = 'chart-';

export class CachedCharts {
  /** The entries this run used or wrote, to keep when the cache is pruned. */
  readonly used = new Set<string>();

  constructor(private readonly cache: ContentCache) {}

  readonly svgOf = async (chart: Chart): Promise<string> => {
    const key = JSON.stringify([programVersion(), canonicalJson(chart)]);
    const name = `${CHART_PREFIX}${sha256(key).toString('hex').slice(0, 32)}`;
    this.used.add(name);
    const known = await this.cache.derived<unknown>(name, key);
    if (typeof known === 'string') return known;
    const svg = await renderChart(chart);
    await this.cache.putDerived(name, key, svg);
    return svg;
  };
}
