import { t } from '../domain/messages.js';
import { writeExampleDrive } from '../example/write-drive.js';
import { loadRegion } from './region-file.js';
import { EXIT } from './usage-error.js';

/** `partnerschap example --out DIR`: a synthetic shared drive, the same for the same seed. */
export async function runExample(o: {
  region?: string;
  out: string;
  seed: number;
  scale: number;
}): Promise<number> {
  const region = await loadRegion(o.region);
  const written = await writeExampleDrive(region, o.out, { seed: o.seed, scale: o.scale });
  process.stdout.write(`${t('out.example-written', { dir: o.out, ...written })}\n`);
  return EXIT.ok;
}
