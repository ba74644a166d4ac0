// The timeline's fixed parts, apart from the region's schema, so that code that only needs them
// (the sync's check whether anything changed, say) does not load the schema library.

/**
 * The steps of the timeline the code relies on, by role, with the id each has in the region file:
 * the late check and the reminders find them by these ids, so a timeline without one is refused.
 */
export const MILESTONE_IDS = {
  deadline: 'deadline',
  assessment: 'beoordeling',
  pitches: 'pitches',
  decision: 'beslissing',
  rebuttal: 'weerwoord',
} as const;

export type MilestoneRole = keyof typeof MILESTONE_IDS;

/** Days for a rebuttal after the decision is communicated, when the region names none. */
export const DEFAULT_REBUTTAL_DAYS = 14;
