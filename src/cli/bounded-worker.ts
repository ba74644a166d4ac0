import { parentPort, workerData } from 'node:worker_threads';
import { TransportError } from '../drive/drive.js';
import type { BoundedCommand } from './bounded.js';
import { UsageError } from './usage-error.js';

// The worker side of runBounded: runs one command function and reports its exit code, or the
// message of what went wrong (an error object cannot cross threads with its class).

const { command, options, stderrIsTTY } = workerData as {
  command: BoundedCommand;
  options: unknown;
  stderrIsTTY: boolean;
};

type Run = (options: never) => Promise<number>;

// Named imports a bundler can follow (the CLI is bundled: scripts/bundle-cli.js).
const COMMANDS: Record<BoundedCommand, () => Promise<Run>> = {
  sync: async () => (await import('./sync-command.js')).runSyncCommand,
  overview: async () => (await import('./overview-command.js')).runOverview,
};

// A worker's stderr is a pipe to the main thread; the terminal behind it is the user's.
if (stderrIsTTY) Object.defineProperty(process.stderr, 'isTTY', { value: true });

try {
  const run = await COMMANDS[command]();
  parentPort?.postMessage({ code: await run(options as never) });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  // A drive's refusal is told as plainly as a usage mistake: its Dutch message says what to do.
  const told = err instanceof UsageError || err instanceof TransportError;
  parentPort?.postMessage(told ? { usage: message } : { error: message });
}
