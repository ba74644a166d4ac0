// `npm run bench`, the incremental sync (called by bench.js; run alone after `npm run build`):
// - a sync with nothing changed, against a plain `md5sum` of every file of the drive (what any
//   tool must do at least to know that nothing changed); target ≤ 10×;
// - a sync with one offer workbook changed, against a sync with nothing changed plus the
//   overview's write as a sync does it (once, in a fresh process: overview-write.js); target
//   ≤ 1.5×. The write repeated in this process is printed beside it: warmed up, it is faster than
//   any sync's.
// Both at --scale 10 and 40 of the example drive, alternated (baseline, subject, …) for at least
// 5 pairs; medians, with the min–max of each side.
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';

const root = join(import.meta.dirname, '../..');
const dist = (p) => join(root, 'dist', p);
const cli = dist('bin/main.js');
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'partnerschap-bench-sync-'));

const { loadRegion } = await import(dist('cli/region-file.js'));
const { readSources } = await import(dist('cli/read-sources.js'));
const { buildOverview } = await import(dist('domain/overview/merge.js'));
// The writer as a sync runs it: the CLI bundle's chunk (overview-write.js says why).
const { overviewWorkbook, writeWorkbook } = await import(dist('bin/lib/xlsx-stream.js'));

function timed(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timedAsync(fn) {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  // Exit 1: rows were refused (the example has some on purpose); the run itself was whole.
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`${cmd} ${args.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return r;
}

function sync(drive, state) {
  const r = run(process.execPath, [
    cli,
    'sync',
    '--drive',
    `folder:${drive}`,
    '--state',
    state,
    '--json',
  ]);
  return JSON.parse(r.stdout.toString('utf8'));
}

function filesBelow(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const span = (xs) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;

function report(name, subject, baseline, target) {
  const ratio = median(subject) / median(baseline);
  console.log(
    `${name}: ${ratio.toFixed(2)}× (${median(subject).toFixed(0)} ms [${span(subject)}] against ` +
      `${median(baseline).toFixed(0)} ms [${span(baseline)}], ${subject.length} pairs); target ${target}`,
  );
}

/** Gives one offer a new name: the overview's content changes, so it must be written. */
async function changeOffer(file, n) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet('Aanbod').getCell('B2').value = `Aanbod gewijzigd ${n}`;
  await wb.xlsx.writeFile(file);
}

async function scale(n) {
  const drive = join(work, `drive-${n}`);
  const state = join(work, `state-${n}`);
  run(process.execPath, [cli, 'example', '--out', drive, '--scale', String(n)]);
  // The first sync reads everything; the second finds nothing to do and remembers that.
  sync(drive, state);
  sync(drive, state);
  const files = filesBelow(drive).filter((f) => !f.includes('/.partnerschap/'));
  console.log(`example drive --scale ${n}: ${files.length} files`);

  const md5sum = [];
  const noChange = [];
  for (let i = 0; i < PAIRS; i++) {
    md5sum.push(timed(() => run('md5sum', files)));
    noChange.push(
      timed(() => {
        const s = sync(drive, state);
        if (s.uploaded !== 0 || s.files.pulled !== 0) throw new Error('the drive changed');
      }),
    );
  }
  report(`no-change sync of --scale ${n} vs md5sum of the drive`, noChange, md5sum, '≤ 10×');

  const region = await loadRegion(undefined);
  const read = await readSources(drive, region, { exclude: [] });
  const overview = buildOverview(region, read.sources, { asOf: new Date(), gapWaitWeeks: 8 });
  const out = join(work, 'overzicht.xlsx');
  const model = join(work, `overview-${n}.v8`);
  writeFileSync(model, v8.serialize(overview));
  // Unlike the CLI, the writer has no exit 1 that is a whole run: anything but 0 and a time fails.
  const coldWrite = () => {
    const script = join(import.meta.dirname, 'overview-write.js');
    const r = spawnSync(process.execPath, [script, model, out], { encoding: 'utf8' });
    const ms = Number(r.stdout);
    if (r.status !== 0 || !(ms > 0)) throw new Error(`overview-write.js failed: ${r.stderr}`);
    return ms;
  };
  const offers = join(drive, 'Partners/Aanbod');
  const offer = join(
    offers,
    readdirSync(offers).find((f) => f.endsWith('.xlsx')),
  );
  const baseline = [];
  const changed = [];
  const warm = [];
  for (let i = 0; i < PAIRS; i++) {
    const replay = timed(() => sync(drive, state));
    baseline.push(replay + coldWrite());
    warm.push(
      replay +
        (await timedAsync(async () =>
          writeFileSync(out, (await writeWorkbook(overviewWorkbook(region, overview))).bytes),
        )),
    );
    await changeOffer(offer, i);
    changed.push(
      timed(() => {
        const s = sync(drive, state);
        if (s.files.pulled !== 1 || s.uploaded < 1) throw new Error('the change was not synced');
      }),
    );
    // Settles again, so that the next baseline is a sync with nothing to do.
    sync(drive, state);
  }
  report(
    `one changed offer at --scale ${n} vs no-change sync + overview write (fresh process)`,
    changed,
    baseline,
    '≤ 1.5×',
  );
  report(
    `  the same vs no-change sync + overview write repeated in a warm process`,
    changed,
    warm,
    'reference',
  );
}

try {
  await scale(10);
  await scale(40);
} finally {
  rmSync(work, { recursive: true, force: true });
}
