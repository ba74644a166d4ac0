import { t } from '../messages.js';
import type { Overview } from '../overview/model.js';
import type { Region } from '../region/schema.js';
import { whenOf } from '../reminders/digest.js';
import { countText } from './numbers.js';

// Where the call stands on the overview's day, in the words of the report: the next step of the
// timeline and the days to go, the candidacies, and every reminder that is overdue.

export interface CallState {
  /** The next step, its days to go, the candidacies; the tracker's absence when it is absent. */
  lines: string[];
  /** "Achterstallige herinneringen: 2", or that there are none. */
  overdueHeading: string;
  /** One line per overdue reminder: what, for whom, by when. */
  overdue: string[];
}

export function callState(region: Region, ov: Overview): CallState {
  const next = ov.timeline.find((s) => s.state === 'next');
  const overdue = ov.reminders.filter((r) => r.severity === 'overdue');
  return {
    lines: [
      ...(next === undefined
        ? [t('report.no-next')]
        : [
            t('report.next', { label: next.label, when: next.dateText }),
            next.daysToGo === 0
              ? t('report.next-now')
              : t('report.next-days', { days: next.daysToGo ?? 0 }),
          ]),
      t('report.candidacies', { count: countText(ov.region.candidacies) }),
      ...(ov.stages === null ? [t('report.no-tracker')] : []),
    ],
    overdueHeading:
      overdue.length === 0
        ? t('report.overdue-none')
        : t('report.overdue', { count: countText(overdue.length) }),
    overdue: overdue.map((r) =>
      t('report.overdue-item', { title: r.title, who: r.who, when: whenOf(region, r) }),
    ),
  };
}
