import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fork } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
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
 * sooner; as fast when measured, ~25 MB less peak memory.
 */
const SEMI_SPACE_MB = 5;
/** Heap per MB of input workbooks: measured ~3.3 for the example drive, so 8 leaves room. */
const HEAP_PER_INPUT_MB = 8;
/** Sets the cap in MB, for operators and for tests (a tiny cap proves the out-of-memory path). */
export const HEAP_ENV = 'PARTNERSCHAP_HEAP_MB';

/** The commands that run in the child (bounded-child.ts). */
export type BoundedCommand = 'sync' | 'overview';

export type Reply = { code: number } | { usage: string } | { error: string };

/** What the child is asked to do: its first message. */
export interface Task {
  command: BoundedCommand;
  options: unknown;
  stderrIsTTY: boolean;
}

/** Runs the command in the child; `afterOutOfMemory` undoes what a stopped run left behind. */
export async function runBounded(
  command: BoundedCommand,
  options: unknown,
  inputBytes: number,
  afterOutOfMemory: (pid: number) => Promise<void> = async () => {},
): Promise<number> {
  const heapMb = heapCap(inputBytes);
  const reply = await inChild(
    { command, options, stderrIsTTY: process.stderr.isTTY === true },
    heapMb,
  );
  if ('outOfMemory' in reply) {
    const message = t('cli.out-of-memory', { mb: heapMb, env: HEAP_ENV });
    process.stderr.write(`${t('cli.error', { message })}\n`);
    // Said first: a drive out of reach while cleaning up must not hide why the run stopped.
    await afterOutOfMemory(reply.outOfMemory.pid).catch((err: unknown) => {
      const reason = err instanceof Error ? err.message : String(err);
      process.stderr.write(
        `${t('cli.error', { message: t('cli.out-of-memory-lease', { reason }) })}\n`,
      );
    });
    return EXIT.unreadable;
  }
  if ('usage' in reply) throw new UsageError(reply.usage);
  if ('error' in reply) throw new Error(reply.error);
  return reply.code;
}

/** The child's heap cap in MB: the operator's, or from the input within the machine's limit. */
function heapCap(inputBytes: number): number {
  const given = Number(process.env[HEAP_ENV]);
  if (Number.isInteger(given) && given > 0) return given;
  const machine = Math.floor(getHeapStatistics().heap_size_limit / MB);
  const wanted = Math.max(MIN_HEAP_MB, Math.ceil((HEAP_PER_INPUT_MB * inputBytes) / MB));
  return Math.min(wanted, Math.max(MIN_HEAP_MB, machine));
}

function inChild(task: Task, heapMb: number): Promise<Reply | { outOfMemory: { pid: number } }> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./bounded-child.js', import.meta.url), {
      execArgv: [
        ...process.execArgv,
        `--max-old-space-size=${heapMb}`,
        `--max-semi-space-size=${SEMI_SPACE_MB}`,
      ],
      stdio: ['inherit', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const fatal = forwardUntilFatal(child.stderr!, process.stderr);
    let reply: Reply | null = null;
    child.on('message', (m: Reply) => (reply = m));
    child.on('error', reject);
    // 'close' comes after the child's output has all been passed on.
    child.on('close', (code, signal) => {
      if (reply !== null) resolve(reply);
      else if (fatal.outOfMemory) resolve({ outOfMemory: { pid: child.pid! } });
      else reject(new Error(t('cli.child-stopped', { how: signal ?? `code ${code}` })));
    });
    child.send(task);
  });
}

/** The total size of the files below a folder (0 when it does not exist). */
export async function bytesBelow(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const e of entries) {
    if (e.isFile()) total += (await stat(path.join(e.parentPath, e.name))).size;
  }
  return total;
}
