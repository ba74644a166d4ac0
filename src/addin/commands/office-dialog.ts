/// <reference types="office-js" />
import type { CommandUi } from './validate-command.js';

// The ribbon command's dialog through Office.js. Its promise settles only once the dialog is
// gone (closed from its own button, which sends messageParent('close'), or by the user's ×):
// the command calls event.completed() after it, and Excel may unload the function file, and
// with it the dialog, as soon as that is called.

// Percent of Excel's window: at 35 × 30 a small window (1024 × 600) left about 300 × 200 px.
export const DIALOG_SIZE = { height: 45, width: 35, displayInIframe: true };

export const officeDialog: CommandUi = {
  showDialog: (url) =>
    new Promise((resolve, reject) => {
      Office.context.ui.displayDialogAsync(url, DIALOG_SIZE, (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(new Error(result.error.message));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        // Closed with × (12006) or the page failed to load: gone either way.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    }),
};
