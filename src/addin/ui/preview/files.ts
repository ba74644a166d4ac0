import { t } from '../../../domain/messages.js';

/** Larger files are refused before they are read: the page holds the whole workbook in memory. */
export const MAX_PICKED_BYTES = 50 * 1024 * 1024;

/** The bytes of a file the user picked, refused with a Dutch message naming it when unusable. */
export async function readPickedFile(file: File): Promise<ArrayBuffer> {
  if (!file.name.toLowerCase().endsWith('.xlsx')) {
    throw new Error(t('pane.file-not-xlsx', { file: file.name }));
  }
  if (file.size === 0) throw new Error(t('pane.file-empty', { file: file.name }));
  if (file.size > MAX_PICKED_BYTES) {
    throw new Error(t('pane.file-too-large', { file: file.name, limit: '50 MB' }));
  }
  return file.arrayBuffer();
}

/** Offers the bytes as a download under the workbook's own name. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
