import type { DossierRow } from './model.js';
import type { Region } from '../region/schema.js';
import { NOT_ADMISSIBLE, vocabulariesOf } from '../vocabularies.js';

// The tracker's stages in order: whether a candidacy is still in the race and past a stage.

/** Whether the row is admissible and at or past the given stage (in the stadium list's order). */
export function atOrAfter(region: Region, row: DossierRow, stage: string): boolean {
  if (row.stadium === NOT_ADMISSIBLE) return false;
  const stages = vocabulariesOf(region).stadium;
  const here = row.stadium === null ? -1 : stages.indexOf(row.stadium);
  return here >= 0 && here >= stages.indexOf(stage);
}
