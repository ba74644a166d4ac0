import type { ShownCount } from '../overview/suppress.js';

// Counts as a Dutch reader writes them: 1.234 (a point between thousands), "< 5" as it is.

const COUNT = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 });

export function countText(n: ShownCount): string {
  return typeof n === 'number' ? COUNT.format(n) : n;
}
