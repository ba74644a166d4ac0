// Reminders: what is due in the matching timeline, for whom, for which candidacy (pure).
export { calendarEntries, type CalendarEntry } from './calendar.js';
export { digestLines, digestSubject, whenOf } from './digest.js';
export { isCandidacySource } from './incomplete.js';
export { milestoneReminderStarts } from './milestones.js';
export { trackerAsOf } from './as-of.js';
export { daysBefore, dueShown, milestoneMoment, shown, type Due } from './moments.js';
export {
  severityOf,
  SOON_DAYS,
  type Reminder,
  type ReminderInput,
  type ReminderKind,
  type ReminderSeverity,
  type TrackerRecord,
  type TrackerRecords,
} from './model.js';
export { rebuttalDeadline } from './rebuttal.js';
export { remindersAt } from './reminders-at.js';
