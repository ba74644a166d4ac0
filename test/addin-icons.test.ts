import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The icons manifest.xml names (ribbon and add-in list) are committed PNGs rendered from
// src/addin/public/assets/icon.svg: each must be there, the size its name says, and a drawing,
// not a flat square. Decoded here (8-bit RGB/RGBA, as Chromium writes them) so no tool is needed.

const root = path.join(import.meta.dirname, '..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');

interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  pixels: Uint8Array;
}

function decodePng(bytes: Buffer): Image {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const idat: Buffer[] = [];
  let header: { width: number; height: number; depth: number; type: number } | null = null;
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      const [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      header = { width, height, depth: data[8]!, type: data[9]! };
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  expect(header).not.toBeNull();
  const { width, height, depth, type } = header!;
  expect({ depth, rgbOrRgba: type === 2 || type === 6 }).toEqual({ depth: 8, rgbOrRgba: true });
  const channels = type === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const up = rows[y - 1] ?? new Uint8Array(stride);
    const row = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels]! : 0;
      const b = up[i]!;
      const c = i >= channels ? up[i - channels]! : 0;
      row[i] = (line[i]! + unfilter(filter, a, b, c)) & 0xff;
    }
    rows.push(row);
  }
  const pixels = new Uint8Array(width * height * 4);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) {
        pixels[(y * width + x) * 4 + k] = k < channels ? row[x * channels + k]! : 255;
      }
    }
  });
  return { width, height, pixels };
}

/** PNG's five row filters: what is added to a byte, given its left, upper and upper-left bytes. */
function unfilter(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      throw new Error(`PNG filter ${filter}`);
  }
}

describe('add-in icons', () => {
  const named = [...manifest.matchAll(/assets\/(icon-(\d+)\.png)/g)].map((m) => ({
    file: m[1]!,
    size: Number(m[2]),
  }));

  it('are the 16, 32 and 80 px icons Office asks for', () => {
    expect([...new Set(named.map((n) => n.size))].sort((a, b) => a - b)).toEqual([16, 32, 80]);
  });

  it('are drawings of their named size: opaque in the middle, several colours', () => {
    for (const { file, size } of named) {
      const image = decodePng(
        readFileSync(path.join(root, 'src', 'addin', 'public', 'assets', file)),
      );
      expect({ file, width: image.width, height: image.height }).toEqual({
        file,
        width: size,
        height: size,
      });
      const colours = new Set<string>();
      for (let i = 0; i < image.pixels.length; i += 4) {
        if (image.pixels[i + 3] === 255) colours.add(image.pixels.subarray(i, i + 3).join(','));
      }
      // The tile's blue and the two figures at least; a placeholder square has one or two.
      expect({ file, many: colours.size >= 3 }).toEqual({ file, many: true });
      const centre = ((size / 2) * size + size / 2) * 4 + 3;
      expect({ file, centreAlpha: image.pixels[centre] }).toEqual({ file, centreAlpha: 255 });
    }
  });
});
