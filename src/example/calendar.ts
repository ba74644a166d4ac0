import { addDays } from '../domain/time.js';
import type { Random } from './random.js';

// Dates in the example are wall-clock dates, kept in the UTC fields of a Date.

export const utc = (y: number, month: number, day: number, h = 0, min = 0): Date =>
  new Date(Date.UTC(y, month - 1, day, h, min));

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`. */
export const daysBetween = (from: Date, to: Date): number =>
  Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/** A random day from `from` up to `to`. */
export function dateBetween(r: Random, from: Date, to: Date): Date {
  const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
  return addDays(from, r.int(0, Math.max(0, days)));
}
