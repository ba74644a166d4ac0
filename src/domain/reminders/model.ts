import type { Beoordeling } from '../layouts.js';
import type { OpvolgingRead } from '../tracker/record.js';
import type { SourceInput } from '../overview/sources.js';

// A reminder: something due, for whom, for which candidacy, as seen at a given moment.

export type ReminderKind =
  | 'milestone'
  | 'admissibility-pending'
  | 'scores-missing'
  | 'pitch-upcoming'
  | 'decision-not-communicated'
  | 'rebuttal-closing'
  | 'rebuttal-closed'
  | 'rebuttal-undecided'
  | 'candidacy-incomplete';

export type ReminderSeverity = 'overdue' | 'soon' | 'upcoming';

export interface Reminder {
  /** Stable across runs: the same thing due gives the same id (calendar UIDs derive from it). */
  id: string;
  kind: ReminderKind;
  /** The instant the thing is due. */
  dueAt: Date;
  /** Due on a day (shown as a date: a milestone given as a date), not at a time. */
  dayOnly: boolean;
  /** Dutch, one line. */
  title: string;
  /** 'coördinator', 'jury', 'trekker: <partner>'. */
  who: string;
  /** The tracker's dossier code; null when the reminder is about no single candidacy. */
  dossier: string | null;
  severity: ReminderSeverity;
}

/** A tracker row as read: a cell that was empty or failed validation is null. */
export type TrackerRecord = OpvolgingRead;

/** A tracker row with its dossier code (rows without one cannot be reminded of). */
export type DossierRow = TrackerRecord & { dossier: string };

/** The tracker's records, as the tracker reader gives them (row numbers are not needed here). */
export interface TrackerRecords {
  rows: readonly TrackerRecord[];
  reviews: readonly Beoordeling[];
}

export interface ReminderInput {
  tracker: TrackerRecords | null;
  /** The candidacy workbooks as pulled and validated (other kinds are ignored). */
  candidacies: readonly SourceInput[];
}

/** 'soon' means due within this many days. */
export const SOON_DAYS = 7;

const DAY = 86_400_000;

/** Overdue once its moment has passed; soon within 7 days; upcoming otherwise. */
export function severityOf(dueAt: Date, at: Date): ReminderSeverity {
  const left = dueAt.getTime() - at.getTime();
  if (left <= 0) return 'overdue';
  return left <= SOON_DAYS * DAY ? 'soon' : 'upcoming';
}

/** The tracker rows that carry a dossier code. */
export function dossierRows(tracker: TrackerRecords | null): DossierRow[] {
  return (tracker?.rows ?? []).filter((r): r is DossierRow => typeof r.dossier === 'string');
}
