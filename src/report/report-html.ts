import { t } from '../domain/messages.js';
import {
  deliveryLines,
  deliveryStatusText,
  duplicateLine,
} from '../domain/overview/delivery-text.js';
import type { AreaFigures, Overview } from '../domain/overview/model.js';
import { dutchNumber } from '../domain/overview/records.js';
import { callState } from '../domain/report/call-state.js';
import { reportCharts, type Chart } from '../domain/report/charts.js';
import { coverageGrid, type GridCell } from '../domain/report/coverage-grid.js';
import { countText } from '../domain/report/numbers.js';
import type { Figure, Region } from '../domain/region/schema.js';
import { formatDate } from '../domain/time.js';
import { html, trusted, type Html } from './html.js';
import { STYLE } from './style.js';

// The steering-group report (Regionaal overzicht.html): the overview's figures on one page that
// needs no network and no script: where the call stands, the municipalities, the region's key
// figures, the coverage heat map, three charts as SVG and the timeline. Built from the Overview
// model the workbook is built from, so both always show the same figures.

/** Marks a page the sync wrote, so a run whose drive state was lost recognises it. */
export const REPORT_GENERATOR = 'Partnerschap, verslag voor de stuurgroep';

/** Whether a file is a report the sync wrote (its generator mark). */
export const isReport = (bytes: Buffer): boolean =>
  bytes.toString('utf8', 0, 4096).includes(`<meta name="generator" content="${REPORT_GENERATOR}"`);

/** A chart as SVG: rendered by Vega (loaded only then), or taken from where it was kept. */
export type ChartSvg = (chart: Chart) => Promise<string>;

export const renderChart: ChartSvg = async (chart) =>
  (await import('./render-chart.js')).chartSvg(chart);

export async function reportHtml(
  region: Region,
  ov: Overview,
  svgOf: ChartSvg = renderChart,
): Promise<string> {
  const charts = reportCharts(ov);
  const svgs = new Map<string, Html>();
  for (const c of charts) svgs.set(c.id, trusted(await svgOf(c)));
  const figure = (id: string): Html => {
    const chart = charts.find((c) => c.id === id);
    return chart === undefined ? html`` : chartFigure(chart, svgs.get(id)!);
  };
  const title = t('overview.title', { region: ov.regionName });
  const page = html`<!doctype html>
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="default-src 'none'; style-src 'unsafe-inline'"
        />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="${REPORT_GENERATOR}" />
        <title>${title}</title>
        <style>
          ${trusted(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1>${title}</h1>
          ${header(ov)}
        </header>
        <main>
          ${callSection(region, ov, figure('stadia'))} ${municipalitySection(ov, figure('hiaten'))}
          ${figureSection(region, ov)} ${coverageSection(ov, figure('vraag-aanbod'))}
          ${timelineSection(ov)}
        </main>
        <footer><p>${t('report.footer')}</p></footer>
      </body>
    </html> `;
  return page.text;
}

function header(ov: Overview): Html {
  const t0 = ov.totals;
  const warnings = [...deliveryLines(ov), ...ov.duplicates.map(duplicateLine)];
  return html`<p>
      ${t('overview.subtitle', { date: formatDate(ov.asOf), weeks: dutchNumber(ov.gapWaitWeeks) })}
    </p>
    <p>
      ${t('overview.sources-line', { files: t0.files, unreadable: t0.unreadable, read: t0.rowsRead, taken: t0.rowsTaken, refused: t0.rowsRefused })}
    </p>
    ${warnings.map((w) => html`<p class="warning">${w}</p>`)}`;
}

function callSection(region: Region, ov: Overview, stages: Html): Html {
  const call = callState(region, ov);
  const [first, ...rest] = [...call.step, ...call.candidacies];
  return html`<section aria-labelledby="oproep">
    <h2 id="oproep">${t('report.call')}</h2>
    <div class="call pair">
      <div>
        <p class="next">${first ?? ''}</p>
        ${rest.map((l) => html`<p>${l}</p>`)}
        <h3>${call.overdueHeading}</h3>
        ${
          call.overdue.length === 0
            ? html``
            : html`<ul>
                ${call.overdue.map((o) => html`<li>${o}</li>`)}
              </ul>`
        }
      </div>
      <div>${stages}</div>
    </div>
  </section>`;
}

const num = (n: number | string | null): Html =>
  html`<td class="n">${n === null ? '' : typeof n === 'number' ? countText(n) : n}</td>`;

