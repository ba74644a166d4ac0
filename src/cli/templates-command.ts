import { t } from '../domain/messages.js';
import { templateKindsFor, writeTemplates } from '../workbook/xlsx/write-templates.js';
import { loadRegion } from './region-file.js';
import { EXIT } from './usage-error.js';

/**
 * `partnerschap templates --out DIR [--force]`: the gemeente, aanbod and kandidatuur templates, or
 * only one kind's in a drive's folder of that kind. Existing files are kept unless --force (they
 * may be filled in): the missing ones are written, and the exit code is 2 when one was kept.
 */
export async function runTemplates(o: {
  region?: string;
  out: string;
  force?: boolean;
}): Promise<number> {
  const region = await loadRegion(o.region);
  const kinds = templateKindsFor(region, o.out);
  const { written, kept } = await writeTemplates(region, o.out, { force: o.force });
  const lines = [t('out.templates-written', { count: written.length, dir: o.out })];
  if (kinds.length === 1) {
    lines.push(t('out.templates-only', { dir: o.out, kind: t(`kind.${kinds[0]!}`) }));
  }
  process.stdout.write(lines.map((l) => `${l}\n`).join(''));
  if (kept.length === 0) return EXIT.ok;
  const files = kept.join(', ');
  process.stderr.write(
    `${t('cli.error', { message: t('cli.templates-kept', { count: kept.length, files }) })}\n`,
  );
  return EXIT.unreadable;
}
