import { TransportError } from '../drive/drive.js';
import type { BoundedCommand, Reply, Task } from './bounded.js';
import { UsageError } from './usage-error.js';

// The child side of runBounded: runs one command function and reports its exit code, or the
// message of what went wrong (an error object cannot cross processes with its class).

type Run = (options: never) => Promise<number>;

// Named imports a bundler can follow (the CLI is bundled: scripts/bundle-cli.js).
const COMMANDS: Record<BoundedCommand, () => Promise<Run>> = {
  sync: async () => (await import('./sync-command.js')).runSyncCommand,
  overview: async () => (await import('./overview-command.js')).runOverview,
};

let replied = false;
// The CLI that started this one is gone: so is its user, and the work. A CLI that is stopped
// passes its signal on (bounded.ts); one killed outright is noticed here, when the work next
// gives the event loop a turn: it waits for I/O, or a workbook it reads is finished
// (readWorkbookFiles).
process.on('disconnect', () => {
  if (!replied) process.exit(1);
});

process.once('message', (task: Task) => void run(task));

async function run({ command, options, stderrIsTTY }: Task): Promise<void> {
  // This stderr is a pipe to the parent; the terminal behind it is the user's.
  if (stderrIsTTY) Object.defineProperty(process.stderr, 'isTTY', { value: true });
  let reply: Reply;
  try {
    const runCommand = await COMMANDS[command]();
    reply = { code: await runCommand(options as never) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A drive's refusal is told as plainly as a usage mistake: its Dutch message says what to do.
    const told = err instanceof UsageError || err instanceof TransportError;
    reply = told ? { usage: message } : { error: message };
  }
  replied = true;
  process.send?.(reply, () => process.disconnect());
}
