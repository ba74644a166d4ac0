// `npm run bench`, a gemeente workbook whose rows are all refused (personas without their
// required fields): the first sync of 10,000 such rows against one of 2,500, alternated for 5
// pairs, each on a fresh copy of its drive. Every refused row is a line of the feedback letter;
// grouping those lines by copying the list per line once made 5,000 rows take 18 s. Target: time
// at 4× the rows ≤ 4.2× (as for the overview's input). Needs `npm run build`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/bin/main.js');
const load = (path) => import(pathToFileURL(join(root, path)).href);
const PAIRS = 5;
const work = mkdtempSync(join(tmpdir(), 'partnerschap-refused-'));

/** A drive with one gemeente workbook of `n` personas, each without its required fields. */
async function drive(n) {
  const { buildWorkbook } = await load('dist/workbook/xlsx/build-workbook.js');
  const { workbookBytes } = await load('dist/workbook/xlsx/write-templates.js');
  const { leieSchelde: region } = await load('dist/domain/region/leie-schelde.js');
  const dir = join(work, `drive-${n}`);
  for (const folder of ['Gemeenten', 'Partners/Aanbod', 'Partners/Kandidaturen']) {
    mkdirSync(join(dir, folder), { recursive: true });
  }
  const persona = (i) => ({ id: `P${i}`, naam: `Persona ${i}`, doelen: 'Werk vinden.' });
  const rows = { persona: Array.from({ length: n }, (_, i) => persona(i + 1)) };
  const wb = buildWorkbook({ kind: 'gemeente', region, owner: 'Melle', rows });
  writeFileSync(join(dir, 'Gemeenten', 'Gemeente Melle.xlsx'), await workbookBytes(wb));
  return dir;
}

/** Wall time in ms of a first sync of a fresh copy of `pristine`; exit 1: rows refused. */
function firstSync(pristine, round) {
  const copy = join(work, `round-${round}`);
  rmSync(copy, { recursive: true, force: true });
  cpSync(pristine, join(copy, 'drive'), { recursive: true });
  const args = ['sync', '--drive', `folder:${join(copy, 'drive')}`, '--state', join(copy, 'state')];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args, '--json'], { stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 1) throw new Error(`sync of ${pristine} exited ${r.status}, not 1`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

try {
  const small = await drive(2_500);
  const large = await drive(10_000);
  const ratios = [];
  const times = { small: [], large: [] };
  for (let i = 0; i < PAIRS; i++) {
    times.small.push(firstSync(small, i));
    times.large.push(firstSync(large, i));
    ratios.push(times.large[i] / times.small[i]);
  }
  console.log(
    `first sync of 10,000 refused rows vs 2,500: ${median(ratios).toFixed(2)}× ` +
      `(${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)} over ${PAIRS} pairs; ` +
      `${s(median(times.large))} against ${s(median(times.small))}); target ≤ 4.2×`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
