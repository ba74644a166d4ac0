import type { Aanbod } from '../layouts.js';

// An offer counts on a day when that day lies within its validity: "Geldig vanaf" and "Geldig
// tot" are whole days, both included, and an empty one leaves that side open.

/** The wall-clock day of a wall-clock moment: 00:00 of it (UTC fields). */
export function dayOf(wallClock: Date): Date {
  return new Date(
    Date.UTC(wallClock.getUTCFullYear(), wallClock.getUTCMonth(), wallClock.getUTCDate()),
  );
}

export function isActiveOn(offer: Pick<Aanbod, 'geldigVanaf' | 'geldigTot'>, day: Date): boolean {
  const from = offer.geldigVanaf;
  const until = offer.geldigTot;
  const d = dayOf(day).getTime();
  return (
    (from === null || dayOf(from).getTime() <= d) && (until === null || dayOf(until).getTime() >= d)
  );
}
