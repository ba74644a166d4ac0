import type { Readable, Writable } from 'node:stream';

// The bounded child's stderr, passed on to ours as it comes (the progress bar redraws a line
// without ending it), but for V8's own report when the child's heap runs out: its English
// "<--- Last few GCs --->", "FATAL ERROR: … JavaScript heap out of memory" and a native stack
// trace. That report is swallowed, and remembered, so the caller can say it in Dutch instead. A
// fatal report about anything else is passed on when the child has ended: it is what a
// maintainer needs to see.

/** The first lines of V8's fatal reports, at the start of a line. */
const REPORT_STARTS = [
  '<--- Last few GCs --->',
  '<--- JS stacktrace --->',
  'FATAL ERROR:',
  '# Fatal',
];
/** Node 20 and 24 on a heap that ran out (a tiny cap: "Fatal javascript OOM in GC …"). */
const OUT_OF_MEMORY = /out of memory|\bOOM\b|heap limit/i;
/** Line endings at the end of a text (V8 writes CRLF on Windows). */
const TRAILING_EOLS = /(?:\r?\n)+$/;

export interface FatalReport {
  /** Whether V8 reported that the heap ran out (read after the stream has ended). */
  readonly outOfMemory: boolean;
}

/** Copies `from` to `to` until V8's fatal report begins; the rest is kept back and read. */
export function forwardUntilFatal(from: Readable, to: Writable): FatalReport {
  const state = { outOfMemory: false };
  let held = ''; // an unfinished line that may still begin a report, and blank lines before it
  let report: string | null = null;
  let lineEnded = true; // what was passed on ends with a line ending (or nothing was)
  const pass = (text: string) => {
    if (text === '') return;
    to.write(text);
    lineEnded = text.endsWith('\n');
  };
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    if (report !== null) {
      report += chunk;
      return;
    }
    const text = held + chunk;
    const start = reportStart(text);
    if (start < 0) {
      held = text.slice(text.length - heldBack(text, lineEnded));
      pass(text.slice(0, text.length - held.length));
      return;
    }
    report = text.slice(start);
    // Without the blank line V8 puts before its report; ending the line (a progress bar's) that
    // was being drawn, so what the caller says next starts a line of its own.
    const before = text.slice(0, start);
    const eols = TRAILING_EOLS.exec(before)?.[0] ?? '';
    const content = before.slice(0, before.length - eols.length);
    const closing = /^\r?\n/.exec(eols)?.[0] ?? '\n';
    pass(content === '' && lineEnded ? '' : content + closing);
  });
  from.on('end', () => {
    state.outOfMemory = report !== null && OUT_OF_MEMORY.test(report);
    if (report === null) pass(held);
    else if (!state.outOfMemory) pass(report);
  });
  return state;
}

/** Where a report begins in `text`: at a line start, one of REPORT_STARTS; -1 if nowhere. */
function reportStart(text: string): number {
  const starts = REPORT_STARTS.map((first) => {
    if (text.startsWith(first)) return 0;
    const i = text.indexOf(`\n${first}`);
    return i < 0 ? -1 : i + 1;
  }).filter((i) => i >= 0);
  return starts.length === 0 ? -1 : Math.min(...starts);
}

/**
 * How many characters at the end of `text` to hold until more comes: an unfinished line that may
 * begin a report, and the blank lines before it (V8 puts one before its report); a last `\r`,
 * which may be half of a Windows line ending. The line ending of a line of text is passed on.
 */
function heldBack(text: string, lineEnded: boolean): number {
  const cr = text.endsWith('\r') ? 1 : 0;
  const upTo = text.length - cr;
  const lastLine = text.slice(text.lastIndexOf('\n', upTo - 1) + 1, upTo);
  const couldStart = lastLine !== '' && REPORT_STARTS.some((first) => first.startsWith(lastLine));
  const rest = text.slice(0, upTo - (couldStart ? lastLine.length : 0));
  const eols = TRAILING_EOLS.exec(rest)?.[0] ?? '';
  // The first line ending closes the line of text before it; the ones after it are blank lines.
  const closes = rest.length > eols.length || !lineEnded;
  const first = closes ? eols.length - eols.replace(/^\r?\n/, '').length : 0;
  return text.length - rest.length + eols.length - first;
}
