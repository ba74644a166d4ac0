import { issueCell, issueMessage, type Issue } from '../domain/issue.js';
import { beoordelingLayout, opvolgingLayout } from '../domain/layouts.js';
import { t } from '../domain/messages.js';
import type { SourceInput } from '../domain/overview/sources.js';
import type { Region } from '../domain/region/schema.js';
import type { TrackerProblem } from '../domain/tracker/problem.js';
import { scoreDossiers } from '../domain/tracker/scores.js';
import { stageProblems } from '../domain/tracker/stage-rules.js';
import type { ValidationResult } from '../domain/validate.js';
import { feedbackTargets } from './feedback.js';
import type { PushTarget } from './push.js';
import type { DriveState } from './drive-state.js';
import type { TrackerRead } from './tracker-read.js';

// What the sync tells the coordinator about their tracker: its validation and the tracker rules,
// as notes and as a feedback file beside the other sources' feedback.

/**
 * The notes and the feedback file for the tracker's issues; `validation` (null when the tracker
 * could not be read) gives the feedback its kind and row counts.
 */
export function trackerReport(
  region: Region,
  path: string,
  issues: readonly Issue[],
  state: DriveState,
  validation: ValidationResult | null,
  now: Date,
): { notes: string[]; feedback: PushTarget[] } {
  const notes = issues
    .filter((i) => i.field !== null)
    .map((i) => {
      const cell = issueCell(i);
      return t('tracker.note.issue', {
        sheet: i.sheet ?? '',
        cell: cell === null ? '' : ` ${cell}`,
        message: issueMessage(i),
      });
    });
  const source: SourceInput = {
    path,
    md5: '',
    bytes: 0,
    outcome: {
      ok: true,
      result: {
        file: path,
        meta: validation?.meta ?? null,
        issues: [...issues],
        sheets: validation?.sheets ?? [],
      },
    },
  };
  const feedback = feedbackTargets(region, [source], state, now);
  if (issues.length > 0) {
    const target = feedback[0];
    notes.push(
      t('tracker.note.problems', {
        count: issues.length,
        path: target ? `${target.folder}/${target.name}` : path,
      }),
    );
  }
  return { notes, feedback };
}

/** The tracker's issues: its validation (without the columns the coordinator added, which are
 * welcome here) and the tracker rules: stages without their data, scores outside the scale. */
export function trackerIssues(region: Region, read: TrackerRead): Issue[] {
  const issues = (read.validation?.issues ?? []).filter((i) => i.code !== 'column-unknown');
  const scores = scoreDossiers(region, read.reviews);
  const problems: TrackerProblem[] = [...scores.problems];
  for (const r of read.rows) {
    const score = r.record.dossier === null ? undefined : scores.byDossier.get(r.record.dossier);
    problems.push(...stageProblems(region, r.row, r.record, score));
  }
  for (const p of problems) {
    const layout = p.layout === beoordelingLayout.id ? beoordelingLayout : opvolgingLayout;
    issues.push({
      file: read.path,
      code: p.code,
      params: p.params,
      severity: 'warning',
      sheet: layout.sheet,
      row: p.row,
      column: read.tables[layout.id]?.columns.get(p.field) ?? null,
      field: p.field,
      header: (layout.columns as Record<string, { header: string }>)[p.field]?.header ?? p.field,
    });
  }
  return issues;
}
