// Reading the fields of a validated record. Validation has checked their types; these accessors
// still look, so a record that arrives some other way can never make the overview throw.

export function textOf(record: Record<string, unknown>, field: string): string | null {
  const v = record[field];
  return typeof v === 'string' && v !== '' ? v : null;
}

export function numberOf(record: Record<string, unknown>, field: string): number | null {
  const v = record[field];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function listOf(record: Record<string, unknown>, field: string): string[] {
  const v = record[field];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v !== '' ? [v] : [];
}

export function dateOf(record: Record<string, unknown>, field: string): Date | null {
  const v = record[field];
  return v instanceof Date && !Number.isNaN(v.getTime()) ? v : null;
}

/** Case, accents-as-typed and spacing folded, for matching names people typed twice. */
export function foldKey(s: string): string {
  return s.normalize('NFC').toLocaleLowerCase('nl-BE').replace(/\s+/g, ' ').trim();
}

/** The region's spelling of a municipality name, or null when it is not one of the region's. */
export function canonicalMunicipality(
  municipalities: readonly string[],
  name: string,
): string | null {
  const wanted = foldKey(name);
  if (wanted === '') return null;
  return municipalities.find((m) => foldKey(m) === wanted) ?? null;
}
