import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { t } from '../domain/messages.js';
import { writeExampleDrive } from '../example/write-drive.js';
import { loadRegion } from './region-file.js';
import { EXIT, UsageError } from './usage-error.js';

// Marks a folder as written by `example`, so running it again may overwrite it, while a real
// shared drive (which has no marker) is never overwritten with made-up data.
const MARKER = '.partnerschap-voorbeeld';

/** `partnerschap example --out DIR`: a synthetic shared drive, the same for the same seed. */
export async function runExample(o: {
  region?: string;
  out: string;
  seed: number;
  scale: number;
}): Promise<number> {
  const region = await loadRegion(o.region);
  const existing: string[] = await readdir(o.out).catch(() => []);
  if (existing.length > 0 && !existing.includes(MARKER)) {
    throw new UsageError(t('cli.example-not-empty', { dir: o.out }));
  }
  const written = await writeExampleDrive(region, o.out, { seed: o.seed, scale: o.scale });
  await writeFile(path.join(o.out, MARKER), '');
  process.stdout.write(`${t('out.example-written', { dir: o.out, ...written })}\n`);
  return EXIT.ok;
}
