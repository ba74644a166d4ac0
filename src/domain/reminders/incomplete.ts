import { countSeverity } from '../issue.js';
import { kandidatuurLayout } from '../layouts.js';
import { t } from '../messages.js';
import type { SourceInput } from '../overview/sources.js';
import type { Region } from '../region/schema.js';
import { rowCounts, rowsOf } from '../validate.js';
import { deadlineOf, dueShown } from './moments.js';
import { severityOf, type Reminder, type DossierRow } from './model.js';

// Rule: before the deadline for candidacies, a candidacy with errors or refused rows (or a file
// that could not be read at all) is a reminder to its lead partner: there is still time to fix
// and send it again. After the deadline the intake checks report it, not the reminders.

export function incompleteReminders(
  region: Region,
  candidacies: readonly SourceInput[],
  rows: readonly DossierRow[],
  at: Date,
): Reminder[] {
  const due = deadlineOf(region, 'deadline');
  if (at >= due.at) return [];
  const dossierOf = new Map(rows.map((r) => [r.bron ?? '', r.dossier]));
  const out: Reminder[] = [];
  for (const s of candidacies) {
    const problems = problemsOf(region, s);
    if (problems === null) continue;
    out.push({
      id: `onvolledig:${s.path}`,
      kind: 'candidacy-incomplete',
      dueAt: due.at,
      dayOnly: due.dayOnly,
      title: t('reminders.title.incomplete', {
        file: s.path,
        problems: problems.count,
        when: dueShown(due, region.timeZone),
      }),
      who: t('reminders.who.lead', { partner: problems.partner }),
      dossier: dossierOf.get(s.path) ?? null,
      severity: severityOf(due.at, at),
    });
  }
  return out;
}

/** The number of errors and refused rows of a candidacy and its lead partner; null if none. */
function problemsOf(region: Region, s: SourceInput): { count: number; partner: string } | null {
  const file = s.path.split('/').pop() ?? s.path;
  if (!s.outcome.ok) {
    const inFolder = s.path.startsWith(`${region.drive.kandidaturen}/`);
    return inFolder ? { count: 1, partner: file } : null;
  }
  const r = s.outcome.result;
  if (r.meta?.kind !== 'kandidatuur') return null;
  const refused = rowCounts(r.sheets).refused;
  const errors = countSeverity(r.issues, 'error');
  if (refused === 0 && errors === 0) return null;
  const named = rowsOf(r, kandidatuurLayout)
    .map((row) => row.record.trekker)
    .find((v) => v !== null && v !== '');
  return { count: Math.max(errors, refused), partner: named ?? (r.meta.owner || file) };
}

/** Whether a pulled source is a candidacy: a kandidatuur workbook, or an unreadable file in its folder. */
export function isCandidacySource(region: Region, s: SourceInput): boolean {
  if (s.outcome.ok) return s.outcome.result.meta?.kind === 'kandidatuur';
  return s.path.startsWith(`${region.drive.kandidaturen}/`);
}
