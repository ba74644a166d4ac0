import { stat } from 'node:fs/promises';
import path from 'node:path';
import { intakeByName, type NameIntake } from '../domain/file-intake.js';
import { t } from '../domain/messages.js';
import {
  fileJson,
  fileText,
  jsonOf,
  textOf,
  totalsOf,
  type FileJson,
  type FileOutcome,
  type FileText,
} from '../domain/validation-report.js';
import { sourceOutcome } from '../workbook/xlsx/read-source.js';
import { readWorkbookFiles, type ReadResult } from '../workbook/xlsx/read-workbook.js';
import { filesBelow } from './read-sources.js';
import { loadRegion } from './region-file.js';
import { EXIT } from './usage-error.js';

/** `partnerschap validate FILE…`: every file is read and checked, whatever happens to the others. */
export async function runValidate(
  args: string[],
  o: { region?: string; json?: boolean },
): Promise<number> {
  const region = await loadRegion(o.region);
  // Each file's part of the report is made as soon as it is validated: its records go.
  const json: FileJson[] = [];
  const text: FileText[] = [];
  const report = (f: FileOutcome) => (o.json ? json.push(fileJson(f)) : text.push(fileText(f)));
  const skipped: string[] = [];
  const files = await expand(args);
  const toRead = files.filter(({ byName }) => byName === null || byName.read);
  const reads = readWorkbookFiles(toRead.map(({ file }) => ({ path: file, name: file })));
  for (const { file, byName } of files) {
    if (byName !== null && !byName.read) {
      if ('skip' in byName)
        skipped.push(t('cli.skipped', { file, reason: t(`cli.skip.${byName.skip}`) }));
      else report({ file, ok: false, refusal: byName.refusal });
      continue;
    }
    const read = (await reads.next()).value as ReadResult;
    report({ file, ...sourceOutcome(read, region) });
  }
  const out = o.json ? [JSON.stringify(jsonOf(json), null, 2)] : [...skipped, ...textOf(text)];
  process.stdout.write(`${out.join('\n')}\n`);
  const sum = totalsOf([...json, ...text]);
  if (sum.refused > 0) return EXIT.unreadable;
  return sum.errors > 0 ? EXIT.dataProblems : EXIT.ok;
}

/**
 * Files as given (each is read, whatever its name); a folder stands for every file below it, in
 * name order, taken in by name as the overview and the sync do.
 */
async function expand(args: string[]) {
  type Intake = NameIntake | { read: false; skip: 'link' };
  const files: { file: string; byName: Intake | null }[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info?.isDirectory()) {
      files.push({ file: arg, byName: null });
      continue;
    }
    const listing = await filesBelow(arg);
    for (const { path: folder, refusal } of listing.unreadable) {
      files.push({ file: folder, byName: { read: false, refusal } });
    }
    for (const link of listing.links)
      files.push({ file: link, byName: { read: false, skip: 'link' } });
    for (const file of listing.files)
      files.push({ file, byName: intakeByName(path.basename(file)) });
  }
  return files;
}
