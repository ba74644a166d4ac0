import { t, type MessageParams } from './messages.js';
import { maskPersonalData } from './privacy.js';

// What a message quotes from a cell is read by others (the overview and feedback files on the
// shared drive, validate's output): personal data in it is masked, whatever the column's kind.

/** The text with its personal data masked. */
export function maskQuote(text: string): string {
  return maskPersonalData(text, t('privacy.masked'));
}

/** Message params with the personal data in every text masked. */
export function maskQuotes(params: MessageParams): MessageParams {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? maskQuote(v) : v]),
  );
}
