import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RawWorkbook } from '../../domain/cells.js';
import type { Region } from '../../domain/region/schema.js';
import { regionOfWorkbook, type RegionLoader } from '../../domain/region/workbook-region.js';
import { validateWorkbook, type ValidationResult } from '../../domain/validate.js';
import type { WorkbookHost } from '../../domain/workbook-host.js';
import { regionLoader } from '../host/region-loader.js';
import type { Notice, WorkbookState } from './workbook-context.js';

type Read =
  | { workbook: RawWorkbook; region: Region; validation: ValidationResult }
  /** The workbook names a region the add-in cannot use: nothing is validated or written. */
  | { workbook: RawWorkbook; region: null; problem: string };

/**
 * Reads the workbook and validates it against the region its _meta names (the built-in one, or
 * regions/<id>.json next to the pages: workbook-region.ts). Measured with the User Timing API:
 * DevTools shows the marks, `npm run bench` reads them.
 */
async function readAndValidate(
  host: WorkbookHost,
  builtIn: Region,
  load: RegionLoader,
): Promise<Read> {
  const start = performance.now();
  const workbook = await host.read();
  const read = performance.now();
  const choice = await regionOfWorkbook(workbook.meta, builtIn, load);
  if (!choice.ok) return { workbook, region: null, problem: choice.message };
  const validation = validateWorkbook(workbook, choice.region);
  performance.measure('partnerschap:read', { start, end: read });
  performance.measure('partnerschap:validate', { start: read });
  return { workbook, region: choice.region, validation };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the pane shows around its views: an action's outcome, and why the workbook is not read. */
export interface PaneStatus {
  notice: Notice | null;
  regionProblem: string | null;
  /** Why the last read failed (Excel not answering, the region not loadable); null once one succeeds. */
  readError: string | null;
  /** Why the pane could not start following the workbook's changes; null while it follows them. */
  followError: string | null;
  /** Reads the workbook again ("Opnieuw lezen"), and starts following it again if that had failed. */
  reread(): void;
}

/**
 * The pane's state: read at start, after every action and whenever the workbook's tables change
 * in Excel (a sort, a deleted row, a co-author's edit), so lists and forms show what is there now;
 * one action at a time. Until a read succeeds, `workbook` is null and no view may offer a form
 * or a write: an unread workbook is not an empty one.
 */
export function useWorkbookState(
  host: WorkbookHost,
  region: Region,
  at: Date,
): WorkbookState & PaneStatus {
  const [read, setRead] = useState<Read | null>(null);
  const [busy, setBusy] = useState(true);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [followError, setFollowError] = useState<string | null>(null);
  const [followTries, setFollowTries] = useState(0);
  // An action reads the workbook again when it ends: changes it causes itself need no read of their own.
  const acting = useRef(false);

  const load = useMemo(() => regionLoader(location.href), []);
  // A failed read keeps the action's own notice: a save that worked is not reported as failed.
  const reload = useCallback(async () => {
    try {
      setRead(await readAndValidate(host, region, load));
      setReadError(null);
    } catch (error) {
      setReadError(messageOf(error));
    }
  }, [host, region, load]);

  useEffect(() => {
    void reload().finally(() => setBusy(false));
  }, [reload]);

  const reread = useCallback(() => {
    setBusy(true);
    void reload().finally(() => setBusy(false));
    if (followError !== null) setFollowTries((n) => n + 1);
  }, [reload, followError]);

  useEffect(() => {
    if (host.follow === undefined) return;
    const stop = host.follow(() => {
      if (!acting.current) void reload();
    });
    stop.then(
      () => setFollowError(null),
      (error: unknown) => setFollowError(messageOf(error)),
    );
    // On unmount no view is left to show a failed removal; a failed subscription was shown above.
    return () => void stop.then((s) => s()).catch(() => undefined);
  }, [host, reload, followTries]);

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

  const usable = read !== null && read.region !== null ? read : null;
  return {
    host,
    region: usable?.region ?? region,
    at,
    workbook: usable?.workbook ?? null,
    validation: usable?.validation ?? null,
    busy,
    act,
    notice,
    regionProblem: read !== null && read.region === null ? read.problem : null,
    readError,
    followError,
    reread,
  };
}
