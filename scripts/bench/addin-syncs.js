// Round trips (context.sync calls) and the largest request of each task pane action in Excel,
// with 100 and with 10,000 persona rows, against the fake Excel of the adapter tests (built on
// office-addin-mock). Runs the tsc build: `npm run build && node scripts/bench/addin-syncs.js`.
// Prints a Markdown table. A request's size is its queued operations as JSON, an estimate of
// what Office.js sends; a response's size is the JSON of the properties its loads asked for
// (Excel on the web refuses requests and responses over 5 MB).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const load = (path) => import(pathToFileURL(join(root, path)).href);
const { fakeExcel } = await load('test/helpers/excel-fake.mjs');
const { noodLayout, personaLayout } = await load('dist/domain/layouts.js');
const { leieSchelde: region } = await load('dist/domain/region/leie-schelde.js');
const { vocabulariesOf } = await load('dist/domain/vocabularies.js');
const { readWorkbook } = await load('dist/workbook/excel/read-workbook.js');
const { setUpWorkbook } = await load('dist/workbook/excel/set-up-workbook.js');
const { replaceRecords, writeRecords } = await load('dist/workbook/excel/write-rows.js');
const { insertChart } = await load('dist/workbook/excel/insert-chart.js');

const lists = vocabulariesOf(region);
// Persona rows of ~1 kB for the long read: two long texts, as a workbook of long stories holds.
const LONG = { krachten: 'k'.repeat(400), doelen: 'd'.repeat(400) };
const persona = (i, texts = {}) => ({
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
  ...texts,
});
const personas = (n, texts) => Array.from({ length: n }, (_, i) => persona(i + 1, texts));
const need = (i, over = {}) => ({
  persona: `P${i}`,
  probleemgebied: lists.probleemgebied[0],
  ernst: lists.ernst[0],
  ...over,
});

/** A gemeente workbook with n personas and a need of each, its counters reset. */
async function workbook(n, texts) {
  const fake = fakeExcel();
  fake.addSheet('Blad1');
  await setUpWorkbook(fake.context, 'gemeente', region, 'Deinze');
  await writeRecords(fake.context, [
    { layout: personaLayout, append: personas(n, texts) },
    { layout: noodLayout, append: personas(n).map((_, i) => need(i + 1)) },
  ]);
  fake.reset();
  return fake;
}

const write = (writes) => (context) => writeRecords(context, writes);

const read = () => (context) => readWorkbook(context);
// Saving an edited persona in the pane: the last one, found by its key, its need changed and a
// need added.
const save = (n) =>
  write([
    { layout: personaLayout, update: [{ key: { id: persona(n).id }, values: persona(n) }] },
    {
      layout: noodLayout,
      update: [{ key: need(n), values: need(n, { ernst: lists.ernst[1] }) }],
      append: [need(n, { omschrijving: 'Nieuwe nood' })],
    },
  ]);

const actions = {
  read,
  'read (persona rows of ~1 kB)': read,
  setUp: () => (context) => setUpWorkbook(context, 'gemeente', region, 'Deinze'),
  'writeRecords: persona + 2 needs (1 update, 1 append)': save,
  'writeRecords: persona + 2 needs, persona rows of ~1 kB': save,
  'writeRecords: 1 persona appended': (n) =>
    write([{ layout: personaLayout, append: [persona(n + 1)] }]),
  'replaceRows (all rows)': (n) => (context) => replaceRecords(context, personaLayout, personas(n)),
  insertChart: () => (context) =>
    insertChart(context, {
      municipality: 'Deinze',
      rows: lists.probleemgebied.map((area, i) => ({ area, demand: 10 * i, offers: i % 3 })),
    }),
};

const sizes = [100, 10_000];
const bytes = (b) => `${b.toLocaleString('en')} B`;
const columns = (n) => `syncs, ${n} rows | largest request | largest response`;
console.log(`| action | ${sizes.map(columns).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '--:|--:|--:').join('|')}|`);
for (const [name, action] of Object.entries(actions)) {
  const cells = [];
  for (const n of sizes) {
    const fake = await workbook(n, name.includes('~1 kB') ? LONG : {});
    await action(n)(fake.context);
    cells.push(String(fake.syncs), bytes(fake.largestRequest()), bytes(fake.largestResponse()));
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
