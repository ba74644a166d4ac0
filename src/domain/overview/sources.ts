import type { Refusal } from '../refusal-message.js';
import type { ValidationResult } from '../validate.js';

// What the overview is built from: every file found on the drive, read and validated, or refused
// with its message. The CLI reads a folder into these; the sync builds them from its downloads.

export interface SourceInput {
  /** The path on the drive, relative and '/'-separated: 'Gemeenten/Gemeente Deinze.xlsx'. */
  path: string;
  /** MD5 of the file's bytes, lower-case hex ('' when the file could not be opened at all). */
  md5: string;
  bytes: number;
  /** When the file last changed, as the drive lists it; absent when unknown. */
  modified?: Date;
  outcome: { ok: true; result: ValidationResult } | { ok: false; refusal: Refusal };
}

/** Plain code-unit order: the same on every machine, whatever its locale data. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-unit order, but runs of digits compared as numbers: P2 before P10. */
export function compareNatural(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const c = numeric ? Number(x) - Number(y) || compareText(x, y) : compareText(x, y);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

/** Sources in a fixed order (path, then checksum and size), whatever order they came in. */
export function sortSources(sources: readonly SourceInput[]): SourceInput[] {
  return [...sources].sort(
    (a, b) => compareText(a.path, b.path) || compareText(a.md5, b.md5) || a.bytes - b.bytes,
  );
}
