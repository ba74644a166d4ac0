// Light or dark for the task pane. Inside Excel the Office theme decides (Office.js reports its
// colours, not whether they are dark on every platform, so the body background's luminance does);
// in a plain browser the system setting; `?theme=dark` or `?theme=light` overrides both, for
// tests and demos.

export type ColorScheme = 'light' | 'dark';

export interface SchemeSignals {
  /** The page's query string. */
  search: string;
  /** Office.context.officeTheme.bodyBackgroundColor ("#RRGGBB"), null outside Office. */
  officeBackground: string | null;
  /** Whether the browser reports `prefers-color-scheme: dark`. */
  prefersDark: boolean;
}

export function colorScheme(signals: SchemeSignals): ColorScheme {
  const asked = new URLSearchParams(signals.search).get('theme');
  if (asked === 'dark' || asked === 'light') return asked;
  const office = signals.officeBackground === null ? null : schemeOf(signals.officeBackground);
  if (office !== null) return office;
  return signals.prefersDark ? 'dark' : 'light';
}

/**
 * Dark when white text contrasts more with the colour than black text does: WCAG relative
 * luminance below √(1.05 × 0.05) − 0.05 ≈ 0.179. Null when the colour is not "#RGB" or "#RRGGBB".
 */
export function schemeOf(color: string): ColorScheme | null {
  const l = luminance(color);
  if (l === null) return null;
  return l < Math.sqrt(1.05 * 0.05) - 0.05 ? 'dark' : 'light';
}

/** WCAG 2.1 relative luminance of a hex colour, 0 (black) to 1 (white). */
export function luminance(color: string): number | null {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (hex === undefined) return null;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => linear(parseInt(full.slice(i, i + 2), 16) / 255));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function linear(channel: number): number {
  return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}
