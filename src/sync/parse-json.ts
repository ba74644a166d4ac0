import type { z } from 'zod';

/** A JSON file the sync keeps on the drive, checked against its schema; null when it is not one. */
export function parseJson<T>(schema: z.ZodType<T>, bytes: Buffer): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
