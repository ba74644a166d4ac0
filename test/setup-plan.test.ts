import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PreviewHost } from '../src/addin/host/preview-host.js';
import { setupSheets, setupSheetsText } from '../src/domain/pane/setup-plan.js';
import { leieSchelde } from '../src/domain/region/leie-schelde.js';
import { HELP_SHEET } from '../src/domain/workbook-kinds.js';

// Start's first-run explanation names the sheets "Werkmap inrichten" adds: it must say what the
// set-up really does, so it is compared with a blank workbook set up by the preview host.

describe('setupSheets', () => {
  it('names the visible sheets a blank workbook gets, read-only where they are protected', async () => {
    const host = PreviewHost.blank('Nieuw.xlsx');
    const report = await host.setUp('gemeente', leieSchelde, 'Melle');
    const planned = setupSheets('gemeente');
    expect(planned.map((s) => s.name)).toEqual(report.addedSheets);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await host.bytes()) as unknown as ArrayBuffer);
    const visible = wb.worksheets.filter((ws) => ws.state === 'visible');
    expect(visible.map((ws) => ws.name)).toEqual(planned.map((s) => s.name));
    // The data sheets are all protected (their header row at least); a read-only copy leaves its
    // body locked too. Uitleg, only text to read, is not marked either way.
    for (const s of planned.filter((p) => p.name !== HELP_SHEET)) {
      const locked = wb.getWorksheet(s.name)!.getCell('A2').protection?.locked !== false;
      expect({ sheet: s.name, readOnly: locked }).toEqual({ sheet: s.name, readOnly: s.readOnly });
    }
    // "Verborgen bladen bewaren de keuzelijsten": there are hidden ones.
    expect(wb.worksheets.some((ws) => ws.state !== 'visible')).toBe(true);
  });

  it('reads as one Dutch enumeration', () => {
    expect(setupSheetsText('gemeente')).toBe(
      "Persona's, Noden, Aanbod (alleen lezen), Tijdlijn (alleen lezen) en Uitleg",
    );
  });
});
