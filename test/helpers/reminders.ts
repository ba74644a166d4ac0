import type { Beoordeling } from '../../src/domain/layouts.js';
import type { TrackerRecord } from '../../src/domain/reminders/model.js';
import { leieSchelde } from '../../src/domain/region/leie-schelde.js';
import { wallClockToInstant } from '../../src/domain/time.js';

// Tracker rows and moments for the reminder tests.

/** A Brussels wall-clock reading as an instant. */
export const brussels = (y: number, m: number, d: number, h = 0, min = 0, s = 0): Date =>
  wallClockToInstant(new Date(Date.UTC(y, m - 1, d, h, min, s)), leieSchelde.timeZone);

/** A wall-clock date (UTC fields), as the tracker's date cells read. */
export const wall = (y: number, m: number, d: number, h = 0, min = 0): Date =>
  new Date(Date.UTC(y, m - 1, d, h, min));

export function trackerRow(dossier: string, extra: Partial<TrackerRecord> = {}): TrackerRecord {
  return {
    dossier,
    titel: `Project ${dossier}`,
    trekker: `Trekker ${dossier}`,
    copartners: null,
    gemeenten: null,
    bron: `Partners/Kandidaturen/${dossier}.xlsx`,
    ontvangen: null,
    onderwerp: null,
    intake: null,
    gemiddelde: null,
    rang: null,
    hiaten: null,
    weerwoordTot: null,
    stadium: 'Ontvankelijk',
    ontvankelijkOp: null,
    beoordeeldOp: null,
    pitch: null,
    beslissing: null,
    juryOp: null,
    gecommuniceerdOp: null,
    weerwoordOp: null,
    weerwoordUitkomst: null,
    definitiefOp: null,
    opmerkingen: null,
    ...extra,
  };
}

export function review(dossier: string, score: number, conflict = false): Beoordeling {
  return {
    dossier,
    beoordelaar: 'An',
    criterium: 'Vernieuwing',
    score,
    commentaar: null,
    belangenconflict: conflict ? 'Ja' : 'Nee',
  };
}
