// `npm run bench`, the overview's write as a sync does it: once, in a fresh process, its modules
// loaded for it (called by no-change-sync.js: `node overview-write.js OVERVIEW OUT`). OVERVIEW is
// an overview model written with v8.serialize; the workbook is built and written to OUT, and the
// time from loading the writer to the file written is printed in ms. The model is read before the
// clock starts: a sync has it from the merge. The writer is the CLI bundle's chunk, the code a
// sync runs: dist/workbook/ loads module by module and keeps yazl's CRC-32 in JavaScript, and
// wrote --scale 40 in 840–855 ms against the bundle's 711–787 (4 alternated runs, 03/12/2026).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';

const dist = (p) => join(import.meta.dirname, '../../dist', p);
const [model, out] = process.argv.slice(2);
if (!model || !out) throw new Error('usage: overview-write.js OVERVIEW OUT');
const { loadRegion } = await import(dist('cli/region-file.js'));
const region = await loadRegion(undefined);
const overview = v8.deserialize(readFileSync(model));

const start = process.hrtime.bigint();
const { overviewWorkbook, writeWorkbook } = await import(dist('bin/lib/xlsx-stream.js'));
writeFileSync(out, (await writeWorkbook(overviewWorkbook(region, overview))).bytes);
process.stdout.write(`${Number(process.hrtime.bigint() - start) / 1e6}\n`);
