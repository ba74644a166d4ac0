import { writesLanded } from '../row-by-key.js';
import type { TableWrite, WorkbookHost } from '../workbook-host.js';

// Excel may apply a write and still report a failure (a sync that timed out after the request
// went through). Saying "failed" then leads the user to save again, or to type it anew under
// another ID: a duplicate. So a failed write is checked against the workbook as it is now.

/**
 * Writes the records; when the host reports a failure, reads the workbook again and succeeds
 * all the same if it holds every record as written. Otherwise the host's error stands.
 */
export async function writeOnce(host: WorkbookHost, writes: readonly TableWrite[]): Promise<void> {
  try {
    await host.writeRecords(writes);
  } catch (error) {
    const now = await host.read().catch(() => null);
    if (now === null || !writesLanded(now, writes)) throw error;
  }
}
