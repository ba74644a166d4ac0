/// <reference types="office-js" />
import { t } from '../../domain/messages.js';

// The adapter uses ExcelApi 1.9 (suspendScreenUpdatingUntilNextSync, getResizedRange, ...).
// An older Excel would fail half-way through an action with an English API error, so the
// pane checks the set once at start and explains what to do instead.

export const REQUIRED_EXCEL_API = '1.9';

/** The part of the global Office object the check needs (injected in tests). */
export interface OfficeRequirements {
  context: { requirements: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** Null when this Excel can run the pane, otherwise the Dutch message to show instead of it. */
export function requirementsProblem(office: OfficeRequirements | undefined): string | null {
  if (office === undefined) return t('excel.no-office');
  return office.context.requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API)
    ? null
    : t('excel.requirements', { version: REQUIRED_EXCEL_API });
}
