import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import { hasProblems, textReport, type FileOutcome } from '../domain/validation-report.js';
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
    const outcome: FileOutcome = { file: basename(source.path), ...source.outcome };
    const hadFeedback = `${folder}/${name}` in state.uploads;
    if (!hasProblems(outcome) && !hadFeedback) return [];
    const text = feedbackText(source.path, outcome);
    return [
      { folder, name, fingerprint: text, bytes: async () => Buffer.from(BOM + text, 'utf8') },
    ];
  });
}

function feedbackText(path: string, outcome: FileOutcome): string {
  const lines = [t('sync.feedback-title', { path }), ''];
  if (!hasProblems(outcome)) lines.push(t('sync.feedback-ok'));
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
