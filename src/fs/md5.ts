import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** MD5 of bytes, lower-case hex: how drives identify a version of a file. */
export function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** MD5 of a file, streamed (it may be far too large to hold in memory). */
export async function md5OfFile(file: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
