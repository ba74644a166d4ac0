import { describe, expect, it } from 'vitest';
import { colorScheme, luminance, schemeOf } from '../src/domain/pane/color-scheme.js';

// Light or dark for the task pane: the Office theme's body background inside Excel, the system
// setting in a browser, ?theme= over both.

describe('luminance and schemeOf', () => {
  it('measures WCAG relative luminance of #RGB and #RRGGBB', () => {
    expect(luminance('#FFFFFF')).toBe(1);
    expect(luminance('#000')).toBe(0);
    expect(luminance('#777777')).toBeCloseTo(0.184, 3);
    expect(luminance('0f6cbd')).toBeCloseTo(luminance('#0F6CBD')!, 10);
    for (const bad of ['', 'white', '#12345', '#GGGGGG', 'rgb(0,0,0)']) {
      expect(luminance(bad)).toBeNull();
    }
  });

  it('calls a background dark where white text contrasts more than black', () => {
    // Excel's white and colourful themes, and light greys.
    for (const light of ['#FFFFFF', '#F3F3F3', '#E6E6E6', '#C6C6C6', '#777777']) {
      expect({ light, scheme: schemeOf(light) }).toEqual({ light, scheme: 'light' });
    }
    // Black and dark grey themes: near-black up to the grey where both texts contrast equally.
    for (const dark of ['#000000', '#262626', '#3B3B3B', '#666666', '#757575']) {
      expect({ dark, scheme: schemeOf(dark) }).toEqual({ dark, scheme: 'dark' });
    }
    expect(schemeOf('nonsense')).toBeNull();
  });
});

describe('colorScheme', () => {
  const none = { search: '', officeBackground: null, prefersDark: false };

  it('follows the Office theme inside Excel, whatever the system says', () => {
    expect(colorScheme({ ...none, officeBackground: '#262626' })).toBe('dark');
    expect(colorScheme({ ...none, officeBackground: '#FFFFFF', prefersDark: true })).toBe('light');
  });

  it('follows prefers-color-scheme outside Excel, or when Office reports no usable colour', () => {
    expect(colorScheme(none)).toBe('light');
    expect(colorScheme({ ...none, prefersDark: true })).toBe('dark');
    expect(colorScheme({ ...none, officeBackground: '', prefersDark: true })).toBe('dark');
  });

  it('takes ?theme=dark or ?theme=light over both, and ignores other values', () => {
    const dark = { search: '?preview=example&theme=dark', officeBackground: '#FFFFFF' };
    expect(colorScheme({ ...dark, prefersDark: false })).toBe('dark');
    expect(colorScheme({ ...none, search: '?theme=light', prefersDark: true })).toBe('light');
    expect(colorScheme({ ...none, search: '?theme=purple', prefersDark: true })).toBe('dark');
  });
});
