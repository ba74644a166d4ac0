/// <reference types="office-js" />
/// <reference lib="dom" />
import { leieSchelde } from '../../domain/region/leie-schelde.js';
import { regionOfWorkbook } from '../../domain/region/workbook-region.js';
import { OfficeHost } from '../host/office-host.js';
import { regionLoader } from '../host/region-loader.js';
import { officeDialog } from './office-dialog.js';
import { checkFailedUrl, validateWorkbookCommand } from './validate-command.js';

// The entry of commands.html, the ribbon's function file: the manifest's FunctionName
// "validateWorkbook" runs the check. Excel waits for event.completed() before it takes the next
// command, so it is called whatever happens, and only once the dialog is gone.

// The function file is a browser page; this file is also type-checked without the DOM library.
declare const location: { href: string };

async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const page = location.href;
  try {
    const regionOf = (meta: ReadonlyMap<string, string> | null) =>
      regionOfWorkbook(meta, leieSchelde, regionLoader(page));
    await validateWorkbookCommand(new OfficeHost(), regionOf, officeDialog, page);
  } catch {
    await officeDialog.showDialog(checkFailedUrl(page)).catch(() => undefined);
  } finally {
    event.completed();
  }
}

// At the top level, as Microsoft's template does: the function must be known to Excel before
// the ribbon calls it, not only once onReady has fired.
Office.actions.associate('validateWorkbook', validateWorkbook);
void Office.onReady();
