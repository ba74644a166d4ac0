// The steering-group report's cost on top of the overview: `partnerschap overview`'s work (read
// every workbook, build the overview, write the workbook with its charts) with and without the
// HTML report, on the example drive at --scale 10 and 40, each run a fresh Node process (so both pay their imports, the
// report's Vega and Vega-Lite included), alternated, medians of 5 pairs with min–max.
// Target: the report costs at most 20 % on top of the overview. Needs `npm run build`.
//
//   node scripts/bench/report.js                 (prints the figure)
//   node scripts/bench/report.js --one with DIR  (one run, prints its milliseconds as JSON)
import { Buffer } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const load = (path) => import(pathToFileURL(join(root, path)).href);
const PAIRS = 5;
const SCALES = [10, 40];

if (process.argv[2] === '--one') {
  const start = performance.now();
  const [, , , mode, dir] = process.argv;
  const { readSources } = await load('dist/cli/read-sources.js');
  const { buildOverview } = await load('dist/domain/overview/merge.js');
  const { overviewWorkbook } = await load('dist/workbook/xlsx/write-overview.js');
  const { writeWorkbook } = await load('dist/workbook/xlsx/xlsx-stream.js');
  const { leieSchelde } = await load('dist/domain/region/leie-schelde.js');
  const read = await readSources(dir, leieSchelde);
  const asOf = new Date(Date.UTC(2023, 5, 20));
  const overview = buildOverview(leieSchelde, read.sources, { asOf, gapWaitWeeks: 8 });
  await writeWorkbook(overviewWorkbook(leieSchelde, overview));
  const done = performance.now();
  if (mode === 'with') {
    const { reportHtml } = await load('dist/report/report-html.js');
    Buffer.from(await reportHtml(leieSchelde, overview));
  }
  const end = performance.now();
  console.log(JSON.stringify({ total: end - start, overview: done - start, report: end - done }));
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const once = (mode, dir) => {
  const r = spawnSync(process.execPath, [import.meta.filename, '--one', mode, dir], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${mode} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

const work = mkdtempSync(join(tmpdir(), 'partnerschap-bench-report-'));
try {
  for (const scale of SCALES) measure(scale);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function measure(scale) {
  const drive = join(work, `drive-${scale}`);
  const cli = join(root, 'dist/bin/main.js');
  const made = spawnSync(process.execPath, [cli, 'example', '--out', drive, '--scale', `${scale}`]);
  if (made.status !== 0) throw new Error(`example exited ${made.status}`);
  const without = [];
  const withReport = [];
  for (let i = 0; i < PAIRS; i++) {
    without.push(once('without', drive));
    withReport.push(once('with', drive));
  }
  const f = (xs) =>
    `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  const totals = (runs) => runs.map((r) => r.total);
  const extra = median(totals(withReport)) / median(totals(without)) - 1;
  // The report's own share, timed in the same process as its overview: the machine's load
  // drifts between processes, not within one run.
  const share = median(withReport.map((r) => r.report / r.overview));
  const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;
  console.log(
    `overview with the HTML report vs without, --scale ${scale}: ${pct(extra)} ` +
      `(${f(totals(withReport))} against ${f(totals(without))}); ` +
      `the report alone ${pct(share)} of its overview (${f(withReport.map((r) => r.report))}); ` +
      `target ≤ +20 %`,
  );
}
