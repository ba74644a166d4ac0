import { t, type MessageKey } from './messages.js';

const MB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** The Dutch sentence for a refused file: what is wrong and what to do. */
export function refusalMessage(code: string, params: Record<string, string | number>): string {
  const p = { ...params };
  if (typeof params.bytes === 'number') p.size = size(params.bytes);
  if (typeof params.limit === 'number') p.limit = size(params.limit);
  return t(`refuse.${code}` as MessageKey, p);
}
