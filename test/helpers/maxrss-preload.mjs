import { appendFileSync } from 'node:fs';

// Preloaded (`node --import`) into the CLI and, through its execArgv, into the child process it
// starts for the heavy commands: each process adds its own peak RSS in KB as one line.
process.on('exit', () => {
  if (process.env.MAXRSS_FILE)
    appendFileSync(process.env.MAXRSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
