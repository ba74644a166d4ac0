import { t } from '../domain/messages.js';
import { writeTemplates } from '../workbook/xlsx/write-templates.js';
import { loadRegion } from './region-file.js';
import { EXIT } from './usage-error.js';

/** `partnerschap templates --out DIR`: the gemeente, aanbod and kandidatuur templates. */
export async function runTemplates(o: { region?: string; out: string }): Promise<number> {
  const region = await loadRegion(o.region);
  const written = await writeTemplates(region, o.out);
  process.stdout.write(`${t('out.templates-written', { count: written.length, dir: o.out })}\n`);
  return EXIT.ok;
}
