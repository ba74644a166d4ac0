import { t, type MessageKey } from '../messages.js';
import type { Region } from '../region/schema.js';
import { whenOf } from '../reminders/digest.js';
import { calendarDaysTo, leftText, leftWords, milestoneMoment } from '../reminders/moments.js';
import type { ReminderSeverity } from '../reminders/model.js';
import { remindersAt } from '../reminders/reminders-at.js';
import { findMilestone, milestoneDeadline, milestoneText } from '../timeline.js';

// The Tijdlijn view at a moment: the region's milestones with their dates and where the moment
// stands (past, the next step, later), and the reminders due then. The workbook has no tracker,
// so only the milestones' own reminders apply.

export type MilestoneStatus = 'past' | 'next' | 'upcoming';

export interface MilestoneItem {
  id: string;
  label: string;
  /** "09/06/2023 23:59", or "from tot to" for a window. */
  dateText: string;
  provisional: boolean;
  description: string;
  status: MilestoneStatus;
  /** Whole days until it starts (0 once a window has begun); null when past. */
  daysToGo: number | null;
  /** "voorbij", "volgende stap, over 3 dagen", "over 40 dagen"; with "(onder voorbehoud)". */
  statusText: string;
}

export interface ReminderItem {
  when: string;
  title: string;
  who: string;
  severity: ReminderSeverity;
  /** "Achterstallig", "Binnen 7 dagen", "Later". */
  group: string;
}

export interface TimelineView {
  milestones: MilestoneItem[];
  reminders: ReminderItem[];
}

const GROUP: Record<ReminderSeverity, MessageKey> = {
  overdue: 'reminders.group.overdue',
  soon: 'reminders.group.soon',
  upcoming: 'reminders.group.upcoming',
};

export function timelineItems(region: Region, at: Date): TimelineView {
  const reminders = remindersAt(region, { tracker: null, candidacies: [] }, at).map((r) => ({
    when: whenOf(region, r),
    title: r.title,
    who: r.who,
    severity: r.severity,
    group: t(GROUP[r.severity]),
  }));
  return { milestones: milestoneItems(region, at), reminders };
}

/** The region's milestones and where a moment stands in them (the pane's and the overview's). */
export function milestoneItems(region: Region, at: Date): MilestoneItem[] {
  let nextSeen = false;
  return region.timeline.map((m): MilestoneItem => {
    const past = milestoneDeadline(region, m).getTime() <= at.getTime();
    const status: MilestoneStatus = past ? 'past' : nextSeen ? 'upcoming' : 'next';
    if (!past) nextSeen = true;
    // Calendar days, as the dates are shown (the reminders count the same way).
    const daysToGo = past
      ? null
      : Math.max(0, calendarDaysTo(milestoneMoment(region, m), at, region.timeZone));
    return {
      id: m.id,
      label: m.label,
      dateText: milestoneText(m),
      provisional: m.provisional,
      description: m.description,
      status,
      daysToGo,
      statusText: statusText(status, daysToGo, m.provisional),
    };
  });
}

/** The steps that set a municipality's pace (by the ids the reminders and the late check use). */
const DEADLINE = 'deadline';
const DECISION = 'beslissing';

/**
 * What the call's timeline means for municipal staff, in plain Dutch: by when their personas and
 * needs should be in the shared folder (partners write their candidacies from the overview),
 * and when the decision follows. Steps the region does not have are left out.
 */
export function staffMilestones(region: Region, at: Date): string[] {
  const deadline = findMilestone(region, DEADLINE);
  const decision = findMilestone(region, DECISION);
  const notes: string[] = [];
  if (deadline !== undefined) {
    const due = milestoneDeadline(region, deadline);
    notes.push(
      due.getTime() > at.getTime()
        ? t('todo.deadline', {
            when: milestoneText(deadline),
            left: leftText(due, at, region.timeZone),
          })
        : t('todo.deadline-past', { when: milestoneText(deadline) }),
    );
  }
  if (decision !== undefined && milestoneDeadline(region, decision).getTime() > at.getTime()) {
    notes.push(t('todo.decision', { when: milestoneText(decision) }));
  }
  return notes;
}

function statusText(status: MilestoneStatus, days: number | null, provisional: boolean): string {
  const base =
    status === 'past'
      ? t('timeline-item.past')
      : days === 0
        ? t('timeline-item.now')
        : t(status === 'next' ? 'timeline-item.next' : 'timeline-item.upcoming', {
            left: leftWords(days ?? 0),
          });
  // A step that is over is no longer provisional.
  return provisional && status !== 'past' ? `${base} ${t('timeline-item.provisional')}` : base;
}
