import { t } from '../../domain/messages.js';

// What the ribbon's check dialog says, from the counts in its URL (validate-command.ts puts
// them there). Parameters that do not parse are treated as absent, never shown as typed.

export interface CheckResultText {
  intent: 'success' | 'warning' | 'error';
  lines: string[];
}

const count = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : null);

export function checkResultText(search: string): CheckResultText {
  const p = new URLSearchParams(search);
  const region = p.get('region');
  if (region !== null && /^[a-z0-9][a-z0-9-]*$/.test(region)) {
    const key =
      p.get('regionProblem') === 'unusable'
        ? 'region.workbook-unusable'
        : 'region.workbook-unknown';
    return { intent: 'error', lines: [t(key, { id: region })] };
  }
  const errors = count(p.get('errors'));
  const warnings = count(p.get('warnings'));
  const rows = count(p.get('rows'));
  if (p.get('failed') === '1' || errors === null || warnings === null || rows === null) {
    return { intent: 'error', lines: [t('pane.check-dialog-failed')] };
  }
  if (errors + warnings === 0) {
    return { intent: 'success', lines: [t('pane.check-dialog-clean', { rows })] };
  }
  const lines = [t('pane.check-dialog-summary', { errors, warnings, rows })];
  const sheet = p.get('sheet');
  const cell = p.get('cell');
  if (sheet !== null && cell !== null && /^[A-Z]{1,3}\d{1,7}$/.test(cell)) {
    lines.push(t('pane.check-dialog-first', { sheet, cell }));
  }
  lines.push(t('pane.check-dialog-more'));
  return { intent: errors > 0 ? 'error' : 'warning', lines };
}
