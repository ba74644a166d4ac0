import { stat } from 'node:fs/promises';
import { validateWorkbook } from '../domain/validate.js';
import { readWorkbookFile } from '../workbook/xlsx/read-workbook.js';
import { refusalMessage } from '../domain/refusal-message.js';
import { xlsxBelow } from './read-sources.js';
import { loadRegion } from './region-file.js';
import { EXIT } from './usage-error.js';
import { jsonReport, textReport, totals, type FileOutcome } from './validation-report.js';

/** `partnerschap validate FILE…`: every file is read and checked, whatever happens to the others. */
export async function runValidate(
  args: string[],
  o: { region?: string; json?: boolean },
): Promise<number> {
  const region = await loadRegion(o.region);
  const outcomes: FileOutcome[] = [];
  for (const file of await expand(args)) {
    const read = await readWorkbookFile(file);
    outcomes.push(
      read.ok
        ? { file, ok: true, result: validateWorkbook(read.workbook, region) }
        : { file, ok: false, code: read.code, message: refusalMessage(read.code, read.params) },
    );
  }
  const out = o.json ? [JSON.stringify(jsonReport(outcomes), null, 2)] : textReport(outcomes);
  process.stdout.write(`${out.join('\n')}\n`);
  const sum = totals(outcomes);
  if (sum.refused > 0) return EXIT.unreadable;
  return sum.errors > 0 ? EXIT.dataProblems : EXIT.ok;
}

/** Files as given; a folder stands for every .xlsx file below it, in name order. */
async function expand(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) files.push(...(await xlsxBelow(arg)));
    else files.push(arg);
  }
  return files;
}
