import { z } from 'zod';
import type { Receipt } from '../domain/intake.js';
import { t } from '../domain/messages.js';
import type { Drive } from '../drive/drive.js';
import { withRetry, type RetryPolicy } from '../drive/retry.js';
import { parseJson } from './parse-json.js';
import { StateConflictError } from './run-errors.js';
import {
  readStateFile,
  STATE_FOLDER,
  STATE_NAME,
  statePath,
  type StateFile,
} from './state-file.js';

// What the sync remembers about a drive, kept on that drive (`.partnerschap/state.json`), so that
// every machine and every account that syncs it shares one memory: which files the sync wrote
// (their MD5, when, from which machine), which sources and gaps the last run saw, and the
// e-mails `partnerschap intake` took in that the tracker does not carry yet. The local cache
// is only a cache. Written with the version it was read at; a missing or unreadable state is
// rebuilt from the files (docs/architecture.md §6).

const writtenSchema = z.object({
  /** MD5 of the bytes the sync left there: the same MD5 on the drive means the file is ours. */
  md5: z.string(),
  /** A fingerprint of the content: the same again means there is nothing to rebuild. */
  fingerprint: z.string(),
  at: z.string(),
  machine: z.string(),
  user: z.string(),
});

const stateSchema = z.object({
  format: z.literal(2),
  /** The files the sync generated (overview, feedback), by drive path. */
  written: z.record(z.string(), writtenSchema),
  /** Uploads about to be made: if a run dies after the drive took one, the next run adopts it. */
  pending: z.record(z.string(), z.object({ md5: z.string(), fingerprint: z.string() })),
  /** The sources the last sync read, by drive path, with their MD5. */
  sources: z.record(z.string(), z.string()),
  /** The gaps the last overview showed, as "gemeente · probleemgebied" keys. */
  gaps: z.array(z.string()),
  /** Mails sent to partners and municipalities (feedback, notify) by key: what went, and when. */
  mailed: z
    .record(
      z.string(),
      z.object({
        fingerprint: z.string(),
        at: z.string(),
        /** What the mail told that the next one recalls (a pitch's slot, as an ISO instant). */
        detail: z.string().optional(),
        /** How often a mail went under this key: a moved pitch's invitation is a new revision. */
        times: z.number().int().positive().optional(),
      }),
    )
    .default({}),
  /** The last run that changed this state: when, and where from. */
  last: z.object({ at: z.string(), machine: z.string(), user: z.string() }).nullable(),
  /**
   * E-mails taken in, by the drive path of the candidacy they brought: the mail's Date (an ISO
   * instant) and subject. The sync puts each into the tracker, then forgets it.
   */
  receipts: z
    .record(
      z.string(),
      z.object({
        received: z.iso.datetime(),
        subject: z.string(),
        /** Fill only empty cells: the drive had the workbook already (domain Receipt). */
        fillOnly: z.boolean().default(false),
      }),
    )
    .default({}),
});

export type DriveState = z.infer<typeof stateSchema>;
export type WrittenRecord = z.infer<typeof writtenSchema>;

export function emptyDriveState(): DriveState {
  return {
    format: 2,
    written: {},
    pending: {},
    sources: {},
    gaps: [],
    mailed: {},
    last: null,
    receipts: {},
  };
}

/** The receipts the state holds, as the domain's receipts. */
export function receiptsOf(state: DriveState): Record<string, Receipt> {
  return Object.fromEntries(
    Object.entries(state.receipts).map(([path, r]) => [
      path,
      { received: new Date(r.received), subject: r.subject, fillOnly: r.fillOnly },
    ]),
  );
}

export interface LoadedState extends StateFile {
  state: DriveState;
  /** Dutch, when the state could not be read. */
  note: string | null;
  /** The state as last read or saved, serialised: a save of the same is skipped. */
  saved: string;
}

export async function loadDriveState(drive: Drive, retry: RetryPolicy): Promise<LoadedState> {
  const read = await readStateFile(drive, retry);
  if (read.bytes === null) return loadedState(emptyDriveState(), read, null);
  const parsed = parseJson(stateSchema, read.bytes);
  if (parsed === null) {
    return loadedState(emptyDriveState(), read, t('sync.state-rebuilt', { path: statePath() }));
  }
  return loadedState(parsed, read, null);
}

function loadedState(state: DriveState, read: StateFile, note: string | null): LoadedState {
  return { state, ...read, note, saved: serialise(state) };
}

function serialise(state: DriveState): string {
  return `${JSON.stringify(state, null, 1)}\n`;
}

/** Whether the state changed since it was read or last saved. */
export function stateChanged(loaded: LoadedState): boolean {
  return serialise(loaded.state) !== loaded.saved;
}

/**
 * Saves the state, if it changed, over the version it was read at (the run holds the lease, so
 * nobody else writes it).
 */
export async function saveDriveState(
  drive: Drive,
  retry: RetryPolicy,
  loaded: LoadedState,
): Promise<void> {
  if (!stateChanged(loaded)) return;
  const text = serialise(loaded.state);
  const bytes = Buffer.from(text);
  const expected = loaded.file?.version ?? null;
  const result = await withRetry(
    () => drive.upload(STATE_FOLDER, STATE_NAME, bytes, expected),
    retry,
  );
  if (!result.ok) throw new StateConflictError(t('sync.state-conflict', { path: statePath() }));
  loaded.file = result.file;
  loaded.bytes = bytes;
  loaded.saved = text;
}
