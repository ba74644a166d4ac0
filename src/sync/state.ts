import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/write-atomic.js';

// What a sync remembers between runs, in the state folder: per file on the drive the MD5 it had
// (its bytes are in the cache under that MD5), and per file we wrote the version we left there.
// Written atomically: a run killed at any moment leaves the previous state or the new one.

const uploadSchema = z.object({
  /** The drive's version token of what we uploaded; a different one means someone changed it. */
  version: z.string(),
  /** A fingerprint of the content we wrote; the same again means there is nothing to upload. */
  fingerprint: z.string(),
});

const stateSchema = z.object({
  format: z.literal(1),
  drive: z.string(),
  sources: z.record(z.string(), z.object({ path: z.string(), md5: z.string() })),
  uploads: z.record(z.string(), uploadSchema),
  /** An upload under way: if a run dies after the drive took it, the next run recognises it. */
  pending: z.record(z.string(), z.object({ md5: z.string(), fingerprint: z.string() })),
});

export type SyncState = z.infer<typeof stateSchema>;
export type UploadRecord = z.infer<typeof uploadSchema>;

export function emptyState(drive: string): SyncState {
  return { format: 1, drive, sources: {}, uploads: {}, pending: {} };
}

const FILE = 'state.json';

/** The saved state for this drive; a missing, unreadable or foreign state starts afresh. */
export async function loadState(dir: string, drive: string): Promise<SyncState> {
  const text = await readFile(path.join(dir, FILE), 'utf8').catch(() => null);
  if (text === null) return emptyState(drive);
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.drive === drive ? parsed.data : emptyState(drive);
  } catch {
    return emptyState(drive);
  }
}

export async function saveState(dir: string, state: SyncState): Promise<void> {
  await writeFileAtomic(path.join(dir, FILE), Buffer.from(JSON.stringify(state, null, 1)));
}
