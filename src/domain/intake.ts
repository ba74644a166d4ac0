import { sameText } from './fold.js';
import type { IssueCode } from './issue.js';
import type { MessageParams } from './messages.js';
import type { Region } from './region/schema.js';
import { formatDateTime, instantToWallClock, wallClockToInstant } from './time.js';
import { findMilestone, milestoneDeadline } from './timeline.js';

// The call's intake rules for a candidacy, checked on the coordinator's tracker row (where the
// received moment and the e-mail's subject are kept): received on time (Brussels wall clock),
// with the required subject, and both filled in. They are warnings: the coordinator decides,
// nothing is refused for them.

export interface RowProblem<F extends string = string> {
  field: F;
  code: IssueCode;
  params: MessageParams;
}

/** How a candidacy came in, as its tracker row says. */
export interface Received {
  /** Wall clock; 'unreadable' when the cell holds no date (the tracker's validation says so). */
  ontvangen: Date | 'unreadable' | null;
  onderwerp: string | null;
}

/** The e-mail that brought a candidacy in, as `partnerschap intake` read it. */
export interface Receipt {
  /** The instant of the mail's Date header. */
  received: Date;
  subject: string;
  /**
   * The drive had the mail's workbook already (a mail taken in again, or a file put there by
   * hand): the receipt fills only what the tracker lacks, so a moment corrected by hand stays.
   */
  fillOnly: boolean;
}

/** Whether a candidacy received at this instant came after the call's deadline. */
export function isLate(region: Region, instant: Date): boolean {
  const step = findMilestone(region, 'deadline');
  return step !== undefined && instant > milestoneDeadline(region, step);
}

export function intakeProblems(region: Region, record: Received): RowProblem<keyof Received>[] {
  const problems: RowProblem<keyof Received>[] = [];
  const received = record.ontvangen;
  const deadlineStep = findMilestone(region, 'deadline');
  if (received === null)
    problems.push({ field: 'ontvangen', code: 'received-missing', params: {} });
  else if (received instanceof Date && deadlineStep) {
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
  const subject = record.onderwerp?.trim() ?? '';
  if (subject === '') problems.push({ field: 'onderwerp', code: 'subject-missing', params: {} });
  else if (!sameText(subject, region.submission.subject)) {
    problems.push({
      field: 'onderwerp',
      code: 'subject',
      params: { value: subject, expected: region.submission.subject },
    });
  }
  return problems;
}
