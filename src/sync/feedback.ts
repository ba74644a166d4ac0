import { feedbackLetter } from '../domain/feedback-letter.js';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { hasProblems, type FileOutcome } from '../domain/validation-report.js';
import { sha256 } from './cache.js';
import type { PushTarget } from './push.js';
import type { DriveState } from './drive-state.js';

// Per-source feedback on the drive (Feedback/<folder>/<file> - feedback.txt), in Dutch, so that
// municipalities and partners see what to fix. Written for files with problems, and once more
// when such a file is in order again, so that no stale feedback stays behind; removed when its
// source left the drive (departedFeedback).

const BOM = '\ufeff';

export function feedbackTargets(
  region: Region,
  sources: SourceInput[],
  state: DriveState,
  now: Date,
): PushTarget[] {
  return sources.flatMap((source) => {
    const key = feedbackKey(region, source.path);
    const outcome: FileOutcome = { file: basename(source.path), ...source.outcome };
    if (!hasProblems(outcome) && !(key in state.written)) return [];
    const text = `${feedbackLetter(region, source.path, outcome, now).join('\r\n')}\r\n`;
    const title = BOM + t('sync.feedback-title', { path: source.path });
    return [
      {
        folder: key.slice(0, key.lastIndexOf('/')),
        name: basename(key),
        // A hash, not the letter: the state on the drive keeps one per file written.
        fingerprint: sha256(text).toString('hex'),
        bytes: async () => Buffer.from(BOM + text, 'utf8'),
        recognise: (bytes) => bytes.toString('utf8').startsWith(title),
      },
    ];
  });
}

/** The feedback files the sync wrote whose source is no longer on the drive. */
export function departedFeedback(
  region: Region,
  state: DriveState,
  present: ReadonlySet<string>,
): string[] {
  const mine = new Set([...present].map((p) => feedbackKey(region, p)));
  const prefix = `${region.drive.feedback}/`;
  return Object.keys(state.written).filter((k) => k.startsWith(prefix) && !mine.has(k));
}

function feedbackKey(region: Region, sourcePath: string): string {
  return `${feedbackFolder(region, sourcePath)}/${basename(sourcePath)} - feedback.txt`;
}

function feedbackFolder(region: Region, sourcePath: string): string {
  const folder = sourcePath.slice(0, sourcePath.lastIndexOf('/'));
  return `${region.drive.feedback}/${folder}`;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
