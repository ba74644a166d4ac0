import { WORKBOOK } from '../issue.js';
import { rowCounts } from '../validate.js';
import { resultOf } from './records.js';
import type { SourceInput } from './sources.js';

// A workbook on the drive whose sheets hold no row at all contributes nothing to the overview,
// which is easy to miss: it gets a warning of its own, in the source's own result (in place),
// so that its feedback and the sync's summary count it. Not in validation itself: a workbook
// just set up in Excel is empty by design. A workbook without any known sheet already has its
// warning from validation (no-sheet).

export function flagEmptySources(sources: readonly SourceInput[]): void {
  for (const source of sources) {
    const result = resultOf(source);
    if (result === null || result.meta === null || result.sheets.length === 0) continue;
    if (rowCounts(result.sheets).read > 0) continue;
    if (result.issues.some((i) => i.code === 'no-rows')) continue;
    result.issues.push({
      file: result.file,
      code: 'no-rows',
      params: {},
      severity: 'warning',
      ...WORKBOOK,
    });
  }
}
