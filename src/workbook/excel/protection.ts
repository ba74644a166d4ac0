/// <reference types="office-js" />

// The read-only copies (Aanbod, Tijdlijn in a gemeente workbook) are protected without a
// password: it guards against slips, not people. Filtering, sorting and resizing stay allowed.
// Writes by the pane lift the protection and restore it within the same request.

export const READ_ONLY_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
  allowFormatRows: true,
};

/** Queues lifting the protection; `restore` queues it back before the request is sent. */
export function liftProtection(sheet: Excel.Worksheet): { restore(): void } {
  sheet.protection.unprotect();
  return { restore: () => sheet.protection.protect(READ_ONLY_PROTECTION) };
}
