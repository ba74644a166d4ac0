/// <reference types="office-js" />
/// <reference lib="dom" />
import { leieSchelde } from '../../domain/region/leie-schelde.js';
import { OfficeHost } from '../host/office-host.js';
import { checkFailedUrl, validateWorkbookCommand, type CommandUi } from './validate-command.js';

// The entry of commands.html, the ribbon's function file: the manifest's FunctionName
// "validateWorkbook" runs the check. Excel waits for event.completed() before it takes the next
// command, so it is called whatever happens.

// The function file is a browser page; this file is also type-checked without the DOM library.
declare const location: { href: string };

const DIALOG_SIZE = { height: 35, width: 30, displayInIframe: true };

const officeDialog: CommandUi = {
  showDialog: (url) =>
    new Promise((resolve, reject) => {
      Office.context.ui.displayDialogAsync(url, DIALOG_SIZE, (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(new Error(result.error.message));
          return;
        }
        // The page asks to be closed with messageParent('close') from its OK button.
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
        resolve();
      });
    }),
};

async function validateWorkbook(event: Office.AddinCommands.Event): Promise<void> {
  const page = location.href;
  try {
    await validateWorkbookCommand(new OfficeHost(), leieSchelde, officeDialog, page);
  } catch {
    await officeDialog.showDialog(checkFailedUrl(page)).catch(() => undefined);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('validateWorkbook', validateWorkbook);
});
