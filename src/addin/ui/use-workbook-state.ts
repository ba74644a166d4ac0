import { useCallback, useEffect, useState } from 'react';
import type { RawWorkbook } from '../../domain/cells.js';
import type { Region } from '../../domain/region/schema.js';
import { validateWorkbook, type ValidationResult } from '../../domain/validate.js';
import type { WorkbookHost } from '../../domain/workbook-host.js';
import type { Notice, WorkbookState } from './workbook-context.js';

interface Read {
  workbook: RawWorkbook;
  validation: ValidationResult;
}

/** Measured with the User Timing API: DevTools shows the marks, `npm run bench` reads them. */
async function readAndValidate(host: WorkbookHost, region: Region): Promise<Read> {
  const start = performance.now();
  const workbook = await host.read();
  const read = performance.now();
  const validation = validateWorkbook(workbook, region);
  performance.measure('partnerschap:read', { start, end: read });
  performance.measure('partnerschap:validate', { start: read });
  return { workbook, validation };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The pane's state: read once at start and after every action; one action at a time. */
export function useWorkbookState(
  host: WorkbookHost,
  region: Region,
  at: Date,
): WorkbookState & { notice: Notice | null } {
  const [read, setRead] = useState<Read | null>(null);
  const [busy, setBusy] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(async () => {
    try {
      setRead(await readAndValidate(host, region));
    } catch (error) {
      setNotice({ intent: 'error', text: messageOf(error) });
    }
  }, [host, region]);

  useEffect(() => {
    void reload().finally(() => setBusy(false));
  }, [reload]);

  const act = useCallback(
    async (action: () => Promise<Notice | null>, { reread = true } = {}) => {
      setBusy(true);
      setNotice(null);
      let ok = true;
      try {
        setNotice(await action());
      } catch (error) {
        ok = false;
        setNotice({ intent: 'error', text: messageOf(error) });
      }
      if (reread) await reload();
      setBusy(false);
      return ok;
    },
    [reload],
  );

  return {
    host,
    region,
    at,
    workbook: read?.workbook ?? null,
    validation: read?.validation ?? null,
    busy,
    act,
    notice,
  };
}
