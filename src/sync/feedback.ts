import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { textReport, type FileOutcome } from '../cli/validation-report.js';
import type { PushTarget } from './push.js';
import type { SyncState } from './state.js';

// Per-source feedback on the drive (Feedback/<folder>/<file> - feedback.txt), in Dutch, so that
// municipalities and partners see what to fix. Written for files with problems, and once more
// when such a file is in order again, so that no stale feedback stays behind.

const BOM = '\ufeff';

export function feedbackTargets(
  region: Region,
  sources: SourceInput[],
  state: SyncState,
): PushTarget[] {
  return sources.flatMap((source) => {
    const folder = feedbackFolder(region, source.path);
    const name = `${basename(source.path)} - feedback.txt`;
    const hadFeedback = `${folder}/${name}` in state.uploads;
    if (!hasProblems(source) && !hadFeedback) return [];
    const text = feedbackText(source);
    return [
      { folder, name, fingerprint: text, bytes: async () => Buffer.from(BOM + text, 'utf8') },
    ];
  });
}

function hasProblems(source: SourceInput): boolean {
  return !source.outcome.ok || source.outcome.result.issues.length > 0;
}

function feedbackText(source: SourceInput): string {
  const outcome: FileOutcome = source.outcome.ok
    ? { file: basename(source.path), ok: true, result: source.outcome.result }
    : {
        file: basename(source.path),
        ok: false,
        code: source.outcome.code,
        message: source.outcome.message,
      };
  const lines = [t('sync.feedback-title', { path: source.path }), ''];
  if (!hasProblems(source)) lines.push(t('sync.feedback-ok'));
  else lines.push(...textReport([outcome]).slice(0, -1));
  return `${lines.join('\r\n')}\r\n`;
}

function feedbackFolder(region: Region, sourcePath: string): string {
  const folder = sourcePath.slice(0, sourcePath.lastIndexOf('/'));
  return `${region.drive.feedback}/${folder}`;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
