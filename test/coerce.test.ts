import { describe, expect, it } from 'vitest';
import { coerce } from '../src/domain/coerce.js';
import { parseDateText, parseNumberText } from '../src/domain/typed-text.js';
import { aanbodLayout, personaLayout } from '../src/domain/layouts.js';
import { serialToDate } from '../src/domain/normalise.js';

const ctx = { date1904: false, vocabulary: null };
const text = (value: string) => ({ kind: 'text', value }) as const;
const num = (value: number) => ({ kind: 'number', value }) as const;

describe('numbers stored as text', () => {
  it.each([
    ['12', 12],
    ['3,5', 3.5],
    ['3.5', 3.5],
    ['1.250,75', 1250.75],
    ['€ 45 000', 45000],
    ['1.250', 1250],
  ])('reads %s as %d', (s, n) => {
    expect(parseNumberText(s)).toBe(n);
  });

  it.each(['twaalf', '12 weken', '1,2,3', ''])('refuses %s', (s) => {
    expect(parseNumberText(s)).toBeNull();
  });

  it('converts a text count in an integer column', () => {
    expect(coerce(text('0012'), personaLayout.columns.aantal, ctx)).toEqual({
      ok: true,
      value: 12,
    });
  });
});

describe('dates', () => {
  it('reads dd/mm/jjjj with and without time, and ISO dates', () => {
    expect(parseDateText('9/06/2023')).toEqual(new Date(Date.UTC(2023, 5, 9)));
    expect(parseDateText('09-06-2023 23:59')).toEqual(new Date(Date.UTC(2023, 5, 9, 23, 59)));
    expect(parseDateText('2023-06-09')).toEqual(new Date(Date.UTC(2023, 5, 9)));
  });

  it('refuses impossible dates', () => {
    expect(parseDateText('31/02/2023')).toBeNull();
    expect(parseDateText('09/13/2023')).toBeNull();
    expect(parseDateText('volgende week')).toBeNull();
  });

  it('converts serial numbers itself, in the 1900 and in the 1904 system', () => {
    const col = aanbodLayout.columns.bijgewerkt;
    expect(coerce(num(45086), col, ctx)).toEqual({
      ok: true,
      value: new Date(Date.UTC(2023, 5, 9)),
    });
    expect(coerce(num(43624), col, { ...ctx, date1904: true })).toEqual({
      ok: true,
      value: new Date(Date.UTC(2023, 5, 9)),
    });
    expect(serialToDate(45086.999305555553, false)).toEqual(new Date(Date.UTC(2023, 5, 9, 23, 59)));
  });
});

describe('lists', () => {
  const col = aanbodLayout.columns.gemeenten;
  const vocabulary = ['Hele regio', 'Deinze', 'Sint-Martens-Latem'];

  it('splits on semicolons and new lines and returns the canonical spelling', () => {
    expect(
      coerce(text('deinze;\nSINT-MARTENS-LATEM; Deinze'), col, { ...ctx, vocabulary }),
    ).toEqual({
      ok: true,
      value: ['Deinze', 'Sint-Martens-Latem'],
    });
  });

  it('names every value outside the list', () => {
    const r = coerce(text('Deinze; Sint Martens Latem; Gent'), col, { ...ctx, vocabulary });
    expect(r.ok ? [] : r.problems.map((p) => p.params.value)).toEqual([
      'Sint Martens Latem',
      'Gent',
    ]);
  });
});

describe('e-mail', () => {
  it('accepts an address and refuses a name', () => {
    const col = aanbodLayout.columns.email;
    expect(coerce(text('info@voorbeeld.be'), col, ctx).ok).toBe(true);
    expect(coerce(text('Jan Peeters'), col, ctx).ok).toBe(false);
  });
});
