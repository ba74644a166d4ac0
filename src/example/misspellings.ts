import type { Region } from '../domain/region/schema.js';
import { upperFirst } from './text.js';

// Values as people type them by hand instead of picking them from a dropdown: near-misses that
// are not in the list.

/** A municipality as people mistype it: "Sint Martens Latem" for "Sint-Martens-Latem". */
export function misspellMunicipality(region: Region): { of: string; as: string } {
  const ms = region.municipalities;
  const vocab = new Set(ms.map((m) => m.toLowerCase()));
  const hyphenated = ms.find((m) => m.includes('-'));
  const of = hyphenated ?? (ms[0] as string);
  let as = hyphenated ? of.replace(/-/g, ' ') : of.slice(0, -1);
  while (vocab.has(as.toLowerCase()) || as.trim() === '') as += 'e';
  return { of, as };
}

/** What people write for a problem area, by area id. */
const AREA_TYPOS: Record<string, string> = {
  psychisch: 'Psychische kwetsbaarheid',
  huisvesting: 'Huisvesting',
  nederlands: 'Taalproblemen',
  mobiliteit: 'Mobiliteit',
  administratie: 'Schulden',
};

/** The usual typo for the problem area with this label, if there is one. */
export function typoFor(region: Region, label: string): string | undefined {
  const area = region.problemAreas.find((p) => p.label === label);
  return area && AREA_TYPOS[area.id];
}

/** A problem area typed by hand: a near-miss of the list value (or of its last word). */
export function misspellArea(region: Region, label: string): string {
  const vocab = new Set(region.problemAreas.map((p) => p.label.toLowerCase()));
  let typo = typoFor(region, label) ?? upperFirst(label.split(' ').pop() ?? label);
  while (vocab.has(typo.toLowerCase())) typo += 's';
  return typo;
}
