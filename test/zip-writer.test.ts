import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../src/workbook/xlsx/zip-writer.js';

// The zip writer takes a part's text in pieces and writes each piece's UTF-8 straight into its
// buffers: whatever the pieces, the part reads back as their text joined, to the character
// (a lone surrogate, as ever, as U+FFFD).

async function written(parts: Record<string, string[]>): Promise<JSZip> {
  const zip = new ZipWriter();
  for (const [name, texts] of Object.entries(parts)) await zip.add(name, texts);
  return JSZip.loadAsync(await zip.finish(), { checkCRC32: true });
}

describe('the zip writer', () => {
  it('writes text beyond Latin-1, in pieces small and larger than its buffers, as given', async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `<row r="${i}"><c><is><t>Dienst’${i} — café 😀 ${'x'.repeat(i % 40)}</t></is></c></row>`,
    );
    const long = `<t>${'€😀a'.repeat(150_000)}</t>`;
    const parts = {
      'a.xml': rows,
      'b.xml': ['', long, '', 'é', long.slice(0, 1_000)],
      'c.xml': [],
      // A pair split between two pieces, and at the very end.
      'd.xml': ['<t>a\ud83d', '\ude00b', '\ud83d', '', '\ude00</t>', '\ud83d'],
    };
    const zip = await written(parts);
    for (const [name, texts] of Object.entries(parts)) {
      const joined = texts.join('').replace(/\ud83d$/, '\ufffd');
      expect(await zip.file(name)!.async('string')).toBe(joined);
    }
  });
});
