import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// LibreOffice as an independent client of our workbooks: headless conversions (xlsx -> xlsx
// re-saves a file the way a partner's LibreOffice would; xlsx -> pdf shows what a person sees).
// Debian: apt-get install libreoffice-calc-nogui poppler-utils.

/** The path of a program on PATH, or null. */
export function which(program: string): string | null {
  const found = spawnSync('which', [program], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || null : null;
}

export function sofficePath(): string | null {
  return which('soffice') ?? which('libreoffice');
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program in its own process group and kills the whole group when it takes too long. */
export function run(program: string, args: string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      // soffice forks soffice.bin: kill the group this call started, not just the launcher.
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${program} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Converts files with one headless soffice run (several files per run keep it fast) and returns
 * the output paths, in input order. Each run gets a fresh profile so parallel runs do not clash.
 */
export async function convertWithLibreOffice(
  files: readonly string[],
  to: 'xlsx' | 'pdf',
  outDir: string,
  timeoutMs = 120_000,
): Promise<string[]> {
  const soffice = sofficePath();
  if (soffice === null) throw new Error('LibreOffice (soffice) is not installed');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    const result = await run(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...files,
      ],
      timeoutMs,
    );
    if (result.code !== 0) {
      throw new Error(`soffice exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.parse(f).name}.${to}`));
}

/** Renders one page of a PDF to `<prefix>.png` with pdftoppm (poppler-utils). */
export async function renderPdfPage(
  pdf: string,
  prefix: string,
  page = 1,
  dpi = 60,
): Promise<string> {
  const args = ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile'];
  const result = await run('pdftoppm', [...args, pdf, prefix], 60_000);
  if (result.code !== 0) throw new Error(`pdftoppm exited with ${result.code}\n${result.stderr}`);
  return `${prefix}.png`;
}

/** The text of one page of a PDF, with pdftotext (poppler-utils). */
export async function pdfPageText(pdf: string, page: number): Promise<string> {
  const args = ['-f', String(page), '-l', String(page), '-layout', pdf, '-'];
  const result = await run('pdftotext', args, 60_000);
  if (result.code !== 0) throw new Error(`pdftotext exited with ${result.code}\n${result.stderr}`);
  return result.stdout;
}
