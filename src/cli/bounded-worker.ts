import { parentPort, workerData } from 'node:worker_threads';
import { TransportError } from '../drive/drive.js';
import { UsageError } from './usage-error.js';

// The worker side of runBounded: runs one command function and reports its exit code, or the
// message of what went wrong (an error object cannot cross threads with its class).

const { module, fn, options, stderrIsTTY } = workerData as {
  module: string;
  fn: string;
  options: unknown;
  stderrIsTTY: boolean;
};

// A worker's stderr is a pipe to the main thread; the terminal behind it is the user's.
if (stderrIsTTY) Object.defineProperty(process.stderr, 'isTTY', { value: true });

try {
  const mod = (await import(module)) as Record<string, (o: unknown) => Promise<number>>;
  parentPort?.postMessage({ code: await mod[fn]!(options) });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  // A drive's refusal is told as plainly as a usage mistake: its Dutch message says what to do.
  const told = err instanceof UsageError || err instanceof TransportError;
  parentPort?.postMessage(told ? { usage: message } : { error: message });
}
