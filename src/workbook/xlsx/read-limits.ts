// How much a reader takes of an untrusted workbook before it refuses it: the file gate's limits
// (safe-open.ts) and the reader's (read-workbook.ts). Apart from both, so that what only names
// the limits (the sync's options, the cache's identity) loads no reader.

export interface Limits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Refuse an entry whose inflated size exceeds this multiple of its compressed size. */
  maxEntryRatio?: number;
}

// Deflate tops out near 1032:1; 500 only flags near-pure filler, so a repetitive but genuine
// sheet is not refused for its ratio alone (the total limit still bounds it).
export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxEntryRatio: 500,
};

export interface ReadLimits extends Limits {
  maxRows: number;
  maxCols: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  ...DEFAULT_LIMITS,
  maxRows: 100_000,
  maxCols: 200,
};
