import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  findPersonalData,
  isValidBelgianIban,
  isValidNationalRegisterNumber,
  maskPersonalData,
  personalDataInNumber,
  type PrivacyFinding,
  type PrivacyKind,
} from '../src/domain/privacy.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A register number with correct check digits: yymmdd + serial + check. */
function registerNumber(year: number, month: number, day: number, serial: number): string {
  const first9 = `${pad(year % 100, 2)}${pad(month, 2)}${pad(day, 2)}${pad(serial, 3)}`;
  const base = year >= 2000 ? 2_000_000_000 + Number(first9) : Number(first9);
  return first9 + pad(97 - (base % 97), 2);
}

const preRuleHolds = (digits: string): boolean =>
  97 - (Number(digits.slice(0, 9)) % 97) === Number(digits.slice(9));

const formatted = (d: string): string =>
  `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;

/** The single finding expected for `needle` inside `text`. */
function at(text: string, needle: string, kind: PrivacyKind): PrivacyFinding {
  const start = text.indexOf(needle);
  expect(start).toBeGreaterThanOrEqual(0);
  return { kind, start, end: start + needle.length };
}

function expectOnly(text: string, needle: string, kind: PrivacyKind): void {
  expect(findPersonalData(text)).toEqual([at(text, needle, kind)]);
}

describe('rijksregisternummer', () => {
  const pre2000 = registerNumber(1985, 7, 30, 33);
  const post2000 = registerNumber(2003, 2, 14, 123);

  it('computes the expected example numbers', () => {
    expect(pre2000).toBe('85073003328');
    // Born in 2003: 97 − (2030214123 mod 97) = 48, where 030214123 alone would give 19.
    expect(post2000).toBe('03021412348');
  });

  it('accepts a pre-2000 number', () => {
    expect(isValidNationalRegisterNumber(pre2000)).toBe(true);
    expectOnly(`Geboren: ${pre2000}.`, pre2000, 'rijksregisternummer');
  });

  it('accepts a post-2000 number that fails the pre-2000 rule', () => {
    expect(preRuleHolds(post2000)).toBe(false);
    expect(isValidNationalRegisterNumber(post2000)).toBe(true);
    expectOnly(`nr ${post2000}`, post2000, 'rijksregisternummer');
  });

  it('accepts BIS numbers and an unknown birth date (month 00)', () => {
    const bis20 = registerNumber(1985, 7 + 20, 30, 33);
    const bis40 = registerNumber(1985, 7 + 40, 30, 33);
    const unknownDate = registerNumber(1985, 0, 0, 33);
    for (const n of [bis20, bis40, unknownDate]) {
      expect(isValidNationalRegisterNumber(n)).toBe(true);
      expectOnly(`BIS ${n}`, n, 'rijksregisternummer');
    }
  });

  it('rejects wrong check digits and malformed input', () => {
    expect(isValidNationalRegisterNumber('85073003329')).toBe(false);
    expect(isValidNationalRegisterNumber('8507300332')).toBe(false);
    expect(isValidNationalRegisterNumber('8507300332a')).toBe(false);
    expect(findPersonalData('nr 85073003329 en 85.07.30-033.27')).toEqual([]);
  });

  it.each(['85073003328', '85.07.30-033.28', '85 07 30 033 28', '850730-033-28'])(
    'finds the formatted variant %s',
    (written) => {
      expectOnly(`Klant (${written}) belde.`, written, 'rijksregisternummer');
    },
  );

  it('is not reported as a phone number as well', () => {
    const young = registerNumber(2004, 5, 1, 12);
    expectOnly(`id ${formatted(young)}`, formatted(young), 'rijksregisternummer');
    expectOnly(`id ${young}`, young, 'rijksregisternummer');
  });

  it('is not found inside a longer number', () => {
    expect(findPersonalData('1850730033280')).toEqual([]);
    expect(findPersonalData('1.85073003328')).toEqual([]);
  });
});

describe('IBAN', () => {
  it('validates the mod-97 check', () => {
    expect(isValidBelgianIban('BE68 5390 0754 7034')).toBe(true);
    expect(isValidBelgianIban('be68539007547034')).toBe(true);
    expect(isValidBelgianIban('BE69 5390 0754 7034')).toBe(false);
    expect(isValidBelgianIban('NL68 5390 0754 7034')).toBe(false);
    expect(isValidBelgianIban('BE68 5390 0754 703')).toBe(false);
  });

  it.each(['BE68 5390 0754 7034', 'BE68539007547034', 'be68 5390 0754 7034'])(
    'finds %s',
    (iban) => {
      expectOnly(`Rekening ${iban}, dank.`, iban, 'iban');
    },
  );

  it('does not flag an IBAN with a wrong check, nor its digits as something else', () => {
    expect(findPersonalData('Rekening BE69 5390 0754 7034')).toEqual([]);
  });
});

describe('telefoon', () => {
  it.each([
    '09 123 45 67',
    '09/123.45.67',
    '091234567',
    '02 512 34 56',
    '050 12 34 56',
    '0470 12 34 56',
    '0470/12.34.56',
    '0470123456',
    '+32 470 12 34 56',
    '+32470123456',
    '0032 9 123 45 67',
    '0032 470 12 34 56',
    '+32 (0)9 123 45 67',
  ])('finds %s', (phone) => {
    expectOnly(`Bel ${phone} na 17u.`, phone, 'telefoon');
  });

  it('finds the shortest, 9 digits, in a text with no other digit', () => {
    expectOnly('Bel 09 123 45 67.', '09 123 45 67', 'telefoon');
    expectOnly('Bel 091234567', '091234567', 'telefoon');
  });

  it.each([
    'In 2023 telde de stad 160.441 inwoners.',
    'Het aandeel steeg tot 12,5 % (0,8 % meer).',
    'Postcode 9840 De Pinte, 9000 Gent.',
    'Vergadering op 09/06/2023 om 14:00 in zaal 3.',
    'Vergadering op 09/06/2023 1 keer per maand.',
    'Datum 01.02.2023 en 05-03-2024.',
    'Kostprijs € 1.250,00 per jaar, of €1.250.000 in totaal.',
    'Ticket 2023-0470-12 en dossier 123456789.',
    'Van 0 tot 12 jaar: 0 12 34 56 78 is geen nummer.',
    '0470 12 34 5 is te kort, 0470 12 34 567 te lang.',
    '09 123 45 6 is te kort.',
  ])('does not flag ordinary figures: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});

describe('email', () => {
  it.each(['jan.peeters@example.be', 'a_b+tag@sub.domain.org', 'Marie-Ève@gemeente.gent'])(
    'finds %s',
    (address) => {
      expectOnly(`Mail: ${address}.`, address, 'email');
    },
  );

  it('does not flag things that are not addresses', () => {
    expect(findPersonalData('@gemeente op sociale media, info@ of naam@domein')).toEqual([]);
  });

  it('reports digits inside an address as part of the address only', () => {
    expectOnly('schrijf 0470123456@sms.example.be', '0470123456@sms.example.be', 'email');
  });
});

describe('findPersonalData on mixed text', () => {
  it('returns several findings in order, with offsets only', () => {
    const text =
      'Anna (85.07.30-033.28) woont in 9840. Tel 0470/12.34.56 of mail anna@voorbeeld.be; ' +
      'rekening BE68 5390 0754 7034, vaste lijn +32 9 123 45 67. In 2023: 160.441 inwoners.';
    const findings = findPersonalData(text);
    expect(findings).toEqual([
      at(text, '85.07.30-033.28', 'rijksregisternummer'),
      at(text, '0470/12.34.56', 'telefoon'),
      at(text, 'anna@voorbeeld.be', 'email'),
      at(text, 'BE68 5390 0754 7034', 'iban'),
      at(text, '+32 9 123 45 67', 'telefoon'),
    ]);
    for (const finding of findings)
      expect(Object.keys(finding).sort()).toEqual(['end', 'kind', 'start']);
  });

  it('returns nothing for empty or plain text', () => {
    expect(findPersonalData('')).toEqual([]);
    expect(findPersonalData('Een alleenstaande moeder zoekt kinderopvang.')).toEqual([]);
  });
});

describe('properties', () => {
  // Letters (also accented), spaces and punctuation that the detectors care about, but no
  // digits and no '@'.
  const noDigitChar = fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzABEIOUYZéèëïçÉ .,;:-/+()\'"!?€%\n'.split(''),
  );
  const word = fc.constantFrom('BE', 'be', 'Tel', 'mail', 'rekening', 'nr', 'INSZ', '+', '.');
  const plainText = fc
    .array(fc.oneof(fc.string({ unit: noDigitChar }), word))
    .map((parts) => parts.join(' '));

  it('finds nothing in text without digits or @', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(findPersonalData(text)).toEqual([]);
      }),
    );
  });

  it('finds any valid register number embedded in text, at the right offsets', () => {
    const style = fc.constantFrom<(d: string) => string>(
      (d) => d,
      formatted,
      (d) => `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 9)} ${d.slice(9)}`,
      (d) => `${d.slice(0, 6)}-${d.slice(6, 9)}-${d.slice(9)}`,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1930, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 997 }),
        style,
        plainText,
        plainText,
        (year, month, day, serial, format, before, after) => {
          const written = format(registerNumber(year, month, day, serial));
          const start = before.length + 1;
          expect(findPersonalData(`${before} ${written} ${after}`)).toEqual([
            { kind: 'rijksregisternummer', start, end: start + written.length },
          ]);
        },
      ),
    );
  });
});

describe('maskPersonalData', () => {
  it('replaces every finding and leaves ordinary numbers', () => {
    expect(maskPersonalData('bel 0471 23 45 67 of mail a@b.be', '[weg]')).toBe(
      'bel [weg] of mail [weg]',
    );
    expect(maskPersonalData('45 burgers, 3,5 uur', '[weg]')).toBe('45 burgers, 3,5 uur');
  });
});

describe('personalDataInNumber', () => {
  it('finds a register number or phone number typed as a number, its leading 0 dropped', () => {
    expect(personalDataInNumber(85073003328)).toEqual(['rijksregisternummer']);
    expect(personalDataInNumber(Number(registerNumber(2003, 2, 14, 123)))).toEqual([
      'rijksregisternummer',
    ]);
    expect(personalDataInNumber(471234567)).toEqual(['telefoon']);
  });

  it('leaves counts, amounts and fractions alone', () => {
    for (const n of [0, 12, 45_000, 1_250_000, 9_999_999, 85073003329, 8507300332.8]) {
      expect(personalDataInNumber(n)).toEqual([]);
    }
  });
});
