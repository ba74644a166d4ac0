import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../domain/messages.js';
import { refusalMessage } from '../domain/refusal-message.js';
import { md5, md5OfFile } from '../fs/md5.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { upgradeWorkbook, type UpgradeOutcome } from '../workbook/xlsx/upgrade-workbook.js';
import { loadRegion } from './region-file.js';
import { EXIT } from './usage-error.js';

/**
 * `partnerschap upgrade FILE…`: each workbook brought to the current template version in place,
 * the original kept beside it; a workbook changed by someone else meanwhile is left alone.
 */
export async function runUpgrade(
  files: string[],
  o: { region?: string },
  now = new Date(),
): Promise<number> {
  const region = await loadRegion(o.region);
  let failed = 0;
  for (const file of files) {
    const line = await upgradeFile(file, region, now);
    if (line.failed) failed++;
    process.stdout.write(`${line.text}\n`);
  }
  return failed > 0 ? EXIT.unreadable : EXIT.ok;
}

async function upgradeFile(
  file: string,
  region: Awaited<ReturnType<typeof loadRegion>>,
  now: Date,
): Promise<{ text: string; failed: boolean }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    const refusal = { code: info ? ('not-a-file' as const) : ('not-found' as const), params: {} };
    return { text: t('out.refused', { file, message: refusalMessage(refusal) }), failed: true };
  }
  const bytes = await readFile(file);
  const outcome = await upgradeWorkbook(bytes, file, region);
  if (outcome.status !== 'upgraded') {
    return { text: describe(file, outcome), failed: outcome.status !== 'current' };
  }
  const backup = backupName(file, outcome.from, now);
  // The original goes beside it first, so that no moment exists without it.
  await writeFileAtomic(backup, bytes);
  const unchanged = async () => (await md5OfFile(file).catch(() => '')) === md5(bytes);
  if (!(await writeFileAtomic(file, outcome.bytes, unchanged))) {
    return { text: t('upgrade.changed', { file }), failed: true };
  }
  const { addedColumns, addedSheets } = outcome.report;
  const added = [
    ...(addedColumns.length > 0 ? [t('upgrade.columns', { list: addedColumns.join(', ') })] : []),
    ...(addedSheets.length > 0 ? [t('upgrade.sheets', { list: addedSheets.join(', ') })] : []),
  ];
  const params = { file, from: outcome.from, to: outcome.to, backup: path.basename(backup) };
  return { text: [t('upgrade.done', params), ...added].join(' '), failed: false };
}

function describe(file: string, outcome: Exclude<UpgradeOutcome, { status: 'upgraded' }>) {
  switch (outcome.status) {
    case 'refused':
      return t('out.refused', { file, message: refusalMessage(outcome.refusal) });
    case 'current':
      return t('upgrade.current', { file, version: outcome.version });
    case 'not-upgradable':
      return t(`upgrade.not.${outcome.reason}`, { file, detail: outcome.detail });
  }
}

/** "Gemeente Deinze (sjabloonversie 1, 2026-12-01 10.15).xlsx" beside the file. */
function backupName(file: string, version: number, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '.');
  const ext = path.extname(file);
  return path.join(
    path.dirname(file),
    t('upgrade.backup-name', { name: path.basename(file, ext), version, stamp }) + ext,
  );
}
