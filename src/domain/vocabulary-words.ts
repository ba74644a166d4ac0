import { foldForSearch } from './fold.js';
import type { Region } from './region/schema.js';
import { vocabulariesOf, type VocabularyId } from './vocabularies.js';

// The words people type for a list value instead of picking it from the dropdown. A value is
// named by its own words and, for a problem area, by its service types and the region's synonyms
// ("schulden" for "Administratie en financiën"); accents and case do not count. The pane's offer
// search and validation both read words here, so a word means the same in both.

/** A list value and the words that name it, folded for search (the value itself first). */
export interface NamedValue {
  value: string;
  names: string[];
}

/** A vocabulary's values with their names, and whether a value typed in other words is read. */
export interface Lexicon {
  values: NamedValue[];
  /** Read a value in the partner's own words as the one it names (with a warning). */
  ownWords: boolean;
}

/** Needs, target groups and problem areas are what partners describe in their own words. */
const OWN_WORDS: ReadonlySet<VocabularyId> = new Set([
  'probleemgebied',
  'doelgroep',
  'dienstverlening',
]);

/** How many nearest values a message names at most. */
const MAX_NEAREST = 3;

function named(value: string, others: readonly string[] = []): NamedValue {
  return { value, names: [value, ...others].map(foldForSearch) };
}

/** The problem areas named by label, service types and the region's synonyms. */
export function areaNames(region: Region): NamedValue[] {
  return region.problemAreas.map((a) => named(a.label, [...a.serviceTypes, ...(a.synonyms ?? [])]));
}

/** Plain list values, named only by themselves. */
export function plainNames(values: readonly string[]): NamedValue[] {
  return values.map((v) => named(v));
}

// Folded once per region: a workbook is validated many times in the pane.
const lexicons = new WeakMap<Region, Record<VocabularyId, Lexicon>>();

/** Every vocabulary of the region with the words that name its values. */
export function lexiconsOf(region: Region): Record<VocabularyId, Lexicon> {
  const cached = lexicons.get(region);
  if (cached !== undefined) return cached;
  const vocabularies = vocabulariesOf(region);
  const ids = Object.keys(vocabularies) as VocabularyId[];
  const made = Object.fromEntries(
    ids.map((id) => [
      id,
      {
        values: id === 'probleemgebied' ? areaNames(region) : plainNames(vocabularies[id]),
        ownWords: OWN_WORDS.has(id),
      },
    ]),
  ) as Record<VocabularyId, Lexicon>;
  lexicons.set(region, made);
  return made;
}

/** The words of a text as searched: folded, split on what is no letter, digit or hyphen. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length > 2);
}

/** The values a text names: one of its words is in one of a value's names. In list order. */
export function valuesNamed(values: readonly NamedValue[], text: string): string[] {
  const words = searchWords(text);
  return values
    .filter((v) => words.some((w) => v.names.some((n) => n.includes(w))))
    .map((v) => v.value);
}

/**
 * The one value a text names in other words: its whole text is a name of exactly one value, or
 * its words name exactly one. Null when it names none, or several (ambiguous).
 */
export function readInOwnWords(values: readonly NamedValue[], text: string): string | null {
  const whole = foldForSearch(text);
  const exact = values.filter((v) => v.names.includes(whole));
  if (exact.length > 0) return exact.length === 1 ? exact[0]!.value : null;
  const named = valuesNamed(values, text);
  return named.length === 1 ? named[0]! : null;
}

/**
 * The values nearest a text that is none of them: the few its words name, else those spelt
 * nearly alike ("Sint Martens Latem" for "Sint-Martens-Latem"). [] when nothing is near.
 */
export function nearestValues(values: readonly NamedValue[], text: string): string[] {
  const named = valuesNamed(values, text);
  if (named.length > 0 && named.length <= MAX_NEAREST) return named;
  const pool = named.length > 0 ? values.filter((v) => named.includes(v.value)) : values;
  const typed = foldForSearch(text);
  return pool
    .map((v, i) => ({ v, i, d: editDistance(typed, v.names[0] ?? '') }))
    .filter((x) => x.d <= Math.max(2, Math.floor(typed.length / 4)))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, MAX_NEAREST)
    .map((x) => x.v.value);
}

/** Levenshtein distance: the fewest letters added, removed or changed to make b from a. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + change,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
