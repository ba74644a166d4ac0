// Small counts of citizens can point at real people: in region-level aggregates a count of 1 to
// 4 is shown as "< 5" (0 stays 0). Records themselves are not suppressed. The one place this
// rule lives.

export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = `< ${SUPPRESS_BELOW}` as const;

/**
 * The count a "< 5" stands for where a count must be placed on a scale (the Dekking colours): the
 * middle of 1 to 4, the same for every suppressed cell, so its colour tells nothing more.
 */
export const SUPPRESSED_STANDS_FOR = SUPPRESS_BELOW / 2;

/** A citizen count as an aggregate may show it. */
export type ShownCount = number | typeof SUPPRESSED;

export function suppress(count: number): ShownCount {
  return count > 0 && count < SUPPRESS_BELOW ? SUPPRESSED : count;
}
