import type { MessageKey, MessageParams } from './messages.js';
import type { Region } from './region/schema.js';
import { formatDateTime, instantToWallClock, wallClockToInstant } from './time.js';
import { findMilestone, milestoneDeadline } from './timeline.js';

// The call's intake rules for a candidacy that the coordinator can check on the row itself:
// received on time (Brussels wall clock) and sent with the required e-mail subject.
// They are warnings: the coordinator decides, nothing is refused for them.

export interface RowProblem {
  field: string;
  key: MessageKey;
  params: MessageParams;
}

export function intakeProblems(region: Region, record: Record<string, unknown>): RowProblem[] {
  const problems: RowProblem[] = [];
  const received = record.ontvangen;
  const deadlineStep = findMilestone(region, 'deadline');
  if (received instanceof Date && deadlineStep) {
    const deadline = milestoneDeadline(region, deadlineStep);
    if (wallClockToInstant(received, region.timeZone) > deadline) {
      problems.push({
        field: 'ontvangen',
        key: 'issue.late',
        params: {
          received: formatDateTime(received),
          deadline: formatDateTime(instantToWallClock(deadline, region.timeZone)),
        },
      });
    }
  }
  const subject = record.onderwerp;
  if (typeof subject === 'string' && fold(subject) !== fold(region.submission.subject)) {
    problems.push({
      field: 'onderwerp',
      key: 'issue.subject',
      params: { value: subject, expected: region.submission.subject },
    });
  }
  return problems;
}

function fold(s: string): string {
  return s.toLocaleLowerCase('nl-BE').replace(/\s+/g, ' ').trim();
}
