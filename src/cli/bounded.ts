import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { t } from '../domain/messages.js';
import { EXIT, UsageError } from './usage-error.js';

// The heavy commands (overview, sync) run once, in a worker thread with a capped heap. The cap
// keeps V8 from letting garbage pile up long before collecting (the overview at --scale 80
// peaks ~15 % higher without it), and it lets a run that needs more memory than it may use stop
// with a Dutch message and exit 2 instead of a crash. It is never retried: a second run would
// report the counts of a run that found the work already done. The cap grows with the input (the
// sync's sources as listed, the overview's folder) from a floor that fits a dense gemeente
// workbook, and never passes the heap Node gives this machine's main thread.

const MB = 1024 * 1024;
const MIN_HEAP_MB = 768;
/**
 * The young generation (V8's nursery): smaller than V8's default, so short-lived garbage (the
 * rows and XML of the reader and the writer) is collected sooner; as fast when measured, ~25 MB
 * less peak memory.
 */
const YOUNG_MB = 16;
/** Heap per MB of input workbooks: measured ~3.3 for the example drive, so 8 leaves room. */
const HEAP_PER_INPUT_MB = 8;
/** Sets the cap in MB, for operators and for tests (a tiny cap proves the out-of-memory path). */
export const HEAP_ENV = 'PARTNERSCHAP_HEAP_MB';

/** The commands that run in the worker (bounded-worker.ts). */
export type BoundedCommand = 'sync' | 'overview';

type Reply = { code: number } | { usage: string } | { error: string };

/** Runs the command in the worker; `afterOutOfMemory` undoes what a stopped run left behind. */
export async function runBounded(
  command: BoundedCommand,
  options: unknown,
  inputBytes: number,
  afterOutOfMemory: () => Promise<void> = async () => {},
): Promise<number> {
  const heapMb = heapCap(inputBytes);
  const reply = await inWorker(command, options, heapMb);
  if (reply === 'out-of-memory') {
    const message = t('cli.out-of-memory', { mb: heapMb, env: HEAP_ENV });
    process.stderr.write(`${t('cli.error', { message })}\n`);
    // Said first: a drive out of reach while cleaning up must not hide why the run stopped.
    await afterOutOfMemory().catch((err: unknown) => {
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

/** The worker's heap cap in MB: the operator's, or from the input within the machine's limit. */
function heapCap(inputBytes: number): number {
  const given = Number(process.env[HEAP_ENV]);
  if (Number.isInteger(given) && given > 0) return given;
  const machine = Math.floor(getHeapStatistics().heap_size_limit / MB);
  const wanted = Math.max(MIN_HEAP_MB, Math.ceil((HEAP_PER_INPUT_MB * inputBytes) / MB));
  return Math.min(wanted, Math.max(MIN_HEAP_MB, machine));
}

function inWorker(
  command: BoundedCommand,
  options: unknown,
  heapMb: number,
): Promise<Reply | 'out-of-memory'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bounded-worker.js', import.meta.url), {
      workerData: { command, options, stderrIsTTY: process.stderr.isTTY === true },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    let reply: Reply | null = null;
    worker.on('message', (m: Reply) => (reply = m));
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve('out-of-memory');
      else reject(err);
    });
    // Waiting for exit (not just the reply) lets the worker's output reach ours first. A worker
    // that ends without a reply was stopped by its memory limit.
    worker.on('exit', () => resolve(reply ?? 'out-of-memory'));
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
