// Validating 10,000 rows in the task pane (Chromium, production build, preview mode) against the
// same code in Node, in one run. Both sides time the same two steps of the same workbook: turning
// the exceljs workbook into the domain's cells ("read") and the validation itself ("validate").
// Each run is a fresh page or a fresh Node process, so both pay their cold start alike.
// Needs `npm run build` and Debian's chromium.
//
//   node scripts/bench/addin-validate.js            (prints a Markdown table)
//   node scripts/bench/addin-validate.js --node F   (one Node run on file F, prints JSON)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, serveStatic } from '../addin-browser.js';

const root = join(import.meta.dirname, '../..');
const load = (path) => import(pathToFileURL(join(root, path)).href);
const ROWS = 10_000;
const RUNS = 5;

if (process.argv[2] === '--node') {
  const { readFileSync } = await import('node:fs');
  const { loadWorkbook, rawWorkbookOf } = await load('dist/workbook/xlsx/exceljs-raw.js');
  const { rowCounts, validateWorkbook } = await load('dist/domain/validate.js');
  const { leieSchelde } = await load('dist/domain/region/leie-schelde.js');
  const file = process.argv[3];
  const wb = await loadWorkbook(readFileSync(file), 'Gemeente Deinze.xlsx');
  const start = performance.now();
  const raw = rawWorkbookOf(wb, 'Gemeente Deinze.xlsx');
  const read = performance.now();
  const result = validateWorkbook(raw, leieSchelde);
  const end = performance.now();
  const rows = rowCounts(result.sheets).read;
  console.log(JSON.stringify({ read: read - start, validate: end - read, rows }));
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function bigWorkbook(file) {
  const { buildWorkbook } = await load('dist/workbook/xlsx/build-workbook.js');
  const { workbookBytes } = await load('dist/workbook/xlsx/write-templates.js');
  const { personaLayout } = await load('dist/domain/layouts.js');
  const { leieSchelde: region } = await load('dist/domain/region/leie-schelde.js');
  const { vocabulariesOf } = await load('dist/domain/vocabularies.js');
  const lists = vocabulariesOf(region);
  const persona = (i) => ({
    ...Object.fromEntries(
      Object.entries(personaLayout.columns).flatMap(([field, c]) =>
        c.vocabulary === null ? [] : [[field, lists[c.vocabulary][i % lists[c.vocabulary].length]]],
      ),
    ),
    id: `P${i + 1}`,
    naam: `Persona ${i + 1}`,
    krachten: 'Kan goed koken en houdt van tuinieren; helpt graag anderen.',
    doelen: 'Werk vinden in de buurt, met vaste uren.',
    aantal: (i % 40) + 1,
  });
  const rows = { persona: Array.from({ length: ROWS }, (_, i) => persona(i)) };
  const wb = buildWorkbook({ kind: 'gemeente', region, owner: 'Deinze', rows });
  writeFileSync(file, await workbookBytes(wb));
}

function nodeRun(file) {
  const r = spawnSync(process.execPath, [import.meta.filename, '--node', file], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

async function pageRun(browser, url, file) {
  const page = await browser.newPage();
  await page.route('https://appsforoffice.microsoft.com/**', (r) => r.abort());
  await page.goto(`${url}/taskpane.html?preview`);
  await page.locator('#workbook-state').waitFor();
  await page.getByTestId('preview-file-input').setInputFiles(file);
  await page.locator('#workbook-state', { hasText: 'van Deinze' }).waitFor({ timeout: 120_000 });
  const measures = await page.evaluate(() =>
    ['partnerschap:read', 'partnerschap:validate'].map(
      (name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN,
    ),
  );
  await page.close();
  return { read: measures[0], validate: measures[1] };
}

const work = mkdtempSync(join(tmpdir(), 'addin-validate-'));
try {
  const file = join(work, 'Gemeente Deinze.xlsx');
  await bigWorkbook(file);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const { url, server } = await serveStatic(join(root, 'dist/addin'));
  const node = [];
  const page = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(nodeRun(file));
    page.push(await pageRun(browser, url, file));
  }
  await browser.close();
  server.close();
  const row = (step) => {
    const p = median(page.map((r) => r[step]));
    const n = median(node.map((r) => r[step]));
    return `| ${step} | ${p.toFixed(0)} ms | ${n.toFixed(0)} ms | ${(p / n).toFixed(2)}× |`;
  };
  console.log(`\nValidating ${node[0].rows} rows, median of ${RUNS} cold runs each:\n`);
  console.log('| step | Chromium (page) | Node | page / Node |');
  console.log('|---|--:|--:|--:|');
  console.log(row('read'));
  console.log(row('validate'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
