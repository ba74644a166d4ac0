import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UsageError } from './usage-error.js';

// The heavy commands (overview, sync) run in a worker thread with a capped heap. The live data
// is small (the overview of a region four times the example's size needs about 110 MB), but
// without a cap V8 lets garbage pile up to well over 400 MB before collecting. The cap grows
// with the input; should it still be too small, the command runs once more without it.

const MB = 1024 * 1024;
const MIN_HEAP_MB = 256;
/** Heap per MB of input workbooks: measured ~3.3, so 8 leaves room. */
const HEAP_PER_INPUT_MB = 8;

export interface CommandRef {
  /** The command module, relative to this file, e.g. './overview-command.js'. */
  module: string;
  fn: string;
}

type Reply = { code: number } | { usage: string } | { error: string };

export async function runBounded(
  ref: CommandRef,
  options: unknown,
  inputBytes: number,
): Promise<number> {
  const heapMb = Math.max(MIN_HEAP_MB, Math.ceil((HEAP_PER_INPUT_MB * inputBytes) / MB));
  const reply = await inWorker(ref, options, heapMb);
  if (reply === 'out-of-memory') return runHere(ref, options);
  if ('usage' in reply) throw new UsageError(reply.usage);
  if ('error' in reply) throw new Error(reply.error);
  return reply.code;
}

async function runHere(ref: CommandRef, options: unknown): Promise<number> {
  const mod = (await import(ref.module)) as Record<string, (o: unknown) => Promise<number>>;
  return mod[ref.fn]!(options);
}

function inWorker(
  ref: CommandRef,
  options: unknown,
  heapMb: number,
): Promise<Reply | 'out-of-memory'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bounded-worker.js', import.meta.url), {
      workerData: { ...ref, options, stderrIsTTY: process.stderr.isTTY === true },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    let reply: Reply | null = null;
    worker.on('message', (m: Reply) => (reply = m));
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve('out-of-memory');
      else reject(err);
    });
    // Waiting for exit (not just the reply) lets the worker's output reach ours first.
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
