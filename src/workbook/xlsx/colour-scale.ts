// The colour Excel's two-colour scale (conditional formatting) gives a value between the lowest
// and the highest value of its range, for cells the scale cannot colour itself (text such as
// "< 5"), so they look like the number they stand for.

/** ARGB ('FFRRGGBB') of `value` on the scale from `low` (at min) to `high` (at max). */
export function scaleColour(value: number, min: number, max: number, low: string, high: string) {
  const f = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0;
  const channel = (argb: string, i: number) => parseInt(argb.slice(2 + 2 * i, 4 + 2 * i), 16);
  const mixed = [0, 1, 2].map((i) => {
    const c = Math.round(channel(low, i) + (channel(high, i) - channel(low, i)) * f);
    return c.toString(16).toUpperCase().padStart(2, '0');
  });
  return `FF${mixed.join('')}`;
}
