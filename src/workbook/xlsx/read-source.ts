import type { SourceInput } from '../../domain/overview/sources.js';
import type { Region } from '../../domain/region/schema.js';
import { validateWorkbook } from '../../domain/validate.js';
import type { ReadResult } from './read-workbook.js';

// A workbook as read, validated: the one step from the reader's result to a source of the
// overview, for files on disk (validate, overview) and downloads (sync, the tracker).

export function sourceOutcome(read: ReadResult, region: Region): SourceInput['outcome'] {
  if (!read.ok) return { ok: false, refusal: { code: read.code, params: read.params } };
  return { ok: true, result: validateWorkbook(read.workbook, region) };
}
