import { t, type CodesOf, type MessageParams } from './messages.js';

// Why a file could not be read at all, as data; the Dutch sentence (what is wrong and what to do)
// is made where a person reads it.

/** The codes of the catalogue's 'refuse.<code>' messages. */
export type RefusalCode = CodesOf<'refuse'>;

export interface Refusal {
  code: RefusalCode;
  params: MessageParams;
}

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** The Dutch sentence for a refused file. */
export function refusalMessage(r: Refusal): string {
  const p = { ...r.params };
  if (typeof r.params.bytes === 'number') p.size = size(r.params.bytes);
  if (typeof r.params.limit === 'number') p.limit = size(r.params.limit);
  return t(`refuse.${r.code}`, p);
}
