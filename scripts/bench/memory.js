// Peak memory of `partnerschap overview`, against `partnerschap validate --json` of the same files
// in the same run (reading and validating alone: the floor the overview adds its merge and its
// write to). Runs alternate (A B A B …); each figure is the highest peak RSS of its runs, with the
// range. Measured with test/helpers/maxrss-preload.mjs, as bench.js does. Needs `npm run build`.
//
//   node scripts/bench/memory.js
//
// Targets: overview ≤ 200 MB at --scale 40 and ≤ 300 MB at --scale 80; one gemeente workbook of
// 20,000 personas and 40,000 needs validated and merged in one run (exit 0, no out-of-memory),
// under 600 MB.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { peakRssMb } from '../../test/helpers/peak-rss.mjs';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/bin/main.js');
const preload = join(root, 'test/helpers/maxrss-preload.mjs');
const load = (path) => import(pathToFileURL(join(root, path)).href);
const PAIRS = 3;
const work = mkdtempSync(join(tmpdir(), 'partnerschap-memory-'));

/** Peak RSS in MB of one CLI run; throws unless it exits as expected. */
function peakMb(args) {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true }); // each process of the run adds its line
  const r = spawnSync(process.execPath, ['--import', preload, cli, ...args], {
    env: { ...process.env, MAXRSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  // validate exits 1 for data problems (the example drive has them on purpose).
  if (r.status !== 0 && !(args[0] === 'validate' && r.status === 1)) {
    throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return peakRssMb(rssFile);
}

/** Alternated runs of the overview and of validate on the same folder. */
function measure(label, dir, target) {
  const out = join(work, 'overzicht.xlsx');
  const overview = [];
  const validate = [];
  for (let i = 0; i < PAIRS; i++) {
    validate.push(peakMb(['validate', '--json', dir]));
    overview.push(peakMb(['overview', '--in', dir, '--out', out, '--at', '09/06/2023']));
  }
  const f = (xs) =>
    `${Math.max(...xs).toFixed(0)} MB (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  console.log(
    `peak RSS of overview, ${label}: ${f(overview)} against validate ${f(validate)}; ` +
      `target ${target}`,
  );
}

function exampleDrive(scale) {
  const dir = join(work, `drive-${scale}`);
  const r = spawnSync(process.execPath, [cli, 'example', '--out', dir, '--scale', String(scale)]);
  if (r.status !== 0) throw new Error(`example --scale ${scale} exited ${r.status}`);
  return dir;
}

/** A folder with one gemeente workbook of 20,000 personas and 40,000 needs. */
async function denseGemeente() {
  const { buildWorkbook } = await load('dist/workbook/xlsx/build-workbook.js');
  const { workbookBytes } = await load('dist/workbook/xlsx/write-templates.js');
  const { noodLayout, personaLayout } = await load('dist/domain/layouts.js');
  const { leieSchelde: region } = await load('dist/domain/region/leie-schelde.js');
  const { vocabulariesOf } = await load('dist/domain/vocabularies.js');
  const lists = vocabulariesOf(region);
  const chosen = (layout, i) =>
    Object.fromEntries(
      Object.entries(layout.columns).flatMap(([field, c]) =>
        c.vocabulary === null ? [] : [[field, lists[c.vocabulary][i % lists[c.vocabulary].length]]],
      ),
    );
  const persona = (i) => ({
    ...chosen(personaLayout, i),
    id: `P${i + 1}`,
    naam: `Persona ${i + 1}`,
    krachten: 'Kan goed koken en houdt van tuinieren; helpt graag anderen.',
    doelen: 'Werk vinden in de buurt, met vaste uren.',
    aantal: (i % 40) + 1,
  });
  const need = (i) => ({
    ...chosen(noodLayout, i + Math.floor(i / 2)),
    persona: `P${Math.floor(i / 2) + 1}`,
    omschrijving: 'Zoekt begeleiding bij het vinden van een woning in de buurt.',
  });
  const rows = {
    persona: Array.from({ length: 20_000 }, (_, i) => persona(i)),
    nood: Array.from({ length: 40_000 }, (_, i) => need(i)),
  };
  const dir = join(work, 'gemeente');
  mkdirSync(join(dir, 'Gemeenten'), { recursive: true });
  const wb = buildWorkbook({ kind: 'gemeente', region, owner: 'Deinze', rows });
  writeFileSync(join(dir, 'Gemeenten', 'Gemeente Deinze.xlsx'), await workbookBytes(wb));
  return dir;
}

try {
  measure('example drive --scale 40', exampleDrive(40), '≤ 200 MB');
  measure('example drive --scale 80', exampleDrive(80), '≤ 300 MB');
  measure(
    'one gemeente workbook, 20,000 personas + 40,000 needs',
    await denseGemeente(),
    '< 600 MB',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
