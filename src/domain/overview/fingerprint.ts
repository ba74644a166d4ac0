import type { Overview } from './model.js';

// A stable fingerprint of an overview's content, so the sync can tell whether the overview
// changed without comparing xlsx files (their zips carry timestamps). Pure TS: a canonical JSON
// (object keys sorted, dates as ISO strings) hashed with two independent 32-bit hashes.

export function overviewFingerprint(overview: Overview): string {
  const json = canonicalJson(overview);
  return `${json.length.toString(16)}-${hex(fnv1a(json))}${hex(murmurish(json))}`;
}

/** JSON with every object's keys sorted, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries);
  });
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function murmurish(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');
