import type { Region } from '../domain/region/schema.js';
import { aanbodFile } from './aanbod-files.js';
import { ExampleContext } from './context.js';
import type { ExampleFile } from './example-file.js';
import { gemeenteFile } from './gemeente-files.js';
import { kandidatuurFiles } from './kandidatuur-files.js';
import { placeMistakes } from './mistakes.js';
import { partnerList } from './partner-list.js';
import { withSavedTimes } from './saved-at.js';
import { trackerFile } from './tracker-file.js';

// A synthetic, reproducible example of the shared drive: one workbook per municipality (personas
// and needs), partner offer workbooks and candidacies, the coordinator's tracker, with a few of the mistakes real users make.
// Everything is invented: personas are anonymous composites, partners are plausible types with
// made-up names, e-mail addresses are on voorbeeld.be. Pure: no I/O, no clock, no Math.random,
// so it also runs in the browser and the same seed always gives the same drive.

export { folderOf, type ExampleFile, type ExampleMistake } from './example-file.js';
export { nationalNumber } from './national-number.js';
export { mulberry32 } from './random.js';

export interface ExampleOptions {
  seed: number;
  /**
   * Grows the drive linearly: personas per municipality, the number of partners (each with one
   * offer workbook of 1-5 offers) and the number of candidacies. Municipalities stay one each.
   */
  scale: number;
}

export const DEFAULT_EXAMPLE_OPTIONS: ExampleOptions = { seed: 1, scale: 1 };

export function generateExample(region: Region, o: Partial<ExampleOptions> = {}): ExampleFile[] {
  const { seed, scale } = { ...DEFAULT_EXAMPLE_OPTIONS, ...o };
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number`);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`scale must be a positive number, got ${scale}`);
  }
  const ctx = new ExampleContext(region, seed, scale);
  const gemeenten = region.municipalities.map((m, i) => gemeenteFile(ctx, m, i));
  const partners = partnerList(ctx);
  const aanbod = partners.map((p, i) => aanbodFile(ctx, p, i));
  const kandidaturen = kandidatuurFiles(ctx, partners);
  placeMistakes(ctx, { gemeenten, aanbod, kandidaturen });
  // The coordinator's tracker follows the candidacies as they are, mistakes included.
  const files = [...gemeenten, ...aanbod, ...kandidaturen, trackerFile(ctx, kandidaturen)];
  return withSavedTimes(ctx, files);
}
