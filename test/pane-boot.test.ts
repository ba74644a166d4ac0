import { describe, expect, it } from 'vitest';
import { bootDecision, type BootSignals } from '../src/domain/pane/boot-decision.js';
import { t } from '../src/domain/messages.js';

// Where the task pane starts. Inside Excel it must never fall back to preview mode, which works on
// an empty workbook in memory and would lose what the user types.

const EXCEL_URL = '?_host_Info=Excel$Win32$16.01$nl-BE$$$$0';
const noOffice: BootSignals['office'] = { loaded: false };
const browser: BootSignals['office'] = { loaded: true, host: null };
const excel: BootSignals['office'] = { loaded: true, host: 'Excel' };

const decide = (
  search: string,
  office: BootSignals['office'],
  hash = '',
  stored: string | null = null,
) => bootDecision({ search, hash, stored, office });

describe('bootDecision', () => {
  it('runs on the open workbook when Office says the host is Excel', () => {
    expect(decide(EXCEL_URL, excel)).toEqual({ mode: 'office' });
    expect(decide('', excel)).toEqual({ mode: 'office' });
    // Even a ?preview in the URL does not take the pane away from the workbook Excel opened.
    expect(decide('?preview=example', excel)).toEqual({ mode: 'office' });
  });

  it('stops, saying why, when Excel opened the pane but office.js did not load', () => {
    expect(decide(EXCEL_URL, noOffice)).toEqual({
      mode: 'refused',
      message: t('pane.office-failed'),
    });
    expect(decide('?_HOST_INFO=Excel$Mac$16.01', noOffice).mode).toBe('refused');
    expect(decide('', noOffice, '#_host_Info=Excel$Web$16.01')).toMatchObject({
      mode: 'refused',
    });
  });

  it('stops when only sessionStorage remembers that Excel opened the pane (a reload)', () => {
    const stored = 'Excel|Web|16.00|nl-BE|';
    expect(decide('', noOffice, '', stored)).toEqual({
      mode: 'refused',
      message: t('pane.office-failed'),
    });
    expect(decide('', browser, '', stored).mode).toBe('refused');
    expect(decide('', noOffice, '', '')).toEqual({ mode: 'preview', example: false });
  });

  it('stops when office.js loaded but did not recognise the Excel that opened the pane', () => {
    expect(decide(EXCEL_URL, browser)).toEqual({
      mode: 'refused',
      message: t('pane.office-failed'),
    });
  });

  it('stops in another Office application, naming it', () => {
    expect(decide('', { loaded: true, host: 'Word' })).toEqual({
      mode: 'refused',
      message: 'Partnerschap werkt alleen in Excel, niet in Word.',
    });
  });

  it('starts preview mode only in a plain browser', () => {
    expect(decide('', noOffice)).toEqual({ mode: 'preview', example: false });
    expect(decide('', browser)).toEqual({ mode: 'preview', example: false });
    expect(decide('?preview=example', noOffice)).toEqual({ mode: 'preview', example: true });
    expect(decide('?preview', browser)).toEqual({ mode: 'preview', example: false });
  });

  it('says which Excel versions are recent enough', () => {
    const message = t('excel.requirements', { version: '1.9' });
    expect(message).toContain('Microsoft 365, Excel 2021 of nieuwer');
    expect(message).toContain('Excel 2019 met volumelicentie blijft op ExcelApi 1.7');
    expect(message).not.toMatch(/Excel 2019 of nieuwer/);
  });
});
