import type { Readable, Writable } from 'node:stream';

// The bounded child's stderr, passed on to ours as it comes (the progress bar redraws a line
// without ending it), but for V8's own report when the child's heap runs out: its English
// "<--- Last few GCs --->", "FATAL ERROR: … JavaScript heap out of memory" and a native stack
// trace. That report is swallowed, and remembered, so the caller can say it in Dutch instead.

/** The first lines of V8's fatal report, at the start of a line. */
const REPORT_STARTS = ['<--- Last few GCs --->', '<--- JS stacktrace --->', 'FATAL ERROR:'];
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit/;

export interface FatalReport {
  /** Whether V8 reported that the heap ran out (read after the stream has ended). */
  readonly outOfMemory: boolean;
}

/** Copies `from` to `to` until V8's fatal report begins; the rest is kept back and read. */
export function forwardUntilFatal(from: Readable, to: Writable): FatalReport {
  const state = { outOfMemory: false };
  let held = ''; // an unfinished line that may still become a report's start
  let report: string | null = null;
  let lineEnded = true; // what was passed on ends with a newline (or nothing was)
  const pass = (text: string) => {
    if (text === '') return;
    to.write(text);
    lineEnded = text.endsWith('\n');
  };
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    if (report !== null) {
      report += chunk;
      state.outOfMemory ||= OUT_OF_MEMORY.test(report);
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
    state.outOfMemory = OUT_OF_MEMORY.test(report);
    // Without the blank line V8 puts before its report; ending the line (a progress bar's) that
    // was being drawn, so what the caller says next starts a line of its own.
    const before = text.slice(0, start).replace(/\n+$/, '');
    pass(before === '' && lineEnded ? '' : `${before}\n`);
  });
  from.on('end', () => {
    if (report === null) pass(held);
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
 * begin a report, and the blank lines before it (V8 puts one before its report). A newline that
 * ends a line of text is passed on at once.
 */
function heldBack(text: string, lineEnded: boolean): number {
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  const couldStart = lastLine !== '' && REPORT_STARTS.some((first) => first.startsWith(lastLine));
  const line = couldStart ? lastLine : '';
  const rest = text.slice(0, text.length - line.length);
  const newlines = rest.length - rest.replace(/\n+$/, '').length;
  const endsALine = newlines > 0 && (rest.length > newlines || !lineEnded);
  return line.length + newlines - (endsALine ? 1 : 0);
}
