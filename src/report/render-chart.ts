import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Chart } from '../domain/report/charts.js';
import { escapeHtml } from './html.js';

// A chart of the report as SVG, rendered in Node: Vega-Lite compiles the domain's specification
// to Vega, Vega renders it without a browser (renderer 'none': no canvas, no DOM). Numbers are
// formatted the Dutch way. The SVG is one image named by its title and described by its
// description; Vega's own ARIA roles and labels (English, and roles axe does not allow inside an
// image) are taken out.

// vega exports locale() but its typings do not declare it.
const { locale } = vega as unknown as {
  locale: (numbers: object, times: null) => vega.LocaleFormatters;
};
const DUTCH = locale({ decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] }, null);

export async function chartSvg(chart: Chart): Promise<string> {
  const spec = compile(chart.spec as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none', locale: DUTCH });
  try {
    return named(await view.toSVG(), chart);
  } finally {
    view.finalize();
  }
}

function named(svg: string, chart: Chart): string {
  const title = `${chart.id}-titel`;
  const desc = `${chart.id}-uitleg`;
  const open = svg.indexOf('>') + 1;
  if (!svg.startsWith('<svg') || open === 0) throw new Error(`chart ${chart.id}: no SVG rendered`);
  const inner = svg.slice(open).replace(/ (?:role|aria-[a-z]+)="[^"]*"/g, '');
  return (
    `<svg role="img" aria-labelledby="${title} ${desc}"${svg.slice(4, open)}` +
    `<title id="${title}">${escapeHtml(chart.title)}</title>` +
    `<desc id="${desc}">${escapeHtml(chart.description)}</desc>` +
    inner
  );
}
