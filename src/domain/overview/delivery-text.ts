import { t, type MessageKey } from '../messages.js';
import type { DeliveryStatus, Duplicate, FolderDelivery, Overview } from './model.js';

// Who delivered and what counts once, in Dutch: the lines on the overview's first sheet, and
// what the overview command and the sync's summary print.

const STATUS_KEYS: Record<DeliveryStatus, MessageKey> = {
  delivered: 'overview.delivery.delivered',
  refused: 'overview.delivery.refused',
  empty: 'overview.delivery.empty',
  missing: 'overview.delivery.missing',
};

const EMPTY_FOLDER_KEYS: Record<FolderDelivery['expects'], MessageKey> = {
  gemeente: 'overview.folder-empty.gemeente',
  aanbod: 'overview.folder-empty.aanbod',
  kandidatuur: 'overview.folder-empty.kandidatuur',
};

/** "ingediend", "niet ingediend", "ingediend, niet leesbaar". */
export function deliveryStatusText(status: DeliveryStatus): string {
  return t(STATUS_KEYS[status]);
}

/** What is missing from the overview: municipalities not delivered or refused, empty folders. */
export function deliveryLines(ov: Pick<Overview, 'delivery'>): string[] {
  const { municipalities, folders } = ov.delivery;
  const named = (status: DeliveryStatus) =>
    municipalities.filter((m) => m.status === status).map((m) => m.municipality);
  const missing = named('missing');
  const refused = named('refused');
  const empty = named('empty');
  const total = municipalities.length;
  return [
    ...(missing.length === 0
      ? []
      : [
          t('overview.delivery.missing-line', {
            list: missing.join(', '),
            count: missing.length,
            total,
          }),
        ]),
    ...(refused.length === 0
      ? []
      : [t('overview.delivery.refused-line', { list: refused.join(', ') })]),
    ...(empty.length === 0 ? [] : [t('overview.delivery.empty-line', { list: empty.join(', ') })]),
    ...folders
      .filter((f) => f.empty)
      .map((f) => t(EMPTY_FOLDER_KEYS[f.expects], { folder: f.folder })),
  ];
}

/** One file that does not count (wholly or in part) because another holds the same. */
export function duplicateLine(d: Duplicate): string {
  const params = { refused: d.refused, kept: d.kept, rows: d.rows };
  if (d.reason === 'same-municipality') {
    return t('overview.duplicate.same-municipality', {
      ...params,
      municipality: d.municipality ?? '',
    });
  }
  return t(`overview.duplicate.${d.reason}`, params);
}
