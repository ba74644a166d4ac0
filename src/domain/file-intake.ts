import { t } from './messages.js';
import { fileStamp } from './time.js';
import type { Refusal, RefusalCode } from './refusal-message.js';

// What happens to a file found in a folder, by its name alone, for every command that reads
// folders (validate, overview, sync): a workbook is read; a spreadsheet in another format is
// refused with what to do; Excel's lock files, the originals `partnerschap upgrade` keeps and
// files that are no spreadsheet are skipped, and said so.

export type SkipReason = 'lock-file' | 'backup' | 'not-spreadsheet';

export type NameIntake =
  { read: true } | { read: false; skip: SkipReason } | { read: false; refusal: Refusal };

const OTHER_FORMATS: Record<string, RefusalCode> = {
  '.xls': 'xls',
  '.ods': 'ods',
  '.csv': 'csv',
  '.xlsm': 'xlsm',
};

export function intakeByName(name: string): NameIntake {
  if (name.startsWith('~$')) return { read: false, skip: 'lock-file' };
  if (BACKUP.test(name)) return { read: false, skip: 'backup' };
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot).toLowerCase();
  if (ext === '.xlsx') return { read: true };
  const code = OTHER_FORMATS[ext];
  if (code !== undefined) return { read: false, refusal: { code, params: {} } };
  return { read: false, skip: 'not-spreadsheet' };
}

/** The name of the original `partnerschap upgrade` keeps beside a workbook (stamp: local time). */
export function backupName(name: string, version: number, stamp: Date): string {
  return `${t('upgrade.backup-name', { name, version, stamp: fileStamp(stamp) })}.xlsx`;
}

// The same catalogue text as a pattern: whatever the language, a kept original is recognised.
const BACKUP = new RegExp(
  `^${t('upgrade.backup-name')
    .replace(/[.*+?^$()[\]\\|]/g, '\\$&')
    .replace('{name}', '.+')
    .replace('{version}', '\\d+')
    .replace('{stamp}', '\\d{4}-\\d{2}-\\d{2} \\d{2}\\.\\d{2}')}\\.xlsx$`,
  'i',
);
