import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Runs the built CLI as a user would, and measures the child's peak memory through a preload
// that writes process.resourceUsage().maxRSS when the process exits.

export const CLI = join(import.meta.dirname, '../../dist/bin/main.js');
const PRELOAD = join(import.meta.dirname, 'maxrss-preload.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process in bytes. */
  maxRss: number;
}

export function runCli(args: string[], cwd?: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-rss-'));
  const rssFile = join(dir, 'rss');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PRELOAD, CLI, ...args], {
      cwd,
      env: { ...process.env, ...env, MAXRSS_FILE: rssFile, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const maxRss = Number(readFileSync(rssFile, 'utf8')) * 1024;
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, maxRss });
    });
  });
}
