// Text helpers for the example drive: slugs for e-mail addresses, safe and unique file names,
// and Dutch sentence pieces.

export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

import { firstFree } from '../domain/file-names.js';

export { fileNamePart, uniqueWorkbookPath } from '../domain/file-names.js';

/** `base`, or "base (2)", "base (3)", … when taken. */
export const uniqueName = (base: string, taken: Set<string>): string =>
  firstFree(taken, (i) => (i === 1 ? base : `${base} (${i})`));

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "a, b en c". */
export const joinAnd = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
