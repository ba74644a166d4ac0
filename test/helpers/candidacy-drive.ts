import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { leieSchelde as region } from '../../src/domain/region/leie-schelde.js';
import { buildWorkbook } from '../../src/workbook/xlsx/build-workbook.js';
import { workbookBytes } from '../../src/workbook/xlsx/write-templates.js';

// A drive for the tracker's tests: the region's source folders, and candidacy workbooks as
// partners send them.

/** One candidacy row; `extra` overrides any field. */
export function candidacy(trekker: string, titel: string, extra: Record<string, unknown> = {}) {
  return {
    titel,
    trekker,
    copartners: 'Geen',
    contact: 'Coördinator',
    email: 'project@voorbeeld.be',
    gemeenten: ['Deinze'],
    probleemgebieden: [region.problemAreas[0]!.label],
    doelgroepen: [region.targetGroups[0]!],
    samenvatting: 'Een project.',
    ...extra,
  };
}

/** A candidacy workbook in Partners/Kandidaturen, and the region's other source folders. */
export async function writeCandidacy(root: string, name: string, row: Record<string, unknown>) {
  for (const folder of [region.drive.gemeenten, region.drive.aanbod]) {
    await mkdir(path.join(root, ...folder.split('/')), { recursive: true });
  }
  const wb = buildWorkbook({
    kind: 'kandidatuur',
    region,
    owner: String(row.trekker),
    rows: { kandidatuur: [row as never] },
  });
  const file = path.join(root, ...region.drive.kandidaturen.split('/'), name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await workbookBytes(wb));
}
