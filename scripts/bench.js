// `npm run bench`: every figure is a ratio against a baseline measured in the same run, on this
// machine, so the figures can be compared across machines. Commands alternate round by round;
// each figure is the median of its per-round ratios, with their min–max.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peakRssMb } from '../test/helpers/peak-rss.mjs';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/bin/main.js');
const preload = join(root, 'test/helpers/maxrss-preload.mjs');
const work = mkdtempSync(join(tmpdir(), 'partnerschap-bench-'));

/** Runs node with args; returns wall time in ms and peak RSS in MB. */
function run(args) {
  const rssFile = join(work, 'rss');
  rmSync(rssFile, { force: true }); // each process of the run adds its line
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', preload, ...args], {
    env: { ...process.env, MAXRSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return { ms, rssMb: peakRssMb(rssFile) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs every command once per round, in the same order each round (A B A B …), so drift on the
 * machine hits them all alike. Returns each command's runs by name, for `ratio`.
 */
function compare(rounds, commands) {
  const runs = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, args] of Object.entries(commands)) runs[name].push(run(args));
  }
  return runs;
}

/** `a` against `b` (time or peak RSS) round by round: the median ratio and the min–max. */
function ratio(runs, a, b, key = 'ms') {
  const ratios = runs[a].map((r, i) => r[key] / runs[b][i][key]);
  const side = (name) => runs[name].map((r) => r[key]);
  return {
    key,
    median: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
    a: side(a),
    b: side(b),
  };
}

const range = (xs, f) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;

function report(name, r, target) {
  const f = r.key === 'ms' ? (x) => `${(x / 1000).toFixed(2)} s` : (x) => `${x.toFixed(0)} MB`;
  console.log(
    `${name}: ${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)} over ` +
      `${r.a.length} rounds; ${range(r.a, f)} against ${range(r.b, f)})` +
      `${target ? `; target ${target}` : ''}`,
  );
}

/** Writes the example drive at a scale and says how big it is. */
function exampleDrive(scale) {
  const dir = join(work, `drive-${scale}`);
  spawnSync(process.execPath, [cli, 'example', '--out', dir, '--scale', String(scale)], {
    stdio: 'ignore',
  });
  const files = spawnSync('find', [dir, '-name', '*.xlsx'], { encoding: 'utf8' }).stdout;
  console.log(`example drive --scale ${scale}: ${files.trim().split('\n').length} workbooks`);
  return dir;
}

/** The commands reading a drive: ours, the plain floor and the reference readers. */
function readers(dir, scale) {
  const floor = (mode) => [join(root, 'scripts/bench/read-floor.js'), mode, dir];
  const out = join(work, `overzicht-${scale}.xlsx`);
  return {
    [`floor ${scale}`]: floor('plain'),
    [`validate ${scale}`]: [cli, 'validate', '--json', dir],
    [`overview ${scale}`]: [cli, 'overview', '--in', dir, '--out', out],
    [`sheetjs ${scale}`]: floor('sheetjs'),
  };
}

try {
  console.log(`Partnerschap bench, node ${process.version}, ${new Date().toISOString()}`);
  const start = compare(15, { node: ['-e', '0'], help: [cli, '--help'] });
  report('cold start `partnerschap --help` vs `node -e 0`', ratio(start, 'help', 'node'), '≤ 3×');

  // Reading a region's drive, against the plain floor (read-floor.js plain: readFileSync, one
  // inflateRawSync per part the reader parses, saxes over exactly those parts), with SheetJS's
  // and exceljs's readFile of the same files as reference lines. Both scales in one set of
  // rounds, so the ×4 figures come from alternated runs too. exceljs only at scale 10: at 40 a
  // run takes half a minute.
  const drive10 = exampleDrive(10);
  const drive40 = exampleDrive(40);
  const runs = compare(5, {
    ...readers(drive10, 10),
    'exceljs 10': [join(root, 'scripts/bench/read-floor.js'), 'exceljs', drive10],
    ...readers(drive40, 40),
  });
  for (const scale of [10, 40]) {
    const floor = `floor ${scale}`;
    const of = `of --scale ${scale} vs the plain floor`;
    report(`validate ${of}`, ratio(runs, `validate ${scale}`, floor), '≤ 1.3×');
    report(`overview ${of}`, ratio(runs, `overview ${scale}`, floor), '≤ 1.6×');
    report(`SheetJS readFile ${of}`, ratio(runs, `sheetjs ${scale}`, floor), 'reference');
    if (scale === 10)
      report(`exceljs readFile ${of}`, ratio(runs, 'exceljs 10', floor), 'reference');
    report(`overview ${of}, peak RSS`, ratio(runs, `overview ${scale}`, floor, 'rssMb'));
  }
  report('overview time at 4× the input', ratio(runs, 'overview 40', 'overview 10'), '≤ 4.2×');
  report("(the floor's own time at 4×)", ratio(runs, 'floor 40', 'floor 10'));
  report(
    'overview peak RSS at 4× the input',
    ratio(runs, 'overview 40', 'overview 10', 'rssMb'),
    '≤ 2×',
  );

  // API calls and bytes of a sync of 1,000 files against the Google Drive double.
  const vitest = spawnSync('npx', ['vitest', 'run', 'test/sync-gdrive.test.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  for (const line of vitest.stdout.split('\n')) {
    if (line.includes('sync of 1000 files')) console.log(line.trim());
  }

  // The incremental sync: nothing changed against md5sum of the drive; one change against the
  // no-change sync plus the overview's write.
  const noChange = spawnSync(process.execPath, [join(root, 'scripts/bench/no-change-sync.js')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (noChange.status !== 0) throw new Error(`no-change-sync.js exited ${noChange.status}`);

  // The task pane: Excel round trips and request sizes per action (office-addin-mock), and
  // validating 10,000 rows in Chromium against Node; the steering-group report's cost; peak
  // memory; a workbook of refused rows; Passend aanbod for 10,000 personas.
  for (const script of [
    'addin-syncs.js',
    'addin-validate.js',
    'report.js',
    'memory.js',
    'refused-rows.js',
    'matching.js',
  ]) {
    const r = spawnSync(process.execPath, [join(root, 'scripts/bench', script)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`${script} exited ${r.status}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
