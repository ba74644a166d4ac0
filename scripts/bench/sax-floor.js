// The floor for reading workbooks: unzip every entry of every .xlsx below a folder and run a full
// SAX parse over its XML, doing nothing else. Prints the number of XML elements seen.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';

async function xlsxBelow(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.xlsx'))
    .map((e) => join(e.parentPath, e.name));
}

function parseEntry(zip, entry) {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const parser = new SaxesParser();
      let elements = 0;
      parser.on('opentag', () => (elements += 1));
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => parser.write(chunk));
      stream.on('end', () => {
        parser.close();
        resolve(elements);
      });
      stream.on('error', reject);
    });
  });
}

function parseFile(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      let elements = 0;
      zip.on('entry', (entry) => {
        const xml = /\.(xml|rels)$/.test(entry.fileName);
        const next = xml ? parseEntry(zip, entry) : Promise.resolve(0);
        next.then((n) => {
          elements += n;
          zip.readEntry();
        }, reject);
      });
      zip.on('end', () => resolve(elements));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

let total = 0;
for (const file of await xlsxBelow(process.argv[2])) total += await parseFile(file);
process.stdout.write(`${total}\n`);
