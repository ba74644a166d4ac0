import { useCallback, useEffect, useRef, useState } from 'react';
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

/**
 * The pane's state: read at start, after every action and whenever the workbook's tables change
 * in Excel (a sort, a deleted row, a co-author's edit), so lists and forms show what is there now;
 * one action at a time.
 */
export function useWorkbookState(
  host: WorkbookHost,
  region: Region,
  at: Date,
): WorkbookState & { notice: Notice | null } {
  const [read, setRead] = useState<Read | null>(null);
  const [busy, setBusy] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);
  // An action reads the workbook again when it ends: changes it causes itself need no read of their own.
  const acting = useRef(false);

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

  useEffect(() => {
    if (host.follow === undefined) return;
    const stop = host.follow(() => {
      if (!acting.current) void reload();
    });
    stop.catch((error: unknown) => setNotice({ intent: 'error', text: messageOf(error) }));
    // On unmount no view is left to show a failed removal; a failed subscription was shown above.
    return () => void stop.then((s) => s()).catch(() => undefined);
  }, [host, reload]);

  const act = useCallback(
    async (action: () => Promise<Notice | null>, { reread = true } = {}) => {
      setBusy(true);
      acting.current = true;
      setNotice(null);
      let ok = true;
      try {
        setNotice(await action());
      } catch (error) {
        ok = false;
        setNotice({ intent: 'error', text: messageOf(error) });
      }
      if (reread) await reload();
      acting.current = false;
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
