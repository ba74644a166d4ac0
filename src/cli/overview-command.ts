import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDateText } from '../domain/typed-text.js';
import { reportFileName } from '../domain/file-names.js';
import { t } from '../domain/messages.js';
import { buildOverview } from '../domain/overview/merge.js';
import { deliveryLines, duplicateLine } from '../domain/overview/delivery-text.js';
import type { Overview } from '../domain/overview/model.js';
import { dutchNumber } from '../domain/overview/records.js';
import { refusalMessage } from '../domain/refusal-message.js';
import { formatDate, instantToWallClock } from '../domain/time.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { reportHtml } from '../report/report-html.js';
import { overviewWorkbook } from '../workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../workbook/xlsx/xlsx-stream.js';
import { readSources, type ReadSources } from './read-sources.js';
import { loadRegion } from './region-file.js';
import { parseWeeks } from './parse-weeks.js';
import { EXIT, UsageError } from './usage-error.js';

// `partnerschap overview --in DIR --out FILE`: every workbook below DIR merged into the regional
// overview. Exit 0 when the overview is written, even when files or rows were refused: the
// overview reports them (Bronnen, Afgewezen rijen). Exit 2 when the command is misused, or when
// not a single workbook could be read: then nothing is written, so a good overview is never
// replaced by an empty one (an unmounted share, a wrong folder).

export interface OverviewCommandOptions {
  region?: string;
  in: string;
  out: string;
  /** dd/mm/jjjj or jjjj-mm-dd; today (in the region's time zone) when absent. */
  at?: string;
  /** Weeks, 0 or more; 8 when absent. */
  wachttijd?: string;
}

export async function runOverview(o: OverviewCommandOptions, now = new Date()): Promise<number> {
  const region = await loadRegion(o.region);
  const info = await stat(o.in).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(t('cli.overview-in-missing', { dir: o.in }));
  if (path.extname(o.out).toLowerCase() !== '.xlsx') {
    throw new UsageError(t('cli.overview-out-xlsx', { file: o.out }));
  }
  const asOf = o.at === undefined ? instantToWallClock(now, region.timeZone) : parseAt(o.at);
  const gapWaitWeeks = parseWeeks(o.wachttijd);

  const report = reportFileName(o.out);
  const read = await readSources(o.in, region, { exclude: [o.out, report] });
  const lines = fileLines(read);
  if (read.sources.every((s) => !s.outcome.ok)) {
    process.stdout.write(lines.map((l) => `${l}\n`).join(''));
    const key = read.sources.length === 0 ? 'cli.overview-no-files' : 'cli.overview-nothing-read';
    process.stderr.write(`${t('cli.error', { message: t(key, { dir: o.in }) })}\n`);
    return EXIT.unreadable;
  }
  const overview = buildOverview(region, read.sources, { asOf, gapWaitWeeks });
  const written = await writeWorkbook(overviewWorkbook(region, overview));
  await writeFileAtomic(o.out, written.bytes);
  // The steering group's page beside the workbook, from the same overview.
  await writeFileAtomic(report, Buffer.from(await reportHtml(region, overview)));
  lines.push(...summaryLines(overview, read, o.out), t('cli.report-written', { file: report }));
  lines.push(...written.cut.map((c) => t('cli.cell-cut', { file: o.out, ...c })));
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  return EXIT.ok;
}

function parseAt(value: string): Date {
  const d = parseDateText(value.trim());
  if (d === null) throw new UsageError(t('cli.overview-invalid-date', { value }));
  return d;
}

/** A line for every file that was not read, and why. */
function fileLines(read: ReadSources): string[] {
  return [
    ...read.sources.flatMap((s) =>
      s.outcome.ok
        ? []
        : [t('cli.overview-refused', { file: s.path, message: refusalMessage(s.outcome.refusal) })],
    ),
    ...read.skipped.map((s) =>
      t('cli.skipped', { file: s.path, reason: t(`cli.skip.${s.reason}`) }),
    ),
  ];
}

function summaryLines(ov: Overview, read: ReadSources, out: string): string[] {
  const { totals } = ov;
  return [
    t('cli.overview-files', {
      files: totals.files + read.skipped.length,
      read: totals.files - totals.unreadable,
      unreadable: totals.unreadable,
      skipped: read.skipped.length,
    }),
    t('cli.overview-rows', {
      read: totals.rowsRead,
      taken: totals.rowsTaken,
      refused: totals.rowsRefused,
      sheet: t('sheet.afgewezen'),
    }),
    t('cli.overview-gaps', {
      gaps: ov.gaps.length,
      weeks: dutchNumber(ov.gapWaitWeeks),
      date: formatDate(ov.asOf),
    }),
    ...deliveryLines(ov),
    ...(ov.duplicates.length === 0
      ? []
      : [
          t('cli.overview-duplicates', { count: ov.duplicates.length }),
          ...ov.duplicates.map(duplicateLine),
        ]),
    t('cli.overview-written', { file: out }),
  ];
}
