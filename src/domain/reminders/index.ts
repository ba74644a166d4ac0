// Reminders: what is due in the matching timeline, for whom, for which candidacy (pure).
export { calendarEntries, type CalendarEntry } from './calendar.js';
export { digestLines, digestSubject } from './digest.js';
export { isCandidacySource } from './incomplete.js';
export { milestoneReminderStarts } from './milestones.js';
export { daysBefore, milestoneMoment, shown } from './moments.js';
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
