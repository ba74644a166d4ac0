import { readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupName } from '../domain/file-intake.js';
import { t } from '../domain/messages.js';
import { refusalMessage } from '../domain/refusal-message.js';
import type { Region } from '../domain/region/schema.js';
import { instantToWallClock } from '../domain/time.js';
import { md5, md5OfFile } from '../fs/md5.js';
import { writeFileAtomic } from '../fs/write-atomic.js';
import { upgradeWorkbook, type UpgradeOutcome } from '../workbook/xlsx/upgrade-workbook.js';
import { loadRegion } from './region-file.js';
import { EXIT } from './usage-error.js';

/**
 * `partnerschap upgrade FILE…`: each workbook brought to the current template version in place,
 * the original kept beside it; a workbook changed by someone else meanwhile is left alone. One
 * file's failure does not stop the others.
 */
export async function runUpgrade(
  files: string[],
  o: { region?: string },
  now = new Date(),
): Promise<number> {
  const region = await loadRegion(o.region);
  let failed = 0;
  for (const file of files) {
    const line = await upgradeFile(file, region, now).catch((err: unknown) => ({
      text: t('upgrade.failed', { file, reason: err instanceof Error ? err.message : String(err) }),
      failed: true,
    }));
    if (line.failed) failed++;
    process.stdout.write(`${line.text}\n`);
  }
  return failed > 0 ? EXIT.unreadable : EXIT.ok;
}

async function upgradeFile(
  given: string,
  region: Region,
  now: Date,
): Promise<{ text: string; failed: boolean }> {
  const info = await stat(given).catch(() => null);
  if (!info?.isFile()) {
    const refusal = { code: info ? ('not-a-file' as const) : ('not-found' as const), params: {} };
    return {
      text: t('out.refused', { file: given, message: refusalMessage(refusal) }),
      failed: true,
    };
  }
  // A link is followed: the workbook it points to is upgraded, and its original kept beside it.
  const file = await realpath(given);
  const bytes = await readFile(file);
  const outcome = await upgradeWorkbook(bytes, given, region);
  if (outcome.status !== 'upgraded') {
    return { text: describe(given, outcome), failed: outcome.status !== 'current' };
  }
  const stamp = instantToWallClock(now, region.timeZone);
  const backup = path.join(
    path.dirname(file),
    backupName(path.basename(file, path.extname(file)), outcome.from, stamp),
  );
  // The original goes beside it first, so that no moment exists without it on disk.
  await writeFileAtomic(backup, bytes);
  const unchanged = async () => (await md5OfFile(file).catch(() => '')) === md5(bytes);
  if (!(await writeFileAtomic(file, outcome.bytes, unchanged))) {
    await rm(backup, { force: true });
    return { text: t('upgrade.changed', { file: given }), failed: true };
  }
  const { addedColumns, addedSheets } = outcome.report;
  const added = [
    ...(addedColumns.length > 0 ? [t('upgrade.columns', { list: addedColumns.join(', ') })] : []),
    ...(addedSheets.length > 0 ? [t('upgrade.sheets', { list: addedSheets.join(', ') })] : []),
  ];
  const params = { file: given, from: outcome.from, to: outcome.to, backup: path.basename(backup) };
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
    case 'would-lose': {
      const names = new Intl.ListFormat('nl-BE', { type: 'conjunction' });
      const features = names.format(outcome.features.map((f) => t(`upgrade.lost.${f}`)));
      return t('upgrade.would-lose', { file, features });
    }
  }
}
