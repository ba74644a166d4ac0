// Numbers and dates typed as text, the Dutch way or not; their own module, so that the CLI's
// options read them without loading the cell validation (and its schema library).

/** Reads numbers stored as text too: "12", "3,5", "3.5", "1.250,75", "€ 45 000". */
export function parseNumberText(s: string): number | null {
  let t = s.replace(/[\s\u00a0€]/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/** dd/mm/jjjj (or with - or .), optional uu:mm, or ISO jjjj-mm-dd; as a wall-clock Date. */
export function parseDateText(s: string): Date | null {
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:.u](\d{2}))?$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s);
  const parts = be
    ? [be[3], be[2], be[1], be[4], be[5]]
    : iso
      ? [iso[1], iso[2], iso[3], iso[4], iso[5]]
      : null;
  if (!parts) return null;
  const [y, m, d, hh, mm] = parts.map((p) => Number(p ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, m - 1, d, hh, mm));
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    hh < 24;
  return valid ? date : null;
}
