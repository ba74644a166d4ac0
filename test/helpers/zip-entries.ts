import yauzl from 'yauzl';

/** The entries of a zip (an xlsx): name → bytes. */
export function zipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The entries of a zip as UTF-8 text (the XML parts of an xlsx). */
export async function zipTexts(bytes: Buffer): Promise<Map<string, string>> {
  const entries = await zipEntries(bytes);
  return new Map([...entries].map(([name, b]) => [name, b.toString('utf8')]));
}
