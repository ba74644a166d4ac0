import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peakRssMb } from './peak-rss.mjs';

// Runs the built CLI as a user would, and measures its peak memory through a preload that writes
// process.resourceUsage().maxRSS when each of its processes exits.

export const CLI = join(import.meta.dirname, '../../dist/bin/main.js');
const PRELOAD = join(import.meta.dirname, 'maxrss-preload.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI in bytes (its processes' peaks added up). */
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
      const maxRss = peakRssMb(rssFile) * 1024 * 1024;
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr, maxRss });
    });
  });
}
