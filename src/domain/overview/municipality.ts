import { foldText } from '../fold.js';
import type { ValidationResult } from '../validate.js';

/** The region's spelling of a municipality name, or null when it is not one of the region's. */
export function canonicalMunicipality(
  municipalities: readonly string[],
  name: string,
): string | null {
  const wanted = foldText(name);
  if (wanted === '') return null;
  return municipalities.find((m) => foldText(m) === wanted) ?? null;
}

/**
 * The municipality a gemeente workbook belongs to: its owner in the region's spelling, or as
 * typed when it is none of the region's; null for other kinds and for a workbook without owner.
 */
export function municipalityOf(
  municipalities: readonly string[],
  result: ValidationResult,
): string | null {
  if (result.meta?.kind !== 'gemeente') return null;
  const owner = result.meta.owner;
  return canonicalMunicipality(municipalities, owner) ?? (owner.trim() || null);
}

/**
 * The municipality a file name names ('Gemeente Sint-Martens-Latem.xlsx'), as a whole word, the
 * longest when several fit; null when none. For files whose contents cannot tell.
 */
export function municipalityInName(
  municipalities: readonly string[],
  fileName: string,
): string | null {
  const name = foldText(fileName);
  const named = municipalities.filter((m) => containsWord(name, foldText(m)));
  return named.sort((a, b) => b.length - a.length)[0] ?? null;
}

function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + word.length] ?? ' ';
    if (!isLetter(before) && !isLetter(after)) return true;
  }
  return false;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
