// FNV-1a, 32 bits, over the UTF-16 code units: small, pure and the same everywhere. For codes
// and change detection, never for security.

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A short fingerprint of a text: the same text, the same fingerprint. */
export function textFingerprint(s: string): string {
  return `${s.length.toString(16)}-${fnv1a(s).toString(16).padStart(8, '0')}`;
}
