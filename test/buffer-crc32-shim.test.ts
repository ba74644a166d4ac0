import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The CLI's bundle puts scripts/bundle/buffer-crc32.cjs where yazl asks for buffer-crc32: it
// must give the very values buffer-crc32 gives, in each of the forms yazl and others call.

const require = createRequire(import.meta.url);
type Crc32 = ((input: Buffer | string, previous?: Buffer | number) => Buffer) & {
  unsigned: (input: Buffer | string, previous?: Buffer | number) => number;
  signed: (input: Buffer | string, previous?: Buffer | number) => number;
};
const shim = require('../scripts/bundle/buffer-crc32.cjs') as Crc32;
const original = require('buffer-crc32') as Crc32;

/** Bytes that are the same on every run: a simple linear congruential sequence. */
function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe("the bundle's buffer-crc32", () => {
  const inputs: (Buffer | string)[] = [
    Buffer.alloc(0),
    bytes(1, 1),
    bytes(1000, 2),
    bytes(70_000, 3),
    '<sheetData>é€ 😀</sheetData>',
  ];

  it.each(inputs.map((input, i) => [i, input] as const))(
    'gives the same values (%i)',
    (_, input) => {
      expect(shim.unsigned(input)).toBe(original.unsigned(input));
      expect(shim.signed(input)).toBe(original.signed(input));
      expect(shim(input)).toEqual(original(input));
    },
  );

  it('carries a running value over pieces, as a number or as its 4 bytes', () => {
    const whole = bytes(50_000, 4);
    const pieces = [whole.subarray(0, 1), whole.subarray(1, 30_001), whole.subarray(30_001)];
    let asNumber = 0;
    let asBytes: Buffer | undefined;
    for (const piece of pieces) {
      asNumber = shim.unsigned(piece, asNumber);
      asBytes = shim(piece, asBytes);
    }
    expect(asNumber).toBe(original.unsigned(whole));
    expect(asBytes).toEqual(original(whole));
    expect(shim.signed(pieces[2]!, shim.signed(whole.subarray(0, 30_001)))).toBe(
      original.signed(whole),
    );
  });
});
