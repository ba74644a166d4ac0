import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forwardUntilFatal } from '../src/cli/v8-fatal-filter.js';

// The child's stderr reaches the user as it comes, but for V8's English report when its heap ran
// out (the parent says that in Dutch). Node 20's report, as a child capped at 44 MB printed it.

const REPORT = `
<--- Last few GCs --->

[4711:0x6a1b2c0]      812 ms: Mark-Compact 43.1 (46.2) -> 42.9 (46.7) MB, 21.3 / 0.0 ms  (average mu = 0.2) allocation failure;


<--- JS stacktrace --->

FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
 1: 0xb7b3e0 node::Abort() [node]
 2: 0xa8c8aa  [node]
`;

/** Feeds `chunks` through the filter; what reached the user, and what it found. */
async function filtered(chunks: string[]) {
  const from = new PassThrough();
  const to = new PassThrough();
  let shown = '';
  to.on('data', (d: Buffer) => (shown += d.toString()));
  const report = forwardUntilFatal(from, to);
  for (const chunk of chunks) {
    from.write(chunk);
    await new Promise((r) => setImmediate(r));
  }
  from.end();
  await new Promise((r) => from.on('end', r));
  return { shown, outOfMemory: report.outOfMemory };
}

/** `text` cut at every `size` characters. */
const cut = (text: string, size: number) => text.match(new RegExp(`[^]{1,${size}}`, 'g')) ?? [];

describe("the child's stderr", () => {
  it('passes everything on when no report comes, unfinished lines too', async () => {
    const text = '\r[####    ] 3 van 9 bestanden\r[########] 9 van 9 bestanden\nlet op: Zulte\n\n';
    const { shown, outOfMemory } = await filtered(cut(text, 7));
    expect(shown).toBe(text);
    expect(outOfMemory).toBe(false);
  });

  it('shows a progress redraw and a finished line at once, before more comes', async () => {
    const from = new PassThrough();
    const to = new PassThrough();
    let shown = '';
    to.on('data', (d: Buffer) => (shown += d.toString()));
    forwardUntilFatal(from, to);
    for (const [chunk, seen] of [
      ['\r[##      ] 2 van 9', '\r[##      ] 2 van 9'],
      ['\nEr loopt al een sync.\n', '\r[##      ] 2 van 9\nEr loopt al een sync.\n'],
    ]) {
      from.write(chunk);
      await new Promise((r) => setImmediate(r));
      expect(shown).toBe(seen);
    }
  });

  it('ends the line being drawn when the report cuts it off', async () => {
    const { shown } = await filtered(['\r[##      ] 2 van 9', REPORT]);
    expect(shown).toBe('\r[##      ] 2 van 9\n');
  });

  it.each([1, 3, 16, 1000])(
    'keeps back the report, cut in chunks of %i, and knows the heap ran out',
    async (size) => {
      const { shown, outOfMemory } = await filtered(cut(`\r[##] 2 van 9\n${REPORT}`, size));
      expect(shown).toBe('\r[##] 2 van 9\n');
      expect(outOfMemory).toBe(true);
    },
  );

  it('keeps back a report that starts the output, and one from Node 24 (no GC lines)', async () => {
    const node24 =
      'FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory\n----- Native stack trace -----\n';
    expect(await filtered([REPORT.slice(1)])).toMatchObject({ shown: '', outOfMemory: true });
    expect(await filtered(['klaar\n', node24])).toMatchObject({
      shown: 'klaar\n',
      outOfMemory: true,
    });
  });

  it('passes on a fatal report about something else, once the child has ended', async () => {
    const other = 'FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal\n 1: 0xb7b3e0 node::Abort()\n';
    expect(await filtered(['bezig\n', other])).toEqual({
      shown: `bezig\n${other}`,
      outOfMemory: false,
    });
  });

  it("knows the reports of a heap too small to start in (Node 20's and 24's)", async () => {
    const node20 =
      '\n<--- Last few GCs --->\n\n\n<--- JS stacktrace --->\n\n\n#\n# Fatal javascript OOM in GC during deserialization\n#\n\n';
    const node24 =
      '\n<--- Last few GCs --->\n\n\n\n#\n# Fatal JavaScript out of memory: GC during deserialization\n#\n----- Native stack trace -----\n';
    for (const report of [node20, node24]) {
      expect(await filtered([report])).toEqual({ shown: '', outOfMemory: true });
    }
  });

  it('keeps back a report with Windows line endings, and the blank lines before it', async () => {
    const crlf = REPORT.replaceAll('\n', '\r\n');
    for (const size of [1, 5, 1000]) {
      expect(await filtered(cut(`klaar\r\n\r\n${crlf}`, size))).toEqual({
        shown: 'klaar\r\n',
        outOfMemory: true,
      });
    }
  });

  it('passes on a line that only looks like the start of a report', async () => {
    const text = '<--- niet van V8\nFATAL is hier een woord\n';
    expect((await filtered(cut(text, 2))).shown).toBe(text);
  });
});
