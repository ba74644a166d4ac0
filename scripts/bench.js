// `npm run bench`: every figure is a ratio against a baseline measured in the same run, on this
// machine, so the figures can be compared across machines. Timings are medians of repeated runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/main.js');
const preload = join(root, 'test/helpers/maxrss-preload.mjs');
const work = mkdtempSync(join(tmpdir(), 'partnerschap-bench-'));

/** Runs node with args; returns wall time in ms and peak RSS in MB. */
function run(args) {
  const rssFile = join(work, 'rss');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', preload, ...args], {
    env: { ...process.env, MAXRSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return { ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Alternates the two commands so drift on the machine hits both alike. */
function compare(times, subject, baseline) {
  const s = [];
  const b = [];
  for (let i = 0; i < times; i++) {
    b.push(run(baseline));
    s.push(run(subject));
  }
  const ms = { subject: median(s.map((x) => x.ms)), baseline: median(b.map((x) => x.ms)) };
  const rss = {
    subject: Math.max(...s.map((x) => x.rssMb)),
    baseline: Math.max(...b.map((x) => x.rssMb)),
  };
  return { ms, rss, ratio: ms.subject / ms.baseline };
}

function report(name, r, target) {
  const f = (x) => x.toFixed(0);
  console.log(
    `${name}: ${r.ratio.toFixed(2)}× (${f(r.ms.subject)} ms against ${f(r.ms.baseline)} ms; ` +
      `peak RSS ${f(r.rss.subject)} MB against ${f(r.rss.baseline)} MB)${target ? `; target ${target}` : ''}`,
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

try {
  console.log(`Partnerschap bench, node ${process.version}, ${new Date().toISOString()}`);
  report(
    'cold start `partnerschap --help` vs `node -e 0`',
    compare(15, [cli, '--help'], ['-e', '0']),
    '≤ 3×',
  );

  // Validating the example drive at --scale 10, against unzip + SAX parse of the same files.
  const drive10 = exampleDrive(10);
  const floor = (dir) => [join(root, 'scripts/bench/sax-floor.js'), dir];
  report(
    'validate example drive --scale 10 vs unzip + SAX parse',
    compare(3, [cli, 'validate', '--json', drive10], floor(drive10)),
  );

  // Merging a region into the overview: --scale 10 and then four times the input (--scale 40).
  const drive40 = exampleDrive(40);
  const out = join(work, 'overzicht.xlsx');
  const merge10 = compare(3, [cli, 'overview', '--in', drive10, '--out', out], floor(drive10));
  report('overview of --scale 10 vs unzip + SAX parse', merge10, '≤ 2×, ≤ 400 MB');
  const merge40 = compare(3, [cli, 'overview', '--in', drive40, '--out', out], floor(drive40));
  report('overview of --scale 40 vs unzip + SAX parse', merge40, '≤ 2×, ≤ 400 MB');
  console.log(
    `overview time at 4× the input: ${(merge40.ms.subject / merge10.ms.subject).toFixed(2)}× ` +
      `(the floor: ${(merge40.ms.baseline / merge10.ms.baseline).toFixed(2)}×); target ≤ 4.2×`,
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
  // memory; Passend aanbod for 10,000 personas.
  for (const script of [
    'addin-syncs.js',
    'addin-validate.js',
    'report.js',
    'memory.js',
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