function municipalitySection(ov: Overview, gaps: Html): Html {
  const row = (a: AreaFigures): Html =>
    html`<tr>
      <th scope="row">${a.municipality ?? t('overview.row.unknown')}</th>
      <td>${a.municipality === null ? '' : deliveryStatusText(a.status)}</td>
      ${num(a.personas)}${num(a.citizens)}${num(a.needs)}
      ${num(a.municipality === null ? null : a.offers)}${num(a.municipality === null ? null : a.candidacies)}${num(a.municipality === null ? null : a.gaps)}
    </tr>`;
  const r = ov.region;
  return html`<section aria-labelledby="gemeenten">
    <h2 id="gemeenten">${t('report.municipalities')}</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">${t('overview.col.gemeente')}</th>
          <th scope="col">${t('overview.col.delivery')}</th>
          <th scope="col" class="n">${t('overview.col.personas')}</th>
          <th scope="col" class="n">${t('overview.col.citizens')}</th>
          <th scope="col" class="n">${t('overview.col.needs')}</th>
          <th scope="col" class="n">${t('overview.col.offers')}</th>
          <th scope="col" class="n">${t('overview.col.candidacies')}</th>
          <th scope="col" class="n">${t('overview.col.gaps')}</th>
        </tr>
      </thead>
      <tbody>
        ${ov.municipalities.map(row)}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${t('overview.row.region', { region: ov.regionName })}</th>
          <td></td>
          ${num(r.personas)}${num(r.citizens)}${num(r.needs)}${num(r.offers)}${num(r.candidacies)}${num(r.gaps)}
        </tr>
      </tfoot>
    </table>
    ${gaps}
  </section>`;
}

const FIGURE_DIGITS: Record<Figure['unit'], { digits: number; suffix: string }> = {
  aantal: { digits: 0, suffix: '' },
  procent: { digits: 1, suffix: ' %' },
  'per 1000': { digits: 2, suffix: ' ‰' },
};

function figureText(f: Figure, value: number | null): string {
  if (value === null) return '';
  const { digits, suffix } = FIGURE_DIGITS[f.unit];
  const n = value.toLocaleString('nl-BE', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${n}${suffix}`;
}

function figureSection(region: Region, ov: Overview): Html {
  if (ov.figures.length === 0) return html``;
  return html`<section aria-labelledby="kerncijfers">
    <h2 id="kerncijfers">${t('report.figures')}</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">${t('overview.col.figure')}</th>
          <th scope="col" class="n">${region.name}</th>
          <th scope="col" class="n">${region.comparison}</th>
          <th scope="col" class="n">${t('overview.col.year')}</th>
        </tr>
      </thead>
      <tbody>
        ${ov.figures.map(
          (f) =>
            html`<tr>
              <th scope="row">${f.label}</th>
              ${num(figureText(f, f.region))}${num(figureText(f, f.province))}${num(f.year === null ? '' : String(f.year))}
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function coverageSection(ov: Overview, chart: Html): Html {
  const grid = coverageGrid(ov);
  const cell = (c: GridCell): Html =>
    html`<td class="${c.state}">
      <span>${c.demand}</span><span>${c.offers}</span><span class="state">${c.label}</span>
    </td>`;
  return html`<section class="coverage" aria-labelledby="dekking">
    <h2 id="dekking">${t('overview.dekking.title')}</h2>
    <p>${t('report.coverage-explain')}</p>
    <p id="legende">${t('report.legend')}:</p>
    <ul class="legend" aria-labelledby="legende">
      ${grid.legend.map((l) => html`<li><span class="swatch ${l.state}"></span>${l.label}</li>`)}
    </ul>
    <table class="heat">
      <thead>
        <tr>
          <th scope="col">${t('overview.col.area')}</th>
          ${grid.municipalities.map((m) => html`<th scope="col">${m}</th>`)}
          <th scope="col">${t('overview.dekking.region')}</th>
        </tr>
      </thead>
      <tbody>
        ${grid.rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${r.area}</th>
              ${r.cells.map(cell)}
              <td><span>${r.region.demand}</span><span>${r.region.offers}</span></td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${chart}
  </section>`;
}

function timelineSection(ov: Overview): Html {
  return html`<section aria-labelledby="tijdlijn">
    <h2 id="tijdlijn">${t('report.timeline')}</h2>
    <table class="timeline">
      <thead>
        <tr>
          <th scope="col">${t('reminders.col.step')}</th>
          <th scope="col">${t('report.timeline.when')}</th>
          <th scope="col">${t('reminders.col.status')}</th>
          <th scope="col">${t('reminders.col.description')}</th>
        </tr>
      </thead>
      <tbody>
        ${ov.timeline.map(
          (s) =>
            html`<tr class="${s.state}">
              <th scope="row">${s.label}</th>
              <td>${s.dateText}</td>
              <td>${s.status}</td>
              <td>${s.description}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** A chart with its caption, and its figures as a table for whoever cannot see the chart. */
function chartFigure(chart: Chart, svg: Html): Html {
  return html`<figure aria-labelledby="${chart.id}">
    <figcaption id="${chart.id}">${chart.title}</figcaption>
    ${svg}
    <details>
      <summary>${t('report.chart.table')}</summary>
      <table>
        <thead>
          <tr>
            ${chart.table.columns.map((c) => html`<th scope="col">${c}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${chart.table.rows.map(
            (r) =>
              html`<tr>
                <th scope="row">${r[0] ?? ''}</th>
                ${r.slice(1).map((v) => html`<td class="n">${v}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
