import { compareText } from '../overview/sources.js';
import type { Region } from '../region/schema.js';
import { admissibilityReminders } from './admissibility.js';
import { inputAsOf } from './as-of.js';
import { decisionReminders } from './decision.js';
import { incompleteReminders } from './incomplete.js';
import { milestoneReminders } from './milestones.js';
import { dossierRows, type Reminder, type ReminderInput, type ReminderSeverity } from './model.js';
import { pitchReminders } from './pitch.js';
import { rebuttalReminders } from './rebuttal.js';
import { scoreReminders } from './scores.js';

// Every reminder due at a moment: pure and deterministic (no clock: the moment is given), in a
// fixed order: overdue first, then by due moment, then by id. The tracker and the candidacies
// are taken as they were at that moment (as-of.ts), so a past moment shows the past as it was.

const ORDER: Record<ReminderSeverity, number> = { overdue: 0, soon: 1, upcoming: 2 };

export function remindersAt(region: Region, input: ReminderInput, at: Date): Reminder[] {
  if (Number.isNaN(at.getTime())) throw new RangeError('at is not a valid date');
  const then = inputAsOf(region, input, at);
  const rows = dossierRows(then.tracker);
  const reviews = then.tracker?.reviews ?? [];
  return [
    ...milestoneReminders(region, at),
    ...incompleteReminders(region, then.candidacies, rows, at),
    ...admissibilityReminders(region, rows, at),
    ...scoreReminders(region, rows, reviews, at),
    ...pitchReminders(region, rows, at),
    ...decisionReminders(region, rows, at),
    ...rebuttalReminders(region, rows, at),
  ].sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      a.dueAt.getTime() - b.dueAt.getTime() ||
      compareText(a.id, b.id),
  );
}
