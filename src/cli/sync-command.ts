import { t } from '../domain/messages.js';
import { DEFAULT_RETRY, GaveUpError } from '../drive/retry.js';
import { progressFor } from '../sync/progress.js';
import { runSync, type SyncSummary } from '../sync/run-sync.js';
import { DEFAULT_READ_LIMITS } from '../workbook/xlsx/read-workbook.js';
import { openCommandDrive } from './command-drive.js';
import { parseWeeks } from './parse-weeks.js';
import { loadRegion } from './region-file.js';
import { EXIT, UsageError } from './usage-error.js';

export interface SyncCommandOptions {
  region?: string;
  drive: string;
  state?: string;
  dryRun?: boolean;
  json?: boolean;
  wachttijd?: string;
}

/** `partnerschap sync`: the coordinator's main job. */
export async function runSyncCommand(o: SyncCommandOptions): Promise<number> {
  const region = await loadRegion(o.region);
  // Options are checked before anything is written (the example drive on a first run).
  const gapWaitWeeks = parseWeeks(o.wachttijd);
  const { spec, drive, stateDir } = await openCommandDrive(o);
  const progress = progressFor(process.stderr, o.json === true);
  let summary: SyncSummary;
  try {
    summary = await runSync({
      drive,
      driveId: spec.id,
      region,
      stateDir,
      dryRun: o.dryRun === true,
      limits: DEFAULT_READ_LIMITS,
      retry: DEFAULT_RETRY,
      now: new Date(),
      gapWaitWeeks,
      onStart: (n) => progress.start(n),
      onFile: (name, bytes) => progress.file(name, bytes),
    });
  } catch (err) {
    if (err instanceof GaveUpError) {
      throw new UsageError(t('sync.gave-up', { attempts: err.attempts, reason: err.message }));
    }
    throw err;
  } finally {
    progress.end();
  }
  process.stdout.write(o.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary));
  return summary.files.refused > 0 || summary.rows.refused > 0 ? EXIT.dataProblems : EXIT.ok;
}

function summaryText(s: SyncSummary): string {
  const lines = [
    ...s.notes,
    t('sync.summary-files', { ...s.files }),
    t('sync.summary-rows', { ...s.rows }),
    t('sync.summary-uploads', { uploaded: s.uploaded, conflicts: s.conflicts }),
    t(s.overviewChanged ? 'sync.summary-overview' : 'sync.summary-overview-unchanged', {
      path: s.overview,
    }),
  ];
  return `${lines.join('\n')}\n`;
}
