import { formatDate, parseLocal } from '../time.js';

// Where the gemeente workbook's Aanbod copy came from and when it was loaded, kept in _meta so
// that the Dekking view can tell "no offer for this area" from "offers not loaded yet", and old
// offers show as old.

export const OFFERS_SOURCE_KEY = 'aanbod-bron';
export const OFFERS_LOADED_KEY = 'aanbod-geladen';
/** Offers loaded longer ago than this are flagged: partners' waiting times move in weeks. */
export const OFFERS_OLD_AFTER_DAYS = 90;

export type OfferStatus =
  | { loaded: false }
  | {
      loaded: true;
      /** The file the offers were taken from; null when the workbook does not say (an older one). */
      source: string | null;
      /** dd/mm/jjjj of the load; null when the workbook does not say. */
      loadedOn: string | null;
      daysOld: number | null;
      old: boolean;
    };

/** The _meta pairs recording that the offers were loaded from `file` on `day` (local date). */
export function offerProvenance(file: string, day: Date): Map<string, string> {
  return new Map([
    [OFFERS_SOURCE_KEY, file],
    [OFFERS_LOADED_KEY, localIsoDay(day)],
  ]);
}

/**
 * Loaded when _meta records a load (even one that brought no offers) or when the Aanbod copy
 * holds offers (a workbook filled before the load was recorded): an empty, unrecorded copy is
 * "not loaded", never "no offers".
 */
export function offerStatus(
  meta: ReadonlyMap<string, string> | null,
  offerCount: number,
  day: Date,
): OfferStatus {
  const source = nonEmpty(meta?.get(OFFERS_SOURCE_KEY));
  const loaded = loadedDay(meta?.get(OFFERS_LOADED_KEY));
  if (source === null && loaded === null && offerCount === 0) return { loaded: false };
  const daysOld = loaded === null ? null : daysBetween(loaded, parseLocal(localIsoDay(day)));
  return {
    loaded: true,
    source,
    loadedOn: loaded === null ? null : formatDate(loaded),
    daysOld,
    old: daysOld !== null && daysOld > OFFERS_OLD_AFTER_DAYS,
  };
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function loadedDay(value: string | undefined): Date | null {
  const text = nonEmpty(value);
  if (text === null || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = parseLocal(text);
  return Number.isNaN(day.getTime()) ? null : day;
}

function localIsoDay(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 86_400_000);
}
