import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.MAXRSS_FILE)
    writeFileSync(process.env.MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
