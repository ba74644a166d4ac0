import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fork } from 'node:child_process';
import { constants } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { t } from '../domain/messages.js';
import { EXIT, UsageError } from './usage-error.js';
import { forwardUntilFatal } from './v8-fatal-filter.js';

// The heavy commands (overview, sync) run once, in a child process with a capped heap. The cap
// keeps V8 from letting garbage pile up long before collecting (the overview at --scale 80
// peaks ~15 % higher without it), and it lets a run that needs more memory than it may use stop
// with a Dutch message and exit 2 instead of a crash. A process, not a worker thread: a worker
// over its cap is stopped only as well as V8 can (on Node 20 a collection that overshot aborted
// the whole program, in English, with the drive's lease left behind); a child that runs out
// ends alone, and this process tells it. It is never retried: a second run would report the
// counts of a run that found the work already done. The cap grows with the input (the sync's
// sources as listed, the overview's folder) from a floor that fits a dense gemeente workbook,
// and never passes the heap Node gives this machine's main thread.

const MB = 1024 * 1024;
const MIN_HEAP_MB = 768;
/**
 * The semi-space of the young generation (V8's nursery, three of them): smaller than V8's
 * default, so short-lived garbage (the rows and XML of the reader and the writer) is collected
 * sooner. Three of 5 MB are the 16 MB young generation the worker thread had, measured then as
 * fast as V8's default with ~25 MB less peak memory; not measured again for the child.
 */
const SEMI_SPACE_MB = 5;
/** Heap per MB of input workbooks: measured ~3.3 for the example drive, so 8 leaves room. */
const HEAP_PER_INPUT_MB = 8;
/** Sets the cap in MB, for operators and for tests (a tiny cap proves the out-of-memory path). */
export const HEAP_ENV = 'PARTNERSCHAP_HEAP_MB';
/** The least cap it may set: below it V8 cannot start the program, or fails without saying why. */
const MIN_GIVEN_MB = 8;

/** The commands that run in the child (bounded-child.ts). */
export type BoundedCommand = 'sync' | 'overview';

export type Reply = { code: number } | { usage: string } | { error: string };

/** What the child is asked to do: its first message. */
export interface Task {
  command: BoundedCommand;
  options: unknown;
  stderrIsTTY: boolean;
}

/** How the child ended without a reply: out of memory, killed, or stopped by a signal we got. */
interface Stopped {
  pid: number;
  outOfMemory: boolean;
  /** The signal this process got and passed on (Ctrl+C, a service stopping it), if any. */
  passedOn: NodeJS.Signals | null;
  how: string;
}

/**
 * Runs the command in the child. `afterStopped` undoes what a child that ended without a reply
 * left behind (the sync's lease); it is given the child's pid.
 */
export async function runBounded(
  command: BoundedCommand,
  options: unknown,
  inputBytes: () => number,
  afterStopped: (pid: number) => Promise<void> = async () => {},
): Promise<number> {
  // From here this process only sizes the input and waits: without the optimizing compiler, whose
  // working memory (~6 MB in this process at `--scale 40`) would count in the command's peak.
  setFlagsFromString('--max-opt=1');
  const heapMb = heapCap(inputBytes());
  const ended = await inChild(
    { command, options, stderrIsTTY: process.stderr.isTTY === true },
    heapMb,
  );
  if ('pid' in ended) return stopped(ended, heapMb, afterStopped);
  if ('usage' in ended) throw new UsageError(ended.usage);
  if ('error' in ended) throw new Error(ended.error);
  return ended.code;
}

/** Says why the child stopped (not when we passed a signal on: the user asked), then cleans up. */
async function stopped(
  s: Stopped,
  heapMb: number,
  afterStopped: (pid: number) => Promise<void>,
): Promise<number> {
  if (s.outOfMemory) {
    const message = t('cli.out-of-memory', { mb: heapMb, env: HEAP_ENV });
    process.stderr.write(`${t('cli.error', { message })}\n`);
  } else if (s.passedOn === null) {
    const message = t('cli.child-stopped', { how: s.how });
    process.stderr.write(`${t('cli.unexpected', { message })}\n`);
  }
  // Said first: a drive out of reach while cleaning up must not hide why the run stopped.
  await afterStopped(s.pid).catch((err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${t('cli.error', { message: t('cli.stopped-lease', { reason }) })}\n`);
  });
  return s.passedOn === null ? EXIT.unreadable : 128 + (constants.signals[s.passedOn] ?? 0);
}

/** The child's heap cap in MB: the operator's, or from the input within the machine's limit. */
function heapCap(inputBytes: number): number {
  const given = process.env[HEAP_ENV];
  if (given !== undefined && given !== '') {
    const mb = Number(given);
    if (!Number.isInteger(mb) || mb < MIN_GIVEN_MB) {
      throw new UsageError(
        t('cli.heap-env-invalid', { env: HEAP_ENV, value: given, min: MIN_GIVEN_MB }),
      );
    }
    return mb;
  }
  const machine = Math.floor(getHeapStatistics().heap_size_limit / MB);
  const wanted = Math.max(MIN_HEAP_MB, Math.ceil((HEAP_PER_INPUT_MB * inputBytes) / MB));
  return Math.min(wanted, Math.max(MIN_HEAP_MB, machine));
}

/** Signals that stop the CLI and that it passes on, so that the child stops with it. */
const PASSED_ON: NodeJS.Signals[] =
  process.platform === 'win32' ? ['SIGINT', 'SIGBREAK', 'SIGHUP'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

function inChild(task: Task, heapMb: number): Promise<Reply | Stopped> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./bounded-child.js', import.meta.url), {
      execArgv: [
        // A debugger's port is this process's; the child would fail to open it again.
        ...process.execArgv.filter((flag) => !flag.startsWith('--inspect')),
        `--max-old-space-size=${heapMb}`,
        `--max-semi-space-size=${SEMI_SPACE_MB}`,
      ],
      // Its stdout is kept until it ends: the result comes after all its stderr (the progress).
      stdio: ['inherit', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const out: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    const fatal = forwardUntilFatal(child.stderr!, process.stderr);
    let reply: Reply | null = null;
    let passedOn: NodeJS.Signals | null = null;
    const passOn = (signal: NodeJS.Signals) => {
      passedOn = signal;
      child.kill(signal);
    };
    for (const signal of PASSED_ON) process.on(signal, passOn);
    const stopPassing = () => PASSED_ON.forEach((s) => process.off(s, passOn));
    child.on('message', (m: Reply) => (reply = m));
    child.on('error', (err) => {
      stopPassing(); // a child that could not start must not keep Ctrl+C from stopping us
      reject(err);
    });
    // 'close' comes after the child's output has all been read.
    child.on('close', (code, signal) => {
      stopPassing();
      process.stdout.write(Buffer.concat(out));
      if (reply !== null) return resolve(reply);
      const how = signal ?? `code ${code}`;
      resolve({ pid: child.pid!, outOfMemory: fatal.outOfMemory, passedOn, how });
    });
    child.send(task);
  });
}

/**
 * The total size of the files below a folder; what cannot be read counts 0 (the child says why).
 * Synchronous: 1,690 stat calls took ~0.18 s through fs/promises and ~0.02 s so (03/12/2026).
 */
export function bytesBelow(dir: string): number {
  const sizeOf = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  try {
    const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    return entries.reduce(
      (n, e) => n + (e.isFile() ? sizeOf(path.join(e.parentPath, e.name)) : 0),
      0,
    );
  } catch {
    return 0;
  }
}
