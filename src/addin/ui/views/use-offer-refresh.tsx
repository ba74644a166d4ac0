import { aanbodLayout } from '../../../domain/layouts.js';
import { t } from '../../../domain/messages.js';
import { issueLine } from '../../../domain/issue.js';
import { offerRows, offersFromWorkbook } from '../../../domain/pane/offer-inventory.js';
import { offerProvenance } from '../../../domain/pane/offer-status.js';
import { useFilePicker } from '../form/use-file-picker.js';
import { readPickedFile } from '../preview/files.js';
import { useWorkbook, type Notice } from '../workbook-context.js';

// "Aanbod bijwerken…": the offers of a picked overview or inventory become the workbook's Aanbod
// copy, and _meta records from which file and on which day, so Dekking can show how old they are.

const PROBLEMS_SHOWN = 3;

/** The hidden file input to render and the function a button calls to open it. */
export function useOfferRefresh(testId: string) {
  const { region, at, host, act } = useWorkbook();

  const refresh = (file: File) =>
    act(async (): Promise<Notice> => {
      // exceljs is loaded when first needed: inside Excel the pane needs it only here.
      const { readRawWorkbook } = await import('../../../workbook/xlsx/exceljs-raw.js');
      const picked = offersFromWorkbook(
        await readRawWorkbook(await readPickedFile(file), file.name),
        region,
      );
      if (!picked.ok) return { intent: 'error', text: picked.message };
      await host.replaceRows(aanbodLayout, offerRows(picked.offers));
      await host.setMeta(offerProvenance(file.name, at));
      const refreshed = t('pane.offers-refreshed', {
        n: picked.offers.length,
        file: file.name,
        problems: picked.problems.length,
      });
      // The first few problems themselves, so the user can tell the file's author what to fix.
      const shown = picked.problems.slice(0, PROBLEMS_SHOWN).map(issueLine);
      return {
        intent: picked.problems.length > 0 ? 'warning' : 'success',
        text: [refreshed, ...shown].join(' '),
      };
    });

  return useFilePicker(t('pane.offers-refresh'), testId, (file) => {
    void refresh(file);
  });
}
