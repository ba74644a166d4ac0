import { createContext, useContext } from 'react';
import type { RawWorkbook } from '../../domain/cells.js';
import type { Region } from '../../domain/region/schema.js';
import type { ValidationResult } from '../../domain/validate.js';
import type { WorkbookHost } from '../../domain/workbook-host.js';

// What every view works with: the host, the region, the workbook as last read and validated,
// and `act`, which runs one user action, shows its outcome and reads the workbook again.

export interface Notice {
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
}

export interface WorkbookState {
  host: WorkbookHost;
  region: Region;
  /** The moment reminders and active offers count from. */
  at: Date;
  workbook: RawWorkbook | null;
  validation: ValidationResult | null;
  busy: boolean;
  /**
   * Runs an action; its returned notice (or its error) is shown; the workbook is read again
   * unless the action only looked (`reread: false`). Resolves to whether the action succeeded.
   */
  act(action: () => Promise<Notice | null>, options?: { reread?: boolean }): Promise<boolean>;
}

export const WorkbookContext = createContext<WorkbookState | null>(null);

export function useWorkbook(): WorkbookState {
  const state = useContext(WorkbookContext);
  if (state === null) throw new Error('useWorkbook outside WorkbookContext');
  return state;
}
