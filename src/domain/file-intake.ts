import type { Refusal, RefusalCode } from './refusal-message.js';

// What happens to a file found in a folder, by its name alone, for every command that reads
// folders (validate, overview, sync): a workbook is read; a spreadsheet in another format is
// refused with what to do; Excel's lock files and files that are no spreadsheet are skipped,
// and said so.

export type SkipReason = 'lock-file' | 'not-spreadsheet';

export type NameIntake =
  { read: true } | { read: false; skip: SkipReason } | { read: false; refusal: Refusal };

const OTHER_FORMATS: Record<string, RefusalCode> = {
  '.xls': 'xls',
  '.ods': 'ods',
  '.csv': 'not-zip',
};

export function intakeByName(name: string): NameIntake {
  if (name.startsWith('~$')) return { read: false, skip: 'lock-file' };
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot).toLowerCase();
  if (ext === '.xlsx') return { read: true };
  const code = OTHER_FORMATS[ext];
  if (code !== undefined) return { read: false, refusal: { code, params: {} } };
  return { read: false, skip: 'not-spreadsheet' };
}
