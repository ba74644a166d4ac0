import { foldText } from '../fold.js';

/** The region's spelling of a municipality name, or null when it is not one of the region's. */
export function canonicalMunicipality(
  municipalities: readonly string[],
  name: string,
): string | null {
  const wanted = foldText(name);
  if (wanted === '') return null;
  return municipalities.find((m) => foldText(m) === wanted) ?? null;
}
