import type { Overview } from '../domain/overview/model.js';
import type { Region } from '../domain/region/schema.js';
import type { Drive } from '../drive/drive.js';
import type { RetryPolicy } from '../drive/retry.js';
import type { ReadLimits } from '../workbook/xlsx/read-limits.js';
import type { Changes } from './changes.js';
import type { LEASE_DEFAULTS } from './lease.js';
import type { PullCounts } from './pull.js';

// What a sync is given and what it answers: shared by the run (run-sync.ts), its check for a run
// with nothing to do (settled-run.ts) and its work (sync-pipeline.ts).

export interface SyncOptions {
  drive: Drive;
  region: Region;
  /** The local cache folder: downloads are kept there by MD5. */
  stateDir: string;
  dryRun: boolean;
  limits: ReadLimits;
  retry: RetryPolicy;
  now: Date;
  gapWaitWeeks: number;
  /**
   * sync --at: the overview as it was (or will be) at this moment, written to a local file only;
   * the caller makes the run a dry run, so the drive keeps the overview of today.
   */
  at?: { moment: Date; out: string };
  /** The lease's timing; tests shorten it. */
  lease?: Partial<typeof LEASE_DEFAULTS>;
  onStart: (files: number) => void;
  onFile: (name: string, bytes: number) => void;
}

export interface SyncSummary {
  drive: string;
  files: PullCounts;
  rows: { read: number; taken: number; refused: number };
  uploaded: number;
  /** Generated files someone else had changed, kept aside under another name. */
  kept: string[];
  /** Our tracker beside theirs, when it changed twice during the run. */
  conflicts: number;
  /** What changed since the previous sync, whoever ran it. */
  changes: Changes;
  /** Sources refused or with problems: their feedback file says what to fix. */
  problems: string[];
  /** Who delivered: per municipality and per expected folder. */
  delivery: Overview['delivery'];
  /** Files (wholly or in part) not counted because another file holds the same. */
  duplicates: Overview['duplicates'];
  /** The overview's path on the drive. */
  overview: string;
  overviewChanged: boolean;
  notes: string[];
  dryRun: boolean;
}
