import { t } from '../messages.js';
import type { Overview } from '../overview/model.js';
import type { Region } from '../region/schema.js';
import { whenOf } from '../reminders/digest.js';
import { countText } from './numbers.js';

// Where the call stands on the overview's day, in Dutch: the next step of the timeline and the
// days to go, the candidacies and their stages, and the reminders that are overdue. The report
// and the overview's Overzicht sheet both show it.

export interface CallState {
  /** The next step and its days to go, or that every step is past. */
  step: string[];
  /** The candidacies submitted; without a tracker, that their stages are not known. */
  candidacies: string[];
  /** "Per stadium: Ontvangen 2, …", the stages that hold candidacies; null without a tracker. */
  stages: string | null;
  /** "Achterstallige herinneringen: 2", or that there are none. */
  overdueHeading: string;
  /** One line per overdue reminder (what, for whom, by when), and how many more past the most. */
  overdue: string[];
}

export function callState(region: Region, ov: Overview, mostOverdue = Infinity): CallState {
  const next = ov.timeline.find((s) => s.state === 'next');
  const overdue = ov.reminders.filter((r) => r.severity === 'overdue');
  const shown = overdue.slice(0, mostOverdue);
  const more = overdue.length - shown.length;
  return {
    step:
      next === undefined
        ? [t('report.no-next')]
        : [
            t('report.next', { label: next.label, when: next.dateText }),
            next.daysToGo === 0
              ? t('report.next-now')
              : t('report.next-days', { days: next.daysToGo ?? 0 }),
          ],
    candidacies: candidaciesLines(ov),
    stages: stagesLine(ov),
    overdueHeading:
      overdue.length === 0
        ? t('report.overdue-none')
        : t('report.overdue', { count: countText(overdue.length) }),
    overdue: [
      ...shown.map((r) =>
        t('report.overdue-item', { title: r.title, who: r.who, when: whenOf(region, r) }),
      ),
      ...(more > 0 ? [t('report.overdue-more', { count: more })] : []),
    ],
  };
}

/**
 * The candidacies submitted: the tracker's rows when there is a tracker (the stages add up to
 * it), and how many of them the overview took in when fewer (rows refused in their workbook).
 */
function candidaciesLines(ov: Overview): string[] {
  const taken = ov.region.candidacies;
  if (ov.stages === null) {
    return [t('report.candidacies', { count: countText(taken) }), t('report.no-tracker')];
  }
  const tracked = ov.stages.reduce((sum, s) => sum + s.candidacies, 0);
  return [
    tracked === taken
      ? t('report.candidacies', { count: countText(tracked) })
      : t('report.candidacies-taken', { count: countText(tracked), taken: countText(taken) }),
  ];
}

function stagesLine(ov: Overview): string | null {
  if (ov.stages === null) return null;
  const held = ov.stages.filter((s) => s.candidacies > 0);
  if (held.length === 0) return t('report.stages-none');
  const list = held
    .map((s) => `${s.stage ?? t('report.chart.stages.none')} ${countText(s.candidacies)}`)
    .join(', ');
  return t('report.stages', { list });
}
