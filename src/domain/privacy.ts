// Privacy guard: personas are composites, so any text that looks like a real person's
// identifiers is flagged. Findings carry offsets only, never the matched text, so a finding
// can be logged or shown without leaking the data it points at.

export type PrivacyKind = 'rijksregisternummer' | 'iban' | 'telefoon' | 'email';

export interface PrivacyFinding {
  kind: PrivacyKind;
  start: number;
  end: number;
}

// A match may not continue a longer number: no digit just before it, nor a digit followed by
// a separator (so "1.250,00" or "2023-0470…" never yield a match that starts mid-figure).
const NOT_AFTER_NUMBER = String.raw`(?<!\d)(?<!\d[.,/-])`;
// Likewise it may not stop in the middle of one.
const NOT_BEFORE_NUMBER = String.raw`(?!\d)(?![.,/-]\d)`;

const REGISTER_NUMBER = new RegExp(
  NOT_AFTER_NUMBER +
    String.raw`\d{2}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{3}[ .-]?\d{2}` +
    NOT_BEFORE_NUMBER,
  'g',
);

const IBAN = new RegExp(String.raw`(?<![\p{L}\d])BE\d{2}(?: ?\d{4}){3}(?!\d)`, 'giu');

// A separator inside a phone number only counts when at least two digits follow it: phone
// numbers are written in groups of 2 or more, dates with a time ("09/06/2023 1 …") are not.
const GROUP = String.raw`(?:[ ./-](?=\d\d))?\d`;
// The number without its leading 0: mobile 4[5-9] + 7 digits, landline 1-9 + 7 digits.
const SUBSCRIBER = String.raw`(?:4[5-9]|[1-9])(?:${GROUP}){7}`;
const PHONE = new RegExp(
  // Not glued to a word or a longer number (a "+" before would make it another country code).
  String.raw`(?<![\p{L}\d+])(?<!\d[.,/-])` +
    // National 0…, or international +32 / 0032 (optionally "(0)") which drops that 0.
    String.raw`(?:0|(?:\+|00)32[ .-]?(?:\(0\) ?)?)` +
    SUBSCRIBER +
    NOT_BEFORE_NUMBER,
  'gu',
);

// Pragmatic, not RFC 5322: enough to catch addresses people actually type. The lookbehind makes
// a match start only at the beginning of a word, which keeps long texts linear.
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;

/** Check digits of an 11-digit register number (INSZ, including BIS numbers). */
export function isValidNationalRegisterNumber(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  // Loose date sanity: month 00-12, or +20 / +40 for BIS numbers; cuts random false hits.
  const month = Number(digits.slice(2, 4));
  if (month > 52 || month % 20 > 12) return false;
  const first9 = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  // Born before 2000: 97 - (first9 mod 97); from 2000 on the check covers "2" + first9.
  return 97 - (first9 % 97) === check || 97 - ((2_000_000_000 + first9) % 97) === check;
}

/** ISO 13616 mod-97 check of a Belgian IBAN; spaces and case are ignored. */
export function isValidBelgianIban(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '').toUpperCase();
  if (!/^BE\d{14}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    // Letters count as two digits (A = 10 … Z = 35); feed them in digit by digit.
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function matches(
  pattern: RegExp,
  kind: PrivacyKind,
  text: string,
  isValid: (match: string) => boolean = () => true,
): PrivacyFinding[] {
  return [...text.matchAll(pattern)]
    .filter((m) => isValid(m[0]))
    .map((m) => ({ kind, start: m.index, end: m.index + m[0].length }));
}

function findRegisterNumbers(text: string): PrivacyFinding[] {
  return matches(REGISTER_NUMBER, 'rijksregisternummer', text, (m) =>
    isValidNationalRegisterNumber(m.replace(/\D/g, '')),
  );
}

function findIbans(text: string): PrivacyFinding[] {
  return matches(IBAN, 'iban', text, isValidBelgianIban);
}

function findPhoneNumbers(text: string): PrivacyFinding[] {
  return matches(PHONE, 'telefoon', text);
}

function findEmails(text: string): PrivacyFinding[] {
  return matches(EMAIL, 'email', text);
}

// The fewest digits a detector of numbers finds: a phone number, its 0 and 8 more (an IBAN has
// 14, a register number 11).
const FEWEST_DIGITS = 9;

/** Whether `text` holds at least `n` digits, anywhere. */
function hasDigits(text: string, n: number): boolean {
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57 && ++found >= n) return true;
  }
  return false;
}

/**
 * All personal data in `text`, sorted by offset and non-overlapping. Where matches overlap, the
 * most specific detector wins: an e-mail address or IBAN may contain digits that look like a
 * phone number, and a register number may look like one too.
 */
export function findPersonalData(text: string): PrivacyFinding[] {
  // Every detector needs an "@" or several digits: most texts have neither and skip the regexes.
  const digits = hasDigits(text, FEWEST_DIGITS);
  const at = text.includes('@');
  if (!digits && !at) return [];
  const byPriority = [
    ...(at ? findEmails(text) : []),
    ...(digits ? findIbans(text) : []),
    ...(digits ? findRegisterNumbers(text) : []),
    ...(digits ? findPhoneNumbers(text) : []),
  ];
  const kept: PrivacyFinding[] = [];
  for (const finding of byPriority) {
    if (kept.every((k) => finding.end <= k.start || finding.start >= k.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The text with every finding replaced by `mask`, so flagged data is never kept or shown. */
export function maskPersonalData(text: string, mask: string): string {
  let out = '';
  let at = 0;
  for (const f of findPersonalData(text)) {
    out += text.slice(at, f.start) + mask;
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * The kinds of personal data a whole number typed into a number column is. Excel drops a leading
 * 0, so a phone number or the register number of someone born from 2000 on is tried with it too.
 * Only numbers of 8 digits or more qualify: no count or amount in a workbook gets that big.
 */
export function personalDataInNumber(n: number): PrivacyKind[] {
  if (!Number.isInteger(n) || n < 10_000_000 || n >= 100_000_000_000) return [];
  const digits = String(n);
  const candidates = [digits, `0${digits}`, digits.padStart(11, '0')];
  const whole = candidates.flatMap((c) =>
    findPersonalData(c).filter((f) => f.start === 0 && f.end === c.length),
  );
  return [...new Set(whole.map((f) => f.kind))];
}
