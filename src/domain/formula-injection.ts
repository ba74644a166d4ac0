// Text that a spreadsheet would take for a formula when typed or pasted: it must always be
// written as text (in the overview and through Office.js), never evaluated.
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** True when the text would become a formula if written as a plain cell value. */
export function needsTextGuard(text: string): boolean {
  return TRIGGERS.some((c) => text.startsWith(c));
}

// Leading dashes and pluses are common in ordinary lists ("- eerst bellen"), so only the
// characters that really start a formula in Excel's input line are worth a warning to the user.
const WARN = ['=', '@'];

/** The first character when a typed text looks like a formula the user may have meant. */
export function formulaTrigger(text: string): string | null {
  return WARN.find((c) => text.startsWith(c)) ?? null;
}
