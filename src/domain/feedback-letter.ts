import { t } from './messages.js';
import type { Region } from './region/schema.js';
import { formatDateTime, instantToWallClock } from './time.js';
import { submissionDeadline } from './timeline.js';
import { rowCounts } from './validate.js';
import { hasProblems, textReport, type FileOutcome } from './validation-report.js';
import type { WorkbookKind } from './workbook-kinds.js';

// What a source's owner reads in its feedback file: first what happened to the rows, then what
// to fix cell by cell, then the next step (to whom, by when). Built from the validation alone,
// so it never quotes a persona's or need's text beyond what the messages already mask.

export function feedbackLetter(
  region: Region,
  path: string,
  outcome: FileOutcome,
  now: Date,
): string[] {
  const lines = [t('sync.feedback-title', { path }), ''];
  if (outcome.ok && outcome.result.sheets.length > 0) lines.push(...rowsSummary(outcome));
  if (!hasProblems(outcome)) return [...lines, t('sync.feedback-ok')];
  const kind = (outcome.ok ? outcome.result.meta?.kind : undefined) ?? kindByFolder(region, path);
  return [...lines, ...textReport([outcome]).slice(0, -1), '', nextStep(region, kind, now)];
}

/** "8 rijen gelezen: 2 overgenomen, 6 niet overgenomen", and which rows were not taken. */
function rowsSummary(outcome: Extract<FileOutcome, { ok: true }>): string[] {
  const counts = rowCounts(outcome.result.sheets);
  const lines = [t('feedback.rows', { ...counts })];
  for (const sheet of outcome.result.sheets) {
    if (sheet.refused.length === 0) continue;
    const rows = sheet.refused.map((r) => r.row).join(', ');
    lines.push(t('feedback.rows-refused', { sheet: sheet.sheet, rows }));
  }
  return [...lines, ''];
}

/** The kind a file is expected to be from the folder it was found in (an unreadable file has no _meta). */
function kindByFolder(region: Region, path: string): WorkbookKind | null {
  const folders: [string, WorkbookKind][] = [
    [region.drive.gemeenten, 'gemeente'],
    [region.drive.aanbod, 'aanbod'],
    [region.drive.kandidaturen, 'kandidatuur'],
    [region.drive.tracker, 'opvolging'],
  ];
  return folders.find(([folder]) => path.startsWith(`${folder}/`))?.[1] ?? null;
}

/** Whom to send the corrected workbook to, and by when; a municipality saves it on the drive. */
function nextStep(region: Region, kind: WorkbookKind | null, now: Date): string {
  const { coordinator, submission } = region;
  if (kind === 'gemeente') return t('feedback.next.gemeente');
  if (kind === 'opvolging') return t('feedback.next.opvolging');
  if (kind !== 'kandidatuur') {
    return t('feedback.next.aanbod', { email: coordinator.email, who: coordinator.organisation });
  }
  const deadline = submissionDeadline(region);
  const params = { email: submission.email, subject: submission.subject };
  if (deadline === null) return t('feedback.next.kandidatuur', params);
  const when = formatDateTime(instantToWallClock(deadline, region.timeZone));
  return now <= deadline
    ? t('feedback.next.kandidatuur-by', { ...params, when })
    : t('feedback.next.kandidatuur-late', { when, email: coordinator.email });
}
