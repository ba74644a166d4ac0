import { createHash } from 'node:crypto';

// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so the same name gives
// the same UUID on every run and machine. The HSDS export names its records by stable keys.

/** The namespace of Partnerschap's HSDS ids: a fixed random UUID, never to be changed. */
export const HSDS_NAMESPACE = 'd613ba77-30b9-4a49-8473-2ebaa1b09d33';

export function uuidV5(name: string, namespace: string = HSDS_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
