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

/** A file name part without characters that Windows, macOS or a sync client refuse. */
export function fileNamePart(s: string): string {
  return s
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
}

/**
 * The first of `variant(1)`, `variant(2)`, … that is not in `taken` (case-insensitively), which
 * it then joins. `variant(1)` is the name as it is.
 */
function firstFree(taken: Set<string>, variant: (i: number) => string): string {
  let name = variant(1);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = variant(i);
  taken.add(name.toLowerCase());
  return name;
}

/** `base`, or "base (2)", "base (3)", … when taken. */
export const uniqueName = (base: string, taken: Set<string>): string =>
  firstFree(taken, (i) => (i === 1 ? base : `${base} (${i})`));

/** "base.xlsx", or "base 2.xlsx", "base 3.xlsx", … when taken. */
export const uniqueWorkbookPath = (base: string, taken: Set<string>): string =>
  firstFree(taken, (i) => (i === 1 ? `${base}.xlsx` : `${base} ${i}.xlsx`));

export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "a, b en c". */
export const joinAnd = (items: readonly string[]): string =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
