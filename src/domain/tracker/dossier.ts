import { fnv1a } from '../hash.js';

// The dossier code of a candidacy: "K-" and 6 hex digits of a hash of the lead partner and the
// title, normalised (case, accents, punctuation and spaces do not count). It does not depend on
// the file's name or place, so it stays the same across syncs and renames. Two different
// candidacies whose hashes meet get the next free code (the first one keeps its own); two files
// with the same lead partner and title are both kept, the second as "-2", and reported.

/** Lower case, without accents, punctuation or double spaces. */
export function normaliseKey(trekker: string, titel: string): string {
  const norm = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase('nl-BE')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return `${norm(trekker)}|${norm(titel)}`;
}

/** The code of a normalised key; `salt` > 0 gives the alternatives used after a collision. */
export function codeOf(key: string, salt = 0): string {
  const h = fnv1a(salt === 0 ? key : `${key}#${salt}`);
  return `K-${(h >>> 8).toString(16).padStart(6, '0').toUpperCase()}`;
}

/** The code of a candidacy without any collision to resolve. */
export function dossierCode(trekker: string, titel: string): string {
  return codeOf(normaliseKey(trekker, titel));
}

export interface Assigned {
  codes: string[];
  /** Candidacies with the same lead partner and title as an earlier one: [index, earlier index]. */
  duplicates: [number, number][];
  /** Candidacies whose first code belonged to another candidacy: [index, the code it wanted]. */
  collisions: [number, string][];
}

/**
 * Codes for candidacies in a fixed order (the caller sorts them, by path). `claimed` maps the
 * codes already in the tracker to the normalised key of their row: they keep their code.
 */
export function assignDossiers(
  items: readonly { trekker: string; titel: string }[],
  claimed: ReadonlyMap<string, string>,
): Assigned {
  const owners = new Map(claimed);
  const firstOf = new Map<string, number>();
  const copies = new Map<string, number>();
  const out: Assigned = { codes: [], duplicates: [], collisions: [] };
  items.forEach((item, i) => {
    const key = normaliseKey(item.trekker, item.titel);
    const first = firstOf.get(key);
    if (first !== undefined) {
      const n = (copies.get(key) ?? 1) + 1;
      copies.set(key, n);
      out.codes.push(`${out.codes[first] as string}-${n}`);
      out.duplicates.push([i, first]);
      return;
    }
    firstOf.set(key, i);
    let salt = 0;
    let code = codeOf(key);
    while (owners.has(code) && owners.get(code) !== key) code = codeOf(key, ++salt);
    if (salt > 0) out.collisions.push([i, codeOf(key)]);
    owners.set(code, key);
    out.codes.push(code);
  });
  return out;
}
