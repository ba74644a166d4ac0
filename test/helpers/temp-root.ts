import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Vitest's global set-up: every test file, and every program a test starts (the CLI,
// LibreOffice, Chromium), makes its temporary files below one folder of this run, removed when
// the run ends. A test that forgets its own leaves nothing behind: they held drives, state
// folders and SMTP settings with (made-up) passwords.
export function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'partnerschap-test-'));
  // Open to every user, as /tmp is (sticky): some tests run a step as an unprivileged user.
  chmodSync(root, 0o1777);
  // Node's os.tmpdir() reads TMPDIR (TEMP and TMP on Windows); workers and children inherit it.
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) process.env[name] = root;
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
