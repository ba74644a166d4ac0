// Round trips (context.sync calls) and the largest request of each task pane action in Excel,
// with 100 and with 10,000 persona rows, against the fake Excel of the adapter tests (built on
// office-addin-mock). Runs the tsc build: `npm run build && node scripts/bench/addin-syncs.js`.
// Prints a Markdown table. A request's size is its queued operations as JSON, an estimate of
// what Office.js sends (Excel on the web refuses requests over 5 MB).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const load = (path) => import(pathToFileURL(join(root, path)).href);
const { fakeExcel } = await load('test/helpers/excel-fake.mjs');
const { personaLayout } = await load('dist/domain/layouts.js');
const { leieSchelde: region } = await load('dist/domain/region/leie-schelde.js');
const { vocabulariesOf } = await load('dist/domain/vocabularies.js');
const { readWorkbook } = await load('dist/workbook/excel/read-workbook.js');
const { setUpWorkbook } = await load('dist/workbook/excel/set-up-workbook.js');
const { readTable } = await load('dist/workbook/excel/read-table.js');
const { appendRows, replaceRows, updateRows } = await load('dist/workbook/excel/write-rows.js');
const { insertChart } = await load('dist/workbook/excel/insert-chart.js');

const lists = vocabulariesOf(region);
const persona = (i) => ({
  ...Object.fromEntries(
    Object.entries(personaLayout.columns).flatMap(([field, c]) =>
      c.vocabulary === null ? [] : [[field, lists[c.vocabulary][0]]],
    ),
  ),
  id: `P${i}`,
  naam: `Persona ${i}`,
  krachten: 'kan goed koken en houdt van tuinieren',
  doelen: 'werk vinden in de buurt',
  aantal: 12,
});
const personas = (n) => Array.from({ length: n }, (_, i) => persona(i + 1));

/** A gemeente workbook with n personas, its counters reset. */
async function workbook(n) {
  const fake = fakeExcel();
  fake.addSheet('Blad1');
  await setUpWorkbook(fake.context, 'gemeente', region, 'Deinze');
  const table = await readTable(fake.context, personaLayout);
  await appendRows(fake.context, personaLayout, table, personas(n));
  fake.reset();
  return fake;
}

const write = (writer, rows) => async (context) =>
  writer(context, personaLayout, await readTable(context, personaLayout), rows);

const actions = {
  read: () => (context) => readWorkbook(context),
  setUp: () => (context) => setUpWorkbook(context, 'gemeente', region, 'Deinze'),
  'appendRows (1 row)': (n) => write(appendRows, [persona(n + 1)]),
  // Editing personas in the pane: the first and the last row (persona i sits on sheet row i + 1).
  'updateRows (2 rows)': (n) =>
    write(updateRows, [
      { row: 2, values: persona(1) },
      { row: n + 1, values: persona(n) },
    ]),
  'replaceRows (all rows)': (n) => write(replaceRows, personas(n)),
  insertChart: () => (context) =>
    insertChart(context, {
      municipality: 'Deinze',
      rows: lists.probleemgebied.map((area, i) => ({ area, demand: 10 * i, offers: i % 3 })),
    }),
};

const sizes = [100, 10_000];
console.log(
  `| action | ${sizes.map((n) => `syncs, ${n} rows | largest request, ${n} rows`).join(' | ')} |`,
);
console.log(`|---|${sizes.map(() => '--:|--:').join('|')}|`);
for (const [name, action] of Object.entries(actions)) {
  const cells = [];
  for (const n of sizes) {
    const fake = await workbook(n);
    await action(n)(fake.context);
    cells.push(String(fake.syncs), `${fake.largestRequest().toLocaleString('en')} B`);
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
