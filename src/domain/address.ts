/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

export function a1(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}

/** 'AB12' → 28. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col;
}

/** 'AB12' → 12. */
export function rowOf(ref: string): number {
  return Number(ref.replace(/^[A-Z]+/, ''));
}

/** A sheet name as a formula names it: in apostrophes, its own apostrophes doubled ('Persona''s'). */
export function quotedSheet(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}
