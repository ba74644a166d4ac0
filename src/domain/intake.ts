import { sameText } from './fold.js';
import type { IssueCode } from './issue.js';
import type { kandidatuurLayout, ReadOfLayout } from './layouts.js';
import type { MessageParams } from './messages.js';
import type { Region } from './region/schema.js';
import { formatDateTime, instantToWallClock, wallClockToInstant } from './time.js';
import { findMilestone, milestoneDeadline } from './timeline.js';

// The call's intake rules for a candidacy that the coordinator can check on the row itself:
// received on time (Brussels wall clock) and sent with the required e-mail subject.
// They are warnings: the coordinator decides, nothing is refused for them.

export interface RowProblem<F extends string = string> {
  field: F;
  code: IssueCode;
  params: MessageParams;
}

/** The received moment and e-mail subject of a candidacy row, as far as they could be read. */
type Received = Pick<ReadOfLayout<typeof kandidatuurLayout>, 'ontvangen' | 'onderwerp'>;

export function intakeProblems(
  region: Region,
  record: Received,
): RowProblem<keyof Received & string>[] {
  const problems: RowProblem<keyof Received & string>[] = [];
  const received = record.ontvangen;
  const deadlineStep = findMilestone(region, 'deadline');
  if (received instanceof Date && deadlineStep) {
    const deadline = milestoneDeadline(region, deadlineStep);
    if (wallClockToInstant(received, region.timeZone) > deadline) {
      problems.push({
        field: 'ontvangen',
        code: 'late',
        params: {
          received: formatDateTime(received),
          deadline: formatDateTime(instantToWallClock(deadline, region.timeZone)),
        },
      });
    }
  }
  const subject = record.onderwerp;
  if (typeof subject === 'string' && !sameText(subject, region.submission.subject)) {
    problems.push({
      field: 'onderwerp',
      code: 'subject',
      params: { value: subject, expected: region.submission.subject },
    });
  }
  return problems;
}
