// The add-in's bundled example (preview mode): the example gemeente workbook of Deinze, and next
// to it the regional overview of the whole example drive, which a demo user picks in "Aanbod
// bijwerken". Runs after `npm run build`, against dist/. Deterministic: the example generator is
// seeded and the overview is made for a fixed day.
//
//   node scripts/addin-example.js "dist/addin/voorbeeld/Gemeente Deinze.xlsx"
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { leieSchelde } from '../dist/domain/region/leie-schelde.js';
import { buildOverview } from '../dist/domain/overview/merge.js';
import { validateWorkbook } from '../dist/domain/validate.js';
import { generateExample } from '../dist/example/generate.js';
import { md5 } from '../dist/fs/md5.js';
import { writeFileAtomic } from '../dist/fs/write-atomic.js';
import { buildWorkbook } from '../dist/workbook/xlsx/build-workbook.js';
import { readWorkbookBytes } from '../dist/workbook/xlsx/read-workbook.js';
import { workbookBytes } from '../dist/workbook/xlsx/write-templates.js';
import { overviewWorkbook } from '../dist/workbook/xlsx/write-overview.js';
import { writeWorkbook } from '../dist/workbook/xlsx/xlsx-stream.js';

const MUNICIPALITY = 'Deinze';
const OVERVIEW_NAME = 'Regionaal overzicht.xlsx';
/** The day the overview counts offers as active: the call's deadline. */
const AS_OF = new Date(Date.UTC(2023, 5, 9));

const target = process.argv[2];
if (!target) {
  console.error('Gebruik: node scripts/addin-example.js "<map>/Gemeente Deinze.xlsx"');
  process.exit(2);
}

const region = leieSchelde;
const files = generateExample(region);
const sources = [];
for (const file of files) {
  const bytes = await workbookBytes(
    buildWorkbook({ kind: file.kind, region, owner: file.owner, rows: file.rows }),
  );
  if (file.kind === 'gemeente' && file.owner === MUNICIPALITY) await writeFileIn(target, bytes);
  const read = await readWorkbookBytes(bytes, file.path);
  if (!read.ok) throw new Error(`${file.path}: ${read.code}`);
  sources.push({
    path: file.path,
    md5: md5(bytes),
    bytes: bytes.length,
    outcome: { ok: true, result: validateWorkbook(read.workbook, region) },
  });
}
const overview = buildOverview(region, sources, { asOf: AS_OF, gapWaitWeeks: 8 });
const overviewFile = path.join(path.dirname(target), OVERVIEW_NAME);
await writeFileIn(overviewFile, (await writeWorkbook(overviewWorkbook(region, overview))).bytes);
console.log(`${target}\n${overviewFile}`);

async function writeFileIn(file, bytes) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, bytes);
}
